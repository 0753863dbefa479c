"""Plain records the store hands back (bytes and ints; the Signal layer gives them meaning)."""

from __future__ import annotations

from typing import NamedTuple

from wacli.crypto import KeyPair


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class DeviceIdentity(NamedTuple):
    """This device's long-term Signal identity."""

    registration_id: int
    identity: KeyPair


class PreKeyRecord(NamedTuple):
    key_id: int
    key_pair: KeyPair


class SignedPreKeyRecord(NamedTuple):
    key_id: int
    key_pair: KeyPair
    signature: bytes  # XEdDSA by the identity key over the 0x05-prefixed public key
    created_at: int  # unix seconds
