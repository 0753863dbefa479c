"""Every protocol happening as an Event, and its NDJSON line (docs/events.schema.json).

Events are plain frozen dataclasses; orjson serialises them natively, and
`_default` covers the protocol types (JIDs, bytes, protobuf messages). A field
the protocol did not carry is None and is written as null, never left out.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

import orjson
from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message as ProtoMessage

from wacli.jid import JID
from wacli.proto import e2e_pb2

Jid = JID | str  # written as its text form


def _default(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(value).decode()
    if isinstance(value, ProtoMessage):
        return MessageToDict(value, preserving_proto_field_name=True)
    if isinstance(value, JID):  # a dataclass too, but written as its text form
        return str(value)
    if is_dataclass(value):  # events and their parts: their fields, one level at a time
        return {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(f"cannot write {type(value).__name__} in an event")


def _renamed(event: Event, field: str, key: str) -> dict[str, Any]:
    """Fields as a dict, one renamed where Python reserves the JSON key's name."""
    data = {f.name: getattr(event, f.name) for f in fields(event)}
    data[key] = data.pop(field)
    return data


@dataclass(frozen=True, slots=True)
class Event:
    type: ClassVar[str]

    def data(self) -> Any:
        """What goes under "data"; orjson writes the dataclass fields as they are."""
        return self

    def line(self, now: datetime | None = None) -> bytes:
        """The NDJSON line (with its newline) for this event."""
        record = {"type": self.type, "ts": now or datetime.now(UTC), "data": self.data()}
        return orjson.dumps(
            record,
            default=_default,
            # Dataclasses go through _default so that a JID (a dataclass) is written as text.
            option=orjson.OPT_UTC_Z | orjson.OPT_APPEND_NEWLINE | orjson.OPT_PASSTHROUGH_DATACLASS,
        )


# -- connection -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Connected(Event):
    type: ClassVar[str] = "connected"


@dataclass(frozen=True, slots=True)
class Disconnected(Event):
    type: ClassVar[str] = "disconnected"
    reason: str | None


@dataclass(frozen=True, slots=True)
class StreamReplaced(Event):
    type: ClassVar[str] = "stream_replaced"


@dataclass(frozen=True, slots=True)
class StreamError(Event):
    type: ClassVar[str] = "stream_error"
    code: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class ConnectFailure(Event):
    type: ClassVar[str] = "connect_failure"
    reason: str
    code: int
    message: str | None


@dataclass(frozen=True, slots=True)
class TemporaryBan(Event):
    type: ClassVar[str] = "temporary_ban"
    code: int
    expire: float


@dataclass(frozen=True, slots=True)
class ClientOutdated(Event):
    type: ClassVar[str] = "client_outdated"


@dataclass(frozen=True, slots=True)
class LoggedOut(Event):
    type: ClassVar[str] = "logged_out"
    on_connect: bool
    reason: str | None


# -- pairing ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairingQrCode(Event):
    type: ClassVar[str] = "pairing_qr_code"
    code: str
    timeout: float


@dataclass(frozen=True, slots=True)
class PairingCode(Event):
    type: ClassVar[str] = "pairing_code"
    code: str
    timeout: float


@dataclass(frozen=True, slots=True)
class PairSuccess(Event):
    type: ClassVar[str] = "pair_success"
    id: Jid
    lid: Jid | None
    business_name: str | None
    platform: str | None


@dataclass(frozen=True, slots=True)
class PairError(Event):
    type: ClassVar[str] = "pair_error"
    id: Jid | None
    lid: Jid | None
    business_name: str | None
    platform: str | None
    error: str


@dataclass(frozen=True, slots=True)
class QrScannedWithoutMultidevice(Event):
    type: ClassVar[str] = "qr_scanned_without_multidevice"


# -- messages and receipts --------------------------------------------------


@dataclass(frozen=True, slots=True)
class MessageInfo:
    id: str
    chat: Jid
    sender: Jid
    is_from_me: bool
    is_group: bool
    is_bot: bool
    timestamp: datetime
    push_name: str | None
    category: str | None


@dataclass(frozen=True, slots=True)
class MessageSource:
    chat: Jid
    sender: Jid
    is_from_me: bool
    is_group: bool


def without_keys(message: ProtoMessage | dict[str, Any]) -> ProtoMessage | dict[str, Any]:
    """``message`` as a message line shows it: a copy without the key material some
    messages carry for the client (the phone's app-state key shares, the history-sync
    notification's media key, a group sender key, the message secret), so that stdout,
    and whatever a pipeline writes it to, never holds account secrets."""
    if not isinstance(message, e2e_pb2.Message) or not _keys_in(message):
        return message
    shown = e2e_pb2.Message()
    shown.CopyFrom(message)
    for holder, name in _keys_in(shown):
        holder.ClearField(name)
    return shown


def _keys_in(message: e2e_pb2.Message) -> list[tuple[ProtoMessage, str]]:
    """(part of ``message``, name of its field) for each key ``message`` carries."""
    places: list[tuple[ProtoMessage, str]] = []
    if message.HasField("protocol_message"):
        protocol = message.protocol_message
        places += [(key.key_data, "key_data") for key in protocol.app_state_sync_key_share.keys]
        places.append((protocol.history_sync_notification, "media_key"))
    places.append(
        (message.sender_key_distribution_message, "axolotl_sender_key_distribution_message")
    )
    places.append((message.message_context_info, "message_secret"))
    return [(part, name) for part, name in places if part.HasField(name)]


@dataclass(frozen=True, slots=True)
class MessageEvent(Event):
    type: ClassVar[str] = "message"
    info: MessageInfo
    message: ProtoMessage | dict[str, Any]
    text: str | None

    def data(self) -> Any:
        return {"info": self.info, "message": without_keys(self.message), "text": self.text}


@dataclass(frozen=True, slots=True)
class Receipt(Event):
    type: ClassVar[str] = "receipt"
    source: MessageSource
    message_ids: tuple[str, ...]
    timestamp: datetime
    type_: str  # written as "type"
    message_sender: Jid | None

    def data(self) -> Any:
        return _renamed(self, "type_", "type")


@dataclass(frozen=True, slots=True)
class UndecryptableMessage(Event):
    type: ClassVar[str] = "undecryptable_message"
    info: MessageInfo
    is_unavailable: bool
    unavailable_type: str | None
    decrypt_fail_mode: str | None


@dataclass(frozen=True, slots=True)
class NodeData:
    tag: str
    attrs: dict[str, str]
    content: list[NodeData] | bytes | None


@dataclass(frozen=True, slots=True)
class Notification(Event):
    type: ClassVar[str] = "notification"
    node: NodeData


# -- presence ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChatPresence(Event):
    type: ClassVar[str] = "chat_presence"
    source: MessageSource
    state: str
    media: str | None


@dataclass(frozen=True, slots=True)
class Presence(Event):
    type: ClassVar[str] = "presence"
    from_: Jid  # written as "from"
    unavailable: bool
    last_seen: datetime | None

    def data(self) -> Any:
        return _renamed(self, "from_", "from")


# -- profile and contacts ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class PictureUpdate(Event):
    type: ClassVar[str] = "picture_update"
    jid: Jid
    author: Jid | None
    timestamp: datetime | None
    photo_change: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class UserAboutUpdate(Event):
    type: ClassVar[str] = "user_about_update"
    jid: Jid
    status: str | None
    timestamp: datetime | None


@dataclass(frozen=True, slots=True)
class PushNameUpdate(Event):
    type: ClassVar[str] = "push_name_update"
    jid: Jid
    message: MessageInfo | None
    old_push_name: str | None
    new_push_name: str | None


@dataclass(frozen=True, slots=True)
class SelfPushNameUpdated(Event):
    type: ClassVar[str] = "self_push_name_updated"
    from_server: bool
    old_name: str | None
    new_name: str | None


@dataclass(frozen=True, slots=True)
class BusinessStatusUpdate(Event):
    type: ClassVar[str] = "business_status_update"
    jid: Jid
    update_type: str | None
    timestamp: datetime | None
    target_jid: Jid | None
    hash: str | None
    verified_name: Any
    product_ids: tuple[str, ...] | None
    collection_ids: tuple[str, ...] | None
    subscriptions: tuple[Any, ...] | None


# -- groups -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JoinedGroup(Event):
    type: ClassVar[str] = "joined_group"
    conversation: ProtoMessage | dict[str, Any]


@dataclass(frozen=True, slots=True)
class GroupInfoUpdate(Event):
    type: ClassVar[str] = "group_info_update"
    jid: Jid
    update: ProtoMessage | dict[str, Any]


# -- app state ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ChatSetting(Event):
    jid: Jid
    timestamp: datetime | None
    action: ProtoMessage | dict[str, Any] | None
    from_full_sync: bool


@dataclass(frozen=True, slots=True)
class ContactUpdate(_ChatSetting):
    type: ClassVar[str] = "contact_update"


@dataclass(frozen=True, slots=True)
class PinUpdate(_ChatSetting):
    type: ClassVar[str] = "pin_update"


@dataclass(frozen=True, slots=True)
class MuteUpdate(_ChatSetting):
    type: ClassVar[str] = "mute_update"


@dataclass(frozen=True, slots=True)
class ArchiveUpdate(_ChatSetting):
    type: ClassVar[str] = "archive_update"


@dataclass(frozen=True, slots=True)
class MarkChatAsReadUpdate(_ChatSetting):
    type: ClassVar[str] = "mark_chat_as_read_update"


# -- sync -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistorySync(Event):
    type: ClassVar[str] = "history_sync"
    sync_type: str | None
    progress: int | None
    chunk_order: int | None
    conversations: int
    messages: int


@dataclass(frozen=True, slots=True)
class OfflineSyncPreview(Event):
    type: ClassVar[str] = "offline_sync_preview"
    total: int
    app_data_changes: int
    messages: int
    notifications: int
    receipts: int


@dataclass(frozen=True, slots=True)
class OfflineSyncCompleted(Event):
    type: ClassVar[str] = "offline_sync_completed"
    count: int


@dataclass(frozen=True, slots=True)
class DeviceListUpdate(Event):
    type: ClassVar[str] = "device_list_update"
    user: Jid
    lid_user: Jid | None
    update_type: str
    devices: tuple[Jid, ...]
    key_index: dict[str, Any] | None
    contact_hash: str | None


# -- identities -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IdentityChange(Event):
    """A contact's device came with a new Signal identity key (it reinstalled WhatsApp):
    wacli trusted it, as the official clients do. ``implicit``: noticed on a message
    rather than announced by the server."""

    type: ClassVar[str] = "identity_change"
    jid: Jid
    timestamp: datetime
    implicit: bool


@dataclass(frozen=True, slots=True)
class MessageRefused(Event):
    """The server refused a message sent through ``listen``'s connection (a command's send
    over the relay): ``code`` is the ack's error (463: no privacy token), ``reason`` what
    it means in words. The command itself also fails with exit 6."""

    type: ClassVar[str] = "message_refused"
    id: str
    to: Jid
    code: int | None
    reason: str


# -- calls ----------------------------------------------------------------------
# Call signalling only (wacli.client.calls): wacli rings nothing and carries no media.


@dataclass(frozen=True, slots=True)
class _CallSignal(Event):
    """What every call event says: who sent it, which call, who started the call, when."""

    from_: Jid  # written as "from": the device that sent the stanza
    call_id: str
    call_creator: Jid
    timestamp: datetime | None

    def data(self) -> Any:
        return _renamed(self, "from_", "from")


@dataclass(frozen=True, slots=True)
class CallOffer(_CallSignal):
    type: ClassVar[str] = "call_offer"
    is_video: bool
    is_group: bool
    group_jid: Jid | None


@dataclass(frozen=True, slots=True)
class CallAccept(_CallSignal):
    type: ClassVar[str] = "call_accept"


@dataclass(frozen=True, slots=True)
class CallReject(_CallSignal):
    type: ClassVar[str] = "call_reject"


@dataclass(frozen=True, slots=True)
class CallTerminate(_CallSignal):
    type: ClassVar[str] = "call_terminate"
    reason: str | None


def _all_event_types() -> dict[str, type[Event]]:
    found: dict[str, type[Event]] = {}
    pending = list(Event.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if "type" in cls.__dict__:
            found[cls.type] = cls
    return found


EVENT_TYPES = _all_event_types()
