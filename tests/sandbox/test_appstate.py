"""App-state sync on the sandbox: the phone shares its sync key after linking, admin
changes become MAC'd, LTHash-consistent patches that companions fetch and verify with
wacli's protocol core, companions' uploads are version-checked and announced."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.companion import Session, account, ack
from bench.local_sandbox import Running
from tests.sandbox.appstate_support import (
    ALICE,
    BOB,
    BOB_JID,
    change,
    collection,
    key_share,
    online,
    sync_iq,
    take_keys,
)
from wacli.binary import Node
from wacli.proto import sync_action_pb2
from wacli.protocol.appstate_crypto import AppStateHash, Operation
from wacli.protocol.appstate_crypto import expand_app_state_keys as expand
from wacli.protocol.appstate_patch import NewMutation, encode_patch
from wacli.sandbox import appstate

pytestmark = pytest.mark.anyio


async def server_sync(session: Session) -> Node:
    """The next server_sync notification, acked (others, e.g. devices, are acked too)."""
    while True:
        node = await session.receive_tag("notification")
        await ack(session, node)
        if node.attr("type") == "server_sync":
            assert node.attr("from") == "s.whatsapp.net"
            return node.require_child("collection")


async def test_admin_changes_reach_a_companion_as_verified_patches(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    alice, queued = await online(sandbox, tmp_path / "a1")
    assert queued == []  # no app state yet: nothing to share

    pinned = await change(sandbox, {"chat": BOB_JID, "pin": True})
    assert pinned == {"collection": "regular_low", "version": 1, "index": ["pin_v1", BOB_JID]}
    await take_keys(alice)  # sent before the notification that needs it
    announced = await server_sync(alice.session)
    assert announced.attrs == {"name": "regular_low", "version": "1"}
    await change(sandbox, {"chat": BOB, "archive": True})
    await change(sandbox, {"chat": BOB, "mute_until": 2_000_000_000})
    await change(sandbox, {"chat": BOB, "contact": {"full_name": "Bob B", "first_name": "Bob"}})
    await change(sandbox, {"push_name": "Alice A"})

    answer, low = await alice.fetch("regular_low")
    assert answer.attrs["version"] == "2" and answer.attr("type") == "result"
    assert [(m.index, m.api_version) for m in low] == [
        (["pin_v1", BOB_JID], 5),
        (["archive", BOB_JID], 3),
    ]
    assert low[0].action.pin_action.pinned and low[1].action.archive_chat_action.archived
    _, high = await alice.fetch("regular_high")
    assert high[0].index == ["mute", BOB_JID]
    assert high[0].action.mute_action.mute_end_timestamp == 2_000_000_000_000
    _, contacts = await alice.fetch("critical_unblock_low")
    assert contacts[0].action.contact_action.full_name == "Bob B"
    _, names = await alice.fetch("critical_block")
    assert names[0].index == ["setting_pushName"]
    assert names[0].action.push_name_setting.name == "Alice A"

    # Our LTHash of each collection is the phone's: the patches were consistent.
    status, shown = await sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200
    for name, state in alice.states.items():
        assert shown[name]["version"] == state.version
        assert bytes.fromhex(shown[name]["hash"]) == state.hash
    assert shown["regular"] == {"version": 0, "hash": "00" * 128, "records": 0}

    # Caught up: nothing more to fetch; a pin change replaces the record (SET over SET).
    _, nothing = await alice.fetch("regular_low")
    assert nothing == []
    await change(sandbox, {"chat": BOB, "pin": False})
    _, unpinned = await alice.fetch("regular_low")
    assert not unpinned[0].action.pin_action.pinned
    assert len(alice.states["regular_low"].value_macs) == 2


async def test_companion_uploads_are_version_checked_and_announced(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    first, _ = await online(sandbox, tmp_path / "a1")
    second, _ = await online(sandbox, tmp_path / "a2")
    await change(sandbox, {"chat": BOB, "archive": True})
    for companion in (first, second):
        await take_keys(companion)
        await server_sync(companion.session)
    assert first.keys == second.keys  # one account, one sync key
    key_id, data = next(iter(first.keys.items()))
    # Once the account uses app state, a newly linked companion gets the key at once.
    third, queued = await online(sandbox, tmp_path / "a3")
    shares = [n for n in queued if n.tag == "message" and n.attr("category") == "peer"]
    assert len(shares) == 1 and key_share(third.companion, shares[0]) == first.keys

    action = sync_action_pb2.SyncActionValue(timestamp=1)
    action.mute_action.muted = False
    mutation = NewMutation(Operation.SET, ["mute", BOB_JID], action, 2)
    patch, after = encode_patch("regular_high", AppStateHash(), key_id, expand(data), [mutation])
    reply = await first.session.query(
        sync_iq(collection("regular_high", 0, False, patch.SerializeToString()))
    )
    answer = reply.require_child("sync").require_child("collection")
    assert answer.attrs == {"name": "regular_high", "version": "1", "type": "result"}
    # The other companion hears of it and verifies it; the uploader does not get told.
    assert (await server_sync(second.session)).attr("version") == "1"
    _, seen = await second.fetch("regular_high")
    assert seen[0].index == ["mute", BOB_JID] and second.states["regular_high"].hash == after.hash

    # The same upload again is stale now: 409, with the server's version.
    stale = await first.session.query(
        sync_iq(collection("regular_high", 0, False, patch.SerializeToString()))
    )
    error = stale.require_child("sync").require_child("collection")
    assert error.attrs == {"name": "regular_high", "type": "error", "version": "1"}
    assert error.require_child("error").attrs == {"code": "409", "text": "conflict"}

    # The phone builds on the companion's patch: its next one verifies on top of it.
    await change(sandbox, {"chat": BOB, "mute_until": -1})
    _, more = await second.fetch("regular_high")
    assert more[0].action.mute_action.mute_end_timestamp == -1
    assert second.states["regular_high"].version == 2


async def test_bad_sync_requests_get_collection_errors(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    alice, _ = await online(sandbox, tmp_path / "a1")
    reply = await alice.session.query(
        sync_iq(
            collection("nonsense", 0),
            collection("regular", 0, False, b"\xff\xff\xff"),
            collection("regular_low", 0, False, b""),
            collection("regular_high", 5),
            collection("critical_block", 1 << 70),
        )
    )
    answers = reply.require_child("sync").children_named("collection")
    codes = [(a.attr("name"), a.attr("type"), a.child("error")) for a in answers]
    assert [(n, t, e.attr("code") if e else None) for n, t, e in codes] == [
        ("nonsense", "error", "400"),
        ("regular", "error", "400"),
        ("regular_low", "error", "400"),
        ("regular_high", "result", None),  # ahead of the server: simply nothing to send
        ("critical_block", "error", "400"),
    ]
    for body, status in (
        ({"chat": BOB_JID}, 400),
        ({"chat": "not a jid@@", "pin": True}, 400),
        ({"chat": BOB_JID, "pin": "yes"}, 400),
        ({"chat": BOB_JID, "mute_until": -5}, 400),
        ({"push_name": ""}, 400),
        ([1, 2], 400),
    ):
        got, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/app-state", body)
        assert got == status, body
    got, _ = await sandbox.admin("POST", "/accounts/15559999999/app-state", {"push_name": "X"})
    assert got == 404


async def test_long_chains_come_in_pages(
    sandbox: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(appstate, "PATCHES_PER_ANSWER", 2)
    await account(sandbox, ALICE, "Alice")
    alice, _ = await online(sandbox, tmp_path / "a1")
    for n in range(5):
        await change(sandbox, {"chat": f"1555000{n:04d}", "read": bool(n % 2)})
    await take_keys(alice)
    pages = []
    while True:
        answer, found = await alice.fetch("regular_low")
        pages.append([m.index[1] for m in found])
        if answer.attr("has_more_patches") != "true":
            break
    assert pages == [
        ["15550000000@s.whatsapp.net", "15550000001@s.whatsapp.net"],
        ["15550000002@s.whatsapp.net", "15550000003@s.whatsapp.net"],
        ["15550000004@s.whatsapp.net"],
    ]
    assert alice.states["regular_low"].version == 5


async def test_an_unverifiable_upload_is_kept_and_the_phone_goes_on(
    sandbox: Running, tmp_path: Path
) -> None:
    """The server cannot check MACs (it has no key): it stores what a companion sends.
    The phone, which can, follows the LTHash anyway so that its next patch fits."""
    await account(sandbox, ALICE, "Alice")
    alice, _ = await online(sandbox, tmp_path / "a1")
    await change(sandbox, {"chat": BOB, "pin": True})
    await take_keys(alice)
    await alice.fetch("regular_low")
    key_id, data = next(iter(alice.keys.items()))
    mutation = NewMutation(Operation.SET, ["archive", BOB_JID], sync_action_pb2.SyncActionValue())
    state = alice.states["regular_low"]
    patch, after = encode_patch("regular_low", state, key_id, expand(data), [mutation])
    patch.patch_mac = bytes(32)  # wrong
    reply = await alice.session.query(
        sync_iq(collection("regular_low", 1, False, patch.SerializeToString()))
    )
    assert reply.require_child("sync").require_child("collection").attr("type") == "result"
    _, shown = await sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert shown["regular_low"]["hash"] == after.hash.hex()  # the hash moved all the same
    assert (await change(sandbox, {"chat": BOB, "pin": False}))["version"] == 3
    _, stats = await sandbox.admin("GET", "/stats")
    assert stats["app_state_unverified"] == 1
    status, shown = await sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200 and shown["regular_low"]["version"] == 3
    assert shown["regular_low"]["records"] == 2  # pin_v1 and archive
