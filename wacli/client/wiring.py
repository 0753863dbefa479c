"""Which features a connection of the client runs, in one place.

A ``Wiring`` says what the client's connection does with what the server sends: its
routing table (wacli.client.routes: which handler takes which stanza, and what is done
with the rest), the hooks run on each logged-in connection and after each end ``listen``
retries, and where the events go. The client picks one per use:

- ``command_wiring``: every one-shot command (send, groups, chat, call, logout, ...):
  stanzas that arrive meanwhile only teach LID <-> phone-number mappings; the rest stays
  queued at the server for ``wacli listen``;
- ``presence_wiring``: ``wacli presence subscribe``, which takes presence stanzas too;
- ``backfill_wiring``: ``wacli history backfill``, which takes our phone's answer;
- ``listen_features`` (wacli.client.listen_wiring): ``wacli listen``, every feature
  (README, docs/events.schema.json); apart, so that a command does not import them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from wacli.client.connection import Connection
from wacli.client.dispatcher import Handler, Sink
from wacli.client.errors import ClientError
from wacli.client.prekeys import PrekeyRefill
from wacli.client.routes import ANY, Key, Routes, command_routes
from wacli.jid import JID, parse_jid
from wacli.store import Store

if TYPE_CHECKING:
    from wacli.client.backfill import OnDemandAnswer
    from wacli.client.history import HistorySyncHook

# Work a feature does on every logged-in connection once it is up (after <success>, the
# prekeys and <active/>): an app-state resync, say. Runs before the connection is used.
ConnectHook = Callable[[Connection], Awaitable[None]]
# What ``Client.run`` tells after each end it will retry (listen's relay: what commands are told).
DisconnectHook = Callable[[ClientError], Awaitable[None]]


# A connection's routing table, made at each login around that login's prekey refill.
RouteTable = Callable[[PrekeyRefill], Routes]


# A NamedTuple, not a dataclass: it costs a seventh as much to define at start-up.
class Wiring(NamedTuple):
    routes: RouteTable
    on_connect: tuple[ConnectHook, ...] = ()
    on_disconnect: tuple[DisconnectHook, ...] = ()
    sink: Sink | None = None  # where the events go; the client's own sink when None
    # What the command itself waits for, beyond the one-shot table (also while pairing);
    # by default an empty mapping no one can fill (the default is shared).
    extra: Mapping[Key, Handler] = MappingProxyType({})


def own_jids(store: Store) -> tuple[JID, JID | None]:
    """Our device JID and LID as the store knows them now (the store is paired)."""
    account = store.load_account()
    assert account is not None  # the client's login checked it
    return parse_jid(account.jid), parse_jid(account.lid) if account.lid else None


def _command_table(store: Store, extra: Mapping[Key, Handler], refill: PrekeyRefill) -> Routes:
    return command_routes(store, refill=refill, extra=extra)


def command_wiring(store: Store, extra: Mapping[Key, Handler] | None = None) -> Wiring:
    """A one-shot command's: the command's ``extra`` routes; the rest left queued."""
    extra = dict(extra or {})
    return Wiring(routes=partial(_command_table, store, extra), extra=extra)


def presence_wiring(store: Store) -> Wiring:
    """``presence subscribe``: presence stanzas become events; messages stay for listen."""
    from wacli.client.receive import Receiver  # imported by the commands that use it

    receiver = Receiver(store, lambda: own_jids(store))
    return command_wiring(store, {("presence", ANY, ANY): receiver.handle})


def backfill_wiring(store: Store, hook: HistorySyncHook, answer: OnDemandAnswer) -> Wiring:
    """``history backfill``: our phone's peer messages (its answer) go to ``hook``; through
    a running listen only the answer's history_sync event arrives, at ``answer``."""
    from wacli.client.backfill import from_own_phone
    from wacli.client.receive import Receiver

    receiver = Receiver(store, lambda: own_jids(store), hooks=[hook])
    own_phone = from_own_phone(lambda: own_jids(store), receiver.handle)
    base = command_wiring(store, {("message", ANY, ANY): own_phone})
    return Wiring(routes=base.routes, on_connect=(hook.attach,), sink=answer, extra=base.extra)
