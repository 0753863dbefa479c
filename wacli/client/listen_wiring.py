"""``wacli listen``'s wiring: every feature on its connection, and what runs beside it.

Apart from wacli.client.wiring (the one-shot commands' wirings) so that a command
imports none of listen's features: app-state sync, history, notifications, group
events, retry receipts, the relay server, the media saver and the read-receipt marker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from wacli.client.appstate import AppStateSync
from wacli.client.disappearing import TimerChanges
from wacli.client.dispatcher import Sink
from wacli.client.group_events import GroupEvents
from wacli.client.history import HistorySyncHook
from wacli.client.media_files import MediaSaver
from wacli.client.notifications import Notifications
from wacli.client.polls import PollVotes
from wacli.client.read_receipts import MarkRead
from wacli.client.receive import MessageHook, Receiver
from wacli.client.relay_server import Perform, RelayServer
from wacli.client.retry import RetryHandler
from wacli.client.routes import listen_routes
from wacli.client.wiring import Wiring, own_jids
from wacli.jid import JID
from wacli.store import Store


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
    *,
    perform: Perform | None = None,
) -> ListenFeatures:
    """Every feature of ``wacli listen``. ``sink`` writes the events; with ``download_media``
    the file of each media message is saved there after its event (OSError when that
    directory cannot be created). ``media_ca``: the CA of the media hosts (files,
    app-state snapshots, history blobs). With ``mark_read`` each incoming message is
    marked read after its event (wacli.client.read_receipts). ``perform`` does the
    operations other commands hand the relay (Client.perform)."""

    def own() -> tuple[JID, JID | None]:
        return own_jids(store)

    relay = RelayServer(store.directory, perform)  # other commands use our connection
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
    votes = PollVotes(store)  # votes on archived polls, opened with their secret
    timers = TimerChanges(store)  # a contact's disappearing-messages timer, for our sends
    hooks: list[MessageHook] = [notes.push_names, appstate.on_message, history, votes, timers]
    receiver = Receiver(store, own, hooks=hooks, lookahead=True)  # all messages reach it
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
