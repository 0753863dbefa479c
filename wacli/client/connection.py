"""What a connection to the server is, whoever holds it: its ``Endpoint`` (with its
timeouts, wacli.client.timing), and ``Connection``, what every feature may use of
a logged-in connection (a Protocol). Our own login (wacli.client.direct_connection:
WebSocket, Noise, nodes, IQ routing, keepalive) and the running listen's relay
(wacli.client.relay.RemoteConnection) both are one, with the same timeouts; a command
that goes through the relay never imports the WebSocket and Noise layers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, NamedTuple, Protocol

import anyio

from wacli.binary import Node
from wacli.client.errors import ClientError, ConnectionLost
from wacli.client.stanzas import iq
from wacli.client.timing import DEFAULT_TIMING, Timing


# Where to connect. A NamedTuple: unlike a dataclass, nearly free to define at start-up.
class Endpoint(NamedTuple):
    url: str
    root_key: bytes
    version: tuple[int, int, int]
    timing: Timing = DEFAULT_TIMING


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
