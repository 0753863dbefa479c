"""The one place that acknowledges stanzas: the ack leaves only after the sink returned."""

from collections.abc import Awaitable, Callable

import anyio
import pytest

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.dispatcher import Batch, Dispatcher, Outcome, current_batch
from wacli.client.errors import ConnectionLost
from wacli.client.router import default_handler, node_data
from wacli.client.routes import ANY, Routes
from wacli.client.stanzas import iq_error
from wacli.jid import parse_jid
from wacli.protocol import PairingError
from wacli.protocol.stanzas import ack_for

pytestmark = pytest.mark.anyio

SERVER = parse_jid("s.whatsapp.net")
NOTIFICATION = Node(
    "notification", {"id": "n1", "from": SERVER, "type": "devices"}, [Node("x", {"a": "1"})]
)


async def test_ack_is_sent_only_after_the_sink_returned() -> None:
    sent: list[Node] = []
    entered, release, written = anyio.Event(), anyio.Event(), []

    async def slow_sink(event: ev.Event) -> None:
        entered.set()
        await release.wait()  # the line is not yet flushed
        written.append(event)

    async def send(node: Node) -> None:
        assert written, "the ack went out before the event was written"
        sent.append(node)

    dispatcher = Dispatcher(default_handler, slow_sink, send)
    async with anyio.create_task_group() as tg:
        tg.start_soon(dispatcher.dispatch, NOTIFICATION)
        await entered.wait()
        for _ in range(5):
            await anyio.sleep(0)  # let the dispatcher run as far as it can
        assert sent == []
        release.set()
    assert [type(e) for e in written] == [ev.Notification]
    assert sent == [ack_for(NOTIFICATION)]


async def test_a_stop_right_after_the_line_still_sends_the_ack() -> None:
    sent: list[Node] = []
    scope = anyio.CancelScope()

    async def sink(event: ev.Event) -> None:
        scope.cancel()  # SIGTERM arrives just as the line was flushed

    async def send(node: Node) -> None:
        await anyio.sleep(0)  # a real send awaits the socket: a place to be cancelled
        sent.append(node)

    with scope:
        await Dispatcher(default_handler, sink, send).dispatch(NOTIFICATION)
    assert sent == [ack_for(NOTIFICATION)]


async def test_a_sink_that_fails_means_no_ack() -> None:
    sent: list[Node] = []

    async def broken_sink(event: ev.Event) -> None:
        raise BrokenPipeError("stdout closed")

    async def send(node: Node) -> None:
        sent.append(node)

    with pytest.raises(BrokenPipeError):
        await Dispatcher(default_handler, broken_sink, send).dispatch(NOTIFICATION)
    assert sent == []  # the server keeps the stanza and delivers it again


async def test_replies_end_and_malformed_input() -> None:
    sent: list[Node] = []
    events: list[ev.Event] = []

    async def sink(event: ev.Event) -> None:
        events.append(event)

    async def send(node: Node) -> None:
        sent.append(node)

    custom = Node("iq", {"id": "q", "type": "result"})

    async def special(node: Node) -> Outcome | None:
        if node.tag == "iq":
            return Outcome(reply=custom, end=ConnectionLost("done"))
        if node.attr("type") == "broken":
            raise PairingError("bad bytes")
        return None

    routes = Routes(
        {("iq", ANY, ANY): special, ("notification", "broken", ANY): special},
        default=default_handler,
    )
    dispatcher = Dispatcher(routes, sink, send)
    end = await dispatcher.dispatch(Node("iq", {"id": "q", "type": "set"}))
    assert isinstance(end, ConnectionLost) and sent == [custom]
    broken = Node("notification", {"id": "b", "from": SERVER, "type": "broken"})
    assert await dispatcher.dispatch(broken) is None
    assert sent[-1] == ack_for(broken) and events == []  # malformed: acked, nothing emitted
    await dispatcher.dispatch(Node("message", {"id": "m", "from": SERVER}))
    assert sent[-1] == ack_for(broken)  # messages wait for the handler of a later wave


async def test_ib_and_server_ping() -> None:
    outcome = await default_handler(
        Node("ib", {}, [Node("offline_preview", {"count": "3", "message": "2"}), Node("offline")])
    )
    assert outcome.reply is None
    assert outcome.events == [
        ev.OfflineSyncPreview(total=3, app_data_changes=0, messages=2, notifications=0, receipts=0),
        ev.OfflineSyncCompleted(count=0),
    ]
    ping = Node("iq", {"id": "p", "type": "get", "xmlns": "urn:xmpp:ping", "from": SERVER})
    reply = (await default_handler(ping)).reply
    assert isinstance(reply, Node) and reply.attrs == {"to": SERVER, "id": "p", "type": "result"}


def test_ack_shapes() -> None:
    receipt = Node(
        "receipt",
        {
            "id": "r",
            "from": SERVER,
            "participant": parse_jid("1555@s.whatsapp.net"),
            "type": "read",
        },
    )
    assert ack_for(receipt) == Node(
        "ack",
        {
            "class": "receipt",
            "id": "r",
            "to": SERVER,
            "participant": parse_jid("1555@s.whatsapp.net"),
            "type": "read",
        },
    )
    message = Node("message", {"id": "m", "from": SERVER, "type": "text"})
    assert ack_for(message) == Node("ack", {"class": "message", "id": "m", "to": SERVER})
    assert ack_for(Node("iq", {"id": "i"})) is None
    assert ack_for(Node("notification", {})) is None  # nothing to name it by


def test_iq_error_and_node_data() -> None:
    error = iq_error(Node("iq", {"type": "error"}, [Node("error", {"code": "404", "text": "nf"})]))
    assert error.code == 404 and error.text == "nf" and "404 nf" in str(error)
    assert iq_error(Node("iq", {"type": "error"})).code is None
    data = node_data(NOTIFICATION)
    assert data.attrs == {"id": "n1", "from": "s.whatsapp.net", "type": "devices"}
    assert data.content == [ev.NodeData("x", {"a": "1"}, None)]


async def test_a_batch_syncs_once_after_its_last_event_and_before_its_first_ack() -> None:
    """What listen --output relies on: the lines of a batch of stanzas are synced once,
    after the last is written and before any is acknowledged; a sink that fails on one
    still leaves those before it synced and acknowledged, and it unacknowledged."""
    log: list[str] = []
    nodes = [
        Node("notification", {"id": f"n{i}", "from": SERVER, "type": "devices"}) for i in range(3)
    ]

    async def sync() -> None:
        log.append("sync")

    def sink_failing_on(bad: str | None) -> Callable[[ev.Event], Awaitable[None]]:
        async def sink(event: ev.Event) -> None:
            assert isinstance(event, ev.Notification)
            if event.node.attrs["id"] == bad:
                raise OSError("disk full")
            log.append(f"line {event.node.attrs['id']}")
            batch = current_batch.get()
            assert batch is not None, "the sink runs inside the dispatcher's batch"
            assert batch.defer(sync)  # once per line; the batch runs it once

        return sink

    async def send(node: Node) -> None:
        log.append(f"ack {node.attr('id')}")

    assert (
        await Dispatcher(default_handler, sink_failing_on(None), send).dispatch_all(nodes) is None
    )
    assert log == ["line n0", "line n1", "line n2", "sync", "ack n0", "ack n1", "ack n2"]

    log.clear()
    with pytest.raises(OSError):
        await Dispatcher(default_handler, sink_failing_on("n2"), send).dispatch_all(nodes)
    assert log == ["line n0", "line n1", "sync", "ack n0", "ack n1"]


async def test_a_settled_batch_refuses_a_sync_that_would_never_run() -> None:
    """A task started while a batch was handled keeps it as its current batch: once the
    batch has settled, its sink must sync by itself (the line is flushed, not left behind)."""
    seen: list[Batch] = []

    async def sink(event: ev.Event) -> None:
        batch = current_batch.get()
        assert batch is not None
        seen.append(batch)

    async def send(node: Node) -> None:
        pass

    async def sync() -> None:
        pass

    await Dispatcher(default_handler, sink, send).dispatch_all([NOTIFICATION])
    assert seen and not seen[0].defer(sync)
