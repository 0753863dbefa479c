"""WhatsApp's binary XML: the ``Node`` stanza type and its byte codec, sans I/O.

    from wacli.jid import SERVER_JID
    payload = encode(Node("iq", {"id": "1", "type": "get", "to": SERVER_JID}, [Node("ping")]))
    node = decode(payload)          # payload = flag byte + node; zlib when flag & 2

The bytes ``encode`` writes equal those of whatsapp-rust-bridge 0.5.4's
``encodeNode`` (tests/interop/test_binary_interop.py checks a corpus of real-shaped
stanzas); see wacli.binary.encoder for how text is chosen to be a token, a packed
string, a JID or raw bytes, and wacli.binary.decoder for what values decode to.
Every error for bad input is a BinaryError (a ValueError); NodeError, its
subclass, reports a well-formed node that lacks what a caller required.
"""

from wacli.binary.decoder import MAX_INFLATED, decode, unmarshal
from wacli.binary.encoder import encode, encode_text
from wacli.binary.errors import BinaryError, NodeError
from wacli.binary.node import Attrs, AttrValue, Node

__all__ = [
    "MAX_INFLATED",
    "AttrValue",
    "Attrs",
    "BinaryError",
    "Node",
    "NodeError",
    "decode",
    "encode",
    "encode_text",
    "unmarshal",
]
