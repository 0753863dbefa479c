"""One connection for every command: while `wacli listen` runs, the others go through it.

A WhatsApp device has one connection at a time; a second login with the same keys
replaces the first (``<stream:error><conflict type="replaced"/>``). So a running
``listen`` opens a Unix socket in the store directory (``relay.sock``: the directory
is 0700, the socket 0600) and ``send``, ``presence``, ``logout`` and the rest use
its connection instead of logging in themselves: ``send`` hands it the whole operation,
the others their stanzas. The store is shared safely: every Signal step is its own
``BEGIN IMMEDIATE`` transaction, so two processes take turns.

Where the socket lives depends on the store path alone, so every process finds it
(wacli.client.relay_socket: its address, frames and peer check). An abstract socket has
no file mode, so both ends check the other's uid (SO_PEERCRED). Where neither is
possible, ``listen`` refuses to start rather than let commands take its connection.
Where no listener serves, a command logs in itself under the store's connection lock
(wacli.client.connection_lock), which a starting ``listen`` takes too: commands take
turns, and a listen (re)started meanwhile waits for them rather than be replaced.

Nothing on the socket is waited on without a deadline: a command gives each step the
time a direct login would (``WACLI_TIMEOUT``, wacli.client.timing.Timing), and
the listener answers within that time minus a margin, so a listener that says nothing
is stopped or hung and is reported by its pid (exit 5), never waited on forever.

Frames on the socket are a 4-byte big-endian length and one binary node
(wacli.binary), the same codec as the wire:

    command                              listener
    <relay op="perform" what=K …>JSON    <relay op="done">JSON  (or op="error")
    <relay op="request" timeout=…>S      <relay op="answer">R   (or op="error")
    <relay op="send">S                   <relay op="sent"/>     (or op="error")
    <relay op="success"/>                <relay op="answer"><success …/>
    <relay op="events"/>                 <relay op="event" type=T>NDJSON line, one per event

``perform`` hands the listener a whole operation (wacli.client.operations: send this
text), which its own client performs; the command needs no client of its own for it
(wacli.client.relay_perform, a blocking socket). The others hand stanzas the command
built. Events reach a command after the listener's own sink wrote them (best effort: a
command that reads too slowly loses events; the listener never waits for one).

This module is a command's side (``open_remote``, ``RemoteConnection``) and what both
sides share; the listener's side is wacli.client.relay_server, which a command never
imports.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import anyio.abc
from anyio.streams.buffered import BufferedByteReceiveStream

from wacli.binary import Node
from wacli.client import connection_events as ev
from wacli.client.connection import Requests, start_guarded
from wacli.client.connection_lock import POLL as LOCK_POLL
from wacli.client.connection_lock import ConnectionLock
from wacli.client.dispatcher import Sink
from wacli.client.errors import ClientError, ConnectError, RequestTimeout
from wacli.client.late_wakeups import ignore_late_wakeups
from wacli.client.relay_socket import (
    LENGTH,
    RelayError,
    describe_process,
    frame,
    frame_length,
    frame_node,
    gone,
    not_accepting,
    other_user,
    peer_of,
    raise_from,
    relay_holder,
    socket_address,
    unanswered,
)
from wacli.client.timing import Timing

log = logging.getLogger(__name__)


def peer_credentials(stream: anyio.abc.SocketStream) -> tuple[int, int] | None:
    """(pid, uid) of the process at the other end of a Unix socket, where the OS says."""
    raw = stream.extra(anyio.abc.SocketAttribute.raw_socket, None)
    return None if raw is None else peer_of(raw)


async def write_node(stream: anyio.abc.ByteSendStream, node: Node) -> None:
    await stream.send(frame(node))


async def read_node(reader: BufferedByteReceiveStream) -> Node:
    """The next frame's node; RelayError on a closed socket or a bad frame."""
    try:
        length = frame_length(await reader.receive_exactly(LENGTH.size))
        return frame_node(await reader.receive_exactly(length))
    except (anyio.IncompleteRead, anyio.EndOfStream, anyio.BrokenResourceError) as exc:
        raise RelayError(f"the relay closed ({type(exc).__name__})") from None


class RelayedEvent(ev.Event):
    """An event the listener emitted, carried as its NDJSON line."""

    _line: bytes

    def __init__(self, type_: str, line: bytes) -> None:
        # Event types are per class elsewhere (and the classes are frozen): set it directly.
        object.__setattr__(self, "type", type_)
        object.__setattr__(self, "_line", line)

    def line(self, now: object = None) -> bytes:
        del now  # the listener's own timestamp stays
        return self._line


# -- a command's side ---------------------------------------------------------------------


class RemoteConnection(Requests):
    """What a command uses instead of its own connection while listen runs: a
    wacli.client.connection.Connection like our own login, with the same timeouts."""

    pattern = "relay"
    server_static: bytes | None = None  # listen's connection learnt it, not this one

    def __init__(
        self, stream: anyio.abc.SocketStream, sink: Sink, timing: Timing, holder: str
    ) -> None:
        self._stream = stream
        self._reader = BufferedByteReceiveStream(stream)
        self._sink = sink
        self._timing = timing
        self.holder = holder  # who serves the relay, as an error line names it
        self.handed_change = False  # whether a stanza other than a query went to the listener
        self._lock = anyio.Lock()
        self._pending: dict[str, tuple[anyio.Event, list[Node]]] = {}
        self._next = 0
        self.ended: BaseException | None = None
        self.success_node: Node | None = None
        self._tg: anyio.abc.TaskGroup | None = None  # open_remote's, for start_soon

    @property
    def timing(self) -> Timing:
        return self._timing

    def start_soon(self, func: Callable[..., Awaitable[Any]], *args: Any) -> None:
        """Run a task while the command uses the relay; its failure ends the connection."""
        assert self._tg is not None
        start_guarded(self._tg, self.end, func, *args)

    def end(self, reason: BaseException) -> None:
        """Stop using the relay; the first reason wins and is raised by ``open_remote``."""
        if self.ended is None:
            self.ended = reason
        for done, _ in self._pending.values():
            done.set()
        if self._tg is not None:
            self._tg.cancel_scope.cancel()

    async def _call(self, op: str, child: Node | None, timeout: float | None) -> Node:
        """One request and its answer, within ``timeout`` (a direct login's IQ wait when
        None): the listener answers by then, or it is stopped or hung (RequestTimeout)."""
        self._next += 1
        tag = str(self._next)
        seconds = self._timing.iq if timeout is None else float(timeout)
        attrs: dict[str, Any] = {"op": op, "tag": tag, "timeout": repr(seconds)}
        done, box = anyio.Event(), list[Node]()
        self._pending[tag] = (done, box)
        try:
            with anyio.move_on_after(seconds):
                if child is not None and not (child.tag == "iq" and child.attr("type") == "get"):
                    self.handed_change = True
                await self.hand(Node("relay", attrs, [child] if child else None))
                await done.wait()
        finally:
            self._pending.pop(tag, None)
        if not done.is_set():
            raise self.unanswered(seconds)
        if not box:
            raise self.ended if isinstance(self.ended, ClientError) else self.gone()
        answer = box[0]
        if answer.attr("op") == "error":
            raise_from(answer)
        return answer

    async def hand(self, node: Node) -> None:
        """Write one frame to the listener (``gone`` when it is not there to take it)."""
        async with self._lock:
            try:
                await write_node(self._stream, node)
            except (OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
                raise self.gone() from None

    def gone(self) -> RelayError:
        """The listener ended (killed, say) while this command used its connection."""
        return gone(self.holder, self.handed_change)

    def unanswered(self, seconds: float) -> RequestTimeout:
        return RequestTimeout(unanswered(self.holder, seconds))

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
                node = await read_node(self._reader)
                if node.attr("op") == "event":
                    body = node.content if isinstance(node.content, bytes) else b""
                    await self._sink(RelayedEvent(node.attr("type") or "", body))
                    continue
                waiting = self._pending.get(node.attr("tag") or "")
                if waiting is not None:
                    waiting[1].append(node)
                    waiting[0].set()
        except RelayError as exc:
            log.debug("the relay ended: %s", exc)
            if self.ended is None:
                self.ended = self.gone()
            for done, _ in self._pending.values():
                done.set()


async def _dial(address: Path | str | None, wait: float) -> anyio.abc.SocketStream | None:
    """A connection to the listener's relay at ``address``; None when no listener serves
    it (a socket left by a killed listener included)."""
    if address is None or (isinstance(address, Path) and not address.exists()):
        return None
    try:
        with anyio.fail_after(wait):
            return await anyio.connect_unix(address)
    except TimeoutError:
        raise RequestTimeout(not_accepting(address, wait)) from None
    except OSError:
        return None


@asynccontextmanager
async def open_remote(
    directory: Path, sink: Sink, timing: Timing | None = None
) -> AsyncIterator[RemoteConnection | None]:
    """The running listener's relay; or None when no listener serves this store, and then
    the caller logs in itself within this context, which holds the store's connection
    lock meanwhile (wacli.client.connection_lock): a command logged in on its own is
    waited for, never replaced.

    Each step takes at most what a direct login's would (``timing``): connecting (or
    waiting for the lock) and being told the login's ``<success>`` ``timing.connect``,
    each request its own wait."""
    timing = timing or Timing()
    ignore_late_wakeups()  # a listener killed mid-wait must not print a traceback
    address = socket_address(directory)
    lock = ConnectionLock(directory)
    deadline = anyio.current_time() + timing.connect
    while (stream := await _dial(address, timing.connect)) is None:
        if lock.try_acquire():
            try:
                yield None
            finally:
                lock.release()
            return
        if anyio.current_time() >= deadline:
            lock.release()
            holder = describe_process(lock.holder(), "another wacli command")
            raise RequestTimeout(
                f"{holder} is logged in on this store and did not finish within "
                f"{timing.connect:g} s; try again once it has"
            )
        await anyio.sleep(LOCK_POLL)
    peer = peer_credentials(stream)
    if peer is not None and peer[1] != os.getuid():
        await stream.aclose()
        assert address is not None  # _dial connected to it
        raise ConnectError(other_user(address, peer[0], peer[1]))
    remote = RemoteConnection(stream, sink, timing, relay_holder(peer[0] if peer else None))
    # A ClientError (the listener's connection dropped, a refused message) is raised
    # below as itself: out of the task group it would come wrapped in an ExceptionGroup,
    # and the CLI could not map it to its exit code.
    failure: ClientError | None = None
    finished = False
    async with stream, anyio.create_task_group() as tg:
        remote._tg = tg

        async def read() -> None:
            nonlocal failure
            try:
                await remote._read_loop()
            except ClientError as exc:  # from the command's own sink (its stdout closed)
                failure = failure or exc
                tg.cancel_scope.cancel()

        tg.start_soon(read)
        try:
            with anyio.move_on_after(timing.connect) as scope:
                # events have no answer: they simply start to arrive
                await remote.hand(Node("relay", {"op": "events", "tag": "0"}))
            if scope.cancelled_caught:
                raise remote.unanswered(timing.connect)
            success = await remote._call("success", None, timing.connect)
            remote.success_node = success.children[0] if success.children else None
        except ClientError as exc:
            failure = exc
        else:
            try:
                yield remote
                finished = True
            except ClientError as exc:
                failure = exc
        tg.cancel_scope.cancel()
    if failure is not None:
        raise failure
    if remote.ended is not None and not finished:
        raise remote.ended  # end() stopped the body (a start_soon task failed, say)
