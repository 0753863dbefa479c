"""One progress line on stderr for long work: ``media download``, ``send --file`` and
``history backfill`` (README: "Exit codes", below the table).

It is drawn only when stderr is a terminal, and only for work that lasts longer than
``Progress.DELAY``: a script's stderr (a pipe, a file) gets nothing, so its one error
line stays the only line. The line is redrawn in place (``\\r``) from a thread, cut to
the terminal's width, and wiped when the work ends, before anything else is printed.
Transfers count their bytes through wacli.client.http's ``transfer_watcher``; other work
shows the seconds it has taken.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections.abc import Callable
from contextvars import Token
from types import TracebackType
from typing import TextIO

from wacli.client.http import transfer_watcher

_UNITS = ((1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "kB"))


def size_text(count: int) -> str:
    """A byte count for a person: 512 B, 12.3 kB, 4.0 MB."""
    for unit, name in _UNITS:
        if count >= unit:
            return f"{count / unit:.1f} {name}"
    return f"{count} B"


class Progress:
    """``with Progress("downloading report.pdf"):`` around the work (the anyio.run)."""

    DELAY = 0.5  # work done sooner shows nothing
    INTERVAL = 0.2  # seconds between redraws

    def __init__(self, label: str, out: TextIO | None = None) -> None:
        self.label = label
        self._out = out if out is not None else sys.stderr
        self._done = 0
        self._total: int | None = None
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._token: Token[Callable[[int, int | None], None] | None] | None = None
        self._drawn = False

    def update(self, done: int, total: int | None) -> None:
        """Bytes done so far, of ``total`` when known (a transfer_watcher)."""
        self._done, self._total = done, total

    def line(self) -> str:
        seconds = f"{time.monotonic() - self._started:.0f}s"
        if self._total:
            share = min(100, self._done * 100 // self._total)
            done, total = size_text(self._done), size_text(self._total)
            return f"{self.label}: {done} of {total} ({share}%), {seconds}"
        if self._done:
            return f"{self.label}: {size_text(self._done)}, {seconds}"
        return f"{self.label}: {seconds}"

    def _draw(self) -> None:
        width = shutil.get_terminal_size().columns - 1  # never the last column: no wrap
        self._out.write("\r" + self.line()[:width] + "\x1b[K")
        self._out.flush()
        self._drawn = True

    def _run(self) -> None:
        if self._stop.wait(self.DELAY):
            return
        while True:
            self._draw()
            if self._stop.wait(self.INTERVAL):
                return

    def __enter__(self) -> Progress:
        if self._out.isatty():
            self._token = transfer_watcher.set(self.update)
            self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        if self._token is not None:
            transfer_watcher.reset(self._token)
        if self._drawn:
            self._out.write("\r\x1b[K")  # wipe it: the result or the error line comes next
            self._out.flush()
