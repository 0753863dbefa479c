"""Reading w:gp2 notifications: the Conversation of a <group>, each kind of change, and
malformed parts skipped rather than fatal."""

from __future__ import annotations

import anyio
import pytest

from wacli.binary import Node, decode, encode
from wacli.client import events as ev
from wacli.client.group_events import GroupEvents, conversation
from wacli.jid import parse_jid
from wacli.store import Store

GROUP = parse_jid("120363000000000009@g.us")
ME = parse_jid("15550000001:3@s.whatsapp.net")


def wire(node: Node) -> Node:
    """As it comes off the wire (JID attributes decode to JIDs)."""
    return decode(encode(node))


def handle(tmp_path, node: Node) -> list[ev.Event]:
    with Store(tmp_path) as store:
        events = GroupEvents(store, lambda: (ME, None))
        outcome = anyio.run(events.handle, wire(node))
    assert outcome is not None
    return list(outcome.events)


def test_conversation_keeps_subject_time_and_ranks() -> None:
    group = Node(
        "group",
        {"id": "120363000000000009", "subject": "Team", "creation": "1795600000"},
        [
            Node("participant", {"jid": parse_jid("15550000002@s.whatsapp.net"), "type": "admin"}),
            Node("participant", {"jid": "not a jid"}),
            Node("participant", {"jid": parse_jid("15550000003@s.whatsapp.net")}),
        ],
    )
    chat = conversation(wire(group), GROUP)
    assert chat["id"] == str(GROUP) and chat["name"] == "Team"
    assert chat["conversation_timestamp"] == "1795600000"  # uint64 as JSON text
    assert chat["participant"] == [
        {"user_jid": "15550000002@s.whatsapp.net", "rank": "ADMIN"},
        {"user_jid": "15550000003@s.whatsapp.net", "rank": "REGULAR"},
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (Node("subject", {"subject": "New"}), {"type": "subject", "subject": "New"}),
        (
            Node("description", {"id": "D1"}, [Node("body", {}, b"rules: none")]),
            {"type": "description", "description": "rules: none"},
        ),
        (Node("ephemeral", {"expiration": "86400"}), {"type": "ephemeral", "expiration": 86400}),
        (Node("announcement"), {"type": "announcement"}),
        (
            Node(
                "remove",
                {"reason": "leave"},
                [Node("participant", {"jid": parse_jid("15550000002@s.whatsapp.net")})],
            ),
            {"type": "remove", "participants": ["15550000002@s.whatsapp.net"], "reason": "leave"},
        ),
    ],
)
def test_each_change_is_a_group_info_update(tmp_path, change: Node, expected: dict) -> None:
    node = Node(
        "notification",
        {
            "from": GROUP,
            "type": "w:gp2",
            "id": "N1",
            "t": "1795600000",
            "participant": parse_jid("15550000002@s.whatsapp.net"),
        },
        [change],
    )
    (event,) = handle(tmp_path, node)
    assert isinstance(event, ev.GroupInfoUpdate) and event.jid == GROUP
    assert event.update["actor"] == "15550000002@s.whatsapp.net"
    assert event.update["timestamp"] == 1795600000
    assert {k: v for k, v in event.update.items() if k in expected} == expected


def test_other_notifications_are_not_ours(tmp_path) -> None:
    with Store(tmp_path) as store:
        events = GroupEvents(store, lambda: (ME, None))
        assert anyio.run(events.handle, Node("notification", {"type": "devices"})) is None
        not_group = Node("notification", {"type": "w:gp2", "from": ME}, [Node("subject")])
        assert anyio.run(events.handle, wire(not_group)) is None


def test_added_without_a_connection_still_joins(tmp_path) -> None:
    node = Node(
        "notification",
        {"from": GROUP, "type": "w:gp2", "id": "N2", "t": "1"},
        [Node("add", {}, [Node("participant", {"jid": ME.to_non_ad()})])],
    )
    update, joined = handle(tmp_path, node)
    assert isinstance(update, ev.GroupInfoUpdate)
    assert isinstance(joined, ev.JoinedGroup) and joined.conversation == {"id": str(GROUP)}
