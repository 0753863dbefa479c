"""Noise's symmetric state as WhatsApp runs it, and the transport ciphers after split.

AES-256-GCM nonces are 12 bytes: eight zeros, then the message counter as a
4-byte big-endian integer. During the handshake one counter serves both
directions and restarts at zero on every MixKey; after split each direction
has its own counter starting at zero.
"""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wacli.crypto import CryptoError, dh, hkdf_sha256
from wacli.noise.errors import DecryptError, HandshakeError, NoiseError

_HASH_LEN = 32
_MAX_COUNTER = 0xFFFFFFFF


def _nonce(counter: int) -> bytes:
    return bytes(8) + counter.to_bytes(4, "big")


def _hkdf_pair(chaining_key: bytes, ikm: bytes) -> tuple[bytes, bytes]:
    out = hkdf_sha256(ikm, 2 * _HASH_LEN, salt=chaining_key)
    return out[:_HASH_LEN], out[_HASH_LEN:]


class SymmetricState:
    """The handshake transcript hash h, chaining key ck and cipher key k."""

    def __init__(self, protocol_name: bytes, prologue: bytes) -> None:
        if len(protocol_name) <= _HASH_LEN:
            h = protocol_name.ljust(_HASH_LEN, b"\0")
        else:
            h = hashlib.sha256(protocol_name).digest()
        self.h = h
        self._ck = h
        # WhatsApp keys its cipher with h before any MixKey; nothing is
        # encrypted that early in the patterns used here.
        self._cipher = AESGCM(h)
        self._counter = 0
        self.mix_hash(prologue)

    def mix_hash(self, data: bytes) -> None:
        self.h = hashlib.sha256(self.h + data).digest()

    def mix_key(self, input_key_material: bytes) -> None:
        self._ck, key = _hkdf_pair(self._ck, input_key_material)
        self._cipher = AESGCM(key)
        self._counter = 0

    def mix_dh(self, private: bytes, public: bytes) -> None:
        try:
            shared = dh(private, public)
        except CryptoError as exc:
            raise HandshakeError(f"unusable peer key: {exc}") from None
        self.mix_key(shared)

    def encrypt_and_hash(self, plaintext: bytes) -> bytes:
        ciphertext = self._cipher.encrypt(_nonce(self._counter), plaintext, self.h)
        self._counter += 1
        self.mix_hash(ciphertext)
        return ciphertext

    def decrypt_and_hash(self, ciphertext: bytes, what: str) -> bytes:
        try:
            plaintext = self._cipher.decrypt(_nonce(self._counter), ciphertext, self.h)
        except InvalidTag:
            raise HandshakeError(f"{what} fails authentication") from None
        self._counter += 1
        self.mix_hash(ciphertext)
        return plaintext

    def split(self, initiator: bool) -> Transport:
        first, second = _hkdf_pair(self._ck, b"")
        return Transport(first, second) if initiator else Transport(second, first)


class Transport:
    """AES-GCM for frames after the handshake, one key and counter per direction.

    A frame that fails authentication raises DecryptError and leaves the
    receive counter where it was; the stream cannot recover from that, so
    the caller should close the connection.
    """

    def __init__(self, send_key: bytes, recv_key: bytes) -> None:
        self._send = AESGCM(send_key)
        self._recv = AESGCM(recv_key)
        self.send_counter = 0
        self.recv_counter = 0

    def encrypt(self, plaintext: bytes) -> bytes:
        if self.send_counter > _MAX_COUNTER:
            raise NoiseError("send counter exhausted: reconnect for fresh keys")
        ciphertext = self._send.encrypt(_nonce(self.send_counter), plaintext, None)
        self.send_counter += 1
        return ciphertext

    def decrypt(self, ciphertext: bytes) -> bytes:
        if self.recv_counter > _MAX_COUNTER:
            raise NoiseError("receive counter exhausted: reconnect for fresh keys")
        try:
            plaintext = self._recv.decrypt(_nonce(self.recv_counter), ciphertext, None)
        except InvalidTag:
            raise DecryptError(
                f"frame {self.recv_counter} fails authentication (tampered or out of order)"
            ) from None
        self.recv_counter += 1
        return plaintext
