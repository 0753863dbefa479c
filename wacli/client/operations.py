"""What a command asks the client to do, as a value: the operation, its result and its
wire form.

A command says what it wants (``SendText(chat, text)``) and ``Client.perform`` does it;
while ``wacli listen`` runs, the command hands the operation over the store's relay
socket instead (wacli.client.relay_perform) and the listener's client performs it on its
own connection. The command then loads neither the client nor Signal, protobuf or the
store (README "Performance"), and the Signal sessions are advanced by one process.

Operations are named tuples: cheap to define at start-up, and their fields are what goes
over the socket (JSON, the chat as a JID string; wacli.client.relay_socket frames it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from wacli.client.errors import ClientError
from wacli.client.relay_socket import UNKNOWN_REQUEST
from wacli.jid import JID, JIDError, parse_jid

if TYPE_CHECKING:
    from wacli.client.client import Client

Warn = Callable[[str], None]  # takes a warning line: a message went out unchecked


# A named tuple too (cheap to define, as the module says); only its fields are written.
class Sent(NamedTuple):
    """A message the server acknowledged."""

    id: str
    to: JID
    timestamp: int  # unix seconds, the server's ``t`` when it gave one


class SendText(NamedTuple):
    """A text message; with ``reply_to`` quoting that message."""

    chat: JID
    text: str
    reply_to: str | None = None

    async def run(self, client: Client, warn: Warn) -> Sent:
        return await client.send_text(self.chat, self.text, reply_to=self.reply_to, warn=warn)


class React(NamedTuple):
    """A reaction to message ``message_id`` (an empty emoji takes it back)."""

    chat: JID
    message_id: str
    emoji: str

    async def run(self, client: Client, warn: Warn) -> Sent:
        return await client.react(self.chat, self.message_id, self.emoji, warn=warn)


class Edit(NamedTuple):
    """New text for one of our messages."""

    chat: JID
    message_id: str
    text: str

    async def run(self, client: Client, warn: Warn) -> Sent:
        return await client.edit(self.chat, self.message_id, self.text, warn=warn)


class Revoke(NamedTuple):
    """One of our messages deleted for everyone."""

    chat: JID
    message_id: str

    async def run(self, client: Client, warn: Warn) -> Sent:
        return await client.revoke(self.chat, self.message_id, warn=warn)


class SendPoll(NamedTuple):
    """A poll; ``selectable``: how many options one may choose (0: any number)."""

    chat: JID
    question: str
    options: list[str]
    selectable: int = 1

    async def run(self, client: Client, warn: Warn) -> Sent:
        del warn  # a poll names no other message
        return await client.send_poll(self.chat, self.question, self.options, self.selectable)


class Vote(NamedTuple):
    """Our vote on an archived poll (no options: the vote taken back)."""

    chat: JID
    poll_id: str
    options: list[str]

    async def run(self, client: Client, warn: Warn) -> Sent:
        del warn  # the poll must be archived: Unsendable otherwise
        return await client.vote(self.chat, self.poll_id, self.options)


class SendLocation(NamedTuple):
    """A place."""

    chat: JID
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None

    async def run(self, client: Client, warn: Warn) -> Sent:
        del warn  # a place names no other message
        return await client.send_location(
            self.chat, self.latitude, self.longitude, self.name, self.address
        )


class SendContact(NamedTuple):
    """A contact card: NAME and PHONE, or a whole vCard (``card``)."""

    chat: JID
    name: str | None
    phone: str | None
    card: str | None = None

    async def run(self, client: Client, warn: Warn) -> Sent:
        del warn  # a card names no other message
        return await client.send_contact(self.chat, self.name, self.phone, self.card)


Operation = SendText | React | Edit | Revoke | SendPoll | Vote | SendLocation | SendContact

KINDS: dict[str, type[Operation]] = {
    kind.__name__: kind
    for kind in (SendText, React, Edit, Revoke, SendPoll, Vote, SendLocation, SendContact)
}


class MalformedOperation(ClientError):
    """An operation on the relay socket that this wacli cannot read."""


class UnknownOperation(MalformedOperation):
    """An operation this wacli does not know (a newer command's, say)."""


def operation_body(operation: Operation) -> bytes:
    """The operation's fields as JSON (its kind travels beside them)."""
    fields: dict[str, Any] = operation._asdict()
    fields["chat"] = str(operation.chat)
    return orjson.dumps(fields)


def read_operation(kind: str, body: bytes) -> Operation:
    """The operation of ``kind`` with the fields ``operation_body`` wrote."""
    cls = KINDS.get(kind)
    if cls is None:
        raise UnknownOperation(f"{UNKNOWN_REQUEST}: operation {kind!r}")
    try:
        fields = orjson.loads(body)
        fields["chat"] = parse_jid(fields["chat"])
        return cls(**fields)
    except (orjson.JSONDecodeError, TypeError, KeyError, JIDError) as exc:
        raise MalformedOperation(f"a malformed {kind} operation: {exc}") from None


def result_body(sent: Sent, warnings: list[str]) -> bytes:
    """What a listener answers for a performed operation: the message and its warnings."""
    result = {"id": sent.id, "to": str(sent.to), "timestamp": sent.timestamp}
    return orjson.dumps({"sent": result, "warnings": warnings})


def read_result(body: bytes) -> tuple[Sent, list[str]]:
    """``result_body``'s message and warnings (MalformedOperation when it is not that)."""
    try:
        answer = orjson.loads(body)
        sent = answer["sent"]
        warnings = [str(line) for line in answer["warnings"]]
        return Sent(str(sent["id"]), parse_jid(sent["to"]), int(sent["timestamp"])), warnings
    except (orjson.JSONDecodeError, TypeError, KeyError, ValueError, JIDError) as exc:
        raise MalformedOperation(f"the listener answered an operation malformedly: {exc}") from None
