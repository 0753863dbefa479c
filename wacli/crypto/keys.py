"""The key pair type, apart from the curve arithmetic: the store reads and writes key
pairs without loading OpenSSL (``wacli whoami`` never computes with them)."""

from __future__ import annotations

from typing import NamedTuple


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class KeyPair(NamedTuple):
    """A Curve25519 key pair as raw 32-byte strings (public is the Montgomery u)."""

    private: bytes
    public: bytes

    def __repr__(self) -> str:  # never let a private key reach a log line
        return f"KeyPair(public={self.public.hex()})"
