"""A group's disappearing-messages timer (xmlns w:g2): ``<ephemeral expiration/>`` sets it,
``<not_ephemeral/>`` turns it off (Baileys groupToggleEphemeral, whatsmeow
SetDisappearingTimer). Any member may change it unless the group's info is locked to
admins, as WhatsApp's apps let them; every member hears of it in a w:gp2 notification
with the same child, and the group's metadata carries ``<ephemeral expiration/>``
(wacli.sandbox.group_timer keeps it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.protocol.disappearing import group_setting, read_group_setting
from wacli.sandbox import group_settings as gs
from wacli.sandbox import group_timer, groups
from wacli.sandbox.iq.groups import actor, addressed_group, guarded
from wacli.sandbox.stanzas import iq_result

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection


async def ephemeral(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        group = addressed_group(conn, node)
        member = actor(conn)
        if gs.settings_of(conn.hub, group.jid).locked:
            groups.require_admin(group, member)
        seconds = read_group_setting(node.children[0])
        if seconds is None:
            raise groups.GroupError(400, "<ephemeral> needs an expiration in seconds")
        group_timer.set_timer(conn.hub, group.jid, seconds)
        await groups.notify(conn.hub, group, member, group_setting(seconds))
        return iq_result(node)

    return await guarded(node, work())
