from wacli.proto import e2e_pb2 as _e2e_pb2
from wacli.proto import web_pb2 as _web_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MediaVisibility(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEFAULT: _ClassVar[MediaVisibility]
    OFF: _ClassVar[MediaVisibility]
    ON: _ClassVar[MediaVisibility]

class PrivacySystemMessage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    E2EE_MSG: _ClassVar[PrivacySystemMessage]
    NE2EE_SELF: _ClassVar[PrivacySystemMessage]
    NE2EE_OTHER: _ClassVar[PrivacySystemMessage]
DEFAULT: MediaVisibility
OFF: MediaVisibility
ON: MediaVisibility
E2EE_MSG: PrivacySystemMessage
NE2EE_SELF: PrivacySystemMessage
NE2EE_OTHER: PrivacySystemMessage

class HistorySync(_message.Message):
    __slots__ = ("sync_type", "conversations", "status_v3_messages", "chunk_order", "progress", "pushnames", "global_settings", "thread_id_user_secret", "thread_ds_timeframe_offset", "recent_stickers", "past_participants", "call_log_records", "ai_wait_list_state", "phone_number_to_lid_mappings", "companion_meta_nonce", "shareable_chat_identifier_encryption_key", "accounts")
    class HistorySyncType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        INITIAL_BOOTSTRAP: _ClassVar[HistorySync.HistorySyncType]
        INITIAL_STATUS_V3: _ClassVar[HistorySync.HistorySyncType]
        FULL: _ClassVar[HistorySync.HistorySyncType]
        RECENT: _ClassVar[HistorySync.HistorySyncType]
        PUSH_NAME: _ClassVar[HistorySync.HistorySyncType]
        NON_BLOCKING_DATA: _ClassVar[HistorySync.HistorySyncType]
        ON_DEMAND: _ClassVar[HistorySync.HistorySyncType]
    INITIAL_BOOTSTRAP: HistorySync.HistorySyncType
    INITIAL_STATUS_V3: HistorySync.HistorySyncType
    FULL: HistorySync.HistorySyncType
    RECENT: HistorySync.HistorySyncType
    PUSH_NAME: HistorySync.HistorySyncType
    NON_BLOCKING_DATA: HistorySync.HistorySyncType
    ON_DEMAND: HistorySync.HistorySyncType
    class BotAIWaitListState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        IN_WAITLIST: _ClassVar[HistorySync.BotAIWaitListState]
        AI_AVAILABLE: _ClassVar[HistorySync.BotAIWaitListState]
    IN_WAITLIST: HistorySync.BotAIWaitListState
    AI_AVAILABLE: HistorySync.BotAIWaitListState
    SYNC_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONVERSATIONS_FIELD_NUMBER: _ClassVar[int]
    STATUS_V3_MESSAGES_FIELD_NUMBER: _ClassVar[int]
    CHUNK_ORDER_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    PUSHNAMES_FIELD_NUMBER: _ClassVar[int]
    GLOBAL_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_USER_SECRET_FIELD_NUMBER: _ClassVar[int]
    THREAD_DS_TIMEFRAME_OFFSET_FIELD_NUMBER: _ClassVar[int]
    RECENT_STICKERS_FIELD_NUMBER: _ClassVar[int]
    PAST_PARTICIPANTS_FIELD_NUMBER: _ClassVar[int]
    CALL_LOG_RECORDS_FIELD_NUMBER: _ClassVar[int]
    AI_WAIT_LIST_STATE_FIELD_NUMBER: _ClassVar[int]
    PHONE_NUMBER_TO_LID_MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    COMPANION_META_NONCE_FIELD_NUMBER: _ClassVar[int]
    SHAREABLE_CHAT_IDENTIFIER_ENCRYPTION_KEY_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    sync_type: HistorySync.HistorySyncType
    conversations: _containers.RepeatedCompositeFieldContainer[Conversation]
    status_v3_messages: _containers.RepeatedCompositeFieldContainer[_web_pb2.WebMessageInfo]
    chunk_order: int
    progress: int
    pushnames: _containers.RepeatedCompositeFieldContainer[Pushname]
    global_settings: GlobalSettings
    thread_id_user_secret: bytes
    thread_ds_timeframe_offset: int
    recent_stickers: _containers.RepeatedCompositeFieldContainer[StickerMetadata]
    past_participants: _containers.RepeatedCompositeFieldContainer[PastParticipants]
    call_log_records: _containers.RepeatedCompositeFieldContainer[CallLogRecord]
    ai_wait_list_state: HistorySync.BotAIWaitListState
    phone_number_to_lid_mappings: _containers.RepeatedCompositeFieldContainer[PhoneNumberToLIDMapping]
    companion_meta_nonce: str
    shareable_chat_identifier_encryption_key: bytes
    accounts: _containers.RepeatedCompositeFieldContainer[Account]
    def __init__(self, sync_type: _Optional[_Union[HistorySync.HistorySyncType, str]] = ..., conversations: _Optional[_Iterable[_Union[Conversation, _Mapping]]] = ..., status_v3_messages: _Optional[_Iterable[_Union[_web_pb2.WebMessageInfo, _Mapping]]] = ..., chunk_order: _Optional[int] = ..., progress: _Optional[int] = ..., pushnames: _Optional[_Iterable[_Union[Pushname, _Mapping]]] = ..., global_settings: _Optional[_Union[GlobalSettings, _Mapping]] = ..., thread_id_user_secret: _Optional[bytes] = ..., thread_ds_timeframe_offset: _Optional[int] = ..., recent_stickers: _Optional[_Iterable[_Union[StickerMetadata, _Mapping]]] = ..., past_participants: _Optional[_Iterable[_Union[PastParticipants, _Mapping]]] = ..., call_log_records: _Optional[_Iterable[_Union[CallLogRecord, _Mapping]]] = ..., ai_wait_list_state: _Optional[_Union[HistorySync.BotAIWaitListState, str]] = ..., phone_number_to_lid_mappings: _Optional[_Iterable[_Union[PhoneNumberToLIDMapping, _Mapping]]] = ..., companion_meta_nonce: _Optional[str] = ..., shareable_chat_identifier_encryption_key: _Optional[bytes] = ..., accounts: _Optional[_Iterable[_Union[Account, _Mapping]]] = ...) -> None: ...

class Conversation(_message.Message):
    __slots__ = ("id", "messages", "new_jid", "old_jid", "last_msg_timestamp", "unread_count", "read_only", "end_of_history_transfer", "ephemeral_expiration", "ephemeral_setting_timestamp", "end_of_history_transfer_type", "conversation_timestamp", "name", "p_hash", "not_spam", "archived", "disappearing_mode", "unread_mention_count", "marked_as_unread", "participant", "tc_token", "tc_token_timestamp", "contact_primary_identity_key", "pinned", "mute_end_time", "wallpaper", "media_visibility", "tc_token_sender_timestamp", "suspended", "terminated", "created_at", "created_by", "description", "support", "is_parent_group", "is_default_subgroup", "parent_group_id", "display_name", "pn_jid", "share_own_pn", "pnh_duplicate_lid_thread", "lid_jid", "username", "lid_origin_type", "comments_count", "locked", "system_message_to_insert", "capi_created_group", "account_lid", "limit_sharing", "limit_sharing_setting_timestamp", "limit_sharing_trigger", "limit_sharing_initiated_by_me", "maiba_ai_thread_enabled")
    class EndOfHistoryTransferType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        COMPLETE_BUT_MORE_MESSAGES_REMAIN_ON_PRIMARY: _ClassVar[Conversation.EndOfHistoryTransferType]
        COMPLETE_AND_NO_MORE_MESSAGE_REMAIN_ON_PRIMARY: _ClassVar[Conversation.EndOfHistoryTransferType]
        COMPLETE_ON_DEMAND_SYNC_BUT_MORE_MSG_REMAIN_ON_PRIMARY: _ClassVar[Conversation.EndOfHistoryTransferType]
    COMPLETE_BUT_MORE_MESSAGES_REMAIN_ON_PRIMARY: Conversation.EndOfHistoryTransferType
    COMPLETE_AND_NO_MORE_MESSAGE_REMAIN_ON_PRIMARY: Conversation.EndOfHistoryTransferType
    COMPLETE_ON_DEMAND_SYNC_BUT_MORE_MSG_REMAIN_ON_PRIMARY: Conversation.EndOfHistoryTransferType
    ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    NEW_JID_FIELD_NUMBER: _ClassVar[int]
    OLD_JID_FIELD_NUMBER: _ClassVar[int]
    LAST_MSG_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    READ_ONLY_FIELD_NUMBER: _ClassVar[int]
    END_OF_HISTORY_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_SETTING_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    END_OF_HISTORY_TRANSFER_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    P_HASH_FIELD_NUMBER: _ClassVar[int]
    NOT_SPAM_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    DISAPPEARING_MODE_FIELD_NUMBER: _ClassVar[int]
    UNREAD_MENTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    MARKED_AS_UNREAD_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANT_FIELD_NUMBER: _ClassVar[int]
    TC_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TC_TOKEN_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    CONTACT_PRIMARY_IDENTITY_KEY_FIELD_NUMBER: _ClassVar[int]
    PINNED_FIELD_NUMBER: _ClassVar[int]
    MUTE_END_TIME_FIELD_NUMBER: _ClassVar[int]
    WALLPAPER_FIELD_NUMBER: _ClassVar[int]
    MEDIA_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    TC_TOKEN_SENDER_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    SUSPENDED_FIELD_NUMBER: _ClassVar[int]
    TERMINATED_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SUPPORT_FIELD_NUMBER: _ClassVar[int]
    IS_PARENT_GROUP_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_SUBGROUP_FIELD_NUMBER: _ClassVar[int]
    PARENT_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    PN_JID_FIELD_NUMBER: _ClassVar[int]
    SHARE_OWN_PN_FIELD_NUMBER: _ClassVar[int]
    PNH_DUPLICATE_LID_THREAD_FIELD_NUMBER: _ClassVar[int]
    LID_JID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    LID_ORIGIN_TYPE_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_COUNT_FIELD_NUMBER: _ClassVar[int]
    LOCKED_FIELD_NUMBER: _ClassVar[int]
    SYSTEM_MESSAGE_TO_INSERT_FIELD_NUMBER: _ClassVar[int]
    CAPI_CREATED_GROUP_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_LID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_SHARING_FIELD_NUMBER: _ClassVar[int]
    LIMIT_SHARING_SETTING_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    LIMIT_SHARING_TRIGGER_FIELD_NUMBER: _ClassVar[int]
    LIMIT_SHARING_INITIATED_BY_ME_FIELD_NUMBER: _ClassVar[int]
    MAIBA_AI_THREAD_ENABLED_FIELD_NUMBER: _ClassVar[int]
    id: str
    messages: _containers.RepeatedCompositeFieldContainer[HistorySyncMsg]
    new_jid: str
    old_jid: str
    last_msg_timestamp: int
    unread_count: int
    read_only: bool
    end_of_history_transfer: bool
    ephemeral_expiration: int
    ephemeral_setting_timestamp: int
    end_of_history_transfer_type: Conversation.EndOfHistoryTransferType
    conversation_timestamp: int
    name: str
    p_hash: str
    not_spam: bool
    archived: bool
    disappearing_mode: _e2e_pb2.DisappearingMode
    unread_mention_count: int
    marked_as_unread: bool
    participant: _containers.RepeatedCompositeFieldContainer[GroupParticipant]
    tc_token: bytes
    tc_token_timestamp: int
    contact_primary_identity_key: bytes
    pinned: int
    mute_end_time: int
    wallpaper: WallpaperSettings
    media_visibility: MediaVisibility
    tc_token_sender_timestamp: int
    suspended: bool
    terminated: bool
    created_at: int
    created_by: str
    description: str
    support: bool
    is_parent_group: bool
    is_default_subgroup: bool
    parent_group_id: str
    display_name: str
    pn_jid: str
    share_own_pn: bool
    pnh_duplicate_lid_thread: bool
    lid_jid: str
    username: str
    lid_origin_type: str
    comments_count: int
    locked: bool
    system_message_to_insert: PrivacySystemMessage
    capi_created_group: bool
    account_lid: str
    limit_sharing: bool
    limit_sharing_setting_timestamp: int
    limit_sharing_trigger: _e2e_pb2.LimitSharing.TriggerType
    limit_sharing_initiated_by_me: bool
    maiba_ai_thread_enabled: bool
    def __init__(self, id: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[HistorySyncMsg, _Mapping]]] = ..., new_jid: _Optional[str] = ..., old_jid: _Optional[str] = ..., last_msg_timestamp: _Optional[int] = ..., unread_count: _Optional[int] = ..., read_only: _Optional[bool] = ..., end_of_history_transfer: _Optional[bool] = ..., ephemeral_expiration: _Optional[int] = ..., ephemeral_setting_timestamp: _Optional[int] = ..., end_of_history_transfer_type: _Optional[_Union[Conversation.EndOfHistoryTransferType, str]] = ..., conversation_timestamp: _Optional[int] = ..., name: _Optional[str] = ..., p_hash: _Optional[str] = ..., not_spam: _Optional[bool] = ..., archived: _Optional[bool] = ..., disappearing_mode: _Optional[_Union[_e2e_pb2.DisappearingMode, _Mapping]] = ..., unread_mention_count: _Optional[int] = ..., marked_as_unread: _Optional[bool] = ..., participant: _Optional[_Iterable[_Union[GroupParticipant, _Mapping]]] = ..., tc_token: _Optional[bytes] = ..., tc_token_timestamp: _Optional[int] = ..., contact_primary_identity_key: _Optional[bytes] = ..., pinned: _Optional[int] = ..., mute_end_time: _Optional[int] = ..., wallpaper: _Optional[_Union[WallpaperSettings, _Mapping]] = ..., media_visibility: _Optional[_Union[MediaVisibility, str]] = ..., tc_token_sender_timestamp: _Optional[int] = ..., suspended: _Optional[bool] = ..., terminated: _Optional[bool] = ..., created_at: _Optional[int] = ..., created_by: _Optional[str] = ..., description: _Optional[str] = ..., support: _Optional[bool] = ..., is_parent_group: _Optional[bool] = ..., is_default_subgroup: _Optional[bool] = ..., parent_group_id: _Optional[str] = ..., display_name: _Optional[str] = ..., pn_jid: _Optional[str] = ..., share_own_pn: _Optional[bool] = ..., pnh_duplicate_lid_thread: _Optional[bool] = ..., lid_jid: _Optional[str] = ..., username: _Optional[str] = ..., lid_origin_type: _Optional[str] = ..., comments_count: _Optional[int] = ..., locked: _Optional[bool] = ..., system_message_to_insert: _Optional[_Union[PrivacySystemMessage, str]] = ..., capi_created_group: _Optional[bool] = ..., account_lid: _Optional[str] = ..., limit_sharing: _Optional[bool] = ..., limit_sharing_setting_timestamp: _Optional[int] = ..., limit_sharing_trigger: _Optional[_Union[_e2e_pb2.LimitSharing.TriggerType, str]] = ..., limit_sharing_initiated_by_me: _Optional[bool] = ..., maiba_ai_thread_enabled: _Optional[bool] = ...) -> None: ...

class HistorySyncMsg(_message.Message):
    __slots__ = ("message", "msg_order_id")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    MSG_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    message: _web_pb2.WebMessageInfo
    msg_order_id: int
    def __init__(self, message: _Optional[_Union[_web_pb2.WebMessageInfo, _Mapping]] = ..., msg_order_id: _Optional[int] = ...) -> None: ...

class GroupParticipant(_message.Message):
    __slots__ = ("user_jid", "rank", "member_label")
    class Rank(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        REGULAR: _ClassVar[GroupParticipant.Rank]
        ADMIN: _ClassVar[GroupParticipant.Rank]
        SUPERADMIN: _ClassVar[GroupParticipant.Rank]
    REGULAR: GroupParticipant.Rank
    ADMIN: GroupParticipant.Rank
    SUPERADMIN: GroupParticipant.Rank
    USER_JID_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    MEMBER_LABEL_FIELD_NUMBER: _ClassVar[int]
    user_jid: str
    rank: GroupParticipant.Rank
    member_label: _e2e_pb2.MemberLabel
    def __init__(self, user_jid: _Optional[str] = ..., rank: _Optional[_Union[GroupParticipant.Rank, str]] = ..., member_label: _Optional[_Union[_e2e_pb2.MemberLabel, _Mapping]] = ...) -> None: ...

class Pushname(_message.Message):
    __slots__ = ("id", "pushname")
    ID_FIELD_NUMBER: _ClassVar[int]
    PUSHNAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    pushname: str
    def __init__(self, id: _Optional[str] = ..., pushname: _Optional[str] = ...) -> None: ...

class PastParticipants(_message.Message):
    __slots__ = ("group_jid", "past_participants")
    GROUP_JID_FIELD_NUMBER: _ClassVar[int]
    PAST_PARTICIPANTS_FIELD_NUMBER: _ClassVar[int]
    group_jid: str
    past_participants: _containers.RepeatedCompositeFieldContainer[PastParticipant]
    def __init__(self, group_jid: _Optional[str] = ..., past_participants: _Optional[_Iterable[_Union[PastParticipant, _Mapping]]] = ...) -> None: ...

class PastParticipant(_message.Message):
    __slots__ = ("user_jid", "leave_reason", "leave_ts")
    class LeaveReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        LEFT: _ClassVar[PastParticipant.LeaveReason]
        REMOVED: _ClassVar[PastParticipant.LeaveReason]
    LEFT: PastParticipant.LeaveReason
    REMOVED: PastParticipant.LeaveReason
    USER_JID_FIELD_NUMBER: _ClassVar[int]
    LEAVE_REASON_FIELD_NUMBER: _ClassVar[int]
    LEAVE_TS_FIELD_NUMBER: _ClassVar[int]
    user_jid: str
    leave_reason: PastParticipant.LeaveReason
    leave_ts: int
    def __init__(self, user_jid: _Optional[str] = ..., leave_reason: _Optional[_Union[PastParticipant.LeaveReason, str]] = ..., leave_ts: _Optional[int] = ...) -> None: ...

class PhoneNumberToLIDMapping(_message.Message):
    __slots__ = ("pn_jid", "lid_jid")
    PN_JID_FIELD_NUMBER: _ClassVar[int]
    LID_JID_FIELD_NUMBER: _ClassVar[int]
    pn_jid: str
    lid_jid: str
    def __init__(self, pn_jid: _Optional[str] = ..., lid_jid: _Optional[str] = ...) -> None: ...

class Account(_message.Message):
    __slots__ = ("lid", "username", "country_code", "is_username_deleted")
    LID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    IS_USERNAME_DELETED_FIELD_NUMBER: _ClassVar[int]
    lid: str
    username: str
    country_code: str
    is_username_deleted: bool
    def __init__(self, lid: _Optional[str] = ..., username: _Optional[str] = ..., country_code: _Optional[str] = ..., is_username_deleted: _Optional[bool] = ...) -> None: ...

class WallpaperSettings(_message.Message):
    __slots__ = ("filename", "opacity")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    OPACITY_FIELD_NUMBER: _ClassVar[int]
    filename: str
    opacity: int
    def __init__(self, filename: _Optional[str] = ..., opacity: _Optional[int] = ...) -> None: ...

class AutoDownloadSettings(_message.Message):
    __slots__ = ("download_images", "download_audio", "download_video", "download_documents")
    DOWNLOAD_IMAGES_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_AUDIO_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_VIDEO_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    download_images: bool
    download_audio: bool
    download_video: bool
    download_documents: bool
    def __init__(self, download_images: _Optional[bool] = ..., download_audio: _Optional[bool] = ..., download_video: _Optional[bool] = ..., download_documents: _Optional[bool] = ...) -> None: ...

class NotificationSettings(_message.Message):
    __slots__ = ("message_vibrate", "message_popup", "message_light", "low_priority_notifications", "reactions_muted", "call_vibrate")
    MESSAGE_VIBRATE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_POPUP_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_LIGHT_FIELD_NUMBER: _ClassVar[int]
    LOW_PRIORITY_NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    REACTIONS_MUTED_FIELD_NUMBER: _ClassVar[int]
    CALL_VIBRATE_FIELD_NUMBER: _ClassVar[int]
    message_vibrate: str
    message_popup: str
    message_light: str
    low_priority_notifications: bool
    reactions_muted: bool
    call_vibrate: str
    def __init__(self, message_vibrate: _Optional[str] = ..., message_popup: _Optional[str] = ..., message_light: _Optional[str] = ..., low_priority_notifications: _Optional[bool] = ..., reactions_muted: _Optional[bool] = ..., call_vibrate: _Optional[str] = ...) -> None: ...

class AvatarUserSettings(_message.Message):
    __slots__ = ("fbid", "password")
    FBID_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    fbid: str
    password: str
    def __init__(self, fbid: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class GlobalSettings(_message.Message):
    __slots__ = ("light_theme_wallpaper", "media_visibility", "dark_theme_wallpaper", "auto_download_wi_fi", "auto_download_cellular", "auto_download_roaming", "show_individual_notifications_preview", "show_group_notifications_preview", "disappearing_mode_duration", "disappearing_mode_timestamp", "avatar_user_settings", "font_size", "security_notifications", "auto_unarchive_chats", "video_quality_mode", "photo_quality_mode", "individual_notification_settings", "group_notification_settings", "chat_db_lid_migration_timestamp")
    LIGHT_THEME_WALLPAPER_FIELD_NUMBER: _ClassVar[int]
    MEDIA_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    DARK_THEME_WALLPAPER_FIELD_NUMBER: _ClassVar[int]
    AUTO_DOWNLOAD_WI_FI_FIELD_NUMBER: _ClassVar[int]
    AUTO_DOWNLOAD_CELLULAR_FIELD_NUMBER: _ClassVar[int]
    AUTO_DOWNLOAD_ROAMING_FIELD_NUMBER: _ClassVar[int]
    SHOW_INDIVIDUAL_NOTIFICATIONS_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    SHOW_GROUP_NOTIFICATIONS_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    DISAPPEARING_MODE_DURATION_FIELD_NUMBER: _ClassVar[int]
    DISAPPEARING_MODE_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    AVATAR_USER_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    FONT_SIZE_FIELD_NUMBER: _ClassVar[int]
    SECURITY_NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    AUTO_UNARCHIVE_CHATS_FIELD_NUMBER: _ClassVar[int]
    VIDEO_QUALITY_MODE_FIELD_NUMBER: _ClassVar[int]
    PHOTO_QUALITY_MODE_FIELD_NUMBER: _ClassVar[int]
    INDIVIDUAL_NOTIFICATION_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    GROUP_NOTIFICATION_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    CHAT_DB_LID_MIGRATION_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    light_theme_wallpaper: WallpaperSettings
    media_visibility: MediaVisibility
    dark_theme_wallpaper: WallpaperSettings
    auto_download_wi_fi: AutoDownloadSettings
    auto_download_cellular: AutoDownloadSettings
    auto_download_roaming: AutoDownloadSettings
    show_individual_notifications_preview: bool
    show_group_notifications_preview: bool
    disappearing_mode_duration: int
    disappearing_mode_timestamp: int
    avatar_user_settings: AvatarUserSettings
    font_size: int
    security_notifications: bool
    auto_unarchive_chats: bool
    video_quality_mode: int
    photo_quality_mode: int
    individual_notification_settings: NotificationSettings
    group_notification_settings: NotificationSettings
    chat_db_lid_migration_timestamp: int
    def __init__(self, light_theme_wallpaper: _Optional[_Union[WallpaperSettings, _Mapping]] = ..., media_visibility: _Optional[_Union[MediaVisibility, str]] = ..., dark_theme_wallpaper: _Optional[_Union[WallpaperSettings, _Mapping]] = ..., auto_download_wi_fi: _Optional[_Union[AutoDownloadSettings, _Mapping]] = ..., auto_download_cellular: _Optional[_Union[AutoDownloadSettings, _Mapping]] = ..., auto_download_roaming: _Optional[_Union[AutoDownloadSettings, _Mapping]] = ..., show_individual_notifications_preview: _Optional[bool] = ..., show_group_notifications_preview: _Optional[bool] = ..., disappearing_mode_duration: _Optional[int] = ..., disappearing_mode_timestamp: _Optional[int] = ..., avatar_user_settings: _Optional[_Union[AvatarUserSettings, _Mapping]] = ..., font_size: _Optional[int] = ..., security_notifications: _Optional[bool] = ..., auto_unarchive_chats: _Optional[bool] = ..., video_quality_mode: _Optional[int] = ..., photo_quality_mode: _Optional[int] = ..., individual_notification_settings: _Optional[_Union[NotificationSettings, _Mapping]] = ..., group_notification_settings: _Optional[_Union[NotificationSettings, _Mapping]] = ..., chat_db_lid_migration_timestamp: _Optional[int] = ...) -> None: ...

class StickerMetadata(_message.Message):
    __slots__ = ("url", "file_sha256", "file_enc_sha256", "media_key", "mimetype", "height", "width", "direct_path", "file_length", "weight", "last_sticker_sent_ts", "is_lottie", "image_hash", "is_avatar_sticker")
    URL_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    LAST_STICKER_SENT_TS_FIELD_NUMBER: _ClassVar[int]
    IS_LOTTIE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_HASH_FIELD_NUMBER: _ClassVar[int]
    IS_AVATAR_STICKER_FIELD_NUMBER: _ClassVar[int]
    url: str
    file_sha256: bytes
    file_enc_sha256: bytes
    media_key: bytes
    mimetype: str
    height: int
    width: int
    direct_path: str
    file_length: int
    weight: float
    last_sticker_sent_ts: int
    is_lottie: bool
    image_hash: str
    is_avatar_sticker: bool
    def __init__(self, url: _Optional[str] = ..., file_sha256: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., media_key: _Optional[bytes] = ..., mimetype: _Optional[str] = ..., height: _Optional[int] = ..., width: _Optional[int] = ..., direct_path: _Optional[str] = ..., file_length: _Optional[int] = ..., weight: _Optional[float] = ..., last_sticker_sent_ts: _Optional[int] = ..., is_lottie: _Optional[bool] = ..., image_hash: _Optional[str] = ..., is_avatar_sticker: _Optional[bool] = ...) -> None: ...

class CallLogRecord(_message.Message):
    __slots__ = ("call_result", "is_dnd_mode", "silence_reason", "duration", "start_time", "is_incoming", "is_video", "is_call_link", "call_link_token", "scheduled_call_id", "call_id", "call_creator_jid", "group_jid", "participants", "call_type")
    class CallResult(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CONNECTED: _ClassVar[CallLogRecord.CallResult]
        REJECTED: _ClassVar[CallLogRecord.CallResult]
        CANCELLED: _ClassVar[CallLogRecord.CallResult]
        ACCEPTEDELSEWHERE: _ClassVar[CallLogRecord.CallResult]
        MISSED: _ClassVar[CallLogRecord.CallResult]
        INVALID: _ClassVar[CallLogRecord.CallResult]
        UNAVAILABLE: _ClassVar[CallLogRecord.CallResult]
        UPCOMING: _ClassVar[CallLogRecord.CallResult]
        FAILED: _ClassVar[CallLogRecord.CallResult]
        ABANDONED: _ClassVar[CallLogRecord.CallResult]
        ONGOING: _ClassVar[CallLogRecord.CallResult]
    CONNECTED: CallLogRecord.CallResult
    REJECTED: CallLogRecord.CallResult
    CANCELLED: CallLogRecord.CallResult
    ACCEPTEDELSEWHERE: CallLogRecord.CallResult
    MISSED: CallLogRecord.CallResult
    INVALID: CallLogRecord.CallResult
    UNAVAILABLE: CallLogRecord.CallResult
    UPCOMING: CallLogRecord.CallResult
    FAILED: CallLogRecord.CallResult
    ABANDONED: CallLogRecord.CallResult
    ONGOING: CallLogRecord.CallResult
    class CallType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        REGULAR: _ClassVar[CallLogRecord.CallType]
        SCHEDULED_CALL: _ClassVar[CallLogRecord.CallType]
        VOICE_CHAT: _ClassVar[CallLogRecord.CallType]
    REGULAR: CallLogRecord.CallType
    SCHEDULED_CALL: CallLogRecord.CallType
    VOICE_CHAT: CallLogRecord.CallType
    class SilenceReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[CallLogRecord.SilenceReason]
        SCHEDULED: _ClassVar[CallLogRecord.SilenceReason]
        PRIVACY: _ClassVar[CallLogRecord.SilenceReason]
        LIGHTWEIGHT: _ClassVar[CallLogRecord.SilenceReason]
    NONE: CallLogRecord.SilenceReason
    SCHEDULED: CallLogRecord.SilenceReason
    PRIVACY: CallLogRecord.SilenceReason
    LIGHTWEIGHT: CallLogRecord.SilenceReason
    class ParticipantInfo(_message.Message):
        __slots__ = ("user_jid", "call_result")
        USER_JID_FIELD_NUMBER: _ClassVar[int]
        CALL_RESULT_FIELD_NUMBER: _ClassVar[int]
        user_jid: str
        call_result: CallLogRecord.CallResult
        def __init__(self, user_jid: _Optional[str] = ..., call_result: _Optional[_Union[CallLogRecord.CallResult, str]] = ...) -> None: ...
    CALL_RESULT_FIELD_NUMBER: _ClassVar[int]
    IS_DND_MODE_FIELD_NUMBER: _ClassVar[int]
    SILENCE_REASON_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    IS_INCOMING_FIELD_NUMBER: _ClassVar[int]
    IS_VIDEO_FIELD_NUMBER: _ClassVar[int]
    IS_CALL_LINK_FIELD_NUMBER: _ClassVar[int]
    CALL_LINK_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_CALL_ID_FIELD_NUMBER: _ClassVar[int]
    CALL_ID_FIELD_NUMBER: _ClassVar[int]
    CALL_CREATOR_JID_FIELD_NUMBER: _ClassVar[int]
    GROUP_JID_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANTS_FIELD_NUMBER: _ClassVar[int]
    CALL_TYPE_FIELD_NUMBER: _ClassVar[int]
    call_result: CallLogRecord.CallResult
    is_dnd_mode: bool
    silence_reason: CallLogRecord.SilenceReason
    duration: int
    start_time: int
    is_incoming: bool
    is_video: bool
    is_call_link: bool
    call_link_token: str
    scheduled_call_id: str
    call_id: str
    call_creator_jid: str
    group_jid: str
    participants: _containers.RepeatedCompositeFieldContainer[CallLogRecord.ParticipantInfo]
    call_type: CallLogRecord.CallType
    def __init__(self, call_result: _Optional[_Union[CallLogRecord.CallResult, str]] = ..., is_dnd_mode: _Optional[bool] = ..., silence_reason: _Optional[_Union[CallLogRecord.SilenceReason, str]] = ..., duration: _Optional[int] = ..., start_time: _Optional[int] = ..., is_incoming: _Optional[bool] = ..., is_video: _Optional[bool] = ..., is_call_link: _Optional[bool] = ..., call_link_token: _Optional[str] = ..., scheduled_call_id: _Optional[str] = ..., call_id: _Optional[str] = ..., call_creator_jid: _Optional[str] = ..., group_jid: _Optional[str] = ..., participants: _Optional[_Iterable[_Union[CallLogRecord.ParticipantInfo, _Mapping]]] = ..., call_type: _Optional[_Union[CallLogRecord.CallType, str]] = ...) -> None: ...
