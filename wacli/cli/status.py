"""`wacli status post [TEXT]`: post a status update (a story), exit 0 once the server
acknowledged it (README "Commands", man/wacli.1).

TEXT ``-`` or absent is read from stdin; ``--file PATH`` posts an image or video (with
``--caption``). Who sees it: the users named with ``--to`` (repeatable), else the contacts
of the address book as the account's status privacy allows (wacli.client.status). The
id goes to stdout (``--json``: ``{"id", "to", "timestamp"}``). Contacts' statuses reach
``wacli listen`` as ``status`` events (docs/events.schema.json).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import anyio
import orjson
import typer

from wacli.cli.context import MediaCaOption, client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import rfc3339
from wacli.cli.send import person
from wacli.cli.textio import check_utf8, read_text, write_result
from wacli.jid import JID

status_app = typer.Typer(help="Post status updates (stories).", no_args_is_help=True)


def _viewers(named: list[str] | None) -> list[JID] | None:
    """The users of --to (exit 2 for one that is not a user)."""
    if not named:
        return None
    return [person(text, f"--to {text}: a status goes to users, not to a group") for text in named]


@status_app.command("post")
def post(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="Text; '-' or absent reads stdin.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Post an image or video instead of text.")
    ] = None,
    caption: Annotated[str | None, typer.Option("--caption", help="Caption for --file.")] = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", help="Show it to this user (repeatable) instead of your contacts."),
    ] = None,
    media_ca: MediaCaOption = None,
    json: Annotated[bool, typer.Option("--json", help='Print {"id","to","timestamp"}.')] = False,
) -> None:
    """Post a status update for your contacts; exits 0 once the server acknowledged it."""
    viewers = _viewers(to)
    if file is not None and text is not None:
        fail("--file goes with --caption, not with TEXT", ExitCode.USAGE)
    if caption is not None and file is None:
        fail("--caption is for --file", ExitCode.USAGE)
    if caption is not None:
        check_utf8(caption, "--caption")
    posted: tuple[str, bytes] | None = None
    body = None
    if file is not None:
        try:
            posted = (file.name, file.read_bytes())
        except OSError as exc:
            fail(f"cannot read {file}: {exc.strerror}", ExitCode.USAGE)
    else:
        body = read_text(text)
        if not body:
            fail("nothing to post: give TEXT or pipe it on stdin", ExitCode.USAGE)

    from wacli.client.errors import Unsendable

    ca = None if media_ca is None else str(media_ca)
    with client_for(ctx.obj) as client:
        client.require_account()
        try:
            sent = anyio.run(
                lambda: client.post_status(
                    body, posted, caption=caption, viewers=viewers, media_ca=ca
                ),
                backend="asyncio",
            )
        except Unsendable as exc:
            fail(str(exc), ExitCode.USAGE)
    if json:
        row = {"id": sent.id, "to": str(sent.to), "timestamp": rfc3339(sent.timestamp)}
        result = orjson.dumps(row) + b"\n"
    else:
        result = sent.id.encode() + b"\n"
    write_result(result, f"status {sent.id} was posted")
