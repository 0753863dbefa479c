"""Property tests for wacli.binary: round trips over generated nodes, and a fuzzer.

The fuzzer feeds random bytes and mutated valid encodings (bit flips, cuts,
inflated length fields, spliced bytes) to ``decode``: it must return a Node or
raise BinaryError, nothing else.
"""

from __future__ import annotations

import contextlib
import zlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wacli.binary import BinaryError, Node, decode, encode, unmarshal
from wacli.binary import tokens as t
from wacli.jid import (
    BROADCAST_SERVER,
    DEFAULT_USER_SERVER,
    GROUP_SERVER,
    HIDDEN_USER_SERVER,
    HOSTED_LID_SERVER,
    HOSTED_SERVER,
    INTEROP_SERVER,
    JID,
    MESSENGER_SERVER,
    NEWSLETTER_SERVER,
)

TOKENS = [*t.SINGLE_BYTE_TOKENS[1:], *(x for d in t.DOUBLE_BYTE_TOKENS for x in d)]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

digits = st.text("0123456789", min_size=1, max_size=20)
# Text without '@' decodes to itself whatever the encoder picks (token, packed, raw);
# text with '@' may become a JID, which the JID strategy covers.
plain_text = st.one_of(
    st.sampled_from(TOKENS),
    st.text(st.characters(blacklist_characters="@", blacklist_categories=("Cs",)), max_size=40),
    st.text("0123456789-.", max_size=140),
    st.text("0123456789ABCDEF", max_size=140),
    st.text(max_size=300).map(lambda s: s.replace("@", "")),
)
jids = st.one_of(
    st.builds(JID, digits, st.sampled_from([DEFAULT_USER_SERVER, HIDDEN_USER_SERVER])),
    st.builds(
        JID,
        digits,
        st.sampled_from(
            [DEFAULT_USER_SERVER, HIDDEN_USER_SERVER, HOSTED_SERVER, HOSTED_LID_SERVER]
        ),
        st.integers(1, 255),
    ),
    st.builds(
        JID,
        digits,
        st.just(DEFAULT_USER_SERVER),
        st.integers(1, 255),
        st.integers(2, 255).filter(lambda a: a not in (128, 129)),
    ),
    st.builds(JID, digits, st.sampled_from([GROUP_SERVER, BROADCAST_SERVER, NEWSLETTER_SERVER])),
    st.builds(JID, digits, st.just(MESSENGER_SERVER), st.integers(0, 0xFFFF)),
    st.builds(
        JID,
        digits,
        st.just(INTEROP_SERVER),
        st.integers(0, 0xFFFF),
        st.just(0),
        st.integers(0, 0xFFFF),
    ),
    st.builds(JID, st.just(""), st.sampled_from([DEFAULT_USER_SERVER, GROUP_SERVER, "call"])),
)
attrs = st.dictionaries(plain_text, st.one_of(plain_text, jids), max_size=6)
leaf_content = st.one_of(st.none(), st.binary(max_size=300), st.binary(min_size=256, max_size=2000))
nodes = st.recursive(
    st.builds(Node, plain_text, attrs, leaf_content),
    lambda children: st.builds(Node, plain_text, attrs, st.lists(children, min_size=1, max_size=6)),
    max_leaves=25,
)


@SETTINGS
@given(nodes)
def test_encode_decode_round_trip(node: Node) -> None:
    payload = encode(node)
    assert payload[0] == 0
    assert decode(payload) == node
    assert encode(decode(payload)) == payload
    assert decode(b"\x02" + zlib.compress(payload[1:])) == node


def _mutants(data: st.DataObject, payload: bytes) -> bytes:
    body = bytearray(payload)
    kind = data.draw(st.sampled_from(["flip", "cut", "inflate", "splice", "stretch"]))
    if kind == "flip":
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(body) - 1))
            body[at] ^= 1 << data.draw(st.integers(0, 7))
    elif kind == "cut":
        body = body[: data.draw(st.integers(0, len(body) - 1))]
    elif kind == "inflate":
        # Make a length field (after a list or binary tag) claim far more than is there.
        marks = [i for i, b in enumerate(body) if b in (248, 249, 252, 253, 254, 251, 255)]
        if marks:
            at = data.draw(st.sampled_from(marks))
            for k in range(at + 1, min(at + 5, len(body))):
                body[k] = 0xFF
    elif kind == "splice":
        at = data.draw(st.integers(0, len(body)))
        body[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    else:
        at = data.draw(st.integers(0, len(body) - 1))
        body[at] = data.draw(st.sampled_from([0, 236, 239, 240, 245, 246, 247, 249, 250, 253, 254]))
    return bytes(body)


def _decodes_or_binary_error(payload: bytes) -> None:
    try:
        result = decode(payload)
    except BinaryError:
        return
    assert isinstance(result, Node)


@SETTINGS
@given(nodes, st.data())
def test_mutated_encodings_raise_only_binary_error(node: Node, data: st.DataObject) -> None:
    payload = _mutants(data, encode(node))
    _decodes_or_binary_error(payload)
    _decodes_or_binary_error(b"\x02" + zlib.compress(payload[1:]))


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_raise_only_binary_error(payload: bytes) -> None:
    _decodes_or_binary_error(payload)
    _decodes_or_binary_error(b"\x00\xf8" + payload)
    _decodes_or_binary_error(b"\x02" + payload)
    with contextlib.suppress(BinaryError):
        unmarshal(payload)
