"""History sync on the companion side (whatsmeow message.go handleHistorySyncNotification,
Baileys Utils/history.ts).

Our phone announces each chunk of history with a protocol message
HISTORY_SYNC_NOTIFICATION. ``HistorySyncHook`` is a Receiver MessageHook: it takes the
chunk (inline, or downloaded from the media hosts and checked), inflates it within a
bound, writes its chats, push names and messages into the archive (the edits, revokes
and reactions among them, and the reactions the phone keeps on a message, change the
messages they name: wacli.client.archiving) and emits one ``history_sync`` event with
the counts; the messages themselves are not emitted as ``message`` events. Writes are
idempotent (a redelivered notification changes nothing).

``wacli history backfill`` asks the phone for older messages of one chat: a peer data
operation HISTORY_SYNC_ON_DEMAND sent to our own phone only (``category="peer"``,
whatsmeow BuildHistorySyncRequest); the phone answers with an ON_DEMAND chunk naming
the request's message id, which ``wait_answer`` waits for.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import anyio

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client import privacy_tokens
from wacli.client.archiving import apply_change, archived_row
from wacli.client.connection import Connection
from wacli.client.errors import ClientError, RefusedError, refused_ack
from wacli.client.relay import RemoteConnection
from wacli.client.send import ACK_TIMEOUT, fetch_bundles, new_message_id
from wacli.jid import JID, JIDError, parse_jid
from wacli.proto import e2e_pb2, history_sync_pb2
from wacli.protocol.history import (
    HISTORY_MEDIA_TYPE,
    MAX_INFLATED,
    HistorySyncError,
    OnDemandRequest,
    history_notification,
    inflate_history,
    on_demand_message,
    sync_type_name,
)
from wacli.protocol.media_message import blob_ref
from wacli.protocol.message_model import Change, MessageModel
from wacli.protocol.padding import pad_message
from wacli.signal import ProtocolAddress, SessionCipher, process_prekey_bundle
from wacli.store import Store
from wacli.store.archive import MAX_SECONDS, NOT_CONTENT, Archive, ArchivedMessage

log = logging.getLogger(__name__)

ANSWERS_KEPT: Final = 64  # on-demand answers kept for a waiting backfill
ATTACH_WAIT: Final = 30.0  # seconds a blob waits for the connection's on_connect hooks
MEDIA_CA_ENV: Final = "WACLI_MEDIA_CA"  # the CA to trust for the media hosts (the sandbox's)


@dataclass(frozen=True, slots=True)
class Stored:
    """What one chunk brought: the counts of the event, and the messages new to the archive."""

    sync_type: str | None
    conversations: int
    messages: int
    added: int


class HistorySyncHook:
    """Receiver hook for history-sync notifications from our own phone (see the module)."""

    def __init__(self, store: Store, media_ca: str | None = None) -> None:
        self.store = store
        self.archive = Archive(store)
        self._media_ca = media_ca
        self._conn: Connection | None = None
        self._attached = anyio.Event()
        self._answers: dict[str, Stored] = {}
        self._answered = anyio.Event()

    async def attach(self, conn: Connection) -> None:
        """Client on_connect hook: the connection to ask for media hosts on."""
        self._conn = conn
        self._attached.set()

    async def __call__(self, info: ev.MessageInfo, message: e2e_pb2.Message) -> Sequence[ev.Event]:
        note = history_notification(message)
        if note is None:
            return ()
        # The receive path fills MessageInfo with JIDs (the text form is for writing).
        if not info.is_from_me or not isinstance(info.sender, JID) or info.sender.device != 0:
            log.warning("ignoring a history sync notification from %s", info.sender)
            return ()
        try:
            sync = inflate_history(await self._payload(note))
        except (HistorySyncError, ClientError) as exc:
            log.warning("history sync chunk %s dropped: %s", info.id, exc)
            return ()
        stored = self.store_chunk(sync)
        if note.peer_data_request_session_id:
            self._answers[note.peer_data_request_session_id] = stored
            while len(self._answers) > ANSWERS_KEPT:  # answers nobody here waits for (listen)
                self._answers.pop(next(iter(self._answers)))
            self._answered.set()
            self._answered = anyio.Event()
        return (
            ev.HistorySync(
                sync_type=sync_type_name(note.sync_type)
                if note.HasField("sync_type")
                else stored.sync_type,
                progress=note.progress if note.HasField("progress") else None,
                chunk_order=note.chunk_order if note.HasField("chunk_order") else None,
                conversations=stored.conversations,
                messages=stored.messages,
            ),
        )

    # -- the payload -------------------------------------------------------------------

    async def _payload(self, note: e2e_pb2.HistorySyncNotification) -> bytes:
        if note.HasField("initial_hist_bootstrap_inline_payload"):
            return note.initial_hist_bootstrap_inline_payload
        if not note.direct_path or not note.media_key:
            raise HistorySyncError("the notification has neither an inline payload nor a blob")
        from wacli.client import media  # the media client is only needed for blobs

        hosts: tuple[str, ...] = ()
        media_ca = self._media_ca or os.environ.get(MEDIA_CA_ENV) or None
        with anyio.move_on_after(ATTACH_WAIT):  # a chunk replayed at login comes before it
            await self._attached.wait()
        if self._conn is not None:
            hosts = await media.media_hosts(self._conn)
        ref = blob_ref(
            "history",
            HISTORY_MEDIA_TYPE,
            note.direct_path,
            note.media_key,
            note.file_sha256,
            note.file_enc_sha256,
            note.file_length,
        )
        return await media.download(ref, media_ca=media_ca, hosts=hosts, max_bytes=MAX_INFLATED)

    # -- the archive -------------------------------------------------------------------

    def _own(self) -> str:
        account = self.store.load_account()
        return "" if account is None else str(parse_jid(account.jid).to_non_ad())

    def store_chunk(self, sync: history_sync_pb2.HistorySync) -> Stored:
        """Write a chunk's chats, push names and messages; idempotent."""
        own = self._own()
        messages = added = 0
        now = int(time.time())
        changes: list[tuple[ArchivedMessage, Change]] = []
        with self.store.transaction():
            for conversation in sync.conversations:
                chat = _chat(conversation.id)
                if chat is None:
                    continue
                name = conversation.name or conversation.display_name
                if name:
                    self.archive.upsert_chat(chat, name=name)
                for entry in conversation.messages:
                    found = _row(chat, entry.message, own)
                    if found is None:
                        continue
                    row, model = found
                    messages += 1
                    added += self.archive.add_message(row)
                    if model.change is not None:
                        changes.append((row, model.change))
                    for reaction in entry.message.reactions:
                        self._reaction(chat, row.id, reaction, own)
            # Edits, revokes and reactions once every message they may name is archived
            # (a chunk need not list them in order), oldest first.
            for row, change in sorted(changes, key=lambda pair: pair[0].timestamp):
                apply_change(self.archive, row.chat, row.sender, row.timestamp, change)
            for pushname in sync.pushnames:
                jid = _chat(pushname.id)
                if jid is not None and pushname.pushname:
                    self.archive.upsert_contact(jid, push_name=pushname.pushname, updated_at=now)
            privacy_tokens.from_history(self.store, sync)  # tokens, issuances, NCT salt
        return Stored(
            sync_type=sync_type_name(sync.sync_type),
            conversations=len(sync.conversations),
            messages=messages,
            added=added,
        )

    def _reaction(self, chat: str, message_id: str, reaction: Any, own: str) -> None:
        """A reaction the phone keeps on a message (WebMessageInfo.reactions)."""
        key = reaction.key
        reactor = (own or None) if key.from_me else _chat(key.participant) or _chat(key.remote_jid)
        when = reaction.sender_timestamp_ms // 1000
        if reactor is None or not 0 < when <= MAX_SECONDS:
            return
        self.archive.apply_reaction(chat, message_id, reactor, reaction.text, timestamp=when)

    # -- on-demand answers -------------------------------------------------------------

    async def wait_answer(self, request_id: str) -> Stored:
        """The ON_DEMAND chunk answering ``request_id`` (the caller bounds the wait)."""
        while request_id not in self._answers:
            await self._answered.wait()
        return self._answers.pop(request_id)


def _chat(text: str) -> str | None:
    try:
        jid = parse_jid(text)
    except JIDError:
        return None
    return str(jid.to_non_ad()) if jid.is_user or jid.is_group else None


def _row(chat: str, info: Any, own: str) -> tuple[ArchivedMessage, MessageModel] | None:
    """One WebMessageInfo as an archive row and what its message is; None for one without
    an id or content."""
    key = info.key
    if not key.id or not info.HasField("message"):
        return None
    author = own if key.from_me else _chat(key.participant or info.participant or "")
    sender = author or chat
    when = info.message_timestamp
    if not 0 < when <= MAX_SECONDS:
        return None
    return archived_row(
        info.message,
        chat=chat,
        message_id=key.id,
        sender=sender,
        from_me=key.from_me,
        timestamp=when,
        push_name=info.push_name or None,
    )


# -- asking for older messages -------------------------------------------------------------


def backfill_request(store: Store, chat: str, count: int) -> OnDemandRequest:
    """Older messages of ``chat`` than the oldest in the archive (the newest when it has none)."""
    row = store._conn.execute(  # the archive has no "oldest" listing; read it directly
        "SELECT id, from_me, timestamp FROM messages WHERE chat = ? AND type NOT IN "
        f"({', '.join('?' * len(NOT_CONTENT))}) ORDER BY timestamp, pk LIMIT 1",
        (chat, *NOT_CONTENT),
    ).fetchone()
    if row is None:
        return OnDemandRequest(chat=chat, count=count)
    return OnDemandRequest(
        chat=chat,
        count=count,
        oldest_id=row[0],
        oldest_from_me=bool(row[1]),
        oldest_timestamp_ms=int(row[2]) * 1000,
    )


def archived_count(store: Store, chat: str) -> int:
    """Messages of ``chat`` in the archive (content only)."""
    return int(
        store._conn.execute(
            "SELECT count(*) FROM messages WHERE chat = ? AND type NOT IN "
            f"({', '.join('?' * len(NOT_CONTENT))})",
            (chat, *NOT_CONTENT),
        ).fetchone()[0]
    )


async def send_to_own_phone(
    conn: Connection | RemoteConnection, store: Store, own: JID, message: e2e_pb2.Message
) -> str:
    """Send a peer message to our phone (device 0) alone; its id once the server acked it."""
    phone = own.to_non_ad().with_device(0)
    address = ProtocolAddress(*phone.signal_address())
    cipher = SessionCipher(store, address)
    if not cipher.has_session():
        bundle = (await fetch_bundles(conn, [phone])).get(phone)
        if bundle is None:
            raise RefusedError("the server has no prekeys for our phone")
        process_prekey_bundle(store, address, bundle)
    with store.transaction():
        ciphertext = cipher.encrypt(pad_message(message.SerializeToString()))
    message_id = new_message_id()
    enc = Node("enc", {"v": "2", "type": ciphertext.type.enc_type}, ciphertext.body)
    content = [enc]
    account = store.load_account()
    if ciphertext.type.enc_type == "pkmsg" and account is not None:
        content.append(Node("device-identity", {}, account.signed_identity))
    stanza = Node(
        "message",
        {"id": message_id, "to": phone.to_non_ad(), "type": "text", "category": "peer"},
        content,
    )
    ack = await conn.request(stanza, ACK_TIMEOUT)
    refused_ack(ack, "the history request")
    return message_id


async def request_backfill(
    conn: Connection | RemoteConnection, store: Store, own: JID, request: OnDemandRequest
) -> str:
    """Ask our phone for older messages; the request's message id (the answer names it)."""
    return await send_to_own_phone(conn, store, own, on_demand_message(request))
