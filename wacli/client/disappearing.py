"""Setting a chat's disappearing-messages timer for everyone in it, and noticing a
contact's change (wacli.protocol.disappearing has the shapes, wacli.client.chat_timers
keeps each chat's timer, which every send then carries, as the apps do).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wacli.client import events as ev
from wacli.client.chat_timers import remember
from wacli.jid import JID
from wacli.proto import e2e_pb2
from wacli.protocol.disappearing import group_setting, setting_message, timer_set
from wacli.store import Store

if TYPE_CHECKING:
    from wacli.client.connection import Connection
    from wacli.client.operations import Sent


async def set_timer(
    conn: Connection, store: Store, own: JID, chat: JID, seconds: int
) -> Sent | None:
    """Set ``chat``'s timer for everyone in it: a group's at the server (None), a 1:1
    chat's as a message to it (that message, archived)."""
    from wacli.client.groups import ask  # only this command needs them
    from wacli.client.messaging import archive_sent, deliver
    from wacli.client.stanzas import iq

    if chat.is_group:
        request = iq("w:g2", "set", [group_setting(seconds)], to=chat)
        await ask(conn, request, f"set the disappearing messages of {chat}", chat)
        remember(store, chat, seconds)
        return None
    message = setting_message(seconds)
    sent = await deliver(conn, store, own, chat, message)
    archive_sent(store, sent, own, message)
    remember(store, chat, seconds)
    return sent


class TimerChanges:
    """A message hook of ``listen``: a contact's new 1:1 timer (EPHEMERAL_SETTING) is
    remembered, so what we send next carries it; the message event shows the change."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def __call__(self, info: ev.MessageInfo, message: e2e_pb2.Message) -> Sequence[ev.Event]:
        seconds = timer_set(message)
        if seconds is not None and not info.is_group:
            remember(self.store, info.chat, seconds)
        return ()
