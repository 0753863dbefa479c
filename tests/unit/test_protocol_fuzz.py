"""Network bytes into every protocol-core entry point: a ProtocolError or a result, nothing else."""

import contextlib

from google.protobuf.message import DecodeError
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.crypto import generate_key_pair
from wacli.proto import sync_action_pb2, syncd_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.appstate_crypto import (
    AppStateHash,
    AppStateKeys,
    Mutation,
    Operation,
    decrypt_value,
    expand_app_state_keys,
    open_record_value,
)
from wacli.protocol.appstate_patch import NewMutation, decode_patch, decode_snapshot, encode_patch
from wacli.protocol.media_crypto import MediaDecryptor, decrypt_media
from wacli.protocol.padding import unpad_message
from wacli.protocol.pair_code import CompanionPairing, PrimaryPairing, normalize_code

KEYS = expand_app_state_keys(b"\x02" * 32)
MEDIA_KEY = b"\x03" * 32
IDENTITY = generate_key_pair()
COMPANION = CompanionPairing.start("ABCD2345")
PRIMARY = PrimaryPairing.accept("ABCD2345", COMPANION.wrapped_ephemeral, IDENTITY)

blobs = st.binary(max_size=300)


@settings(max_examples=200, deadline=None)
@given(blobs, st.integers(0, 3))
def test_app_state_values(blob: bytes, op: int) -> None:
    for call in (
        lambda: open_record_value(KEYS, b"id", op, blob),
        lambda: decrypt_value(KEYS.value_encryption, blob),
    ):
        with contextlib.suppress(ProtocolError):
            call()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Operation)), blobs, blobs), max_size=5))
def test_app_state_hash(mutations: list[tuple[Operation, bytes, bytes]]) -> None:
    state = AppStateHash()
    with contextlib.suppress(ProtocolError):
        state.apply([Mutation(op, i, v) for op, i, v in mutations])
    assert len(state.hash) == 128


@settings(max_examples=200, deadline=None)
@given(blobs, st.lists(st.integers(1, 50), max_size=5))
def test_media(blob: bytes, cuts: list[int]) -> None:
    with contextlib.suppress(ProtocolError):
        decrypt_media(blob, MEDIA_KEY, "image")
    dec = MediaDecryptor(MEDIA_KEY, "image")
    with contextlib.suppress(ProtocolError):
        pos = 0
        for n in cuts:
            dec.update(blob[pos : pos + n])
            pos += n
        dec.update(blob[pos:])
        dec.finalize()


@settings(max_examples=30, deadline=None)  # each attempt runs PBKDF2 (2<<16 rounds)
@given(blobs, blobs)
def test_pairing_messages(wrapped: bytes, identity: bytes) -> None:
    with contextlib.suppress(ProtocolError):
        COMPANION.finish(wrapped, identity, IDENTITY)
    with contextlib.suppress(ProtocolError):
        PRIMARY.finish(wrapped, identity)


@settings(max_examples=200, deadline=None)
@given(blobs, st.text(max_size=20))
def test_padding_and_codes(blob: bytes, text: str) -> None:
    with contextlib.suppress(ProtocolError):
        unpad_message(blob)
    with contextlib.suppress(ProtocolError):
        normalize_code(text)


@settings(max_examples=200, deadline=None)
@given(blobs)
def test_app_state_patches_and_snapshots(blob: bytes) -> None:
    def lookup(_key_id: bytes) -> AppStateKeys:
        return KEYS

    for cls, decode in (
        (syncd_pb2.SyncdPatch, lambda m: decode_patch("regular", m, AppStateHash(), lookup)),
        (syncd_pb2.SyncdSnapshot, lambda m: decode_snapshot("regular", m, lookup)),
    ):
        msg = cls()
        try:
            msg.ParseFromString(blob)
        except DecodeError:
            continue  # not a protobuf at all: the caller's parse step refuses it
        with contextlib.suppress(ProtocolError):
            decode(msg)


def _valid_patch_bytes() -> bytes:
    action = sync_action_pb2.SyncActionValue(timestamp=1)
    action.pin_action.pinned = True
    changes = [
        NewMutation(Operation.SET, ["pin_v1", "a@b"], action),
        NewMutation(Operation.REMOVE, ["x"], action),
    ]
    patch, _ = encode_patch("regular", AppStateHash(), b"k", KEYS, changes)
    patch.version.version = 1
    return patch.SerializeToString()


VALID_PATCH = _valid_patch_bytes()


def _decode_bytes(data: bytes) -> tuple[bytes, list]:
    msg = syncd_pb2.SyncdPatch.FromString(data)
    state, muts = decode_patch("regular", msg, AppStateHash(), lambda _k: KEYS)
    return state.hash, [(m.operation, m.index, m.action.SerializeToString()) for m in muts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(VALID_PATCH) - 1), st.integers(0, 255)), max_size=4))
def test_corrupted_valid_patch(edits: list[tuple[int, int]]) -> None:
    """Edits either fail cleanly or touch nothing the MACs cover (e.g. the patch's key id)."""
    data = bytearray(VALID_PATCH)
    for pos, value in edits:
        data[pos] = value
    try:
        got = _decode_bytes(bytes(data))
    except (DecodeError, ProtocolError):
        return
    assert got == _decode_bytes(VALID_PATCH)
