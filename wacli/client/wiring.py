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
- ``listen_features``: ``wacli listen``, every feature (README, docs/events.schema.json).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from wacli.client.appstate import AppStateSync
from wacli.client.backfill import OnDemandAnswer, from_own_phone
from wacli.client.connection import Connection
from wacli.client.dispatcher import Handler, Sink
from wacli.client.errors import ClientError
from wacli.client.group_events import GroupEvents
from wacli.client.history import HistorySyncHook
from wacli.client.media_files import MediaSaver
from wacli.client.notifications import Notifications
from wacli.client.prekeys import PrekeyRefill
from wacli.client.read_receipts import MarkRead
from wacli.client.receive import Receiver
from wacli.client.relay import RelayServer
from wacli.client.retry import RetryHandler
from wacli.client.routes import ANY, Key, Routes, command_routes, listen_routes
from wacli.jid import JID, parse_jid
from wacli.store import Store

# Work a feature does on every logged-in connection once it is up (after <success>, the
# prekeys and <active/>): an app-state resync, say. Runs before the connection is used.
ConnectHook = Callable[[Connection], Awaitable[None]]
# What ``Client.run`` tells after each end it will retry (listen's relay: what commands are told).
DisconnectHook = Callable[[ClientError], Awaitable[None]]


# A connection's routing table, made at each login around that login's prekey refill.
RouteTable = Callable[[PrekeyRefill], Routes]


@dataclass(frozen=True, slots=True)
class Wiring:
    routes: RouteTable
    on_connect: tuple[ConnectHook, ...] = ()
    on_disconnect: tuple[DisconnectHook, ...] = ()
    sink: Sink | None = None  # where the events go; the client's own sink when None
    # What the command itself waits for, beyond the one-shot table (also while pairing).
    extra: Mapping[Key, Handler] = field(default_factory=dict)


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
    receiver = Receiver(store, lambda: own_jids(store))
    return command_wiring(store, {("presence", ANY, ANY): receiver.handle})


def backfill_wiring(store: Store, hook: HistorySyncHook, answer: OnDemandAnswer) -> Wiring:
    """``history backfill``: our phone's peer messages (its answer) go to ``hook``; through
    a running listen only the answer's history_sync event arrives, at ``answer``."""
    receiver = Receiver(store, lambda: own_jids(store), hooks=[hook])
    own_phone = from_own_phone(lambda: own_jids(store), receiver.handle)
    base = command_wiring(store, {("message", ANY, ANY): own_phone})
    return Wiring(routes=base.routes, on_connect=(hook.attach,), sink=answer, extra=base.extra)


@dataclass(slots=True)
class ListenFeatures:
    """``wacli listen``'s wiring and what runs beside its connection: the relay that lets
    other commands use it, with --download-media the saver of media files, and with
    --mark-read the sender of read receipts."""

    wiring: Wiring
    relay: RelayServer
    saver: MediaSaver | None = None
    marker: MarkRead | None = None

    async def run(self, main: Callable[[], Awaitable[None]]) -> None:
        """Run ``main`` (the reconnecting login) with the relay, saver and marker beside it."""
        beside = [worker.work for worker in (self.saver, self.marker) if worker is not None]
        await self.relay.run(main, *beside)


def listen_features(
    store: Store,
    sink: Sink,
    download_media: Path | None = None,
    media_ca: str | None = None,
    mark_read: bool = False,
) -> ListenFeatures:
    """Every feature of ``wacli listen``. ``sink`` writes the events; with ``download_media``
    the file of each media message is saved there after its event (OSError when that
    directory cannot be created). ``media_ca``: the CA of the media hosts (files,
    app-state snapshots, history blobs). With ``mark_read`` each incoming message is
    marked read after its event (wacli.client.read_receipts)."""

    def own() -> tuple[JID, JID | None]:
        return own_jids(store)

    relay = RelayServer(store.directory)  # other commands on this store use our connection
    sink = relay.wrap_sink(sink)
    saver = None
    if download_media is not None:
        saver = MediaSaver(download_media, media_ca)
        sink = saver.wrap_sink(sink)
    marker = MarkRead() if mark_read else None
    if marker is not None:
        sink = marker.wrap_sink(sink)
    notes = Notifications(store)
    groups = GroupEvents(store, own)
    appstate = AppStateSync(store, sink, media_ca)
    history = HistorySyncHook(store, media_ca)  # chunks of our phone's history into the archive
    receiver = Receiver(store, own, hooks=[notes.push_names, appstate.on_message, history])
    retry = RetryHandler(store, own, receiver.handle)
    routes = partial(
        listen_routes,
        store,
        receiver=receiver,
        retry=retry,
        notes=notes,
        groups=groups,
        appstate=appstate,
    )
    wiring = Wiring(
        routes=lambda refill: routes(refill=refill),
        on_connect=(
            receiver.attach,  # its delivery receipts follow this connection's presence
            relay.attach,
            groups.attach,
            retry.attach,
            history.attach,  # before app-state's catch-up, which takes a while
            *([marker.attach] if marker is not None else []),  # before the slow catch-up
            appstate.on_connect,
        ),
        on_disconnect=(relay.disconnected,),  # what commands meanwhile are told
        sink=sink,
    )
    return ListenFeatures(wiring, relay, saver, marker)
