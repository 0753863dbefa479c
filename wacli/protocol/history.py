"""History sync: the payload a primary phone gives its companions, both directions (sans-I/O).

After linking (and on request later) the phone sends each companion protocol messages of
type HISTORY_SYNC_NOTIFICATION. Each names one chunk: a wacli.history_sync.HistorySync,
encoded and zlib-compressed, either inline (``initial_hist_bootstrap_inline_payload``,
for companions whose DeviceProps say they take it) or as an encrypted blob of media
type ``md-msg-hist`` on the media servers (whatsmeow message.go/download.go, Baileys
Utils/history.ts). A companion asks for older messages of one chat with a peer data
operation of type HISTORY_SYNC_ON_DEMAND sent to its own phone (whatsmeow
BuildHistorySyncRequest); the phone answers with an ON_DEMAND chunk whose
``peer_data_request_session_id`` is the request's message id.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Final, cast

from google.protobuf.message import DecodeError

from wacli.proto import e2e_pb2, history_sync_pb2
from wacli.protocol.errors import ProtocolError

# The media type (HKDF info) of history blobs (wacli.protocol.media_crypto).
HISTORY_MEDIA_TYPE: Final = "md-msg-hist"
# Bound on an inflated chunk: real chunks stay far below; more is a bomb, not history.
MAX_INFLATED: Final = 64 * 1024 * 1024
# Messages one on-demand request asks for at most (and a phone answers with at most).
MAX_ON_DEMAND: Final = 500

SyncType = history_sync_pb2.HistorySync.HistorySyncType
ProtocolType = e2e_pb2.ProtocolMessage.Type
RequestType = e2e_pb2.Message.PeerDataOperationRequestType


class HistorySyncError(ProtocolError):
    """A history-sync payload that does not inflate or decode, or inflates beyond the bound."""


def sync_type_name(value: int) -> str | None:
    """The HistorySyncType's name (``INITIAL_BOOTSTRAP``, …); None for a value we do not know."""
    try:
        return e2e_pb2.Message.HistorySyncType.Name(value)
    except ValueError:
        return None


# -- the payload ------------------------------------------------------------------------------


def compress_history(sync: history_sync_pb2.HistorySync) -> bytes:
    return zlib.compress(sync.SerializeToString())


def inflate_history(data: bytes, limit: int = MAX_INFLATED) -> history_sync_pb2.HistorySync:
    """The HistorySync in a zlib payload; HistorySyncError when it is not one or is too big."""
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(data, limit)
    except zlib.error as exc:
        raise HistorySyncError(f"history payload does not inflate: {exc}") from None
    if inflater.unconsumed_tail:
        raise HistorySyncError(f"history payload inflates beyond {limit} bytes")
    if not inflater.eof:
        raise HistorySyncError("history payload is truncated")
    if inflater.unused_data:
        raise HistorySyncError("history payload has bytes after its zlib stream")
    sync = history_sync_pb2.HistorySync()
    try:
        sync.ParseFromString(raw)
    except DecodeError as exc:
        raise HistorySyncError(f"history payload is not a HistorySync: {exc}") from None
    return sync


# -- the notification (phone side) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Blob:
    """Where an encrypted chunk was uploaded and how to check and decrypt it."""

    direct_path: str
    media_key: bytes
    file_sha256: bytes
    file_enc_sha256: bytes
    file_length: int


def notification_message(
    sync: history_sync_pb2.HistorySync,
    *,
    inline: bytes | None = None,
    blob: Blob | None = None,
    request_id: str | None = None,
    original_message_id: str | None = None,
) -> e2e_pb2.Message:
    """The protocol message announcing one chunk: inline (the compressed payload) or a blob."""
    if (inline is None) == (blob is None):
        raise ValueError("a notification carries the payload inline or as a blob, not both")
    message = e2e_pb2.Message()
    protocol = message.protocol_message
    protocol.type = ProtocolType.HISTORY_SYNC_NOTIFICATION
    note = protocol.history_sync_notification
    # The notification's enum numbers the sync types as HistorySync's does.
    note.sync_type = cast(e2e_pb2.Message.HistorySyncType, sync.sync_type)
    note.chunk_order = sync.chunk_order
    note.progress = sync.progress
    if inline is not None:
        note.initial_hist_bootstrap_inline_payload = inline
    else:
        assert blob is not None
        note.direct_path = blob.direct_path
        note.media_key = blob.media_key
        note.file_sha256 = blob.file_sha256
        note.file_enc_sha256 = blob.file_enc_sha256
        note.file_length = blob.file_length
    oldest = [
        m.message.message_timestamp
        for c in sync.conversations
        for m in c.messages
        if m.message.message_timestamp
    ]
    if oldest:
        note.oldest_msg_in_chunk_timestamp_sec = min(oldest)
    if request_id is not None:
        note.peer_data_request_session_id = request_id
    if original_message_id is not None:
        note.original_message_id = original_message_id
    return message


def history_notification(message: e2e_pb2.Message) -> e2e_pb2.HistorySyncNotification | None:
    """The HistorySyncNotification a Message carries, if it is one."""
    if not message.HasField("protocol_message"):
        return None
    protocol = message.protocol_message
    if protocol.type != ProtocolType.HISTORY_SYNC_NOTIFICATION:
        return None
    if not protocol.HasField("history_sync_notification"):
        return None
    return protocol.history_sync_notification


# -- on-demand requests (companion side asks, phone side reads) -------------------------------


@dataclass(frozen=True, slots=True)
class OnDemandRequest:
    """Older messages of ``chat`` than the oldest the companion has (None: from the newest)."""

    chat: str
    count: int
    oldest_id: str | None = None
    oldest_from_me: bool = False
    oldest_timestamp_ms: int | None = None


def on_demand_message(request: OnDemandRequest) -> e2e_pb2.Message:
    """The peer data operation a companion sends its phone (whatsmeow BuildHistorySyncRequest)."""
    message = e2e_pb2.Message()
    protocol = message.protocol_message
    protocol.type = ProtocolType.PEER_DATA_OPERATION_REQUEST_MESSAGE
    op = protocol.peer_data_operation_request_message
    op.peer_data_operation_request_type = RequestType.HISTORY_SYNC_ON_DEMAND
    wanted = op.history_sync_on_demand_request
    wanted.chat_jid = request.chat
    wanted.on_demand_msg_count = request.count
    if request.oldest_id is not None:
        wanted.oldest_msg_id = request.oldest_id
        wanted.oldest_msg_from_me = request.oldest_from_me
    if request.oldest_timestamp_ms is not None:
        wanted.oldest_msg_timestamp_ms = request.oldest_timestamp_ms
    return message


def on_demand_request(message: e2e_pb2.Message) -> OnDemandRequest | None:
    """The on-demand history request a Message carries, if it is one with a chat."""
    if not message.HasField("protocol_message"):
        return None
    protocol = message.protocol_message
    if protocol.type != ProtocolType.PEER_DATA_OPERATION_REQUEST_MESSAGE:
        return None
    op = protocol.peer_data_operation_request_message
    if op.peer_data_operation_request_type != RequestType.HISTORY_SYNC_ON_DEMAND:
        return None
    wanted = op.history_sync_on_demand_request
    if not wanted.chat_jid:
        return None
    return OnDemandRequest(
        chat=wanted.chat_jid,
        count=max(0, wanted.on_demand_msg_count),
        oldest_id=wanted.oldest_msg_id if wanted.HasField("oldest_msg_id") else None,
        oldest_from_me=wanted.oldest_msg_from_me,
        oldest_timestamp_ms=(
            wanted.oldest_msg_timestamp_ms if wanted.HasField("oldest_msg_timestamp_ms") else None
        ),
    )
