"""wacli's media crypto against Baileys' own media functions, both directions.

Baileys derives keys with getMediaKeys, encrypts with encryptedStream (the
file it would upload, with its MAC and both SHA-256s) and decrypts through
downloadContentFromMessage, served the bytes over loopback HTTP. Baileys'
download path does not check the MAC itself, so the MAC's correctness is
shown the other way: wacli's checking decryptor accepts Baileys' files.
"""

import os
from collections.abc import Iterator

import pytest

from bench.node import NodeProcess, b64, unb64
from wacli.protocol.media_crypto import (
    MEDIA_HKDF_INFO,
    MediaDecryptor,
    decrypt_media,
    encrypt_media,
    expand_media_key,
)

pytestmark = pytest.mark.interop
SIZES = [0, 1, 15, 16, 17, 31, 32, 33, 1000, 65536, (1 << 20) + 1]


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("protocol_media.mjs") as proc:
        yield proc


def test_key_expansion_matches_for_every_type(node: NodeProcess) -> None:
    for media_type in MEDIA_HKDF_INFO:
        for _ in range(3):
            key = os.urandom(32)
            ours = expand_media_key(key, media_type)
            theirs = node.call("keys", media_key=b64(key), media_type=media_type)
            assert unb64(theirs["iv"]) == ours.iv
            assert unb64(theirs["cipher_key"]) == ours.cipher_key
            assert unb64(theirs["mac_key"]) == ours.mac_key


@pytest.mark.parametrize("size", SIZES)
def test_baileys_encrypts_wacli_decrypts(node: NodeProcess, size: int) -> None:
    media_type = ["image", "video", "audio", "document", "sticker", "md-msg-hist"][size % 6]
    data = os.urandom(size)
    out = node.call("encrypt", data=b64(data), media_type=media_type)
    enc, key = unb64(out["enc"]), unb64(out["media_key"])
    assert out["file_length"] == size
    assert enc[-10:] == unb64(out["mac"])
    ours = encrypt_media(data, media_type, media_key=key)  # AES-CBC with a derived iv: same bytes
    assert ours.data == enc
    assert ours.digests.file_sha256 == unb64(out["file_sha256"])
    assert ours.digests.file_enc_sha256 == unb64(out["file_enc_sha256"])
    plain = decrypt_media(
        enc, key, media_type, unb64(out["file_enc_sha256"]), unb64(out["file_sha256"])
    )
    assert plain == data
    # and in uneven chunks, as a download arrives
    dec = MediaDecryptor(key, media_type, unb64(out["file_enc_sha256"]), unb64(out["file_sha256"]))
    pieces, step = [], 1 + size // 7
    for i in range(0, len(enc), step):
        pieces.append(dec.update(enc[i : i + step]))
    pieces.append(dec.finalize())
    assert b"".join(pieces) == data


@pytest.mark.parametrize("size", SIZES)
def test_wacli_encrypts_baileys_decrypts(node: NodeProcess, size: int) -> None:
    media_type = ["ptt", "gif", "document", "image", "thumbnail-link", "md-app-state"][size % 6]
    data = os.urandom(size)
    ours = encrypt_media(data, media_type)
    plain = node.call(
        "decrypt", enc=b64(ours.data), media_key=b64(ours.media_key), media_type=media_type
    )
    assert unb64(plain) == data
