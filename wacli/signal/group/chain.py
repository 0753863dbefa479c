"""The sender key chain: chain key steps and per-message keys (libsignal's labels)."""

from __future__ import annotations

from dataclasses import dataclass

from wacli.signal.ratchet_kdf import hmac_sha256

_MESSAGE_KEY_SEED = b"\x01"
_CHAIN_KEY_SEED = b"\x02"
_GROUP_INFO = b"WhisperGroup"
_ZERO_SALT = bytes(32)
_INFO_1 = _GROUP_INFO + b"\x01"
_INFO_2 = _GROUP_INFO + b"\x02"
MAX_ITERATION = 2**32 - 1  # iterations travel as uint32


def message_key_seed(chain_key: bytes) -> bytes:
    return hmac_sha256(chain_key, _MESSAGE_KEY_SEED)


def next_chain_key(chain_key: bytes) -> bytes:
    return hmac_sha256(chain_key, _CHAIN_KEY_SEED)


@dataclass(frozen=True, slots=True)
class MessageKey:
    iteration: int
    iv: bytes
    cipher_key: bytes


def message_key(iteration: int, seed: bytes) -> MessageKey:
    """HKDF-SHA256(seed, salt=0*32, info="WhisperGroup") → IV (16) ‖ AES-256 key (32).

    Unrolled: two expand blocks give the 48 bytes.
    """
    prk = hmac_sha256(_ZERO_SALT, seed)
    t1 = hmac_sha256(prk, _INFO_1)
    t2 = hmac_sha256(prk, t1 + _INFO_2)
    return MessageKey(iteration, t1[:16], t1[16:] + t2[:16])
