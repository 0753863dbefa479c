"""Plain records the store hands back (bytes and ints; the Signal layer gives them meaning)."""

from __future__ import annotations

from dataclasses import dataclass

from wacli.crypto import KeyPair


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """This device's long-term Signal identity."""

    registration_id: int
    identity: KeyPair


@dataclass(frozen=True, slots=True)
class PreKeyRecord:
    key_id: int
    key_pair: KeyPair


@dataclass(frozen=True, slots=True)
class SignedPreKeyRecord:
    key_id: int
    key_pair: KeyPair
    signature: bytes  # XEdDSA by the identity key over the 0x05-prefixed public key
    created_at: int  # unix seconds
