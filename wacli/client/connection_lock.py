"""Which process holds a store's connection to the server: one at a time.

A device has one connection at a time: a second login with the same keys replaces the
first (wacli.client.relay). ``wacli listen`` holds the connection for as long as it runs
and lends it to the other commands over its relay; a command that finds no listener logs
in itself and holds it for as long as that login lasts. Without a lock, two cron jobs
started together would replace each other's connections (exit 6), and a listen started
while a command was logged in would be replaced by it.

The lock is ``flock`` on ``connection.lock`` in the store (0600): the kernel releases
it when its holder ends, even by SIGKILL. The file names the holder's pid, for the line
of a process that waited for it in vain.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import anyio

LOCK_NAME = "connection.lock"
POLL = 0.05  # seconds between two tries while another process holds it


class ConnectionLock:
    """The store's connection lock, taken by ``acquire`` and given back by ``release``
    (or by the end of the process)."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / LOCK_NAME
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it. A store where the file cannot be made (not
        ours to write) counts as taken: the command meets that store's real problem
        next, in the words the store gives it."""
        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError:
                return True
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()}\n".encode(), 0)
        return True

    async def acquire(self, wait: float) -> bool:
        """Take the lock, trying for up to ``wait`` seconds; whether it was taken."""
        deadline = anyio.current_time() + wait
        while not self.try_acquire():
            if anyio.current_time() >= deadline:
                return False
            await anyio.sleep(POLL)
        return True

    def holder(self) -> int | None:
        """The pid the file names (the holder's, while one holds the lock)."""
        try:
            text = self.path.read_text().strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # the lock goes with the file's last descriptor
            self._fd = None
