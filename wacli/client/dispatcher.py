"""The one place where incoming stanzas are acknowledged, after their events (the delivery
promise of README's "listen").

A handler turns a stanza into an Outcome: the events it produced and, when the
stanza needs something other than the standard ack, the reply to send. The
dispatcher hands every event to the sink and waits for it (the sink writes and
flushes the NDJSON line) and only then sends the ack or reply. If wacli dies in
between, the server still holds the stanza and delivers it again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

import anyio

from wacli.binary import BinaryError, Node
from wacli.client.errors import ClientError
from wacli.client.events import Event
from wacli.protocol import ProtocolError
from wacli.protocol.stanzas import ack_for

log = logging.getLogger(__name__)

ACK_GRACE = 5.0  # seconds an acknowledgement may still take once a stop was asked for

Sink = Callable[[Event], Awaitable[None]]
Send = Callable[[Node], Awaitable[None]]


class _Default:
    def __repr__(self) -> str:
        return "STANDARD_ACK"


STANDARD_ACK = _Default()


@dataclass(slots=True)
class Outcome:
    """What handling one stanza produced."""

    events: Sequence[Event] = ()
    # The standard ack (messages, receipts, notifications, calls), another node, or nothing.
    reply: Node | _Default | None = field(default=STANDARD_ACK)
    # Stanzas sent after the events and before the reply (a message's delivery receipt).
    also: Sequence[Node] = ()
    # Set when the stanza ends the connection (after its events and reply went out).
    end: ClientError | None = None


Handler = Callable[[Node], Awaitable[Outcome | None]]


class Dispatcher:
    """Runs the handler for each stanza, then the sink for its events, then the reply."""

    def __init__(self, handler: Handler, sink: Sink, send: Send) -> None:
        self._handler = handler
        self._sink = sink
        self._send = send

    async def dispatch(self, node: Node) -> ClientError | None:
        """Handle one stanza; returns the error that should end the connection, if any."""
        try:
            outcome = await self._handler(node) or Outcome()
        except (BinaryError, ProtocolError) as exc:
            # Malformed input: nothing to emit. Still acknowledge it, or the server would
            # redeliver the same broken stanza on every reconnect.
            log.warning("could not handle <%s id=%s>: %s", node.tag, node.attr("id"), exc)
            outcome = Outcome()
        for event in outcome.events:
            await self._sink(event)
        reply = ack_for(node) if isinstance(outcome.reply, _Default) else outcome.reply
        # The lines are out: finish acknowledging even when we are being stopped (SIGTERM),
        # or the server delivers the stanza again and the consumer sees a repeat. Bounded,
        # for a connection that no longer moves.
        with anyio.CancelScope(shield=True), anyio.move_on_after(ACK_GRACE):
            for extra in outcome.also:
                await self._send(extra)
            if reply is not None:
                await self._send(reply)
        return outcome.end
