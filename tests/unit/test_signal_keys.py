"""wacli.signal keys: wire form of public keys, ids, signed prekeys, bundles."""

from __future__ import annotations

from pathlib import Path

import pytest

from wacli.crypto import generate_key_pair, xeddsa_verify
from wacli.signal import (
    InvalidKeyError,
    PreKeyBundle,
    ProtocolAddress,
    SignalError,
    ensure_identity,
    generate_prekeys,
    generate_registration_id,
    generate_signed_prekey,
    new_prekeys,
    own_bundle,
    parse_public,
    rotate_signed_prekey,
    serialize_public,
    verify_prekey_signature,
)
from wacli.signal.keys import next_prekey_id
from wacli.store import Store


def test_public_keys_carry_the_djb_type_byte() -> None:
    kp = generate_key_pair()
    wire = serialize_public(kp.public)
    assert len(wire) == 33 and wire[0] == 0x05
    assert parse_public(wire) == kp.public
    for bad in (kp.public, b"\x06" + kp.public, wire + b"\x00", b""):
        with pytest.raises(InvalidKeyError):
            parse_public(bad)


def test_registration_ids_stay_in_libsignals_range() -> None:
    ids = {generate_registration_id() for _ in range(3000)}
    assert min(ids) >= 1 and max(ids) <= 16380
    assert len(ids) > 2000  # random, not a constant


def test_prekey_ids_wrap_within_24_bits_skipping_zero() -> None:
    assert [r.key_id for r in generate_prekeys(0xFFFFFD, 4)] == [0xFFFFFD, 0xFFFFFE, 1, 2]
    assert next_prekey_id(0xFFFFFE) == 1
    assert next_prekey_id(1, 0xFFFFFE) == 1
    keys = {r.key_pair.public for r in generate_prekeys(1, 20)}
    assert len(keys) == 20


def test_store_allocates_prekey_ids_in_sequence(tmp_path: Path) -> None:
    store = Store(tmp_path)
    ensure_identity(store)
    first = new_prekeys(store, 3)
    assert [r.key_id for r in first] == [1, 2, 3]
    store.set_next_prekey_id(0xFFFFFE)
    assert [r.key_id for r in new_prekeys(store, 2)] == [0xFFFFFE, 1]
    assert store.next_prekey_id() == 2
    assert store.load_prekey(3) == first[2]
    store.close()


def test_signed_prekey_signs_the_prefixed_public_key() -> None:
    identity = generate_key_pair()
    signed = generate_signed_prekey(identity, 7)
    assert signed.key_id == 7
    assert xeddsa_verify(identity.public, b"\x05" + signed.key_pair.public, signed.signature)
    assert not xeddsa_verify(identity.public, signed.key_pair.public, signed.signature)
    assert verify_prekey_signature(identity.public, signed.key_pair.public, signed.signature)
    assert not verify_prekey_signature(
        generate_key_pair().public, signed.key_pair.public, signed.signature
    )


def test_identity_is_created_once_with_a_signed_prekey(tmp_path: Path) -> None:
    store = Store(tmp_path)
    own = ensure_identity(store)
    assert ensure_identity(store) == own
    signed = store.latest_signed_prekey()
    assert signed is not None and signed.key_id == 1
    assert verify_prekey_signature(own.identity.public, signed.key_pair.public, signed.signature)
    assert rotate_signed_prekey(store).key_id == 2
    bundle = own_bundle(store, 5)
    assert bundle.signed_prekey_id == 2 and bundle.device_id == 5
    assert bundle.identity_key == own.identity.public
    assert bundle.prekey is not None and store.load_prekey(bundle.prekey_id) is not None
    assert own_bundle(store, 5, with_prekey=False).prekey is None
    store.close()


def test_bundles_reject_malformed_keys() -> None:
    good = dict(
        registration_id=1,
        device_id=0,
        identity_key=bytes(32),
        signed_prekey_id=1,
        signed_prekey=bytes(32),
        signed_prekey_signature=bytes(64),
    )
    PreKeyBundle(**good)
    for change in (
        {"identity_key": bytes(33)},
        {"signed_prekey": b""},
        {"prekey_id": 1},
        {"prekey": bytes(32)},
        {"prekey_id": 1, "prekey": bytes(31)},
        {"registration_id": 2**32},
        {"signed_prekey_id": -1},
        {"prekey_id": 2**40, "prekey": bytes(32)},
    ):
        with pytest.raises(InvalidKeyError):
            PreKeyBundle(**{**good, **change})


def test_protocol_addresses() -> None:
    address = ProtocolAddress("15551234567", 3)
    assert str(address) == "15551234567.3"
    assert ProtocolAddress.parse("15551234567.3") == address
    for bad in ("noDevice", "x.", "x.y"):
        with pytest.raises(SignalError):
            ProtocolAddress.parse(bad)
    with pytest.raises(SignalError):
        ProtocolAddress("a.b", 1)
    with pytest.raises(SignalError):
        ProtocolAddress("a", -1)
