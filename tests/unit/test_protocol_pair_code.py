"""Pairing by code: both sides agree, layouts are as specified, bad input is a PairingError.

Agreement with Baileys' functions is in tests/interop/test_protocol_pair_code_interop.py.
"""

import hashlib
import os

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from wacli.crypto import dh, generate_key_pair, hkdf_sha256
from wacli.protocol import ProtocolError
from wacli.protocol.pair_code import (
    CODE_ALPHABET,
    KEY_BUNDLE_LEN,
    CompanionPairing,
    PairingError,
    PrimaryPairing,
    format_code,
    generate_code,
    normalize_code,
    unwrap_ephemeral,
    wrap_ephemeral,
)


def test_codes_use_the_alphabet_and_encode_40_bits() -> None:
    assert len(CODE_ALPHABET) == 32 and not set("0IOU") & set(CODE_ALPHABET)
    assert generate_code(bytes(5)) == "11111111"
    assert generate_code(b"\xff" * 5) == "ZZZZZZZZ"
    assert generate_code(b"\x00\x00\x00\x00\x01") == "11111112"
    assert generate_code(b"\x80\x00\x00\x00\x00") == "H1111111"  # top bit -> index 16
    for _ in range(50):
        code = generate_code()
        assert len(code) == 8 and set(code) <= set(CODE_ALPHABET)
    assert format_code("ABCD2345") == "ABCD-2345"
    assert normalize_code(" abcd-2345 ") == "ABCD2345"
    for bad in ["ABC", "ABCD-23456", "ABCD_234", "ÄBCD2345"]:
        with pytest.raises(PairingError):
            normalize_code(bad)


def test_wrap_layout_is_salt_iv_ctr_under_pbkdf2() -> None:
    code, pub, salt, iv = "ABCD2345", os.urandom(32), os.urandom(32), os.urandom(16)
    wrapped = wrap_ephemeral(code, pub, salt, iv)
    key = hashlib.pbkdf2_hmac("sha256", b"ABCD2345", salt, 131072, 32)
    ctr = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    assert wrapped == salt + iv + ctr.update(pub) + ctr.finalize()
    assert unwrap_ephemeral(code, wrapped) == pub
    assert unwrap_ephemeral("ABCD2346", wrapped) != pub
    for bad in (wrapped[:-1], wrapped + b"\x00", b""):
        with pytest.raises(PairingError):
            unwrap_ephemeral(code, bad)
    with pytest.raises(PairingError):
        wrap_ephemeral(code, pub[:31])


def _pair() -> tuple[CompanionPairing, PrimaryPairing, object, bytes]:
    companion = CompanionPairing.start()
    phone = generate_key_pair()
    primary = PrimaryPairing.accept(
        companion.display_code.lower(), companion.wrapped_ephemeral, phone
    )
    identity = generate_key_pair()
    finish = companion.finish(primary.wrapped_ephemeral, phone.public, identity)
    return companion, primary, finish, identity.public


def test_companion_and_primary_derive_the_same_adv_secret() -> None:
    companion, primary, finish, identity_pub = _pair()
    assert primary.companion_ephemeral == companion.ephemeral.public
    assert len(finish.wrapped_key_bundle) == KEY_BUNDLE_LEN == 156
    assert finish.companion_identity_public == identity_pub
    assert primary.finish(finish.wrapped_key_bundle, identity_pub) == finish.adv_secret
    assert "adv_secret" not in repr(finish)


def test_adv_secret_is_hkdf_of_both_agreements_and_the_bundle_random() -> None:
    companion = CompanionPairing.start("ABCD2345")
    phone, identity = generate_key_pair(), generate_key_pair()
    primary = PrimaryPairing.accept("ABCD-2345", companion.wrapped_ephemeral, phone)
    random = os.urandom(32)
    finish = companion.finish(primary.wrapped_ephemeral, phone.public, identity, random=random)
    e = dh(companion.ephemeral.private, primary.ephemeral.public)
    i = dh(identity.private, phone.public)
    assert finish.adv_secret == hkdf_sha256(e + i + random, 32, info=b"adv_secret")


def test_tampered_bundle_or_wrong_identity_is_rejected() -> None:
    _, primary, finish, identity_pub = _pair()
    bundle = finish.wrapped_key_bundle
    for i in (0, 40, 100, len(bundle) - 1):
        bad = bytearray(bundle)
        bad[i] ^= 1
        with pytest.raises(PairingError):
            primary.finish(bytes(bad), identity_pub)
    with pytest.raises(PairingError):
        primary.finish(bundle, generate_key_pair().public)
    for bad_len in (bundle[:-1], bundle + b"\x00", b""):
        with pytest.raises(ProtocolError):
            primary.finish(bad_len, identity_pub)


def test_bundle_naming_another_primary_is_rejected() -> None:
    companion = CompanionPairing.start()
    phone = generate_key_pair()
    primary = PrimaryPairing.accept(companion.code, companion.wrapped_ephemeral, phone)
    # the companion is told another primary identity (a man in the middle's)
    finish = companion.finish(
        primary.wrapped_ephemeral, generate_key_pair().public, generate_key_pair()
    )
    with pytest.raises(PairingError, match="primary identity"):
        primary.finish(finish.wrapped_key_bundle, finish.companion_identity_public)


def test_wrong_code_fails_at_finish() -> None:
    companion = CompanionPairing.start()
    phone = generate_key_pair()
    wrong = generate_code()
    assert wrong != companion.code
    primary = PrimaryPairing.accept(wrong, companion.wrapped_ephemeral, phone)
    finish = companion.finish(primary.wrapped_ephemeral, phone.public, generate_key_pair())
    with pytest.raises(PairingError, match="wrong code"):
        primary.finish(finish.wrapped_key_bundle, finish.companion_identity_public)


def test_malformed_keys_are_pairing_errors() -> None:
    companion = CompanionPairing.start()
    identity = generate_key_pair()
    with pytest.raises(PairingError):  # primary identity of the wrong size
        companion.finish(
            wrap_ephemeral(companion.code, generate_key_pair().public), b"\x01" * 31, identity
        )
    with pytest.raises(PairingError):  # a low-order point as the primary's ephemeral key
        companion.finish(wrap_ephemeral(companion.code, bytes(32)), os.urandom(32), identity)
    with pytest.raises(PairingError):
        PrimaryPairing.accept("short", companion.wrapped_ephemeral, identity)
