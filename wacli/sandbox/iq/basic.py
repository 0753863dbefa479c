"""Keepalive pings and the passive/active switch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.sandbox.stanzas import iq_result

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection


async def ping(conn: Connection, node: Node) -> Node:
    conn.hub.stats["pings"] += 1
    return iq_result(node)


async def passive(conn: Connection, node: Node) -> Node:
    """<passive/> or <active/>: an active client gets its offline queue (none kept yet)."""
    conn.active = bool(node.child("active"))
    return iq_result(node)
