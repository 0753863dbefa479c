"""What sending a message means beyond its stanza: the archive on both sides of it.

A message to a group goes out with sender keys (wacli.client.group_send), any other to
the devices of its user (wacli.client.send). A reply quotes the message it names as the
archive holds it; a reaction in a group names the author of the message it reacts to;
what we sent is archived by the classifier received and history-synced messages go
through (wacli.protocol.message_model), so an edit, revoke or reaction also changes the
archived message it names.
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.client.archiving import archive_message, archived_row
from wacli.client.connection import Connection
from wacli.client.group_send import send_group_message
from wacli.client.send import Sent, send_message
from wacli.jid import JID
from wacli.proto import e2e_pb2
from wacli.store import Store
from wacli.store.archive import Archive


@dataclass(frozen=True, slots=True)
class Quote:
    """What a reply embeds of the message it quotes, when the archive has it."""

    message: e2e_pb2.Message | None = None
    sender: str | None = None  # its author, when the recipients need to be told


def quote(store: Store, chat: JID, reply_to: str | None, own: JID) -> Quote:
    """The archived message ``reply_to`` names and its sender, if known (in a group also
    when it is ours: members need to know whose message it quotes)."""
    if reply_to is None:
        return Quote()
    found = Archive(store).message(str(chat), reply_to)
    if found is None or found.raw is None:
        return Quote()
    quoted = e2e_pb2.Message.FromString(found.raw)
    if found.from_me:
        return Quote(quoted, str(own.to_non_ad()) if chat.is_group else None)
    return Quote(quoted, found.sender)


def name_reaction_author(store: Store, chat: JID, message: e2e_pb2.Message) -> None:
    """In a group a reaction names the author of the message it reacts to (archived)."""
    if not chat.is_group:
        return
    key = message.reaction_message.key
    found = Archive(store).message(str(chat), key.id)
    if found is not None:
        key.from_me = found.from_me
        if not found.from_me:
            key.participant = found.sender


async def deliver(
    conn: Connection, store: Store, own: JID, to: JID, message: e2e_pb2.Message
) -> Sent:
    """Send ``message`` to a group or to a user's devices; once the server acked it."""
    send = send_group_message if to.is_group else send_message
    return await send(conn, store, own, to, message)


def archive_sent(store: Store, sent: Sent, own: JID, message: e2e_pb2.Message) -> None:
    """File what we sent as received messages are filed (from us, by our account)."""
    row = archived_row(
        message,
        chat=str(sent.to),
        message_id=sent.id,
        sender=str(own.to_non_ad()),
        from_me=True,
        timestamp=sent.timestamp,
    )
    archive_message(Archive(store), *row)
