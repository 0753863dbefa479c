"""Managing groups (xmlns w:g2): the groups we are in, one group's metadata, creating one,
changing its participants and subject, leaving it (whatsmeow group.go, Baileys groups.ts).

Requests (``<iq xmlns="w:g2">``):

- ``type=get to=@g.us <participating><participants/><description/></participating>`` →
  ``<groups><group id subject creation size …><participant …/>…</group>…</groups>``;
- ``type=get to=GROUP <query request="interactive"/>`` → ``<group …/>`` (group_send's
  ``group_info``, reused here);
- ``type=set to=@g.us <create subject key><participant jid/>…</create>`` → ``<group id …/>``;
- ``type=set to=GROUP <add|remove|promote|demote><participant jid/>…</…>`` → the same
  element, each ``<participant jid [error=CODE]/>`` (a participant the server refused
  carries its code: 403 not allowed, 404 unknown, 409 already a member…; some servers
  mark a success ``error="200"``, so 2xx is success);
- ``type=set to=GROUP <subject>TEXT</subject>`` → an empty result;
- ``type=set to=GROUP <description id [prev]><body>TEXT</body></description>`` (or
  ``<description id delete="true" [prev]/>``) → an empty result; ``prev`` names the
  version replaced (the ``<description id>`` of the metadata), so that a change made
  meanwhile is refused rather than overwritten;
- ``type=set to=@g.us <leave><group id=GROUP/></leave>`` → ``<leave><group id/></leave>``
  or an empty result.

A ``<group>`` node is read with the parsers that already exist (``parse_group_info`` for the
addressing, ``conversation`` for subject, creation and roles), so there is one reading of it.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.client.errors import IqError, RefusedError, group_refusal
from wacli.client.group_events import conversation
from wacli.client.group_send import group_info, parse_group_info
from wacli.client.stanzas import iq
from wacli.jid import GROUP_SERVER, JID, JIDError, parse_jid
from wacli.protocol.disappearing import read_group_setting
from wacli.protocol.group_invites import settings_of
from wacli.store import Store

ACTIONS = ("add", "remove", "promote", "demote")
ROLES = {"SUPERADMIN": "superadmin", "ADMIN": "admin"}  # conversation()'s ranks; else member
MAX_GROUPS = 10_000  # read from one participating list
MAX_CHANGE = 1024  # participants in one add/remove/promote/demote
GROUPS_SERVER = JID("", GROUP_SERVER)  # "@g.us": where requests about no one group go


class GroupError(RefusedError):
    """Base of the failures of group management (a RefusedError: the CLI exits 6)."""


class GroupRefused(GroupError):
    """The server refused a group request; ``code`` is its error code (403 not an admin or
    not a member, 404 no such group, 400 a malformed request, …)."""

    def __init__(self, message: str, code: int | None = None, text: str | None = None) -> None:
        super().__init__(message, code)
        self.text = text


class BadGroupAnswer(GroupError):
    """The server's answer to a group request does not have the expected shape."""


@dataclass(frozen=True, slots=True)
class Member:
    jid: JID  # as the group addresses its members (a LID in a lid group)
    role: str  # "superadmin", "admin" or "member"
    phone: JID | None = None  # the phone-number JID, when known


@dataclass(frozen=True, slots=True)
class Group:
    jid: JID
    subject: str
    creator: JID | None
    created_at: int | None  # unix seconds
    addressing_mode: str  # "lid" or "pn"
    members: tuple[Member, ...]
    size: int  # the server's participant count (the members listed when it gave none)
    description: str | None = None
    description_id: str | None = None  # names this version when it is replaced
    disappearing: int = 0  # the disappearing-messages timer, seconds (0: off)
    settings: dict[str, bool] = field(default_factory=dict)  # announce, locked, approval

    def role_of(self, *users: JID | None) -> str | None:
        """The role of the first member who is one of ``users`` (any device), else None."""
        wanted = {(u.user, u.server) for u in users if u is not None}
        for member in self.members:
            if (member.jid.user, member.jid.server) in wanted:
                return member.role
            if member.phone is not None and (member.phone.user, member.phone.server) in wanted:
                return member.role
        return None


@dataclass(frozen=True, slots=True)
class ParticipantResult:
    jid: JID
    code: int | None  # None: done; else the server's error code for this participant

    @property
    def ok(self) -> bool:
        return self.code is None


def group_jid(text: str) -> JID:
    """A group id as the server writes it (``<digits>`` or ``<digits>@g.us``); JIDError else."""
    jid = parse_jid(text if "@" in text else f"{text}@{GROUP_SERVER}")
    if not jid.is_group or not jid.user:
        raise JIDError(f"{text!r} is not a group JID (…@g.us)")
    return jid


def _optional_jid(node: Node, key: str) -> JID | None:
    try:
        jid = node.attr_jid(key, None)
    except (BinaryError, JIDError):
        return None
    return None if jid is None else jid.to_non_ad()


def read_group(node: Node, jid: JID | None = None) -> Group:
    """A ``<group>`` metadata node; ``jid`` when the caller knows it, else its ``id``.
    BadGroupAnswer when it names no valid group; broken participants are left out."""
    if node.tag != "group":
        raise BadGroupAnswer(f"expected a <group>, the server sent <{node.tag}>")
    if jid is None:
        try:
            jid = group_jid(node.require_attr("id"))
        except (BinaryError, JIDError) as exc:
            raise BadGroupAnswer(f"the server's <group> has no valid id: {exc}") from None
    try:
        info = parse_group_info(Node("iq", {}, [node]), jid)
        chat: dict[str, Any] = conversation(node, jid)
    except (BinaryError, JIDError, ValueError) as exc:
        raise BadGroupAnswer(f"the metadata of {jid} cannot be read: {exc}") from None
    members = []
    for entry in chat.get("participant", []):
        try:
            member = parse_jid(entry["user_jid"])
        except (JIDError, KeyError):
            continue
        if not member.is_user:
            continue
        members.append(Member(member, ROLES.get(entry.get("rank", ""), "member")))
    created = chat.get("conversation_timestamp")
    size = node.attr("size")
    about = node.child("description")
    body = about.child("body") if about is not None else None
    text = body.content if body is not None else None
    return Group(
        jid=jid,
        subject=chat.get("name", ""),
        creator=_optional_jid(node, "creator_pn") or _optional_jid(node, "creator"),
        created_at=int(created) if created is not None else None,
        addressing_mode=info.addressing_mode,
        members=tuple(members),
        size=int(size)
        if size and size.isascii() and size.isdigit() and len(size) < 7
        else len(members),
        description=bytes(text).decode("utf-8", "replace") if isinstance(text, bytes) else None,
        description_id=about.attr("id") if about is not None else None,
        disappearing=read_group_setting(node.child("ephemeral") or Node("not_ephemeral")) or 0,
        settings=settings_of(node),
    )


def with_phones(store: Store, group: Group) -> Group:
    """The group with each LID member's phone-number JID, where the store maps it."""
    members = []
    for member in group.members:
        phone = member.jid if member.jid.is_pn else None
        if member.jid.is_lid:
            known = store.pn_for_lid(member.jid)
            try:
                phone = parse_jid(known).to_non_ad() if known else None
            except JIDError:
                phone = None
        members.append(Member(member.jid, member.role, phone))
    return dataclasses.replace(group, members=tuple(members))


def read_participating(answer: Node) -> list[Group]:
    """The ``<groups>`` list; groups without a valid id are left out."""
    listing = answer.child("groups")
    if listing is None:
        raise BadGroupAnswer("the participating list answered without <groups>")
    found = []
    for node in listing.children_named("group")[:MAX_GROUPS]:
        try:
            found.append(read_group(node))
        except BadGroupAnswer:
            continue
    return found


def read_participant_results(answer: Node, action: str) -> list[ParticipantResult]:
    """Each ``<participant jid [error]/>`` of the answer's ``<action>`` element."""
    change = answer.child(action)
    if change is None:
        raise BadGroupAnswer(f"the {action} request answered without <{action}>")
    results = []
    for child in change.children_named("participant")[:MAX_CHANGE]:
        try:
            jid = child.attr_jid("jid").to_non_ad()
        except (BinaryError, JIDError) as exc:
            raise BadGroupAnswer(f"a participant in the {action} answer: {exc}") from None
        error = child.attr("error")
        if error is not None and not (error.isascii() and error.isdigit() and len(error) < 6):
            raise BadGroupAnswer(f"participant {jid} has error={error!r}, not a code")
        code = int(error) if error is not None else None
        if code is not None and _success(code):
            code = None  # some servers say success as error="200" (Baileys: `error || '200'`)
        results.append(ParticipantResult(jid, code))
    return results


def _success(code: int) -> bool:
    return 200 <= code < 300


def read_left(answer: Node, group: JID) -> None:
    """The leave answer names ``group`` without an error of its own (2xx counts as none),
    or is an empty result, which whatsmeow and Baileys take as done too."""
    listing = answer.child("leave")
    if listing is None:
        return
    for child in listing.children_named("group"):
        try:
            left = group_jid(child.require_attr("id"))
        except (BinaryError, JIDError):
            continue
        if left == group:
            error = child.attr("error")
            code = int(error) if error and error.isascii() and error.isdigit() else None
            if error is not None and not (code is not None and _success(code)):
                raise GroupRefused(f"the server refused leaving {group} ({error})", code)
            return
    raise GroupRefused(
        f"this account is not in {group} (the server's answer to leaving it does not name it)"
    )


def _refused(
    exc: IqError, what: str, group: JID | None = None, *, admin: bool = False
) -> GroupRefused:
    """``exc`` as a GroupRefused; about ``group``, its 403 and 404 in words."""
    worded = None if group is None else group_refusal(group, exc.code, admin=admin)
    if worded is not None:
        return GroupRefused(worded, exc.code, exc.text)
    shown = " ".join(str(p) for p in (exc.code, exc.text) if p) or "no details"
    return GroupRefused(f"the server refused to {what} ({shown})", exc.code, exc.text)


async def ask(
    conn: Connection, request: Node, what: str, group: JID | None = None, *, admin: bool = False
) -> Node:
    """The answer to ``request``; a refusal as GroupRefused (see ``_refused``)."""
    try:
        return await conn.request(request)
    except IqError as exc:
        raise _refused(exc, what, group, admin=admin) from None


# -- requests --------------------------------------------------------------------------------


async def participating(conn: Connection) -> list[Group]:
    """The groups this account is a member of."""
    listing = Node("participating", {}, [Node("participants"), Node("description")])
    answer = await ask(conn, iq("w:g2", "get", [listing], to=GROUPS_SERVER), "list our groups")
    return read_participating(answer)


async def fetch_group(conn: Connection, store: Store, group: JID) -> Group:
    """One group's metadata (with members' phone numbers where known)."""
    try:
        info = await group_info(conn, store, group)
    except IqError as exc:
        raise _refused(exc, f"give the metadata of {group}", group) from None
    return with_phones(store, read_group(info.metadata, group))


async def create_group(
    conn: Connection, store: Store, subject: str, participants: list[JID]
) -> Group:
    """A new group with us as its superadmin; the server leaves out whom it cannot add."""
    members = [Node("participant", {"jid": p}) for p in participants[:MAX_CHANGE]]
    request = Node("create", {"subject": subject, "key": os.urandom(8).hex().upper()}, members)
    answer = await ask(conn, iq("w:g2", "set", [request], to=GROUPS_SERVER), "create the group")
    node = answer.child("group")
    if node is None:
        raise BadGroupAnswer("the create request answered without <group>")
    made = read_group(node)
    # Its metadata once more through group_info: that also learns the members' addresses.
    return await fetch_group(conn, store, made.jid)


async def change_participants(
    conn: Connection, group: JID, action: str, participants: list[JID]
) -> list[ParticipantResult]:
    """add/remove/promote/demote: the server's verdict on each participant."""
    if action not in ACTIONS:
        raise ValueError(f"unknown participant action {action!r}")
    members = [Node("participant", {"jid": p}) for p in participants[:MAX_CHANGE]]
    request = iq("w:g2", "set", [Node(action, {}, members)], to=group)
    answer = await ask(conn, request, f"{action} participants of {group}", group, admin=True)
    return read_participant_results(answer, action)


async def set_subject(conn: Connection, group: JID, subject: str) -> None:
    request = iq("w:g2", "set", [Node("subject", {}, subject.encode())], to=group)
    await ask(conn, request, f"change the subject of {group}", group, admin=True)


async def set_description(conn: Connection, store: Store, group: JID, text: str | None) -> None:
    """Replace the description (``text`` None deletes it), naming the version replaced."""
    current = await fetch_group(conn, store, group)
    attrs: dict[str, Any] = {"id": os.urandom(8).hex().upper(), "prev": current.description_id}
    if text is None:
        change = Node("description", {**attrs, "delete": "true"})
    else:
        change = Node("description", attrs, [Node("body", {}, text.encode())])
    what = f"change the description of {group}"
    await ask(conn, iq("w:g2", "set", [change], to=group), what, group, admin=True)


async def leave_group(conn: Connection, group: JID) -> None:
    request = Node("leave", {}, [Node("group", {"id": group})])
    answer = await ask(
        conn, iq("w:g2", "set", [request], to=GROUPS_SERVER), f"leave {group}", group
    )
    read_left(answer, group)
