"""`wacli send TO [TEXT]`: one message, exit 0 once the server acknowledged it.

TO is a phone number, a user JID or a group JID (``…@g.us``); TEXT ``-`` or absent
is read from stdin (UTF-8, less its one trailing newline). ``--reply-to ID`` quotes
a message, ``--react EMOJI --id ID`` reacts, ``--edit ID`` replaces the text of one
of our messages, ``--revoke ID`` deletes one for everyone. ``--file PATH`` sends a
file (with ``--caption`` and ``--reply-to`` if wanted). The id goes to stdout
(``--json``: ``{"id", "to", "timestamp"}``) and the message into the archive, read by
the classifier received messages go through (wacli.protocol.message_model). A sent
message whose id stdout cannot take still exits 0, with a warning on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import anyio
import orjson
import typer

from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.session import MediaCaOption, discard, endpoint, open_store
from wacli.cli.textio import read_text, write_result
from wacli.client.archiving import archive_message, archived_row
from wacli.client.client import Client
from wacli.client.group_send import send_group_message
from wacli.client.media import file_message, quote_in
from wacli.client.send import (
    Sent,
    edit_message,
    reaction_message,
    revoke_message,
    send_message,
    text_message,
)
from wacli.client.usync import remember_addresses
from wacli.jid import JID, JIDError, parse_jid, phone_to_jid
from wacli.proto import e2e_pb2
from wacli.store import Store
from wacli.store.archive import Archive


def recipient(text: str) -> JID:
    """A phone number or a JID; JIDError when it is neither."""
    if "@" in text:
        jid = parse_jid(text)
        if not (jid.is_user or jid.is_group):
            raise JIDError(f"cannot send to {text!r}: not a user, LID or group JID")
        return jid
    return phone_to_jid(text)


async def _send(client: Client, to: JID, message: e2e_pb2.Message) -> Sent:
    account = client.require_account()
    deliver = send_group_message if to.is_group else send_message
    async with client.session() as conn:
        return await deliver(conn, client.store, parse_jid(account.jid), to, message)


@dataclass(frozen=True, slots=True)
class _FileToSend:
    name: str
    data: bytes
    caption: str | None
    media_ca: str | None
    reply_to: str | None = None
    quoted: e2e_pb2.Message | None = None
    quoted_sender: str | None = None


async def _send_file(client: Client, to: JID, file: _FileToSend) -> tuple[Sent, e2e_pb2.Message]:
    """Upload the file, then send its message over the same connection."""
    account = client.require_account()
    deliver = send_group_message if to.is_group else send_message
    async with client.session() as conn:
        message = await file_message(
            conn, file.data, file.name, caption=file.caption, media_ca=file.media_ca
        )
        if file.reply_to is not None:
            quote_in(message, file.reply_to, file.quoted, file.quoted_sender)
        return await deliver(conn, client.store, parse_jid(account.jid), to, message), message


def _archive(store: Store, sent: Sent, own: str, message: e2e_pb2.Message) -> None:
    # Read by the same classifier as received and history-synced messages; an --edit,
    # --revoke or --react also changes the archived message it names.
    row = archived_row(
        message,
        chat=str(sent.to),
        message_id=sent.id,
        sender=str(parse_jid(own).to_non_ad()),
        from_me=True,
        timestamp=sent.timestamp,
    )
    archive_message(Archive(store), *row)


def _quoted(
    store: Store, chat: JID, reply_to: str | None, own: str
) -> tuple[e2e_pb2.Message | None, str | None]:
    """The archived message ``--reply-to`` names (to embed it) and its sender, if known
    (in a group also when it is ours: members need to know whose message it quotes)."""
    if reply_to is None:
        return None, None
    found = Archive(store).message(str(chat), reply_to)
    if found is None or found.raw is None:
        return None, None
    quoted = e2e_pb2.Message()
    quoted.ParseFromString(found.raw)
    if found.from_me:
        return quoted, str(parse_jid(own).to_non_ad()) if chat.is_group else None
    return quoted, found.sender


def _reaction_author(store: Store, chat: JID, message: e2e_pb2.Message) -> None:
    """In a group a reaction names the author of the message it reacts to."""
    key = message.reaction_message.key
    found = Archive(store).message(str(chat), key.id)
    if found is not None:
        key.from_me = found.from_me
        if not found.from_me:
            key.participant = found.sender


def _read_file(path: Path) -> bytes:
    """The bytes of a --file (exit 2 when it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", ExitCode.USAGE)


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
    """Send a message; exits 0 once the server acknowledged it."""

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
    message: e2e_pb2.Message | None = None  # plain text is built once the archive is open
    if file is not None:
        data = _read_file(file)
    elif react is not None:
        message = reaction_message(chat, id or "", react)
    elif revoke is not None:
        message = revoke_message(chat, revoke)
    else:
        body = read_text(text)  # stdin less its one trailing newline; UTF-8 or exit 2
        if not body:
            fail("nothing to send: give TEXT or pipe it on stdin", ExitCode.USAGE)
        if edit is not None:
            message = edit_message(chat, edit, body)
    server = endpoint(options)
    store = open_store(options)
    try:
        # Stanzas that arrive meanwhile still teach LID <-> phone-number mappings.
        client = Client(store, server, discard, handlers=[remember_addresses(store)])
        own = client.require_account().jid
        if file is not None:
            ca = None if media_ca is None else str(media_ca)
            quoting = _quoted(store, chat, reply_to, own)
            upload = _FileToSend(file.name, data, caption, ca, reply_to, *quoting)
            sent, message = anyio.run(_send_file, client, chat, upload, backend="asyncio")
        elif message is None:  # --reply-to embeds the quoted message when the archive has it
            message = text_message(body, reply_to, *_quoted(store, chat, reply_to, own))
        elif react is not None and chat.is_group:
            _reaction_author(store, chat, message)
        if file is None:
            sent = anyio.run(_send, client, chat, message, backend="asyncio")
        _archive(store, sent, own, message)
    finally:
        store.close()
    if json:
        stamp = datetime.fromtimestamp(sent.timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        line = {"id": sent.id, "to": str(sent.to), "timestamp": stamp}
        result = orjson.dumps(line) + b"\n"
    else:
        result = sent.id.encode() + b"\n"
    write_result(result, f"message {sent.id} was sent")  # exit 0 even if stdout fails
