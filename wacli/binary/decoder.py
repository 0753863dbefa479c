"""bytes -> Node, for any input: a Node, or a BinaryError and nothing else.

Work is bounded by the input: a slice never copies more than the payload holds
(a length that runs past the end leaves the position beyond it, which ends the
decode with BinaryError), and inflating stops at ``max_size`` bytes.

Values decode as follows: attribute values are text, or JIDs for JID-tagged
values (LIST_EMPTY gives ""); content is a list of nodes, bytes for BINARY_*,
and the UTF-8 of the text for a token, packed string or JID in content
position. AD_JID's first byte maps 0/1/128/129 to s.whatsapp.net/lid/hosted/
hosted.lid; any other byte is kept as the raw agent of an s.whatsapp.net JID
(whatsmeow's reading), so decoding and re-encoding keeps the byte.

The hot paths (single-byte tokens, BINARY_8 and packed text, the common JID
forms, child lists) are written out inline: function calls are what costs time
in pure Python. JIDs seen before are looked up by their wire bytes.
"""

from __future__ import annotations

import zlib

from wacli.binary import tokens as t
from wacli.binary.errors import BinaryError
from wacli.binary.node import Attrs, Node
from wacli.jid import (
    DEFAULT_USER_SERVER,
    HIDDEN_USER_SERVER,
    HOSTED_LID_SERVER,
    HOSTED_SERVER,
    INTEROP_SERVER,
    JID,
    MESSENGER_SERVER,
)

_new_node = object.__new__

# Largest payload inflate may produce (a frame is at most 16 MiB compressed).
MAX_INFLATED = 16 << 20

# Byte -> token for single-byte tokens; None for every byte with another meaning.
_SINGLE: tuple[str | None, ...] = (None, *t.SINGLE_BYTE_TOKENS[1:]) + (None,) * (
    256 - len(t.SINGLE_BYTE_TOKENS)
)
_DOUBLE = t.DOUBLE_BYTE_TOKENS
_AD_SERVERS = {
    0: DEFAULT_USER_SERVER,
    1: HIDDEN_USER_SERVER,
    128: HOSTED_SERVER,
    129: HOSTED_LID_SERVER,
}
# Packed nibbles read as hex digits, then a..f renamed: 10 '-', 11 '.', 15 NUL (a bytes
# table: bytes.translate is several times faster than str.translate with a mapping).
_NIBBLE_FROM_HEX = bytes.maketrans(b"abf", b"-.\x00")


def decode(data: bytes | bytearray | memoryview, *, max_size: int = MAX_INFLATED) -> Node:
    """Decode a frame payload: the flag byte (bit 2: zlib-deflated) and one node."""
    if type(data) is not bytes:
        data = bytes(data)
    if not data:
        raise BinaryError("empty payload")
    pos = 1
    if data[0] & 2:
        data, pos = _inflate(data, max_size), 0
    # The node's reading is inline here (not a helper) as this runs for every stanza.
    try:
        node, pos = _read_node(data, pos)
    except IndexError:
        raise BinaryError("truncated node") from None
    except UnicodeDecodeError as exc:
        raise BinaryError(f"text is not UTF-8: {exc.reason}") from None
    except RecursionError:
        raise BinaryError("nodes nested too deeply") from None
    if pos != len(data):
        # Past the end too: the hot paths slice without a bounds check of their own, and a
        # slice that ran over leaves pos beyond the data, which is caught here.
        if pos > len(data):
            raise BinaryError("a value runs past the end of the payload")
        raise BinaryError(f"{len(data) - pos} bytes left after the node")
    return node


def unmarshal(body: bytes | bytearray | memoryview) -> Node:
    """Decode one node from bytes without the flag byte."""
    return decode(b"\x00" + bytes(body))


def _inflate(data: bytes, max_size: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(memoryview(data)[1:], max_size + 1)
    except zlib.error as exc:
        raise BinaryError(f"bad zlib stream: {exc}") from None
    if len(body) > max_size:
        raise BinaryError(f"payload inflates beyond {max_size} bytes")
    if not inflater.eof:
        raise BinaryError("truncated zlib stream")
    return body


def _read_node(data: bytes, pos: int) -> tuple[Node, int]:
    single = _SINGLE
    wire_jids = _wire_jids
    tag = data[pos]
    if tag == 248:
        size = data[pos + 1]
        pos += 2
    elif tag == 249:
        size = (data[pos + 1] << 8) | data[pos + 2]
        pos += 3
    else:
        raise BinaryError(f"expected a node (a list), got tag {tag}")
    if not size:
        raise BinaryError("empty node list")

    description = single[data[pos]]
    if description is None:
        description, pos = _read_text(data, pos + 1, data[pos], "node tag")
    else:
        pos += 1

    attrs: Attrs = {}
    value: str | JID | None
    for _ in range((size - 1) >> 1):
        key = single[data[pos]]
        if key is None:  # rare: keys are tokens (one byte) nearly always
            key, pos = _read_text(data, pos + 1, data[pos], "attribute key")
            tag = data[pos]
            pos += 1
        else:
            tag = data[pos + 1]
            pos += 2
        value = single[tag]
        if value is None:
            if tag == 252:
                end = pos + 1 + data[pos]
                value = data[pos + 1 : end].decode()
                pos = end
            elif tag == 255 or tag == 251:
                head = data[pos]
                end = pos + 1 + (head & 0x7F)
                value = data[pos + 1 : end].hex()
                if tag == 251:
                    value = value.upper()
                elif not value.isdigit():
                    value = _unpacked(value, True, 0)
                if head & 0x80:
                    value = value[:-1]
                pos = end
            elif (tag == 250 and data[pos] in (0, 255)) or (tag == 247 and data[pos + 2] == 255):
                # A JID with a packed or no user (a phone number, a LID, a group, a
                # server): the same few come back again and again, so their wire
                # bytes map to the JID.
                if tag == 247:  # domain, device, 255, length, user
                    end = pos + 4 + (data[pos + 3] & 0x7F)
                elif data[pos]:  # 255, length, user, server token
                    end = pos + 3 + (data[pos + 1] & 0x7F)
                else:  # LIST_EMPTY, server token
                    end = pos + 2
                span = data[pos - 1 : end]
                value = wire_jids.get(span)
                if value is None:
                    value, pos = _read_value(data, pos, tag)
                    if pos == end and isinstance(value, JID):
                        _remember_wire_jid(span, value)
                else:
                    pos = end
            else:
                value, pos = _read_value(data, pos, tag)
                if value is None:
                    value = ""
        attrs[key] = value

    node = _new_node(Node)  # Node(...) without __init__'s defaults: decoding makes many
    node.tag = description
    node.attrs = attrs
    if size & 1:
        node.content = None
        return node, pos

    tag = data[pos]
    pos += 1
    content: list[Node] | bytes | None
    if tag == 248 or tag == 249:
        if tag == 248:
            count = data[pos]
            pos += 1
        else:
            count = (data[pos] << 8) | data[pos + 1]
            pos += 2
        if count == 1:  # the most common list (a message's one <enc>): no loop to set up
            child, pos = _read_node(data, pos)
            content = [child]
        else:
            content = []
            append = content.append
            for _ in range(count):
                child, pos = _read_node(data, pos)
                append(child)
    elif tag == 252:
        end = pos + 1 + data[pos]
        content = data[pos + 1 : end]
        pos = end
    elif tag == 253 or tag == 254:
        pos, end = _binary_span(data, pos, tag)
        content = data[pos:end]
        pos = end
    elif tag == 0:
        content = None
    else:
        value, pos = _read_value(data, pos, tag)
        content = str(value).encode()
    node.content = content
    return node, pos


def _binary_span(data: bytes, pos: int, tag: int) -> tuple[int, int]:
    """(start, end) of a BINARY_8/20/32 body whose length field starts at ``pos``."""
    if tag == 252:
        length = data[pos]
        pos += 1
    elif tag == 253:
        length = ((data[pos] & 0x0F) << 16) | (data[pos + 1] << 8) | data[pos + 2]
        pos += 3
    else:
        if pos + 4 > len(data):
            raise BinaryError("truncated BINARY_32 length")
        length = int.from_bytes(data[pos : pos + 4], "big")
        pos += 4
    end = pos + length
    if end > len(data):
        raise BinaryError(f"a {length}-byte value runs past the end of the payload")
    return pos, end


def _read_text(data: bytes, pos: int, tag: int, what: str) -> tuple[str, int]:
    """A value that must be text (a tag or key); a JID there is taken as its text."""
    value, pos = _read_value(data, pos, tag)
    if value is None:
        raise BinaryError(f"{what} is missing (LIST_EMPTY)")
    return (value if type(value) is str else str(value)), pos


def _read_value(data: bytes, pos: int, tag: int) -> tuple[str | JID | None, int]:
    """The string-like value introduced by ``tag`` (whose byte precedes ``pos``)."""
    if tag == 250:  # JID_PAIR: user (LIST_EMPTY for none), server
        tag = data[pos]
        if tag == 255:
            head = data[pos + 1]
            end = pos + 2 + (head & 0x7F)
            if end > len(data):
                raise BinaryError("packed string runs past the end")
            user = _unpacked(data[pos + 2 : end].hex(), True, head & 0x80)
            pos = end
        else:
            raw_user, pos = _read_value(data, pos + 1, tag)
            user = _as_text(raw_user)
        server = _SINGLE[data[pos]]
        if server is None:
            raw_server, pos = _read_value(data, pos + 1, data[pos])
            server = _as_text(raw_server)
        else:
            pos += 1
        return JID(user, server), pos
    if tag == 247:  # AD_JID: domain type, device, user
        domain = data[pos]
        device = data[pos + 1]
        user, pos = _read_text(data, pos + 3, data[pos + 2], "AD_JID user")
        server = _AD_SERVERS.get(domain)
        if server is None:
            return JID(user, DEFAULT_USER_SERVER, device, domain), pos
        return JID(user, server, device), pos
    if 0 < tag < 236:
        return _SINGLE[tag], pos
    if tag == 0:
        return None, pos
    if tag == 255 or tag == 251:
        return _read_packed(data, pos, tag)
    if tag == 252 or tag == 253 or tag == 254:
        pos, end = _binary_span(data, pos, tag)
        return data[pos:end].decode(), end
    if 236 <= tag <= 239:
        return _DOUBLE[tag - 236][data[pos]], pos + 1
    if tag == 246:
        user, pos = _read_text(data, pos + 1, data[pos], "FB_JID user")
        device = (data[pos] << 8) | data[pos + 1]
        wire_server, pos = _read_value(data, pos + 3, data[pos + 2])
        if wire_server != MESSENGER_SERVER:
            raise BinaryError(f"FB_JID with server {wire_server!r}")
        return JID(user, MESSENGER_SERVER, device), pos
    if tag == 245:
        user, pos = _read_text(data, pos + 1, data[pos], "INTEROP_JID user")
        device = (data[pos] << 8) | data[pos + 1]
        integrator = (data[pos + 2] << 8) | data[pos + 3]
        wire_server, pos = _read_value(data, pos + 5, data[pos + 4])
        if wire_server != INTEROP_SERVER:
            raise BinaryError(f"INTEROP_JID with server {wire_server!r}")
        return JID(user, INTEROP_SERVER, device, 0, integrator), pos
    raise BinaryError(f"unexpected tag {tag} where a string belongs")


# Wire bytes of a JID whose last part is one byte (so the bytes are all of it) -> the
# JID. JIDs are immutable, and the same few (ours, our contacts', the server's) come
# back in stanza after stanza: a lookup costs less than unpacking and building one.
_WIRE_JIDS_MAX = 2048
_wire_jids: dict[bytes, JID] = {}


def _remember_wire_jid(span: bytes, jid: JID) -> None:
    if len(_wire_jids) >= _WIRE_JIDS_MAX:
        _wire_jids.clear()
    _wire_jids[span] = jid


def _as_text(value: str | JID | None) -> str:
    if value is None:
        return ""
    return value if type(value) is str else str(value)


def _read_packed(data: bytes, pos: int, tag: int) -> tuple[str, int]:
    """NIBBLE_8 / HEX_8 whose length byte is at ``pos``."""
    head = data[pos]
    end = pos + 1 + (head & 0x7F)
    if end > len(data):
        raise BinaryError("packed string runs past the end")
    return _unpacked(data[pos + 1 : end].hex(), tag == 255, head & 0x80), end


def _unpacked(digits: str, nibble: bool, half: int) -> str:
    """Packed bytes (as hex digits) -> text; ``half`` drops the padding character."""
    if nibble:
        if not digits.isdigit():
            # 10 '-', 11 '.', 15 NUL; 12-14 are not nibbles (checked before the
            # padding character is dropped, as whatsapp-rust does).
            if "c" in digits or "d" in digits or "e" in digits:
                raise BinaryError("invalid nibble in NIBBLE_8 string")
            digits = digits.encode().translate(_NIBBLE_FROM_HEX).decode()
    else:
        digits = digits.upper()
    return digits[:-1] if half else digits
