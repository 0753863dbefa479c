"""HKDF-SHA256 (RFC 5869), the key derivation of Noise, Signal and media keys."""

from __future__ import annotations

import hashlib
import hmac

_HASH_LEN = 32


def hkdf_sha256(ikm: bytes, length: int, salt: bytes | None = None, info: bytes = b"") -> bytes:
    """Derive ``length`` bytes; a missing salt is 32 zero bytes, as RFC 5869 says."""
    if not 0 < length <= 255 * _HASH_LEN:
        raise ValueError(f"hkdf output length {length} out of range")
    prk = hmac.digest(salt or bytes(_HASH_LEN), ikm, hashlib.sha256)
    out = bytearray()
    block = b""
    counter = 1
    while len(out) < length:
        block = hmac.digest(prk, block + info + bytes((counter,)), hashlib.sha256)
        out += block
        counter += 1
    return bytes(out[:length])
