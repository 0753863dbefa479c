"""The WebSocket under the Noise stream: websockets' sans-I/O client protocol, driven over
an anyio byte stream (TCP, or TLS for ``wss://``).

Why not ``websockets.asyncio.client``: it runs asyncio tasks of its own beside our task
groups, and importing it costs every connecting command ~10 ms (its proxy support loads
urllib.request, http.client and email). websockets' protocol object does the parsing
and framing (masking in C), this module only moves bytes: what the protocol wants sent
goes out under one lock (the Noise stream, the reader's automatic pongs and the close
may write at once), and ``recv`` returns whole messages.

``websockets.version`` imports ``importlib.metadata`` at its top, yet only a development
checkout of websockets reads it (a released one has its version written in); that import
pulls in zipfile, csv and email, ~10 ms more. So while websockets loads,
``importlib.metadata`` is a stand-in module that imports the real one the moment anything
is looked up in it; afterwards the stand-in is gone and a later ``import
importlib.metadata`` gets the real module as usual.

A closed connection raises websockets' own ``ConnectionClosed`` (``.rcvd`` holds the
server's close frame, if one came), handshake failures its ``InvalidHandshake`` and
``InvalidURI``, network failures ``OSError``: the caller turns them into its errors.
"""

from __future__ import annotations

import importlib
import ssl
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import ModuleType
from typing import Any

import anyio
import anyio.abc

from wacli.client.proxy import open_stream

_METADATA = "importlib.metadata"


class _StandIn(ModuleType):
    def __getattr__(self, name: str) -> Any:
        return getattr(_real_metadata(), name)


def _real_metadata() -> ModuleType:
    if isinstance(sys.modules.get(_METADATA), _StandIn):
        del sys.modules[_METADATA]
    return importlib.import_module(_METADATA)


@contextmanager
def _without_metadata() -> Iterator[None]:
    if _METADATA in sys.modules:  # loaded already: nothing to save
        yield
        return
    sys.modules[_METADATA] = _StandIn(_METADATA)
    try:
        yield
    finally:
        if isinstance(sys.modules.get(_METADATA), _StandIn):
            del sys.modules[_METADATA]
            # The import bound the stand-in as ``importlib.metadata`` too.
            if isinstance(getattr(importlib, "metadata", None), _StandIn):
                del importlib.metadata


with _without_metadata():
    from websockets.client import ClientProtocol
    from websockets.exceptions import (
        ConnectionClosed,
        InvalidHandshake,
        InvalidMessage,
        InvalidURI,
    )
    from websockets.frames import Frame, Opcode
    from websockets.http11 import Response
    from websockets.protocol import State
    from websockets.typing import Origin
    from websockets.uri import parse_uri

__all__ = ["ConnectionClosed", "InvalidHandshake", "InvalidURI", "WebSocket", "connect"]

# Reads of up to this many bytes: a burst of offline messages arrives in large chunks.
READ_SIZE = 1 << 16
# After our close frame, how long the server has to answer it and close the TCP stream.
CLOSE_WAIT = 2.0


class WebSocket:
    """An open client WebSocket: ``send`` a binary message, ``recv`` the next message,
    ``close``. One task receives; any number may send."""

    def __init__(self, stream: anyio.abc.ByteStream, protocol: ClientProtocol) -> None:
        self._stream = stream
        self._protocol = protocol
        self._write_lock = anyio.Lock(fast_acquire=True)
        self._frames: deque[Frame] = deque()  # received, not yet returned by recv
        self._fragments: list[bytes] = []  # of a message that came in several frames
        self._text = False  # whether the message being assembled is text
        self._closed = False

    async def send(self, data: bytes) -> None:
        if self._protocol.state is not State.OPEN:
            raise self._closed_error()
        self._protocol.send_binary(data)
        await self._flush()

    async def recv(self) -> bytes | str:
        """The next whole message: bytes for a binary one, str for a text one."""
        while True:
            while self._frames:
                message = self._assemble(self._frames.popleft())
                if message is not None:
                    return message
            if self._protocol.state is not State.OPEN:  # closing: nothing more will come
                raise self._closed_error()
            await self._receive()

    async def close(self) -> None:
        """Close as a client does: our close frame, the server's answer and its TCP close,
        waited for at most CLOSE_WAIT; then the stream goes whatever happened."""
        if self._closed:
            return
        self._closed = True
        protocol = self._protocol
        try:
            if protocol.state is State.OPEN:
                protocol.send_close(1000)
                await self._flush()
            with anyio.move_on_after(CLOSE_WAIT):
                while protocol.close_expected():  # until the server's TCP close
                    await self._receive()
        except (ConnectionClosed, OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
            pass  # the other side went first: nothing left to say
        finally:
            with anyio.CancelScope(shield=True), suppress(OSError, anyio.BrokenResourceError):
                await self._stream.aclose()

    def _assemble(self, frame: Frame) -> bytes | str | None:
        if frame.opcode is Opcode.BINARY or frame.opcode is Opcode.TEXT:
            self._text = frame.opcode is Opcode.TEXT
            if frame.fin:
                data = bytes(frame.data)
                return data.decode() if self._text else data
            self._fragments = [bytes(frame.data)]
        elif frame.opcode is Opcode.CONT:
            self._fragments.append(bytes(frame.data))
            if frame.fin:
                whole = b"".join(self._fragments)
                self._fragments = []
                return whole.decode() if self._text else whole
        return None  # ping (answered by the protocol), pong, close

    async def _receive(self) -> None:
        """Read once from the network into the protocol; send what it answers."""
        self._frames.extend(_frames(await _read_once(self._stream, self._protocol)))
        await self._flush()

    async def _flush(self) -> None:
        async with self._write_lock:
            for chunk in self._protocol.data_to_send():
                if not chunk:  # "half-close now": close() closes the whole stream instead
                    continue
                try:
                    await self._stream.send(chunk)
                except (OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
                    self._protocol.receive_eof()  # the stream is gone: so is the connection
                    raise self._closed_error() from None

    def _closed_error(self) -> ConnectionClosed:
        protocol = self._protocol
        if protocol.state is State.CLOSED:
            return protocol.close_exc
        error = ConnectionClosed(
            protocol.close_rcvd,
            protocol.close_sent,
            protocol.close_rcvd_then_sent,
        )
        error.__cause__ = protocol.parser_exc
        return error


async def _read_once(stream: anyio.abc.ByteStream, protocol: ClientProtocol) -> list[Any]:
    """Read once from the network into ``protocol`` (a closed or broken stream is its
    end); the events that made."""
    try:
        data = await stream.receive(READ_SIZE)
    except (anyio.EndOfStream, anyio.BrokenResourceError, OSError):
        protocol.receive_eof()
    else:
        protocol.receive_data(data)
    return protocol.events_received()


def _frames(events: list[Any]) -> list[Frame]:
    return [event for event in events if isinstance(event, Frame)]


async def connect(
    url: str, *, origin: str, max_size: int, ssl_context: ssl.SSLContext | None = None
) -> WebSocket:
    """Open the TCP (TLS for ``wss://``) stream, through the environment's proxy if it
    names one (wacli.client.proxy), and run the WebSocket upgrade; the caller bounds it
    with a timeout. ``ssl_context``: the default verifying context when None."""
    uri = parse_uri(url)
    protocol = ClientProtocol(uri, origin=Origin(origin), max_size=max_size)
    tls = (ssl_context or ssl.create_default_context()) if uri.secure else None
    stream = await open_stream(uri.host, uri.port, ssl_context=tls)
    try:
        protocol.send_request(protocol.connect())
        for chunk in protocol.data_to_send():
            await stream.send(chunk)
        ws = WebSocket(stream, protocol)
        ws._frames.extend(await _response(stream, protocol))  # frames in the answer's read,
        await ws._flush()  # and what the protocol said to them (a ping's pong)
    except BaseException:
        await anyio.aclose_forcefully(stream)
        raise
    return ws


async def _response(stream: anyio.abc.ByteStream, protocol: ClientProtocol) -> list[Frame]:
    """Read until the upgrade's answer; the frames that followed it in the same read."""
    while True:
        events = await _read_once(stream, protocol)
        if protocol.handshake_exc is not None:
            raise protocol.handshake_exc
        if events:
            assert isinstance(events[0], Response)
            return _frames(events[1:])
        if protocol.state is State.CLOSED:
            raise InvalidMessage("the server closed the connection during the upgrade")
