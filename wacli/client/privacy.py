"""The account's privacy settings, for ``wacli privacy`` (README, man/wacli.1): read them
(``<iq xmlns="privacy" type="get">``) and change one (``type="set"``), as whatsmeow's
TryFetchPrivacySettings/SetPrivacySetting and Baileys' update*Privacy do; the stanzas
are wacli.protocol.privacy_settings'.

The values last read are kept in the store (``PRIVACY_SETTINGS``, JSON: wire name ->
value) and updated by a change we make and by the ``account_sync`` notifications
``listen`` gets when another device changes one (wacli.client.account_sync).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import orjson

from wacli.client.blocklist import blocklist, change_block
from wacli.client.connection import Connection
from wacli.jid import JID
from wacli.protocol.privacy_settings import (
    Category,
    parse_privacy,
    privacy_change,
    privacy_query,
)
from wacli.store import Store

if TYPE_CHECKING:
    from wacli.client.group_admin import Connected

PRIVACY_SETTINGS = "privacy_settings"  # the account_settings row of the cached values


def cached(store: Store) -> dict[str, str]:
    """The values last read or set (wire name -> value); empty when never read."""
    raw = store.setting(PRIVACY_SETTINGS)
    try:
        values = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return {}
    return (
        {k: v for k, v in values.items() if isinstance(v, str)} if isinstance(values, dict) else {}
    )


def remember(store: Store, changed: dict[str, str]) -> None:
    """Keep ``changed`` over the cached values."""
    with store.transaction():
        store.set_setting(PRIVACY_SETTINGS, orjson.dumps({**cached(store), **changed}))


async def read_settings(conn: Connection, store: Store) -> dict[str, str]:
    """Every category the server names (wire name -> value), cached in the store."""
    answer = await conn.iq("privacy", "get", [privacy_query()])
    values = parse_privacy(answer.child("privacy"))
    remember(store, values)
    return values


async def change_setting(conn: Connection, store: Store, category: Category, value: str) -> None:
    """Set one category (ValueError for a value it does not take, before any network)."""
    change = privacy_change(category, value)
    await conn.iq("privacy", "set", [change])
    remember(store, {category.wire: value})


class PrivacyAdmin:
    """Privacy settings and the blocklist through one connection per call (Client.privacy)."""

    def __init__(self, store: Store, connected: Connected) -> None:
        self._store = store
        self._connected = connected

    async def settings(self) -> dict[str, str]:
        async with self._connected() as conn:
            return await read_settings(conn, self._store)

    async def change(self, category: Category, value: str) -> None:
        async with self._connected() as conn:
            await change_setting(conn, self._store, category, value)

    async def blocklist(self) -> list[JID]:
        async with self._connected() as conn:
            return await blocklist(conn)

    async def block(self, jid: JID, action: str) -> list[JID]:
        """Block or unblock ``jid`` (BLOCK or UNBLOCK); the blocklist after it."""
        async with self._connected() as conn:
            return await change_block(conn, jid, action)
