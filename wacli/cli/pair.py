"""`wacli pair`: link the store as a companion device, by QR or (with --phone) by code.

Humans get the QR drawn in the terminal (on stdout when it is a terminal, else
on stderr, so that stdout stays data-only) and redrawn as the server rotates
refs, or the code as ABCD-EFGH on stderr. ``--json`` writes every event of the
pairing (pairing_qr_code / pairing_code, pair_success, connected, ...)
as NDJSON on stdout instead. Exit 0 once paired, the store written and the
first login done. A store that is already paired is left alone: one line on
stderr, exit 0 (pairing is idempotent for scripts).

A new store directory is made 0700; an existing one keeps the mode its owner gave it
(the key files in it are 0600 whatever it is), with a warning when others may use it.
"""

from __future__ import annotations

import io
import shlex
import sys
from pathlib import Path
from typing import IO, Annotated

import anyio
import segno
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.client import events as ev
from wacli.client.errors import AlreadyPairedError
from wacli.jid import JIDError, phone_to_jid
from wacli.protocol.pair_code import format_code
from wacli.store.database import loose_mode


class PairOutput:
    """The sink of a pairing: NDJSON lines, or drawings and one-liners for humans."""

    def __init__(self, json_lines: bool, out: IO[bytes], err: IO[str], qr_to: IO[str]) -> None:
        self._json = json_lines
        self._out = out
        self._err = err
        self._qr_to = qr_to
        self._drawn_lines = 0  # of the previous QR, to redraw it in place on a terminal

    async def __call__(self, event: ev.Event) -> None:
        if self._json:
            self._out.write(event.line())
            self._out.flush()
            return
        say = self._err
        if isinstance(event, ev.PairingQrCode):
            drawing = io.StringIO()
            drawing.write(
                "Scan this QR code with WhatsApp on your phone "
                "(Settings > Linked devices > Link a device); "
                f"it is valid for {event.timeout:.0f} s:\n"
            )
            segno.make(event.code, error="l").terminal(out=drawing, compact=True)
            text = drawing.getvalue()
            if self._drawn_lines and self._qr_to.isatty():
                self._qr_to.write(f"\x1b[{self._drawn_lines}A\x1b[J")  # replace the old one
            self._qr_to.write(text)
            self._qr_to.flush()
            self._drawn_lines = text.count("\n")
        elif isinstance(event, ev.PairingCode):
            say.write(
                f"Enter this code on your phone: {format_code(event.code)}\n"
                "(WhatsApp > Linked devices > Link a device > Link with phone number instead; "
                f"valid for {event.timeout:.0f} s)\n"
            )
        elif isinstance(event, ev.PairSuccess):
            say.write(f"Paired as {event.id}" + (f" ({event.lid})" if event.lid else "") + "\n")
        elif isinstance(event, ev.PairError):
            say.write(f"Pairing failed: {event.error}\n")
        elif isinstance(event, ev.Connected):
            say.write("Logged in.\n")
        say.flush()


def warn_if_shared(directory: Path) -> None:
    """One line on stderr when the store directory lets its group or others in: wacli
    keeps the mode (someone chose it) but says how to make it private."""
    mode = loose_mode(directory)
    if mode is None:
        return
    writable = " and replace" if mode & 0o022 else ""
    typer.echo(
        f"wacli: warning: the store {directory} has mode {mode:04o}: others may list"
        f"{writable} its files (the keys in them stay 0600); to keep it private run "
        f"'chmod 700 {shlex.quote(str(directory))}'",
        err=True,
    )


def pair(
    ctx: typer.Context,
    phone: Annotated[
        str | None,
        typer.Option(
            help="Link with an 8-character pairing code for this phone number "
            "(international form, e.g. +15551234567).",
            show_default=False,
        ),
    ] = None,
    json: Annotated[
        bool, typer.Option("--json", help="Write the pairing events as NDJSON on stdout.")
    ] = False,
) -> None:
    """Link this store as a companion device (QR, or a code with --phone)."""

    options = ctx.obj
    try:
        jid = phone_to_jid(phone) if phone is not None else None
    except JIDError as exc:
        fail(f"{exc}", ExitCode.USAGE)
    qr_to = sys.stdout if sys.stdout.isatty() else sys.stderr
    sink = PairOutput(json, sys.stdout.buffer, sys.stderr, qr_to)
    with client_for(options, sink, paired=False) as client:
        warn_if_shared(Path(options["store"]))  # once it proved usable: a new one is 0700
        try:
            anyio.run(client.pair, jid, backend="asyncio")
        except AlreadyPairedError as exc:
            typer.echo(
                f"wacli: {exc}; nothing to do (use another --store to link another device)",
                err=True,
            )
