"""A command's text in and result out, as scripts need them.

In: TEXT as given, or stdin (``-`` or absent) as UTF-8 less the one newline that
``echo`` or a here-string puts at its end (as ``$(…)`` drops it); text that is not
UTF-8 is a usage error (exit 2), not a crash while encoding it.

Out: a result the server already accepted is written to stdout; if stdout cannot take
it (``>/dev/full``, a closed pipe), the command still succeeds (exit 0) with a warning
on stderr: a script that retried a failed-looking send would send the message twice.
"""

from __future__ import annotations

import os
import sys

import typer

from wacli.cli.exit_codes import ExitCode, fail


def check_utf8(text: str, where: str) -> str:
    """``text`` when it can be sent; exit 2 naming the first byte that is not UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # Undecodable bytes reach Python as lone surrogates (U+DC80..U+DCFF = byte 0x80..0xFF).
        bad = ord(text[exc.start])
        byte = f"byte 0x{bad - 0xDC00:02x}" if 0xDC80 <= bad <= 0xDCFF else f"U+{bad:04X}"
        fail(f"{where} is not valid UTF-8 text ({byte} at position {exc.start})", ExitCode.USAGE)
    return text


def read_text(argument: str | None) -> str:
    """The message text: ``argument``, or stdin when it is ``-`` or absent."""
    if argument not in (None, "-"):
        return check_utf8(argument, "TEXT")
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(
            f"stdin is not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            ExitCode.USAGE,
        )
    return text.removesuffix("\n")


def silence_stdout() -> None:
    """After stdout failed: what is still buffered can never be written, so let it go to
    /dev/null, and Python's flush at exit cannot fail on it a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def write_result(data: bytes, done: str) -> None:
    """Write a result to stdout; if that fails, say so on stderr without failing, since
    ``done`` (what already happened, e.g. "message ID was sent") cannot be undone."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except OSError as exc:
        silence_stdout()
        reason = exc.strerror or type(exc).__name__
        typer.echo(f"wacli: warning: {done}, but stdout could not take it ({reason})", err=True)
