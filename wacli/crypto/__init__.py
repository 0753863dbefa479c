"""Cryptographic primitives shared by the Noise transport, Signal and the sandbox.

Part of the wire layer: it imports nothing else of wacli.
"""

from wacli.crypto.curve import (
    KeyPair,
    dh,
    generate_key_pair,
    key_pair_from_private,
    xeddsa_sign,
    xeddsa_verify,
)
from wacli.crypto.errors import CryptoError
from wacli.crypto.kdf import hkdf_sha256

__all__ = [
    "CryptoError",
    "KeyPair",
    "dh",
    "generate_key_pair",
    "hkdf_sha256",
    "key_pair_from_private",
    "xeddsa_sign",
    "xeddsa_verify",
]
