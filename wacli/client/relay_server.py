"""The listener's side of the relay (wacli.client.relay says what it is and how its
frames go): ``listen`` serves commands over the store's socket with whatever connection
it has at the moment, performs the operations they hand it and passes them its events.
A command never imports this module.
"""

from __future__ import annotations

import errno
import logging
import math
import os
import socket
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any

import anyio
import anyio.abc
from anyio.streams.buffered import BufferedByteReceiveStream
from anyio.streams.memory import MemoryObjectSendStream

from wacli.binary import BinaryError, Node
from wacli.client import connection_events as ev
from wacli.client.beside import run_beside
from wacli.client.connection import Connection
from wacli.client.connection_lock import ConnectionLock
from wacli.client.dispatcher import Sink
from wacli.client.errors import (
    ClientError,
    ConnectError,
    RefusedError,
    RequestTimeout,
    refused_message,
)
from wacli.client.events import MessageRefused
from wacli.client.late_wakeups import ignore_late_wakeups
from wacli.client.operations import (
    Operation,
    Sent,
    UnknownOperation,
    Warn,
    read_operation,
    result_body,
)
from wacli.client.relay import RelayedEvent, peer_credentials, read_node, write_node
from wacli.client.relay_socket import (
    UNKNOWN_REQUEST,
    RelayError,
    describe_address,
    describe_process,
    error_node,
    socket_address,
)
from wacli.client.timing import Timing
from wacli.jid import JIDError

log = logging.getLogger(__name__)

EVENT_BACKLOG = 256  # events buffered per command before it is dropped as too slow
# The listener answers this much before the command's deadline (a tenth, at most 1 s),
# so that its own "timed out" reaches the command before the command gives up on it.
MAX_MARGIN = 1.0
# How long a starting listen waits for a command logged in on its own (a cron job's
# send, say) to finish before its login replaces that command's connection.
LISTEN_LOCK_WAIT = 30.0

Perform = Callable[[Operation, Warn], Awaitable[Sent]]  # Client.perform, of listen's client


def _margin(timeout: float) -> float:
    return min(MAX_MARGIN, timeout / 10)


def _refused_event(exc: RefusedError) -> MessageRefused | None:
    """The event for a command's message the server refused, if ``exc`` refused one."""
    if exc.message_id is None or exc.to is None:
        return None
    return MessageRefused(id=exc.message_id, to=exc.to, code=exc.code, reason=str(exc))


def _refusal(request: Node, answer: Node) -> MessageRefused | None:
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
        return _refused_event(exc)
    return None


class RelayServer:
    """Serves commands over the store's socket with whatever connection listen has now."""

    def __init__(self, directory: Path, perform: Perform | None = None) -> None:
        self.address = socket_address(directory)
        self._performer = perform  # listen's client, which performs commands' operations
        self._connection_lock = ConnectionLock(directory)
        self._sink: Sink | None = None  # listen's own, for refusals of relayed messages
        self._conn: Any = None
        self._connected = anyio.Event()
        # The failure of listen's last attempt to log in, while it has no connection: what
        # a command logging in itself would have met (cleared by the next connection).
        self._failure: ClientError | None = None
        self._attempted = anyio.Event()  # set after each attempt that failed
        self._attached = False  # whether a connection came since the last failure
        self._watchers: set[MemoryObjectSendStream[RelayedEvent]] = set()

    # Hooks for the Client: the live connection, its ends, and every event after the sink.

    async def attach(self, conn: Any) -> None:
        self._conn = conn
        self._failure = None
        self._attached = True
        self._connected.set()

    async def connection(self, timeout: float) -> Connection:
        """listen's live connection, for its own client (``Client.connected`` in listen):
        as ``_live``."""
        conn: Connection = await self._live(timeout)
        return conn

    async def disconnected(self, exc: ClientError) -> None:
        """Client.run's hook after each end: a dropped connection is only waited out (the
        next login may well succeed), a failed login is what commands are told."""
        if not self._attached:
            self._failure = exc
        self._attached = False
        self._attempted.set()
        self._attempted = anyio.Event()

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
        """The connection, once there is one that has not ended. Without one: the failure
        of listen's last login if it had one, else of its next within ``timeout``."""
        with anyio.move_on_after(timeout):
            while self._conn is None or self._conn.ended is not None:
                if self._conn is not None:
                    self._connected = anyio.Event()
                    self._conn = None
                if self._failure is not None:
                    break
                connected, attempted = self._connected, self._attempted
                async with anyio.create_task_group() as tg:  # whichever comes first

                    async def wait(event: anyio.Event) -> None:
                        await event.wait()
                        tg.cancel_scope.cancel()

                    tg.start_soon(wait, connected)
                    tg.start_soon(wait, attempted)
            else:
                return self._conn
        if self._failure is not None:
            raise self._failure
        raise RequestTimeout(f"wacli listen did not connect to the server within {timeout:g} s")

    async def run(
        self,
        main: Callable[[], Awaitable[None]],
        *beside: Callable[[], Coroutine[Any, Any, None]],
    ) -> None:
        """Run ``main`` (the listener) with the socket served beside it (and ``beside``)."""
        ignore_late_wakeups()  # a command going away mid-wait must not print a traceback
        if self.address is None:
            raise ConnectError(
                "the store path is too long for a relay socket on this system, so commands "
                "could not use this listener; use a store path under 96 characters"
            )
        if isinstance(self.address, Path):
            _remove_stale(self.address)
            listener = await anyio.create_unix_listener(self.address)
            os.chmod(self.address, 0o600)
        else:
            listener = await _bind_abstract(self.address)

        async def log_in_when_free() -> None:
            await self._take_connection()
            await main()

        try:
            await run_beside(log_in_when_free, partial(listener.serve, self._serve_one), *beside)
        finally:
            self._connection_lock.release()
            if isinstance(self.address, Path):
                with suppress(FileNotFoundError):
                    self.address.unlink()
            with anyio.CancelScope(shield=True):  # we are often here because of a cancel
                await listener.aclose()

    async def _take_connection(self) -> None:
        """Wait for a command logged in on its own to finish, rather than replace its
        connection (commands that come meanwhile wait on the relay); one still logged in
        after LISTEN_LOCK_WAIT (``presence subscribe``, say) is replaced, as it always was."""
        if not await self._connection_lock.acquire(LISTEN_LOCK_WAIT):
            holder = describe_process(self._connection_lock.holder(), "another wacli command")
            log.warning(
                "%s is still logged in on this store after %g s; logging in anyway "
                "(its connection ends)",
                holder,
                LISTEN_LOCK_WAIT,
            )

    async def _serve_one(self, stream: anyio.abc.SocketStream) -> None:
        reader = BufferedByteReceiveStream(stream)
        lock = anyio.Lock()  # answers and events share the socket

        async def reply(node: Node) -> None:
            async with lock:
                await write_node(stream, node)

        peer = peer_credentials(stream)
        if peer is not None and peer[1] != os.getuid():  # only ever on an abstract socket
            log.warning("refused a relay client of uid %d (pid %d)", peer[1], peer[0])
            await stream.aclose()
            return
        async with stream, anyio.create_task_group() as tg:
            try:
                while True:
                    request = await read_node(reader)
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
        if op == "events":
            tg.start_soon(self._stream_events, reply)
            return
        # The command's own deadline for this step, less a margin to answer within it.
        timeout = _seconds(request.attr("timeout"))
        deadline = anyio.current_time() + timeout - _margin(timeout)
        try:
            conn = await self._live(deadline - anyio.current_time())
        except ClientError as exc:  # said as a login of the command's own would say it
            answer = error_node(exc, f"wacli listen has no connection to the server: {exc}")
        else:
            try:
                answer = await self._perform(op, request, conn, deadline)
            except ClientError as exc:
                answer = error_node(exc)
        answer.attrs["tag"] = tag
        with suppress(OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
            await reply(answer)

    async def _perform(self, op: str | None, request: Node, conn: Any, deadline: float) -> Node:
        """One request on listen's connection, finished by ``deadline``."""
        if op == "success":
            found = [conn.success_node] if conn.success_node is not None else None
            return Node("relay", {"op": "answer"}, found)
        if op == "send" and request.children:
            with anyio.move_on_after(deadline - anyio.current_time()) as scope:
                await conn.send(request.children[0])
            if scope.cancelled_caught:
                raise RequestTimeout("the server did not take the stanza in time")
            return Node("relay", {"op": "sent"})
        if op == "perform":
            return await self._operate(request, deadline)
        if op == "request" and request.children:
            left = max(0.0, deadline - anyio.current_time())
            got = await conn.request(request.children[0], left)
            refused = _refusal(request.children[0], got)
            if refused is not None and self._sink is not None:
                await self._sink(refused)  # the command fails too; listen's stream says so
            return Node("relay", {"op": "answer"}, [got])
        raise ClientError(f"{UNKNOWN_REQUEST} {op!r}")

    async def _operate(self, request: Node, deadline: float) -> Node:
        """A command's whole operation (wacli.client.operations), performed by listen's
        client by ``deadline``; a message it sends that the server refuses also goes to
        listen's stream, as one relayed as a stanza does."""
        if self._performer is None:
            raise UnknownOperation(f"{UNKNOWN_REQUEST}: this listener performs no operations")
        body = request.content if isinstance(request.content, bytes) else b""
        operation = read_operation(request.attr("what") or "", body)
        what = type(operation).__name__
        warnings: list[str] = []
        sent: Sent | None = None
        with anyio.move_on_after(deadline - anyio.current_time()):
            try:
                sent = await self._performer(operation, warnings.append)
            except RefusedError as exc:
                refused = _refused_event(exc)
                if refused is not None and self._sink is not None:
                    await self._sink(refused)
                raise
            except ClientError:
                raise
            except Exception as exc:  # a bug of ours: the command hears of it, listen goes on
                log.exception("could not perform a %s operation", what)
                raise ClientError(f"wacli listen failed to perform {what}: {exc!r}") from None
        if sent is None:
            raise RequestTimeout(
                f"wacli listen did not finish {what} in the time this command gives it; "
                "the message may or may not have been sent"
            )
        return Node("relay", {"op": "done"}, result_body(sent, warnings))

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


def _seconds(text: str | None) -> float:
    """A request's timeout attribute (a command always sends one; older ones did not)."""
    try:
        seconds = float(text or "nan")
    except ValueError:
        seconds = math.nan
    return seconds if 0 < seconds <= 86_400 else Timing().iq


async def _bind_abstract(address: str) -> anyio.abc.SocketListener:
    """The Linux abstract socket; a name already bound is another listener's."""
    try:
        return await anyio.create_unix_listener(address)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
    raise ConnectError(
        f"another 'wacli listen' is already running on this store "
        f"(relay {describe_address(address)}); stop it first, or let commands use it"
    )


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
