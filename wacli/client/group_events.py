"""Group notifications as events (whatsmeow group.go parseGroupNotification, Baileys
messages-recv.ts handleGroupNotification).

``<notification from=GROUP type="w:gp2" participant=ACTOR t>`` carries one change:

- ``<create><group subject creation …><participant jid [type]/>…</group></create>``: a
  group we are in was made → ``joined_group`` with the group as a Conversation;
- ``<add|remove|promote|demote><participant jid/>…</…>`` → ``group_info_update``; an
  ``add`` that names us is also ``joined_group`` (the group's metadata is fetched then,
  as the notification names only who was added);
- ``<subject subject s_o s_t/>``, ``<description>``, ``<announcement/>``,
  ``<not_announcement/>``, ``<locked/>``, ``<unlocked/>``, ``<ephemeral expiration/>``,
  ``<not_ephemeral/>`` and the rest → ``group_info_update`` (with the attributes of the
  change and of its first child: ``<membership_approval_mode><group_join state/>``, a
  community's ``<link|unlink><group jid/>``, ``<created_membership_requests
  request_method><participant jid/>`` for the admins when someone asks to join).

The chat's name in the archive follows the subject. The dispatcher acks the
notification after the events were written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from google.protobuf.json_format import MessageToDict

from wacli.binary import BinaryError, Node
from wacli.client import events as ev
from wacli.client.chat_timers import remember_group
from wacli.client.dispatcher import Outcome
from wacli.client.errors import ClientError
from wacli.client.group_send import group_info
from wacli.jid import JID, JIDError
from wacli.proto import history_sync_pb2
from wacli.store import Store
from wacli.store.archive import Archive

log = logging.getLogger(__name__)

MAX_PARTICIPANTS = 5000  # read from one notification
_RANKS = {
    "admin": history_sync_pb2.GroupParticipant.ADMIN,
    "superadmin": history_sync_pb2.GroupParticipant.SUPERADMIN,
}


def conversation(group: Node, jid: JID) -> dict[str, Any]:
    """A ``<group>`` metadata node as the Conversation JSON ``joined_group`` carries."""
    chat = history_sync_pb2.Conversation(id=str(jid))
    subject = group.attr("subject")
    if subject:
        chat.name = subject
    created = group.attr("creation")
    if created and created.isdigit():
        chat.conversation_timestamp = int(created)
    for child in group.children_named("participant")[:MAX_PARTICIPANTS]:
        try:
            member = child.attr_jid("jid").to_non_ad()
        except (BinaryError, JIDError):
            continue
        rank = _RANKS.get(child.attr("type") or "", history_sync_pb2.GroupParticipant.REGULAR)
        chat.participant.add(user_jid=str(member), rank=rank)
    return MessageToDict(chat, preserving_proto_field_name=True)


def _participants(change: Node) -> list[str]:
    found = []
    for child in change.children_named("participant")[:MAX_PARTICIPANTS]:
        try:
            found.append(str(child.attr_jid("jid").to_non_ad()))
        except (BinaryError, JIDError):
            continue
    return found


def _change(node: Node, change: Node) -> dict[str, Any]:
    """The group change as ``group_info_update`` writes it."""
    update: dict[str, Any] = {
        "type": change.tag,
        "actor": node.attr("participant"),
        "timestamp": int(t) if (t := node.attr("t")) and t.isdigit() else None,
    }
    if change.tag in ("add", "remove", "promote", "demote"):
        update["participants"] = _participants(change)
        if change.attr("reason"):
            update["reason"] = change.attr("reason")
    elif change.tag == "subject":
        update["subject"] = change.attr("subject")
    elif change.tag == "description":
        body = change.child("body")
        text = body.content if body is not None else None
        update["description"] = text.decode("utf-8", "replace") if isinstance(text, bytes) else None
    elif change.tag == "ephemeral":
        expiration = change.attr("expiration")
        update["expiration"] = int(expiration) if expiration and expiration.isdigit() else None
    else:
        update.update({k: str(v) for k, v in change.attrs.items() if v is not None})
        for inner in change.children[:1]:  # e.g. <group_join state>, <group jid>, <participant>
            update[inner.tag] = {k: str(v) for k, v in inner.attrs.items() if v is not None}
    return update


class GroupEvents:
    """The feature handler for w:gp2 notifications; ``attach`` is its on_connect hook
    (the connection fetches a group's metadata when we were added to it)."""

    def __init__(self, store: Store, own: Callable[[], tuple[JID, JID | None]]) -> None:
        self.archive = Archive(store)
        self._store = store
        self._own = own
        self._conn: Any = None

    async def attach(self, conn: Any) -> None:
        self._conn = conn

    def _is_me(self, jid_text: str) -> bool:
        device, lid = self._own()
        user = jid_text.split("@")[0]
        return user == device.user or (lid is not None and user == lid.user)

    async def handle(self, node: Node) -> Outcome | None:
        if node.tag != "notification" or node.attr("type") != "w:gp2" or not node.children:
            return None
        try:
            group = node.attr_jid("from")
        except JIDError:
            return None
        if not group.is_group:
            return None
        found: list[ev.Event] = []
        for change in node.children:
            if change.tag == "create":
                metadata = change.child("group")
                if metadata is not None:
                    self._name_chat(group, metadata.attr("subject"))
                    found.append(ev.JoinedGroup(conversation=conversation(metadata, group)))
                continue
            update = _change(node, change)
            found.append(ev.GroupInfoUpdate(jid=group, update=update))
            remember_group(self._store, group, change)  # a disappearing-messages timer
            if change.tag == "subject":
                self._name_chat(group, change.attr("subject"))
            elif change.tag == "add" and any(self._is_me(p) for p in update["participants"]):
                found.append(ev.JoinedGroup(conversation=await self._fetch(group)))
        return Outcome(events=found)

    async def _fetch(self, group: JID) -> dict[str, Any]:
        """The group as a Conversation, from the server when it can be asked now."""
        if self._conn is not None:
            try:
                info = await group_info(self._conn, self._store, group)
            except ClientError as exc:
                log.info("could not fetch the metadata of %s: %s", group, exc)
            else:
                self._name_chat(group, info.metadata.attr("subject"))
                return conversation(info.metadata, group)
        return {"id": str(group)}

    def _name_chat(self, group: JID, subject: str | None) -> None:
        if subject:
            with self._store.transaction():
                self.archive.upsert_chat(str(group), name=subject)
