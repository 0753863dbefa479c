"""Changing app state ourselves, as WhatsApp Web does: pin, mute, archive or mark a chat
read, and their opposites.

Each change is one patch of SET mutations with the index, action and action version
WhatsApp uses (whatsmeow appstate/encode.go, Baileys chatModificationToAppPatch):

    pin/unpin        ["pin_v1", jid]          regular_low   version 5  pin_action
    mute/unmute      ["mute", jid]            regular_high  version 2  mute_action
    archive/unarch.  ["archive", jid]         regular_low   version 3  archive_chat_action
    read/unread      ["markChatAsRead", jid]  regular_low   version 3  mark_chat_as_read_action

and for one message (its key: chat, id, "1"/"0" for from us, and the author in a group
when not ours, "0" else — whatsmeow BuildStar; Baileys writes "0" always):

    star/unstar      ["star", jid, id, from_me, author]                regular_high  v2
    delete-for-me    ["deleteMessageForMe", jid, id, from_me, author]  regular_high  v3

(star_action; delete_message_for_me_action with the message's time, media deleted too.
Star goes to regular_high as whatsmeow writes it; Baileys writes regular_low, and either
is read wherever it comes.)

Archiving also unpins (one patch, two mutations), as the phone does. A mute's end is
in milliseconds, -1 for ever. Every action carries the time it was made (ms).

Writing: bring the collection up to date first (AppStateSync: the version and LTHash
must be the server's), encrypt and MAC the patch for the next version with the newest
shared sync key, and send it in ``<iq xmlns="w:sync:app:state" type="set"><sync>
<collection name version return_snapshot="false"><patch/></collection></sync></iq>``.
A 409 means the collection moved on meanwhile (another device wrote): sync again and
rebuild once. Once the server took it, the new version, LTHash and value MACs are
stored (so the next fetch starts after our patch, and a running listen never reports
it) and the archive's chat row follows, exactly as if the change had been fetched.

Without a sync key from the phone (it shares one after linking or on first use of
app state) nothing can be written: NoAppStateKey.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from wacli.binary import Attrs, Node
from wacli.client import events as ev
from wacli.client.appstate import XMLNS, AppStateSync
from wacli.client.connection import Requests
from wacli.client.errors import ClientError, IqError, RefusedError
from wacli.jid import JID
from wacli.proto import sync_action_pb2, syncd_pb2
from wacli.protocol.appstate_crypto import (
    AppStateHash,
    Operation,
    expand_app_state_keys,
    value_mac_of,
)
from wacli.protocol.appstate_patch import DecodedMutation, NewMutation, encode_patch
from wacli.store import Store
from wacli.store.archive import Archive, ArchivedMessage

ACTIONS = ("pin", "unpin", "mute", "unmute", "archive", "unarchive", "read", "unread")
MESSAGE_ACTIONS = ("star", "unstar", "delete-for-me")
FOREVER = -1  # mute_end_timestamp of a chat muted for ever
CONFLICT = 409


class NoAppStateKey(ClientError):
    """Our phone has not shared an app-state sync key with this device (yet), or the
    collection uses one it did not share."""


class UnknownMessage(ClientError):
    """A star or delete-for-me names a message the archive does not hold: WhatsApp's key
    needs whether it is ours and, in a group, its author."""


class AppStateWriteError(RefusedError):
    """The server refused our patch (a conflict that outlived a resync, or another error)."""


@dataclass(frozen=True, slots=True)
class ChatChange:
    """One chat setting to write: its collection and the mutations of its patch."""

    action: str
    jid: str
    collection: str
    mutations: tuple[NewMutation, ...]
    mute_end: int | None = None  # milliseconds, FOREVER, or None when not a mute
    message_id: str | None = None  # the message a star or delete-for-me names


@dataclass(frozen=True, slots=True)
class Written:
    change: ChatChange
    version: int  # the collection's version our patch became


def chat_change(
    action: str,
    chat: JID,
    *,
    now_ms: int | None = None,
    mute_for: int | None = 8 * 3600,
    last_message_at: int | None = None,
) -> ChatChange:
    """The patch content for ``action`` on ``chat``; ``mute_for`` is seconds (None: for
    ever), ``last_message_at`` (seconds) bounds the range archive/read cover.
    ValueError for an unknown action."""
    stamp = int(time.time() * 1000) if now_ms is None else now_ms
    jid = str(chat.to_non_ad())
    last = stamp // 1000 if last_message_at is None else last_message_at

    def value() -> sync_action_pb2.SyncActionValue:
        return sync_action_pb2.SyncActionValue(timestamp=stamp)

    def pin(pinned: bool) -> NewMutation:
        v = value()
        v.pin_action.pinned = pinned
        return NewMutation(Operation.SET, ["pin_v1", jid], v, 5)

    if action in ("pin", "unpin"):
        return ChatChange(action, jid, "regular_low", (pin(action == "pin"),))
    if action in ("mute", "unmute"):
        v = value()
        v.mute_action.muted = action == "mute"
        end = None
        if action == "mute":
            end = FOREVER if mute_for is None else stamp + mute_for * 1000
            v.mute_action.mute_end_timestamp = end
        mute = NewMutation(Operation.SET, ["mute", jid], v, 2)
        return ChatChange(action, jid, "regular_high", (mute,), end)
    if action in ("archive", "unarchive"):
        v = value()
        v.archive_chat_action.archived = action == "archive"
        v.archive_chat_action.message_range.last_message_timestamp = last
        archive = NewMutation(Operation.SET, ["archive", jid], v, 3)
        mutations = (archive, pin(False)) if action == "archive" else (archive,)
        return ChatChange(action, jid, "regular_low", mutations)
    if action in ("read", "unread"):
        v = value()
        v.mark_chat_as_read_action.read = action == "read"
        v.mark_chat_as_read_action.message_range.last_message_timestamp = last
        read = NewMutation(Operation.SET, ["markChatAsRead", jid], v, 3)
        return ChatChange(action, jid, "regular_low", (read,))
    raise ValueError(f"unknown chat action {action!r}; use one of {', '.join(ACTIONS)}")


def message_change(
    action: str, chat: JID, message: ArchivedMessage, *, now_ms: int | None = None
) -> ChatChange:
    """The patch content for ``action`` (star, unstar, delete-for-me) on an archived
    message of ``chat``; ValueError for an unknown action."""
    stamp = int(time.time() * 1000) if now_ms is None else now_ms
    jid = str(chat.to_non_ad())
    author = message.sender if chat.is_group and not message.from_me else "0"
    key = [jid, message.id, "1" if message.from_me else "0", author]
    value = sync_action_pb2.SyncActionValue(timestamp=stamp)
    if action in ("star", "unstar"):
        value.star_action.starred = action == "star"
        mutation = NewMutation(Operation.SET, ["star", *key], value, 2)
    elif action == "delete-for-me":
        value.delete_message_for_me_action.delete_media = True
        value.delete_message_for_me_action.message_timestamp = message.timestamp
        mutation = NewMutation(Operation.SET, ["deleteMessageForMe", *key], value, 3)
    else:
        raise ValueError(
            f"unknown message action {action!r}; use one of {', '.join(MESSAGE_ACTIONS)}"
        )
    return ChatChange(action, jid, "regular_high", (mutation,), message_id=message.id)


async def _quiet(event: ev.Event) -> None:
    del event  # a command prints its own one line; the archive gets the rest


class AppStateWriter:
    """Writes chat changes through one connection, keeping the store's app state in step."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sync = AppStateSync(store, _quiet)

    def archived(self, chat: JID, message_id: str) -> ArchivedMessage:
        """The message a star or delete-for-me names; UnknownMessage when not archived."""
        found = Archive(self.store).message(str(chat.to_non_ad()), message_id)
        if found is None:
            raise UnknownMessage(
                f"message {message_id} is not in the archive of {chat.to_non_ad()}; "
                "wacli needs it there to tell who sent it ('wacli listen' archives messages)"
            )
        return found

    def last_message_at(self, jid: str) -> int | None:
        chat = Archive(self.store).chat(jid)
        return None if chat is None else chat.last_message_at

    async def write(self, conn: Requests, change: ChatChange) -> Written:
        """Sync the collection, upload the patch (once more after a 409), keep the result."""
        self.sync.use(conn)
        if self.store.latest_app_state_key() is None:
            raise NoAppStateKey(
                "the phone has not shared its app-state key with this device yet; "
                "keep 'wacli listen' running until it does (after linking, or when the "
                "phone first changes a chat setting) and try again"
            )
        for attempt in (1, 2):
            await self.prepare(change.collection)
            based_on, patch, new, decoded = self.build(change)
            if await self.upload(conn, change.collection, based_on, patch, last=attempt == 2):
                self.sync.keep_own(change.collection, based_on, new, decoded)
                return Written(change, new.version)
        raise AssertionError("unreachable: the second attempt returns or raises")

    async def prepare(self, name: str) -> None:
        """Bring ``name`` to the server's version; NoAppStateKey when it needs a key we lack."""
        await self.sync.sync_collection(name)  # AppStateSyncError when it does not verify
        if self.sync.waiting_for_key(name):
            raise NoAppStateKey(
                f"app-state collection {name} uses a key the phone has not shared with us yet"
            )

    def build(
        self, change: ChatChange
    ) -> tuple[int, syncd_pb2.SyncdPatch, AppStateHash, list[DecodedMutation]]:
        """The patch on top of the stored state: (its base version, the patch, the state it
        leads to, what it means as decoded mutations)."""
        saved = self.store.load_collection(change.collection)
        state = AppStateHash()
        if saved is not None:
            state = AppStateHash(saved.version, saved.hash, dict(saved.value_macs))
        record = self.store.latest_app_state_key()
        assert record is not None  # checked in write(); keys are never deleted
        keys = expand_app_state_keys(record.key_data)
        patch, new = encode_patch(
            change.collection, state, record.key_id, keys, list(change.mutations)
        )
        decoded = [
            DecodedMutation(
                m.operation,
                m.index,
                m.action,
                m.api_version,
                bytes(sent.record.index.blob),
                value_mac_of(sent.record.value.blob),
            )
            for m, sent in zip(change.mutations, patch.mutations, strict=True)
        ]
        return state.version, patch, new, decoded

    async def upload(
        self, conn: Requests, name: str, based_on: int, patch: syncd_pb2.SyncdPatch, *, last: bool
    ) -> bool:
        """Send the patch; True once stored, False on a conflict worth a retry."""
        ask: Attrs = {"name": name, "version": str(based_on), "return_snapshot": "false"}
        upload = Node("collection", ask, [Node("patch", {}, patch.SerializeToString())])
        try:
            reply = await conn.iq(XMLNS, "set", [Node("sync", {}, [upload])])
        except IqError as exc:
            if exc.code == CONFLICT and not last:
                return False
            raise AppStateWriteError(
                f"the server refused the {name} patch: {exc}", exc.code
            ) from None
        sync = reply.child("sync")
        answer = None if sync is None else sync.child("collection")
        if answer is None or answer.attr("name") != name:
            raise AppStateWriteError(f"the server's answer has no <collection name={name}>")
        if answer.attr("type") != "error":
            return True
        error = answer.child("error")
        raw = (error.attr("code") if error is not None else None) or ""
        code = int(raw) if raw.isdigit() and len(raw) < 6 else 0
        if code == CONFLICT and not last:
            return False
        text = error.attr("text") if error is not None else None
        raise AppStateWriteError(
            f"the server refused the {name} patch (error {code or '?'} {text or ''})".rstrip(),
            code or None,
        )
