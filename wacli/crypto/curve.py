"""Curve25519 key pairs, Diffie-Hellman, and XEdDSA signatures.

WhatsApp and libsignal sign with the Montgomery (X25519) identity key itself:
the signer derives the twisted-Edwards public key from the clamped scalar and
stores that key's sign bit in the top bit of the signature's last byte, so a
verifier holding only the 32-byte Montgomery key can rebuild the Edwards key
and run an ordinary Ed25519 verification. (This is libsignal's variant of
XEdDSA: no negation of the scalar; the sign bit travels in the signature.)
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from wacli.crypto.errors import CryptoError
from wacli.crypto.keys import KeyPair

KEY_LEN = 32
SIGNATURE_LEN = 64

_P = 2**255 - 19
_L = 2**252 + 27742317777372353535851937790883648493  # order of the Ed25519 base point
# hash_1 of the XEdDSA paper: SHA-512 prefixed with 2^256 - 2 as 32 little-endian bytes.
_NONCE_PREFIX = b"\xfe" + b"\xff" * 31


def _clamp(private: bytes) -> bytes:
    k = bytearray(private)
    k[0] &= 248
    k[31] &= 127
    k[31] |= 64
    return bytes(k)


def key_pair_from_private(private: bytes) -> KeyPair:
    if len(private) != KEY_LEN:
        raise CryptoError(f"a Curve25519 private key is {KEY_LEN} bytes, not {len(private)}")
    clamped = _clamp(private)
    public = X25519PrivateKey.from_private_bytes(clamped).public_key().public_bytes_raw()
    return KeyPair(clamped, public)


def generate_key_pair() -> KeyPair:
    return key_pair_from_private(os.urandom(KEY_LEN))


def dh(private: bytes, public: bytes) -> bytes:
    """X25519 shared secret; a low-order or malformed peer key is a CryptoError."""
    if len(public) != KEY_LEN:
        raise CryptoError(f"a Curve25519 public key is {KEY_LEN} bytes, not {len(public)}")
    try:
        key = X25519PrivateKey.from_private_bytes(private)
        return key.exchange(X25519PublicKey.from_public_bytes(public))
    except ValueError as exc:  # all-zero result: the peer sent a low-order point
        raise CryptoError(f"X25519 agreement failed: {exc}") from None


def xeddsa_sign(private: bytes, message: bytes, random: bytes | None = None) -> bytes:
    """Sign ``message`` with a Curve25519 private key (64-byte XEdDSA signature)."""
    # libsodium loads in ~10 ms; only pairing and prekey uploads sign, not a send.
    from nacl.bindings import crypto_scalarmult_ed25519_base_noclamp

    if len(private) != KEY_LEN:
        raise CryptoError(f"a Curve25519 private key is {KEY_LEN} bytes, not {len(private)}")
    scalar_bytes = _clamp(private)
    scalar = int.from_bytes(scalar_bytes, "little")
    ed_public = crypto_scalarmult_ed25519_base_noclamp(scalar_bytes)
    nonce_seed = os.urandom(64) if random is None else random
    digest = hashlib.sha512(_NONCE_PREFIX + scalar_bytes + message + nonce_seed).digest()
    r = int.from_bytes(digest, "little") % _L
    big_r = crypto_scalarmult_ed25519_base_noclamp(r.to_bytes(32, "little"))
    h = int.from_bytes(hashlib.sha512(big_r + ed_public + message).digest(), "little") % _L
    s = bytearray(((r + h * scalar) % _L).to_bytes(32, "little"))
    s[31] = (s[31] & 0x7F) | (ed_public[31] & 0x80)
    return big_r + bytes(s)


@lru_cache(maxsize=4096)
def _edwards_y(public: bytes) -> bytes | None:
    """The Edwards y (sign bit clear) birationally equivalent to Montgomery u."""
    u = int.from_bytes(public, "little") & ((1 << 255) - 1)
    if u >= _P or u == _P - 1:  # u = -1 maps to the point at infinity
        return None
    y = (u - 1) * pow(u + 1, _P - 2, _P) % _P
    return y.to_bytes(32, "little")


def xeddsa_verify(public: bytes, message: bytes, signature: bytes) -> bool:
    """True only for a valid signature by the Curve25519 key ``public``."""
    if len(public) != KEY_LEN or len(signature) != SIGNATURE_LEN:
        return False
    y = _edwards_y(bytes(public))
    if y is None:
        return False
    sign_bit = signature[63] & 0x80
    ed_public = y[:31] + bytes((y[31] | sign_bit,))
    plain = signature[:63] + bytes((signature[63] & 0x7F,))
    try:
        Ed25519PublicKey.from_public_bytes(ed_public).verify(plain, message)
    except (InvalidSignature, ValueError):
        return False
    return True
