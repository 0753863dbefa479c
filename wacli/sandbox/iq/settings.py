"""Account settings a client reads at login: A/B props, web props, blocklist, privacy.

The sandbox keeps none of them yet, so it answers the real shapes with defaults:
``<props protocol="1" hash=…/>``, an empty ``<list/>`` of blocked users, and the
privacy categories with their default values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.sandbox.stanzas import iq_result

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

_PROPS_HASH = "sandbox-1"
_PRIVACY_DEFAULTS = {
    "last": "all",
    "online": "all",
    "profile": "all",
    "status": "all",
    "readreceipts": "all",
    "groupadd": "all",
    "calladd": "all",
    "messages": "all",
}


async def ab_props(conn: Connection, node: Node) -> Node:
    request = node.require_child("props")
    attrs = {"protocol": request.attr("protocol", "1"), "hash": _PROPS_HASH, "refresh": "86400"}
    return iq_result(node, [Node("props", attrs, [])])


async def web_props(conn: Connection, node: Node) -> Node:
    return iq_result(node, [Node("props", {"protocol": "2", "hash": _PROPS_HASH}, [])])


async def blocklist(conn: Connection, node: Node) -> Node:
    return iq_result(node, [Node("list", {}, [])])


async def privacy(conn: Connection, node: Node) -> Node:
    categories = [
        Node("category", {"name": name, "value": value})
        for name, value in _PRIVACY_DEFAULTS.items()
    ]
    return iq_result(node, [Node("privacy", {}, categories)])


async def privacy_tokens(conn: Connection, node: Node) -> Node:
    """``<tokens><token jid t type="trusted_contact"/></tokens>``: a client hands out its
    trusted-contact tokens after a first message; accepted, nothing is checked yet."""
    return iq_result(node)
