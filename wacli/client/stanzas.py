"""Stanza shapes the client builds and reads: IQs, acks, IQ errors (pure functions).

An IQ is ``<iq id type xmlns to>``; the server answers with ``type="result"``
or ``type="error"`` and the same id (whatsmeow request.go, Baileys socket.ts).
An incoming message, receipt, notification or call is acknowledged with
``<ack id class to [participant] [recipient] [type]>`` (whatsmeow receipt.go
sendAck): ``class`` is the stanza's tag, ``type`` is copied except for messages; a
call's ``type`` is its signalling child's tag (whatsapp-rust's call ack).
"""

from __future__ import annotations

import itertools
import os

from wacli.binary import Node
from wacli.client.errors import IqError
from wacli.jid import SERVER_JID

ACKED_TAGS = frozenset({"message", "receipt", "notification", "call"})


class IdSource:
    """Request ids: a random per-connection prefix and a counter, as whatsmeow does."""

    def __init__(self, prefix: str | None = None) -> None:
        self._prefix = prefix if prefix is not None else f"{os.urandom(2).hex()}."
        self._counter = itertools.count(1)

    def __call__(self) -> str:
        return f"{self._prefix}{next(self._counter)}"


def iq(
    xmlns: str,
    type_: str,
    content: list[Node] | bytes | None = None,
    *,
    to: object = SERVER_JID,
    id: str | None = None,
) -> Node:
    """An IQ request; the connection fills in the id when it is None."""
    return Node("iq", {"id": id, "xmlns": xmlns, "type": type_, "to": to}, content)  # type: ignore[dict-item]


def iq_result(request: Node, content: list[Node] | None = None) -> Node:
    """Our answer to a server IQ (pair-device, ping): same id, type result."""
    to = request.attrs.get("from") or SERVER_JID
    return Node("iq", {"to": to, "id": request.attr("id"), "type": "result"}, content)


def iq_error_reply(request_id: str, code: int, text: str) -> Node:
    return Node(
        "iq",
        {"to": SERVER_JID, "type": "error", "id": request_id},
        [Node("error", {"code": str(code), "text": text})],
    )


def ack_for(node: Node) -> Node | None:
    """The ack for an incoming stanza, or None when its kind is not acknowledged."""
    if node.tag not in ACKED_TAGS or node.attr("id") is None:
        return None
    attrs: dict[str, object] = {"class": node.tag, "id": node.attrs["id"]}
    if node.attrs.get("from") is not None:
        attrs["to"] = node.attrs["from"]
    for key in ("participant", "recipient"):
        if node.attrs.get(key) is not None:
            attrs[key] = node.attrs[key]
    if node.tag == "call":
        # A call's ack names its signalling child (offer, terminate, …) as whatsapp-rust's does.
        children = node.children
        if children:
            attrs["type"] = children[0].tag
    elif node.tag != "message" and node.attrs.get("type") is not None:
        attrs["type"] = node.attrs["type"]
    return Node("ack", attrs)  # type: ignore[arg-type]


def iq_error(response: Node) -> IqError:
    """The typed error for an ``<iq type="error">`` answer."""
    error = response.child("error")
    code_text = error.attr("code") if error is not None else None
    code = int(code_text) if code_text is not None and code_text.isdigit() else None
    text = error.attr("text") if error is not None else None
    shown = " ".join(part for part in (code_text, text) if part) or "no details"
    return IqError(f"the server answered the request with an error ({shown})", code, text)
