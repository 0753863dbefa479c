"""Each chat's disappearing-messages timer as the store keeps it (a setting
``disappearing:<chat>``, seconds): the last change we made or saw (wacli.client.disappearing
sets one; a contact's EPHEMERAL_SETTING, a group's ``<ephemeral>`` notification or metadata
tell one), and what every send reads to carry it, importing no more than the store and the
protocol."""

from __future__ import annotations

from wacli.binary import Node
from wacli.jid import JID
from wacli.proto import e2e_pb2
from wacli.protocol.disappearing import read_group_setting
from wacli.protocol.disappearing import with_expiration as expiring
from wacli.store import Store


def _key(store: Store, chat: JID | str) -> str:
    """One key a 1:1 chat: a contact's change may name it by LID, our sends by number."""
    text = str(chat)
    pn = store.pn_for_lid(text) if text.endswith("@lid") else None
    return f"disappearing:{pn or text}"


def remember(store: Store, chat: JID | str, seconds: int) -> None:
    """Keep ``chat``'s timer (0: off)."""
    with store.transaction():
        store.set_setting(_key(store, chat), str(seconds) if seconds else None)


def timer(store: Store, chat: JID | str) -> int:
    """``chat``'s timer as last set or seen (seconds; 0: off)."""
    text = store.setting_text(_key(store, chat))
    return int(text) if text and text.isdigit() else 0


def with_timer(store: Store, chat: JID, message: e2e_pb2.Message) -> e2e_pb2.Message:
    """``message`` carrying ``chat``'s timer, when the chat has one."""
    return expiring(message, timer(store, chat))


def remember_group(store: Store, group: JID | str, change: Node) -> None:
    """A group's ``<ephemeral>`` / ``<not_ephemeral>`` (notification or metadata child)."""
    seconds = read_group_setting(change)
    if seconds is not None:
        remember(store, group, seconds)
