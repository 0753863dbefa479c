"""Blocking contacts, for ``wacli block``, ``wacli unblock`` and ``wacli blocklist``
(README, man/wacli.1): ``<iq xmlns="blocklist">`` get and set, as whatsmeow's
GetBlocklist/UpdateBlocklist send them (the stanzas: wacli.protocol.privacy_settings).
The server then delivers none of a blocked contact's 1:1 messages (its sender sees one
tick); group messages still arrive.
"""

from __future__ import annotations

from wacli.client.connection import Connection
from wacli.jid import JID
from wacli.protocol.privacy_settings import block_item, parse_blocklist


async def blocklist(conn: Connection) -> list[JID]:
    """The users this account blocked."""
    return parse_blocklist(await conn.iq("blocklist", "get"))


async def change_block(conn: Connection, jid: JID, action: str) -> list[JID]:
    """Block or unblock ``jid`` (``action``: BLOCK or UNBLOCK); the blocklist after it."""
    return parse_blocklist(await conn.iq("blocklist", "set", [block_item(jid, action)]))
