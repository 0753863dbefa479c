"""The server's own keepalive: it pings each logged-in device, as the real server does.

``<iq from="s.whatsapp.net" id type="get" xmlns="urn:xmpp:ping"/>``, answered by a
client with ``<iq to="s.whatsapp.net" id type="result"/>``. A device that leaves
``MISSES`` pings in a row unanswered is taken for dead and its connection closed, so
its stanzas wait in its offline queue instead of going into a socket nobody reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio

from wacli.binary import Node
from wacli.sandbox.stanzas import SERVER_JID, new_id

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

PING_SECONDS = 60.0  # between two pings of one device
REPLY_SECONDS = 20.0  # for its answer
MISSES = 3


def ping_node() -> Node:
    return Node("iq", {"from": SERVER_JID, "id": new_id(), "type": "get", "xmlns": "urn:xmpp:ping"})


async def ping(conn: Connection, timeout: float = REPLY_SECONDS) -> bool:
    """Ping one device; True when it answered in time."""
    answer = await conn.request(ping_node(), timeout)
    return answer is not None and answer.attr("type") == "result"


async def keep_alive(conn: Connection, interval: float) -> None:
    """Ping ``conn`` every ``interval`` seconds until it closes, or close it when it stops
    answering."""
    missed = 0
    while not conn.closed:
        await anyio.sleep(interval)
        if await ping(conn, min(REPLY_SECONDS, interval)):
            missed = 0
            continue
        missed += 1
        conn.hub.stats["pings_unanswered"] += 1
        if missed >= MISSES and not conn.closed:
            await conn.close()
            return
