"""Linking a companion with an 8-character code instead of a QR scan, both sides.

1. companion_hello: the companion shows a random code and sends its ephemeral
   X25519 public key wrapped with the code: ``salt(32) ‖ iv(16) ‖ AES-256-CTR
   (PBKDF2-SHA256(code, salt, 2<<16 iterations), iv) of the key(32)``.
2. primary_hello: the user types the code on the phone, which unwraps the
   companion's key and answers with its own ephemeral key wrapped the same
   way, plus its identity public key.
3. companion_finish: the companion unwraps the primary's key; both now share
   ``E = X25519(ephemerals)``. It sends a key bundle ``salt(32) ‖ nonce(12) ‖
   AES-256-GCM(HKDF(E, salt, "link_code_pairing_key_bundle_encryption_key"),
   companion identity pub ‖ primary identity pub ‖ random(32))``.
4. Both derive the ADV secret that authenticates pair-success:
   ``HKDF(E ‖ X25519(identities) ‖ random, info "adv_secret")``.

A wrong code is only noticed at step 3, when the bundle fails to open.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wacli.crypto import CryptoError, KeyPair, dh, generate_key_pair, hkdf_sha256
from wacli.protocol.errors import PairingError

CODE_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ"  # base32 without 0, I, O, U
CODE_LEN = 8
PBKDF2_ITERATIONS = 2 << 16
KEY_BUNDLE_INFO = b"link_code_pairing_key_bundle_encryption_key"
ADV_SECRET_INFO = b"adv_secret"
WRAPPED_KEY_LEN = 32 + 16 + 32
_BUNDLE_PLAIN_LEN = 32 * 3
KEY_BUNDLE_LEN = 32 + 12 + _BUNDLE_PLAIN_LEN + 16

_CODE_CHARS = re.compile(r"[0-9A-Z]{8}")


def generate_code(random: bytes | None = None) -> str:
    """Eight characters: 40 random bits written five at a time in CODE_ALPHABET."""
    raw = os.urandom(5) if random is None else random
    if len(raw) != 5:
        raise PairingError("a pairing code is made of 5 random bytes")
    value = int.from_bytes(raw, "big")
    return "".join(CODE_ALPHABET[(value >> shift) & 31] for shift in range(35, -1, -5))


def format_code(code: str) -> str:
    """The way a code is shown to the user: ``ABCD-EFGH``."""
    return f"{code[:4]}-{code[4:]}"


def normalize_code(text: str) -> str:
    """What the user typed -> the 8 characters the key is derived from.

    Dashes and spaces are dropped and letters upper-cased. Any 8 characters of
    0-9A-Z are accepted, not only CODE_ALPHABET, because some clients let the
    user choose the code.
    """
    code = re.sub(r"[\s-]", "", text).upper()
    if not _CODE_CHARS.fullmatch(code):
        raise PairingError("a pairing code is 8 letters or digits")
    return code


def code_key(code: str, salt: bytes) -> bytes:
    """PBKDF2-HMAC-SHA256 of the code: the AES key that wraps an ephemeral key."""
    return hashlib.pbkdf2_hmac("sha256", code.encode(), salt, PBKDF2_ITERATIONS, 32)


def _ctr(key: bytes, iv: bytes, data: bytes) -> bytes:
    cipher = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return cipher.update(data) + cipher.finalize()


def wrap_ephemeral(
    code: str, public: bytes, salt: bytes | None = None, iv: bytes | None = None
) -> bytes:
    """``salt ‖ iv ‖ AES-CTR(code key, public)`` as sent in companion/primary hello."""
    salt = os.urandom(32) if salt is None else salt
    iv = os.urandom(16) if iv is None else iv
    if len(public) != 32 or len(salt) != 32 or len(iv) != 16:
        raise PairingError("wrapping needs a 32-byte key, 32-byte salt and 16-byte iv")
    return salt + iv + _ctr(code_key(code, salt), iv, public)


def unwrap_ephemeral(code: str, wrapped: bytes) -> bytes:
    """Inverse of :func:`wrap_ephemeral` (CTR has no integrity: a wrong code gives noise)."""
    if len(wrapped) != WRAPPED_KEY_LEN:
        raise PairingError(
            f"a wrapped ephemeral key is {WRAPPED_KEY_LEN} bytes, not {len(wrapped)}"
        )
    salt, iv, body = wrapped[:32], wrapped[32:48], wrapped[48:]
    return _ctr(code_key(code, salt), iv, body)


def _agree(private: bytes, public: bytes, what: str) -> bytes:
    if len(public) != 32:
        raise PairingError(f"{what} is 32 bytes, not {len(public)}")
    try:
        return dh(private, public)
    except CryptoError as exc:
        raise PairingError(f"{what} is unusable: {exc}") from None


def _bundle_key(ephemeral_secret: bytes, salt: bytes) -> bytes:
    return hkdf_sha256(ephemeral_secret, 32, salt=salt, info=KEY_BUNDLE_INFO)


def _adv_secret(ephemeral_secret: bytes, identity_secret: bytes, random: bytes) -> bytes:
    return hkdf_sha256(ephemeral_secret + identity_secret + random, 32, info=ADV_SECRET_INFO)


@dataclass(frozen=True, slots=True)
class CompanionFinish:
    """What the companion sends in companion_finish, and the secret it keeps."""

    wrapped_key_bundle: bytes
    companion_identity_public: bytes
    adv_secret: bytes = field(repr=False)


@dataclass(slots=True)
class CompanionPairing:
    """The companion's side, from companion_hello to companion_finish."""

    code: str
    ephemeral: KeyPair
    wrapped_ephemeral: bytes

    @classmethod
    def start(cls, code: str | None = None) -> CompanionPairing:
        """A fresh code (unless given) and ephemeral key, wrapped for companion_hello."""
        code = generate_code() if code is None else normalize_code(code)
        ephemeral = generate_key_pair()
        return cls(code, ephemeral, wrap_ephemeral(code, ephemeral.public))

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    def finish(
        self,
        wrapped_primary_ephemeral: bytes,
        primary_identity_public: bytes,
        identity: KeyPair,
        random: bytes | None = None,
        salt: bytes | None = None,
        nonce: bytes | None = None,
    ) -> CompanionFinish:
        """Answer primary_hello: the key bundle for companion_finish and the ADV secret."""
        primary_ephemeral = unwrap_ephemeral(self.code, wrapped_primary_ephemeral)
        secret = _agree(self.ephemeral.private, primary_ephemeral, "primary ephemeral key")
        identity_secret = _agree(identity.private, primary_identity_public, "primary identity")
        random = os.urandom(32) if random is None else random
        salt = os.urandom(32) if salt is None else salt
        nonce = os.urandom(12) if nonce is None else nonce
        plain = identity.public + primary_identity_public + random
        sealed = AESGCM(_bundle_key(secret, salt)).encrypt(nonce, plain, None)
        return CompanionFinish(
            salt + nonce + sealed, identity.public, _adv_secret(secret, identity_secret, random)
        )


@dataclass(slots=True)
class PrimaryPairing:
    """The phone's side (the sandbox's simulated phone), from the typed code to the secret."""

    code: str
    identity: KeyPair
    companion_ephemeral: bytes
    ephemeral: KeyPair
    wrapped_ephemeral: bytes  # sent in primary_hello

    @classmethod
    def accept(
        cls, code: str, wrapped_companion_ephemeral: bytes, identity: KeyPair
    ) -> PrimaryPairing:
        """The user typed ``code``: unwrap the companion's key and wrap our own for it."""
        code = normalize_code(code)
        companion_ephemeral = unwrap_ephemeral(code, wrapped_companion_ephemeral)
        ephemeral = generate_key_pair()
        return cls(
            code,
            identity,
            companion_ephemeral,
            ephemeral,
            wrap_ephemeral(code, ephemeral.public),
        )

    def finish(self, wrapped_key_bundle: bytes, companion_identity_public: bytes) -> bytes:
        """Open companion_finish's bundle, check both identities in it, return the ADV secret."""
        if len(wrapped_key_bundle) != KEY_BUNDLE_LEN:
            raise PairingError(
                f"a wrapped key bundle is {KEY_BUNDLE_LEN} bytes, not {len(wrapped_key_bundle)}"
            )
        secret = _agree(self.ephemeral.private, self.companion_ephemeral, "companion ephemeral")
        salt, nonce, sealed = (
            wrapped_key_bundle[:32],
            wrapped_key_bundle[32:44],
            wrapped_key_bundle[44:],
        )
        try:
            plain = AESGCM(_bundle_key(secret, salt)).decrypt(nonce, sealed, None)
        except InvalidTag:
            raise PairingError("key bundle does not open: wrong code or tampered") from None
        companion_identity, primary_identity, random = plain[:32], plain[32:64], plain[64:]
        if companion_identity != companion_identity_public:
            raise PairingError("key bundle names another companion identity")
        if primary_identity != self.identity.public:
            raise PairingError("key bundle names another primary identity")
        identity_secret = _agree(self.identity.private, companion_identity, "companion identity")
        return _adv_secret(secret, identity_secret, random)
