"""Presence and chat state stanzas (whatsmeow presence.go, Baileys chats.ts); pure builders.

- own presence: ``<presence type="available|unavailable" name=PUSH_NAME/>`` (the server
  wants the push name with it);
- following a contact: ``<presence type="subscribe" to=JID>[<tctoken/>]</presence>``;
  the server answers with ``<presence from=JID [type="unavailable" last=T]/>`` now and
  on every change;
- chat state: ``<chatstate to=JID><composing/></chatstate>``, ``<composing media="audio"/>``
  (recording) or ``<paused/>``.
"""

from __future__ import annotations

from wacli.binary import Node
from wacli.jid import JID

CHAT_STATES = ("typing", "recording", "paused")


def own_presence(available: bool, push_name: str) -> Node:
    kind = "available" if available else "unavailable"
    return Node("presence", {"type": kind, "name": push_name})


def subscribe(jid: JID, token: bytes | None = None) -> Node:
    """Follow ``jid``'s presence, with its privacy token when we hold a valid one (the
    server may refuse to tell a stranger's presence without it)."""
    content = [Node("tctoken", {}, token)] if token else None
    return Node("presence", {"type": "subscribe", "to": jid.to_non_ad()}, content)


def chat_state(to: JID, state: str) -> Node:
    """``state`` is typing, recording or paused; ValueError otherwise."""
    if state == "typing":
        child = Node("composing")
    elif state == "recording":
        child = Node("composing", {"media": "audio"})
    elif state == "paused":
        child = Node("paused")
    else:
        raise ValueError(f"unknown chat state {state!r}; use one of {', '.join(CHAT_STATES)}")
    return Node("chatstate", {"to": to.to_non_ad()}, [child])
