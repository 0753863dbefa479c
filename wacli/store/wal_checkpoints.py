"""WAL checkpoints on a thread of their own, for a process that commits without pause.

SQLite's automatic checkpoint runs inside the COMMIT that pushes the WAL past 1,000
pages, copying it into the database file and syncing that: on ``wacli listen``'s event
loop, a pause of its whole pipeline every few hundred messages. A busy writer hands the
work to ``Checkpointer`` instead: a second connection that checkpoints, in a thread,
whatever was committed since its last turn. Durability stays as it was: a commit is
complete once it is in the WAL (synchronous=NORMAL), checkpointed or not.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

INTERVAL = 0.25  # seconds between checkpoints while commits come
# A WAL this big (bytes) is checkpointed with TRUNCATE, which waits for the writer's
# commit in progress, so that a writer that never pauses cannot grow it without end.
TRUNCATE_ABOVE = 32 * 1024 * 1024


class Checkpointer:
    """Checkpoints the WAL of ``path`` in a daemon thread until ``stop``.

    The writer calls ``committed`` after each commit; the thread checkpoints (PASSIVE:
    it neither waits for nor blocks the writer) when something was committed since its
    last turn."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._wal = path.with_name(path.name + "-wal")
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wacli-wal-checkpoint", daemon=True)
        self._thread.start()

    def committed(self) -> None:
        self._dirty.set()

    def stop(self) -> None:
        """End the thread (its connection closed), after a last checkpoint."""
        self._stopping.set()
        self._dirty.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path, isolation_level=None)
        except sqlite3.Error as exc:
            log.warning("no background checkpoints for %s: %s", self._path, exc)
            return
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            while not self._stopping.is_set():
                self._dirty.wait()
                self._stopping.wait(INTERVAL)  # gathers the commits of a burst
                self._dirty.clear()
                self._checkpoint(conn)
        finally:
            conn.close()

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            big = os.path.getsize(self._wal) > TRUNCATE_ABOVE
        except OSError:
            big = False
        try:
            conn.execute(f"PRAGMA wal_checkpoint({'TRUNCATE' if big else 'PASSIVE'})").fetchone()
        except sqlite3.Error as exc:  # the next turn tries again; the writer is unaffected
            log.debug("checkpoint of %s failed: %s", self._path, exc)
