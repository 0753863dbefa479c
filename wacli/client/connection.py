"""What a connection to the server is, whoever holds it: its timeouts (``Timing``,
``WACLI_TIMEOUT``), its ``Endpoint``, and ``Connection``, what every feature may use of
a logged-in connection (a Protocol). Our own login (wacli.client.direct_connection:
WebSocket, Noise, nodes, IQ routing, keepalive) and the running listen's relay
(wacli.client.relay.RemoteConnection) both are one, with the same timeouts; a command
that goes through the relay never imports the WebSocket and Noise layers.
"""

from __future__ import annotations

import math
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import anyio

from wacli.binary import Node
from wacli.client.errors import ClientError, ConnectionLost
from wacli.client.stanzas import iq

# Seconds to wait for the server at each step (TCP + WebSocket, the Noise handshake, the
# login, each IQ) instead of the defaults below: for slow links, and for tests that need a
# command facing a silent server to give up quickly.
TIMEOUT_ENV = "WACLI_TIMEOUT"


class TimingError(ClientError):
    """WACLI_TIMEOUT is not a positive number of seconds."""


@dataclass(frozen=True, slots=True)
class Timing:
    """Timeouts and keepalive pacing (seconds); tests shorten them."""

    connect: float = 20.0
    iq: float = 30.0
    keepalive_min: float = 20.0
    keepalive_max: float = 30.0
    keepalive_reply: float = 10.0
    keepalive_misses: int = 3


def configured_timing(environ: Mapping[str, str] | None = None) -> Timing:
    """The default Timing, its connect and IQ waits replaced by ``WACLI_TIMEOUT`` when set."""
    text = (os.environ if environ is None else environ).get(TIMEOUT_ENV, "").strip()
    if not text:
        return Timing()
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds <= 86_400):  # NaN and inf fail too
        raise TimingError(f"{TIMEOUT_ENV} must be a number of seconds (0 < N <= 86400)")
    return Timing(connect=seconds, iq=seconds)


@dataclass(frozen=True, slots=True)
class Endpoint:
    url: str
    root_key: bytes
    version: tuple[int, int, int]
    timing: Timing = Timing()


class Waiter:
    __slots__ = ("done", "error", "node")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.node: Node | None = None
        self.error: ClientError | None = None


class Requests(Protocol):
    """What most features need of a connection: ``send``, ``request`` and the IQ shorthand,
    written here once for the classes that derive from it (both connections, test doubles)."""

    # Whether our last own presence on the connection said "available" (delivery receipts
    # say "inactive" otherwise, as whatsmeow's SendPresence decides).
    available: bool = False

    async def send(self, node: Node) -> None:
        """Send one stanza (no answer awaited)."""
        ...

    async def request(self, node: Node, timeout: float | None = None) -> Node:
        """Send ``node`` and return the answer with its id (``timing.iq`` when None)."""
        ...

    async def iq(
        self,
        xmlns: str,
        type_: str,
        content: list[Node] | bytes | None = None,
        *,
        timeout: float | None = None,
    ) -> Node:
        """An IQ to the server; returns the result node (typed errors otherwise)."""
        return await self.request(iq(xmlns, type_, content), timeout)


class Connection(Requests, Protocol):
    """What every feature may use of a logged-in connection, whoever holds it: our own
    login (DirectConnection) or the running ``listen``'s, through its relay
    (wacli.client.relay.RemoteConnection). Both wait ``timing`` for each step."""

    @property
    def timing(self) -> Timing:
        """The waits of this connection: ``iq`` for each request, ``connect`` for a login."""
        ...

    @property
    def pattern(self) -> str:
        """The Noise handshake that opened it ("XX", "IK", "XXfallback"), or "relay"."""
        ...

    @property
    def server_static(self) -> bytes | None:
        """The server's static Noise key the handshake learnt (None through the relay)."""
        ...

    @property
    def success_node(self) -> Node | None:
        """The ``<success>`` that accepted the login (its ``t``, ``lid``, ``display_name``)."""
        ...

    @property
    def ended(self) -> BaseException | None:
        """Why the connection ended; None while it lasts."""
        ...

    def start_soon(self, func: Callable[..., Awaitable[Any]], *args: Any) -> None:
        """Run a task for the connection's lifetime; its failure ends the connection."""
        ...

    def end(self, reason: BaseException) -> None:
        """End the connection; the first reason wins."""
        ...


def start_guarded(
    tg: anyio.abc.TaskGroup,
    end: Callable[[BaseException], None],
    func: Callable[..., Awaitable[Any]],
    *args: Any,
) -> None:
    """``func(*args)`` as a task of ``tg``; its failure is handed to ``end`` (a
    connection's ``start_soon``: the task's failure ends the connection)."""

    async def guarded() -> None:
        try:
            await func(*args)
        except Exception as exc:
            end(exc)

    tg.start_soon(guarded, name=getattr(func, "__qualname__", None))


def as_client_error(reason: BaseException) -> ClientError:
    if isinstance(reason, ClientError):
        return reason
    return ConnectionLost(f"the connection ended: {reason!r}")
