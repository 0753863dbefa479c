"""Cryptographic primitives shared by the Noise transport, Signal and the sandbox.

Part of the wire layer: it imports nothing else of wacli. The curve arithmetic
(``wacli.crypto.curve``: OpenSSL, and libsodium for signing) is imported when one of
its functions is first asked for, so that a command that only reads the store does not
load it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from wacli.crypto.errors import CryptoError
from wacli.crypto.kdf import hkdf_sha256
from wacli.crypto.keys import KeyPair

if TYPE_CHECKING:
    from wacli.crypto.curve import (
        dh,
        generate_key_pair,
        key_pair_from_private,
        xeddsa_sign,
        xeddsa_verify,
    )

_IN_CURVE = frozenset(
    {"dh", "generate_key_pair", "key_pair_from_private", "xeddsa_sign", "xeddsa_verify"}
)

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


def __getattr__(name: str) -> Any:
    if name not in _IN_CURVE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("wacli.crypto.curve"), name)
    globals()[name] = value  # looked up once
    return value
