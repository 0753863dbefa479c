"""The Noise stream over any message carrier (a WebSocket), for client and server alike.

The carrier is anything with ``async send(bytes)`` and ``async recv() -> bytes``
(a ``websockets`` connection fits as it is); this module imports no network
library. Whatever the carrier raises when the connection closes passes
through unchanged, for the caller to turn into its own error.
"""

from __future__ import annotations

from collections import deque
from typing import Protocol

import anyio

from wacli.crypto import KeyPair
from wacli.noise.cipher import Transport
from wacli.noise.client import ClientHandshake
from wacli.noise.constants import WA_HEADER
from wacli.noise.errors import FrameError
from wacli.noise.frames import FrameReader, FrameWriter, client_intro
from wacli.noise.server import ServerHandshake


class Carrier(Protocol):
    async def send(self, data: bytes) -> None: ...

    async def recv(self) -> bytes | str: ...


class NoiseStream:
    """Encrypted frames after the handshake: one plaintext per ``send``/``receive``."""

    def __init__(
        self,
        carrier: Carrier,
        transport: Transport,
        reader: FrameReader,
        writer: FrameWriter,
        pending: deque[bytes],
    ) -> None:
        self._carrier = carrier
        self._transport = transport
        self._reader = reader
        self._writer = writer
        self._pending = pending
        # Frames must leave in counter order even when several tasks send. Taken without a
        # trip through the event loop when nobody holds it (once per stanza sent).
        self._send_lock = anyio.Lock(fast_acquire=True)

    async def send(self, plaintext: bytes) -> None:
        async with self._send_lock:
            await self._carrier.send(self._writer.write(self._transport.encrypt(plaintext)))

    async def receive(self) -> bytes:
        """The next decrypted frame; a frame that fails authentication is a DecryptError."""
        await _fill(self._carrier, self._reader, self._pending)
        return self._transport.decrypt(self._pending.popleft())


async def _fill(carrier: Carrier, reader: FrameReader, pending: deque[bytes]) -> None:
    while not pending:
        data = await carrier.recv()
        if isinstance(data, str):
            raise FrameError("the peer sent a text message on the binary Noise stream")
        pending.extend(reader.feed(data))


async def open_client(
    carrier: Carrier, handshake: ClientHandshake, *, intro: bytes | None = None
) -> NoiseStream:
    """Run the client side of the handshake; the caller bounds it with a timeout."""
    reader, writer = FrameReader(), FrameWriter(intro=client_intro() if intro is None else intro)
    pending: deque[bytes] = deque()
    await carrier.send(writer.write(handshake.start()))
    await _fill(carrier, reader, pending)
    finish = handshake.receive(pending.popleft())
    if finish is not None:
        await carrier.send(writer.write(finish))
    return NoiseStream(carrier, handshake.transport, reader, writer, pending)


async def accept_server(
    carrier: Carrier, static: KeyPair, cert_chain: bytes, *, accept_ik: bool = True
) -> tuple[NoiseStream, ServerHandshake]:
    """Run the server side of the handshake; returns the stream and the finished handshake
    (its ``client_static`` and ``payload`` say who logged in)."""
    reader, writer = FrameReader(expect_intro=True), FrameWriter()
    pending: deque[bytes] = deque()
    await _fill(carrier, reader, pending)
    prologue = reader.header or WA_HEADER
    handshake = ServerHandshake(static, cert_chain, prologue=prologue, accept_ik=accept_ik)
    hello = handshake.receive(pending.popleft())
    if hello is not None:
        await carrier.send(writer.write(hello))
    if not handshake.complete:
        await _fill(carrier, reader, pending)
        handshake.receive(pending.popleft())
    return NoiseStream(carrier, handshake.transport, reader, writer, pending), handshake
