"""Migration 4 and what sending keeps in the store: the device-list cache (with its TTL as
usync.device_lists applies it, against a scripted server), LID <-> phone mappings from
usync and stanza attributes, the pruned sent-message cache with its per-device retry
counter, and who holds our sender key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import anyio
import pytest

from wacli.binary import Node
from wacli.client.usync import DEVICE_LIST_TTL, device_lists, learn_addresses, stanza_mappings
from wacli.jid import parse_jid
from wacli.store import MIGRATIONS, Store
from wacli.store.send_tables import SENT_KEEP_COUNT, SENT_KEEP_SECONDS

ALICE = parse_jid("15550001111@s.whatsapp.net")
ALICE_LID = parse_jid("90000000001@lid")
BOB = parse_jid("15550002222@s.whatsapp.net")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "s")


def test_migration_4_creates_the_tables_on_an_older_store(tmp_path: Path) -> None:
    old = Store(tmp_path / "s", migrations=[m for m in MIGRATIONS if m.version < 4])
    assert old.schema_version == 3
    old.close()
    with Store(tmp_path / "s") as store:
        assert store.schema_version >= 4
        tables = {
            row[0]
            for row in store._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert {
        "device_lists",
        "lid_mappings",
        "sent_messages",
        "sent_retries",
        "sender_key_holders",
    } <= tables
    assert [m.version for m in MIGRATIONS if m.version == 4] == [4]


def test_device_lists_round_trip_and_forget(store: Store) -> None:
    assert store.load_device_list(ALICE) is None
    store.save_device_list(ALICE.with_device(3), [(0, 0), (3, 2)], 1700000000, 1000)
    cached = store.load_device_list(str(ALICE))
    assert cached is not None and cached.user == str(ALICE)
    assert cached.devices == ((0, 0), (3, 2)) and cached.key_index_ts == 1700000000
    assert cached.fetched_at == 1000
    store.save_device_list(ALICE, [(0, 0)])  # replaced, stamped now
    cached = store.load_device_list(ALICE)
    assert cached is not None and cached.devices == ((0, 0),) and cached.fetched_at > 1000
    # A notification naming the LID drops the list kept under the phone number too.
    store.put_lid_mapping(ALICE_LID, ALICE, "usync")
    store.save_device_list(ALICE_LID, [(0, 0)])
    store.forget_devices(ALICE_LID.with_device(5))
    assert store.load_device_list(ALICE) is None and store.load_device_list(ALICE_LID) is None
    store.forget_devices(BOB)  # nothing kept: nothing happens


def test_lid_mappings(store: Store) -> None:
    store.put_lid_mapping(ALICE_LID.with_device(2), ALICE.with_device(2), "message")
    assert store.pn_for_lid(ALICE_LID) == str(ALICE)
    assert store.lid_for_pn(ALICE) == str(ALICE_LID)
    store.put_lid_mapping(ALICE, BOB, "x")  # not a LID: ignored
    assert store.lid_for_pn(BOB) is None
    assert store.pn_for_lid("1@lid") is None


def test_sent_messages_are_kept_pruned_and_retries_counted(store: Store) -> None:
    store.remember_sent(BOB, "A", b"first", sent_at=1000)
    assert store.load_sent(BOB.with_device(4), "A") == b"first"
    assert store.load_sent(ALICE, "A") is None
    device = str(BOB.with_device(2))
    assert [store.count_sent_retry(BOB, "A", device) for _ in range(3)] == [1, 2, 3]
    assert store.count_sent_retry(BOB, "A", str(BOB)) == 1  # per device
    assert store.count_sent_retry(BOB, "missing", device) == 0
    # Old messages go once a newer one is kept; their retry counts with them.
    store.remember_sent(BOB, "B", b"second", sent_at=1000 + SENT_KEEP_SECONDS + 1)
    assert store.load_sent(BOB, "A") is None and store.load_sent(BOB, "B") == b"second"
    assert store._conn.execute("SELECT COUNT(*) FROM sent_retries").fetchone()[0] == 0
    now = 10**9
    with store.transaction():
        for n in range(SENT_KEEP_COUNT + 5):
            store.remember_sent(ALICE, f"M{n}", b"x", sent_at=now + n)
    kept = store._conn.execute("SELECT COUNT(*) FROM sent_messages").fetchone()[0]
    assert kept == SENT_KEEP_COUNT
    assert store.load_sent(ALICE, "M0") is None
    assert store.load_sent(ALICE, f"M{SENT_KEEP_COUNT + 4}") == b"x"


def test_sender_key_holders(store: Store) -> None:
    group = "120363000000000001@g.us"
    assert store.sender_key_holders(group) == set()
    store.add_sender_key_holders(group, [ALICE.with_device(0), BOB.with_device(3)])
    store.add_sender_key_holders(group, [str(BOB.with_device(3))])
    assert store.sender_key_holders(group) == {str(ALICE.with_device(0)), str(BOB.with_device(3))}
    assert store.sender_key_holders("120363000000000002@g.us") == set()
    store.clear_sender_key_holders(group)
    assert store.sender_key_holders(group) == set()


def test_integrity_of_the_migration_is_enforced(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute(
            "INSERT INTO sent_retries (chat, id, device, count) VALUES ('x', 'y', 'z', 1)"
        )


# -- the cache as usync.device_lists uses it --------------------------------------------------


def _usync_answer(users: dict[str, list[int]], lids: dict[str, str]) -> Node:
    listed = []
    for jid, devices in users.items():
        content = [
            Node(
                "devices",
                {},
                [
                    Node("device-list", {}, [Node("device", {"id": str(d)}) for d in devices]),
                    Node("key-index-list", {"ts": "1700000001"}, b"signed"),
                ],
            )
        ]
        if jid in lids:
            content.append(Node("lid", {"val": lids[jid]}))
        listed.append(Node("user", {"jid": jid}, content))
    return Node("iq", {"type": "result"}, [Node("usync", {}, [Node("list", {}, listed)])])


class ScriptedServer:
    """Answers usync IQs from a fixed table and records which users each one asked for."""

    def __init__(self, users: dict[str, list[int]], lids: dict[str, str]) -> None:
        self.users = users
        self.lids = lids
        self.asked: list[list[str]] = []

    async def iq(self, xmlns: str, kind: str, content: list[Node]) -> Node:
        assert (xmlns, kind) == ("usync", "get")
        usync = content[0]
        assert [c.tag for c in usync.require_child("query").children] == ["devices", "lid"]
        wanted = [u.require_attr("jid") for u in usync.require_child("list").children]
        self.asked.append(wanted)
        known = {jid: self.users[jid] for jid in wanted if jid in self.users}
        return _usync_answer(known, self.lids)


def test_device_lists_ask_only_for_unknown_or_stale_users(store: Store) -> None:
    server = ScriptedServer({str(ALICE): [0, 4], str(BOB): [0]}, {str(ALICE): str(ALICE_LID)})
    unknown = parse_jid("15550009999@s.whatsapp.net")

    async def lists(now: int, *users: object) -> dict:
        return await device_lists(server, store, list(users), now=now)  # type: ignore[arg-type]

    first = anyio.run(lists, 1000, ALICE.with_device(4), BOB, unknown)
    assert first == {ALICE: [ALICE.with_device(0), ALICE.with_device(4)], BOB: [BOB]}
    assert server.asked == [[str(ALICE), str(BOB), str(unknown)]]
    assert store.lid_for_pn(ALICE) == str(ALICE_LID)
    cached = store.load_device_list(ALICE)
    assert cached is not None and cached.key_index_ts == 1700000001
    # Within the TTL nothing is asked for known users; an unknown one is asked again.
    assert anyio.run(lists, 1000 + DEVICE_LIST_TTL - 1, ALICE, BOB) == {
        ALICE: [ALICE.with_device(0), ALICE.with_device(4)],
        BOB: [BOB],
    }
    assert len(server.asked) == 1
    anyio.run(lists, 1001, unknown)
    assert server.asked[-1] == [str(unknown)]
    # Stale or forgotten entries are fetched again (and the answer replaces them).
    server.users[str(BOB)] = [0, 7]
    store.forget_devices(BOB)
    assert anyio.run(lists, 1002, ALICE, BOB)[BOB] == [BOB, BOB.with_device(7)]
    assert server.asked[-1] == [str(BOB)]
    anyio.run(lists, 1000 + DEVICE_LIST_TTL, ALICE)
    assert server.asked[-1] == [str(ALICE)]


def test_stanza_attributes_teach_mappings(store: Store) -> None:
    message = Node(
        "message", {"from": "90000000002:3@lid", "sender_pn": "15550002222@s.whatsapp.net"}
    )
    group = Node(
        "message",
        {
            "from": "120363000000000001@g.us",
            "participant": "15550003333@s.whatsapp.net",
            "participant_lid": "90000000003@lid",
        },
    )
    broken = Node("receipt", {"from": "@@", "sender_lid": "90000000004@lid"})
    assert stanza_mappings(message) == [(parse_jid("90000000002@lid"), BOB)]
    assert stanza_mappings(broken) == []
    for node in (message, group, broken, Node("iq", {"from": "x"})):
        learn_addresses(store, node)  # an observer: it sees every stanza, answers none
    assert store.pn_for_lid("90000000002@lid") == str(BOB)
    assert store.lid_for_pn("15550003333@s.whatsapp.net") == "90000000003@lid"
    # A mapping already kept is not written again; one that changed still is.
    moved = Node("message", {"from": "15550004444@s.whatsapp.net", "sender_lid": "90000000002@lid"})
    learn_addresses(store, moved)
    assert store.pn_for_lid("90000000002@lid") == "15550004444@s.whatsapp.net"
