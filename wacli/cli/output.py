"""Writing results to stdout the way every data-printing command does."""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

import typer


def rfc3339(seconds: int | None) -> str | None:
    """Unix seconds as an RFC 3339 UTC string (None stays None)."""
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """One terminal line: control characters (newlines, escape sequences) shown escaped."""
    return _CONTROL.sub(lambda m: _ESCAPES.get(m[0], f"\\x{ord(m[0]):02x}"), text)


def write_lines(lines: Iterable[bytes]) -> None:
    """Write and flush; a reader that went away (`| head`) ends us quietly, as git does."""
    out = sys.stdout.buffer
    try:
        out.writelines(lines)
        out.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(128 + signal.SIGPIPE) from None
