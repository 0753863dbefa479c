"""Our own connection to the server: WebSocket, Noise, nodes, IQ routing, keepalive
(what any connection is: wacli.client.connection).

``open_connection`` is an async context manager. Inside it a task group runs
three tasks for the connection's lifetime:

- the reader: decrypts frames into nodes, hands IQ results/errors and acks to
  the request waiting for their id, turns ``<stream:error>``/``<failure>`` into
  events and the typed error that ends the connection, notes ``<success>``,
  and queues every other stanza for the dispatcher;
- the dispatcher: runs the handler for each queued stanza in order and sends
  its ack only after the sink returned (wacli.client.dispatcher); it is a task
  of its own so that a handler may await an IQ while the reader keeps reading;
- keepalive: ``<iq xmlns="w:p" type="get"><ping/></iq>`` every 20-30 s; after
  ``keepalive_misses`` unanswered pings in a row the connection counts as lost.

The first task to hit an end records why and cancels the group; leaving the
``async with`` then raises that ClientError (unless the body had finished).
No task outlives the block.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import anyio

from wacli.binary import BinaryError, Node, decode, encode
from wacli.client.connection import (
    Endpoint,
    Requests,
    Waiter,
    as_client_error,
    start_guarded,
)
from wacli.client.dispatcher import Dispatcher, Handler, Sink
from wacli.client.errors import (
    CertificateError,
    ClientError,
    ConnectError,
    ConnectionLost,
    RequestTimeout,
)
from wacli.client.stanzas import IdSource, iq_error
from wacli.client.timing import Timing
from wacli.client.websocket import ConnectionClosed, InvalidHandshake, InvalidURI, WebSocket
from wacli.client.websocket import connect as ws_connect
from wacli.crypto import KeyPair
from wacli.noise import CertificateError as NoiseCertificateError
from wacli.noise import ClientHandshake, NoiseError
from wacli.noise.stream import NoiseStream, open_client

if TYPE_CHECKING:
    from wacli.client.failures import Ending

log = logging.getLogger(__name__)

ORIGIN = "https://web.whatsapp.com"
# A Noise frame carries at most 2^24 - 1 bytes; a WebSocket message holds whole frames.
MAX_MESSAGE = 1 << 25
QUEUE_SIZE = 512
# Stanzas handled as one batch at most: their acks wait for the whole batch's sink sync.
BATCH_MAX = 64


class DirectConnection(Requests):
    """Our own logged-in (or registering) connection; create it with :func:`open_connection`."""

    def __init__(
        self,
        stream: NoiseStream,
        handshake: ClientHandshake,
        endpoint: Endpoint,
        sink: Sink,
        handler: Handler,
    ) -> None:
        self._stream = stream
        self.endpoint = endpoint
        self.pattern = handshake.pattern  # "XX", "IK" or "XXfallback"
        self.server_static: bytes | None = handshake.server_static
        self._sink = sink
        self._dispatcher = Dispatcher(handler, sink, self.send)
        self._next_id = IdSource()
        self._waiters: dict[str, Waiter] = {}
        self._success = anyio.Event()
        self.success_node: Node | None = None
        self.ended: BaseException | None = None  # a ClientError, or a bug to re-raise
        # Whether the last own presence sent on this connection was "available" (delivery
        # receipts say "inactive" otherwise, as whatsmeow's SendPresence decides).
        self.available = False
        self._tg: anyio.abc.TaskGroup | None = None
        self._queue_in, self._queue_out = anyio.create_memory_object_stream[Node](QUEUE_SIZE)

    @property
    def timing(self) -> Timing:
        return self.endpoint.timing

    # -- sending and requests ---------------------------------------------------------

    async def send(self, node: Node) -> None:
        log.debug("-> %r", node)
        if node.tag == "presence" and node.attrs.get("to") is None:
            kind = node.attrs.get("type")
            if kind in ("available", "unavailable"):
                self.available = kind == "available"
        try:
            await self._stream.send(encode(node))
        except ConnectionClosed as exc:
            raise ConnectionLost(f"the connection closed while sending ({exc})") from None

    async def request(self, node: Node, timeout: float | None = None) -> Node:
        """Send ``node`` (its id filled in when missing) and wait for the answer with that id.

        Answers are ``<iq type="result">`` (returned), ``<iq type="error">`` (IqError) or,
        for messages sent later, ``<ack>``. RequestTimeout when nothing comes in time.
        """
        if node.attrs.get("id") is None:
            node.attrs["id"] = self._next_id()
        request_id = node.require_attr("id")
        if self.ended is not None:
            raise as_client_error(self.ended)
        waiter = self._waiters[request_id] = Waiter()
        try:
            await self.send(node)
            with anyio.move_on_after(self.endpoint.timing.iq if timeout is None else timeout):
                await waiter.done.wait()
        finally:
            self._waiters.pop(request_id, None)
        if waiter.error is not None:
            raise waiter.error
        if waiter.node is None:
            raise RequestTimeout(f"the server did not answer <{node.tag}> {request_id} in time")
        if waiter.node.tag == "iq" and waiter.node.attr("type") == "error":
            raise iq_error(waiter.node)
        return waiter.node

    async def wait_success(self) -> Node:
        """Wait for ``<success>`` (login accepted); the connection's end raises instead."""
        with anyio.move_on_after(self.endpoint.timing.connect):
            await self._success.wait()
        if self.success_node is None:
            raise RequestTimeout("the server did not accept the login in time")
        return self.success_node

    def start_soon(self, func: Callable[..., Awaitable[Any]], *args: Any) -> None:
        """Run a task for this connection's lifetime (cancelled when it ends); its failure
        ends the connection and is raised by the ``async with``."""
        assert self._tg is not None
        start_guarded(self._tg, self.end, func, *args)

    def end(self, reason: BaseException) -> None:
        """End the connection; the first reason wins and is raised by the ``async with``."""
        if self.ended is None:
            self.ended = reason
            for waiter in self._waiters.values():
                waiter.error = as_client_error(reason)
                waiter.done.set()
        if self._tg is not None:
            self._tg.cancel_scope.cancel()

    # -- tasks ------------------------------------------------------------------------

    async def _read_loop(self) -> None:
        try:
            while True:
                try:
                    frame = await self._stream.receive()
                except ConnectionClosed as exc:
                    clean = exc.rcvd is not None and exc.rcvd.code == 1000
                    lost = ConnectionLost(f"the server closed the connection ({exc})", clean=clean)
                    self.end(lost)
                    return
                except NoiseError as exc:
                    self.end(ConnectionLost(f"the server sent an unreadable frame: {exc}"))
                    return
                try:
                    node = decode(frame)
                except BinaryError as exc:
                    log.warning("dropping a frame that does not decode: %s", exc)
                    continue
                log.debug("<- %r", node)
                if not await self._route(node):
                    return
        except Exception as exc:  # a failing sink included: the connection ends with it
            self.end(exc)

    async def _route(self, node: Node) -> bool:
        """Handle one node; False once the connection has ended."""
        tag = node.tag
        request_id = node.attr("id")
        if (
            request_id is not None
            and request_id in self._waiters
            and (tag == "ack" or (tag == "iq" and node.attr("type") in ("result", "error")))
        ):
            waiter = self._waiters[request_id]
            waiter.node = node
            waiter.done.set()
            return True
        if tag == "stream:error":
            from wacli.client import failures  # how a connection ends: read when one does

            await self._finish(failures.stream_error(node))
            return False
        if tag == "failure":
            from wacli.client import failures

            await self._finish(failures.connect_failure(node, self.endpoint.version))
            return False
        if tag == "xmlstreamend":
            from wacli.client import failures

            await self._finish(failures.stream_end())
            return False
        if tag == "success":
            self.success_node = node
            self._success.set()
            return True
        try:  # no trip through the event loop per stanza while the queue has room
            self._queue_in.send_nowait(node)
        except anyio.WouldBlock:
            await self._queue_in.send(node)
        return True

    async def _finish(self, ending: Ending) -> None:
        for event in ending.events:
            await self._sink(event)
        self.end(ending.error)

    async def _dispatch_loop(self) -> None:
        async with self._queue_out:
            async for node in self._queue_out:
                batch = [node]  # with those already waiting: one sync of the sink for all
                while len(batch) < BATCH_MAX:
                    try:
                        batch.append(self._queue_out.receive_nowait())
                    except (anyio.WouldBlock, anyio.EndOfStream):
                        break
                try:
                    end: BaseException | None = await self._dispatcher.dispatch_all(batch)
                except Exception as exc:  # raised from the ``async with``, not swallowed
                    end = exc
                if end is not None:
                    self.end(end)
                    return

    async def _keepalive(self) -> None:
        timing = self.endpoint.timing
        misses = 0
        while True:
            await anyio.sleep(random.uniform(timing.keepalive_min, timing.keepalive_max))
            try:
                await self.iq("w:p", "get", [Node("ping")], timeout=timing.keepalive_reply)
                misses = 0
            except RequestTimeout:
                misses += 1
                log.warning("keepalive ping %d unanswered", misses)
                if misses >= timing.keepalive_misses:
                    self.end(ConnectionLost(f"the server stopped answering ({misses} pings)"))
                    return
            except ClientError as exc:  # an <iq type=error> still proves the link is alive
                log.debug("keepalive answered with %s", exc)
                misses = 0


async def _open_websocket(endpoint: Endpoint) -> WebSocket:
    try:
        with anyio.fail_after(endpoint.timing.connect):
            return await ws_connect(endpoint.url, origin=ORIGIN, max_size=MAX_MESSAGE)
    except InvalidURI as exc:
        raise ConnectError(f"{endpoint.url!r} is not a WebSocket URL: {exc}") from None
    except TimeoutError:
        # Connected, but no WebSocket upgrade came back: a wait that ran out (exit 5), not
        # a refused or broken connection (exit 4).
        raise RequestTimeout(
            f"{endpoint.url} did not answer the WebSocket upgrade within "
            f"{endpoint.timing.connect:g} s (timed out)"
        ) from None
    except (OSError, InvalidHandshake) as exc:
        why = str(exc) or type(exc).__name__
        raise ConnectError(f"cannot connect to {endpoint.url}: {why}") from None


async def _handshake(ws: WebSocket, handshake: ClientHandshake, endpoint: Endpoint) -> NoiseStream:
    try:
        with anyio.fail_after(endpoint.timing.connect):
            return await open_client(ws, handshake)
    except NoiseCertificateError as exc:
        raise CertificateError(
            f"the server's certificate chain does not verify against the Noise root key "
            f"(--noise-root / WACLI_NOISE_ROOT): {exc}"
        ) from None
    except NoiseError as exc:
        raise ConnectError(f"the Noise handshake with {endpoint.url} failed: {exc}") from None
    except ConnectionClosed as exc:
        raise ConnectError(
            f"{endpoint.url} closed the connection during the handshake ({exc})"
        ) from None
    except TimeoutError:
        raise RequestTimeout(
            f"{endpoint.url} did not complete the Noise handshake in time (timed out)"
        ) from None


@asynccontextmanager
async def open_connection(
    endpoint: Endpoint,
    noise_key: KeyPair,
    payload: bytes,
    *,
    server_static: bytes | None,
    sink: Sink,
    handler: Handler,
) -> AsyncIterator[DirectConnection]:
    """Connect, run the Noise handshake (IK when ``server_static`` is known) and serve."""
    ws = await _open_websocket(endpoint)
    body_finished = False
    body_error: Exception | None = None
    try:
        handshake = ClientHandshake(
            noise_key, payload, server_static=server_static, root_key=endpoint.root_key
        )
        stream = await _handshake(ws, handshake, endpoint)
        conn = DirectConnection(stream, handshake, endpoint, sink, handler)
        async with anyio.create_task_group() as tg:
            conn._tg = tg
            tg.start_soon(conn._read_loop)
            tg.start_soon(conn._dispatch_loop)
            if math.isfinite(endpoint.timing.keepalive_min):
                tg.start_soon(conn._keepalive)
            try:
                yield conn
                body_finished = True
            except Exception as exc:  # re-raised below, not wrapped in an ExceptionGroup
                body_error = exc
            finally:
                tg.cancel_scope.cancel()
    finally:
        with anyio.CancelScope(shield=True):
            await ws.close()
    if body_error is not None:
        raise body_error
    if conn.ended is not None and not body_finished:
        raise conn.ended
