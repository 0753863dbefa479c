"""`wacli privacy` and blocking (README, man/wacli.1).

wacli privacy [--json]                 # every setting with its value
wacli privacy set CATEGORY VALUE       # last-seen, online, picture, about, groups, read-receipts
wacli block JID / wacli unblock JID    # prints the blocklist after the change
wacli blocklist [--json]               # the users we blocked

The values each category takes are WhatsApp's own (``wacli privacy set --help`` lists
them): all, contacts, contact_blacklist (contacts except those excluded), none, and
match_last_seen for online. A blocked contact's 1:1 messages are not delivered to us;
group messages still are.
"""

from __future__ import annotations

from typing import Annotated

import anyio
import orjson
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import printable, write_lines
from wacli.cli.send import person
from wacli.jid import JID
from wacli.protocol.privacy_settings import BLOCK, BY_NAME, CATEGORIES, UNBLOCK

JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
WhoArg = Annotated[str, typer.Argument(help="A phone number, user JID or LID.", metavar="JID")]

_VALUES = "; ".join(f"{c.name}: {', '.join(c.values)}" for c in CATEGORIES)

privacy_app = typer.Typer(
    help="Show or change the account's privacy settings.",
    add_completion=False,
    invoke_without_command=True,
)


@privacy_app.callback()
def show(ctx: typer.Context, json: JsonOption = False) -> None:
    """Show the account's privacy settings (one per line: CATEGORY VALUE)."""
    if ctx.invoked_subcommand is not None:
        return
    with client_for(ctx.obj) as client:
        values = anyio.run(client.privacy.settings, backend="asyncio")
    rows = [(c.name, values.get(c.wire)) for c in CATEGORIES]
    if json:
        line = orjson.dumps(dict(rows), option=orjson.OPT_APPEND_NEWLINE)
        write_lines([line])
    else:
        write_lines(f"{name:<14} {printable(value or '-')}\n".encode() for name, value in rows)


@privacy_app.command("set")
def set_setting(
    ctx: typer.Context,
    category: Annotated[
        str, typer.Argument(help=", ".join(BY_NAME), metavar="CATEGORY", show_default=False)
    ],
    value: Annotated[str, typer.Argument(help=_VALUES, metavar="VALUE")],
) -> None:
    """Change one privacy setting."""
    found = BY_NAME.get(category)
    if found is None:
        fail(f"no privacy category {category!r}; use one of {', '.join(BY_NAME)}", ExitCode.USAGE)
    if value not in found.values:
        fail(f"{category} takes one of {', '.join(found.values)}", ExitCode.USAGE)
    with client_for(ctx.obj) as client:
        anyio.run(client.privacy.change, found, value, backend="asyncio")


def _user(text: str) -> JID:
    return person(text, f"{text!r} is not a person: give a phone number, user JID or LID")


def _print_list(jids: list[JID], json: bool) -> None:
    if json:
        write_lines(orjson.dumps({"jid": str(j)}, option=orjson.OPT_APPEND_NEWLINE) for j in jids)
    else:
        write_lines(f"{printable(str(jid))}\n".encode() for jid in jids)


def block(ctx: typer.Context, who: WhoArg, json: JsonOption = False) -> None:
    """Block a contact: its messages no longer arrive."""
    jid = _user(who)
    with client_for(ctx.obj) as client:
        if jid in client.own_users():
            fail("an account cannot block itself", ExitCode.USAGE)
        listed = anyio.run(client.privacy.block, jid, BLOCK, backend="asyncio")
    _print_list(listed, json)


def unblock(ctx: typer.Context, who: WhoArg, json: JsonOption = False) -> None:
    """Unblock a contact."""
    jid = _user(who)
    with client_for(ctx.obj) as client:
        listed = anyio.run(client.privacy.block, jid, UNBLOCK, backend="asyncio")
    _print_list(listed, json)


def blocklist(ctx: typer.Context, json: JsonOption = False) -> None:
    """List the contacts we blocked."""
    with client_for(ctx.obj) as client:
        listed = anyio.run(client.privacy.blocklist, backend="asyncio")
    _print_list(listed, json)
