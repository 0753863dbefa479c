"""App-state sync: pins, mutes, archives, read marks, contacts, our push name, starred
and deleted-for-me messages as the phone and our other devices change them (whatsmeow
appstate.go, Baileys chats.ts).

Three seams of the client feed it:

- a Receiver hook keeps the sync keys our phone shares (a protocol message of type
  APP_STATE_SYNC_KEY_SHARE, accepted only from our own account), and resyncs any
  collection that was waiting for a key;
- a feature handler answers ``<notification type="server_sync"><collection name/>``
  by fetching that collection before the notification is acknowledged;
- an on_connect hook fetches every collection on each login.

A fetch asks ``<iq xmlns="w:sync:app:state" type="set"><sync><collection name
version return_snapshot/></sync></iq>`` for the patches after our version and
verifies each with wacli.protocol.appstate_patch (LTHash, snapshot MAC, patch MAC,
value and index MACs) before anything is stored. A collection that does not verify
is fetched once more from version 0, as whatsmeow does (the fresh state replaces
the stored one only once it verifies); if that fails too, AppStateSyncError is
logged and the collection stays as it was. Mutations become events;
``from_full_sync`` is true for a fetch from version 0.

A ``<snapshot>`` answer (what the server sends for a compacted collection when we ask
return_snapshot, i.e. from version 0) is an ExternalBlobReference: the blob is downloaded
from the media hosts (appstate_snapshot.py; TLS checked against ``media_ca``, default
WACLI_MEDIA_CA), every record's value MAC, the LTHash and the snapshot MAC verified,
and it replaces the collection's state (its events have from_full_sync true) before the
patches after it apply; nothing is stored unless all of it verifies.

Not yet: we do not ask the phone for a missing key (APP_STATE_SYNC_KEY_REQUEST); a
collection waits for a share.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import anyio
from google.protobuf.message import DecodeError

from wacli.binary import Attrs, BinaryError, Node
from wacli.client import events as ev
from wacli.client.appstate_snapshot import fetch_snapshot
from wacli.client.connection import Connection, Requests
from wacli.client.dispatcher import Outcome, Sink
from wacli.client.errors import ClientError
from wacli.client.presence import own_presence
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2, syncd_pb2
from wacli.protocol import AppStateError
from wacli.protocol.appstate_crypto import (
    AppStateHash,
    AppStateKeys,
    Operation,
    expand_app_state_keys,
)
from wacli.protocol.appstate_patch import (
    DecodedMutation,
    MissingKeyError,
    decode_patch,
    decode_snapshot,
)
from wacli.protocol.newer_fields import NCT_SALT_INDEX, action_nct_salt
from wacli.store import Store
from wacli.store.appstate_tables import AppStateKeyRecord, CollectionState
from wacli.store.archive import Archive
from wacli.store.rule_tables import NCT_SALT

log = logging.getLogger(__name__)

COLLECTIONS = ("critical_block", "critical_unblock_low", "regular_high", "regular_low", "regular")
XMLNS = "w:sync:app:state"
MAX_ROUNDS = 50  # has_more_patches rounds per fetch: a server cannot keep us looping
KEY_LEN = 32


class AppStateSyncError(ClientError):
    """A collection's patches did not verify (MAC or LTHash mismatch, malformed patch)
    even after a fetch from scratch, or the server refused the fetch."""

    def __init__(self, collection: str, reason: str) -> None:
        super().__init__(f"app state {collection}: {reason}")
        self.collection = collection


def _time(millis: int) -> datetime | None:
    if millis <= 0:
        return None
    try:
        return datetime.fromtimestamp(millis / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        return None


_CHAT_EVENTS: dict[str, tuple[type[ev._ChatSetting], str]] = {
    "pin_v1": (ev.PinUpdate, "pin_action"),
    "mute": (ev.MuteUpdate, "mute_action"),
    "archive": (ev.ArchiveUpdate, "archive_chat_action"),
    "markChatAsRead": (ev.MarkChatAsReadUpdate, "mark_chat_as_read_action"),
    "contact": (ev.ContactUpdate, "contact_action"),
}


_MESSAGE_EVENTS: dict[str, tuple[type[ev._MessageSetting], str]] = {
    "star": (ev.StarUpdate, "star_action"),
    "deleteMessageForMe": (ev.DeleteForMeUpdate, "delete_message_for_me_action"),
}


class AppStateSync:
    def __init__(self, store: Store, sink: Sink, media_ca: str | None = None) -> None:
        self.store = store
        # snapshots: the CA the media hosts' TLS is checked against (None: the system's)
        self.media_ca = media_ca if media_ca is not None else os.environ.get("WACLI_MEDIA_CA")
        self.archive = Archive(store)
        self._sink = sink
        self._conn: Requests | None = None
        self._lock = anyio.Lock()
        self._blocked: set[str] = set()  # collections waiting for a sync key

    # -- the three seams ---------------------------------------------------------------

    async def on_message(
        self, info: ev.MessageInfo, message: e2e_pb2.Message
    ) -> Sequence[ev.Event]:
        """Receiver hook: keep shared keys (idempotent), then resync what waited for them."""
        protocol = message.protocol_message
        if (
            not info.is_from_me
            or not message.HasField("protocol_message")
            or protocol.type != e2e_pb2.ProtocolMessage.APP_STATE_SYNC_KEY_SHARE
        ):
            return ()
        added = self._keep_keys(protocol.app_state_sync_key_share)
        log.info("app-state key share: %d new key(s)", added)
        if not added or not self._blocked:
            return ()
        return await self.sync(sorted(self._blocked))

    def _keep_keys(self, share: e2e_pb2.AppStateSyncKeyShare) -> int:
        added = 0
        with self.store.transaction():
            for key in share.keys:
                key_id, data = key.key_id.key_id, key.key_data.key_data
                if key_id and len(data) == KEY_LEN:
                    record = AppStateKeyRecord(key_id, data, key.key_data.timestamp)
                    added += self.store.save_app_state_key(record)
        return added

    def _keys_from_archive(self) -> None:
        """Another command (presence, say) may have received the phone's key share without
        this hook: the archive keeps every decrypted message, so look for it there."""
        account = self.store.load_account()
        if account is None or self.store.latest_app_state_key() is not None:
            return
        own = [parse_jid(j).to_non_ad() for j in (account.jid, account.lid) if j]
        for raw in self.store.own_protocol_messages([str(j) for j in own]):
            message = e2e_pb2.Message()
            try:
                message.ParseFromString(raw)
            except DecodeError:
                continue
            protocol = message.protocol_message
            if protocol.type == e2e_pb2.ProtocolMessage.APP_STATE_SYNC_KEY_SHARE:
                self._keep_keys(protocol.app_state_sync_key_share)

    async def handle(self, node: Node) -> Outcome | None:
        """Feature handler for server_sync notifications (events before the ack)."""
        if node.tag != "notification" or node.attr("type") != "server_sync":
            return None
        names = [c.attr("name") or "" for c in node.children_named("collection")]
        return Outcome(events=await self.sync([n for n in names if n in COLLECTIONS]))

    async def on_connect(self, conn: Connection) -> None:
        """Client on_connect hook: remember the connection and catch up on everything."""
        self._conn = conn
        self._keys_from_archive()
        for event in await self.sync(COLLECTIONS):
            await self._sink(event)

    def use(self, conn: Requests) -> None:
        """Fetch through ``conn`` (a command's own or listen's relayed connection) without
        the catch-up on_connect does; keys another command archived count too."""
        self._conn = conn
        self._keys_from_archive()

    def waiting_for_key(self, name: str) -> bool:
        """Whether the collection's patches use a sync key we were not given (yet)."""
        return name in self._blocked

    def keep_own(
        self, name: str, based_on: int, state: AppStateHash, mutations: list[DecodedMutation]
    ) -> bool:
        """Keep a patch we uploaded (the server stored it as ``state.version``) and what it
        means, unless the stored collection is no longer at ``based_on``: then someone
        (a running listen) fetched it meanwhile and has it already. Whether it was kept."""
        with self.store.transaction():
            saved = self.store.load_collection(name)
            if (0 if saved is None else saved.version) != based_on:
                return False
            self._apply(name, state, mutations, full=False)
        return True

    # -- fetching ---------------------------------------------------------------------

    async def sync(self, names: Iterable[str]) -> list[ev.Event]:
        """Fetch and apply the named collections; failures are logged, never raised
        (the connection and the other collections go on)."""
        events: list[ev.Event] = []
        for name in dict.fromkeys(names):
            try:
                events += await self.sync_collection(name)
            except AppStateSyncError as exc:
                log.warning("%s", exc)
            except ClientError as exc:  # the connection is gone: on_connect catches up
                log.info("app state %s not synced now: %s", name, exc)
        await self._announce_new_name(events)
        return events

    async def _announce_new_name(self, events: list[ev.Event]) -> None:
        """Our push name changed on another device: tell the server with our presence, as
        WhatsApp Web does (those we write to see the name it holds)."""
        renamed = [e.new_name for e in events if isinstance(e, ev.SelfPushNameUpdated)]
        if not renamed or not renamed[-1] or self._conn is None:
            return
        try:
            await self._conn.send(own_presence(self._conn.available, renamed[-1]))
        except ClientError as exc:
            log.info("could not announce the new push name: %s", exc)

    async def sync_collection(self, name: str) -> list[ev.Event]:
        """Bring one collection up to date; AppStateSyncError when it does not verify."""
        conn = self._conn
        if conn is None:
            return []
        async with self._lock:
            try:
                return await self._fetch(conn, name, self._state(name))
            except MissingKeyError as exc:
                log.info("app state %s waits for key %s", name, exc.key_id.hex())
                self._blocked.add(name)
                return []
            except (AppStateError, BinaryError) as exc:
                log.warning("app state %s does not verify (%s); fetching it afresh", name, exc)
            try:  # from version 0; what is stored stays until a fresh state verifies
                return await self._fetch(conn, name, AppStateHash())
            except MissingKeyError:
                self._blocked.add(name)
                return []
            except (AppStateError, BinaryError) as exc:
                raise AppStateSyncError(name, str(exc)) from None

    def _lookup(self, key_id: bytes) -> AppStateKeys | None:
        data = self.store.app_state_key(key_id)
        return None if data is None else expand_app_state_keys(data)

    def _state(self, name: str) -> AppStateHash:
        saved = self.store.load_collection(name)
        if saved is None:
            return AppStateHash()
        return AppStateHash(saved.version, saved.hash, dict(saved.value_macs))

    async def _fetch(self, conn: Requests, name: str, state: AppStateHash) -> list[ev.Event]:
        full = state.version == 0
        events: list[ev.Event] = []
        for _ in range(MAX_ROUNDS):
            ask: Attrs = {
                "name": name,
                "version": str(state.version),
                "return_snapshot": "true" if state.version == 0 else "false",
            }
            reply = await conn.iq(XMLNS, "set", [Node("sync", {}, [Node("collection", ask)])])
            answer = _collection(reply, name)
            mutations: list[DecodedMutation] = []
            snapshot = answer.child("snapshot")
            if snapshot is not None:  # the whole collection first, then the patches after it
                state, mutations = await self._snapshot(conn, name, snapshot)
                full = True
            for patch in _patches(answer, state.version):
                state, decoded = decode_patch(name, patch, state, self._lookup)
                mutations += decoded
            events += self._apply(name, state, mutations, full)
            if answer.attr("has_more_patches") != "true":
                self._blocked.discard(name)
                return events
        raise AppStateError(f"still more patches after {MAX_ROUNDS} rounds")

    async def _snapshot(
        self, conn: Requests, name: str, node: Node
    ) -> tuple[AppStateHash, list[DecodedMutation]]:
        """Download and verify a snapshot: the state it stands for and its records (nothing
        is stored here; AppStateError when it does not verify)."""
        downloaded = await fetch_snapshot(conn, node, self.media_ca)
        state, mutations = decode_snapshot(name, downloaded, self._lookup)
        log.info("app state %s: snapshot at version %d", name, state.version)
        return state, mutations

    def _apply(
        self, name: str, state: AppStateHash, mutations: list[DecodedMutation], full: bool
    ) -> list[ev.Event]:
        """Store the verified state and what the mutations mean; their events.

        Another process (``wacli chat``) may have stored this collection meanwhile; what
        it stored holds every patch up to its version. So a stored state past ``state``
        stays as it is (never replaced by an older one), and one at the same version
        makes these mutations old news: no event twice."""
        events: list[ev.Event] = []
        with self.store.transaction():
            saved = self.store.load_collection(name)
            known = 0 if saved is None else saved.version
            if known > state.version:
                return events
            self.store.save_collection(
                name, CollectionState(state.version, state.hash, state.value_macs)
            )
            if known == state.version:
                return events
            for mutation in mutations:
                event = self._event(mutation, full)
                if event is not None:
                    events.append(event)
        return events

    def _event(self, mutation: DecodedMutation, full: bool) -> ev.Event | None:
        index, action = mutation.index, mutation.action
        if index == [NCT_SALT_INDEX]:  # the account's cstoken salt (wacli.client.privacy_tokens)
            salt = action_nct_salt(action) if mutation.operation == Operation.SET else None
            self.store.set_setting(NCT_SALT, salt or None)
            return None
        if index == ["setting_pushName"] and action.HasField("push_name_setting"):
            account = self.store.load_account()
            old = account.push_name if account is not None else None
            new = action.push_name_setting.name
            if new == old:
                return None
            if account is not None:
                self.store.set_push_name(new)
            return ev.SelfPushNameUpdated(from_server=True, old_name=old, new_name=new)
        if index[0] in _MESSAGE_EVENTS and len(index) == 5:
            return self._message_event(mutation, full)
        kind = _CHAT_EVENTS.get(index[0]) if len(index) >= 2 else None
        if kind is None or not action.HasField(kind[1]):
            return None
        cls, field = kind
        value = getattr(action, field)
        when = _time(action.timestamp)
        self._archive(index[0], index[1], value, when)
        return cls(jid=index[1], timestamp=when, action=value, from_full_sync=full)

    def _message_event(self, mutation: DecodedMutation, full: bool) -> ev.Event | None:
        """A star or delete-for-me of one message: the archive follows, then the event."""
        kind, jid, message_id, mine, author = mutation.index
        cls, field = _MESSAGE_EVENTS[kind]
        action = mutation.action
        if mutation.operation != Operation.SET or not action.HasField(field):
            return None
        when = _time(action.timestamp)
        from_me = mine == "1"
        if kind == "star":
            stamp = int((when or datetime.now(UTC)).timestamp())
            self.archive.set_starred(jid, message_id, from_me, action.star_action.starred, at=stamp)
        else:
            self.archive.delete_for_me(jid, message_id, from_me)
        participant = None if author in ("", "0") else author
        value = getattr(action, field)
        return cls(jid, when, value, full, message_id, from_me, participant)

    def _archive(self, kind: str, jid: str, value: object, when: datetime | None) -> None:
        """Mirror the setting into the archive's chats and contacts (what ``chats`` lists)."""
        stamp = int((when or datetime.now(UTC)).timestamp())
        if kind == "pin_v1":
            pinned = value.pinned  # type: ignore[attr-defined]
            self.archive.upsert_chat(jid, pinned_at=stamp if pinned else None)
        elif kind == "mute":
            end = value.mute_end_timestamp if value.muted else None  # type: ignore[attr-defined]
            if end is not None and end > 0:
                end //= 1000  # the archive keeps seconds; -1 (forever) stays
            self.archive.upsert_chat(jid, muted_until=end)
        elif kind == "archive":
            self.archive.upsert_chat(jid, archived=value.archived)  # type: ignore[attr-defined]
        elif kind == "markChatAsRead":
            if value.read:  # type: ignore[attr-defined]
                self.archive.upsert_chat(jid, unread_count=0)
            else:  # marked unread: -1 as WhatsApp Web (and Baileys) keep it, a real count stays
                chat = self.archive.chat(jid)
                if chat is None or chat.unread_count <= 0:
                    self.archive.upsert_chat(jid, unread_count=-1)
        elif kind == "contact":
            self.archive.upsert_contact(
                jid,
                updated_at=stamp,
                full_name=value.full_name or None,  # type: ignore[attr-defined]
                first_name=value.first_name or None,  # type: ignore[attr-defined]
            )


def _collection(reply: Node, name: str) -> Node:
    sync = reply.child("sync")
    answer = None if sync is None else sync.child("collection")
    if answer is None or answer.attr("name") != name:
        raise AppStateError("the answer has no <collection> for what we asked")
    if answer.attr("type") == "error":
        error = answer.child("error")
        code = error.attr("code") if error is not None else "?"
        raise AppStateSyncError(name, f"the server refused the fetch (error {code})")
    return answer


def _patches(answer: Node, after: int) -> list[syncd_pb2.SyncdPatch]:
    holder = answer.child("patches") or answer
    found = []
    for node in holder.children_named("patch"):
        patch = syncd_pb2.SyncdPatch()
        try:
            patch.ParseFromString(node.content_bytes())
        except DecodeError as exc:
            raise AppStateError(f"malformed patch: {exc}") from None
        if not patch.HasField("version"):  # Baileys' fallback: the one after ours
            patch.version.version = after + 1
        if patch.version.version <= after:
            raise AppStateError(f"patch version {patch.version.version} is not after {after}")
        after = patch.version.version
        found.append(patch)
    return found
