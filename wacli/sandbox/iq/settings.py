"""Account settings a client reads at login: A/B props, web props, blocklist, privacy.

The A/B props are the sandbox's own (privacy.py: the privacy-token switches 10518,
9666 and 14303 on, the bucket props absent so the defaults apply; the admin API
changes them): ``<props protocol="1" hash refresh><prop config_code config_value/>…``,
or an empty ``<props protocol hash refresh/>`` when the request's ``hash`` is the
current one. The rest are answered with defaults: an empty ``<list/>`` of blocked
users and the privacy categories with their default values. Issuing a privacy token
(``<iq xmlns="privacy" type="set"><tokens>``) is privacy.issue_iq.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.sandbox import privacy as tokens
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
    return iq_result(node, [tokens.props_answer(conn.hub, request.attr("hash"))])


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
    trusted-contact tokens after a first message (privacy.issue_iq)."""
    return await tokens.issue_iq(conn, node)
