"""A community's linked groups, and linking or unlinking one (``wacli groups sub-groups|
link|unlink``): the stanzas of wacli.protocol.communities over one connection; refusals
are GroupRefused (exit 6).
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.client.groups import MAX_GROUPS, BadGroupAnswer, ask, group_jid
from wacli.client.stanzas import iq
from wacli.jid import JID, JIDError
from wacli.protocol import communities as co


@dataclass(frozen=True, slots=True)
class SubGroup:
    jid: JID
    subject: str
    size: int | None


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 12 else None


async def sub_groups(conn: Connection, community: JID) -> list[SubGroup]:
    """The groups linked to ``community``."""
    request = iq("w:g2", "get", [Node("sub_groups")], to=community)
    answer = await ask(conn, request, f"list the groups of community {community}", community)
    holder = answer.child("sub_groups")
    if holder is None:
        raise BadGroupAnswer("the answer has no <sub_groups>")
    found = []
    for child in holder.children_named("group")[:MAX_GROUPS]:
        try:
            jid = group_jid(child.require_attr("id"))
        except (BinaryError, JIDError):
            continue  # a broken entry is left out, as read_participating does
        found.append(SubGroup(jid, child.attr("subject") or "", _number(child.attr("size"))))
    return found


async def change_link(conn: Connection, community: JID, group: JID, *, link: bool) -> None:
    """Link ``group`` to ``community`` (or unlink it); we must be an admin of both."""
    change = co.link_node(group) if link else co.unlink_node(group)
    what = f"{'link' if link else 'unlink'} {group} {'to' if link else 'from'} {community}"
    await ask(conn, iq("w:g2", "set", [change], to=community), what, community, admin=True)
