"""`wacli send TO [TEXT]`: one message, exit 0 once the server acknowledged it.

TO is a phone number, a user JID or a group JID (``…@g.us``); TEXT ``-`` or absent
is read from stdin (UTF-8, less its one trailing newline). ``--reply-to ID`` quotes
a message, ``--react EMOJI --id ID`` reacts, ``--edit ID`` replaces the text of one
of our messages, ``--revoke ID`` deletes one for everyone. ``--file PATH`` sends a
file (with ``--caption`` and ``--reply-to`` if wanted). The id goes to stdout
(``--json``: ``{"id", "to", "timestamp"}``); the client files the message in the
archive (wacli.client.messaging). A sent message whose id stdout cannot take still
exits 0, with a warning on stderr.

What WhatsApp's apps refuse is refused here too (README "Commands", man/wacli.1 send;
the checks are wacli.client.messaging's): exit 2 with one line. An id the archive does
not know cannot be checked (the message may predate the store), so it is sent with a
warning on stderr.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import anyio
import orjson
import typer

from wacli.cli.context import MediaCaOption, client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.textio import read_text, write_result
from wacli.jid import JID, JIDError, parse_jid, phone_to_jid

if TYPE_CHECKING:
    from wacli.client.client import Client
    from wacli.client.send import Sent


def recipient(text: str) -> JID:
    """A phone number or a JID; JIDError when it is neither."""
    if "@" in text:
        jid = parse_jid(text)
        if not (jid.is_user or jid.is_group):
            raise JIDError(f"cannot send to {text!r}: not a user, LID or group JID")
        return jid
    return phone_to_jid(text)


def _read_file(path: Path) -> bytes:
    """The bytes of a --file (exit 2 when it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", ExitCode.USAGE)


def warn(line: str) -> None:
    """A message went out unchecked (an id the archive does not know): say so on stderr."""
    typer.echo(f"wacli: warning: {line}", err=True)


def send(
    ctx: typer.Context,
    to: Annotated[str, typer.Argument(help="Phone number, user JID or group JID.")],
    text: Annotated[str | None, typer.Argument(help="Text; '-' or absent reads stdin.")] = None,
    reply_to: Annotated[
        str | None, typer.Option("--reply-to", help="Quote the message with this id.")
    ] = None,
    react: Annotated[
        str | None, typer.Option("--react", help="React with EMOJI to the message --id.")
    ] = None,
    id: Annotated[str | None, typer.Option("--id", help="The message --react reacts to.")] = None,
    edit: Annotated[
        str | None, typer.Option("--edit", help="Replace the text of our message ID.")
    ] = None,
    revoke: Annotated[
        str | None, typer.Option("--revoke", help="Delete our message ID for everyone.")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Send a file: image, video, audio or document by MIME type."),
    ] = None,
    caption: Annotated[str | None, typer.Option("--caption", help="Caption for --file.")] = None,
    media_ca: MediaCaOption = None,
    json: Annotated[bool, typer.Option("--json", help='Print {"id","to","timestamp"}.')] = False,
) -> None:
    """Send a message; exits 0 once the server acknowledged it.

    Refuses (exit 2) text over 65,536 characters, an empty file, editing others' messages.
    """

    options = ctx.obj
    try:
        chat = recipient(to).to_non_ad()
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    if sum(x is not None for x in (react, edit, revoke)) > 1:
        fail("use only one of --react, --edit and --revoke", ExitCode.USAGE)
    if (react is None) != (id is None):
        fail("--react EMOJI needs --id ID (and --id is only for --react)", ExitCode.USAGE)
    if file is not None and (text, react, edit, revoke) != (None,) * 4:
        fail(
            "--file goes with --caption and --reply-to only: no TEXT, --react, --edit or --revoke",
            ExitCode.USAGE,
        )
    if caption is not None and file is None:
        fail("--caption is for --file", ExitCode.USAGE)
    data, body = b"", ""
    if file is not None:
        data = _read_file(file)
    elif react is None and revoke is None:
        body = read_text(text)  # stdin less its one trailing newline; UTF-8 or exit 2
        if not body:
            fail("nothing to send: give TEXT or pipe it on stdin", ExitCode.USAGE)

    async def deliver(client: Client) -> Sent:
        if file is not None:
            ca = None if media_ca is None else str(media_ca)
            return await client.send_file(
                chat, file.name, data, caption=caption, reply_to=reply_to, media_ca=ca, warn=warn
            )
        if react is not None:
            return await client.react(chat, id or "", react, warn=warn)
        if revoke is not None:
            return await client.revoke(chat, revoke, warn=warn)
        if edit is not None:
            return await client.edit(chat, edit, body, warn=warn)
        return await client.send_text(chat, body, reply_to=reply_to, warn=warn)

    from wacli.client.messaging import Unsendable  # the client loads only once it is needed

    with client_for(options) as client:
        client.require_account()
        try:
            sent = anyio.run(deliver, client, backend="asyncio")
        except Unsendable as exc:
            fail(str(exc), ExitCode.USAGE)
    if json:
        stamp = datetime.fromtimestamp(sent.timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        line = {"id": sent.id, "to": str(sent.to), "timestamp": stamp}
        result = orjson.dumps(line) + b"\n"
    else:
        result = sent.id.encode() + b"\n"
    write_result(result, f"message {sent.id} was sent")  # exit 0 even if stdout fails
