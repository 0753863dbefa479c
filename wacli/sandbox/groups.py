"""Groups as the real server keeps them: membership, admins, subject, and the w:gp2
notifications members get when any of it changes.

Shapes (whatsmeow group.go, Baileys groups.ts / messages-recv, zapo group-ops.ts):

- metadata: ``<group id=<digits> subject creator s_t s_o creation addressing_mode size>
  <participant jid [type=admin|superadmin] [phone_number|lid]/>…</group>``; ``id`` is the
  user part only, as the real server sends it. In a ``lid`` group participants are LIDs
  with ``phone_number``, in a ``pn`` group phone numbers with ``lid``;
- notifications: ``<notification from=GROUP type="w:gp2" id t participant=ACTOR
  [participant_pn|participant_lid] notify>`` with one child: ``<create><group …/></create>``,
  ``<add|remove|promote|demote><participant jid [phone_number|lid]/>…</…>`` or
  ``<subject subject s_o s_t/>`` or ``<description id [prev] [delete]>[<body>text</body>]
  </description>``; each is queued per device until acked, like messages.

A group's description (``<description id participant t><body>text</body></description>``
in its metadata) is kept in the state with the group; its settings (``<announcement/>``,
``<locked/>``, ``<membership_approval_mode>``) in group_settings.py. A locked group's
subject and description only admins change.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wacli.binary import Attrs, Node
from wacli.jid import GROUP_SERVER, JID, JIDError, parse_jid, phone_to_jid
from wacli.protocol.group_invites import settings_children
from wacli.protocol.message_source import group_source
from wacli.sandbox import group_timer
from wacli.sandbox.delivery import deliver
from wacli.sandbox.group_settings import GroupSettings, save, settings_of
from wacli.sandbox.stanzas import new_id
from wacli.sandbox.state import Account, Description, Group

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

MAX_SUBJECT = 100  # characters, as WhatsApp limits it
MAX_GROUP_SIZE = 1024
MAX_DESCRIPTION = 2048  # characters, as WhatsApp limits it


class GroupError(ValueError):
    """A group operation the server refuses; ``code`` is the IQ/HTTP error code."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def new_group_jid() -> str:
    """A group JID as new groups get them: 120363 and twelve more digits."""
    return f"120363{secrets.randbelow(10**12):012d}@{GROUP_SERVER}"


def is_lid(group: Group) -> bool:
    return group.addressing_mode == "lid"


def member_jid(hub: Hub, account: Account, lid: bool, device: int = 0) -> JID:
    pn, lid_jid = hub.jids(account, device)
    return lid_jid if lid else pn


def _account(hub: Hub, phone: str) -> Account:
    account = hub.state.account(phone)
    if account is None:
        raise GroupError(404, f"no account {phone}")
    return account


def participant_node(hub: Hub, group: Group, phone: str, admin: str | None = None) -> Node:
    account = _account(hub, phone)
    pn, lid = hub.jids(account)
    attrs: Attrs = {"jid": lid, "phone_number": pn} if is_lid(group) else {"jid": pn, "lid": lid}
    if admin:
        attrs["type"] = admin
    return Node("participant", attrs)


def metadata_node(hub: Hub, group: Group) -> Node:
    lid = is_lid(group)
    creator = _account(hub, group.creator)
    owner = _account(hub, group.subject_owner)
    attrs: Attrs = {
        "id": group.jid.split("@")[0],
        "subject": group.subject,
        "s_t": str(group.subject_time),
        "s_o": member_jid(hub, owner, lid),
        "creator": member_jid(hub, creator, lid),
        "creation": str(group.created_at),
        "size": str(len(group.participants)),
        "addressing_mode": group.addressing_mode,
    }
    if lid:
        attrs["s_o_pn"] = member_jid(hub, owner, False)
        attrs["creator_pn"] = member_jid(hub, creator, False)
    children = [participant_node(hub, group, p, admin) for p, admin in group.participants]
    description = description_of(hub, group.jid)
    if description is not None:
        described_by = member_jid(hub, _account(hub, description.owner), lid)
        about: Attrs = {
            "id": description.id,
            "participant": described_by,
            "t": str(description.time),
        }
        children.append(Node("description", about, [Node("body", {}, description.text.encode())]))
    settings = settings_of(hub, group.jid)
    children += settings_children(settings.announce, settings.locked, settings.approval)
    children += group_timer.metadata_children(hub, group.jid)  # disappearing messages
    if settings.community:
        children.append(Node("parent"))
    if settings.parent is not None:
        children.append(Node("linked_parent", {"jid": settings.parent}))
    return Node("group", attrs, children)


# -- operations (shared by the w:g2 IQs and the admin API) ---------------------------------


def parse_member(hub: Hub, text: str | JID) -> Account | None:
    """A participant named by JID (phone number or LID) or bare phone digits."""
    try:
        if isinstance(text, JID):
            jid = text
        else:
            jid = parse_jid(text) if "@" in text else phone_to_jid(text)
    except JIDError:
        return None
    return hub.account_of(jid.to_non_ad())


async def create(
    hub: Hub,
    creator: Account,
    subject: str,
    members: list[Account],
    addressing_mode: str = "lid",
    key: str | None = None,
    community: bool = False,
) -> Group:
    """A new group (the creator its superadmin), or a community; members hear of it in a
    w:gp2 <create> that carries the creator's request ``key`` (whatsmeow's
    JoinedGroup.CreateKey)."""
    if not subject or len(subject) > MAX_SUBJECT:
        raise GroupError(400, f"a subject has 1 to {MAX_SUBJECT} characters")
    if addressing_mode not in ("lid", "pn"):
        raise GroupError(400, "addressing_mode is 'lid' or 'pn'")
    phones = [creator.phone] + [m.phone for m in members if m.phone != creator.phone]
    phones = list(dict.fromkeys(phones))[:MAX_GROUP_SIZE]
    when = int(time.time())
    group = Group(
        jid=new_group_jid(),
        subject=subject,
        creator=creator.phone,
        created_at=when,
        subject_owner=creator.phone,
        subject_time=when,
        addressing_mode=addressing_mode,
        participants=tuple((p, "superadmin" if p == creator.phone else "") for p in phones),
    )
    hub.state.create_group(group)
    if community:
        save(hub, group.jid, GroupSettings(community=True))
    hub.stats["groups_created"] += 1
    created = Node("create", {"key": key}, [metadata_node(hub, group)])
    await notify(hub, group, creator, created)
    return group


def require(hub: Hub, jid: str) -> Group:
    group = hub.state.group(jid)
    if group is None:
        raise GroupError(404, f"no group {jid}")
    return group


def require_unlocked(hub: Hub, group: Group, actor: Account) -> None:
    """A member changes the group's info; in a locked group only an admin may."""
    if group.admin_of(actor.phone) is None:
        raise GroupError(403, "not a participant of the group")
    if settings_of(hub, group.jid).locked:
        require_admin(group, actor)


def require_admin(group: Group, actor: Account) -> None:
    role = group.admin_of(actor.phone)
    if role is None:
        raise GroupError(403, "not a participant of the group")
    if not role:
        raise GroupError(403, "only admins may do that")


async def change_participants(
    hub: Hub, group: Group, actor: Account, action: str, targets: Sequence[str | JID]
) -> list[tuple[str | JID, int]]:
    """add/remove/promote/demote: (the participant as named, 0 or an error code) each;
    one w:gp2 notification names those that changed."""
    require_admin(group, actor)
    results: list[tuple[str | JID, int]] = []
    changed: list[str] = []
    for target in targets:
        account = parse_member(hub, target)
        if account is None:
            results.append((target, 404))
            continue
        role = group.admin_of(account.phone)
        if action == "add":
            code = 409 if role is not None else 0
            if not code:
                hub.state.set_participant(group.jid, account.phone, "")
        elif role is None:
            code = 404
        elif action == "remove":
            code = 0
            hub.state.remove_participant(group.jid, account.phone)
        else:
            code = 0
            if role != "superadmin":
                hub.state.set_participant(
                    group.jid, account.phone, "admin" if action == "promote" else ""
                )
        results.append((target, code))
        if not code:
            changed.append(account.phone)
    if changed:
        after = require(hub, group.jid)
        if action == "remove":
            # A member left: every phone still in the group makes a new sender key.
            for phone in after.members():
                hub.phone(phone).rotate_group_key(group.jid)
        child = Node(action, {}, [participant_node(hub, group, p) for p in changed])
        # The removed hear of it too; the added get the group's metadata in the change.
        extra = changed if action == "remove" else []
        await notify(hub, after, actor, child, extra)
    return results


async def set_subject(hub: Hub, group: Group, actor: Account, subject: str) -> Group:
    require_unlocked(hub, group, actor)
    if not subject or len(subject) > MAX_SUBJECT:
        raise GroupError(400, f"a subject has 1 to {MAX_SUBJECT} characters")
    when = int(time.time())
    hub.state.set_subject(group.jid, subject, actor.phone, when)
    after = require(hub, group.jid)
    owner = member_jid(hub, actor, is_lid(group))
    attrs: dict[str, str | JID | None] = {"subject": subject, "s_o": owner, "s_t": str(when)}
    await notify(hub, after, actor, Node("subject", attrs))
    return after


def description_of(hub: Hub, jid: str) -> Description | None:
    return hub.state.description(jid)


async def set_description(
    hub: Hub, group: Group, actor: Account, text: str | None, new_id: str, prev: str | None
) -> Description | None:
    """Set (or with ``text`` None delete) the description. Any member may, as by default
    on WhatsApp, only admins when it is locked; ``prev`` must name the current version
    when there is one (409 else)."""
    require_unlocked(hub, group, actor)
    if text is not None and (not text or len(text) > MAX_DESCRIPTION):
        raise GroupError(400, f"a description has 1 to {MAX_DESCRIPTION} characters")
    if not new_id or len(new_id) > 64:
        raise GroupError(400, "a description change needs an id")
    current = description_of(hub, group.jid)
    if current is not None and prev is not None and prev != current.id:
        raise GroupError(409, "the description changed meanwhile")
    attrs: dict[str, str | JID | None] = {"id": new_id, "prev": current.id if current else None}
    if text is None:
        after, change = None, Node("description", {**attrs, "delete": "true"})
    else:
        after = Description(new_id, text, actor.phone, int(time.time()))
        change = Node("description", attrs, [Node("body", {}, text.encode())])
    hub.state.set_description(group.jid, after)
    await notify(hub, group, actor, change)
    return after


async def notify(
    hub: Hub, group: Group, actor: Account, child: Node, extra: list[str] | None = None
) -> None:
    """One w:gp2 notification to every device of every member (and of ``extra``)."""
    lid = is_lid(group)
    attrs = group_source(
        JID(group.jid.split("@")[0], GROUP_SERVER),
        member_jid(hub, actor, lid),
        member_jid(hub, actor, not lid),
        lid_mode=lid,
    )
    attrs.update(type="w:gp2", id=new_id(), t=str(int(time.time())))
    attrs["notify"] = actor.push_name or None
    stanza = Node("notification", attrs, [child])
    for phone in dict.fromkeys(group.members() + (extra or [])):
        for device, _ in hub.device_ids(phone):
            if device:  # phones keep their groups in the server's state already
                await deliver(hub, phone, device, stanza)
    hub.stats["group_notifications"] += 1
