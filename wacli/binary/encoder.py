"""Node -> bytes: WhatsApp's binary XML, byte for byte as whatsapp-rust (the bridge) writes it.

How a text value is written decides interoperability, so the choice follows
whatsapp-rust's encoder exactly, in this order: empty -> BINARY_8 0; a token of
the single-byte table -> its byte; of a double-byte dictionary -> DICTIONARY_n
and index; up to 127 characters of ``0-9 - .`` -> NIBBLE_8; of ``0-9 A-F`` ->
HEX_8; up to 48 bytes containing ``@`` -> a JID (AD_JID when the user part ends
in ``:<device 0-255>``, else JID_PAIR); anything else -> its UTF-8 bytes.

JID objects (wacli.jid.JID) are written by their meaning: msgr -> FB_JID, interop
-> INTEROP_JID, a device of s.whatsapp.net/lid/hosted/hosted.lid -> AD_JID, any
other -> JID_PAIR. For every JID whose text the bridge reads back as the same JID
this equals what the text would give. Write Messenger and interop JIDs as JID
objects: as text the bridge (and so this encoder) turns ``u:1@msgr`` into an AD_JID.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from wacli.binary import tokens as t
from wacli.binary.errors import BinaryError
from wacli.binary.node import AttrValue, Node
from wacli.jid import (
    DEFAULT_USER_SERVER,
    HIDDEN_USER_SERVER,
    HOSTED_LID_SERVER,
    HOSTED_SERVER,
    INTEROP_SERVER,
    JID,
    MESSENGER_SERVER,
    SERVER_DOMAINS,
)

# Only this short a text with an '@' is tried as a JID (whatsapp-rust's heuristic).
JID_TEXT_MAX = 48

_NIBBLE_TEXT = re.compile(r"[0-9.\-]{1,127}")
_HEX_TEXT = re.compile(r"[0-9A-F]{1,127}")
_NIBBLE_AS_HEX = str.maketrans({"-": "a", ".": "b"})
_TEXT_DOMAINS = {HIDDEN_USER_SERVER: 1, HOSTED_SERVER: 128, HOSTED_LID_SERVER: 129}
_AMBIGUOUS_AGENTS = frozenset(SERVER_DOMAINS.values()) - {0}

# Encoded form of recently written texts and JIDs. Tags, keys and most values
# repeat from stanza to stanza; the cache starts over when full, so it stays small.
_CACHE_MAX = 4096
_TOKENS: dict[str | JID, bytes] = {}
for _dict, _table in enumerate(t.DOUBLE_BYTE_TOKENS):
    for _index, _token in enumerate(_table):
        _TOKENS[_token] = bytes((t.DICTIONARY_0 + _dict, _index))
for _index, _token in enumerate(t.SINGLE_BYTE_TOKENS):
    if _index:
        _TOKENS[_token] = bytes((_index,))
_cache: dict[str | JID, bytes] = dict(_TOKENS)

_EMPTY_TEXT = bytes((t.BINARY_8, 0))


def encode(node: Node) -> bytes:
    """The frame payload for ``node``: the 0x00 flag byte (uncompressed) and the node."""
    out = bytearray(b"\x00")
    try:
        _write_node(out, node)
    except RecursionError:
        raise BinaryError("node nested too deeply to encode") from None
    return bytes(out)


def encode_text(value: str) -> bytes:
    """The bytes one text value encodes to (exposed for tests and size estimates)."""
    return _text(value)


def _write_node(out: bytearray, node: Node) -> None:
    if not isinstance(node, Node):
        raise BinaryError(f"expected a Node, got {type(node).__name__}")
    attrs = node.attrs
    content = node.content
    if not isinstance(attrs, dict):
        raise BinaryError(f"<{node.tag}> attrs must be a dict, not {type(attrs).__name__}")
    items: Collection[tuple[str, AttrValue | None]] = attrs.items()
    if None in attrs.values():
        items = [(k, v) for k, v in items if v is not None]
    size = 1 + 2 * len(items) + (content is not None)
    if size < 256:
        out += bytes((t.LIST_8, size))
    elif size < 65536:
        out += bytes((t.LIST_16, size >> 8, size & 0xFF))
    else:
        raise BinaryError(f"<{node.tag}> has too many attributes ({len(items)})")
    cache = _cache
    tag = node.tag
    if not isinstance(tag, str):
        raise BinaryError(f"a node tag must be str, not {type(tag).__name__}")
    out += cache.get(tag) or _text(tag)
    for key, value in items:
        out += cache.get(key) or _text(key)
        if isinstance(value, str):
            out += cache.get(value) or _text(value)
        elif isinstance(value, JID):
            out += cache.get(value) or _jid(value)
        else:
            kind = type(value).__name__
            raise BinaryError(f"<{tag}> attribute {key!r}: {kind} is not str or JID")
    if content is None:
        return
    if isinstance(content, list | tuple):
        count = len(content)
        if count == 0:
            out.append(t.LIST_EMPTY)
        elif count < 256:
            out += bytes((t.LIST_8, count))
        elif count < 65536:
            out += bytes((t.LIST_16, count >> 8, count & 0xFF))
        else:
            raise BinaryError(f"<{node.tag}> has too many children ({count})")
        for child in content:
            _write_node(out, child)
    elif isinstance(content, bytes | bytearray | memoryview):
        _write_binary(out, content)
    else:
        raise BinaryError(
            f"<{node.tag}> content must be a list of nodes, bytes or None, "
            f"not {type(content).__name__}"
        )


def _write_binary(out: bytearray, data: bytes | bytearray | memoryview) -> None:
    length = data.nbytes if isinstance(data, memoryview) else len(data)
    if length < 256:
        out += bytes((t.BINARY_8, length))
    elif length < 1 << 20:
        out += bytes((t.BINARY_20, length >> 16, (length >> 8) & 0xFF, length & 0xFF))
    elif length < 1 << 32:
        out.append(t.BINARY_32)
        out += length.to_bytes(4, "big")
    else:
        raise BinaryError(f"{length} bytes do not fit BINARY_32")
    out += data


def _remember(key: str | JID, encoded: bytes) -> bytes:
    if len(_cache) >= _CACHE_MAX:
        _cache.clear()
        _cache.update(_TOKENS)
    _cache[key] = encoded
    return encoded


def _text(value: str) -> bytes:
    encoded = _cache.get(value)
    if encoded is not None:
        return encoded
    if not isinstance(value, str):
        raise BinaryError(f"expected text, got {type(value).__name__}")
    if not value:
        return _EMPTY_TEXT
    if len(value) <= t.PACKED_MAX:
        if _NIBBLE_TEXT.fullmatch(value):
            return _remember(value, _packed(t.NIBBLE_8, value.translate(_NIBBLE_AS_HEX)))
        if _HEX_TEXT.fullmatch(value):
            return _remember(value, _packed(t.HEX_8, value))
    try:
        raw = value.encode()
    except UnicodeEncodeError:
        raise BinaryError(f"text {value!r:.40} cannot be encoded as UTF-8") from None
    if "@" in value and len(raw) <= JID_TEXT_MAX:
        return _remember(value, _jid_text(value))
    out = bytearray()
    _write_binary(out, raw)
    if len(raw) <= 64:
        return _remember(value, bytes(out))
    return bytes(out)


def _packed(tag: int, hex_digits: str) -> bytes:
    """NIBBLE_8/HEX_8: two characters a byte; an odd length is padded with nibble 15."""
    length = len(hex_digits)
    half = length & 1
    if half:
        hex_digits += "f"
    return bytes((tag, ((length + 1) >> 1) | (half << 7))) + bytes.fromhex(hex_digits)


def _rust_u8(text: str) -> int | None:
    """Parse as Rust's ``u8::from_str`` does (optional '+', digits, at most 255)."""
    if text.startswith("+"):
        text = text[1:]
    if not text or not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if value <= 255 else None


def _jid_text(value: str) -> bytes:
    """A JID-looking text, split as whatsapp-rust's encoder splits it."""
    at = value.index("@")
    user, server = value[:at], value[at + 1 :]
    device = None
    colon = user.find(":")
    if colon >= 0:
        device = _rust_u8(user[colon + 1 :])
        if device is not None:
            user = user[:colon]
    agent = 0
    underscore = user.find("_")
    if underscore >= 0:
        parsed = _rust_u8(user[underscore + 1 :])
        if parsed is not None:
            agent = parsed
            user = user[:underscore]
    if device is not None:
        domain = _TEXT_DOMAINS.get(server, agent)
        return bytes((t.AD_JID, domain, device)) + _text(user)
    head = bytes((t.JID_PAIR,)) + (_text(user) if user else bytes((t.LIST_EMPTY,)))
    return head + _text(server)


def _jid(jid: JID) -> bytes:
    encoded = _cache.get(jid)
    if encoded is not None:
        return encoded
    user, server, device = jid.user, jid.server, jid.device
    if not isinstance(user, str) or not isinstance(server, str):
        raise BinaryError(f"malformed JID {jid!r}")
    if server == MESSENGER_SERVER:
        if not user or not 0 <= device <= 0xFFFF:
            raise BinaryError(f"{jid} cannot be written as FB_JID")
        out = bytes((t.FB_JID,)) + _text(user) + device.to_bytes(2, "big") + _text(server)
    elif server == INTEROP_SERVER:
        if not user or not 0 <= device <= 0xFFFF or not 0 <= jid.integrator <= 0xFFFF:
            raise BinaryError(f"{jid} cannot be written as INTEROP_JID")
        out = (
            bytes((t.INTEROP_JID,))
            + _text(user)
            + device.to_bytes(2, "big")
            + jid.integrator.to_bytes(2, "big")
            + _text(server)
        )
    elif device:
        domain = SERVER_DOMAINS.get(server)
        if domain is None:
            raise BinaryError(f"{jid}: a @{server} JID cannot name a device")
        if server == DEFAULT_USER_SERVER:
            domain = jid.agent
            if not 0 <= domain <= 255 or domain in _AMBIGUOUS_AGENTS:
                raise BinaryError(f"{jid}: agent {domain} cannot be written as AD_JID")
        if not 0 < device <= 255:
            raise BinaryError(f"{jid}: device {device} does not fit AD_JID")
        out = bytes((t.AD_JID, domain, device)) + _text(user)
    else:
        out = bytes((t.JID_PAIR,)) + (_text(user) if user else bytes((t.LIST_EMPTY,)))
        out += _text(server)
    return _remember(jid, out)
