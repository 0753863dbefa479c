"""AES-256-CBC with PKCS#7 padding, as Signal's version 3 messages use it."""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from wacli.signal.errors import InvalidMessageError

_PADS = [bytes((n,)) * n for n in range(17)]


def cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(plaintext + _PADS[16 - len(plaintext) % 16]) + encryptor.finalize()


def cbc_decrypt(key: bytes, iv: bytes, ciphertext: bytes) -> bytes:
    if not ciphertext or len(ciphertext) % 16:
        raise InvalidMessageError("ciphertext is not whole AES blocks")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    pad = padded[-1]
    # The MAC was checked first, so a bad pad is a broken sender, not an oracle.
    if not 1 <= pad <= 16 or padded[-pad:] != _PADS[pad]:
        raise InvalidMessageError("bad PKCS#7 padding")
    return padded[:-pad]
