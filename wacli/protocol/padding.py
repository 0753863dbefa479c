"""WhatsApp's random padding of a Message protobuf before Signal encryption.

The sender appends n bytes of value n (Baileys picks n in 1..16, whatsmeow in
1..15) so ciphertext lengths leak less about the text. The receiver reads n
from the last byte and strips n bytes. Messages sent with enc version 3 carry
no padding at all.
"""

from __future__ import annotations

import os

from wacli.protocol.errors import PaddingError

UNPADDED_ENC_VERSION = 3


def pad_message(plaintext: bytes, pad_length: int | None = None) -> bytes:
    """Append 1..16 padding bytes (random unless ``pad_length`` is given)."""
    n = (os.urandom(1)[0] & 0x0F) + 1 if pad_length is None else pad_length
    if not 1 <= n <= 255:
        raise PaddingError(f"pad length {n} out of range 1..255")
    return bytes(plaintext) + bytes((n,)) * n


def unpad_message(padded: bytes, enc_version: int = 2) -> bytes:
    """Strip the padding strictly: every pad byte must equal the pad length, which is >= 1.

    (Real senders pad 1..16 bytes; longer consistent padding is accepted as the
    reference clients do, a zero or inconsistent pad is rejected.)
    """
    if enc_version == UNPADDED_ENC_VERSION:
        return bytes(padded)
    if not padded:
        raise PaddingError("empty plaintext has no padding")
    n = padded[-1]
    if n == 0 or n > len(padded):
        raise PaddingError(f"pad length {n} impossible for {len(padded)} bytes")
    if padded[-n:] != bytes((n,)) * n:
        raise PaddingError("padding bytes disagree with the pad length")
    return bytes(padded[:-n])
