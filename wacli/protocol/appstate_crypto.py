"""App-state (syncd) cryptography: key expansion, MACs, value encryption, LTHash.

Every app-state collection ("regular", "critical_block", ...) is a set of
records addressed by an index MAC and holding an encrypted value. A sync key
(shared between a user's devices) expands into five 32-byte keys. A record's
value blob on the wire is ``iv(16) ‖ AES-256-CBC ciphertext ‖ value MAC(32)``.
The collection's integrity is a 128-byte LTHash: the sum, lane by lane, of
each live record's value MAC stretched to 128 bytes, so applying a patch only
has to subtract what it replaced and add what it set. Snapshot and patch MACs
bind that hash to a version and the collection name.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from wacli.crypto import hkdf_sha256
from wacli.protocol.errors import AppStateError

MUTATION_KEYS_INFO = b"WhatsApp Mutation Keys"
PATCH_INTEGRITY_INFO = b"WhatsApp Patch Integrity"
LTHASH_LEN = 128
MAC_LEN = 32
IV_LEN = 16
_BLOCK = 16


class Operation(IntEnum):
    """SyncdMutation.SyncdOperation as numbered in the protobuf."""

    SET = 0
    REMOVE = 1


@dataclass(frozen=True, slots=True)
class AppStateKeys:
    """The five keys one app-state sync key expands into."""

    index: bytes
    value_encryption: bytes
    value_mac: bytes
    snapshot_mac: bytes
    patch_mac: bytes

    def __repr__(self) -> str:  # keys stay out of logs
        return "AppStateKeys(...)"


def expand_app_state_keys(key_data: bytes) -> AppStateKeys:
    """HKDF-SHA256 (no salt) of the sync key to 160 bytes, cut into five 32-byte keys."""
    out = hkdf_sha256(bytes(key_data), 160, info=MUTATION_KEYS_INFO)
    return AppStateKeys(*(out[i : i + 32] for i in range(0, 160, 32)))


def _be64(value: int) -> bytes:
    if not 0 <= value < 1 << 64:
        raise AppStateError(f"version {value} does not fit in 64 bits")
    return struct.pack(">Q", value)


def index_mac(index_key: bytes, index: bytes) -> bytes:
    """HMAC-SHA256 of a record's index (the JSON array, as bytes)."""
    return hmac.digest(index_key, index, hashlib.sha256)


def value_mac(value_mac_key: bytes, operation: int, encrypted: bytes, key_id: bytes) -> bytes:
    """The record's value MAC: HMAC-SHA512 truncated to 32 bytes.

    Input: one byte (operation + 1), the key id, ``iv ‖ ciphertext``, and the
    length of ``op byte ‖ key id`` as 8 big-endian bytes. WhatsApp Web writes
    only the low byte of that length (``buf[7] = len & 0xff``); whatsmeow writes
    a full uint64. They differ only for key ids of 255+ bytes (real ones are 6),
    and we follow WhatsApp Web, as Baileys and current whatsapp-rust do.
    """
    if operation not in (Operation.SET, Operation.REMOVE):
        raise AppStateError(f"unknown syncd operation {operation}")
    mac = hmac.new(value_mac_key, bytes((operation + 1,)), hashlib.sha512)
    mac.update(key_id)
    mac.update(encrypted)
    mac.update(bytes(7) + bytes(((len(key_id) + 1) & 0xFF,)))
    return mac.digest()[:MAC_LEN]


def snapshot_mac(snapshot_mac_key: bytes, lthash: bytes, version: int, name: str) -> bytes:
    """HMAC-SHA256 over ``lthash ‖ version(be64) ‖ collection name``."""
    if len(lthash) != LTHASH_LEN:
        raise AppStateError(f"an LTHash is {LTHASH_LEN} bytes, not {len(lthash)}")
    return hmac.digest(
        snapshot_mac_key, bytes(lthash) + _be64(version) + name.encode(), hashlib.sha256
    )


def patch_mac(
    patch_mac_key: bytes,
    snapshot_mac_value: bytes,
    value_macs: Iterable[bytes],
    version: int,
    name: str,
) -> bytes:
    """HMAC-SHA256 over ``snapshot MAC ‖ each mutation's value MAC ‖ version ‖ name``."""
    mac = hmac.new(patch_mac_key, snapshot_mac_value, hashlib.sha256)
    for item in value_macs:
        mac.update(item)
    mac.update(_be64(version))
    mac.update(name.encode())
    return mac.digest()


def encrypt_value(value_key: bytes, plaintext: bytes, iv: bytes | None = None) -> bytes:
    """AES-256-CBC with PKCS#7 padding; returns ``iv ‖ ciphertext``."""
    iv = os.urandom(IV_LEN) if iv is None else iv
    if len(iv) != IV_LEN:
        raise AppStateError(f"an IV is {IV_LEN} bytes, not {len(iv)}")
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    enc = Cipher(algorithms.AES(value_key), modes.CBC(iv)).encryptor()
    return iv + enc.update(padded) + enc.finalize()


def decrypt_value(value_key: bytes, encrypted: bytes) -> bytes:
    """Inverse of :func:`encrypt_value`; malformed input is an AppStateError."""
    if len(encrypted) < IV_LEN + _BLOCK or (len(encrypted) - IV_LEN) % _BLOCK:
        raise AppStateError(f"encrypted app-state value of impossible length {len(encrypted)}")
    iv, body = encrypted[:IV_LEN], encrypted[IV_LEN:]
    dec = Cipher(algorithms.AES(value_key), modes.CBC(iv)).decryptor()
    padded = dec.update(body) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise AppStateError("bad PKCS#7 padding in app-state value") from None


def seal_record_value(
    keys: AppStateKeys,
    key_id: bytes,
    operation: int,
    plaintext: bytes,
    iv: bytes | None = None,
) -> bytes:
    """The record value blob as sent: ``iv ‖ ciphertext ‖ value MAC``."""
    encrypted = encrypt_value(keys.value_encryption, plaintext, iv)
    return encrypted + value_mac(keys.value_mac, operation, encrypted, key_id)


def open_record_value(keys: AppStateKeys, key_id: bytes, operation: int, blob: bytes) -> bytes:
    """Check a value blob's MAC, then decrypt it (the SyncActionData protobuf)."""
    if len(blob) < IV_LEN + _BLOCK + MAC_LEN:
        raise AppStateError(f"app-state value blob too short ({len(blob)} bytes)")
    encrypted, mac = blob[:-MAC_LEN], blob[-MAC_LEN:]
    if not hmac.compare_digest(value_mac(keys.value_mac, operation, encrypted, key_id), mac):
        raise AppStateError("app-state value MAC mismatch")
    return decrypt_value(keys.value_encryption, encrypted)


def value_mac_of(blob: bytes) -> bytes:
    """The value MAC a record blob carries (its last 32 bytes)."""
    if len(blob) < MAC_LEN:
        raise AppStateError(f"app-state value blob too short ({len(blob)} bytes)")
    return bytes(blob[-MAC_LEN:])


# --- LTHash -------------------------------------------------------------------

_LANES = LTHASH_LEN // 2
_LANE_FMT = f"<{_LANES}H"


def _stretch(mac: bytes) -> tuple[int, ...]:
    return struct.unpack(_LANE_FMT, hkdf_sha256(bytes(mac), LTHASH_LEN, info=PATCH_INTEGRITY_INFO))


def lthash_subtract_then_add(base: bytes, subtract: Iterable[bytes], add: Iterable[bytes]) -> bytes:
    """WhatsApp's LTHash update: lane-wise uint16 (little-endian) arithmetic mod 2**16."""
    if len(base) != LTHASH_LEN:
        raise AppStateError(f"an LTHash is {LTHASH_LEN} bytes, not {len(base)}")
    lanes = list(struct.unpack(_LANE_FMT, base))
    for sign, macs in ((-1, subtract), (1, add)):
        for mac in macs:
            for i, lane in enumerate(_stretch(mac)):
                lanes[i] += sign * lane
    return struct.pack(_LANE_FMT, *(lane & 0xFFFF for lane in lanes))


@dataclass(frozen=True, slots=True)
class Mutation:
    """One record change as the hash sees it (the value MAC is empty for a REMOVE)."""

    operation: Operation
    index_mac: bytes
    value_mac: bytes = b""


@dataclass(slots=True)
class AppStateHash:
    """A collection's integrity state: version, LTHash and each live record's value MAC."""

    version: int = 0
    hash: bytes = bytes(LTHASH_LEN)
    value_macs: dict[bytes, bytes] = field(default_factory=dict)

    def copy(self) -> AppStateHash:
        return AppStateHash(self.version, self.hash, dict(self.value_macs))

    def apply(self, mutations: Iterable[Mutation], version: int | None = None) -> list[bytes]:
        """Apply a snapshot's or patch's mutations in order; returns the index MACs of
        REMOVEs that had nothing to remove (real clients tolerate and log these).

        A SET replaces the record's previous value; a REMOVE subtracts it. Later
        mutations in the same batch see earlier ones, as a patch is applied in order.
        """
        batch = list(mutations)
        for m in batch:  # check everything first: a bad batch leaves the state untouched
            if m.operation not in (Operation.SET, Operation.REMOVE):
                raise AppStateError(f"unknown syncd operation {m.operation}")
            if m.operation == Operation.SET and len(m.value_mac) != MAC_LEN:
                raise AppStateError(f"a value MAC is {MAC_LEN} bytes, not {len(m.value_mac)}")
        removed: list[bytes] = []
        added: list[bytes] = []
        orphans: list[bytes] = []
        for m in batch:
            previous = self.value_macs.pop(bytes(m.index_mac), None)
            if previous is not None:
                removed.append(previous)
            elif m.operation == Operation.REMOVE:
                orphans.append(bytes(m.index_mac))
            if m.operation == Operation.SET:
                self.value_macs[bytes(m.index_mac)] = bytes(m.value_mac)
                added.append(m.value_mac)
        self.hash = lthash_subtract_then_add(self.hash, removed, added)
        if version is not None:
            self.version = version
        return orphans

    def snapshot_mac(self, keys: AppStateKeys, name: str) -> bytes:
        return snapshot_mac(keys.snapshot_mac, self.hash, self.version, name)

    def __iter__(self) -> Iterator[tuple[bytes, bytes]]:
        return iter(self.value_macs.items())
