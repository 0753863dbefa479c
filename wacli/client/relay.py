"""One connection for every command: while `wacli listen` runs, the others go through it.

A WhatsApp device has one connection at a time; a second login with the same keys
replaces the first (``<stream:error><conflict type="replaced"/>``). So a running
``listen`` opens a Unix socket in the store directory (``relay.sock``: the directory
is 0700, the socket 0600) and ``send``, ``presence``, ``logout`` and the rest hand
it their stanzas instead of logging in themselves. The store is shared safely: every
Signal step is its own ``BEGIN IMMEDIATE`` transaction, so two processes take turns.

Frames on the socket are a 4-byte big-endian length and one binary node
(wacli.binary), the same codec as the wire:

    command                              listener
    <relay op="request" timeout=…>S      <relay op="answer">R   (or op="error")
    <relay op="send">S                   <relay op="sent"/>     (or op="error")
    <relay op="success"/>                <relay op="answer"><success …/>
    <relay op="events"/>                 <relay op="event" type=T>NDJSON line, one per event

Events reach a command after the listener's own sink wrote them (best effort: a
command that reads too slowly loses events; the listener never waits for one).
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

import anyio
import anyio.abc
from anyio.streams.buffered import BufferedByteReceiveStream

from wacli.binary import BinaryError, Node, decode, encode
from wacli.client import events as ev
from wacli.client.connection import Requests
from wacli.client.dispatcher import Sink
from wacli.client.errors import (
    ClientError,
    ConnectError,
    ConnectionLost,
    IqError,
    NotPairedError,
    RefusedError,
    RequestTimeout,
    refused_message,
)
from wacli.jid import JIDError

log = logging.getLogger(__name__)

SOCKET_NAME = "relay.sock"
# sockaddr_un holds 108 bytes with its NUL; a longer store path gets no relay.
MAX_SOCKET_PATH = 107
MAX_FRAME = 1 << 25  # the largest stanza the wire itself carries
EVENT_BACKLOG = 256  # events buffered per command before it is dropped as too slow
WAIT_FOR_CONNECTION = 30.0  # how long a request waits for listen to (re)connect

_LENGTH = struct.Struct(">I")

# Errors crossing the socket: their kind, and the class that raises them again; the most
# specific first, so the first isinstance match names the family the CLI maps to an exit code.
_KINDS: dict[str, type[ClientError]] = {
    "iq": IqError,
    "refused": RefusedError,
    "timeout": RequestTimeout,
    "lost": ConnectionLost,
    "connect": ConnectError,
    "not_paired": NotPairedError,
    "client": ClientError,
}


class RelayError(ConnectionLost):
    """The listener went away or answered something that is not the relay protocol."""


def socket_path(directory: Path) -> Path | None:
    """Where the store's relay socket lives; None when the path is too long for a socket."""
    path = Path(directory).absolute() / SOCKET_NAME
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH else None


def _kind(exc: ClientError) -> str:
    return next(kind for kind, cls in _KINDS.items() if isinstance(exc, cls))


def _error_node(exc: ClientError) -> Node:
    attrs: dict[str, Any] = {"op": "error", "kind": _kind(exc), "text": str(exc)}
    code = getattr(exc, "code", None)
    if isinstance(code, int):
        attrs["code"] = str(code)
    if isinstance(exc, IqError) and exc.text:
        attrs["reason"] = exc.text
    return Node("relay", attrs)


def _raise_from(node: Node) -> None:
    cls = _KINDS.get(node.attr("kind") or "", ClientError)
    text = node.attr("text") or "the listener reported an error"
    code_text = node.attr("code")
    code = int(code_text) if code_text and code_text.isdigit() else None
    if cls is IqError:
        raise IqError(text, code, node.attr("reason"))
    if code is not None and issubclass(cls, RefusedError):
        raise cls(text, code)
    raise cls(text)


def _refusal(request: Node, answer: Node) -> ev.MessageRefused | None:
    """The event for a relayed message the server refused, if it was one."""
    if request.tag != "message" or answer.tag != "ack" or answer.attr("error") is None:
        return None
    message_id = request.attr("id") or ""
    try:
        to = request.attr_jid("to")
    except (BinaryError, JIDError):
        return None
    try:
        refused_message(answer, message_id, to)
    except RefusedError as exc:
        return ev.MessageRefused(id=message_id, to=to, code=exc.code, reason=str(exc))
    return None


async def _write(stream: anyio.abc.ByteSendStream, node: Node) -> None:
    body = encode(node)
    await stream.send(_LENGTH.pack(len(body)) + body)


async def _read(reader: BufferedByteReceiveStream) -> Node:
    """The next frame's node; RelayError on a closed socket or a bad frame."""
    try:
        (length,) = _LENGTH.unpack(await reader.receive_exactly(_LENGTH.size))
        if length > MAX_FRAME:
            raise RelayError(f"a relay frame of {length} bytes is too large")
        return decode(await reader.receive_exactly(length))
    except (anyio.IncompleteRead, anyio.EndOfStream, anyio.BrokenResourceError) as exc:
        raise RelayError(f"the relay closed ({type(exc).__name__})") from None
    except BinaryError as exc:
        raise RelayError(f"the relay sent a bad frame: {exc}") from None


class RelayedEvent(ev.Event):
    """An event the listener emitted, carried as its NDJSON line."""

    def __init__(self, type_: str, line: bytes) -> None:
        # Event types are per class elsewhere (and the classes are frozen): set it directly.
        object.__setattr__(self, "type", type_)
        object.__setattr__(self, "_line", line)

    def line(self, now: object = None) -> bytes:
        del now  # the listener's own timestamp stays
        return self._line


# -- the listener's side ------------------------------------------------------------------


class RelayServer:
    """Serves commands over the store's socket with whatever connection listen has now."""

    def __init__(self, directory: Path) -> None:
        self.path = socket_path(directory)
        self._sink: Sink | None = None  # listen's own, for refusals of relayed messages
        self._conn: Any = None
        self._connected = anyio.Event()
        self._watchers: set[anyio.abc.ObjectSendStream[RelayedEvent]] = set()

    # Hooks for the Client: the live connection, and every event after the sink.

    async def attach(self, conn: Any) -> None:
        self._conn = conn
        self._connected.set()

    def wrap_sink(self, sink: Sink) -> Sink:
        self._sink = sink

        async def tee(event: ev.Event) -> None:
            await sink(event)
            if self._watchers:
                try:
                    self._publish(event)
                except Exception:  # the relay is a convenience: never let it end listen
                    log.exception("could not relay a %s event", event.type)

        return tee

    def _publish(self, event: ev.Event) -> None:
        relayed = RelayedEvent(event.type, event.line())
        for watcher in list(self._watchers):
            try:
                watcher.send_nowait(relayed)
            except anyio.WouldBlock:  # too slow: it loses the stream, never holds us up
                self._watchers.discard(watcher)
                watcher.close()
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                self._watchers.discard(watcher)

    async def _live(self, timeout: float) -> Any:
        """The connection, once there is one that has not ended."""
        with anyio.move_on_after(timeout):
            while self._conn is None or self._conn.ended is not None:
                if self._conn is not None:
                    self._connected = anyio.Event()
                    self._conn = None
                await self._connected.wait()
            return self._conn
        raise RequestTimeout("wacli listen is not connected to the server")

    async def run(self, main: Callable[[], Awaitable[None]]) -> None:
        """Run ``main`` (the listener) with the socket served beside it."""
        if self.path is None:
            log.warning("the store path is too long for a relay socket; commands will log in")
            await main()
            return
        _remove_stale(self.path)
        listener = await anyio.create_unix_listener(self.path)
        os.chmod(self.path, 0o600)
        failure: ClientError | None = None
        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(listener.serve, self._serve_one)
                try:
                    await main()
                except ClientError as exc:
                    # Re-raised below as itself: out of the task group it would come
                    # wrapped in an ExceptionGroup, and the CLI could not map its exit code.
                    failure = exc
                tg.cancel_scope.cancel()
        finally:
            with suppress(FileNotFoundError):
                self.path.unlink()
            with anyio.CancelScope(shield=True):  # we are often here because of a cancel
                await listener.aclose()
        if failure is not None:
            raise failure

    async def _serve_one(self, stream: anyio.abc.SocketStream) -> None:
        reader = BufferedByteReceiveStream(stream)
        lock = anyio.Lock()  # answers and events share the socket

        async def reply(node: Node) -> None:
            async with lock:
                await _write(stream, node)

        async with stream, anyio.create_task_group() as tg:
            try:
                while True:
                    request = await _read(reader)
                    tg.start_soon(self._answer, request, reply, tg)
            except (RelayError, OSError):
                tg.cancel_scope.cancel()  # the command went away: drop what it still waits for

    async def _answer(
        self,
        request: Node,
        reply: Callable[[Node], Awaitable[None]],
        tg: anyio.abc.TaskGroup,
    ) -> None:
        op = request.attr("op")
        tag = request.attr("tag")
        try:
            if op == "events":
                tg.start_soon(self._stream_events, reply)
                return
            timeout = float(request.attr("timeout") or WAIT_FOR_CONNECTION)
            conn = await self._live(min(timeout, WAIT_FOR_CONNECTION))
            if op == "success":
                found = [conn.success_node] if conn.success_node is not None else None
                answer = Node("relay", {"op": "answer", "tag": tag}, found)
            elif op == "send" and request.children:
                await conn.send(request.children[0])
                answer = Node("relay", {"op": "sent", "tag": tag})
            elif op == "request" and request.children:
                got = await conn.request(request.children[0], timeout)
                answer = Node("relay", {"op": "answer", "tag": tag}, [got])
                refused = _refusal(request.children[0], got)
                if refused is not None and self._sink is not None:
                    await self._sink(refused)  # the command fails too; listen's stream says so
            else:
                answer = _error_node(ClientError(f"unknown relay request {op!r}"))
        except ClientError as exc:
            answer = _error_node(exc)
        answer.attrs["tag"] = tag
        with suppress(OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
            await reply(answer)

    async def _stream_events(self, reply: Callable[[Node], Awaitable[None]]) -> None:
        send, receive = anyio.create_memory_object_stream[RelayedEvent](EVENT_BACKLOG)
        self._watchers.add(send)
        try:
            async with receive:
                async for event in receive:
                    await reply(Node("relay", {"op": "event", "type": event.type}, event.line()))
        except (OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
            pass
        finally:
            self._watchers.discard(send)


def _remove_stale(path: Path) -> None:
    """A socket nobody serves (a listener that was killed) is removed; a live one is not
    ours to take, so a second ``listen`` on the store stops with a clear error."""
    if not path.exists():
        return
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(os.fsdecode(path))
    except OSError as exc:
        if exc.errno in (errno.ECONNREFUSED, errno.ENOENT, errno.ENOTSOCK):
            with suppress(FileNotFoundError):
                path.unlink()
            return
        raise
    finally:
        probe.close()
    raise ConnectError(
        f"another 'wacli listen' is already running on this store ({path.parent}); "
        "stop it first, or let commands use it"
    )


# -- a command's side ---------------------------------------------------------------------


class RemoteConnection(Requests):
    """What a command uses instead of its own connection while listen runs: the same
    ``send`` / ``request`` / ``iq`` / ``success_node`` as wacli.client.connection."""

    pattern = "relay"

    def __init__(self, stream: anyio.abc.SocketStream, sink: Sink) -> None:
        self._stream = stream
        self._reader = BufferedByteReceiveStream(stream)
        self._sink = sink
        self._lock = anyio.Lock()
        self._pending: dict[str, tuple[anyio.Event, list[Node]]] = {}
        self._next = 0
        self.ended: BaseException | None = None
        self.success_node: Node | None = None

    async def _call(self, op: str, child: Node | None, timeout: float | None) -> Node:
        self._next += 1
        tag = str(self._next)
        attrs: dict[str, Any] = {"op": op, "tag": tag}
        if timeout is not None:
            attrs["timeout"] = repr(float(timeout))
        done, box = anyio.Event(), []
        self._pending[tag] = (done, box)
        try:
            async with self._lock:
                await _write(self._stream, Node("relay", attrs, [child] if child else None))
            await done.wait()
        finally:
            self._pending.pop(tag, None)
        if not box:
            raise (
                self.ended
                if isinstance(self.ended, ClientError)
                else RelayError("wacli listen went away before it answered")
            )
        answer = box[0]
        if answer.attr("op") == "error":
            _raise_from(answer)
        return answer

    async def send(self, node: Node) -> None:
        await self._call("send", node, None)

    async def request(self, node: Node, timeout: float | None = None) -> Node:
        if node.attrs.get("id") is None:
            node.attrs["id"] = os.urandom(8).hex().upper()
        answer = await self._call("request", node, timeout)
        if not answer.children:
            raise RelayError("the relay answered a request with nothing")
        return answer.children[0]

    async def _read_loop(self) -> None:
        try:
            while True:
                node = await _read(self._reader)
                if node.attr("op") == "event":
                    body = node.content if isinstance(node.content, bytes) else b""
                    await self._sink(RelayedEvent(node.attr("type") or "", body))
                    continue
                waiting = self._pending.get(node.attr("tag") or "")
                if waiting is not None:
                    waiting[1].append(node)
                    waiting[0].set()
        except RelayError as exc:
            self.ended = exc
            for done, _ in self._pending.values():
                done.set()


@asynccontextmanager
async def open_remote(directory: Path, sink: Sink) -> AsyncIterator[RemoteConnection | None]:
    """The running listener's relay, or None when no listener serves this store."""
    path = socket_path(directory)
    if path is None or not path.exists():
        yield None
        return
    try:
        stream = await anyio.connect_unix(path)
    except OSError:  # a socket left by a killed listener: log in as usual
        yield None
        return
    remote = RemoteConnection(stream, sink)
    # A ClientError (the listener's connection dropped, a refused message) is raised
    # below as itself: out of the task group it would come wrapped in an ExceptionGroup,
    # and the CLI could not map it to its exit code.
    failure: ClientError | None = None
    async with stream, anyio.create_task_group() as tg:
        tg.start_soon(remote._read_loop)
        try:
            async with remote._lock:  # events have no answer: they simply start to arrive
                await _write(stream, Node("relay", {"op": "events", "tag": "0"}))
            success = await remote._call("success", None, None)
            remote.success_node = success.children[0] if success.children else None
        except ClientError as exc:
            failure = exc
        else:
            try:
                yield remote
            except ClientError as exc:
                failure = exc
        tg.cancel_scope.cancel()
    if failure is not None:
        raise failure
