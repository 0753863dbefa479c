"""Media encryption: what is uploaded to and downloaded from WhatsApp's media servers.

A random 32-byte media key, expanded with HKDF-SHA256 under an info string
chosen by the media type, gives ``iv(16) ‖ cipher key(32) ‖ MAC key(32) ‖
ref key(32)``. The uploaded file is the AES-256-CBC (PKCS#7) ciphertext of the
plaintext followed by the first 10 bytes of HMAC-SHA256(MAC key, iv ‖
ciphertext). A message carries the media key, the SHA-256 of the plaintext
(file_sha256) and of the uploaded bytes (file_enc_sha256).

The encryptor and decryptor work chunk by chunk, so a large file never has
to sit whole in memory.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from wacli.crypto import hkdf_sha256
from wacli.protocol.errors import MediaError

MEDIA_KEY_LEN = 32
MAC_LEN = 10
_BLOCK = 16

# Media type (the message's mms type) -> HKDF info. Stickers are keyed as images,
# voice notes as audio, GIFs and round videos as video (Baileys, whatsmeow).
MEDIA_HKDF_INFO: dict[str, bytes] = {
    "image": b"WhatsApp Image Keys",
    "sticker": b"WhatsApp Image Keys",
    "product": b"WhatsApp Image Keys",
    "biz-cover-photo": b"WhatsApp Image Keys",
    "video": b"WhatsApp Video Keys",
    "gif": b"WhatsApp Video Keys",
    "ptv": b"WhatsApp Video Keys",
    "audio": b"WhatsApp Audio Keys",
    "ptt": b"WhatsApp Audio Keys",
    "document": b"WhatsApp Document Keys",
    "thumbnail-image": b"WhatsApp Image Thumbnail Keys",
    "thumbnail-video": b"WhatsApp Video Thumbnail Keys",
    "thumbnail-document": b"WhatsApp Document Thumbnail Keys",
    "thumbnail-link": b"WhatsApp Link Thumbnail Keys",
    "md-msg-hist": b"WhatsApp History Keys",
    "md-app-state": b"WhatsApp App State Keys",
    "payment-bg-image": b"WhatsApp Payment Background Keys",
}


@dataclass(frozen=True, slots=True)
class MediaKeys:
    iv: bytes
    cipher_key: bytes
    mac_key: bytes
    ref_key: bytes

    def __repr__(self) -> str:  # keys stay out of logs
        return "MediaKeys(...)"


def generate_media_key() -> bytes:
    return os.urandom(MEDIA_KEY_LEN)


def expand_media_key(media_key: bytes, media_type: str) -> MediaKeys:
    """HKDF-SHA256 (no salt) of the media key to 112 bytes under the type's info string."""
    info = MEDIA_HKDF_INFO.get(media_type)
    if info is None:
        raise MediaError(f"unknown media type {media_type!r}")
    if len(media_key) != MEDIA_KEY_LEN:
        raise MediaError(f"a media key is {MEDIA_KEY_LEN} bytes, not {len(media_key)}")
    out = hkdf_sha256(bytes(media_key), 112, info=info)
    return MediaKeys(out[:16], out[16:48], out[48:80], out[80:112])


@dataclass(frozen=True, slots=True)
class MediaDigests:
    """What a media message carries about its file besides the key."""

    file_sha256: bytes
    file_enc_sha256: bytes
    file_length: int


class MediaEncryptor:
    """Encrypt a file chunk by chunk; ``finalize`` returns the last bytes (tail and MAC)."""

    def __init__(self, media_key: bytes, media_type: str) -> None:
        keys = expand_media_key(media_key, media_type)
        self._cipher = Cipher(algorithms.AES(keys.cipher_key), modes.CBC(keys.iv)).encryptor()
        self._padder = padding.PKCS7(128).padder()
        self._mac = hmac.new(keys.mac_key, keys.iv, hashlib.sha256)
        self._plain_hash = hashlib.sha256()
        self._enc_hash = hashlib.sha256()
        self._length = 0
        self._digests: MediaDigests | None = None

    def _emit(self, ciphertext: bytes) -> bytes:
        self._mac.update(ciphertext)
        self._enc_hash.update(ciphertext)
        return ciphertext

    def update(self, chunk: bytes) -> bytes:
        if self._digests is not None:
            raise MediaError("encryptor already finalized")
        self._plain_hash.update(chunk)
        self._length += len(chunk)
        return self._emit(self._cipher.update(self._padder.update(chunk)))

    def finalize(self) -> bytes:
        if self._digests is not None:
            raise MediaError("encryptor already finalized")
        tail = self._emit(self._cipher.update(self._padder.finalize()) + self._cipher.finalize())
        mac = self._mac.digest()[:MAC_LEN]
        self._enc_hash.update(mac)
        self._digests = MediaDigests(
            self._plain_hash.digest(), self._enc_hash.digest(), self._length
        )
        return tail + mac

    @property
    def digests(self) -> MediaDigests:
        if self._digests is None:
            raise MediaError("digests are known only after finalize()")
        return self._digests


class MediaDecryptor:
    """Check and decrypt a downloaded file chunk by chunk.

    ``update`` returns plaintext as soon as it can, holding back the MAC and the
    last block (which carries the padding); nothing it returned is authentic
    until ``finalize`` has checked the MAC (and, if given, both SHA-256s), so a
    caller writes the output aside and keeps it only after finalize succeeds.
    """

    _HOLD = MAC_LEN + _BLOCK

    def __init__(
        self,
        media_key: bytes,
        media_type: str,
        file_enc_sha256: bytes | None = None,
        file_sha256: bytes | None = None,
    ) -> None:
        keys = expand_media_key(media_key, media_type)
        self._cipher = Cipher(algorithms.AES(keys.cipher_key), modes.CBC(keys.iv)).decryptor()
        self._mac = hmac.new(keys.mac_key, keys.iv, hashlib.sha256)
        self._enc_hash = hashlib.sha256()
        self._plain_hash = hashlib.sha256()
        self._expected_enc = file_enc_sha256
        self._expected_plain = file_sha256
        self._pending = bytearray()
        self._length = 0
        self._done = False

    def _decrypt(self, ciphertext: bytes) -> bytes:
        self._mac.update(ciphertext)
        self._enc_hash.update(ciphertext)
        return self._cipher.update(ciphertext)

    def _out(self, plaintext: bytes) -> bytes:
        self._plain_hash.update(plaintext)
        self._length += len(plaintext)
        return plaintext

    def update(self, chunk: bytes) -> bytes:
        if self._done:
            raise MediaError("decryptor already finalized")
        self._pending += chunk
        ready = (len(self._pending) - self._HOLD) // _BLOCK * _BLOCK
        if ready <= 0:
            return b""
        body = bytes(self._pending[:ready])
        del self._pending[:ready]
        return self._out(self._decrypt(body))

    def finalize(self) -> bytes:
        """Check the MAC and padding; returns the last plaintext bytes."""
        if self._done:
            raise MediaError("decryptor already finalized")
        self._done = True
        tail = bytes(self._pending)
        if len(tail) != self._HOLD:  # update() leaves exactly one block + MAC of a valid file
            raise MediaError("encrypted media has an impossible length")
        body, mac = tail[:_BLOCK], tail[_BLOCK:]
        last = self._decrypt(body) + self._cipher.finalize()
        self._enc_hash.update(mac)
        if not hmac.compare_digest(self._mac.digest()[:MAC_LEN], mac):
            raise MediaError("media MAC mismatch")
        if self._expected_enc is not None and not hmac.compare_digest(
            self._enc_hash.digest(), self._expected_enc
        ):
            raise MediaError("file_enc_sha256 mismatch")
        pad = last[-1]
        if not 1 <= pad <= _BLOCK or last[-pad:] != bytes((pad,)) * pad:
            raise MediaError("bad PKCS#7 padding in media")
        out = self._out(last[:-pad])
        if self._expected_plain is not None and not hmac.compare_digest(
            self._plain_hash.digest(), self._expected_plain
        ):
            raise MediaError("file_sha256 mismatch")
        return out

    @property
    def file_length(self) -> int:
        return self._length


@dataclass(frozen=True, slots=True)
class EncryptedMedia:
    media_key: bytes
    data: bytes  # ciphertext ‖ 10-byte MAC, as uploaded
    digests: MediaDigests

    def __repr__(self) -> str:
        return f"EncryptedMedia({len(self.data)} bytes, {self.digests})"


def encrypt_media(
    plaintext: bytes, media_type: str, media_key: bytes | None = None
) -> EncryptedMedia:
    """Encrypt a whole in-memory file (a fresh random media key unless one is given)."""
    key = generate_media_key() if media_key is None else media_key
    enc = MediaEncryptor(key, media_type)
    data = enc.update(plaintext) + enc.finalize()
    return EncryptedMedia(key, data, enc.digests)


def decrypt_media(
    data: bytes,
    media_key: bytes,
    media_type: str,
    file_enc_sha256: bytes | None = None,
    file_sha256: bytes | None = None,
) -> bytes:
    """Check and decrypt a whole downloaded file; any mismatch is a MediaError."""
    dec = MediaDecryptor(media_key, media_type, file_enc_sha256, file_sha256)
    return dec.update(data) + dec.finalize()


def file_sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def file_enc_sha256(uploaded: bytes) -> bytes:
    """SHA-256 of the uploaded bytes (ciphertext and MAC), the media server's file hash."""
    return hashlib.sha256(uploaded).digest()
