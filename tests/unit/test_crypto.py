import pytest

from wacli.crypto import (
    CryptoError,
    dh,
    generate_key_pair,
    hkdf_sha256,
    key_pair_from_private,
    xeddsa_sign,
    xeddsa_verify,
)


def test_hkdf_matches_rfc5869_case_1() -> None:
    ikm = bytes.fromhex("0b" * 22)
    salt = bytes.fromhex("000102030405060708090a0b0c")
    info = bytes.fromhex("f0f1f2f3f4f5f6f7f8f9")
    okm = hkdf_sha256(ikm, 42, salt, info)
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_hkdf_without_salt_matches_rfc5869_case_3() -> None:
    okm = hkdf_sha256(bytes.fromhex("0b" * 22), 42)
    assert okm.hex() == (
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    )


def test_dh_is_symmetric_and_rejects_low_order_points() -> None:
    a, b = generate_key_pair(), generate_key_pair()
    assert dh(a.private, b.public) == dh(b.private, a.public)
    with pytest.raises(CryptoError):
        dh(a.private, bytes(32))
    with pytest.raises(CryptoError):
        dh(a.private, b"short")


def test_signature_binds_key_message_and_bytes() -> None:
    kp = generate_key_pair()
    sig = xeddsa_sign(kp.private, b"message")
    assert xeddsa_verify(kp.public, b"message", sig)
    assert not xeddsa_verify(kp.public, b"messagf", sig)
    assert not xeddsa_verify(generate_key_pair().public, b"message", sig)
    for i in (0, 31, 32, 63):
        bad = bytearray(sig)
        bad[i] ^= 0x01
        assert not xeddsa_verify(kp.public, b"message", bytes(bad))
    assert not xeddsa_verify(kp.public, b"message", sig[:63])
    assert not xeddsa_verify(b"\xff" * 32, b"message", sig)


def test_private_key_is_clamped_and_kept_out_of_repr() -> None:
    kp = key_pair_from_private(b"\xff" * 32)
    assert kp.private[0] & 7 == 0 and kp.private[31] & 0xC0 == 0x40
    assert kp.private.hex() not in repr(kp)
    with pytest.raises(CryptoError):
        key_pair_from_private(b"\x00" * 31)
