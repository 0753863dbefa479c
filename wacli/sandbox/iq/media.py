"""``<iq xmlns="w:m" type="set"><media_conn/></iq>``: where and with what to upload media.

The answer has the real shape (whatsmeow mediaconn.go, Baileys refreshMediaConn):
``<media_conn auth ttl auth_ttl max_buckets><host hostname maxContentLengthBytes/>…``.
The one host is the sandbox's own https media listener on loopback (media.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Attrs, Node
from wacli.sandbox.media import AUTH_TTL, CONN_TTL
from wacli.sandbox.stanzas import iq_result

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection


async def media_conn(conn: Connection, node: Node) -> Node:
    store = conn.hub.media
    host = Node("host", {"hostname": store.host, "maxContentLengthBytes": str(store.max_bytes)}, [])
    attrs: Attrs = {
        "auth": store.issue_auth(),
        "ttl": str(CONN_TTL),
        "auth_ttl": str(AUTH_TTL),
        "max_buckets": "12",
    }
    return iq_result(node, [Node("media_conn", attrs, [host])])
