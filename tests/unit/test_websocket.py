"""wacli's WebSocket client (websockets' sans-I/O protocol over anyio) against websockets'
own asyncio server: messages both ways, fragments, pings, the ends of a connection,
refused upgrades, and TLS with a verified certificate chain."""

import contextlib
import socket
import ssl
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import anyio.abc
import pytest
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.http11 import Request, Response
from websockets.utils import accept_key

from wacli.client.websocket import CLOSE_WAIT, connect
from wacli.sandbox.media_tls import ensure_media_tls

pytestmark = pytest.mark.anyio

ORIGIN = "https://web.whatsapp.com"

Handler = Callable[[ServerConnection], Awaitable[None]]


@asynccontextmanager
async def server(
    handler: Handler,
    tls: ssl.SSLContext | None = None,
    refuse: int | None = None,
) -> AsyncIterator[tuple[str, list[str | None]]]:
    """A websockets server on loopback; yields its URL and the Origin of each upgrade."""
    origins: list[str | None] = []

    def process_request(conn: ServerConnection, request: Request) -> Response | None:
        origins.append(request.headers.get("Origin"))
        return conn.respond(refuse, "no\n") if refuse else None

    async with serve(
        handler, "127.0.0.1", 0, ssl=tls, process_request=process_request
    ) as ws_server:
        port = ws_server.sockets[0].getsockname()[1]
        yield f"{'wss' if tls else 'ws'}://127.0.0.1:{port}/ws/chat", origins


async def echo(ws: ServerConnection) -> None:
    async for message in ws:
        await ws.send(message)


async def test_binary_and_text_messages_round_trip_with_the_origin_header() -> None:
    async with server(echo) as (url, origins):
        ws = await connect(url, origin=ORIGIN, max_size=1 << 20)
        await ws.send(b"\x00\x01 noise frame")
        assert await ws.recv() == b"\x00\x01 noise frame"
        big = bytes(range(256)) * 1000  # spans many TCP reads
        await ws.send(big)
        assert await ws.recv() == big
        await ws.close()
    assert origins == [ORIGIN]


async def test_a_fragmented_message_arrives_whole_and_pings_are_answered() -> None:
    pong_seen = anyio.Event()

    async def handler(ws: ServerConnection) -> None:
        await ws.send([b"part one, ", b"part two, ", b"part three"])
        await ws.send("a text message")
        waiter = await ws.ping(b"are you there")
        await waiter  # resolved only by our pong
        pong_seen.set()
        await ws.send(b"after the pong")
        await ws.wait_closed()

    async with server(handler) as (url, _):
        ws = await connect(url, origin=ORIGIN, max_size=1 << 20)
        assert await ws.recv() == b"part one, part two, part three"
        assert await ws.recv() == "a text message"
        with anyio.fail_after(5):
            assert await ws.recv() == b"after the pong"  # reading is what answers the ping
        assert pong_seen.is_set()
        await ws.close()


async def test_the_servers_close_frame_ends_recv_with_its_code() -> None:
    async def handler(ws: ServerConnection) -> None:
        await ws.send(b"last words")
        await ws.close(1000, "bye")

    async with server(handler) as (url, _):
        ws = await connect(url, origin=ORIGIN, max_size=1 << 20)
        assert await ws.recv() == b"last words"  # what came before the close is kept
        with pytest.raises(ConnectionClosed) as closed:
            await ws.recv()
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1000
        with pytest.raises(ConnectionClosed):
            await ws.send(b"too late")
        await ws.close()


async def test_a_dropped_tcp_connection_ends_recv_without_a_close_frame() -> None:
    async def handler(ws: ServerConnection) -> None:
        ws.transport.abort()  # no close frame: the TCP connection just goes

    async with server(handler) as (url, _):
        ws = await connect(url, origin=ORIGIN, max_size=1 << 20)
        with anyio.fail_after(5), pytest.raises(ConnectionClosed) as closed:
            await ws.recv()
        assert closed.value.rcvd is None
        await ws.close()


async def test_a_message_over_max_size_closes_the_connection_with_1009() -> None:
    async def handler(ws: ServerConnection) -> None:
        await ws.send(b"x" * 2000)
        await ws.wait_closed()

    async with server(handler) as (url, _):
        ws = await connect(url, origin=ORIGIN, max_size=1000)
        with anyio.fail_after(5), pytest.raises(ConnectionClosed) as closed:
            await ws.recv()
        assert closed.value.sent is not None and closed.value.sent.code == 1009
        await ws.close()


async def test_a_refused_upgrade_is_an_invalid_handshake() -> None:
    async with server(echo, refuse=403) as (url, _):
        with anyio.fail_after(5), pytest.raises(InvalidHandshake, match="403"):
            await connect(url, origin=ORIGIN, max_size=1 << 20)


async def test_nothing_listening_is_an_os_error() -> None:
    with anyio.fail_after(5), pytest.raises(OSError):
        await connect("ws://127.0.0.1:9/ws/chat", origin=ORIGIN, max_size=1 << 20)


async def test_wss_verifies_the_servers_certificate_chain(tmp_path: Path) -> None:
    # A CA and a certificate for 127.0.0.1 it signs: the sandbox's media server's.
    tls = ensure_media_tls(tmp_path, ["127.0.0.1"])
    trusting = ssl.create_default_context(cafile=str(tls.ca_path))
    async with server(echo, tls=tls.server_context()) as (url, _):
        ws = await connect(url, origin=ORIGIN, max_size=1 << 20, ssl_context=trusting)
        await ws.send(b"over TLS")
        assert await ws.recv() == b"over TLS"
        await ws.close()
        # The default context trusts the system's CAs only: this chain is refused.
        with anyio.fail_after(5), pytest.raises(ssl.SSLCertVerificationError):
            await connect(url, origin=ORIGIN, max_size=1 << 20)


async def test_close_gives_up_on_a_server_that_never_answers_it() -> None:
    """A peer that upgrades, then ignores our close frame and keeps the TCP connection:
    ``close`` waits CLOSE_WAIT for it, then drops the connection."""

    async def silent(stream: anyio.abc.SocketStream) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            request += await stream.receive()
        key = next(
            line.split(b":", 1)[1].strip().decode()
            for line in request.split(b"\r\n")
            if line.lower().startswith(b"sec-websocket-key:")
        )
        accept = accept_key(key).encode()
        await stream.send(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        with contextlib.suppress(anyio.EndOfStream, anyio.BrokenResourceError):
            while True:
                await stream.receive()  # our close frame, unanswered

    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    async with listener, anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, silent)
        ws = await connect(f"ws://127.0.0.1:{port}/ws/chat", origin=ORIGIN, max_size=1 << 20)
        started = anyio.current_time()
        with anyio.fail_after(CLOSE_WAIT + 5):
            await ws.close()
        assert anyio.current_time() - started >= CLOSE_WAIT - 0.1
        tg.cancel_scope.cancel()


@pytest.mark.parametrize("reset", [False, True])
async def test_a_server_that_hangs_up_during_the_upgrade_is_an_invalid_handshake(
    reset: bool,
) -> None:
    """Closed (FIN) or reset (RST) after reading our upgrade: a refused handshake, which
    the caller reports as a failure to connect, never an unexpected error."""

    async def hang_up(stream: anyio.abc.SocketStream) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            request += await stream.receive()
        if reset:  # SO_LINGER 0: the close sends RST
            raw = stream.extra(anyio.abc.SocketAttribute.raw_socket)
            raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        await stream.aclose()

    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    async with listener, anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, hang_up)
        with anyio.fail_after(5), pytest.raises(InvalidHandshake):
            await connect(f"ws://127.0.0.1:{port}/ws/chat", origin=ORIGIN, max_size=1 << 20)
        tg.cancel_scope.cancel()
