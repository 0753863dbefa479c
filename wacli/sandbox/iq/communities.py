"""Communities (xmlns w:g2): a community's linked groups, linking and unlinking one.

The stanzas are wacli.protocol.communities'. What the anchors do not show, the sandbox
does as whatsmeow and Baileys expect: members of the community list its groups (403
else); only an admin of both the community and the group links or unlinks it (403);
a group that is no community has no sub groups (400), a group linked elsewhere cannot
be linked again (409), unlinking one that is not linked is 404. The community's
members hear of a link or unlink in a w:gp2 notification (co.link_change).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Attrs, Node
from wacli.jid import GROUP_SERVER
from wacli.protocol import communities as co
from wacli.sandbox import group_settings as gs
from wacli.sandbox import groups
from wacli.sandbox.iq.groups import actor, addressed_group, guarded
from wacli.sandbox.stanzas import iq_result
from wacli.sandbox.state import Group

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection


def _community(conn: Connection, node: Node) -> Group:
    community = addressed_group(conn, node)
    if not gs.settings_of(conn.hub, community.jid).community:
        raise groups.GroupError(400, "the group is not a community")
    return community


async def sub_groups(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        community = _community(conn, node)
        if community.admin_of(actor(conn).phone) is None:
            raise groups.GroupError(403, "not a member of the community")
        found = []
        for jid in gs.settings_of(conn.hub, community.jid).sub_groups:
            group = conn.hub.state.group(jid)
            if group is not None:
                attrs: Attrs = {
                    "id": jid.split("@")[0],
                    "subject": group.subject,
                    "creation": str(group.created_at),
                    "size": str(len(group.participants)),
                }
                found.append(Node("group", attrs))
        return iq_result(node, [Node("sub_groups", {}, found)])

    return await guarded(node, work())


async def change_link(conn: Connection, node: Node) -> Node:
    """``<links>`` or ``<unlink>`` one group."""

    async def work() -> Node:
        community = _community(conn, node)
        admin = actor(conn)
        request = node.children[0]
        target = co.linked_group(request)
        if target is None or not target.is_group:
            raise groups.GroupError(400, "name one sub_group <group jid/>")
        group = groups.require(conn.hub, f"{target.user}@{GROUP_SERVER}")
        groups.require_admin(community, admin)
        groups.require_admin(group, admin)
        parent = gs.settings_of(conn.hub, group.jid).parent
        if request.tag == "links":
            if parent not in (None, community.jid):
                raise groups.GroupError(409, "the group is linked to another community")
            gs.link(conn.hub, community.jid, group.jid)
            answer = co.link_node(group.jid)
        else:
            if parent != community.jid:
                raise groups.GroupError(404, "the group is not linked to this community")
            gs.unlink(conn.hub, community.jid, group.jid)
            answer = co.unlink_node(group.jid)
        change = co.link_change(group.jid, group.subject, linked=request.tag == "links")
        await groups.notify(conn.hub, community, admin, change)
        return iq_result(node, [answer])

    return await guarded(node, work())
