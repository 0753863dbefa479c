"""Communities as stanzas (xmlns ``w:g2``), free of I/O: the client builds and reads them,
the sandbox reads and answers them.

Shapes (whatsmeow group.go GetSubGroups/LinkGroup/UnlinkGroup, Baileys communities.ts):

- a community's metadata carries ``<parent/>``; a group linked to one
  ``<linked_parent jid=COMMUNITY/>``;
- its linked groups: ``type=get to=COMMUNITY <sub_groups/>`` →
  ``<sub_groups><group id subject [creation] [size]/>…</sub_groups>`` (``id`` the user
  part, as in metadata);
- linking one (an admin of both): ``type=set to=COMMUNITY <links><link
  link_type="sub_group"><group jid=GROUP/></link></links>``; unlinking: ``type=set
  to=COMMUNITY <unlink unlink_type="sub_group"><group jid=GROUP/></unlink>``; the answer
  echoes the request (whatsmeow and Baileys read nothing from it). Members of the
  community hear of it in a w:gp2 notification: ``<link link_type="sub_group"><group jid
  subject/></link>`` or ``<unlink unlink_type="sub_group" unlink_reason="unlink_group">
  <group jid subject/></unlink>`` (whatsmeow parseGroupChange).
"""

from __future__ import annotations

from wacli.binary import Attrs, Node
from wacli.jid import JID

SUB_GROUP = "sub_group"


def link_node(group: JID | str) -> Node:
    target = Node("group", {"jid": group})
    return Node("links", {}, [Node("link", {"link_type": SUB_GROUP}, [target])])


def unlink_node(group: JID | str) -> Node:
    return Node("unlink", {"unlink_type": SUB_GROUP}, [Node("group", {"jid": group})])


def link_change(group: JID | str, subject: str, *, linked: bool) -> Node:
    """The w:gp2 notification's element for a group linked to (or unlinked from) a
    community."""
    target = Node("group", {"jid": group, "subject": subject})
    if linked:
        return Node("link", {"link_type": SUB_GROUP}, [target])
    attrs: Attrs = {"unlink_type": SUB_GROUP, "unlink_reason": "unlink_group"}
    return Node("unlink", attrs, [target])


def linked_group(request: Node) -> JID | None:
    """The group a ``<links>`` or ``<unlink>`` element names (None: not a sub_group one)."""
    holder = request
    if request.tag == "links":
        link = request.child("link")
        if link is None or link.attr("link_type") != SUB_GROUP:
            return None
        holder = link
    elif request.tag != "unlink" or request.attr("unlink_type") != SUB_GROUP:
        return None
    group = holder.child("group")
    return None if group is None else group.attr_jid("jid")
