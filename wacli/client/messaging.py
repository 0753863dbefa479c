"""What sending a message means beyond its stanza: the archive on both sides of it.

A message to a group goes out with sender keys (wacli.client.group_send), any other to
the devices of its user (wacli.client.send). A reply quotes the message it names as the
archive holds it; a reaction in a group names the author of the message it reacts to;
what we sent is archived by the classifier received and history-synced messages go
through (wacli.protocol.message_model), so an edit, revoke or reaction also changes the
archived message it names.

Before sending, the checks WhatsApp's own apps make (README "Commands", man/wacli.1 send):
a text holds at most MAX_TEXT characters and a file at least one byte (else
Unsendable); an edit or a revoke names a message of ours, so one the archive holds as
someone else's is Unsendable. An id the archive does not know cannot be checked — the
message may predate the store or its history sync — so it is sent with a warning: the
recipients' apps apply an edit or revoke only to the sender's own message, and show a
reply's quote or a reaction only when they have the message it names.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from wacli.client.archiving import archive_message, archived_row
from wacli.client.connection import Connection
from wacli.client.errors import Unsendable
from wacli.client.operations import Sent, Warn
from wacli.client.send import send_message
from wacli.jid import JID
from wacli.proto import e2e_pb2
from wacli.store import Store
from wacli.store.archive import Archive

# The longest text message WhatsApp's apps let one type or paste, in characters.
MAX_TEXT: Final = 65_536


def check_text(text: str) -> None:
    """Unsendable when ``text`` is longer than a WhatsApp text message may be."""
    if len(text) > MAX_TEXT:
        raise Unsendable(
            f"the text has {len(text):,} characters; WhatsApp sends at most {MAX_TEXT:,} "
            "in one message: split it"
        )


def check_file(name: str, data: bytes) -> None:
    """Unsendable when the file is empty (WhatsApp's apps refuse to attach one)."""
    if not data:
        raise Unsendable(f"{name} is empty; WhatsApp does not send empty files")


def check_target(store: Store, chat: JID, message_id: str, action: str, warn: Warn) -> None:
    """``action`` ("edit", "revoke", "reply-to" or "react") names ``message_id`` in
    ``chat``: Unsendable when an edit or revoke names a message the archive holds as
    someone else's; a warning when the archive does not know the id at all."""
    found = Archive(store).message(str(chat), message_id)
    if found is None:
        consequence = {
            "edit": "WhatsApp applies the edit only if it is our message",
            "revoke": "WhatsApp deletes it only if it is our message",
            "reply-to": "recipients may show the reply without its quote",
            "react": "recipients show the reaction only if they have the message",
        }[action]
        warn(f"message {message_id} is not in the archive of {chat}; sent anyway: {consequence}")
    elif action in ("edit", "revoke") and not found.from_me:
        # Group admins may delete others' messages in WhatsApp; wacli's revoke is the
        # sender's own, so it refuses those as well.
        only = {
            "edit": "WhatsApp lets only its sender edit a message",
            "revoke": "wacli deletes only its own messages for everyone",
        }[action]
        raise Unsendable(
            f"message {message_id} in {chat} was sent by {found.sender}, not by us; {only}"
        )


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class Quote(NamedTuple):
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
    if to.is_group:
        # Sender keys (~10 ms of imports) only for a group: most cron sends go to a person.
        from wacli.client.group_send import send_group_message

        return await send_group_message(conn, store, own, to, message)
    return await send_message(conn, store, own, to, message)


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
