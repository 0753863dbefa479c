"""wacli.client.appstate against a scripted app-state server: patches are real (built by
wacli.protocol.appstate_patch, whose output Baileys verifies in the interop tests); the
server answers fetches from its patch chain, and tests break that chain on purpose to
see mismatches refused with AppStateSyncError after one fetch from scratch."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.unit.accounts import made_up_account
from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.appstate import AppStateSync, AppStateSyncError
from wacli.proto import e2e_pb2, sync_action_pb2, syncd_pb2
from wacli.protocol.appstate_crypto import AppStateHash, Operation, expand_app_state_keys
from wacli.protocol.appstate_patch import NewMutation, encode_patch
from wacli.store import Store
from wacli.store.appstate_tables import AppStateKeyRecord, CollectionState
from wacli.store.archive import Archive, ArchivedMessage

pytestmark = pytest.mark.anyio

KEY_ID, KEY = b"\x00\x01\x02\x03\x04\x05", os.urandom(32)
BOB = "15550002222@s.whatsapp.net"


class ScriptedServer:
    """Answers ``w:sync:app:state`` fetches from per-collection patch chains."""

    def __init__(self) -> None:
        self.chains: dict[str, list[bytes]] = {}
        self.states: dict[str, AppStateHash] = {}
        self.asked: list[tuple[str, str]] = []
        self.answer_override: Node | None = None
        self.page = 1000  # patches per answer; more are announced with has_more_patches
        self.sent: list[Node] = []  # stanzas sent without an answer (presence)
        self.available = False

    async def send(self, node: Node) -> None:
        self.sent.append(node)

    def write(self, name: str, index: list[str], action: sync_action_pb2.SyncActionValue) -> None:
        state = self.states.get(name, AppStateHash())
        keys = expand_app_state_keys(KEY)
        change = NewMutation(Operation.SET, index, action)
        patch, self.states[name] = encode_patch(name, state, KEY_ID, keys, [change])
        patch.version.version = self.states[name].version
        self.chains.setdefault(name, []).append(patch.SerializeToString())

    async def iq(self, xmlns: str, kind: str, content: list[Node]) -> Node:
        assert (xmlns, kind) == ("w:sync:app:state", "set")
        asked = content[0].require_child("collection")
        name, version = asked.require_attr("name"), asked.attr_int("version")
        self.asked.append((name, asked.require_attr("return_snapshot")))
        if self.answer_override is not None:
            return Node("iq", {"type": "result"}, [Node("sync", {}, [self.answer_override])])
        chain = self.chains.get(name, [])[version:]
        patches = [Node("patch", {}, p) for p in chain[: self.page]]
        answer = Node("collection", {"name": name, "version": str(version + len(patches))})
        answer.content = [Node("patches", {}, patches)] if patches else None
        if len(chain) > self.page:
            answer.attrs["has_more_patches"] = "true"
        return Node("iq", {"type": "result"}, [Node("sync", {}, [answer])])


def pin(pinned: bool, when: int = 1_700_000_000_000) -> sync_action_pb2.SyncActionValue:
    action = sync_action_pb2.SyncActionValue(timestamp=when)
    action.pin_action.pinned = pinned
    return action


def info(from_me: bool) -> ev.MessageInfo:
    return ev.MessageInfo(
        id="3A01",
        chat="15550001111@s.whatsapp.net",
        sender="15550001111@s.whatsapp.net",
        is_from_me=from_me,
        is_group=False,
        is_bot=False,
        timestamp=datetime.now(UTC),
        push_name=None,
        category="peer",
    )


def key_share() -> e2e_pb2.Message:
    message = e2e_pb2.Message()
    message.protocol_message.type = e2e_pb2.ProtocolMessage.APP_STATE_SYNC_KEY_SHARE
    key = message.protocol_message.app_state_sync_key_share.keys.add()
    key.key_id.key_id = KEY_ID
    key.key_data.key_data = KEY
    key.key_data.timestamp = 1
    return message


def give_key(store: Store) -> None:
    store.save_app_state_key(AppStateKeyRecord(KEY_ID, KEY, 1))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store") as opened:
        yield opened


async def online(store: Store, server: ScriptedServer) -> tuple[AppStateSync, list[ev.Event]]:
    sunk: list[ev.Event] = []

    async def sink(event: ev.Event) -> None:
        sunk.append(event)

    sync = AppStateSync(store, sink)
    await sync.on_connect(server)  # type: ignore[arg-type]
    return sync, sunk


async def test_key_shares_are_kept_only_from_our_own_account(store: Store) -> None:
    sync, _ = await online(store, ScriptedServer())
    assert await sync.on_message(info(False), key_share()) == ()
    assert store.app_state_key(KEY_ID) is None  # a spoofed share from someone else
    assert await sync.on_message(info(True), key_share()) == ()
    assert store.app_state_key(KEY_ID) == KEY
    assert await sync.on_message(info(True), key_share()) == ()  # a redelivery: the same


async def test_patches_become_events_first_full_then_incremental(store: Store) -> None:
    server = ScriptedServer()
    server.write("regular_low", ["pin_v1", BOB], pin(True))
    mute = sync_action_pb2.SyncActionValue(timestamp=5)
    mute.mute_action.muted = True
    mute.mute_action.mute_end_timestamp = -1
    server.write("regular_high", ["mute", BOB], mute)
    give_key(store)
    sync, sunk = await online(store, server)
    assert [(type(e), e.jid, e.from_full_sync) for e in sunk] == [  # type: ignore[attr-defined]
        (ev.MuteUpdate, BOB, True),
        (ev.PinUpdate, BOB, True),
    ]
    assert sunk[1].timestamp == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)  # type: ignore[attr-defined]
    saved = store.load_collection("regular_low")
    assert saved is not None and saved.hash == server.states["regular_low"].hash

    server.write("regular_low", ["pin_v1", BOB], pin(False))
    note = Node("notification", {"type": "server_sync", "id": "1", "from": "s.whatsapp.net"})
    note.content = [Node("collection", {"name": "regular_low", "version": "2"})]
    outcome = await sync.handle(note)
    assert outcome is not None
    [event] = outcome.events
    assert isinstance(event, ev.PinUpdate) and not event.from_full_sync
    assert not event.action.pinned  # type: ignore[union-attr]
    assert await sync.handle(Node("notification", {"type": "devices"})) is None


async def test_a_mismatch_is_fetched_afresh_then_refused(store: Store) -> None:
    server = ScriptedServer()
    server.write("regular_low", ["pin_v1", BOB], pin(True))
    server.write("regular_low", ["archive", BOB], sync_action_pb2.SyncActionValue(timestamp=1))
    store.save_collection("regular_low", CollectionState(1, os.urandom(128), {}))  # corrupt
    give_key(store)
    sync, sunk = await online(store, server)
    low = [e for e in sunk if isinstance(e, ev.PinUpdate)]
    assert len(low) == 1 and low[0].from_full_sync  # recovered by fetching from version 0
    assert ("regular_low", "false") in server.asked and ("regular_low", "true") in server.asked
    saved = store.load_collection("regular_low")
    assert saved is not None and saved.version == 2
    assert saved.hash == server.states["regular_low"].hash

    # Now the server's own chain is broken: a patch MAC flipped. Refused, state kept.
    server.write("regular_low", ["pin_v1", BOB], pin(False))
    broken = syncd_pb2.SyncdPatch.FromString(server.chains["regular_low"][2])
    broken.patch_mac = bytes(32)
    server.chains["regular_low"][2] = broken.SerializeToString()
    with pytest.raises(AppStateSyncError) as caught:
        await sync.sync_collection("regular_low")
    assert caught.value.collection == "regular_low"
    after = store.load_collection("regular_low")
    assert after is not None and after.version == 2 and after.hash == saved.hash


async def test_a_missing_key_parks_the_collection_until_the_share(store: Store) -> None:
    server = ScriptedServer()
    server.write("regular_low", ["pin_v1", BOB], pin(True))
    sync, sunk = await online(store, server)
    assert sunk == []
    events = await sync.on_message(info(True), key_share())
    assert [type(e) for e in events] == [ev.PinUpdate]


GARBAGE = Node("patch", {}, b"\xff")  # a truncated varint: not a SyncdPatch


@pytest.mark.parametrize(
    "answer",
    [
        Node("collection", {"name": "regular", "type": "error"}, [Node("error", {"code": "500"})]),
        Node("collection", {"name": "regular"}, [Node("patches", {}, [GARBAGE])]),
        Node("collection", {"name": "regular"}, [Node("snapshot", {}, b"ref")]),
        Node("collection", {"name": "other"}),
        Node("collection", {"name": "regular", "has_more_patches": "true"}),
    ],
)
async def test_bad_answers_are_refused_with_the_typed_error(store: Store, answer: Node) -> None:
    server = ScriptedServer()
    sync, _ = await online(store, server)
    server.answer_override = answer
    with pytest.raises(AppStateSyncError):
        await sync.sync_collection("regular")
    assert await sync.sync(["regular"]) == []  # logged, never raised out of the handler


def paired(store: Store) -> None:
    store.save_account(
        made_up_account("15550001111:3@s.whatsapp.net", "100000000000001:3@lid", "Alice")
    )


async def test_a_key_share_another_command_archived_is_found(store: Store) -> None:
    """`wacli presence` reads messages without this hook: the share is in the archive."""
    paired(store)
    Archive(store).add_message(
        ArchivedMessage(
            chat="15550001111@s.whatsapp.net",
            id="3A02",
            sender="15550001111@s.whatsapp.net",
            from_me=True,
            timestamp=1,
            type="protocol",
            text=None,
            raw=key_share().SerializeToString(),
        )
    )
    server = ScriptedServer()
    name = sync_action_pb2.SyncActionValue(timestamp=1)
    name.push_name_setting.name = "Alice A."
    server.write("critical_block", ["setting_pushName"], name)
    _, sunk = await online(store, server)
    assert store.app_state_key(KEY_ID) == KEY
    assert sunk == [ev.SelfPushNameUpdated(from_server=True, old_name="Alice", new_name="Alice A.")]
    # the new name is announced with our presence, as WhatsApp Web does
    assert server.sent == [Node("presence", {"type": "unavailable", "name": "Alice A."})]
    account = store.load_account()
    assert account is not None and account.push_name == "Alice A."


async def test_pages_are_followed_until_the_last(store: Store) -> None:
    server = ScriptedServer()
    server.page = 2
    for n in range(5):
        server.write("regular_low", ["pin_v1", f"1555000{n:04d}@s.whatsapp.net"], pin(True))
    give_key(store)
    _, sunk = await online(store, server)
    assert len(sunk) == 5 and all(e.from_full_sync for e in sunk)  # type: ignore[attr-defined]
    assert server.asked.count(("regular_low", "false")) == 2  # after the first page
    saved = store.load_collection("regular_low")
    assert saved is not None and saved.version == 5
