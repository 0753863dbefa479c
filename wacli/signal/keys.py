"""Signal keys: identity, registration id, signed and one-time prekeys, prekey bundles.

Inside wacli public keys are raw 32-byte Curve25519 keys; on the wire (and in
everything that is signed or MACed) they carry libsignal's DJB type byte 0x05.
"""

from __future__ import annotations

import secrets
import time
from typing import Any, NoReturn

from wacli.crypto import KeyPair, generate_key_pair, xeddsa_sign, xeddsa_verify
from wacli.signal.errors import InvalidKeyError
from wacli.store.records import DeviceIdentity, PreKeyRecord, SignedPreKeyRecord

DJB_TYPE = 0x05
_DJB_PREFIX = b"\x05"
# One-time prekey ids are 24-bit on WhatsApp's wire; like libsignal's KeyHelper they run
# through 1..0xFFFFFE and wrap around, never using 0.
PREKEY_ID_MODULUS = 0xFFFFFF
# libsignal's KeyHelper draws registration ids from 1..16380.
MAX_REGISTRATION_ID = 16380
_MAX_UINT32 = 2**32 - 1


def serialize_public(public: bytes) -> bytes:
    """The 33-byte wire form of a 32-byte Curve25519 public key."""
    return _DJB_PREFIX + public


def parse_public(data: bytes) -> bytes:
    """The raw key of a 33-byte 0x05-prefixed public key; anything else is InvalidKeyError."""
    if len(data) != 33 or data[0] != DJB_TYPE:
        raise InvalidKeyError(f"not a 0x05-prefixed Curve25519 public key ({len(data)} bytes)")
    return data[1:]


def generate_registration_id() -> int:
    return secrets.randbelow(MAX_REGISTRATION_ID) + 1


def generate_identity() -> DeviceIdentity:
    return DeviceIdentity(generate_registration_id(), generate_key_pair())


def next_prekey_id(key_id: int, step: int = 1) -> int:
    """The id ``step`` places after ``key_id`` in the wrapping 1..0xFFFFFE sequence."""
    return (key_id - 1 + step) % (PREKEY_ID_MODULUS - 1) + 1


def generate_prekeys(start: int, count: int) -> list[PreKeyRecord]:
    return [PreKeyRecord(next_prekey_id(start, i), generate_key_pair()) for i in range(count)]


def sign_prekey(identity: KeyPair, public: bytes) -> bytes:
    return xeddsa_sign(identity.private, serialize_public(public))


def verify_prekey_signature(identity_public: bytes, public: bytes, signature: bytes) -> bool:
    return xeddsa_verify(identity_public, serialize_public(public), signature)


def generate_signed_prekey(identity: KeyPair, key_id: int) -> SignedPreKeyRecord:
    key_pair = generate_key_pair()
    return SignedPreKeyRecord(
        key_id, key_pair, sign_prekey(identity, key_pair.public), int(time.time())
    )


# A plain class with __slots__, not a dataclass: far cheaper to define at every start-up;
# its constructor validates as __post_init__ did, and it stays immutable.
class PreKeyBundle:
    """What a peer publishes so that others can start sessions with it (raw 32-byte keys)."""

    __slots__ = (
        "device_id",
        "identity_key",
        "prekey",
        "prekey_id",
        "registration_id",
        "signed_prekey",
        "signed_prekey_id",
        "signed_prekey_signature",
    )

    registration_id: int
    device_id: int
    identity_key: bytes
    signed_prekey_id: int
    signed_prekey: bytes
    signed_prekey_signature: bytes
    prekey_id: int | None
    prekey: bytes | None

    def __init__(
        self,
        registration_id: int,
        device_id: int,
        identity_key: bytes,
        signed_prekey_id: int,
        signed_prekey: bytes,
        signed_prekey_signature: bytes,
        prekey_id: int | None = None,
        prekey: bytes | None = None,
    ) -> None:
        if len(identity_key) != 32:
            raise InvalidKeyError("bundle identity_key must be a raw 32-byte key")
        if len(signed_prekey) != 32:
            raise InvalidKeyError("bundle signed_prekey must be a raw 32-byte key")
        for name, value in (
            ("registration_id", registration_id),
            ("device_id", device_id),
            ("signed_prekey_id", signed_prekey_id),
            ("prekey_id", prekey_id),
        ):
            if value is not None and not 0 <= value <= _MAX_UINT32:
                raise InvalidKeyError(f"bundle {name} out of range: {value}")
        if (prekey_id is None) != (prekey is None):
            raise InvalidKeyError("a bundle's one-time prekey needs both its id and its key")
        if prekey is not None and len(prekey) != 32:
            raise InvalidKeyError("bundle prekey must be a raw 32-byte key")
        init = object.__setattr__
        init(self, "registration_id", registration_id)
        init(self, "device_id", device_id)
        init(self, "identity_key", identity_key)
        init(self, "signed_prekey_id", signed_prekey_id)
        init(self, "signed_prekey", signed_prekey)
        init(self, "signed_prekey_signature", signed_prekey_signature)
        init(self, "prekey_id", prekey_id)
        init(self, "prekey", prekey)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        from dataclasses import FrozenInstanceError  # what the frozen dataclass raised

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")
