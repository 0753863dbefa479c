"""Groups (xmlns w:g2): invite codes, joining with one, settings and join requests.

The stanzas are wacli.protocol.group_invites' (whatsmeow group.go, Baileys groups.ts). What
the real server does that the anchors do not show, the sandbox does as whatsmeow and
Baileys expect: only admins read or revoke a code (401 for a member, 403 for anyone
else: whatsmeow ErrGroupInviteLinkUnauthorized / ErrNotInGroup), change a setting or
answer requests (403); a revoked code is 410 and one never made 406 (whatsmeow
ErrInviteLinkRevoked / ErrInviteLinkInvalid); joining a group one is in is 409, as
adding a participant twice is. A new code, a join by link, an approval and a setting
change reach the members as w:gp2 notifications (``<invite code>``, ``<add
reason="invite">``, ``<add>``, the setting's element); a join request reaches the admins
as ``<created_membership_requests request_method="invite_link"><participant/>`` (the
shape Baileys reads).
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.protocol import group_invites as gi
from wacli.sandbox import group_settings as gs
from wacli.sandbox import groups
from wacli.sandbox.iq.groups import actor, addressed_group, guarded
from wacli.sandbox.stanzas import iq_result
from wacli.sandbox.state import Account, Group

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

ALREADY_JOINED = 409
REVOKED = 410
INVALID = 406
UNAUTHORIZED = 401


async def invite(conn: Connection, node: Node) -> Node:
    """``<invite>`` to a group: its code (set: a new one); to @g.us: preview or join."""

    async def work() -> Node:
        if node.attr_jid("to").user:  # about one group
            return await _code(conn, node)
        jid = gs.group_of_code(conn.hub, node.require_child("invite").require_attr("code"))
        if jid is None:
            raise groups.GroupError(INVALID, "no group has this invite code")
        if not jid:
            raise groups.GroupError(REVOKED, "the invite code was revoked")
        group = groups.require(conn.hub, jid)
        if node.attr("type") == "get":
            return iq_result(node, [groups.metadata_node(conn.hub, group)])
        joined = await join(conn.hub, group, actor(conn))
        tag = "group" if joined else "membership_approval_request"
        return iq_result(node, [Node(tag, {"jid": group.jid})])

    return await guarded(node, work())


async def _code(conn: Connection, node: Node) -> Node:
    """The group's invite code; a set revokes it, and the members hear the new one."""
    group = addressed_group(conn, node)
    admin = actor(conn)
    role = group.admin_of(admin.phone)
    if role is None:
        raise groups.GroupError(403, "not a participant of the group")
    if not role:
        raise groups.GroupError(UNAUTHORIZED, "only admins may see the invite link")
    renew = node.attr("type") == "set"
    code = gs.invite_code(conn.hub, group.jid, renew=renew)
    if renew:
        await groups.notify(conn.hub, group, admin, Node("invite", {"code": code}))
    return iq_result(node, [Node("invite", {"code": code})])


async def join(hub: Hub, group: Group, actor: Account) -> bool:
    """Join by link: a member at once (True), or a request waiting for an admin."""
    if group.admin_of(actor.phone) is not None:
        raise groups.GroupError(ALREADY_JOINED, "already a participant")
    settings = gs.settings_of(hub, group.jid)
    if settings.approval:
        asked = {**settings.requests, actor.phone: int(time.time())}
        gs.save(hub, group.jid, replace(settings, requests=asked))
        admins = replace(group, participants=tuple(p for p in group.participants if p[1]))
        requester = groups.participant_node(hub, group, actor.phone)
        request = Node(gi.CREATED_REQUESTS, {"request_method": "invite_link"}, [requester])
        await groups.notify(hub, admins, actor, request)
        return False
    await _add(hub, group, actor, [actor.phone], "invite")
    return True


async def _add(hub: Hub, group: Group, actor: Account, phones: list[str], reason: str) -> None:
    for phone in phones:
        hub.state.set_participant(group.jid, phone, "")
    after = groups.require(hub, group.jid)
    added = [groups.participant_node(hub, after, p) for p in phones]
    await groups.notify(hub, after, actor, Node("add", {"reason": reason}, added))


async def setting(conn: Connection, node: Node) -> Node:
    """announcement / not_announcement / locked / unlocked / membership_approval_mode."""

    async def work() -> Node:
        group = addressed_group(conn, node)
        admin = actor(conn)
        groups.require_admin(group, admin)
        change = gi.read_setting(node.children[0])
        if change is None:
            raise groups.GroupError(400, "not a group setting")
        name, on = change
        current = gs.settings_of(conn.hub, group.jid)
        gs.save(conn.hub, group.jid, gs.with_setting(current, name, on))
        await groups.notify(conn.hub, group, admin, gi.setting_node(name, on))
        return iq_result(node)

    return await guarded(node, work())


async def requests(conn: Connection, node: Node) -> Node:
    """The pending join requests of a group."""

    async def work() -> Node:
        group = addressed_group(conn, node)
        groups.require_admin(group, actor(conn))
        pending = gs.settings_of(conn.hub, group.jid).requests
        rows = []
        for phone, when in pending.items():
            account = conn.hub.state.account(phone)
            if account is not None:
                jid = groups.member_jid(conn.hub, account, False)
                rows.append(Node(gi.REQUEST, {"jid": jid, "request_time": str(when)}))
        return iq_result(node, [Node(gi.REQUESTS, {}, rows)])

    return await guarded(node, work())


async def answer_requests(conn: Connection, node: Node) -> Node:
    """Approve or reject pending requests: each participant's verdict (404: none pending)."""

    async def work() -> Node:
        group = addressed_group(conn, node)
        admin = actor(conn)
        groups.require_admin(group, admin)
        actions = node.require_child(gi.REQUESTS_ACTION).children
        action = actions[0] if actions else Node("")
        if action.tag not in ("approve", "reject"):
            raise groups.GroupError(400, "approve or reject")
        settings = gs.settings_of(conn.hub, group.jid)
        pending = dict(settings.requests)
        answers, chosen = [], []
        for child in action.children_named("participant"):
            account = groups.parse_member(conn.hub, child.attr_jid("jid"))
            found = account is not None and pending.pop(account.phone, None) is not None
            if found and account is not None:
                chosen.append(account.phone)
            answers.append(
                Node(
                    "participant", {"jid": child.attr_jid("jid"), "error": None if found else "404"}
                )
            )
        gs.save(conn.hub, group.jid, replace(settings, requests=pending))
        if chosen and action.tag == "approve":
            await _add(conn.hub, group, admin, chosen, "approval")
        result = Node(gi.REQUESTS_ACTION, {}, [Node(action.tag, {}, answers)])
        return iq_result(node, [result])

    return await guarded(node, work())
