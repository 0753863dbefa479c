"""wacli.client.routes: each stanza to its handler through the table, the observers on
every stanza, the one default for what no route took (listen's generic notification and
ack, the one-shot commands' "leave it for listen"), and the ack after the events."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.appstate import AppStateSync
from wacli.client.dispatcher import STANDARD_ACK, Dispatcher, Outcome
from wacli.client.group_events import GroupEvents
from wacli.client.notifications import KINDS, Notifications
from wacli.client.pairing import Pairing, PairingKeys
from wacli.client.prekeys import PrekeyRefill
from wacli.client.receive import Receiver
from wacli.client.retry import RetryHandler
from wacli.client.routes import ANY, Routes, command_routes, key_of, listen_routes
from wacli.crypto import generate_key_pair
from wacli.jid import JID, parse_jid
from wacli.protocol.stanzas import ack_for
from wacli.signal.device import ensure_identity
from wacli.store import Store

pytestmark = pytest.mark.anyio

OWN = parse_jid("15550009999:2@s.whatsapp.net")
BOB = "15550001234@s.whatsapp.net"
BOB_LID = "777000111@lid"
SERVER = "s.whatsapp.net"


def own() -> tuple[JID, JID | None]:
    return OWN, None


async def discard(event: ev.Event) -> None:
    pass


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "store")
    with opened:
        yield opened


class Features:
    """listen's features, real ones, on one store."""

    def __init__(self, store: Store) -> None:
        self.refill = PrekeyRefill(store)
        self.receiver = Receiver(store, own)
        self.retry = RetryHandler(store, own, self.receiver.handle)
        self.notes = Notifications(store)
        self.groups = GroupEvents(store, own)
        self.appstate = AppStateSync(store, discard)

    def listen(self, store: Store) -> Routes:
        return listen_routes(
            store,
            refill=self.refill,
            receiver=self.receiver,
            retry=self.retry,
            notes=self.notes,
            groups=self.groups,
            appstate=self.appstate,
        )


def note(kind: str, children: list[Node] | None = None, **attrs: str) -> Node:
    return Node(
        "notification",
        {"from": BOB, "type": kind, "id": "n1", "t": "1700000000", **attrs},
        children or [],
    )


def test_the_most_specific_key_wins(store: Store) -> None:
    features = Features(store)
    routes = features.listen(store)
    retry = Node("receipt", {"from": BOB, "id": "r", "type": "retry"}, [Node("retry")])
    delivery = Node("receipt", {"from": BOB, "id": "d"})
    assert key_of(retry) == ("receipt", "retry", "retry")
    assert key_of(delivery) == ("receipt", "", "")
    assert routes.route(retry) == features.retry.handle
    assert routes.route(delivery) == features.receiver.handle
    assert routes.route(Node("message", {"from": BOB, "id": "m"})) == features.receiver.handle
    assert routes.route(note("server_sync")) == features.appstate.handle
    assert routes.route(note("w:gp2")) == features.groups.handle
    assert routes.route(note("no_such_kind")) is None
    assert routes.route(Node("iq", {"type": "set"}, [Node("pair-device")])) is None


def test_every_notification_kind_read_has_a_route(store: Store) -> None:
    routes = Features(store).listen(store)
    assert {kind for kind in KINDS if routes.route(note(kind)) is None} == set()
    assert ("notification", "encrypt", ANY) in routes.table


async def test_unknown_notification_is_a_generic_event_in_listen_and_left_by_commands(
    store: Store,
) -> None:
    unknown = note("mex", [Node("update", {"op": "x"})])
    outcome = await Features(store).listen(store)(unknown)
    [event] = outcome.events
    assert isinstance(event, ev.Notification) and event.node.attrs["type"] == "mex"
    assert outcome.reply is STANDARD_ACK
    left = await command_routes(store, refill=PrekeyRefill(store))(unknown)
    assert (list(left.events), left.reply) == ([], None)


async def test_observers_learn_addresses_before_the_route_answers(store: Store) -> None:
    receipt = Node("receipt", {"from": BOB_LID, "id": "d1", "sender_pn": BOB, "t": "1700000000"})
    outcome = await Features(store).listen(store)(receipt)
    [event] = outcome.events
    assert isinstance(event, ev.Receipt)
    assert store.pn_for_lid(BOB_LID) == BOB
    # A one-shot command leaves the receipt for listen, yet learns the mapping too.
    other = Node(
        "message", {"from": "888000111@lid", "id": "m1", "sender_pn": "15550002222@s.whatsapp.net"}
    )
    left = await command_routes(store)(other)
    assert left.reply is None
    assert store.pn_for_lid("888000111@lid") == "15550002222@s.whatsapp.net"


async def test_encrypt_is_the_prekey_count_or_a_contacts_identity(store: Store) -> None:
    count = Node(
        "notification",
        {"from": SERVER, "type": "encrypt", "id": "e1"},
        [Node("count", {"value": "50"})],
    )
    identity = note("encrypt", [Node("identity")])
    listen = Features(store).listen(store)
    command = command_routes(store, refill=PrekeyRefill(store))
    for routes in (listen, command):
        taken = await routes(count)  # enough prekeys left: nothing to upload, acked
        assert (list(taken.events), taken.reply) == ([], STANDARD_ACK)
    [event] = (await listen(identity)).events
    assert isinstance(event, ev.IdentityChange) and str(event.jid) == BOB
    assert (await command(identity)).reply is None  # for listen to take


async def test_pairing_routes_only_while_pairing(store: Store) -> None:
    keys = PairingKeys(generate_key_pair(), ensure_identity(store), os.urandom(32))
    pairing = Pairing(store, keys, discard)
    pairing_routes = command_routes(store, pairing=pairing)
    for child in ("pair-device", "pair-success"):
        iq = Node("iq", {"id": "p", "type": "set", "from": SERVER}, [Node(child)])
        assert pairing_routes.route(iq) == pairing.handle
        assert command_routes(store).route(iq) is None
    assert pairing_routes.route(note("link_code_companion_reg")) == pairing.handle
    # Before login there is no prekey refill or privacy-token intake.
    assert pairing_routes.route(note("privacy_token")) is None
    assert command_routes(store).route(note("privacy_token")) is not None


async def test_a_command_adds_what_it_waits_for(store: Store) -> None:
    taken: list[Node] = []

    async def presences(node: Node) -> Outcome | None:
        taken.append(node)
        return Outcome(reply=None)

    routes = command_routes(store, extra={("presence", ANY, ANY): presences})
    presence = Node("presence", {"from": BOB, "type": "unavailable"})
    assert (await routes(presence)).reply is None and taken == [presence]
    ping = Node("iq", {"id": "p", "type": "get", "xmlns": "urn:xmpp:ping", "from": SERVER})
    reply = (await routes(ping)).reply  # the default still answers pings
    assert reply == Node("iq", {"to": SERVER, "id": "p", "type": "result"})


async def test_the_dispatcher_acks_a_routed_stanza_after_its_events(store: Store) -> None:
    order: list[str] = []

    async def sink(event: ev.Event) -> None:
        order.append(f"event {event.type}")

    async def send(node: Node) -> None:
        order.append(f"send {node.tag}")

    dispatcher = Dispatcher(Features(store).listen(store), sink, send)
    unknown = note("mex")
    await dispatcher.dispatch(unknown)
    assert order == ["event notification", "send ack"]
    order.clear()
    receipt = Node("receipt", {"from": BOB, "id": "d2", "type": "read", "t": "1700000000"})
    await dispatcher.dispatch(receipt)
    assert order == ["event receipt", "send ack"]
    ack = ack_for(receipt)
    assert ack is not None and ack.attrs["class"] == "receipt"
