"""Signal keys: identity, registration id, signed and one-time prekeys, prekey bundles.

Inside wacli public keys are raw 32-byte Curve25519 keys; on the wire (and in
everything that is signed or MACed) they carry libsignal's DJB type byte 0x05.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class PreKeyBundle:
    """What a peer publishes so that others can start sessions with it (raw 32-byte keys)."""

    registration_id: int
    device_id: int
    identity_key: bytes
    signed_prekey_id: int
    signed_prekey: bytes
    signed_prekey_signature: bytes
    prekey_id: int | None = None
    prekey: bytes | None = None

    def __post_init__(self) -> None:
        for name in ("identity_key", "signed_prekey"):
            if len(getattr(self, name)) != 32:
                raise InvalidKeyError(f"bundle {name} must be a raw 32-byte key")
        for name in ("registration_id", "device_id", "signed_prekey_id", "prekey_id"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= _MAX_UINT32:
                raise InvalidKeyError(f"bundle {name} out of range: {value}")
        if (self.prekey_id is None) != (self.prekey is None):
            raise InvalidKeyError("a bundle's one-time prekey needs both its id and its key")
        if self.prekey is not None and len(self.prekey) != 32:
            raise InvalidKeyError("bundle prekey must be a raw 32-byte key")
