"""Media crypto: layout, streaming equals one-shot, and every tampering is a MediaError.

Agreement with Baileys' own media functions is in
tests/interop/test_protocol_media_interop.py.
"""

import hashlib
import hmac
import os

import pytest
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.protocol import ProtocolError
from wacli.protocol.media_crypto import (
    MEDIA_HKDF_INFO,
    MediaDecryptor,
    MediaEncryptor,
    MediaError,
    decrypt_media,
    encrypt_media,
    expand_media_key,
    file_enc_sha256,
    file_sha256,
)


def test_keys_and_file_layout_follow_the_scheme() -> None:
    key, data = os.urandom(32), os.urandom(100)
    ref = HKDF(hashes.SHA256(), 112, None, b"WhatsApp Document Keys").derive(key)
    keys = expand_media_key(key, "document")
    assert (keys.iv, keys.cipher_key, keys.mac_key, keys.ref_key) == (
        ref[:16],
        ref[16:48],
        ref[48:80],
        ref[80:],
    )
    padder = padding.PKCS7(128).padder()
    enc = Cipher(algorithms.AES(keys.cipher_key), modes.CBC(keys.iv)).encryptor()
    ct = enc.update(padder.update(data) + padder.finalize()) + enc.finalize()
    mac = hmac.digest(keys.mac_key, keys.iv + ct, hashlib.sha256)[:10]
    out = encrypt_media(data, "document", key)
    assert out.data == ct + mac
    assert out.digests.file_sha256 == file_sha256(data) == hashlib.sha256(data).digest()
    assert out.digests.file_enc_sha256 == file_enc_sha256(ct + mac)
    assert out.digests.file_length == 100
    assert repr(keys) == "MediaKeys(...)"


def test_types_share_keys_where_whatsapp_does() -> None:
    key = os.urandom(32)
    assert expand_media_key(key, "sticker") == expand_media_key(key, "image")
    assert expand_media_key(key, "ptt") == expand_media_key(key, "audio")
    assert expand_media_key(key, "image") != expand_media_key(key, "video")
    assert len(set(MEDIA_HKDF_INFO.values())) == 11
    with pytest.raises(MediaError):
        expand_media_key(key, "hologram")
    with pytest.raises(MediaError):
        expand_media_key(key[:31], "image")


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=200), st.lists(st.integers(1, 40), min_size=1, max_size=12))
def test_chunked_equals_one_shot(data: bytes, cuts: list[int]) -> None:
    key = b"\x07" * 32
    whole = encrypt_media(data, "image", key)
    enc = MediaEncryptor(key, "image")
    out, pos = [], 0
    for n in cuts:
        out.append(enc.update(data[pos : pos + n]))
        pos += n
    out.append(enc.update(data[pos:]))
    out.append(enc.finalize())
    assert b"".join(out) == whole.data
    assert enc.digests == whole.digests
    dec = MediaDecryptor(key, "image", whole.digests.file_enc_sha256, whole.digests.file_sha256)
    plain, pos = [], 0
    for n in cuts:
        plain.append(dec.update(whole.data[pos : pos + n]))
        pos += n
    plain.append(dec.update(whole.data[pos:]))
    plain.append(dec.finalize())
    assert b"".join(plain) == data
    assert dec.file_length == len(data)


def test_large_file_streams_with_bounded_buffer() -> None:
    key = os.urandom(32)
    enc = MediaEncryptor(key, "video")
    dec = MediaDecryptor(key, "video")
    chunk = os.urandom(64 * 1024)
    total = hashlib.sha256()
    for _ in range(40):  # 2.5 MiB through both, 64 KiB at a time
        total.update(dec.update(enc.update(chunk)))
        assert len(dec._pending) < 16 + 10 + 16  # never more than a block and a MAC held
    total.update(dec.update(enc.finalize()))
    total.update(dec.finalize())
    assert total.digest() == enc.digests.file_sha256
    assert dec.file_length == enc.digests.file_length == 40 * 64 * 1024


@pytest.mark.parametrize("size", [0, 15, 16, 17, 100])
def test_tampering_and_truncation_are_media_errors(size: int) -> None:
    key, data = os.urandom(32), os.urandom(size)
    good = encrypt_media(data, "audio", key)
    blob = good.data
    for i in {0, len(blob) // 2, len(blob) - 11, len(blob) - 1}:
        bad = bytearray(blob)
        bad[i] ^= 1
        with pytest.raises(MediaError):
            decrypt_media(bytes(bad), key, "audio")
    for cut in (blob[:-1], blob[:-10], blob[10:], b"", blob[:25], blob + b"\x00"):
        with pytest.raises(ProtocolError):
            decrypt_media(cut, key, "audio")
    with pytest.raises(MediaError):  # right key type matters
        decrypt_media(blob, key, "video")
    with pytest.raises(MediaError):
        decrypt_media(blob, key, "audio", file_enc_sha256=bytes(32))
    with pytest.raises(MediaError):
        decrypt_media(blob, key, "audio", file_sha256=bytes(32))
    assert decrypt_media(blob, key, "audio", good.digests.file_enc_sha256) == data


def test_bad_padding_under_a_valid_mac_is_a_media_error() -> None:
    # a sender with the keys can MAC anything: padding is still checked
    key = os.urandom(32)
    keys = expand_media_key(key, "image")
    enc = Cipher(algorithms.AES(keys.cipher_key), modes.CBC(keys.iv)).encryptor()
    ct = enc.update(b"A" * 15 + b"\x11") + enc.finalize()
    mac = hmac.digest(keys.mac_key, keys.iv + ct, hashlib.sha256)[:10]
    with pytest.raises(MediaError, match="padding"):
        decrypt_media(ct + mac, key, "image")


def test_finalized_objects_refuse_more_work() -> None:
    enc = MediaEncryptor(os.urandom(32), "image")
    with pytest.raises(MediaError):
        _ = enc.digests
    enc.finalize()
    with pytest.raises(MediaError):
        enc.update(b"x")
    with pytest.raises(MediaError):
        enc.finalize()
    dec = MediaDecryptor(os.urandom(32), "image")
    with pytest.raises(MediaError):
        dec.finalize()
    with pytest.raises(MediaError):
        dec.update(b"x")
