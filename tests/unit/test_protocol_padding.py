"""Message padding: pad lengths, strict unpadding, enc version 3."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.protocol import ProtocolError
from wacli.protocol.padding import PaddingError, pad_message, unpad_message


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=100))
def test_round_trip_with_random_pad(data: bytes) -> None:
    padded = pad_message(data)
    n = len(padded) - len(data)
    assert 1 <= n <= 16
    assert padded[len(data) :] == bytes([n]) * n
    assert unpad_message(padded) == data


def test_random_pad_lengths_cover_the_range() -> None:
    lengths = {len(pad_message(b"x")) - 1 for _ in range(2000)}
    assert lengths == set(range(1, 17))


def test_explicit_pad_length() -> None:
    assert pad_message(b"ab", 3) == b"ab\x03\x03\x03"
    assert unpad_message(b"ab\x03\x03\x03") == b"ab"
    assert unpad_message(b"\x05" * 5) == b""
    with pytest.raises(PaddingError):
        pad_message(b"ab", 0)
    with pytest.raises(PaddingError):
        pad_message(b"ab", 256)


@pytest.mark.parametrize(
    "bad",
    [b"", b"\x00", b"abc\x00", b"a\x03", b"abc\x02\x03\x03", b"abcdef\x01\x02", b"\x10" * 15],
)
def test_malformed_padding_is_a_typed_error(bad: bytes) -> None:
    with pytest.raises(PaddingError):
        unpad_message(bad)
    with pytest.raises(ProtocolError):
        unpad_message(bad)


def test_version_3_is_not_padded() -> None:
    assert unpad_message(b"abc\x00", enc_version=3) == b"abc\x00"
    assert unpad_message(b"", enc_version=3) == b""
