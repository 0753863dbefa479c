"""The Double Ratchet's key derivations, with libsignal's labels (version 3)."""

from __future__ import annotations

import hashlib
import hmac

from wacli.crypto import hkdf_sha256

ROOT_INFO = b"WhisperRatchet"
X3DH_INFO = b"WhisperText"
MESSAGE_KEYS_INFO = b"WhisperMessageKeys"
_MESSAGE_KEY_SEED = b"\x01"
_CHAIN_KEY_SEED = b"\x02"
_ZERO_SALT = bytes(32)
_MK_INFO_1 = MESSAGE_KEYS_INFO + b"\x01"
_MK_INFO_2 = MESSAGE_KEYS_INFO + b"\x02"
_MK_INFO_3 = MESSAGE_KEYS_INFO + b"\x03"
_sha256 = hashlib.sha256

try:  # CPython's one-shot OpenSSL HMAC, minus hmac.digest's dispatching (hot path)
    from _hashlib import hmac_digest as _openssl_hmac

    def hmac_sha256(key: bytes, data: bytes) -> bytes:
        return _openssl_hmac(key, data, "sha256")
except ImportError:  # pragma: no cover - other interpreters

    def hmac_sha256(key: bytes, data: bytes) -> bytes:
        return hmac.digest(key, data, "sha256")


_digest = hmac_sha256


def root_step(root_key: bytes, shared_secret: bytes) -> tuple[bytes, bytes]:
    """(new root key, new chain key) from the current root key and a ratchet DH output."""
    out = hkdf_sha256(shared_secret, 64, salt=root_key, info=ROOT_INFO)
    return out[:32], out[32:]


def x3dh_secrets(master: bytes) -> tuple[bytes, bytes]:
    """(root key, chain key) from X3DH's concatenated agreements (already 0xFF-prefixed)."""
    out = hkdf_sha256(master, 64, info=X3DH_INFO)
    return out[:32], out[32:]


def message_key_seed(chain_key: bytes) -> bytes:
    return _digest(chain_key, _MESSAGE_KEY_SEED)


def next_chain_key(chain_key: bytes) -> bytes:
    return _digest(chain_key, _CHAIN_KEY_SEED)


def message_keys(seed: bytes) -> tuple[bytes, bytes, bytes]:
    """(AES-256 key, HMAC key, CBC IV) for one message: HKDF(seed, 80, info=MESSAGE_KEYS_INFO).

    Unrolled (three HMAC blocks) because it runs for every message.
    """
    prk = _digest(_ZERO_SALT, seed)
    t1 = _digest(prk, _MK_INFO_1)
    t2 = _digest(prk, t1 + _MK_INFO_2)
    t3 = _digest(prk, t2 + _MK_INFO_3)
    return t1, t2, t3[:16]
