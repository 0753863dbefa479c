"""`wacli check NUMBER…`: which phone numbers are on WhatsApp, with their JIDs and LIDs
(README, man/wacli.1), e.g. before sending to a number never written to.

One line per number, in the order given: ``NUMBER  on WhatsApp  JID  lid LID`` or
``NUMBER  not on WhatsApp  JID``; with --json one object per line,
``{"number", "jid", "on_whatsapp", "lid"}``. Exit 0 once the server answered (whatever it
said), 2 for an argument that is not a phone number.
"""

from __future__ import annotations

from typing import Annotated, Any

import anyio
import orjson
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import printable, write_lines
from wacli.client.on_whatsapp import Registration
from wacli.jid import JID, JIDError, phone_to_jid


def check_row(found: Registration) -> dict[str, Any]:
    return {
        "number": found.number,
        "jid": str(found.jid),
        "on_whatsapp": found.on_whatsapp,
        "lid": str(found.lid) if found.lid is not None else None,
    }


def _text(found: Registration) -> bytes:
    parts = [found.number, "on WhatsApp" if found.on_whatsapp else "not on WhatsApp"]
    parts.append(str(found.jid))
    if found.lid is not None:
        parts.append(f"lid {found.lid}")
    return (printable("  ".join(parts)) + "\n").encode()


def check(
    ctx: typer.Context,
    numbers: Annotated[
        list[str],
        typer.Argument(
            help="Phone numbers with country code, e.g. +15551234567.", metavar="NUMBER..."
        ),
    ],
    json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Tell which phone numbers are on WhatsApp, with their JIDs and LIDs."""
    asked: dict[str, JID] = {}
    for number in numbers:
        try:
            asked[number] = phone_to_jid(number)
        except JIDError as exc:
            fail(str(exc), ExitCode.USAGE)
    with client_for(ctx.obj) as client:
        found = anyio.run(client.check_numbers, asked, backend="asyncio")
    if json:
        write_lines(orjson.dumps(check_row(row), option=orjson.OPT_APPEND_NEWLINE) for row in found)
    else:
        write_lines(_text(row) for row in found)
