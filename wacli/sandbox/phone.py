"""The simulated primary phone (device 0) of a sandbox account.

It is a real Signal endpoint with its own store (``phones/<phone>/``): its
identity key is the account key that signs each companion's ADV identity at
pairing, and it answers pairing codes as a phone would (wacli.protocol.pair_code).
Sending and receiving messages come with the message routing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from wacli.crypto import KeyPair
from wacli.protocol.adv import build_key_index_list, build_pair_success
from wacli.protocol.pair_code import PrimaryPairing
from wacli.sandbox.state import Device, SignedPreKey
from wacli.signal.device import ensure_identity, new_prekeys, rotate_signed_prekey
from wacli.store import Store

# What pair-success's <platform name=…> says about the primary.
PHONE_PLATFORM = "android"


class SimulatedPhone:
    def __init__(self, phone: str, directory: Path) -> None:
        self.phone = phone
        self.store = Store(directory)
        own = ensure_identity(self.store)
        self.identity: KeyPair = own.identity
        self.registration_id = own.registration_id
        # The account's ADV id: the same in every device identity and key index list it signs.
        self.adv_raw_id = int.from_bytes(hashlib.sha256(self.identity.public).digest()[:4], "big")

    def close(self) -> None:
        self.store.close()

    def sign_companion(self, companion_identity: bytes, adv_secret: bytes, key_index: int) -> bytes:
        """pair-success's <device-identity>: the companion's ADV identity, signed by us."""
        return build_pair_success(
            self.identity, companion_identity, adv_secret, key_index, raw_id=self.adv_raw_id
        )

    def key_index_list(self, valid_indexes: list[int]) -> bytes:
        """The signed list of the account's valid device key indexes (usync devices)."""
        current = max(valid_indexes, default=0)
        return build_key_index_list(self.identity, self.adv_raw_id, current, valid_indexes)

    def accept_code(self, code: str, wrapped_companion_ephemeral: bytes) -> PrimaryPairing:
        """The user typed ``code`` on this phone; PairingError for a malformed code."""
        return PrimaryPairing.accept(code, wrapped_companion_ephemeral, self.identity)

    def device_record(self) -> Device:
        """Device 0 as the server describes it to others (usync, prekey fetch)."""
        signed = self.store.latest_signed_prekey() or rotate_signed_prekey(self.store)
        return Device(
            phone=self.phone,
            device=0,
            noise_public=b"",
            identity_public=self.identity.public,
            registration_id=self.registration_id,
            platform=PHONE_PLATFORM,
            key_index=0,
            signed_identity=b"",
            signed_prekey=SignedPreKey(signed.key_id, signed.key_pair.public, signed.signature),
        )

    def one_time_prekey(self) -> tuple[int, bytes]:
        """A fresh one-time prekey (the phone keeps its private half to answer the session)."""
        record = new_prekeys(self.store, 1)[0]
        return record.key_id, record.key_pair.public
