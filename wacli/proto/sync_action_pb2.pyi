from wacli.proto import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SyncActionData(_message.Message):
    __slots__ = ("index", "value", "padding", "version")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    PADDING_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    index: bytes
    value: SyncActionValue
    padding: bytes
    version: int
    def __init__(self, index: _Optional[bytes] = ..., value: _Optional[_Union[SyncActionValue, _Mapping]] = ..., padding: _Optional[bytes] = ..., version: _Optional[int] = ...) -> None: ...

class SyncActionValue(_message.Message):
    __slots__ = ("timestamp", "star_action", "contact_action", "mute_action", "pin_action", "push_name_setting", "quick_reply_action", "recent_emoji_weights_action", "label_edit_action", "label_association_action", "locale_setting", "archive_chat_action", "delete_message_for_me_action", "key_expiration", "mark_chat_as_read_action", "clear_chat_action", "delete_chat_action", "unarchive_chats_setting", "primary_feature", "android_unsupported_actions", "agent_action", "subscription_action", "user_status_mute_action", "time_format_action", "nux_action", "primary_version_action", "sticker_action", "remove_recent_sticker_action", "pn_for_lid_chat_action", "external_web_beta_action", "privacy_setting_relay_all_calls", "status_privacy", "delete_individual_call_log", "lock_chat_action", "privacy_setting_disable_link_previews_action", "favorites_action", "lid_contact_action")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    STAR_ACTION_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ACTION_FIELD_NUMBER: _ClassVar[int]
    MUTE_ACTION_FIELD_NUMBER: _ClassVar[int]
    PIN_ACTION_FIELD_NUMBER: _ClassVar[int]
    PUSH_NAME_SETTING_FIELD_NUMBER: _ClassVar[int]
    QUICK_REPLY_ACTION_FIELD_NUMBER: _ClassVar[int]
    RECENT_EMOJI_WEIGHTS_ACTION_FIELD_NUMBER: _ClassVar[int]
    LABEL_EDIT_ACTION_FIELD_NUMBER: _ClassVar[int]
    LABEL_ASSOCIATION_ACTION_FIELD_NUMBER: _ClassVar[int]
    LOCALE_SETTING_FIELD_NUMBER: _ClassVar[int]
    ARCHIVE_CHAT_ACTION_FIELD_NUMBER: _ClassVar[int]
    DELETE_MESSAGE_FOR_ME_ACTION_FIELD_NUMBER: _ClassVar[int]
    KEY_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    MARK_CHAT_AS_READ_ACTION_FIELD_NUMBER: _ClassVar[int]
    CLEAR_CHAT_ACTION_FIELD_NUMBER: _ClassVar[int]
    DELETE_CHAT_ACTION_FIELD_NUMBER: _ClassVar[int]
    UNARCHIVE_CHATS_SETTING_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_FEATURE_FIELD_NUMBER: _ClassVar[int]
    ANDROID_UNSUPPORTED_ACTIONS_FIELD_NUMBER: _ClassVar[int]
    AGENT_ACTION_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ACTION_FIELD_NUMBER: _ClassVar[int]
    USER_STATUS_MUTE_ACTION_FIELD_NUMBER: _ClassVar[int]
    TIME_FORMAT_ACTION_FIELD_NUMBER: _ClassVar[int]
    NUX_ACTION_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_VERSION_ACTION_FIELD_NUMBER: _ClassVar[int]
    STICKER_ACTION_FIELD_NUMBER: _ClassVar[int]
    REMOVE_RECENT_STICKER_ACTION_FIELD_NUMBER: _ClassVar[int]
    PN_FOR_LID_CHAT_ACTION_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_WEB_BETA_ACTION_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_SETTING_RELAY_ALL_CALLS_FIELD_NUMBER: _ClassVar[int]
    STATUS_PRIVACY_FIELD_NUMBER: _ClassVar[int]
    DELETE_INDIVIDUAL_CALL_LOG_FIELD_NUMBER: _ClassVar[int]
    LOCK_CHAT_ACTION_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_SETTING_DISABLE_LINK_PREVIEWS_ACTION_FIELD_NUMBER: _ClassVar[int]
    FAVORITES_ACTION_FIELD_NUMBER: _ClassVar[int]
    LID_CONTACT_ACTION_FIELD_NUMBER: _ClassVar[int]
    timestamp: int
    star_action: StarAction
    contact_action: ContactAction
    mute_action: MuteAction
    pin_action: PinAction
    push_name_setting: PushNameSetting
    quick_reply_action: QuickReplyAction
    recent_emoji_weights_action: RecentEmojiWeightsAction
    label_edit_action: LabelEditAction
    label_association_action: LabelAssociationAction
    locale_setting: LocaleSetting
    archive_chat_action: ArchiveChatAction
    delete_message_for_me_action: DeleteMessageForMeAction
    key_expiration: KeyExpiration
    mark_chat_as_read_action: MarkChatAsReadAction
    clear_chat_action: ClearChatAction
    delete_chat_action: DeleteChatAction
    unarchive_chats_setting: UnarchiveChatsSetting
    primary_feature: PrimaryFeature
    android_unsupported_actions: AndroidUnsupportedActions
    agent_action: AgentAction
    subscription_action: SubscriptionAction
    user_status_mute_action: UserStatusMuteAction
    time_format_action: TimeFormatAction
    nux_action: NuxAction
    primary_version_action: PrimaryVersionAction
    sticker_action: StickerAction
    remove_recent_sticker_action: RemoveRecentStickerAction
    pn_for_lid_chat_action: PnForLidChatAction
    external_web_beta_action: ExternalWebBetaAction
    privacy_setting_relay_all_calls: PrivacySettingRelayAllCalls
    status_privacy: StatusPrivacyAction
    delete_individual_call_log: DeleteIndividualCallLogAction
    lock_chat_action: LockChatAction
    privacy_setting_disable_link_previews_action: PrivacySettingDisableLinkPreviewsAction
    favorites_action: FavoritesAction
    lid_contact_action: LidContactAction
    def __init__(self, timestamp: _Optional[int] = ..., star_action: _Optional[_Union[StarAction, _Mapping]] = ..., contact_action: _Optional[_Union[ContactAction, _Mapping]] = ..., mute_action: _Optional[_Union[MuteAction, _Mapping]] = ..., pin_action: _Optional[_Union[PinAction, _Mapping]] = ..., push_name_setting: _Optional[_Union[PushNameSetting, _Mapping]] = ..., quick_reply_action: _Optional[_Union[QuickReplyAction, _Mapping]] = ..., recent_emoji_weights_action: _Optional[_Union[RecentEmojiWeightsAction, _Mapping]] = ..., label_edit_action: _Optional[_Union[LabelEditAction, _Mapping]] = ..., label_association_action: _Optional[_Union[LabelAssociationAction, _Mapping]] = ..., locale_setting: _Optional[_Union[LocaleSetting, _Mapping]] = ..., archive_chat_action: _Optional[_Union[ArchiveChatAction, _Mapping]] = ..., delete_message_for_me_action: _Optional[_Union[DeleteMessageForMeAction, _Mapping]] = ..., key_expiration: _Optional[_Union[KeyExpiration, _Mapping]] = ..., mark_chat_as_read_action: _Optional[_Union[MarkChatAsReadAction, _Mapping]] = ..., clear_chat_action: _Optional[_Union[ClearChatAction, _Mapping]] = ..., delete_chat_action: _Optional[_Union[DeleteChatAction, _Mapping]] = ..., unarchive_chats_setting: _Optional[_Union[UnarchiveChatsSetting, _Mapping]] = ..., primary_feature: _Optional[_Union[PrimaryFeature, _Mapping]] = ..., android_unsupported_actions: _Optional[_Union[AndroidUnsupportedActions, _Mapping]] = ..., agent_action: _Optional[_Union[AgentAction, _Mapping]] = ..., subscription_action: _Optional[_Union[SubscriptionAction, _Mapping]] = ..., user_status_mute_action: _Optional[_Union[UserStatusMuteAction, _Mapping]] = ..., time_format_action: _Optional[_Union[TimeFormatAction, _Mapping]] = ..., nux_action: _Optional[_Union[NuxAction, _Mapping]] = ..., primary_version_action: _Optional[_Union[PrimaryVersionAction, _Mapping]] = ..., sticker_action: _Optional[_Union[StickerAction, _Mapping]] = ..., remove_recent_sticker_action: _Optional[_Union[RemoveRecentStickerAction, _Mapping]] = ..., pn_for_lid_chat_action: _Optional[_Union[PnForLidChatAction, _Mapping]] = ..., external_web_beta_action: _Optional[_Union[ExternalWebBetaAction, _Mapping]] = ..., privacy_setting_relay_all_calls: _Optional[_Union[PrivacySettingRelayAllCalls, _Mapping]] = ..., status_privacy: _Optional[_Union[StatusPrivacyAction, _Mapping]] = ..., delete_individual_call_log: _Optional[_Union[DeleteIndividualCallLogAction, _Mapping]] = ..., lock_chat_action: _Optional[_Union[LockChatAction, _Mapping]] = ..., privacy_setting_disable_link_previews_action: _Optional[_Union[PrivacySettingDisableLinkPreviewsAction, _Mapping]] = ..., favorites_action: _Optional[_Union[FavoritesAction, _Mapping]] = ..., lid_contact_action: _Optional[_Union[LidContactAction, _Mapping]] = ...) -> None: ...

class SyncActionMessageRange(_message.Message):
    __slots__ = ("last_message_timestamp", "last_system_message_timestamp", "messages")
    LAST_MESSAGE_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    LAST_SYSTEM_MESSAGE_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    last_message_timestamp: int
    last_system_message_timestamp: int
    messages: _containers.RepeatedCompositeFieldContainer[SyncActionMessage]
    def __init__(self, last_message_timestamp: _Optional[int] = ..., last_system_message_timestamp: _Optional[int] = ..., messages: _Optional[_Iterable[_Union[SyncActionMessage, _Mapping]]] = ...) -> None: ...

class SyncActionMessage(_message.Message):
    __slots__ = ("key", "timestamp")
    KEY_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    timestamp: int
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., timestamp: _Optional[int] = ...) -> None: ...

class MuteAction(_message.Message):
    __slots__ = ("muted", "mute_end_timestamp", "auto_muted")
    MUTED_FIELD_NUMBER: _ClassVar[int]
    MUTE_END_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    AUTO_MUTED_FIELD_NUMBER: _ClassVar[int]
    muted: bool
    mute_end_timestamp: int
    auto_muted: bool
    def __init__(self, muted: _Optional[bool] = ..., mute_end_timestamp: _Optional[int] = ..., auto_muted: _Optional[bool] = ...) -> None: ...

class PinAction(_message.Message):
    __slots__ = ("pinned",)
    PINNED_FIELD_NUMBER: _ClassVar[int]
    pinned: bool
    def __init__(self, pinned: _Optional[bool] = ...) -> None: ...

class ArchiveChatAction(_message.Message):
    __slots__ = ("archived", "message_range")
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_RANGE_FIELD_NUMBER: _ClassVar[int]
    archived: bool
    message_range: SyncActionMessageRange
    def __init__(self, archived: _Optional[bool] = ..., message_range: _Optional[_Union[SyncActionMessageRange, _Mapping]] = ...) -> None: ...

class MarkChatAsReadAction(_message.Message):
    __slots__ = ("read", "message_range")
    READ_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_RANGE_FIELD_NUMBER: _ClassVar[int]
    read: bool
    message_range: SyncActionMessageRange
    def __init__(self, read: _Optional[bool] = ..., message_range: _Optional[_Union[SyncActionMessageRange, _Mapping]] = ...) -> None: ...

class ClearChatAction(_message.Message):
    __slots__ = ("message_range",)
    MESSAGE_RANGE_FIELD_NUMBER: _ClassVar[int]
    message_range: SyncActionMessageRange
    def __init__(self, message_range: _Optional[_Union[SyncActionMessageRange, _Mapping]] = ...) -> None: ...

class DeleteChatAction(_message.Message):
    __slots__ = ("message_range",)
    MESSAGE_RANGE_FIELD_NUMBER: _ClassVar[int]
    message_range: SyncActionMessageRange
    def __init__(self, message_range: _Optional[_Union[SyncActionMessageRange, _Mapping]] = ...) -> None: ...

class LockChatAction(_message.Message):
    __slots__ = ("locked",)
    LOCKED_FIELD_NUMBER: _ClassVar[int]
    locked: bool
    def __init__(self, locked: _Optional[bool] = ...) -> None: ...

class PnForLidChatAction(_message.Message):
    __slots__ = ("pn_jid",)
    PN_JID_FIELD_NUMBER: _ClassVar[int]
    pn_jid: str
    def __init__(self, pn_jid: _Optional[str] = ...) -> None: ...

class StarAction(_message.Message):
    __slots__ = ("starred",)
    STARRED_FIELD_NUMBER: _ClassVar[int]
    starred: bool
    def __init__(self, starred: _Optional[bool] = ...) -> None: ...

class DeleteMessageForMeAction(_message.Message):
    __slots__ = ("delete_media", "message_timestamp")
    DELETE_MEDIA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    delete_media: bool
    message_timestamp: int
    def __init__(self, delete_media: _Optional[bool] = ..., message_timestamp: _Optional[int] = ...) -> None: ...

class ContactAction(_message.Message):
    __slots__ = ("full_name", "first_name", "lid_jid", "save_on_primary_addressbook", "pn_jid", "username")
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LID_JID_FIELD_NUMBER: _ClassVar[int]
    SAVE_ON_PRIMARY_ADDRESSBOOK_FIELD_NUMBER: _ClassVar[int]
    PN_JID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    full_name: str
    first_name: str
    lid_jid: str
    save_on_primary_addressbook: bool
    pn_jid: str
    username: str
    def __init__(self, full_name: _Optional[str] = ..., first_name: _Optional[str] = ..., lid_jid: _Optional[str] = ..., save_on_primary_addressbook: _Optional[bool] = ..., pn_jid: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class LidContactAction(_message.Message):
    __slots__ = ("full_name", "first_name", "username")
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    full_name: str
    first_name: str
    username: str
    def __init__(self, full_name: _Optional[str] = ..., first_name: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class UserStatusMuteAction(_message.Message):
    __slots__ = ("muted",)
    MUTED_FIELD_NUMBER: _ClassVar[int]
    muted: bool
    def __init__(self, muted: _Optional[bool] = ...) -> None: ...

class StatusPrivacyAction(_message.Message):
    __slots__ = ("mode", "user_jid")
    class StatusDistributionMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ALLOW_LIST: _ClassVar[StatusPrivacyAction.StatusDistributionMode]
        DENY_LIST: _ClassVar[StatusPrivacyAction.StatusDistributionMode]
        CONTACTS: _ClassVar[StatusPrivacyAction.StatusDistributionMode]
        CLOSE_FRIENDS: _ClassVar[StatusPrivacyAction.StatusDistributionMode]
    ALLOW_LIST: StatusPrivacyAction.StatusDistributionMode
    DENY_LIST: StatusPrivacyAction.StatusDistributionMode
    CONTACTS: StatusPrivacyAction.StatusDistributionMode
    CLOSE_FRIENDS: StatusPrivacyAction.StatusDistributionMode
    MODE_FIELD_NUMBER: _ClassVar[int]
    USER_JID_FIELD_NUMBER: _ClassVar[int]
    mode: StatusPrivacyAction.StatusDistributionMode
    user_jid: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, mode: _Optional[_Union[StatusPrivacyAction.StatusDistributionMode, str]] = ..., user_jid: _Optional[_Iterable[str]] = ...) -> None: ...

class FavoritesAction(_message.Message):
    __slots__ = ("favorites",)
    class Favorite(_message.Message):
        __slots__ = ("id",)
        ID_FIELD_NUMBER: _ClassVar[int]
        id: str
        def __init__(self, id: _Optional[str] = ...) -> None: ...
    FAVORITES_FIELD_NUMBER: _ClassVar[int]
    favorites: _containers.RepeatedCompositeFieldContainer[FavoritesAction.Favorite]
    def __init__(self, favorites: _Optional[_Iterable[_Union[FavoritesAction.Favorite, _Mapping]]] = ...) -> None: ...

class PushNameSetting(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class LocaleSetting(_message.Message):
    __slots__ = ("locale",)
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    locale: str
    def __init__(self, locale: _Optional[str] = ...) -> None: ...

class TimeFormatAction(_message.Message):
    __slots__ = ("is_twenty_four_hour_format_enabled",)
    IS_TWENTY_FOUR_HOUR_FORMAT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    is_twenty_four_hour_format_enabled: bool
    def __init__(self, is_twenty_four_hour_format_enabled: _Optional[bool] = ...) -> None: ...

class UnarchiveChatsSetting(_message.Message):
    __slots__ = ("unarchive_chats",)
    UNARCHIVE_CHATS_FIELD_NUMBER: _ClassVar[int]
    unarchive_chats: bool
    def __init__(self, unarchive_chats: _Optional[bool] = ...) -> None: ...

class PrivacySettingRelayAllCalls(_message.Message):
    __slots__ = ("is_enabled",)
    IS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    is_enabled: bool
    def __init__(self, is_enabled: _Optional[bool] = ...) -> None: ...

class PrivacySettingDisableLinkPreviewsAction(_message.Message):
    __slots__ = ("is_previews_disabled",)
    IS_PREVIEWS_DISABLED_FIELD_NUMBER: _ClassVar[int]
    is_previews_disabled: bool
    def __init__(self, is_previews_disabled: _Optional[bool] = ...) -> None: ...

class ExternalWebBetaAction(_message.Message):
    __slots__ = ("is_opt_in",)
    IS_OPT_IN_FIELD_NUMBER: _ClassVar[int]
    is_opt_in: bool
    def __init__(self, is_opt_in: _Optional[bool] = ...) -> None: ...

class AndroidUnsupportedActions(_message.Message):
    __slots__ = ("allowed",)
    ALLOWED_FIELD_NUMBER: _ClassVar[int]
    allowed: bool
    def __init__(self, allowed: _Optional[bool] = ...) -> None: ...

class PrimaryFeature(_message.Message):
    __slots__ = ("flags",)
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    flags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, flags: _Optional[_Iterable[str]] = ...) -> None: ...

class PrimaryVersionAction(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: str
    def __init__(self, version: _Optional[str] = ...) -> None: ...

class NuxAction(_message.Message):
    __slots__ = ("acknowledged",)
    ACKNOWLEDGED_FIELD_NUMBER: _ClassVar[int]
    acknowledged: bool
    def __init__(self, acknowledged: _Optional[bool] = ...) -> None: ...

class KeyExpiration(_message.Message):
    __slots__ = ("expired_key_epoch",)
    EXPIRED_KEY_EPOCH_FIELD_NUMBER: _ClassVar[int]
    expired_key_epoch: int
    def __init__(self, expired_key_epoch: _Optional[int] = ...) -> None: ...

class QuickReplyAction(_message.Message):
    __slots__ = ("shortcut", "message", "keywords", "count", "deleted")
    SHORTCUT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    KEYWORDS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    shortcut: str
    message: str
    keywords: _containers.RepeatedScalarFieldContainer[str]
    count: int
    deleted: bool
    def __init__(self, shortcut: _Optional[str] = ..., message: _Optional[str] = ..., keywords: _Optional[_Iterable[str]] = ..., count: _Optional[int] = ..., deleted: _Optional[bool] = ...) -> None: ...

class LabelEditAction(_message.Message):
    __slots__ = ("name", "color", "predefined_id", "deleted", "order_index", "is_active", "type", "is_immutable", "mute_end_time_ms")
    class ListType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[LabelEditAction.ListType]
        UNREAD: _ClassVar[LabelEditAction.ListType]
        GROUPS: _ClassVar[LabelEditAction.ListType]
        FAVORITES: _ClassVar[LabelEditAction.ListType]
        PREDEFINED: _ClassVar[LabelEditAction.ListType]
        CUSTOM: _ClassVar[LabelEditAction.ListType]
        COMMUNITY: _ClassVar[LabelEditAction.ListType]
        SERVER_ASSIGNED: _ClassVar[LabelEditAction.ListType]
        DRAFTED: _ClassVar[LabelEditAction.ListType]
        AI_HANDOFF: _ClassVar[LabelEditAction.ListType]
    NONE: LabelEditAction.ListType
    UNREAD: LabelEditAction.ListType
    GROUPS: LabelEditAction.ListType
    FAVORITES: LabelEditAction.ListType
    PREDEFINED: LabelEditAction.ListType
    CUSTOM: LabelEditAction.ListType
    COMMUNITY: LabelEditAction.ListType
    SERVER_ASSIGNED: LabelEditAction.ListType
    DRAFTED: LabelEditAction.ListType
    AI_HANDOFF: LabelEditAction.ListType
    NAME_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    PREDEFINED_ID_FIELD_NUMBER: _ClassVar[int]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    ORDER_INDEX_FIELD_NUMBER: _ClassVar[int]
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    IS_IMMUTABLE_FIELD_NUMBER: _ClassVar[int]
    MUTE_END_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    name: str
    color: int
    predefined_id: int
    deleted: bool
    order_index: int
    is_active: bool
    type: LabelEditAction.ListType
    is_immutable: bool
    mute_end_time_ms: int
    def __init__(self, name: _Optional[str] = ..., color: _Optional[int] = ..., predefined_id: _Optional[int] = ..., deleted: _Optional[bool] = ..., order_index: _Optional[int] = ..., is_active: _Optional[bool] = ..., type: _Optional[_Union[LabelEditAction.ListType, str]] = ..., is_immutable: _Optional[bool] = ..., mute_end_time_ms: _Optional[int] = ...) -> None: ...

class LabelAssociationAction(_message.Message):
    __slots__ = ("labeled",)
    LABELED_FIELD_NUMBER: _ClassVar[int]
    labeled: bool
    def __init__(self, labeled: _Optional[bool] = ...) -> None: ...

class AgentAction(_message.Message):
    __slots__ = ("name", "device_id", "is_deleted")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    IS_DELETED_FIELD_NUMBER: _ClassVar[int]
    name: str
    device_id: int
    is_deleted: bool
    def __init__(self, name: _Optional[str] = ..., device_id: _Optional[int] = ..., is_deleted: _Optional[bool] = ...) -> None: ...

class SubscriptionAction(_message.Message):
    __slots__ = ("is_deactivated", "is_auto_renewing", "expiration_date")
    IS_DEACTIVATED_FIELD_NUMBER: _ClassVar[int]
    IS_AUTO_RENEWING_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_DATE_FIELD_NUMBER: _ClassVar[int]
    is_deactivated: bool
    is_auto_renewing: bool
    expiration_date: int
    def __init__(self, is_deactivated: _Optional[bool] = ..., is_auto_renewing: _Optional[bool] = ..., expiration_date: _Optional[int] = ...) -> None: ...

class DeleteIndividualCallLogAction(_message.Message):
    __slots__ = ("peer_jid", "is_incoming")
    PEER_JID_FIELD_NUMBER: _ClassVar[int]
    IS_INCOMING_FIELD_NUMBER: _ClassVar[int]
    peer_jid: str
    is_incoming: bool
    def __init__(self, peer_jid: _Optional[str] = ..., is_incoming: _Optional[bool] = ...) -> None: ...

class RecentEmojiWeight(_message.Message):
    __slots__ = ("emoji", "weight")
    EMOJI_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    emoji: str
    weight: float
    def __init__(self, emoji: _Optional[str] = ..., weight: _Optional[float] = ...) -> None: ...

class RecentEmojiWeightsAction(_message.Message):
    __slots__ = ("weights",)
    WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    weights: _containers.RepeatedCompositeFieldContainer[RecentEmojiWeight]
    def __init__(self, weights: _Optional[_Iterable[_Union[RecentEmojiWeight, _Mapping]]] = ...) -> None: ...

class StickerAction(_message.Message):
    __slots__ = ("url", "file_enc_sha256", "media_key", "mimetype", "height", "width", "direct_path", "file_length", "is_favorite", "device_id_hint", "is_lottie", "image_hash", "is_avatar_sticker")
    URL_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    IS_FAVORITE_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_HINT_FIELD_NUMBER: _ClassVar[int]
    IS_LOTTIE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_HASH_FIELD_NUMBER: _ClassVar[int]
    IS_AVATAR_STICKER_FIELD_NUMBER: _ClassVar[int]
    url: str
    file_enc_sha256: bytes
    media_key: bytes
    mimetype: str
    height: int
    width: int
    direct_path: str
    file_length: int
    is_favorite: bool
    device_id_hint: int
    is_lottie: bool
    image_hash: str
    is_avatar_sticker: bool
    def __init__(self, url: _Optional[str] = ..., file_enc_sha256: _Optional[bytes] = ..., media_key: _Optional[bytes] = ..., mimetype: _Optional[str] = ..., height: _Optional[int] = ..., width: _Optional[int] = ..., direct_path: _Optional[str] = ..., file_length: _Optional[int] = ..., is_favorite: _Optional[bool] = ..., device_id_hint: _Optional[int] = ..., is_lottie: _Optional[bool] = ..., image_hash: _Optional[str] = ..., is_avatar_sticker: _Optional[bool] = ...) -> None: ...

class RemoveRecentStickerAction(_message.Message):
    __slots__ = ("last_sticker_sent_ts",)
    LAST_STICKER_SENT_TS_FIELD_NUMBER: _ClassVar[int]
    last_sticker_sent_ts: int
    def __init__(self, last_sticker_sent_ts: _Optional[int] = ...) -> None: ...
