"""The simulated phone's history sync: what it tells a new companion, and on-demand backfill.

Each phone keeps its chat log in its own store's archive (``phones/<phone>/``): what
it received and sent (inbox and sent messages, copied in when a sync is built) and
what the admin API gave it as history. From that log it sends, like a real phone
(whatsmeow/Baileys history handling):

- to a companion that logs in for the first time after linking, once its offline
  queue is through: INITIAL_BOOTSTRAP (every chat with its newest messages), then
  PUSH_NAME (the names of the chats' accounts) and RECENT (older messages, progress
  100), as protocol messages HISTORY_SYNC_NOTIFICATION encrypted to that device like
  any message of the phone. Only companions whose DeviceProps say they take inline
  payloads (``inline_initial_payload_in_e2ee_msg``; Baileys, wacli and WhatsApp Web do)
  get them, and only when the phone has at least one chat (SEND_EMPTY_BOOTSTRAP);
  chunks go inline unless too big, then as ``md-msg-hist`` blobs on the sandbox's media
  server (Baileys can only fetch those from mmg.whatsapp.net, so keep them small);
- to the device that asked (a HISTORY_SYNC_ON_DEMAND peer data operation), an
  ON_DEMAND chunk with the messages of the chat older than the oldest it has.

Privacy tokens (privacy.py): INITIAL_BOOTSTRAP and the admin pushes carry the account's
NCT salt (HistorySync field 19), and each 1:1 conversation the contact's token for the
account (tc_token, tc_token_timestamp) and when the account issued its own
(tc_token_sender_timestamp).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from google.protobuf.message import DecodeError

from wacli.binary import Node
from wacli.jid import JID, JIDError, parse_jid
from wacli.proto import e2e_pb2, history_sync_pb2, web_pb2
from wacli.protocol.history import (
    HISTORY_MEDIA_TYPE,
    MAX_ON_DEMAND,
    Blob,
    OnDemandRequest,
    SyncType,
    compress_history,
    notification_message,
    on_demand_request,
)
from wacli.protocol.media_crypto import encrypt_media
from wacli.protocol.message_model import classify
from wacli.sandbox import privacy
from wacli.sandbox.delivery import deliver, device_jid, phone_bundle
from wacli.sandbox.phone import new_message_id, now
from wacli.sandbox.state import Account
from wacli.signal import SignalError
from wacli.store.archive import Archive, ArchivedMessage

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)

BOOTSTRAP_PER_CHAT: Final = 20  # newest messages of each chat in INITIAL_BOOTSTRAP
RECENT_PER_CHAT: Final = 30  # the next older ones in RECENT; the rest only on demand
# Compressed chunks up to this size go inline; bigger ones (and any when asked) are uploaded
# to the sandbox's media server as md-msg-hist blobs.
INLINE_MAX: Final = 512 * 1024
# A phone without a single chat sends no bootstrap: the existing tests count exactly what
# is queued for a fresh account's companion. (Baileys then waits its 20 s for history on
# such an account, as it did before the sandbox had history sync.)
SEND_EMPTY_BOOTSTRAP: Final = False
_SKIPPED_KINDS: Final = ("protocol", "reaction", "unknown")

Conversation = history_sync_pb2.Conversation
EndType = Conversation.EndOfHistoryTransferType

# Devices linked with inline history support that have not had their bootstrap yet
# (kept per hub: the bootstrap goes out on their first login).
_pending: weakref.WeakKeyDictionary[Hub, set[tuple[str, int]]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class Pushed:
    """One chunk sent to one device."""

    device: int
    message_id: str
    sync_type: str
    conversations: int
    messages: int


# -- the phone's chat log ---------------------------------------------------------------------


def phone_log(hub: Hub, phone: str) -> Archive:
    return Archive(hub.phone(phone).store)


def _user(text: str) -> str | None:
    try:
        return str(parse_jid(text).to_non_ad())
    except JIDError:
        return None


def absorb(hub: Hub, phone: str) -> None:
    """Copy what the phone received and sent into its log (already copied ones stay as are)."""
    log_ = phone_log(hub, phone)
    own = f"{phone}@s.whatsapp.net"
    with hub.phone(phone).store.transaction():
        _absorb(hub, phone, log_, own)


def _absorb(hub: Hub, phone: str, log_: Archive, own: str) -> None:
    for entry in hub.state.inbox(phone):
        chat, sender = _user(entry.chat) if entry.chat else None, _user(entry.sender)
        if chat is None or sender is None:
            continue
        _keep(
            log_,
            chat,
            entry.id,
            own if entry.from_me else sender,
            entry.from_me,
            entry.timestamp,
            entry.message,
        )
    for sent in list(hub.phone(phone).sent.values()):
        _keep(log_, str(sent.chat.to_non_ad()), sent.id, own, True, now(), sent.plain)


def _keep(
    log_: Archive, chat: str, message_id: str, sender: str, from_me: bool, when: int, raw: bytes
) -> bool:
    message = e2e_pb2.Message()
    try:
        message.ParseFromString(raw)
    except DecodeError:
        return False
    model = classify(message)
    kind, text, reply_to = model.kind, model.searchable, model.reply_to
    if kind in _SKIPPED_KINDS:
        return False
    return log_.add_message(
        ArchivedMessage(chat, message_id, sender, from_me, when, kind, text, raw, reply_to=reply_to)
    )


def add_history(
    hub: Hub, phone: str, chat: str, name: str | None, messages: Iterable[ArchivedMessage]
) -> int:
    """Give the phone history of ``chat`` (the admin API); how many messages were new."""
    log_ = phone_log(hub, phone)
    added = 0
    with hub.phone(phone).store.transaction():
        if name is not None:
            log_.upsert_chat(chat, name=name)
        for message in messages:
            added += log_.add_message(message)
    return added


# -- building chunks --------------------------------------------------------------------------


def _web_message(row: ArchivedMessage) -> web_pb2.WebMessageInfo:
    info = web_pb2.WebMessageInfo()
    info.key.remote_jid = row.chat
    info.key.from_me = row.from_me
    info.key.id = row.id
    if row.chat.endswith("@g.us") and not row.from_me:
        info.key.participant = row.sender
    if row.raw is not None:
        info.message.ParseFromString(row.raw)
    info.message_timestamp = row.timestamp
    info.status = (
        web_pb2.WebMessageInfo.DELIVERY_ACK if row.from_me else web_pb2.WebMessageInfo.READ
    )
    if row.push_name:
        info.push_name = row.push_name
    return info


def _conversation(
    log_: Archive,
    chat: str,
    rows: list[ArchivedMessage],
    more: bool,
    end: Conversation.EndOfHistoryTransferType | None = None,
) -> Conversation:
    """A chat with ``rows`` (newest first, as the phone sends them)."""
    conversation = Conversation(id=chat)
    known = log_.chat(chat)
    if known is not None and known.name:
        conversation.name = known.name
    for order, row in enumerate(rows):
        entry = conversation.messages.add()
        entry.message.CopyFrom(_web_message(row))
        entry.msg_order_id = order + 1
    if rows:
        conversation.last_msg_timestamp = rows[0].timestamp
        conversation.conversation_timestamp = rows[0].timestamp
    conversation.end_of_history_transfer_type = (
        end
        if end is not None
        else EndType.COMPLETE_BUT_MORE_MESSAGES_REMAIN_ON_PRIMARY
        if more
        else EndType.COMPLETE_AND_NO_MORE_MESSAGE_REMAIN_ON_PRIMARY
    )
    return conversation


def _sync(
    sync_type: SyncType, conversations: list[Conversation], chunk: int, progress: int
) -> history_sync_pb2.HistorySync:
    return history_sync_pb2.HistorySync(
        sync_type=sync_type, conversations=conversations, chunk_order=chunk, progress=progress
    )


def _account_of(hub: Hub, chat: str) -> Account | None:
    try:
        jid = parse_jid(chat)
    except JIDError:
        return None
    return hub.account_of(jid) if jid.is_user else None


def bootstrap_chunks(hub: Hub, phone: str) -> list[history_sync_pb2.HistorySync]:
    """INITIAL_BOOTSTRAP, PUSH_NAME (when any name is known) and RECENT (when older messages
    exist) from the phone's log, in the order a phone sends them."""
    absorb(hub, phone)
    log_ = phone_log(hub, phone)
    first: list[Conversation] = []
    recent: list[Conversation] = []
    names: list[history_sync_pb2.Pushname] = []
    for chat in log_.chats():
        rows = log_.messages(chat.jid, limit=BOOTSTRAP_PER_CHAT + RECENT_PER_CHAT + 1)
        head = rows[:BOOTSTRAP_PER_CHAT]
        older = rows[BOOTSTRAP_PER_CHAT : BOOTSTRAP_PER_CHAT + RECENT_PER_CHAT]
        more_after_recent = len(rows) > BOOTSTRAP_PER_CHAT + RECENT_PER_CHAT
        first.append(_conversation(log_, chat.jid, head, bool(older)))
        privacy.annotate(hub, phone, first[-1])
        if older:
            recent.append(_conversation(log_, chat.jid, older, more_after_recent))
            privacy.annotate(hub, phone, recent[-1])
        account = _account_of(hub, chat.jid)
        if account is not None and account.push_name and account.phone != phone:
            names.append(history_sync_pb2.Pushname(id=chat.jid, pushname=account.push_name))
    chunks = [_sync(SyncType.INITIAL_BOOTSTRAP, first, 0, 100 if not recent else 50)]
    privacy.add_salt(hub, phone, chunks[0])
    if names:
        chunks.append(history_sync_pb2.HistorySync(sync_type=SyncType.PUSH_NAME, pushnames=names))
    if recent:
        chunks.append(_sync(SyncType.RECENT, recent, 1, 100))
    return chunks


def on_demand_chunk(hub: Hub, phone: str, request: OnDemandRequest) -> history_sync_pb2.HistorySync:
    """The messages of the chat just older than the companion's oldest, newest first."""
    absorb(hub, phone)
    log_ = phone_log(hub, phone)
    chat = _user(request.chat) or request.chat
    count = min(request.count, MAX_ON_DEMAND)
    if request.oldest_timestamp_ms is None:
        rows = log_.messages(chat, limit=count + 1) if count else []
    else:
        # Same-second neighbours of the oldest message: find it by id among them.
        seconds = request.oldest_timestamp_ms // 1000
        window = log_.messages(chat, limit=count + MAX_ON_DEMAND, before=seconds + 1)
        ids = [row.id for row in window]
        if request.oldest_id in ids:
            rows = window[ids.index(request.oldest_id) + 1 :]
        else:
            rows = [row for row in window if row.timestamp < seconds]
        rows = rows[: count + 1]
    more = len(rows) > count
    ended = (
        EndType.COMPLETE_ON_DEMAND_SYNC_BUT_MORE_MSG_REMAIN_ON_PRIMARY
        if more
        else EndType.COMPLETE_AND_NO_MORE_MESSAGE_REMAIN_ON_PRIMARY
    )
    conversation = _conversation(log_, chat, rows[:count], more, ended)
    privacy.annotate(hub, phone, conversation)
    return _sync(SyncType.ON_DEMAND, [conversation], 0, 100)


# -- sending chunks ---------------------------------------------------------------------------


def _notification(
    hub: Hub, sync: history_sync_pb2.HistorySync, request_id: str | None, blob: bool
) -> e2e_pb2.Message:
    payload = compress_history(sync)
    if not blob and len(payload) <= INLINE_MAX:
        return notification_message(sync, inline=payload, request_id=request_id)
    encrypted = encrypt_media(payload, HISTORY_MEDIA_TYPE)
    uploaded = Blob(
        direct_path=hub.media.put(encrypted.data),
        media_key=encrypted.media_key,
        file_sha256=encrypted.digests.file_sha256,
        file_enc_sha256=encrypted.digests.file_enc_sha256,
        file_length=encrypted.digests.file_length,
    )
    return notification_message(sync, blob=uploaded, request_id=request_id)


async def send_chunk(
    hub: Hub,
    phone: str,
    device: int,
    sync: history_sync_pb2.HistorySync,
    request_id: str | None = None,
    blob: bool = False,
) -> Pushed | None:
    """Send one chunk from the phone to one of its companions (None when it cannot encrypt);
    inline unless ``blob`` or too big for that."""
    account = hub.state.account(phone)
    if account is None:
        return None
    message = _notification(hub, sync, request_id, blob)
    ciphertext = hub.phone(phone).encrypt_for(
        phone,
        device,
        message.SerializeToString(),
        lambda: phone_bundle(hub, phone, device),
    )
    if ciphertext is None:
        log.info("no bundle for %s:%d; history not sent", phone, device)
        return None
    message_id = new_message_id()
    attrs: dict[str, str | JID | None] = {
        "from": device_jid(hub, account, 0, False),
        "id": message_id,
        "t": str(now()),
        "type": "text",
        "category": "peer",
    }
    enc = Node("enc", {"v": "2", "type": ciphertext.type.enc_type}, ciphertext.body)
    await deliver(hub, phone, device, Node("message", attrs, [enc]))
    hub.stats["history_chunks_sent"] += 1
    return Pushed(
        device=device,
        message_id=message_id,
        sync_type=SyncType.Name(sync.sync_type),
        conversations=len(sync.conversations),
        messages=sum(len(c.messages) for c in sync.conversations),
    )


async def push(
    hub: Hub,
    phone: str,
    syncs: list[history_sync_pb2.HistorySync],
    devices: list[int] | None = None,
    blob: bool = False,
) -> list[Pushed]:
    """Send chunks to the given companions (all linked ones by default)."""
    if devices is None:
        devices = [d for d, _ in hub.device_ids(phone) if d != 0]
    sent = []
    for device in devices:
        for sync in syncs:
            pushed = await send_chunk(hub, phone, device, sync, blob=blob)
            if pushed is not None:
                sent.append(pushed)
    return sent


# -- hooks: linking, login, requests ----------------------------------------------------------


def linked(hub: Hub, phone: str, device: int, inline_history: bool) -> None:
    """A companion was linked: it gets its bootstrap on its first login, if it takes inline
    payloads (the one form the sandbox can deliver)."""
    if inline_history:
        _pending.setdefault(hub, set()).add((phone, device))


async def logged_in(conn: Connection) -> None:
    """After a login's offline queue: a new companion's bootstrap goes out now, live, when
    it waits for it (Baileys then leaves its AwaitingInitialSync state at once)."""
    key = conn.device_key
    waiting = _pending.get(conn.hub)
    if key is None or waiting is None or key not in waiting:
        return
    waiting.discard(key)
    phone, device = key
    try:
        chunks = bootstrap_chunks(conn.hub, phone)
        if SEND_EMPTY_BOOTSTRAP or chunks[0].conversations:
            await push(conn.hub, phone, chunks, [device])
    except (ValueError, SignalError) as exc:  # the login goes on without its history
        log.warning("no history bootstrap for %s:%d: %s", phone, device, exc)


async def phone_request(
    hub: Hub, phone: str, device: int, message_id: str, message: e2e_pb2.Message
) -> None:
    """The phone got a message from one of its companions: answer an on-demand request."""
    request = on_demand_request(message)
    if request is None or device == 0:
        return
    try:
        sync = on_demand_chunk(hub, phone, request)
        await send_chunk(hub, phone, device, sync, request_id=message_id)
    except (ValueError, SignalError) as exc:  # e.g. a chunk the media server will not take
        log.warning("the phone of %s cannot answer history request %s: %s", phone, message_id, exc)


def chunk_of(
    hub: Hub,
    phone: str,
    sync_type: SyncType,
    chats: list[tuple[str, list[ArchivedMessage]]],
    chunk_order: int = 0,
    progress: int = 100,
) -> history_sync_pb2.HistorySync:
    """A chunk with exactly these chats and messages (the admin API's history push)."""
    log_ = phone_log(hub, phone)
    conversations = [
        _conversation(log_, chat, sorted(rows, key=lambda r: r.timestamp, reverse=True), False)
        for chat, rows in chats
    ]
    for conversation in conversations:
        privacy.annotate(hub, phone, conversation)
    sync = _sync(sync_type, conversations, chunk_order, progress)
    privacy.add_salt(hub, phone, sync)
    return sync
