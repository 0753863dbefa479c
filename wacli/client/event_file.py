"""``wacli listen --output FILE``: the events appended to a file, on disk before their ack.

Each kept event's NDJSON line is appended to FILE (created 0600 when absent) and the
file is fsynced before the sink returns, and so before the dispatcher acknowledges the
stanza (README: "Where listen's events go"). While the dispatcher handles a batch of
stanzas (wacli.client.dispatcher.current_batch) the lines of the whole batch are written
together and share one fsync, still before any of their acks. ``reopen`` (on SIGHUP)
opens FILE again by name, after logrotate renamed it: the lines already written are on
disk in the renamed file, the next ones go to the new one.
"""

from __future__ import annotations

import logging
import os
import signal
import stat
from pathlib import Path

import anyio

from wacli.client import events as ev
from wacli.client.dispatcher import current_batch
from wacli.client.errors import ClientError

log = logging.getLogger(__name__)

FILE_MODE = 0o600  # events carry message texts: only the owner may read them


class OutputError(ClientError):
    """FILE cannot be opened, written or synced; the message names the path and why."""

    def __init__(self, path: Path, exc: OSError) -> None:
        super().__init__(f"cannot write {path}: {exc.strerror or exc}")
        self.path = path


def _open(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise OutputError(path, exc) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # fsync promises nothing for a pipe or tty
            raise OSError(0, "not a regular file")
        _drop_torn_line(fd, path)
    except OSError as exc:
        os.close(fd)
        raise OutputError(path, exc) from None
    return fd


def _drop_torn_line(fd: int, path: Path) -> None:  # fd open for reading too
    """Cut a last line without its newline (a write cut short by a kill or a full disk:
    its stanza was not acknowledged and comes again), so the next line starts whole."""
    end = os.fstat(fd).st_size
    if end == 0 or os.pread(fd, 1, end - 1) == b"\n":
        return
    keep = end
    while keep > 0:
        start = max(0, keep - 65536)
        newline = os.pread(fd, keep - start, start).rfind(b"\n")
        if newline >= 0:
            keep = start + newline + 1
            break
        keep = start
    log.warning("%s ended in a partial line; cutting its %d bytes", path, end - keep)
    os.ftruncate(fd, keep)


class EventFile:
    """The sink of ``listen --output``: see the module. ``keep``: the event types written
    (``--type``), all when None; the others are acknowledged unwritten."""

    def __init__(self, path: Path, keep: frozenset[str] | None) -> None:
        """Opens (creates) ``path``; OutputError when it cannot."""
        self.path = path
        self._keep = keep
        self._fd = _open(path)
        self._pending: list[bytes] = []  # lines not yet written
        self._dirty = False  # lines written since the last fsync
        self._broken: OutputError | None = None  # a reopen that failed
        self._lock = anyio.Lock()  # a reopen never closes the file under a write or fsync

    async def __call__(self, event: ev.Event) -> None:
        if self._keep is not None and event.type not in self._keep:
            return
        async with self._lock:
            if self._broken is not None:
                raise self._broken
            self._pending.append(event.line())
        batch = current_batch.get()
        if batch is None or not batch.defer(self.sync):  # one fsync a batch, before its acks
            await self.sync()

    def _write(self) -> None:
        view = memoryview(b"".join(self._pending))
        self._pending = []
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            raise OutputError(self.path, exc) from None
        self._dirty = True

    async def sync(self) -> None:
        """Write the lines kept so far and put every line on disk (a no-op when there is
        none)."""
        async with self._lock:
            await self._sync_locked()

    async def _sync_locked(self) -> None:
        if self._pending:
            self._write()
        if not self._dirty:
            return
        try:
            await anyio.to_thread.run_sync(os.fsync, self._fd)
        except OSError as exc:
            raise OutputError(self.path, exc) from None
        self._dirty = False

    async def reopen(self) -> None:
        """Open FILE again by name (after a rename); the old file is synced and closed.
        When FILE cannot be opened, the next event raises the OutputError (listen ends
        with exit 7 without acknowledging it)."""
        async with self._lock:
            await self._sync_locked()
            try:
                fd = _open(self.path)
            except OutputError as exc:
                log.warning("%s", exc)
                self._broken = exc
                return
            os.close(self._fd)
            self._fd = fd

    async def reopen_on_hangup(self) -> None:
        """Reopen on every SIGHUP (logrotate's postrotate or the unit's ExecReload);
        runs beside listen."""
        with anyio.open_signal_receiver(signal.SIGHUP) as hangups:
            async for _ in hangups:
                await self.reopen()
