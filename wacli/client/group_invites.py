"""Invite links, joining with one, a group's settings and its join requests (``wacli groups
invite-link|preview|join|set|requests|approve|reject``): the stanzas of
wacli.protocol.group_invites over one connection; refusals are GroupRefused (exit 6).
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.client.groups import (
    GROUPS_SERVER,
    MAX_CHANGE,
    BadGroupAnswer,
    Group,
    GroupRefused,
    ParticipantResult,
    ask,
    read_group,
    read_participant_results,
)
from wacli.client.stanzas import iq
from wacli.jid import JID, JIDError
from wacli.protocol import group_invites as gi


@dataclass(frozen=True, slots=True)
class Joined:
    group: JID
    pending: bool  # an admin must approve the request first


@dataclass(frozen=True, slots=True)
class JoinRequest:
    jid: JID
    requested_at: int | None  # unix seconds


def _answer_jid(node: Node, key: str = "jid") -> JID:
    try:
        return node.attr_jid(key).to_non_ad()
    except (BinaryError, JIDError) as exc:
        raise BadGroupAnswer(f"the server's <{node.tag}> names no valid {key}: {exc}") from None


# What a refused invite request means (whatsmeow's ErrGroupInviteLinkUnauthorized,
# ErrInviteLinkRevoked, ErrInviteLinkInvalid).
_INVITE_REFUSALS = {
    401: "only the group's admins may see or revoke its invite link (401 not-authorized)",
    410: "the invite link was revoked (410 gone)",
    406: "no group has this invite link (406 not-acceptable)",
}


async def _ask_invite(conn: Connection, request: Node, what: str, group: JID | None = None) -> Node:
    """``ask``, with the invite refusals in words."""
    try:
        return await ask(conn, request, what, group, admin=True)
    except GroupRefused as exc:
        worded = _INVITE_REFUSALS.get(exc.code or 0)
        if worded is None:
            raise
        raise GroupRefused(worded, exc.code, exc.text) from None


async def invite_code(conn: Connection, group: JID, *, revoke: bool = False) -> str:
    """The group's invite code; ``revoke``: the old one stops working, this is the new one."""
    what = f"{'revoke' if revoke else 'give'} the invite link of {group}"
    request = iq("w:g2", "set" if revoke else "get", [Node("invite")], to=group)
    answer = await _ask_invite(conn, request, what, group)
    invite = answer.child("invite")
    code = None if invite is None else invite.attr("code")
    if not code:
        raise BadGroupAnswer("the invite request answered without <invite code>")
    return code


async def preview(conn: Connection, code: str) -> Group:
    """The group an invite code leads to (its settings too), without joining it."""
    request = iq("w:g2", "get", [Node("invite", {"code": code})], to=GROUPS_SERVER)
    answer = await _ask_invite(conn, request, "show the group of this invite")
    node = answer.child("group")
    if node is None:
        raise BadGroupAnswer("the invite preview answered without <group>")
    return read_group(node)


async def join(conn: Connection, code: str) -> Joined:
    """Join the group of an invite code (or ask to, when its admins approve joins)."""
    request = iq("w:g2", "set", [Node("invite", {"code": code})], to=GROUPS_SERVER)
    answer = await _ask_invite(conn, request, "join the group of this invite")
    asked = answer.child(gi.REQUEST)
    if asked is not None:
        return Joined(_answer_jid(asked), pending=True)
    node = answer.child("group")
    if node is None:
        raise BadGroupAnswer("the join answered without <group>")
    return Joined(_answer_jid(node), pending=False)


async def set_setting(conn: Connection, group: JID, name: str, on: bool) -> None:
    """announce, locked or approval on or off (admins only)."""
    request = iq("w:g2", "set", [gi.setting_node(name, on)], to=group)
    await ask(conn, request, f"change the {name} setting of {group}", group, admin=True)


async def join_requests(conn: Connection, group: JID) -> list[JoinRequest]:
    """Who asked to join the group and waits for an admin."""
    request = iq("w:g2", "get", [Node(gi.REQUESTS)], to=group)
    answer = await ask(conn, request, f"list the join requests of {group}", group, admin=True)
    holder = answer.child(gi.REQUESTS)
    if holder is None:
        raise BadGroupAnswer(f"the answer has no <{gi.REQUESTS}>")
    found = []
    for child in holder.children_named(gi.REQUEST)[:MAX_CHANGE]:
        when = child.attr("request_time") or ""
        stamp = int(when) if when.isascii() and when.isdigit() and len(when) < 12 else None
        found.append(JoinRequest(_answer_jid(child), stamp))
    return found


async def answer_requests(
    conn: Connection, group: JID, action: str, participants: list[JID]
) -> list[ParticipantResult]:
    """approve or reject join requests: the server's verdict on each."""
    if action not in ("approve", "reject"):
        raise ValueError(f"unknown request action {action!r}")
    members = [Node("participant", {"jid": p}) for p in participants[:MAX_CHANGE]]
    request = iq(
        "w:g2", "set", [Node(gi.REQUESTS_ACTION, {}, [Node(action, {}, members)])], to=group
    )
    what = f"{action} join requests of {group}"
    answer = await ask(conn, request, what, group, admin=True)
    holder = answer.child(gi.REQUESTS_ACTION)
    if holder is None:
        raise BadGroupAnswer(f"the answer has no <{gi.REQUESTS_ACTION}>")
    return read_participant_results(holder, action)
