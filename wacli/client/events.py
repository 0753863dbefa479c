"""Every protocol happening as an Event, and its NDJSON line (docs/events.schema.json).

Events are plain frozen dataclasses; orjson serialises them natively, and
`_default` covers the protocol types (JIDs, bytes, protobuf messages). A field
the protocol did not carry is None and is written as null, never left out.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, ClassVar

from google.protobuf.message import Message as ProtoMessage

# The connection's events are defined in wacli.client.connection_events and
# failure_events (which a command loads without the rest) and named here too, as every
# event is ``events.Name``.
from wacli.client.connection_events import Connected as Connected
from wacli.client.connection_events import Disconnected as Disconnected
from wacli.client.connection_events import Event as Event
from wacli.client.connection_events import Jid as Jid
from wacli.client.connection_events import OfflineSyncCompleted as OfflineSyncCompleted
from wacli.client.connection_events import OfflineSyncPreview as OfflineSyncPreview
from wacli.client.connection_events import (
    QrScannedWithoutMultidevice as QrScannedWithoutMultidevice,
)
from wacli.client.connection_events import renamed
from wacli.client.failure_events import ClientOutdated as ClientOutdated
from wacli.client.failure_events import ConnectFailure as ConnectFailure
from wacli.client.failure_events import LoggedOut as LoggedOut
from wacli.client.failure_events import StreamError as StreamError
from wacli.client.failure_events import StreamReplaced as StreamReplaced
from wacli.client.failure_events import TemporaryBan as TemporaryBan
from wacli.proto import e2e_pb2

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
    kind: str | None = None  # the archive's type (wacli.protocol.message_model)
    details: dict[str, Any] | None = None  # the kind's fields (wacli.protocol.message_kinds)

    def data(self) -> Any:
        return {
            "info": self.info,
            "message": without_keys(self.message),
            "text": self.text,
            "kind": self.kind,
            "details": self.details,
        }


@dataclass(frozen=True, slots=True)
class PollVote(Event):
    """A vote on a poll the archive holds, opened with the poll's secret
    (wacli.client.polls): ``options`` are the names chosen, empty when the voter took
    their vote back."""

    type: ClassVar[str] = "poll_vote"
    info: MessageInfo  # of the vote's message
    poll_id: str
    voter: Jid
    options: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatusUpdate(Event):
    """A status posted by a contact (or by us on another device): told apart from chat
    messages, and not filed in the archive."""

    type: ClassVar[str] = "status"
    id: str
    sender: Jid  # the posting device
    is_from_me: bool
    timestamp: datetime
    push_name: str | None
    message: ProtoMessage | dict[str, Any]
    text: str | None  # a text status's text, a media status's caption

    def data(self) -> Any:
        shown = {f.name: getattr(self, f.name) for f in fields(self)}
        shown["message"] = without_keys(self.message)
        return shown


@dataclass(frozen=True, slots=True)
class ChannelMessage(Event):
    """A post in a channel (newsletter) this account follows: sent in plain, not end-to-end
    encrypted, and not filed in the archive."""

    type: ClassVar[str] = "channel_message"
    channel: Jid
    server_id: int  # the post's number in the channel
    id: str
    timestamp: datetime
    message: ProtoMessage | dict[str, Any]
    text: str | None


@dataclass(frozen=True, slots=True)
class Receipt(Event):
    type: ClassVar[str] = "receipt"
    source: MessageSource
    message_ids: tuple[str, ...]
    timestamp: datetime
    type_: str  # written as "type"
    message_sender: Jid | None

    def data(self) -> Any:
        return renamed(self, "type_", "type")


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
        return renamed(self, "from_", "from")


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


@dataclass(frozen=True, slots=True)
class BlocklistChange:
    jid: Jid
    action: str  # "block" or "unblock"


@dataclass(frozen=True, slots=True)
class BlocklistUpdate(Event):
    """Another device of the account blocked or unblocked someone (account_sync)."""

    type: ClassVar[str] = "blocklist_update"
    changes: tuple[BlocklistChange, ...]
    dhash: str | None


@dataclass(frozen=True, slots=True)
class PrivacySettingsUpdate(Event):
    """Another device of the account changed privacy settings (account_sync): the
    categories changed, by wacli's names (wacli privacy), with their new values."""

    type: ClassVar[str] = "privacy_settings_update"
    changed: dict[str, str]


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


@dataclass(frozen=True, slots=True)
class _MessageSetting(_ChatSetting):
    """App state about one message of the chat ``jid``: its id, whether it is ours, and
    its author in a group when not ours (None otherwise)."""

    message_id: str
    from_me: bool
    participant: Jid | None


@dataclass(frozen=True, slots=True)
class StarUpdate(_MessageSetting):
    type: ClassVar[str] = "star_update"


@dataclass(frozen=True, slots=True)
class DeleteForMeUpdate(_MessageSetting):
    type: ClassVar[str] = "delete_for_me_update"


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
class DeviceListUpdate(Event):
    type: ClassVar[str] = "device_list_update"
    user: Jid
    lid_user: Jid | None
    update_type: str
    devices: tuple[Jid, ...]
    key_index: dict[str, Any] | None
    contact_hash: str | None


# -- media files ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MediaSaved(Event):
    """``listen --download-media DIR`` wrote the file of message ``id`` of ``chat`` (or
    found it there already, for a redelivered message): written after that message's
    line, with the fields of ``wacli media download --json`` (sha256 in hex)."""

    type: ClassVar[str] = "media_saved"
    chat: Jid
    id: str
    path: str
    mimetype: str
    size: int
    sha256: str


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
        return renamed(self, "from_", "from")


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
