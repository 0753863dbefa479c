"""wacli.client.notifications on its own: each notification shape to its event, the
push-name hook against the archive, and malformed or hostile notifications falling
through to the generic ``notification`` event instead of raising."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.notifications import Notifications
from wacli.client.router import default_handler
from wacli.crypto import generate_key_pair
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.adv import build_key_index_list
from wacli.store import Store

pytestmark = pytest.mark.anyio

BOB = "15550001234@s.whatsapp.net"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store") as opened:
        yield opened


def note(kind: str, children: list[Node], **attrs: str) -> Node:
    return Node(
        "notification",
        {"from": BOB, "type": kind, "id": "n1", "t": "1700000000", **attrs},
        children,
    )


async def events_of(store: Store, node: Node) -> list[ev.Event]:
    # As listen takes it: the feature's events, else the generic notification event.
    outcome = await Notifications(store).handle(node) or await default_handler(node)
    return list(outcome.events)


async def test_devices_add_with_signed_list(store: Store) -> None:
    store.save_device_list(BOB, [(0, 0)])
    store.save_device_list("777000111@lid", [(0, 0)])
    signed = build_key_index_list(generate_key_pair(), 9, 3, [1, 3], timestamp=5)
    add = Node(
        "add",
        {"device_hash": "2:abcdefgh"},
        [
            Node("device", {"jid": "15550001234:3@s.whatsapp.net", "key-index": "3"}),
            Node("key-index-list", {"ts": "5"}, signed),
        ],
    )
    [event] = await events_of(store, note("devices", [add], lid="777000111@lid"))
    assert isinstance(event, ev.DeviceListUpdate)
    assert (str(event.user), str(event.lid_user), event.update_type) == (
        BOB,
        "777000111@lid",
        "add",
    )
    assert [str(d) for d in event.devices] == ["15550001234:3@s.whatsapp.net"]
    assert event.key_index == {
        "timestamp": 5,
        "raw_id": 9,
        "current_index": 3,
        "valid_indexes": [1, 3],
    }
    assert event.contact_hash == "2:abcdefgh"
    # The cached lists are gone, under the phone number and the LID it was paired with.
    assert store.load_device_list(BOB) is None
    assert store.load_device_list("777000111@lid") is None
    assert store.pn_for_lid("777000111@lid") == BOB


async def test_remove_wins_over_add_and_update_has_only_a_hash(store: Store) -> None:
    remove = Node("remove", {}, [Node("device", {"jid": "15550001234:2@s.whatsapp.net"})])
    add = Node("add", {}, [Node("device", {"jid": "15550001234:4@s.whatsapp.net"})])
    [event] = await events_of(store, note("devices", [add, remove]))
    assert event.update_type == "remove" and event.key_index is None  # type: ignore[attr-defined]
    [event] = await events_of(store, note("devices", [Node("update", {"hash": "2:xyz"})]))
    assert isinstance(event, ev.DeviceListUpdate)
    assert event.devices == () and event.contact_hash == "2:xyz"


async def test_picture_about_business(store: Store) -> None:
    [set_] = await events_of(
        store, note("picture", [Node("set", {"jid": BOB, "id": "7", "author": BOB})])
    )
    assert isinstance(set_, ev.PictureUpdate)
    assert set_.photo_change == {"removed": False, "id": "7"}
    assert set_.timestamp == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    [bare] = await events_of(store, note("picture", []))
    assert bare.photo_change == {"removed": True, "id": None}  # type: ignore[attr-defined]
    [about] = await events_of(store, note("status", [Node("set", {}, "néw".encode())]))
    assert about == ev.UserAboutUpdate(jid=parse_jid(BOB), status="néw", timestamp=set_.timestamp)
    subs = Node(
        "subscriptions",
        {},
        [
            Node("subscription", {"id": "s1", "status": "active", "subscription_end_time": "9"}),
            Node("subscription", {"id": "s2"}),  # no status: not a subscription
        ],
    )
    [biz] = await events_of(store, note("business", [subs]))
    assert isinstance(biz, ev.BusinessStatusUpdate) and biz.update_type == "subscriptions"
    assert biz.subscriptions == ({"id": "s1", "status": "active", "expiration_date": 9},)
    catalog = Node("product_catalog", {}, [Node("collection", {"id": "c1"})])
    [biz] = await events_of(store, note("business", [catalog]))
    assert biz.update_type == "collection" and biz.collection_ids == ("c1",)  # type: ignore[attr-defined]
    [biz] = await events_of(store, note("business", [Node("remove", {"hash": "h"})]))
    assert (biz.update_type, biz.hash, biz.target_jid) == ("remove_hash", "h", None)  # type: ignore[attr-defined]
    [biz] = await events_of(store, note("business", []))
    assert biz.update_type == "unknown"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "node",
    [
        note("devices", []),  # no change at all
        note("devices", [Node("add", {}, [Node("key-index-list", {"ts": "1"}, b"\xff\xff")])]),
        note("devices", [Node("add", {}, [Node("device", {"jid": "not a jid@@"})])]),
        note("picture", [Node("request", {})]),
        note("status", []),
        note("status", [Node("set", {}, [Node("x")])]),
        Node("notification", {"type": "status", "id": "n"}, [Node("set", {}, b"x")]),  # no from
        note("business", [Node("verified_name", {"jid": "bad@@"})]),
    ],
)
async def test_unreadable_ones_become_the_generic_event(store: Store, node: Node) -> None:
    [event] = await events_of(store, node)
    assert isinstance(event, ev.Notification) and event.node.tag == "notification"


async def test_huge_numbers_are_no_trouble(store: Store) -> None:
    big = "9" * 5000  # int() of this raises in Python >= 3.11: it must never be tried
    node = note("devices", [Node("remove", {}, [Node("key-index-list", {"ts": big})])], t=big)
    [event] = await events_of(store, node)
    assert isinstance(event, ev.DeviceListUpdate) and event.key_index == {"timestamp": None}


def info(name: str | None, from_me: bool = False, sender: str = BOB) -> ev.MessageInfo:
    return ev.MessageInfo(
        id="m",
        chat=parse_jid(BOB),
        sender=parse_jid(sender),
        is_from_me=from_me,
        is_group=False,
        is_bot=False,
        timestamp=datetime(2026, 1, 1, tzinfo=UTC),
        push_name=name,
        category=None,
    )


async def test_push_name_hook(store: Store) -> None:
    hook = Notifications(store).push_names
    message = e2e_pb2.Message(conversation="hi")
    [first] = await hook(info("Bob"), message)
    assert isinstance(first, ev.PushNameUpdate)
    assert (first.old_push_name, first.new_push_name, str(first.jid)) == (None, "Bob", BOB)
    assert await hook(info("Bob"), message) == []  # the same again (a redelivery): nothing
    assert await hook(info("Bob", sender="15550001234:5@s.whatsapp.net"), message) == []
    [renamed] = await hook(info("Robert"), message)
    assert (renamed.old_push_name, renamed.new_push_name) == ("Bob", "Robert")  # type: ignore[attr-defined]
    assert await hook(info("Me", from_me=True), message) == []
    assert await hook(info(None), message) == [] and await hook(info("-"), message) == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["devices", "picture", "status", "business"]),
    tags=st.lists(
        st.sampled_from(
            [
                "add",
                "remove",
                "update",
                "set",
                "delete",
                "device",
                "key-index-list",
                "verified_name",
                "profile",
                "product_catalog",
                "product",
                "collection",
                "subscriptions",
                "id",
                "name",
            ]
        ),
        max_size=4,
    ),
    values=st.lists(
        st.text(max_size=30) | st.sampled_from([BOB, "1@lid", "2:x", "123"]), max_size=6
    ),
    blob=st.binary(max_size=40),
)
async def test_random_notifications_never_raise(
    store: Store, kind: str, tags: list[str], values: list[str], blob: bytes
) -> None:
    keys = [
        "jid",
        "lid",
        "hash",
        "device_hash",
        "ts",
        "id",
        "author",
        "name",
        "key-index",
        "status",
    ]
    attrs = dict(zip(keys, values, strict=False))
    inner = [
        Node(tag, attrs, blob if n % 2 else [Node(t, attrs) for t in tags])
        for n, tag in enumerate(tags)
    ]
    node = Node(
        "notification", {"from": values[0] if values else BOB, "type": kind, "id": "x"}, inner
    )
    events = await events_of(store, node)
    assert len(events) >= 1
    for event in events:
        event.line()  # every event can be written
