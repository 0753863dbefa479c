"""The connection over real WebSockets and Noise, against a scripted peer built from the
same Noise server code the sandbox uses: IQ routing, timeouts, keepalive, stream ends."""

import contextlib
from collections.abc import Awaitable, Callable

import anyio
import pytest
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from wacli.binary import Node, decode, encode
from wacli.client import events as ev
from wacli.client.connection import Endpoint
from wacli.client.direct_connection import open_connection
from wacli.client.errors import (
    CertificateError,
    ClientOutdatedError,
    ConnectError,
    ConnectionLost,
    IqError,
    RequestTimeout,
    RestartRequired,
    StreamReplacedError,
)
from wacli.client.router import default_handler
from wacli.client.timing import Timing
from wacli.crypto import generate_key_pair
from wacli.noise import issue_cert_chain
from wacli.noise.stream import NoiseStream, accept_server

pytestmark = pytest.mark.anyio

ROOT = generate_key_pair()
SERVER = generate_key_pair()
CHAIN = issue_cert_chain(ROOT, SERVER.public)
NO_KEEPALIVE = Timing(keepalive_min=float("inf"), keepalive_max=float("inf"), iq=5.0)

Script = Callable[[NoiseStream], Awaitable[None]]


async def receive(stream: NoiseStream) -> Node:
    return decode(await stream.receive())


async def send(stream: NoiseStream, node: Node) -> None:
    await stream.send(encode(node))


class Peer:
    """A loopback server running ``script`` for each connection; records what it saw."""

    def __init__(self, script: Script, hang_up: bool = False) -> None:
        self.script = script
        self.hang_up = hang_up
        self.payloads: list[bytes] = []

    async def _serve(self, ws: ServerConnection) -> None:
        stream, handshake = await accept_server(ws, SERVER, CHAIN)
        self.payloads.append(handshake.payload)
        await self.script(stream)
        if self.hang_up:
            await ws.close()
        await ws.wait_closed()


async def run_client(
    script: Script,
    body: Callable[..., Awaitable[None]],
    *,
    timing: Timing = NO_KEEPALIVE,
    root: bytes = ROOT.public,
    events: list[ev.Event] | None = None,
    hang_up: bool = False,
) -> Peer:
    peer = Peer(script, hang_up)
    sink_events = [] if events is None else events

    async def sink(event: ev.Event) -> None:
        sink_events.append(event)

    async with serve(peer._serve, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        endpoint = Endpoint(f"ws://127.0.0.1:{port}/ws/chat", root, (2, 3000, 1), timing)
        async with open_connection(
            endpoint,
            generate_key_pair(),
            b"hello",
            server_static=None,
            sink=sink,
            handler=default_handler,
        ) as conn:
            await body(conn)
    return peer


async def test_iq_answers_are_routed_by_id_whatever_their_order() -> None:
    async def script(stream: NoiseStream) -> None:
        requests = [await receive(stream) for _ in range(3)]
        by_tag = {r.children[0].tag: r for r in requests}
        error = by_tag["bad"]
        await send(
            stream,
            Node(
                "iq",
                {"id": error.attr("id"), "type": "error"},
                [Node("error", {"code": "400", "text": "bad-request"})],
            ),
        )
        for tag in ("b", "a"):  # reversed
            req = by_tag[tag]
            await send(
                stream, Node("iq", {"id": req.attr("id"), "type": "result"}, [Node(f"got-{tag}")])
            )

    results: dict[str, str] = {}
    errors: list[IqError] = []

    async def body(conn) -> None:  # type: ignore[no-untyped-def]
        async def ask(tag: str) -> None:
            try:
                answer = await conn.iq("test", "get", [Node(tag)])
                results[tag] = answer.children[0].tag
            except IqError as exc:
                errors.append(exc)

        async with anyio.create_task_group() as tg:
            for tag in ("a", "b", "bad"):
                tg.start_soon(ask, tag)

    peer = await run_client(script, body)
    assert results == {"a": "got-a", "b": "got-b"}
    assert [(e.code, e.text) for e in errors] == [(400, "bad-request")]
    assert peer.payloads == [b"hello"]


async def test_an_unanswered_iq_times_out_and_a_bad_frame_is_skipped() -> None:
    async def script(stream: NoiseStream) -> None:
        await receive(stream)  # never answered
        await stream.send(b"\x00\xff\xff")  # does not decode: dropped by the client
        late = await receive(stream)
        await send(stream, Node("iq", {"id": late.attr("id"), "type": "result"}))

    async def body(conn) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(RequestTimeout):
            await conn.iq("test", "get", timeout=0.2)
        answer = await conn.iq("test", "get")
        assert answer.attr("type") == "result"

    await run_client(script, body)


async def test_keepalive_pings_and_a_dead_server() -> None:
    answered: list[Node] = []

    async def answers_three_pings_then_goes_silent(stream: NoiseStream) -> None:
        with contextlib.suppress(ConnectionClosed):
            while True:
                ping = await receive(stream)
                assert ping.attr("xmlns") == "w:p" and ping.children[0].tag == "ping"
                if len(answered) < 3:
                    answered.append(ping)
                    await send(stream, Node("iq", {"id": ping.attr("id"), "type": "result"}))

    fast = Timing(keepalive_min=0.01, keepalive_max=0.02, keepalive_reply=0.1, keepalive_misses=2)
    with pytest.raises(ConnectionLost, match="stopped answering"):
        await run_client(answers_three_pings_then_goes_silent, _forever, timing=fast)
    assert len(answered) == 3


async def _idle(stream: NoiseStream) -> None:
    """Read (and ignore) until the client goes away, as a server that has nothing to say."""
    with contextlib.suppress(ConnectionClosed):
        while True:
            await stream.receive()


async def _forever(conn) -> None:  # type: ignore[no-untyped-def]
    await anyio.sleep_forever()


async def test_stream_errors_end_the_connection_with_events() -> None:
    async def replaced(stream: NoiseStream) -> None:
        await send(stream, Node("stream:error", {}, [Node("conflict", {"type": "replaced"})]))

    events: list[ev.Event] = []
    with pytest.raises(StreamReplacedError):
        await run_client(replaced, _forever, events=events)
    assert events == [ev.StreamReplaced()]

    async def restart(stream: NoiseStream) -> None:
        await send(stream, Node("stream:error", {"code": "515"}))

    with pytest.raises(RestartRequired):
        await run_client(restart, _forever)

    async def outdated(stream: NoiseStream) -> None:
        await send(stream, Node("failure", {"reason": "405"}))

    events.clear()
    with pytest.raises(ClientOutdatedError, match="WACLI_WA_VERSION"):
        await run_client(outdated, _forever, events=events)
    assert isinstance(events[0], ev.ClientOutdated)

    async def hangs_up(stream: NoiseStream) -> None:
        pass

    with pytest.raises(ConnectionLost, match="closed the connection"):
        await run_client(hangs_up, _forever, hang_up=True)


async def test_a_notification_is_acked_after_its_event_was_written() -> None:
    events: list[ev.Event] = []
    seen_at_ack: list[int] = []

    async def script(stream: NoiseStream) -> None:
        await send(
            stream, Node("notification", {"id": "n1", "from": "s.whatsapp.net", "type": "x"})
        )
        ack = await receive(stream)
        seen_at_ack.append(len(events))
        assert ack.tag == "ack" and ack.attrs["class"] == "notification"
        assert ack.attr("id") == "n1" and ack.attr("type") == "x"
        await send(stream, Node("stream:error", {"code": "515"}))

    with pytest.raises(RestartRequired):
        await run_client(script, _forever, events=events)
    assert seen_at_ack == [1] and isinstance(events[0], ev.Notification)


async def test_a_body_that_finishes_closes_cleanly() -> None:
    script = _idle

    async def body(conn) -> None:  # type: ignore[no-untyped-def]
        assert conn.pattern == "XX" and conn.server_static == SERVER.public

    await run_client(script, body)


async def test_wrong_root_and_unreachable_server() -> None:
    script = _idle
    with pytest.raises(CertificateError, match="certificate chain does not verify"):
        await run_client(script, _forever, root=generate_key_pair().public)

    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    await listener.aclose()  # nothing listens there now

    async def sink(event: ev.Event) -> None:
        raise AssertionError("no events expected")

    endpoint = Endpoint(f"ws://127.0.0.1:{port}/ws/chat", ROOT.public, (2, 3000, 1), NO_KEEPALIVE)
    with pytest.raises(ConnectError, match="cannot connect"):
        async with open_connection(
            endpoint,
            generate_key_pair(),
            b"x",
            server_static=None,
            sink=sink,
            handler=default_handler,
        ):
            pass


async def test_errors_of_the_body_and_of_the_sink_come_out_unwrapped() -> None:
    async def refuses(stream: NoiseStream) -> None:
        request = await receive(stream)
        await send(
            stream,
            Node(
                "iq", {"id": request.attr("id"), "type": "error"}, [Node("error", {"code": "403"})]
            ),
        )
        await _idle(stream)

    async def body(conn) -> None:  # type: ignore[no-untyped-def]
        await conn.iq("test", "set")

    with pytest.raises(IqError) as caught:
        await run_client(refuses, body)
    assert caught.value.code == 403

    async def notifies(stream: NoiseStream) -> None:
        await send(stream, Node("notification", {"id": "n", "from": "s.whatsapp.net"}))
        await _idle(stream)

    class Closed(list):  # a sink whose output went away
        def append(self, item: object) -> None:
            raise BrokenPipeError("stdout is closed")

    with pytest.raises(BrokenPipeError):
        await run_client(notifies, _forever, events=Closed())


async def test_ik_with_the_known_key_and_xxfallback_with_a_stale_one() -> None:
    patterns: list[tuple[str, bytes | None]] = []

    async def body(conn) -> None:  # type: ignore[no-untyped-def]
        patterns.append((conn.pattern, conn.server_static))

    peer = Peer(_idle)
    static = generate_key_pair()

    async def sink(event: ev.Event) -> None:
        raise AssertionError("no events expected")

    async with serve(peer._serve, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        endpoint = Endpoint(f"ws://127.0.0.1:{port}/ws/chat", ROOT.public, (2, 1, 1), NO_KEEPALIVE)
        for known in (SERVER.public, generate_key_pair().public):  # current, then a stale key
            async with open_connection(
                endpoint, static, b"login", server_static=known, sink=sink, handler=default_handler
            ) as conn:
                await body(conn)
    assert patterns == [("IK", SERVER.public), ("XXfallback", SERVER.public)]
    assert peer.payloads == [b"login", b"login"]
