"""App-state patches and snapshots: build, verify, decode; tampering and missing keys.

Baileys decodes what wacli builds and the reverse in
tests/interop/test_protocol_appstate_interop.py.
"""

import os

import pytest

from tests.unit.appstate_support import snapshot_of
from wacli.proto import sync_action_pb2, syncd_pb2
from wacli.protocol.appstate_crypto import (
    AppStateError,
    AppStateHash,
    Mutation,
    Operation,
    expand_app_state_keys,
    index_mac,
    patch_mac,
    seal_record_value,
    value_mac_of,
)
from wacli.protocol.appstate_patch import (
    MissingKeyError,
    NewMutation,
    decode_patch,
    decode_snapshot,
    encode_patch,
)

KEY_ID = b"\x00\x00\x00\x00\x12\x34"
KEYS = expand_app_state_keys(os.urandom(32))


def lookup(key_id: bytes):
    return KEYS if key_id == KEY_ID else None


def mute(jid: str, muted: bool, op: Operation = Operation.SET) -> NewMutation:
    action = sync_action_pb2.SyncActionValue(timestamp=1700000000)
    action.mute_action.muted = muted
    return NewMutation(op, ["mute", jid], action)


def _with_version(patch: syncd_pb2.SyncdPatch, version: int) -> syncd_pb2.SyncdPatch:
    out = syncd_pb2.SyncdPatch()
    out.CopyFrom(patch)
    out.version.version = version
    return out


def test_snapshot_then_patches_round_trip() -> None:
    snap, state = snapshot_of(
        "regular_high",
        5,
        KEY_ID,
        KEYS,
        [mute("1@s.whatsapp.net", True), mute("2@x", False), mute("4@x", True)],
    )
    wire = syncd_pb2.SyncdSnapshot.FromString(snap.SerializeToString())
    got_state, muts = decode_snapshot("regular_high", wire, lookup)
    assert (got_state.version, got_state.hash, dict(got_state)) == (5, state.hash, dict(state))
    assert [m.index[1] for m in muts] == ["1@s.whatsapp.net", "2@x", "4@x"]
    assert muts[0].action.mute_action.muted and muts[0].api_version == 2

    patch, after = encode_patch(
        "regular_high",
        got_state,
        KEY_ID,
        KEYS,
        [mute("1@s.whatsapp.net", False), mute("2@x", False, Operation.REMOVE), mute("3@ü", True)],
    )
    assert after.version == 6 and got_state.version == 5  # input left alone
    wire_patch = syncd_pb2.SyncdPatch.FromString(patch.SerializeToString())
    with pytest.raises(AppStateError, match="no version"):
        decode_patch("regular_high", wire_patch, got_state, lookup)
    wire_patch.version.version = 6  # as the server stamps it
    with pytest.raises(AppStateError, match="snapshot MAC"):  # MACs bind the version
        decode_patch("regular_high", _with_version(wire_patch, 7), got_state, lookup)
    new, muts = decode_patch("regular_high", wire_patch, got_state, lookup)
    assert (new.version, new.hash, dict(new)) == (6, after.hash, dict(after))
    assert [(m.operation, m.index[1]) for m in muts] == [
        (Operation.SET, "1@s.whatsapp.net"),
        (Operation.REMOVE, "2@x"),
        (Operation.SET, "3@ü"),
    ]
    assert len(dict(new)) == 3
    # the patch only fits the state it was made for, and only under its collection name
    with pytest.raises(AppStateError, match="snapshot MAC"):
        decode_patch("regular_high", wire_patch, AppStateHash(), lookup)
    with pytest.raises(AppStateError, match="snapshot MAC"):
        decode_patch("regular_low", wire_patch, got_state, lookup)


def test_tampering_is_detected_and_leaves_state_alone() -> None:
    state = AppStateHash()
    patch, _ = encode_patch("regular", state, KEY_ID, KEYS, [mute("a@b", True), mute("c@d", True)])
    patch = _with_version(patch, 1)
    for field in ("patch_mac", "snapshot_mac"):
        bad = syncd_pb2.SyncdPatch()
        bad.CopyFrom(patch)
        setattr(bad, field, bytes(32))
        with pytest.raises(AppStateError, match="MAC"):
            decode_patch("regular", bad, state, lookup)
    # swapping two records keeps the hash but breaks the patch MAC
    bad = syncd_pb2.SyncdPatch()
    bad.CopyFrom(patch)
    a, b = (syncd_pb2.SyncdMutation() for _ in range(2))
    a.CopyFrom(bad.mutations[0])
    b.CopyFrom(bad.mutations[1])
    bad.mutations[0].CopyFrom(b)
    bad.mutations[1].CopyFrom(a)
    with pytest.raises(AppStateError, match="patch MAC"):
        decode_patch("regular", bad, state, lookup)
    assert state == AppStateHash()


def test_record_whose_index_mac_lies_is_refused() -> None:
    # a sender with the keys re-points a record at another index: MACs all recomputed
    # except the index MAC, which must match the decrypted index
    patch, _ = encode_patch("regular", AppStateHash(), KEY_ID, KEYS, [mute("a@b", True)])
    patch = _with_version(patch, 1)
    other, _ = encode_patch("regular", AppStateHash(), KEY_ID, KEYS, [mute("z@z", True)])
    forged = syncd_pb2.SyncdPatch()
    forged.CopyFrom(patch)
    forged.mutations[0].record.index.blob = other.mutations[0].record.index.blob
    forged.ClearField("snapshot_mac")
    rebuilt = AppStateHash()
    blob = forged.mutations[0].record.value.blob
    rebuilt.apply(
        [Mutation(Operation.SET, forged.mutations[0].record.index.blob, value_mac_of(blob))], 1
    )
    forged.snapshot_mac = rebuilt.snapshot_mac(KEYS, "regular")
    forged.patch_mac = patch_mac(
        KEYS.patch_mac, forged.snapshot_mac, [value_mac_of(blob)], 1, "regular"
    )
    with pytest.raises(AppStateError, match="index MAC"):
        decode_patch("regular", forged, AppStateHash(), lookup)


def test_missing_key_names_the_key() -> None:
    patch, _ = encode_patch("regular", AppStateHash(), b"\x09" * 6, KEYS, [mute("a@b", True)])
    patch = _with_version(patch, 1)
    with pytest.raises(MissingKeyError) as info:
        decode_patch("regular", patch, AppStateHash(), lookup)
    assert info.value.key_id == b"\x09" * 6


def test_malformed_records() -> None:
    # values that decrypt and MAC fine (the index MAC matches too) but are not
    # SyncActionData, or whose index is not a JSON list of strings
    for index, plaintext in (
        (b"", b"\xff\xff\xff"),
        (b"{", sync_action_pb2.SyncActionData(index=b"{").SerializeToString()),
        (b'{"a":1}', sync_action_pb2.SyncActionData(index=b'{"a":1}').SerializeToString()),
        (b"[1]", sync_action_pb2.SyncActionData(index=b"[1]").SerializeToString()),
    ):
        snap = syncd_pb2.SyncdSnapshot()
        rec = snap.records.add()
        rec.key_id.id = KEY_ID
        rec.value.blob = seal_record_value(KEYS, KEY_ID, Operation.SET, plaintext)
        rec.index.blob = index_mac(KEYS.index, index)
        state = AppStateHash()
        state.apply([Mutation(Operation.SET, rec.index.blob, value_mac_of(rec.value.blob))], 1)
        snap.version.version = 1
        snap.key_id.id = KEY_ID
        snap.mac = state.snapshot_mac(KEYS, "regular")
        with pytest.raises(AppStateError):
            decode_snapshot("regular", snap, lookup)
    bad = syncd_pb2.SyncdPatch()
    bad.external_mutations.direct_path = "/x"
    with pytest.raises(AppStateError, match="external"):
        decode_patch("regular", bad, AppStateHash(), lookup)
