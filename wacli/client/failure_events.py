"""The events of a connection the server ends: replaced by another client, a stream
error, a login failure, a temporary ban, an outdated client, logged out
(docs/events.schema.json; wacli.client.failures tells which).

Apart from wacli.client.connection_events, which every connection loads: these are
imported only when the server ends a connection (wacli.client.failures), and by listen's
wacli.client.events, which names every event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from wacli.client.connection_events import Event


@dataclass(frozen=True, slots=True)
class StreamReplaced(Event):
    type: ClassVar[str] = "stream_replaced"


@dataclass(frozen=True, slots=True)
class StreamError(Event):
    type: ClassVar[str] = "stream_error"
    code: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class ConnectFailure(Event):
    type: ClassVar[str] = "connect_failure"
    reason: str
    code: int
    message: str | None


@dataclass(frozen=True, slots=True)
class TemporaryBan(Event):
    type: ClassVar[str] = "temporary_ban"
    code: int
    expire: float


@dataclass(frozen=True, slots=True)
class ClientOutdated(Event):
    type: ClassVar[str] = "client_outdated"


@dataclass(frozen=True, slots=True)
class LoggedOut(Event):
    type: ClassVar[str] = "logged_out"
    on_connect: bool
    reason: str | None
