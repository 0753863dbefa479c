"""The one place where incoming stanzas are acknowledged, after their events (the delivery
promise of README's "listen").

A handler turns a stanza into an Outcome: the events it produced and, when the
stanza needs something other than the standard ack, the reply to send. The
dispatcher hands every event to the sink and waits for it (the sink writes and
flushes the NDJSON line) and only then sends the ack or reply. If wacli dies in
between, the server still holds the stanza and delivers it again.

``dispatch_all`` handles the stanzas already waiting as one ``Batch`` (``current_batch``
while it runs): a sink that must flush or sync (listen's stdout, wacli.client.event_file)
defers that to the batch instead of doing it per line, and the batch's syncs run once,
after its last event and before its first ack; a handler may do work for the stanzas
queued behind its own (wacli.client.receive decrypts a run of messages in one commit).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar

import anyio

from wacli.binary import BinaryError, Node
from wacli.client.connection_events import Event
from wacli.client.errors import ClientError
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


# Outcome and Batch are plain classes with __slots__, not dataclasses: a fraction of the
# cost to define, at every start-up.
class Outcome:
    """What handling one stanza produced."""

    __slots__ = ("also", "end", "events", "reply")

    def __init__(
        self,
        events: Sequence[Event] = (),
        # The standard ack (messages, receipts, notifications, calls), another node, or nothing.
        reply: Node | _Default | None = STANDARD_ACK,
        # Stanzas sent after the events and before the reply (a message's delivery receipt).
        also: Sequence[Node] = (),
        # Set when the stanza ends the connection (after its events and reply went out).
        end: ClientError | None = None,
    ) -> None:
        self.events = events
        self.reply = reply
        self.also = also
        self.end = end


Handler = Callable[[Node], Awaitable[Outcome | None]]


class Batch:
    """The stanzas one ``dispatch_all`` handles, which of them is being handled (so a
    handler may do work for those queued behind it), and the syncs its sinks asked for,
    each run once before the batch's acks."""

    __slots__ = ("nodes", "position", "settled", "syncs")

    def __init__(
        self,
        nodes: Sequence[Node],
        position: int = 0,
        syncs: list[Callable[[], Awaitable[None]]] | None = None,
        settled: bool = False,
    ) -> None:
        self.nodes = nodes
        self.position = position
        self.syncs: list[Callable[[], Awaitable[None]]] = [] if syncs is None else syncs
        self.settled = settled  # its syncs have run: one added now would never run

    def defer(self, sync: Callable[[], Awaitable[None]]) -> bool:
        """Run ``sync`` once before the batch's acks; False when the batch has settled
        already (a task started during the batch outlives it): the caller syncs itself."""
        if self.settled:
            return False
        if sync not in self.syncs:
            self.syncs.append(sync)
        return True

    async def settle(self) -> None:
        self.settled = True
        for sync in self.syncs:
            await sync()
        self.syncs.clear()

    def following(self, node: Node) -> Sequence[Node]:
        """The stanzas after ``node`` when it is the one being handled, else none."""
        if self.position < len(self.nodes) and self.nodes[self.position] is node:
            return self.nodes[self.position + 1 :]
        return ()


# The batch being handled; None outside ``dispatch_all``.
current_batch: ContextVar[Batch | None] = ContextVar("current_batch", default=None)


class Dispatcher:
    """Runs the handler for each stanza, then the sink for its events, then the reply."""

    def __init__(self, handler: Handler, sink: Sink, send: Send) -> None:
        self._handler = handler
        self._sink = sink
        self._send = send

    async def dispatch(self, node: Node) -> ClientError | None:
        """Handle one stanza; returns the error that should end the connection, if any."""
        return await self.dispatch_all([node])

    async def dispatch_all(self, nodes: Sequence[Node]) -> ClientError | None:
        """Handle stanzas in order, then sync what the sink asked for, then send their
        replies in order; returns the error that should end the connection, if any
        (stanzas after the one that ends it are left unhandled and unacknowledged).
        When the sink fails on one, those before it are still synced and acknowledged."""
        handled: list[tuple[Node, Outcome]] = []
        batch = Batch(nodes)
        token = current_batch.set(batch)
        try:
            for position, node in enumerate(nodes):
                batch.position = position
                outcome = await self._handle(node)
                for event in outcome.events:
                    await self._sink(event)
                handled.append((node, outcome))
                if outcome.end is not None:
                    break
        finally:
            current_batch.reset(token)
            # The lines are out: sync them and finish acknowledging even when we are being
            # stopped (SIGTERM), or the server delivers the stanzas again and the consumer
            # sees repeats. Bounded, for a connection that no longer moves.
            # One scope (this runs per batch): shielded from outside, ended by its deadline.
            with anyio.CancelScope(shield=True, deadline=anyio.current_time() + ACK_GRACE):
                await batch.settle()
                for node, outcome in handled:
                    await self._reply(node, outcome)
        return handled[-1][1].end if handled else None

    async def _handle(self, node: Node) -> Outcome:
        try:
            return await self._handler(node) or Outcome()
        except (BinaryError, ProtocolError) as exc:
            # Malformed input: nothing to emit. Still acknowledge it, or the server would
            # redeliver the same broken stanza on every reconnect.
            log.warning("could not handle <%s id=%s>: %s", node.tag, node.attr("id"), exc)
            return Outcome()

    async def _reply(self, node: Node, outcome: Outcome) -> None:
        for extra in outcome.also:
            await self._send(extra)
        reply = ack_for(node) if isinstance(outcome.reply, _Default) else outcome.reply
        if reply is not None:
            await self._send(reply)
