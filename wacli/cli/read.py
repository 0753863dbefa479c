"""`wacli read CHAT ID…`: mark messages read, so their sender sees blue ticks (README,
man/wacli.1); `wacli listen --mark-read` does it for every message it prints.

In a group, --sender names the messages' author (one author per call). Exit 0 once the
server acknowledged the receipt. When the account's user turned read receipts off in the
privacy settings, only our own devices learn of it (a note on stderr says so), as the
official clients do.
"""

from __future__ import annotations

from typing import Annotated

import anyio
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.send import recipient
from wacli.jid import JID, JIDError

MAX_IDS = 256  # ids in one receipt (as the sandbox's phones send at most)


def read(
    ctx: typer.Context,
    chat: Annotated[str, typer.Argument(help="The chat: phone number, JID, LID or group.")],
    ids: Annotated[
        list[str], typer.Argument(help="The ids of its messages to mark read.", metavar="ID...")
    ],
    sender: Annotated[
        str | None,
        typer.Option("--sender", help="In a group: the author of the messages (required)."),
    ] = None,
) -> None:
    """Mark messages of a chat read (blue ticks for their sender)."""
    author: JID | None = None
    try:
        to = recipient(chat)
        if sender is not None:
            author = recipient(sender)
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    if to.is_group and (author is None or author.is_group):
        fail("in a group, --sender names the messages' author (a user)", ExitCode.USAGE)
    if not to.is_group and author is not None:
        fail("--sender is for groups; in a 1:1 chat the author is the chat", ExitCode.USAGE)
    if len(ids) > MAX_IDS or not all(ids):
        fail(f"give 1 to {MAX_IDS} message ids, none empty", ExitCode.USAGE)
    with client_for(ctx.obj) as client:
        told = anyio.run(client.mark_read, to, list(dict.fromkeys(ids)), author, backend="asyncio")
    if not told:
        typer.echo(
            "wacli: read receipts are off for this account (privacy settings): only your own "
            "devices were told",
            err=True,
        )
