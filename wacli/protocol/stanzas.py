"""How a device answers what the server sends it, on both sides (whatsmeow request.go and
receipt.go sendAck, Baileys socket.ts; the sandbox reads these answers).

An incoming message, receipt, notification or call is acknowledged with ``<ack id
class to [participant] [recipient] [type]>``: ``class`` is the stanza's tag, ``type``
is copied except for messages; a call's ``type`` is its signalling child's tag
(whatsapp-rust's call ack). A server IQ (pair-device, ping) is answered with ``<iq
type="result">`` and the same id.
"""

from __future__ import annotations

from wacli.binary import Node
from wacli.jid import JID, SERVER_JID

ACKED_TAGS = frozenset({"message", "receipt", "notification", "call"})


def iq_result(request: Node, content: list[Node] | None = None) -> Node:
    """A device's answer to a server IQ: same id, type result."""
    to = request.attrs.get("from") or SERVER_JID
    return Node("iq", {"to": to, "id": request.attr("id"), "type": "result"}, content)


def ack_for(node: Node) -> Node | None:
    """The ack for an incoming stanza, or None when its kind is not acknowledged."""
    if node.tag not in ACKED_TAGS or node.attr("id") is None:
        return None
    attrs: dict[str, str | JID | None] = {"class": node.tag, "id": node.attrs["id"]}
    if node.attrs.get("from") is not None:
        attrs["to"] = node.attrs["from"]
    for key in ("participant", "recipient"):
        if node.attrs.get(key) is not None:
            attrs[key] = node.attrs[key]
    if node.tag == "call":
        children = node.children
        if children:
            attrs["type"] = children[0].tag
    elif node.tag != "message" and node.attrs.get("type") is not None:
        attrs["type"] = node.attrs["type"]
    return Node("ack", attrs)
