"""App-state snapshots (wacli.protocol.appstate_snapshot): compacting a patch chain keeps
its LTHash, the sealed blob round-trips through the md-app-state media format, and every
bad reference, blob or snapshot is an AppStateError (MissingKeyError for an unknown key)."""

from __future__ import annotations

import contextlib
import os

import pytest
from google.protobuf.message import DecodeError
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.proto import sync_action_pb2, syncd_pb2
from wacli.protocol.appstate_crypto import AppStateHash, Operation, expand_app_state_keys
from wacli.protocol.appstate_patch import (
    MissingKeyError,
    NewMutation,
    decode_patch,
    decode_snapshot,
    encode_patch,
)
from wacli.protocol.appstate_snapshot import (
    build_snapshot,
    live_records,
    open_snapshot,
    parse_reference,
    parse_snapshot,
    seal_snapshot,
)
from wacli.protocol.errors import AppStateError

KEY_ID = b"\x00\x01\x02\x03\x04\x05"
KEY = expand_app_state_keys(bytes(range(32)))
NAME = "regular_low"


def lookup(key_id: bytes):  # type: ignore[no-untyped-def]
    return KEY if key_id == KEY_ID else None


def pin(jid: str, pinned: bool, operation: Operation = Operation.SET) -> NewMutation:
    action = sync_action_pb2.SyncActionValue(timestamp=1)
    action.pin_action.pinned = pinned
    return NewMutation(operation, ["pin_v1", jid], action, 5)


def chain(*batches: list[NewMutation]) -> tuple[list[syncd_pb2.SyncdPatch], AppStateHash]:
    """Patches as the server stores them (version stamped), and the state they reach."""
    state = AppStateHash()
    patches = []
    for batch in batches:
        patch, state = encode_patch(NAME, state, KEY_ID, KEY, batch)
        patch.version.version = state.version
        patches.append(patch)
    return patches, state


def sealed_reference(snapshot: syncd_pb2.SyncdSnapshot) -> tuple[bytes, bytes]:
    sealed = seal_snapshot(snapshot)
    sealed.reference.direct_path = "/v/t62.7118-24/abc.enc?oh=x"
    return sealed.data, sealed.reference.SerializeToString()


def test_a_snapshot_of_a_chain_has_the_chains_lthash_and_verifies() -> None:
    patches, reached = chain(
        [pin("a@s.whatsapp.net", True), pin("b@s.whatsapp.net", True)],
        [pin("a@s.whatsapp.net", False)],  # replaces a's record
        [pin("b@s.whatsapp.net", True, Operation.REMOVE), pin("c@s.whatsapp.net", True)],
    )
    live = live_records(patches)
    assert len(live) == 2
    snapshot, state = build_snapshot(NAME, reached.version, KEY_ID, KEY, live.values())
    assert state.hash == reached.hash and state.value_macs == reached.value_macs

    data, raw = sealed_reference(snapshot)
    opened = open_snapshot(data, parse_reference(raw))
    verified, mutations = decode_snapshot(NAME, opened, lookup)
    assert verified.version == 3 and verified.hash == reached.hash
    assert {(m.index[1], m.action.pin_action.pinned) for m in mutations} == {
        ("a@s.whatsapp.net", False),
        ("c@s.whatsapp.net", True),
    }
    # The next patch, made on the chain's state, verifies on top of the snapshot.
    following, _ = encode_patch(NAME, reached, KEY_ID, KEY, [pin("d@s.whatsapp.net", True)])
    following.version.version = 4
    decode_patch(NAME, following, verified, lookup)


def test_live_records_skip_a_set_too_short_to_count() -> None:
    patches, _ = chain([pin("a@s.whatsapp.net", True)])
    odd = syncd_pb2.SyncdPatch()
    short = odd.mutations.add()
    short.operation = Operation.SET
    short.record.index.blob = b"i" * 32
    short.record.value.blob = b"too short"
    assert list(live_records([*patches, odd])) == [patches[0].mutations[0].record.index.blob]


def test_tampering_anywhere_is_an_app_state_error() -> None:
    patches, _ = chain([pin("a@s.whatsapp.net", True)], [pin("b@s.whatsapp.net", True)])
    snapshot, _ = build_snapshot(NAME, 2, KEY_ID, KEY, live_records(patches).values())
    data, raw = sealed_reference(snapshot)
    ref = parse_reference(raw)

    flipped = bytearray(data)
    flipped[5] ^= 1
    with pytest.raises(AppStateError, match="does not check out"):
        open_snapshot(bytes(flipped), ref)
    with pytest.raises(AppStateError):
        open_snapshot(data[:-1], ref)
    other = syncd_pb2.ExternalBlobReference()
    other.CopyFrom(ref)
    other.media_key = os.urandom(32)
    with pytest.raises(AppStateError):
        open_snapshot(data, other)

    def altered(change) -> syncd_pb2.SyncdSnapshot:  # type: ignore[no-untyped-def]
        copy = syncd_pb2.SyncdSnapshot()
        copy.CopyFrom(snapshot)
        change(copy)
        return copy

    def flip_value(s: syncd_pb2.SyncdSnapshot) -> None:
        blob = bytearray(s.records[0].value.blob)
        blob[20] ^= 1
        s.records[0].value.blob = bytes(blob)

    for bad in (
        altered(lambda s: setattr(s, "mac", bytes(32))),
        altered(lambda s: setattr(s.version, "version", 3)),  # the MAC binds the version
        altered(lambda s: s.records.pop()),  # a record left out
        altered(flip_value),  # a value changed (its MAC no longer matches)
        altered(lambda s: setattr(s.records[0].index, "blob", bytes(32))),  # index MAC
    ):
        with pytest.raises(AppStateError, match="mismatch"):
            decode_snapshot(NAME, bad, lookup)
    with pytest.raises(AppStateError, match="mismatch"):
        decode_snapshot("regular_high", snapshot, lookup)  # the MAC binds the name
    with pytest.raises(MissingKeyError):
        decode_snapshot(NAME, altered(lambda s: setattr(s.key_id, "id", b"other!")), lookup)


def test_bad_references_and_snapshots_are_refused() -> None:
    good = syncd_pb2.ExternalBlobReference(
        media_key=bytes(32), direct_path="/v/x", file_sha256=bytes(32), file_enc_sha256=bytes(32)
    )
    parse_reference(good.SerializeToString())
    for field, value in (
        ("media_key", bytes(31)),
        ("direct_path", "v/x"),
        ("direct_path", "/v/x\r\nHost: evil"),
        ("direct_path", "/" + "a" * 5000),
        ("file_sha256", b""),
        ("file_enc_sha256", bytes(33)),
    ):
        bad = syncd_pb2.ExternalBlobReference()
        bad.CopyFrom(good)
        setattr(bad, field, value)
        with pytest.raises(AppStateError):
            parse_reference(bad.SerializeToString())
    with pytest.raises(AppStateError, match="malformed"):
        parse_reference(b"\xff\xff")
    with pytest.raises(AppStateError, match="malformed"):
        parse_snapshot(b"\x0a\xff")
    with pytest.raises(AppStateError, match="lacks"):
        parse_snapshot(syncd_pb2.SyncdSnapshot(mac=b"m").SerializeToString())


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_only_app_state_errors(raw: bytes) -> None:
    for parse in (parse_reference, parse_snapshot):
        with contextlib.suppress(AppStateError):
            parse(raw)
    ref = syncd_pb2.ExternalBlobReference(
        media_key=bytes(32), direct_path="/v/x", file_sha256=bytes(32), file_enc_sha256=bytes(32)
    )
    with pytest.raises(AppStateError):
        open_snapshot(raw, ref)
    snapshot = syncd_pb2.SyncdSnapshot()
    try:
        snapshot.ParseFromString(raw)
    except DecodeError:  # only what parses is worth decoding
        return
    with contextlib.suppress(AppStateError):
        decode_snapshot(NAME, snapshot, lookup)
