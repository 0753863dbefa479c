"""Groups (xmlns w:g2): create, query, the participating list, participants, subject.

Requests as clients send them (Baileys groups.ts, whatsmeow group.go):
``<iq to="@g.us" type=set><create subject key><participant jid/>…</create></iq>`` →
``<group …/>``; ``<iq to=GROUP type=get><query request="interactive"/></iq>`` →
``<group …/>``; ``<iq to="@g.us" type=get><participating><participants/><description/>
</participating></iq>`` → ``<groups><group …/>…</groups>``; ``<iq to=GROUP type=set>
<add|remove|promote|demote><participant jid/>…</…></iq>`` → the same element with each
``<participant jid [error=code]/>``; ``<subject>text</subject>`` → an empty result;
``<description id [prev]><body>text</body></description>`` (or ``<description id
delete="true" [prev]/>``) → an empty result;
``<leave><group id/></leave>`` → ``<leave><group id/></leave>``. Errors: 404 for an
unknown group, 403 for a non-member or non-admin, 400 for a malformed request.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.jid import GROUP_SERVER
from wacli.sandbox import groups
from wacli.sandbox.stanzas import iq_error, iq_result
from wacli.sandbox.state import Account, Group

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection


def actor(conn: Connection) -> Account:
    assert conn.device_key is not None
    account = conn.hub.state.account(conn.device_key[0])
    assert account is not None
    return account


def addressed_group(conn: Connection, node: Node) -> Group:
    to = node.attr_jid("to")
    if not to.is_group:
        raise groups.GroupError(400, "the request must be addressed to a group")
    return groups.require(conn.hub, f"{to.user}@{GROUP_SERVER}")


def _text(node: Node) -> str:
    content = node.content
    return content.decode("utf-8", "replace") if isinstance(content, bytes) else ""


async def guarded(node: Node, work: Awaitable[Node]) -> Node:
    """The answer ``work`` makes, or the IQ error of the GroupError it raises."""
    try:
        return await work
    except groups.GroupError as exc:
        return iq_error(node, exc.code)


async def create(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        request = node.require_child("create")
        members = []
        for child in request.children_named("participant")[: groups.MAX_GROUP_SIZE]:
            account = groups.parse_member(conn.hub, child.attr_jid("jid"))
            if account is not None:
                members.append(account)
        subject = request.attr("subject", "") or ""
        community = request.child("parent") is not None
        group = await groups.create(
            conn.hub, actor(conn), subject, members, key=request.attr("key"), community=community
        )
        return iq_result(node, [groups.metadata_node(conn.hub, group)])

    return await guarded(node, work())


async def query(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        group = addressed_group(conn, node)
        if group.admin_of(actor(conn).phone) is None:
            raise groups.GroupError(403, "not a participant")
        return iq_result(node, [groups.metadata_node(conn.hub, group)])

    return await guarded(node, work())


async def participating(conn: Connection, node: Node) -> Node:
    hub = conn.hub
    found = [groups.metadata_node(hub, g) for g in hub.state.groups_of(actor(conn).phone)]
    return iq_result(node, [Node("groups", {}, found)])


async def participants(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        group = addressed_group(conn, node)
        change = node.children[0]
        targets = [c.attr_jid("jid") for c in change.children_named("participant")]
        results = await groups.change_participants(
            conn.hub, group, actor(conn), change.tag, targets[: groups.MAX_GROUP_SIZE]
        )
        done = "200" if conn.hub.explicit_group_answers else None
        answer = [
            Node("participant", {"jid": jid, "error": str(code) if code else done})
            for jid, code in results
        ]
        return iq_result(node, [Node(change.tag, {}, answer)])

    return await guarded(node, work())


async def subject(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        group = addressed_group(conn, node)
        await groups.set_subject(conn.hub, group, actor(conn), _text(node.children[0]))
        return iq_result(node)

    return await guarded(node, work())


async def description(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        group = addressed_group(conn, node)
        change = node.children[0]
        body = change.child("body")
        deleting = change.attr("delete") == "true"
        if deleting == (body is not None):
            raise groups.GroupError(400, "a description change has a <body> or delete=true")
        text = None if body is None else _text(body)
        await groups.set_description(
            conn.hub, group, actor(conn), text, change.attr("id") or "", change.attr("prev")
        )
        return iq_result(node)

    return await guarded(node, work())


async def leave(conn: Connection, node: Node) -> Node:
    async def work() -> Node:
        leaving = actor(conn)
        left = []
        for child in node.require_child("leave").children_named("group"):
            group = groups.require(conn.hub, f"{child.require_attr('id').split('@')[0]}@g.us")
            if group.admin_of(leaving.phone) is None:
                continue
            conn.hub.state.remove_participant(group.jid, leaving.phone)
            after = groups.require(conn.hub, group.jid)
            for phone in after.members():
                conn.hub.phone(phone).rotate_group_key(group.jid)
            removed = Node("remove", {}, [groups.participant_node(conn.hub, group, leaving.phone)])
            await groups.notify(conn.hub, after, leaving, removed, [leaving.phone])
            left.append(Node("group", {"id": group.jid}))
        if conn.hub.explicit_group_answers:
            return iq_result(node)  # as other servers answer: nothing to say
        return iq_result(node, [Node("leave", {}, left)])

    return await guarded(node, work())
