"""Privacy settings (xmlns privacy) and the blocklist (xmlns blocklist), per account.

``<privacy/>`` get: every category with its value (defaults until changed); set: one
``<category name value/>`` (400 for a name or value WhatsApp does not offer), answered
empty. Blocklist get: ``<list dhash><item jid/>…</list>``; set: ``<item action jid
[pn_jid]/>`` (Baileys names the LID in ``jid`` and the number in ``pn_jid``; whatsmeow
either), answered with the list after the change as whatsmeow reads it. Both changes
reach the account's other companions as ``account_sync`` notifications (blocking.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.protocol.privacy_settings import (
    BLOCK,
    BY_WIRE,
    UNBLOCK,
    blocklist_node,
    parse_privacy,
    privacy_node,
)
from wacli.sandbox import blocking
from wacli.sandbox.iq.profile import caller
from wacli.sandbox.stanzas import iq_error, iq_result

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection


async def privacy(conn: Connection, node: Node) -> Node:
    account, _ = caller(conn)
    return iq_result(node, [privacy_node(blocking.privacy_values(conn.hub, account.phone))])


async def change_privacy(conn: Connection, node: Node) -> Node:
    account, device = caller(conn)
    changes = parse_privacy(node.require_child("privacy"))
    if len(changes) != 1:
        return iq_error(node, 400, "one <category name value/> at a time")
    [(name, value)] = changes.items()
    category = BY_WIRE.get(name)
    if category is None or value not in category.values:
        return iq_error(node, 400, f"no privacy value {value!r} for {name!r}")
    blocking.set_privacy(conn.hub, account.phone, name, value)
    sync = blocking.account_sync(account, privacy_node({name: value}))
    await blocking.tell_other_devices(conn.hub, account, sync, device)
    return iq_result(node)


async def blocklist(conn: Connection, node: Node) -> Node:
    account, _ = caller(conn)
    return iq_result(node, [blocklist_node(blocking.blocked(conn.hub, account.phone))])


async def change_blocklist(conn: Connection, node: Node) -> Node:
    account, device = caller(conn)
    item = node.require_child("item")
    action = item.attr("action")
    if action not in (BLOCK, UNBLOCK):
        return iq_error(node, 400, "action is block or unblock")
    named = item.attr_jid("pn_jid") if item.attr("pn_jid") else item.attr_jid("jid")
    if not (named.is_pn or named.is_lid):
        return iq_error(node, 400, "only a user can be blocked")
    target = conn.hub.account_of(named.to_non_ad())
    if target is not None and target.phone == account.phone:
        return iq_error(node, 400, "an account cannot block itself")
    change = blocking.change_blocklist(conn.hub, account.phone, named, action)
    sync = blocking.blocklist_sync(conn.hub, account, change)
    await blocking.tell_other_devices(conn.hub, account, sync, device)
    return iq_result(node, [blocklist_node(blocking.blocked(conn.hub, account.phone))])
