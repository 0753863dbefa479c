"""Frame codec and transport ciphers of wacli.noise."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wacli.noise import (
    MAX_FRAME_SIZE,
    DecryptError,
    FrameError,
    FrameReader,
    FrameWriter,
    NoiseError,
    Transport,
    client_intro,
    encode_frame,
)

KEY_A, KEY_B = os.urandom(32), os.urandom(32)


def pair() -> tuple[Transport, Transport]:
    return Transport(KEY_A, KEY_B), Transport(KEY_B, KEY_A)


# ---- frames ------------------------------------------------------------------


def test_frame_is_three_byte_big_endian_length_then_payload() -> None:
    assert encode_frame(b"") == b"\x00\x00\x00"
    assert encode_frame(b"abc") == b"\x00\x00\x03abc"
    assert encode_frame(bytes(0x010203))[:3] == b"\x01\x02\x03"
    with pytest.raises(FrameError):
        encode_frame(bytes(MAX_FRAME_SIZE + 1))


def test_writer_puts_the_intro_before_the_first_frame_only() -> None:
    writer = FrameWriter(intro=client_intro())
    assert writer.write(b"hi") == b"WA\x06\x03\x00\x00\x02hi"
    assert writer.write(b"yo") == b"\x00\x00\x02yo"
    routed = client_intro(routing_info=b"\xaa\xbb")
    assert routed == b"ED\x00\x01\x00\x00\x02\xaa\xbbWA\x06\x03"


def test_reader_handles_partial_and_coalesced_frames() -> None:
    payloads = [os.urandom(n) for n in (0, 1, 2, 3, 100, 5000, 70000)]
    stream = b"".join(encode_frame(p) for p in payloads)
    # everything at once
    assert FrameReader().feed(stream) == payloads
    # one byte at a time
    reader = FrameReader()
    got: list[bytes] = []
    for i in range(len(stream)):
        got += reader.feed(stream[i : i + 1])
    assert got == payloads and reader.buffered == 0
    # uneven chunks that straddle frame boundaries
    reader = FrameReader()
    got = []
    for start in range(0, len(stream), 997):
        got += reader.feed(stream[start : start + 997])
    assert got == payloads


def test_reader_keeps_an_incomplete_tail() -> None:
    reader = FrameReader()
    assert reader.feed(encode_frame(b"one") + b"\x00\x00\x05ab") == [b"one"]
    assert reader.buffered == 5
    assert reader.feed(b"cde\x00") == [b"abcde"]
    assert reader.feed(b"\x00\x00") == [b""]


def test_server_reader_skips_the_header_and_records_it() -> None:
    reader = FrameReader(expect_intro=True)
    assert reader.feed(b"W") == []
    assert reader.feed(b"A\x06\x03\x00\x00") == []
    assert reader.header == b"WA\x06\x03"
    assert reader.feed(b"\x01x\x00\x00\x00") == [b"x", b""]
    assert reader.routing_info is None


def test_server_reader_accepts_the_edge_routing_pre_intro() -> None:
    wire = client_intro(routing_info=b"route") + encode_frame(b"hello")
    reader = FrameReader(expect_intro=True)
    got: list[bytes] = []
    for i in range(len(wire)):
        got += reader.feed(wire[i : i + 1])
    assert got == [b"hello"]
    assert reader.routing_info == b"route" and reader.header == b"WA\x06\x03"


@pytest.mark.parametrize("garbage", [b"GET / HTTP/1.1", b"\x00\x00\x01", b"WB", b"EX\x00\x01"])
def test_server_reader_refuses_a_stream_without_the_header(garbage: bytes) -> None:
    reader = FrameReader(expect_intro=True)
    with pytest.raises(FrameError):
        reader.feed(garbage)
    with pytest.raises(FrameError):  # and stays broken
        reader.feed(b"WA\x06\x03")


def test_reader_enforces_its_size_limit_before_the_bytes_arrive() -> None:
    reader = FrameReader(max_size=1024)
    assert reader.feed(encode_frame(bytes(1024))) == [bytes(1024)]
    with pytest.raises(FrameError, match="exceeds"):
        reader.feed(b"\x00\x04\x01")  # announces 1025 bytes
    with pytest.raises(FrameError):
        FrameReader(expect_intro=True, max_size=10).feed(b"ED\x00\x01\x00\x00\x0b")
    with pytest.raises(ValueError):
        FrameReader(max_size=MAX_FRAME_SIZE + 1)


def test_largest_frame_passes() -> None:
    big = bytes(MAX_FRAME_SIZE)
    assert FrameReader().feed(encode_frame(big)) == [big]


# ---- transport -----------------------------------------------------------------


def test_nonce_is_the_counter_big_endian_in_the_last_four_bytes() -> None:
    sender, _ = pair()
    reference = AESGCM(KEY_A)
    for counter in range(300):
        nonce = bytes(8) + counter.to_bytes(4, "big")
        assert sender.encrypt(b"frame") == reference.encrypt(nonce, b"frame", None)
    sender.send_counter = 0x01020304
    nonce = bytes(8) + bytes([1, 2, 3, 4])
    assert sender.encrypt(b"x") == reference.encrypt(nonce, b"x", None)


def test_many_frames_both_directions() -> None:
    a, b = pair()
    for i in range(500):
        msg = os.urandom(i % 300)
        assert b.decrypt(a.encrypt(msg)) == msg
        assert a.decrypt(b.encrypt(msg[::-1])) == msg[::-1]
    assert (a.send_counter, a.recv_counter, b.send_counter, b.recv_counter) == (500,) * 4


def test_tampered_frame_fails_and_leaves_the_counter() -> None:
    a, b = pair()
    frame = a.encrypt(b"\x00payload")
    for i in range(len(frame)):
        bad = bytearray(frame)
        bad[i] ^= 0x80
        with pytest.raises(DecryptError):
            b.decrypt(bytes(bad))
    assert b.recv_counter == 0
    assert b.decrypt(frame) == b"\x00payload"


def test_frames_out_of_order_or_replayed_fail() -> None:
    a, b = pair()
    first, second = a.encrypt(b"1"), a.encrypt(b"2")
    with pytest.raises(DecryptError, match="frame 0"):
        b.decrypt(second)
    assert b.decrypt(first) == b"1"
    with pytest.raises(DecryptError):
        b.decrypt(first)  # replay
    assert b.decrypt(second) == b"2"


@pytest.mark.parametrize("data", [b"", b"\x00" * 15, b"\x00" * 16, bytes(range(7, 107))])
def test_short_or_random_frames_fail(data: bytes) -> None:
    _, b = pair()
    with pytest.raises(DecryptError):
        b.decrypt(data)


def test_exhausted_counters_refuse_to_wrap() -> None:
    a, b = pair()
    a.send_counter = 0xFFFFFFFF
    b.recv_counter = 0xFFFFFFFF
    assert b.decrypt(a.encrypt(b"last")) == b"last"
    with pytest.raises(NoiseError, match="exhausted"):
        a.encrypt(b"one more")
    with pytest.raises(NoiseError, match="exhausted"):
        b.decrypt(b"\x00" * 20)
