"""wacli.binary: every tag, known byte layouts, zlib, limits, errors, and Node accessors."""

from __future__ import annotations

import zlib

import pytest

from wacli.binary import MAX_INFLATED, BinaryError, Node, NodeError, decode, encode, unmarshal
from wacli.binary import tokens as t
from wacli.binary.encoder import encode_text
from wacli.jid import DEFAULT_USER_SERVER, JID, parse_jid

SERVER = JID("", DEFAULT_USER_SERVER)


def tok(text: str) -> bytes:
    """The wire form of a token (single- or double-byte)."""
    wire = encode_text(text)
    assert wire[0] < 240, text
    return wire


# -- byte layouts ---------------------------------------------------------------------


def test_token_tables_have_the_protocols_shape() -> None:
    assert len(t.SINGLE_BYTE_TOKENS) == 236 and t.SINGLE_BYTE_TOKENS[0] == ""
    assert [len(d) for d in t.DOUBLE_BYTE_TOKENS] == [256] * 4
    every = [*t.SINGLE_BYTE_TOKENS[1:], *(x for d in t.DOUBLE_BYTE_TOKENS for x in d)]
    assert len(every) == len(set(every))
    assert t.SINGLE_BYTE_TOKENS[3] == "s.whatsapp.net" and t.SINGLE_BYTE_TOKENS[19] == "message"


def test_known_layouts() -> None:
    # <message/>: LIST_8 of 1, token 19.
    assert encode(Node("message")) == bytes((0, 248, 1, 19))
    # <iq id="1" to="@s.whatsapp.net"><ping/></iq>: the id "1" is a token, the
    # server JID a JID_PAIR with LIST_EMPTY for the user.
    ping = Node("iq", {"id": "1", "to": SERVER}, [Node("ping")])
    assert encode(ping) == (
        bytes((0, 248, 6))
        + tok("iq")
        + tok("id")
        + tok("1")
        + tok("to")
        + bytes((250, 0))
        + tok("s.whatsapp.net")
        + bytes((248, 1, 248, 1))
        + tok("ping")
    )


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("", bytes((252, 0))),
        ("message", bytes((19,))),
        ("read-self", bytes((236, 0))),  # first token of dictionary 0
        ("-.0123456789", bytes((255, 6, 0xAB, 0x01, 0x23, 0x45, 0x67, 0x89))),
        ("123", bytes((255, 0x82, 0x12, 0x3F))),  # odd length: top bit, padding nibble 15
        ("DEADBEEF", bytes((251, 4, 0xDE, 0xAD, 0xBE, 0xEF))),
        ("ABC", bytes((251, 0x82, 0xAB, 0xCF))),
        ("abc", bytes((252, 3)) + b"abc"),
        ("1" * 128, bytes((252, 128)) + b"1" * 128),  # too long to pack
        ("x" * 256, bytes((253, 0, 1, 0)) + b"x" * 256),
        (
            "15551234567@s.whatsapp.net",
            bytes((250, 255, 0x86, 0x15, 0x55, 0x12, 0x34, 0x56, 0x7F, 3)),
        ),
        ("15551234567:3@lid", bytes((247, 1, 3, 255, 0x86, 0x15, 0x55, 0x12, 0x34, 0x56, 0x7F))),
        ("555:99@hosted", bytes((247, 128, 99, 255, 0x82, 0x55, 0x5F))),
        ("555:99@hosted.lid", bytes((247, 129, 99, 255, 0x82, 0x55, 0x5F))),
        ("555_7:2@s.whatsapp.net", bytes((247, 7, 2, 255, 0x82, 0x55, 0x5F))),
    ],
)
def test_text_encodings(text: str, wire: bytes) -> None:
    assert encode_text(text) == wire


def test_jid_objects_encode_like_their_text() -> None:
    for text in (
        "15551234567@s.whatsapp.net",
        "15551234567:3@lid",
        "1:99@hosted.lid",
        "status@broadcast",
    ):
        assert encode_text(text) == encode(Node("iq", {"to": parse_jid(text)}))[5:]


def test_messenger_and_interop_jids_use_their_own_tags() -> None:
    fb = encode(Node("iq", {"to": JID("555", "msgr", 0x0102)}))[5:]
    assert fb == bytes((246, 255, 0x82, 0x55, 0x5F, 1, 2)) + encode_text("msgr")
    interop = encode(Node("iq", {"to": JID("555", "interop", 3, integrator=0x0405)}))[5:]
    assert interop == bytes((245, 255, 0x82, 0x55, 0x5F, 0, 3, 4, 5)) + encode_text("interop")


def test_every_double_byte_dictionary_round_trips() -> None:
    for number, table in enumerate(t.DOUBLE_BYTE_TOKENS):
        for index in (0, 1, 128, 255):
            assert encode_text(table[index]) == bytes((236 + number, index))
            node = Node(table[index], {table[index]: table[index]})
            assert decode(encode(node)) == node


@pytest.mark.parametrize("size", [0, 1, 255, 256, (1 << 20) - 1, 1 << 20])
def test_binary_length_classes(size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    payload = encode(Node("enc", {}, data))
    header = payload[4:]
    if size < 256:
        assert header[:2] == bytes((252, size))
    elif size < 1 << 20:
        assert header[:4] == bytes((253, size >> 16, (size >> 8) & 0xFF, size & 0xFF))
    else:
        assert header[:5] == bytes((254,)) + size.to_bytes(4, "big")
    assert decode(payload).content == data


@pytest.mark.parametrize("count", [0, 1, 255, 256, 1000])
def test_list_length_classes(count: int) -> None:
    node = Node("list", {}, [Node("item", {"id": str(i)}) for i in range(count)])
    payload = encode(node)
    marker = payload[4]
    assert marker == (0 if count == 0 else 248 if count < 256 else 249)
    expected = node if count else Node("list")  # LIST_EMPTY content reads as none
    assert decode(payload) == expected


def test_decoded_values() -> None:
    node = Node(
        "message",
        {
            "from": parse_jid("120363012345678901@g.us"),
            "participant": parse_jid("123456789012345:7@lid"),
            "recipient": parse_jid("15551234567_5:3@s.whatsapp.net"),
            "id": "3EB0C431C26A1916E5A8",
            "t": "1718000000",
            "notify": "Zoë ✨",
            "empty": "",
        },
        [Node("enc", {"v": "2", "type": "pkmsg"}, b"\x01\x02")],
    )
    assert decode(encode(node)) == node


def test_attribute_text_that_looks_like_a_jid_decodes_to_a_jid() -> None:
    decoded = decode(encode(Node("receipt", {"to": "15551234567:2@s.whatsapp.net"})))
    assert decoded.attrs["to"] == JID("15551234567", DEFAULT_USER_SERVER, 2)
    assert decoded.attr("to") == "15551234567:2@s.whatsapp.net"


def test_unusual_ad_jid_domain_bytes_are_kept_as_agents() -> None:
    # AD_JID domain 7: whatsmeow reads it as the raw agent of an s.whatsapp.net JID.
    body = bytes((248, 3)) + tok("receipt") + tok("to") + bytes((247, 7, 2, 255, 0x82, 0x55, 0x5F))
    node = unmarshal(body)
    assert node.attrs["to"] == JID("555", DEFAULT_USER_SERVER, 2, agent=7)
    assert encode(node)[1:] == body


def test_content_strings_decode_to_their_utf8() -> None:
    for value, text in ((tok("receipt"), b"receipt"), (encode_text("12345"), b"12345")):
        body = bytes((248, 2)) + tok("body") + value
        assert unmarshal(body) == Node("body", {}, text)
    jid_body = bytes((248, 2)) + tok("body") + encode_text("1@s.whatsapp.net")
    assert unmarshal(jid_body).content == b"1@s.whatsapp.net"
    assert unmarshal(bytes((248, 2)) + tok("body") + bytes((0,))) == Node("body")


def test_none_attributes_are_skipped() -> None:
    assert encode(Node("ack", {"id": "1", "participant": None})) == encode(Node("ack", {"id": "1"}))


def test_packed_strings_with_padding_and_separators() -> None:
    for text in ("1", "12", "1.5-2", "-", ".", "0123456789" * 12 + "0123456", "F", "0A1B2C3"):
        node = Node("x", {"v": text})
        assert decode(encode(node)) == node
    # A NIBBLE_8 with nibble 15 inside reads as NUL, as whatsmeow and whatsapp-rust read it.
    body = bytes((248, 3)) + tok("iq") + tok("id") + bytes((255, 2, 0x1F, 0x23))
    assert unmarshal(body).attrs["id"] == "1\x0023"


# -- zlib and limits -------------------------------------------------------------------


def test_compressed_payloads() -> None:
    node = Node("iq", {"id": "1"}, [Node("item", {"n": str(i)}) for i in range(300)])
    body = encode(node)[1:]
    assert decode(b"\x02" + zlib.compress(body)) == node
    assert decode(bytearray(b"\x02" + zlib.compress(body))) == node
    assert decode(memoryview(b"\x00" + body)) == node


def test_inflating_is_bounded() -> None:
    bomb = b"\x02" + zlib.compress(
        bytes((248, 2)) + tok("enc") + bytes((254, 0, 0x20, 0, 0)) + bytes(1 << 21)
    )
    with pytest.raises(BinaryError, match="inflates beyond"):
        decode(bomb, max_size=1 << 20)
    assert MAX_INFLATED >= 1 << 24
    exact = bytes((248, 1)) + tok("iq")
    assert decode(b"\x02" + zlib.compress(exact), max_size=len(exact)) == Node("iq")


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty"),
        (b"\x00", "truncated"),
        (b"\x00\xf8", "truncated"),
        (b"\x00\xf8\x00", "empty node"),
        (b"\x00\x13", "expected a node"),
        (b"\x00\xf8\x01\x00", "node tag is missing"),
        (b"\x00\xf8\x01\xf0", "unexpected tag 240"),
        (b"\x00\xf8\x01\x13\x13", "1 bytes left"),
        (b"\x00\xf8\x02\x13\xfc\x05ab", "runs past the end"),
        (b"\x00\xf8\x02\x13\xfd\x0f\xff\xff", "runs past the end"),
        (b"\x00\xf8\x02\x13\xfe\xff\xff\xff\xff", "runs past the end"),
        (b"\x00\xf8\x02\x13\xfe\x00", "truncated"),
        (b"\x00\xf8\x02\x13\xf8\x05", "truncated"),
        (b"\x00\xf8\x03\x13\x08\xff\x01\xc1", "invalid nibble"),
        (b"\x00\xf8\x03\x13\x08\xfc\x01\xff", "UTF-8"),
        (b"\x00\xf8\x03\x13\x08\xf6\x01\x00\x00\x03", "FB_JID"),
        (b"\x00\xf8\x03\x13\x08\xf5\x01\x00\x00\x00\x00\x03", "INTEROP_JID"),
        (b"\x00\xf8\x03\x13\x08\xf7\x00\x01\x00", "AD_JID user"),
        (b"\x00\xf8\x03\x13\x00\x08", "attribute key"),
        (b"\x02\x00\x01", "zlib"),
        (b"\x02" + zlib.compress(b"\xf8\x01\x13")[:-3], "truncated zlib"),
    ],
)
def test_malformed_payloads_raise_binary_error(payload: bytes, reason: str) -> None:
    with pytest.raises(BinaryError, match=reason):
        decode(payload)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    body = bytes((248, 2)) + tok("iq") + bytes((248, 1))
    deep = b"\x00" + body * 100_000 + bytes((248, 1)) + tok("iq")
    with pytest.raises(BinaryError, match="nested too deeply"):
        decode(deep)


def test_encode_refuses_what_the_wire_cannot_carry() -> None:
    bad = [
        Node("x", {"n": 5}),  # type: ignore[dict-item]
        Node("x", [("n", "5")]),  # type: ignore[arg-type]
        Node("x", {5: "n"}),  # type: ignore[dict-item]
        Node(5),  # type: ignore[arg-type]
        Node("x", {}, "text"),  # type: ignore[arg-type]
        Node("x", {}, [b"raw"]),  # type: ignore[list-item]
        Node("x", {"j": JID("1", "g.us", 2)}),
        Node("x", {"j": JID("1", DEFAULT_USER_SERVER, 256)}),
        Node("x", {"j": JID("1", DEFAULT_USER_SERVER, 1, agent=1)}),
        Node("x", {"j": JID("1", "msgr", 70000)}),
        Node("x", {"v": "\ud800"}),
        Node("x", {f"k{i}": "v" for i in range(40000)}),
    ]
    for node in bad:
        with pytest.raises(BinaryError):
            encode(node)


def test_binary_error_is_a_value_error() -> None:
    assert issubclass(BinaryError, ValueError) and issubclass(NodeError, BinaryError)


# -- Node --------------------------------------------------------------------------------


def test_node_accessors() -> None:
    node = decode(
        encode(
            Node(
                "iq",
                {
                    "from": SERVER,
                    "id": "12",
                    "count": "3",
                    "ok": "true",
                    "sender": "15551234567@c.us",
                },
                [
                    Node("usync", {}, [Node("user", {"jid": "1@s.whatsapp.net"}), Node("user")]),
                    Node("raw", {}, b"ab"),
                ],
            )
        )
    )
    assert node.require_child("usync").children_named("user")[0].attr_jid("jid").user == "1"
    assert node.child("missing") is None and node.child("raw").content_bytes() == b"ab"
    assert [c.tag for c in node.children] == ["usync", "raw"] and node.child("raw").children == []
    assert node.attr("from") == "s.whatsapp.net" and node.attr("nope", "d") == "d"
    assert node.attr_jid("from") == SERVER and node.attr_jid("sender").server == "c.us"
    assert node.attr_int("count") == 3 and node.attr_int("nope", 7) == 7
    assert node.attr_bool("ok") is True and node.attr_bool("nope", False) is False
    assert node.require_attr("id") == "12"
    with pytest.raises(NodeError, match="no <nope> child"):
        node.require_child("nope")
    with pytest.raises(NodeError, match="no 'nope' attribute"):
        node.require_attr("nope")
    with pytest.raises(NodeError, match="not an integer"):
        node.attr_int("ok")
    with pytest.raises(NodeError, match="not a boolean"):
        node.attr_bool("count")
    with pytest.raises(NodeError, match="no 'nope' attribute"):
        node.attr_jid("nope")
    with pytest.raises(NodeError, match="id"):
        node.attr_jid("id")
    with pytest.raises(NodeError, match="no byte content"):
        node.content_bytes()
    assert "<raw>[2 bytes 6162]</raw>" in repr(node) and repr(Node("a", {"b": "c"})) == "<a b='c'/>"
    assert Node("a") != Node("b") and Node("a") == Node("a", {}, None) and Node("a") != "a"
