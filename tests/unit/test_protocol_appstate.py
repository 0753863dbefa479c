"""App-state crypto: round trips, tamper detection and LTHash algebra.

Byte-exact agreement with independent implementations is in
tests/interop/test_protocol_appstate_interop.py.
"""

import hashlib
import hmac
import os

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.protocol import ProtocolError
from wacli.protocol.appstate_crypto import (
    LTHASH_LEN,
    AppStateError,
    AppStateHash,
    Mutation,
    Operation,
    decrypt_value,
    encrypt_value,
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

KEY_ID = b"\x00\x00\x00\x01\x7f"


def test_key_expansion_is_rfc5869_hkdf_cut_in_five() -> None:
    key = os.urandom(32)
    ref = HKDF(hashes.SHA256(), 160, salt=None, info=b"WhatsApp Mutation Keys").derive(key)
    keys = expand_app_state_keys(key)
    assert (
        keys.index + keys.value_encryption + keys.value_mac + keys.snapshot_mac + (keys.patch_mac)
        == ref
    )
    assert repr(keys) == "AppStateKeys(...)"
    index = b'["mute","123@s.whatsapp.net"]'
    assert index_mac(keys.index, index) == hmac.digest(keys.index, index, hashlib.sha256)


def test_value_mac_layout() -> None:
    key, data = os.urandom(32), os.urandom(48)
    ref = hmac.new(key, b"\x02" + KEY_ID + data + (len(KEY_ID) + 1).to_bytes(8, "big"), "sha512")
    assert value_mac(key, Operation.REMOVE, data, KEY_ID) == ref.digest()[:32]
    assert value_mac(key, Operation.SET, data, KEY_ID) != value_mac(
        key, Operation.REMOVE, data, KEY_ID
    )
    with pytest.raises(AppStateError):
        value_mac(key, 7, data, KEY_ID)
    # WhatsApp Web keeps only the low byte of the length (matters only for 255+ byte ids)
    long_id = bytes(300)
    ref = hmac.new(key, b"\x01" + long_id + data + bytes(7) + bytes(((301) & 0xFF,)), "sha512")
    assert value_mac(key, Operation.SET, data, long_id) == ref.digest()[:32]


def test_snapshot_and_patch_macs_bind_version_and_name() -> None:
    key, lthash = os.urandom(32), os.urandom(LTHASH_LEN)
    base = snapshot_mac(key, lthash, 5, "regular")
    assert base == hmac.digest(key, lthash + (5).to_bytes(8, "big") + b"regular", hashlib.sha256)
    assert base != snapshot_mac(key, lthash, 6, "regular")
    assert base != snapshot_mac(key, lthash, 5, "regular_low")
    macs = [os.urandom(32) for _ in range(3)]
    p = patch_mac(key, base, macs, 5, "regular")
    assert p == hmac.digest(
        key, base + b"".join(macs) + (5).to_bytes(8, "big") + b"regular", hashlib.sha256
    )
    assert p != patch_mac(key, base, macs[::-1], 5, "regular")
    with pytest.raises(AppStateError):
        snapshot_mac(key, lthash[:-1], 1, "regular")
    with pytest.raises(AppStateError):
        snapshot_mac(key, lthash, -1, "regular")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(list(Operation)))
def test_record_value_round_trip(plaintext: bytes, op: Operation) -> None:
    keys = expand_app_state_keys(b"k" * 32)
    blob = seal_record_value(keys, KEY_ID, op, plaintext)
    assert open_record_value(keys, KEY_ID, op, blob) == plaintext
    assert value_mac_of(blob) == blob[-32:]
    assert decrypt_value(keys.value_encryption, blob[:-32]) == plaintext


def test_tampering_is_a_typed_error() -> None:
    keys = expand_app_state_keys(os.urandom(32))
    blob = seal_record_value(keys, KEY_ID, Operation.SET, b"hello world")
    for i in (0, 16, len(blob) - 33, len(blob) - 1):
        bad = bytearray(blob)
        bad[i] ^= 0x40
        with pytest.raises(AppStateError):
            open_record_value(keys, KEY_ID, Operation.SET, bytes(bad))
    with pytest.raises(AppStateError):  # the operation is bound into the MAC
        open_record_value(keys, KEY_ID, Operation.REMOVE, blob)
    with pytest.raises(AppStateError):  # and so is the key id
        open_record_value(keys, KEY_ID + b"\x00", Operation.SET, blob)
    for short in (b"", blob[:40], blob[:63]):
        with pytest.raises(ProtocolError):
            open_record_value(keys, KEY_ID, Operation.SET, short)


def test_bad_ciphertext_shapes_and_padding() -> None:
    key = os.urandom(32)
    for n in (0, 15, 16, 17, 31, 33):
        with pytest.raises(AppStateError):
            decrypt_value(key, os.urandom(n))
    # well-formed blocks whose plaintext ends in a zero byte: invalid PKCS#7
    iv = os.urandom(16)
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    with pytest.raises(AppStateError, match="padding"):
        decrypt_value(key, iv + enc.update(b"abc" + bytes(13)) + enc.finalize())
    with pytest.raises(AppStateError):
        encrypt_value(key, b"x", iv=b"short")


macs = st.lists(st.binary(min_size=32, max_size=32), max_size=6)


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=128, max_size=128), macs, macs)
def test_lthash_add_then_subtract_is_identity_and_order_free(
    base: bytes, a: list[bytes], b: list[bytes]
) -> None:
    added = lthash_subtract_then_add(base, [], a + b)
    assert lthash_subtract_then_add(added, a + b, []) == base
    assert lthash_subtract_then_add(base, [], b[::-1] + a) == added
    assert lthash_subtract_then_add(added, b, []) == lthash_subtract_then_add(base, [], a)


def test_lthash_lanes_are_little_endian_uint16_with_wraparound() -> None:
    mac = os.urandom(32)
    stretched = HKDF(hashes.SHA256(), 128, salt=None, info=b"WhatsApp Patch Integrity").derive(mac)
    base = b"\xff\xff" * 64
    out = lthash_subtract_then_add(base, [], [mac])
    for i in range(0, 128, 2):
        lane = int.from_bytes(stretched[i : i + 2], "little")
        assert int.from_bytes(out[i : i + 2], "little") == (0xFFFF + lane) % 65536
    with pytest.raises(AppStateError):
        lthash_subtract_then_add(base[:-2], [], [])


def test_hash_state_set_replace_remove() -> None:
    i1, i2 = os.urandom(32), os.urandom(32)
    v1, v2, v3 = (os.urandom(32) for _ in range(3))
    state = AppStateHash()
    assert state.apply([Mutation(Operation.SET, i1, v1), Mutation(Operation.SET, i2, v2)], 1) == []
    assert state.version == 1
    assert state.hash == lthash_subtract_then_add(bytes(128), [], [v1, v2])
    # SET on a live index replaces its value; REMOVE subtracts it
    before = state.copy()
    state.apply([Mutation(Operation.SET, i1, v3), Mutation(Operation.REMOVE, i2)], 2)
    assert state.hash == lthash_subtract_then_add(bytes(128), [], [v3])
    assert dict(state) == {i1: v3}
    assert before.version == 1 and dict(before) == {i1: v1, i2: v2}  # copy is independent
    # a REMOVE of nothing is reported, not fatal, and leaves the hash alone
    orphan = os.urandom(32)
    h = state.hash
    assert state.apply([Mutation(Operation.REMOVE, orphan)]) == [orphan]
    assert state.hash == h and state.version == 2
    # a SET and a REMOVE of the same index inside one patch cancel out
    state.apply([Mutation(Operation.SET, i2, v2), Mutation(Operation.REMOVE, i2)], 3)
    assert state.hash == h
    snapshot = state.copy()
    with pytest.raises(AppStateError):  # a bad batch is refused whole
        state.apply([Mutation(Operation.REMOVE, i1), Mutation(Operation.SET, i2, b"short")], 9)
    assert (state.version, state.hash, dict(state)) == (
        snapshot.version,
        snapshot.hash,
        dict(snapshot),
    )


def test_hash_state_matches_rebuilding_from_live_records() -> None:
    state = AppStateHash()
    indexes = [os.urandom(32) for _ in range(8)]
    live: dict[bytes, bytes] = {}
    for round_ in range(30):
        batch = []
        for _ in range(3):
            idx = indexes[os.urandom(1)[0] % len(indexes)]
            if os.urandom(1)[0] % 3 == 0:
                batch.append(Mutation(Operation.REMOVE, idx))
                live.pop(idx, None)
            else:
                mac = os.urandom(32)
                batch.append(Mutation(Operation.SET, idx, mac))
                live[idx] = mac
        state.apply(batch, round_)
        assert dict(state) == live
        assert state.hash == lthash_subtract_then_add(bytes(128), [], list(live.values()))
