"""`wacli send TO [TEXT]`: one message, exit 0 once the server acknowledged it.

TO is a phone number or a JID; TEXT ``-`` or absent is read from stdin. ``--reply-to
ID`` quotes a message, ``--react EMOJI --id ID`` reacts, ``--edit ID`` replaces the
text of one of our messages, ``--revoke ID`` deletes one for everyone. The id goes to
stdout (``--json``: ``{"id", "to", "timestamp"}``) and the message into the archive.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Annotated

import anyio
import orjson
import typer

from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.session import endpoint, open_store
from wacli.client import events as ev
from wacli.client.client import Client
from wacli.client.send import (
    Sent,
    edit_message,
    reaction_message,
    revoke_message,
    send_message,
    text_message,
)
from wacli.jid import JID, JIDError, parse_jid, phone_to_jid
from wacli.proto import e2e_pb2
from wacli.store import Store
from wacli.store.archive import Archive, ArchivedMessage


def recipient(text: str) -> JID:
    """A phone number or a JID; JIDError when it is neither."""
    if "@" in text:
        jid = parse_jid(text)
        if not (jid.is_user or jid.is_group):
            raise JIDError(f"cannot send to {text!r}: not a user, LID or group JID")
        return jid
    return phone_to_jid(text)


async def _quiet(event: ev.Event) -> None:
    del event  # send prints only its result


async def _send(client: Client, to: JID, message: e2e_pb2.Message) -> Sent:
    account = client.require_account()
    async with client.session() as conn:
        return await send_message(conn, client.store, parse_jid(account.jid), to, message)


def _archive(store: Store, sent: Sent, own: str, message: e2e_pb2.Message, kind: str) -> None:
    text = message.conversation or message.extended_text_message.text or None
    reply_to = message.extended_text_message.context_info.stanza_id or None
    Archive(store).add_message(
        ArchivedMessage(
            chat=str(sent.to),
            id=sent.id,
            sender=own,
            from_me=True,
            timestamp=sent.timestamp,
            type=kind,
            text=text,
            raw=message.SerializeToString(),
            reply_to=reply_to,
        )
    )


def _quoted(
    store: Store, chat: JID, reply_to: str | None
) -> tuple[e2e_pb2.Message | None, str | None]:
    """The archived message ``--reply-to`` names (to embed it) and its sender, if known."""
    if reply_to is None:
        return None, None
    found = Archive(store).message(str(chat), reply_to)
    if found is None or found.raw is None:
        return None, None
    quoted = e2e_pb2.Message()
    quoted.ParseFromString(found.raw)
    return quoted, None if found.from_me else found.sender


def send(
    ctx: typer.Context,
    to: Annotated[str, typer.Argument(help="Phone number or JID.")],
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
    json: Annotated[bool, typer.Option("--json", help='Print {"id","to","timestamp"}.')] = False,
) -> None:
    """Send a message; exits 0 once the server acknowledged it."""

    options = ctx.obj
    try:
        chat = recipient(to).to_non_ad()
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    if chat.is_group:
        fail("sending to groups is not built yet in this version of wacli", ExitCode.UNEXPECTED)
    if sum(x is not None for x in (react, edit, revoke)) > 1:
        fail("use only one of --react, --edit and --revoke", ExitCode.USAGE)
    if (react is None) != (id is None):
        fail("--react EMOJI needs --id ID (and --id is only for --react)", ExitCode.USAGE)
    message: e2e_pb2.Message | None = None  # plain text is built once the archive is open
    kind = "text"
    if react is not None:
        message, kind = reaction_message(chat, id or "", react), "reaction"
    elif revoke is not None:
        message, kind = revoke_message(chat, revoke), "protocol"
    else:
        body = sys.stdin.read() if text in (None, "-") else text
        if not body:
            fail("nothing to send: give TEXT or pipe it on stdin", ExitCode.USAGE)
        if edit is not None:
            message, kind = edit_message(chat, edit, body), "protocol"
    server = endpoint(options)
    store = open_store(options)
    try:
        if message is None:  # --reply-to embeds the quoted message when the archive has it
            message = text_message(body, reply_to, *_quoted(store, chat, reply_to))
        client = Client(store, server, _quiet)
        own = client.require_account().jid
        sent = anyio.run(_send, client, chat, message, backend="asyncio")
        _archive(store, sent, own, message, kind)
    finally:
        store.close()
    if json:
        stamp = datetime.fromtimestamp(sent.timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        line = {"id": sent.id, "to": str(sent.to), "timestamp": stamp}
        sys.stdout.buffer.write(orjson.dumps(line) + b"\n")
    else:
        sys.stdout.write(sent.id + "\n")
    sys.stdout.flush()
