"""The server's stanzas, shaped as the real server sends them (whatsmeow, Baileys, zapo).

Only builders live here (pure functions to Nodes), and ``Outgoing``, a stanza with the
device it is for, for the modules that decide what goes out but leave the sending to
delivery.py.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import NamedTuple

from wacli.binary import Attrs, Node
from wacli.jid import DEFAULT_USER_SERVER, JID

SERVER_JID = JID("", DEFAULT_USER_SERVER)


class Outgoing(NamedTuple):
    """A stanza for one device of an account (delivery.deliver_all sends a list of them)."""

    phone: str
    device: int
    node: Node


# The texts the real server puts next to the codes of <error> in an IQ error.
ERROR_TEXTS = {
    400: "bad-request",
    401: "not-authorized",
    403: "forbidden",
    404: "item-not-found",
    405: "not-allowed",
    406: "not-acceptable",
    409: "conflict",
    500: "internal-server-error",
    501: "feature-not-implemented",
}


def new_id() -> str:
    """A server stanza id (hex, like the real server's)."""
    return os.urandom(8).hex()


def iq_result(request: Node, content: list[Node] | None = None) -> Node:
    return Node("iq", {"from": SERVER_JID, "id": request.attr("id", ""), "type": "result"}, content)


def iq_error(request: Node, code: int, text: str | None = None) -> Node:
    error = Node("error", {"code": str(code), "text": text or ERROR_TEXTS.get(code, "error")})
    return Node("iq", {"from": SERVER_JID, "id": request.attr("id", ""), "type": "error"}, [error])


def failure(reason: int, location: str = "sandbox", **extra: str) -> Node:
    """<failure reason=…>: the login is refused (401 = logged out / unknown device;
    402 = temporarily banned, with ``code`` and ``expire``; 405 = client outdated …)."""
    return Node("failure", {"reason": str(reason), "location": location, **extra})


def stream_error_code(code: int) -> Node:
    """<stream:error code="515"/> asks the client to reconnect (after pairing)."""
    return Node("stream:error", {"code": str(code)})


def stream_error_conflict() -> Node:
    """Another connection of the same device took over."""
    return Node("stream:error", {}, [Node("conflict", {"type": "replaced"})])


def stream_error_device_removed() -> Node:
    """The device was unlinked (by itself or from the phone): the client is logged out."""
    return Node("stream:error", {"code": "401"}, [Node("conflict", {"type": "device_removed"})])


def stream_error_text(text: str) -> Node:
    """A malformed or unexpected stanza: the real server answers with a bare error and closes."""
    return Node("stream:error", {}, [Node("xml-not-well-formed", {"text": text[:200]})])


def pair_device(iq_id: str, refs: list[bytes]) -> Node:
    return Node(
        "iq",
        {"from": SERVER_JID, "id": iq_id, "type": "set", "xmlns": "md"},
        [Node("pair-device", {}, [Node("ref", {}, ref) for ref in refs])],
    )


def pair_success(iq_id: str, device: JID, lid: JID, platform: str, device_identity: bytes) -> Node:
    return Node(
        "iq",
        {"from": SERVER_JID, "id": iq_id, "type": "set", "xmlns": "md", "t": str(int(time.time()))},
        [
            Node(
                "pair-success",
                {},
                [
                    Node("device", {"jid": device, "lid": lid}),
                    Node("platform", {"name": platform}),
                    Node("device-identity", {}, device_identity),
                ],
            )
        ],
    )


def success(lid: JID, display_name: str, companion_enc_static: str, creation: int) -> Node:
    return Node(
        "success",
        {
            "t": str(int(time.time())),
            "props": "1",
            "abprops": "1",
            "location": "sandbox",
            "lid": lid,
            "display_name": display_name,
            "companion_enc_static": companion_enc_static,
            "creation": str(creation),
        },
    )


def offline_preview(tags: Mapping[str, int]) -> Node:
    """The bulletin before the offline queue: how many stanzas of each kind it holds."""
    counts = {
        "count": sum(tags.values()),
        "message": tags.get("message", 0),
        "notification": tags.get("notification", 0),
        "receipt": tags.get("receipt", 0),
        "appdata": 0,  # app-state changes travel as notifications here
    }
    attrs: Attrs = {key: str(value) for key, value in counts.items()}
    return Node("ib", {"from": SERVER_JID}, [Node("offline_preview", attrs)])


def offline_done(count: int = 0) -> Node:
    """The bulletin that ends the offline queue's delivery."""
    return Node("ib", {"from": SERVER_JID}, [Node("offline", {"count": str(count)})])


def link_code_ref(request: Node, ref: bytes) -> Node:
    """The answer to companion_hello: the pairing ref the later stages name."""
    return iq_result(
        request, [Node("link_code_companion_reg", {}, [Node("link_code_pairing_ref", {}, ref)])]
    )


def link_code_primary_hello(
    ref: bytes, primary_identity: bytes, wrapped_primary_ephemeral: bytes
) -> Node:
    """The notification that carries the phone's answer to the typed code."""
    return Node(
        "notification",
        {
            "from": SERVER_JID,
            "id": new_id(),
            "type": "link_code_companion_reg",
            "t": str(int(time.time())),
        },
        [
            Node(
                "link_code_companion_reg",
                {"stage": "primary_hello"},
                [
                    Node("link_code_pairing_ref", {}, ref),
                    Node("primary_identity_pub", {}, primary_identity),
                    Node(
                        "link_code_pairing_wrapped_primary_ephemeral_pub",
                        {},
                        wrapped_primary_ephemeral,
                    ),
                ],
            )
        ],
    )


def prekeys_low(left: int) -> Node:
    """The device's one-time prekeys run low: it should upload more."""
    return Node(
        "notification",
        {"from": SERVER_JID, "id": new_id(), "type": "encrypt", "t": str(int(time.time()))},
        [Node("count", {"value": str(left)})],
    )


def now() -> str:
    return str(int(time.time()))


def server_ack(
    kind: str,
    stanza_id: str,
    sender: str | JID,
    stanza_type: str | None = None,
    error: str | None = None,
) -> Node:
    """The server's ack of a client's message or receipt:
    ``<ack class="message" id=… from=<the stanza's to> t=… [error=…]/>`` (whatsmeow send.go
    reads t and error; an error is a negative ack)."""
    attrs: dict[str, str | JID | None] = {"class": kind, "id": stanza_id, "from": sender}
    attrs["t"] = now()
    if stanza_type is not None and kind != "message":
        attrs["type"] = stanza_type
    attrs["error"] = error
    return Node("ack", attrs)


def presence(sender: JID, available: bool, last: int | None = None) -> Node:
    """What a subscriber sees: ``<presence from=…/>`` when available, else with
    ``type="unavailable" last=<unix time or "deny">``."""
    attrs: dict[str, str | JID | None] = {"from": sender}
    if not available:
        attrs["type"] = "unavailable"
        attrs["last"] = "deny" if last is None else str(last)
    return Node("presence", attrs)
