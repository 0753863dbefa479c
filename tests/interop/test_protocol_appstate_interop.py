"""wacli's app-state crypto against whatsapp-rust-bridge and Baileys' chat-utils.

The bridge (the Rust client compiled to WASM) checks every primitive byte for
byte on random inputs: key expansion, index MAC, value MAC, snapshot MAC,
patch MAC and the LTHash update. Baileys' encodeSyncdPatch/decodeSyncdMutations
check the whole record pipeline both ways: a patch Baileys builds opens and
verifies with wacli, and records wacli seals decode in Baileys with its MAC
checks on, leaving both sides with the same LTHash; whole snapshots and
patch chains wacli builds decode in Baileys' decodeSyncdSnapshot /
decodePatches without a MAC warning, and patches Baileys builds verify and
decode with wacli's decode_patch.
"""

import json
import os
import random
from collections.abc import Iterator

import pytest

from bench.node import NodeProcess, b64, unb64
from tests.unit.appstate_support import snapshot_of
from wacli.proto import sync_action_pb2, syncd_pb2
from wacli.protocol.appstate_crypto import (
    AppStateHash,
    Mutation,
    Operation,
    expand_app_state_keys,
    index_mac,
    lthash_subtract_then_add,
    open_record_value,
    patch_mac,
    seal_record_value,
    snapshot_mac,
    value_mac,
    value_mac_of,
)
from wacli.protocol.appstate_patch import NewMutation, decode_patch, encode_patch

pytestmark = pytest.mark.interop
NAMES = ["regular", "regular_low", "regular_high", "critical_block", "critical_unblock_low"]


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("protocol_appstate.mjs") as proc:
        yield proc


def test_key_expansion_matches(node: NodeProcess) -> None:
    for size in (32, 32, 32, 1, 16, 64, 100):
        key = os.urandom(size)
        k = expand_app_state_keys(key)
        theirs = [unb64(x) for x in node.call("expand", key=b64(key))]
        assert theirs == [k.index, k.value_encryption, k.value_mac, k.snapshot_mac, k.patch_mac]


def test_macs_match_on_random_inputs(node: NodeProcess) -> None:
    rng = random.Random(0x5EED)
    for _ in range(40):
        key = os.urandom(32)
        data = os.urandom(rng.randrange(0, 300))
        key_id = os.urandom(rng.randrange(0, 20))
        op = rng.choice(list(Operation))
        assert unb64(node.call("index_mac", index=b64(data), key=b64(key))) == index_mac(key, data)
        # the bridge's generateContentMac takes the operation byte itself (SET 1, REMOVE 2)
        theirs = node.call(
            "content_mac", operation=int(op) + 1, data=b64(data), key_id=b64(key_id), key=b64(key)
        )
        assert unb64(theirs) == value_mac(key, op, data, key_id)
        lthash, version, name = os.urandom(128), rng.randrange(0, 1 << 63), rng.choice(NAMES)
        theirs = node.call(
            "snapshot_mac", lthash=b64(lthash), version=str(version), name=name, key=b64(key)
        )
        ours = snapshot_mac(key, lthash, version, name)
        assert unb64(theirs) == ours
        macs = [os.urandom(32) for _ in range(rng.randrange(0, 6))]
        theirs = node.call(
            "patch_mac",
            snapshot_mac=b64(ours),
            value_macs=[b64(m) for m in macs],
            version=str(version),
            name=name,
            key=b64(key),
        )
        assert unb64(theirs) == patch_mac(key, ours, macs, version, name)


def test_lthash_matches(node: NodeProcess) -> None:
    rng = random.Random(7)
    for _ in range(30):
        base = os.urandom(128) if rng.random() < 0.7 else bytes(128)
        sub = [os.urandom(32) for _ in range(rng.randrange(0, 5))]
        add = [os.urandom(32) for _ in range(rng.randrange(0, 5))]
        theirs = node.call(
            "subtract_then_add",
            base=b64(base),
            subtract=[b64(m) for m in sub],
            add=[b64(m) for m in add],
        )
        assert unb64(theirs) == lthash_subtract_then_add(base, sub, add)


def _plain(state: AppStateHash) -> dict:
    return {
        "version": state.version,
        "hash": b64(state.hash),
        "macs": {b64(k): b64(v) for k, v in state},
    }


def _from_plain(plain: dict) -> AppStateHash:
    macs = {unb64(k): unb64(v) for k, v in plain["macs"].items()}
    return AppStateHash(plain["version"], unb64(plain["hash"]), macs)


def test_baileys_patches_verify_and_open_in_wacli(node: NodeProcess) -> None:
    key, key_id = os.urandom(32), os.urandom(6)
    keys = expand_app_state_keys(key)
    ours = AppStateHash()
    chats = [f"{4915550000 + i}@s.whatsapp.net" for i in range(4)]
    for step in range(16):
        op = Operation.REMOVE if step % 5 == 4 else Operation.SET
        index = ["mute", chats[step % len(chats)]]
        name = "regular_high"
        out = node.call(
            "baileys_encode",
            name=name,
            index=index,
            action={"timestamp": 1700000000 + step, "muteAction": {"muted": step % 2 == 0}},
            api_version=2,
            operation=int(op),
            key_id=b64(key_id),
            key=b64(key),
            state=_plain(ours),
        )
        blob, imac = unb64(out["value"]), unb64(out["index_mac"])
        data = sync_action_pb2.SyncActionData.FromString(open_record_value(keys, key_id, op, blob))
        assert json.loads(data.index) == index
        assert data.value.timestamp == 1700000000 + step
        assert data.value.mute_action.muted == (step % 2 == 0)
        assert index_mac(keys.index, data.index) == imac
        ours.apply([Mutation(op, imac, value_mac_of(blob))], ours.version + 1)
        # (Baileys' own map also keeps a REMOVEd index after encoding; the hash is the contract)
        assert (ours.version, b64(ours.hash)) == (out["state"]["version"], out["state"]["hash"])
        smac = ours.snapshot_mac(keys, name)
        assert smac == unb64(out["snapshot_mac"])
        pmac = patch_mac(keys.patch_mac, smac, [value_mac_of(blob)], ours.version, name)
        assert pmac == unb64(out["patch_mac"])


def test_wacli_records_decode_in_baileys(node: NodeProcess) -> None:
    key, key_id = os.urandom(32), os.urandom(6)
    keys = expand_app_state_keys(key)
    ours = AppStateHash()
    rng = random.Random(11)
    for batch_no in range(6):
        before = _plain(ours)
        mutations, wire, expected = [], [], []
        for n in range(rng.randrange(1, 5)):
            op = Operation.REMOVE if rng.random() < 0.3 else Operation.SET
            index = json.dumps(["pin_v1", f"{rng.randrange(5)}@s.whatsapp.net"]).encode()
            data = sync_action_pb2.SyncActionData(index=index, version=5)
            data.value.timestamp = 1000 * batch_no + n
            data.value.pin_action.pinned = op == Operation.SET
            blob = seal_record_value(keys, key_id, op, data.SerializeToString())
            imac = index_mac(keys.index, index)
            mutations.append(Mutation(op, imac, value_mac_of(blob)))
            wire.append({"operation": int(op), "index_mac": b64(imac), "value": b64(blob)})
            expected.append({"index": json.loads(index), "timestamp": str(1000 * batch_no + n)})
        ours.apply(mutations, batch_no + 1)
        before["version"] = batch_no + 1
        out = node.call(
            "baileys_decode", mutations=wire, key_id=b64(key_id), key=b64(key), state=before
        )
        assert out["seen"] == expected
        assert out["state"] == _plain(ours)
        assert _from_plain(out["state"]).hash == ours.hash


def _lookup(key_id: bytes, key: bytes):
    keys = expand_app_state_keys(key)
    return lambda wanted: keys if wanted == key_id else None


def _mute(jid: str, muted: bool, op: Operation = Operation.SET) -> NewMutation:
    action = sync_action_pb2.SyncActionValue(timestamp=1700000000)
    action.mute_action.muted = muted
    return NewMutation(op, ["mute", jid], action)


def test_baileys_decodes_wacli_snapshot_and_patches(node: NodeProcess) -> None:
    key, key_id = os.urandom(32), os.urandom(6)
    keys = expand_app_state_keys(key)
    name = "regular_high"
    snap, state = snapshot_of(
        name, 3, key_id, keys, [_mute(f"{i}@s.whatsapp.net", i % 2 == 0) for i in range(5)]
    )
    out = node.call(
        "baileys_decode_snapshot",
        name=name,
        snapshot=b64(snap.SerializeToString()),
        key_id=b64(key_id),
        key=b64(key),
    )
    assert out["warnings"] == []
    assert out["state"] == _plain(state)
    assert len(out["indexes"]) == 5
    start = state
    patches = []
    for n in range(4):
        changes = [_mute(f"{n}@s.whatsapp.net", True), _mute(f"{n + 10}@g.us", False)]
        if n:
            changes.append(_mute(f"{n - 1}@s.whatsapp.net", False, Operation.REMOVE))
        patch, state = encode_patch(name, state, key_id, keys, changes)
        patch.version.version = state.version  # stamped by the server when relayed
        patches.append(b64(patch.SerializeToString()))
    out = node.call(
        "baileys_decode_patches",
        name=name,
        patches=patches,
        state=_plain(start),
        key_id=b64(key_id),
        key=b64(key),
    )
    assert out["warnings"] == []
    assert out["state"] == _plain(state)


def test_wacli_decodes_baileys_patches(node: NodeProcess) -> None:
    key, key_id = os.urandom(32), os.urandom(6)
    lookup = _lookup(key_id, key)
    state = AppStateHash()
    name = "regular_low"
    for step in range(6):
        op = Operation.REMOVE if step == 4 else Operation.SET
        out = node.call(
            "baileys_encode",
            name=name,
            index=["pin_v1", f"{step % 3}@s.whatsapp.net"],
            action={"timestamp": 1700000000 + step, "pinAction": {"pinned": op == Operation.SET}},
            api_version=5,
            operation=int(op),
            key_id=b64(key_id),
            key=b64(key),
            state=_plain(state),
        )
        patch = syncd_pb2.SyncdPatch.FromString(unb64(out["patch"]))
        assert not patch.HasField("version")  # Baileys leaves it to the server
        patch.version.version = state.version + 1
        new, [mutation] = decode_patch(name, patch, state, lookup)
        assert (new.version, b64(new.hash)) == (out["state"]["version"], out["state"]["hash"])
        assert mutation.operation == op
        assert mutation.index == ["pin_v1", f"{step % 3}@s.whatsapp.net"]
        assert mutation.api_version == 5
        assert mutation.action.timestamp == 1700000000 + step
        state = new
