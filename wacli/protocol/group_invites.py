"""Group invite links, settings and join requests as stanzas (xmlns ``w:g2``), free of I/O:
the client builds and reads them, the sandbox reads and answers them.

Shapes (whatsmeow group.go, Baileys groups.ts):

- a group's invite code: ``type=get to=GROUP <invite/>`` (``type=set``: revoke it and make a
  new one) → ``<invite code/>``; the link is ``https://chat.whatsapp.com/CODE``;
- what a code leads to: ``type=get to=@g.us <invite code/>`` → ``<group …/>`` (metadata);
- joining with it: ``type=set to=@g.us <invite code/>`` → ``<group jid/>``, or
  ``<membership_approval_request jid=GROUP/>`` when an admin must approve first;
- settings: ``type=set to=GROUP`` with ``<announcement/>`` / ``<not_announcement/>`` (only
  admins send), ``<locked/>`` / ``<unlocked/>`` (only admins edit the group's info), or
  ``<membership_approval_mode><group_join state="on|off"/></membership_approval_mode>``;
  an empty result. The group's metadata carries ``<announcement/>``, ``<locked/>`` and
  ``<membership_approval_mode><group_join state="on"/></…>`` while they hold; members
  hear of a change in a w:gp2 notification with the same child;
- join requests: ``type=get to=GROUP <membership_approval_requests/>`` →
  ``<membership_approval_requests><membership_approval_request jid request_time/>…</…>``;
  ``type=set to=GROUP <membership_requests_action><approve|reject><participant jid/>…``
  → the same, each ``<participant jid [error=code]/>``; the admins hear of a new request in
  a w:gp2 ``<created_membership_requests request_method><participant jid/></…>``.

Refusals (whatsmeow): 401 a member who is no admin asks for the code, 403 a non-member;
410 a revoked code, 406 one that never was.
"""

from __future__ import annotations

import re

from wacli.binary import Node

INVITE_LINK = "https://chat.whatsapp.com/"
_CODE = re.compile(r"[A-Za-z0-9]{10,32}")
# setting name -> (the element that turns it on, the one that turns it off)
SETTINGS = {
    "announce": ("announcement", "not_announcement"),
    "locked": ("locked", "unlocked"),
}
APPROVAL = "membership_approval_mode"
REQUESTS = "membership_approval_requests"
REQUEST = "membership_approval_request"
CREATED_REQUESTS = "created_membership_requests"  # w:gp2 to the admins: someone asks
REQUESTS_ACTION = "membership_requests_action"


def invite_code(text: str) -> str:
    """The code of an invite link (``https://chat.whatsapp.com/CODE``) or a bare code;
    ValueError when it is neither."""
    code = text.strip()
    for prefix in (INVITE_LINK, "http://chat.whatsapp.com/", "chat.whatsapp.com/"):
        if code.startswith(prefix):
            code = code[len(prefix) :].split("?")[0].rstrip("/")
            break
    if not _CODE.fullmatch(code):
        raise ValueError(f"{text!r} is not a group invite link or code")
    return code


def invite_link(code: str) -> str:
    return INVITE_LINK + code


def setting_node(name: str, on: bool) -> Node:
    """The element that sets ``name`` (announce, locked, approval); ValueError else."""
    if name == "approval":
        return Node(APPROVAL, {}, [Node("group_join", {"state": "on" if on else "off"})])
    if name not in SETTINGS:
        raise ValueError(f"unknown group setting {name!r}; use announce, locked or approval")
    return Node(SETTINGS[name][0 if on else 1])


def read_setting(node: Node) -> tuple[str, bool] | None:
    """(setting, on) that a setting element (request, notification) stands for; else None."""
    if node.tag == APPROVAL:
        join = node.child("group_join")
        return ("approval", join is not None and join.attr("state") == "on")
    for name, (on, off) in SETTINGS.items():
        if node.tag in (on, off):
            return name, node.tag == on
    return None


def settings_of(metadata: Node) -> dict[str, bool]:
    """The settings a ``<group>`` metadata node says hold (each key present, False when not)."""
    found = {name: metadata.child(on) is not None for name, (on, _) in SETTINGS.items()}
    mode = metadata.child(APPROVAL)
    found["approval"] = mode is not None and (read_setting(mode) or ("", False))[1]
    return found


def settings_children(announce: bool, locked: bool, approval: bool) -> list[Node]:
    """What a ``<group>`` metadata node carries for these settings."""
    children = [Node(SETTINGS["announce"][0])] if announce else []
    if locked:
        children.append(Node(SETTINGS["locked"][0]))
    if approval:
        children.append(setting_node("approval", True))
    return children
