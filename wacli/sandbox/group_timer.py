"""A group's disappearing-messages timer as the sandbox keeps it: seconds (0: off) in the
state's ``settings`` table (``ephemeral:<jid>``), so it outlives a restart like the group;
iq/group_ephemeral.py changes it, the group's metadata shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.protocol.disappearing import group_setting

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub


def _key(jid: str) -> str:
    return f"ephemeral:{jid}"


def timer_of(hub: Hub, jid: str) -> int:
    """The group's timer in seconds (0: off)."""
    text = hub.state.setting(_key(jid))
    return int(text) if text and text.isdigit() else 0


def set_timer(hub: Hub, jid: str, seconds: int) -> None:
    hub.state.set_setting(_key(jid), str(seconds))


def metadata_children(hub: Hub, jid: str) -> list[Node]:
    """What the group's metadata says of its timer: ``<ephemeral expiration/>`` while on."""
    seconds = timer_of(hub, jid)
    return [group_setting(seconds)] if seconds else []
