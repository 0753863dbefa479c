"""The Noise stream over real WebSockets on loopback: XX, then IK resume, both directions."""

import anyio
import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

from wacli.crypto import generate_key_pair
from wacli.noise import CertificateError, ClientHandshake, issue_cert_chain
from wacli.noise.stream import accept_server, open_client

pytestmark = pytest.mark.anyio

ROOT = generate_key_pair()
SERVER = generate_key_pair()
CHAIN = issue_cert_chain(ROOT, SERVER.public)


async def _echo(ws: ServerConnection) -> None:
    stream, handshake = await accept_server(ws, SERVER, CHAIN)
    await stream.send(b"hello " + handshake.payload)
    while True:
        frame = await stream.receive()
        await stream.send(frame[::-1])


async def test_xx_then_ik_resume_over_websockets() -> None:
    client_static = generate_key_pair()
    async with serve(_echo, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        url = f"ws://127.0.0.1:{port}"
        known_server_key = None
        for expected_pattern in ("XX", "IK"):
            async with connect(url) as ws:
                hs = ClientHandshake(
                    client_static, b"payload", server_static=known_server_key, root_key=ROOT.public
                )
                stream = await open_client(ws, hs)
                assert hs.pattern == expected_pattern
                assert await stream.receive() == b"hello payload"
                async with anyio.create_task_group() as tg:  # concurrent senders keep order
                    for i in range(20):
                        tg.start_soon(stream.send, b"frame %d" % i)
                replies = {await stream.receive() for _ in range(20)}
                assert replies == {(b"frame %d" % i)[::-1] for i in range(20)}
                known_server_key = hs.server_static


async def test_wrong_root_fails_the_handshake() -> None:
    async with serve(_echo, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        async with connect(f"ws://127.0.0.1:{port}") as ws:
            hs = ClientHandshake(generate_key_pair(), b"x", root_key=generate_key_pair().public)
            with pytest.raises(CertificateError):
                await open_client(ws, hs)
