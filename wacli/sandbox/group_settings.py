"""A group's invite code, settings and pending join requests, as the sandbox keeps them: one
JSON value per group in the state's ``settings`` table (``group:<jid>``) and the code's
way back to its group (``invite:<code>``), so they outlive a restart like the group.

What they mean is the real server's (whatsmeow group.go, Baileys groups.ts): a code is
the group's until an admin revokes it; ``announce`` lets only admins send, ``locked`` only
admins change the subject and description, ``approval`` makes a join by link a request an
admin approves or rejects. A community (created with ``<parent/>``) lists the groups
linked to it; each of those names it as its parent.
"""

from __future__ import annotations

import json
import secrets
import string
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

_ALPHABET = string.ascii_letters + string.digits
CODE_LENGTH = 22  # as WhatsApp's codes are


@dataclass(frozen=True, slots=True)
class GroupSettings:
    invite: str | None = None
    announce: bool = False
    locked: bool = False
    approval: bool = False
    requests: dict[str, int] = field(default_factory=dict)  # phone -> when it asked
    community: bool = False  # a community: other groups link to it
    parent: str | None = None  # the community this group is linked to
    sub_groups: list[str] = field(default_factory=list)  # a community's linked groups


def settings_of(hub: Hub, jid: str) -> GroupSettings:
    raw = hub.state.setting(f"group:{jid}")
    return GroupSettings() if raw is None else GroupSettings(**json.loads(raw))


def save(hub: Hub, jid: str, settings: GroupSettings) -> GroupSettings:
    hub.state.set_setting(f"group:{jid}", json.dumps(asdict(settings)))
    return settings


def invite_code(hub: Hub, jid: str, *, renew: bool = False) -> str:
    """The group's code, made on first use; ``renew`` revokes the old one."""
    current = settings_of(hub, jid)
    if current.invite is not None and not renew:
        return current.invite
    code = "".join(secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH))
    if current.invite is not None:
        hub.state.set_setting(f"invite:{current.invite}", "")
    hub.state.set_setting(f"invite:{code}", jid)
    save(hub, jid, replace(current, invite=code))
    return code


def group_of_code(hub: Hub, code: str) -> str | None:
    """The group a code leads to; "" for a revoked code, None for one never made."""
    return hub.state.setting(f"invite:{code}")


def with_setting(settings: GroupSettings, name: str, on: bool) -> GroupSettings:
    """``settings`` with one of announce, locked, approval changed."""
    if name == "announce":
        return replace(settings, announce=on)
    if name == "locked":
        return replace(settings, locked=on)
    return replace(settings, approval=on)


def link(hub: Hub, community: str, group: str) -> None:
    parent = settings_of(hub, community)
    if group not in parent.sub_groups:
        save(hub, community, replace(parent, sub_groups=[*parent.sub_groups, group]))
    save(hub, group, replace(settings_of(hub, group), parent=community))


def unlink(hub: Hub, community: str, group: str) -> None:
    parent = settings_of(hub, community)
    kept = [jid for jid in parent.sub_groups if jid != group]
    save(hub, community, replace(parent, sub_groups=kept))
    save(hub, group, replace(settings_of(hub, group), parent=None))
