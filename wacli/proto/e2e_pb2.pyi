from wacli.proto import adv_pb2 as _adv_pb2
from wacli.proto import common_pb2 as _common_pb2
from wacli.proto import companion_pb2 as _companion_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class KeepType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    UNKNOWN: _ClassVar[KeepType]
    KEEP_FOR_ALL: _ClassVar[KeepType]
    UNDO_KEEP_FOR_ALL: _ClassVar[KeepType]
UNKNOWN: KeepType
KEEP_FOR_ALL: KeepType
UNDO_KEEP_FOR_ALL: KeepType

class Message(_message.Message):
    __slots__ = ("conversation", "sender_key_distribution_message", "image_message", "contact_message", "location_message", "extended_text_message", "document_message", "audio_message", "video_message", "call", "chat", "protocol_message", "contacts_array_message", "highly_structured_message", "fast_ratchet_key_sender_key_distribution_message", "send_payment_message", "live_location_message", "request_payment_message", "decline_payment_request_message", "cancel_payment_request_message", "template_message", "sticker_message", "group_invite_message", "template_button_reply_message", "product_message", "device_sent_message", "message_context_info", "list_message", "view_once_message", "order_message", "list_response_message", "ephemeral_message", "invoice_message", "buttons_message", "buttons_response_message", "payment_invite_message", "interactive_message", "reaction_message", "sticker_sync_rmr_message", "interactive_response_message", "poll_creation_message", "poll_update_message", "keep_in_chat_message", "document_with_caption_message", "request_phone_number_message", "view_once_message_v2", "enc_reaction_message", "edited_message", "view_once_message_v2_extension", "poll_creation_message_v2", "scheduled_call_creation_message", "group_mentioned_message", "pin_in_chat_message", "poll_creation_message_v3", "scheduled_call_edit_message", "ptv_message", "bot_invoke_message", "call_log_messsage", "message_history_bundle", "enc_comment_message", "bcall_message", "lottie_sticker_message", "event_message", "enc_event_response_message", "comment_message", "newsletter_admin_invite_message", "placeholder_message", "secret_encrypted_message", "album_message", "event_cover_image", "sticker_pack_message", "status_mention_message", "poll_result_snapshot_message", "poll_creation_option_image_message", "associated_child_message", "group_status_mention_message", "poll_creation_message_v4", "status_add_yours", "group_status_message", "status_notification_message", "limit_sharing_message", "bot_task_message", "question_message", "message_history_notice", "group_status_message_v2", "bot_forwarded_message", "status_question_answer_message", "question_reply_message", "question_response_message", "status_quoted_message", "status_sticker_interaction_message", "poll_creation_message_v5", "newsletter_follower_invite_message_v2", "poll_result_snapshot_message_v3")
    class MediaKeyDomain(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNSET: _ClassVar[Message.MediaKeyDomain]
        E2EE_CHAT: _ClassVar[Message.MediaKeyDomain]
        STATUS: _ClassVar[Message.MediaKeyDomain]
        CAPI: _ClassVar[Message.MediaKeyDomain]
        BOT: _ClassVar[Message.MediaKeyDomain]
    UNSET: Message.MediaKeyDomain
    E2EE_CHAT: Message.MediaKeyDomain
    STATUS: Message.MediaKeyDomain
    CAPI: Message.MediaKeyDomain
    BOT: Message.MediaKeyDomain
    class HistorySyncType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        INITIAL_BOOTSTRAP: _ClassVar[Message.HistorySyncType]
        INITIAL_STATUS_V3: _ClassVar[Message.HistorySyncType]
        FULL: _ClassVar[Message.HistorySyncType]
        RECENT: _ClassVar[Message.HistorySyncType]
        PUSH_NAME: _ClassVar[Message.HistorySyncType]
        NON_BLOCKING_DATA: _ClassVar[Message.HistorySyncType]
        ON_DEMAND: _ClassVar[Message.HistorySyncType]
        NO_HISTORY: _ClassVar[Message.HistorySyncType]
        MESSAGE_ACCESS_STATUS: _ClassVar[Message.HistorySyncType]
    INITIAL_BOOTSTRAP: Message.HistorySyncType
    INITIAL_STATUS_V3: Message.HistorySyncType
    FULL: Message.HistorySyncType
    RECENT: Message.HistorySyncType
    PUSH_NAME: Message.HistorySyncType
    NON_BLOCKING_DATA: Message.HistorySyncType
    ON_DEMAND: Message.HistorySyncType
    NO_HISTORY: Message.HistorySyncType
    MESSAGE_ACCESS_STATUS: Message.HistorySyncType
    class PeerDataOperationRequestType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UPLOAD_STICKER: _ClassVar[Message.PeerDataOperationRequestType]
        SEND_RECENT_STICKER_BOOTSTRAP: _ClassVar[Message.PeerDataOperationRequestType]
        GENERATE_LINK_PREVIEW: _ClassVar[Message.PeerDataOperationRequestType]
        HISTORY_SYNC_ON_DEMAND: _ClassVar[Message.PeerDataOperationRequestType]
        PLACEHOLDER_MESSAGE_RESEND: _ClassVar[Message.PeerDataOperationRequestType]
        WAFFLE_LINKING_NONCE_FETCH: _ClassVar[Message.PeerDataOperationRequestType]
        FULL_HISTORY_SYNC_ON_DEMAND: _ClassVar[Message.PeerDataOperationRequestType]
        COMPANION_META_NONCE_FETCH: _ClassVar[Message.PeerDataOperationRequestType]
        COMPANION_SYNCD_SNAPSHOT_FATAL_RECOVERY: _ClassVar[Message.PeerDataOperationRequestType]
        COMPANION_CANONICAL_USER_NONCE_FETCH: _ClassVar[Message.PeerDataOperationRequestType]
        HISTORY_SYNC_CHUNK_RETRY: _ClassVar[Message.PeerDataOperationRequestType]
        GALAXY_FLOW_ACTION: _ClassVar[Message.PeerDataOperationRequestType]
    UPLOAD_STICKER: Message.PeerDataOperationRequestType
    SEND_RECENT_STICKER_BOOTSTRAP: Message.PeerDataOperationRequestType
    GENERATE_LINK_PREVIEW: Message.PeerDataOperationRequestType
    HISTORY_SYNC_ON_DEMAND: Message.PeerDataOperationRequestType
    PLACEHOLDER_MESSAGE_RESEND: Message.PeerDataOperationRequestType
    WAFFLE_LINKING_NONCE_FETCH: Message.PeerDataOperationRequestType
    FULL_HISTORY_SYNC_ON_DEMAND: Message.PeerDataOperationRequestType
    COMPANION_META_NONCE_FETCH: Message.PeerDataOperationRequestType
    COMPANION_SYNCD_SNAPSHOT_FATAL_RECOVERY: Message.PeerDataOperationRequestType
    COMPANION_CANONICAL_USER_NONCE_FETCH: Message.PeerDataOperationRequestType
    HISTORY_SYNC_CHUNK_RETRY: Message.PeerDataOperationRequestType
    GALAXY_FLOW_ACTION: Message.PeerDataOperationRequestType
    class PollContentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[Message.PollContentType]
        TEXT: _ClassVar[Message.PollContentType]
        IMAGE: _ClassVar[Message.PollContentType]
    UNKNOWN: Message.PollContentType
    TEXT: Message.PollContentType
    IMAGE: Message.PollContentType
    class PollType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        POLL: _ClassVar[Message.PollType]
        QUIZ: _ClassVar[Message.PollType]
    POLL: Message.PollType
    QUIZ: Message.PollType
    CONVERSATION_FIELD_NUMBER: _ClassVar[int]
    SENDER_KEY_DISTRIBUTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CONTACT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    EXTENDED_TEXT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    AUDIO_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    VIDEO_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CALL_FIELD_NUMBER: _ClassVar[int]
    CHAT_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_ARRAY_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    HIGHLY_STRUCTURED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FAST_RATCHET_KEY_SENDER_KEY_DISTRIBUTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SEND_PAYMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LIVE_LOCATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PAYMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    DECLINE_PAYMENT_REQUEST_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CANCEL_PAYMENT_REQUEST_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STICKER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    GROUP_INVITE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_BUTTON_REPLY_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    DEVICE_SENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    LIST_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    VIEW_ONCE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ORDER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LIST_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    INVOICE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    BUTTONS_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    BUTTONS_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_INVITE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    INTERACTIVE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REACTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STICKER_SYNC_RMR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    INTERACTIVE_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_CREATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_UPDATE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    KEEP_IN_CHAT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_WITH_CAPTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_PHONE_NUMBER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    VIEW_ONCE_MESSAGE_V2_FIELD_NUMBER: _ClassVar[int]
    ENC_REACTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    EDITED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    VIEW_ONCE_MESSAGE_V2_EXTENSION_FIELD_NUMBER: _ClassVar[int]
    POLL_CREATION_MESSAGE_V2_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_CALL_CREATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    GROUP_MENTIONED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PIN_IN_CHAT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_CREATION_MESSAGE_V3_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_CALL_EDIT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PTV_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    BOT_INVOKE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CALL_LOG_MESSSAGE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_HISTORY_BUNDLE_FIELD_NUMBER: _ClassVar[int]
    ENC_COMMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    BCALL_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LOTTIE_STICKER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    EVENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ENC_EVENT_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    COMMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    NEWSLETTER_ADMIN_INVITE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENCRYPTED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ALBUM_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    EVENT_COVER_IMAGE_FIELD_NUMBER: _ClassVar[int]
    STICKER_PACK_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_MENTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_RESULT_SNAPSHOT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_CREATION_OPTION_IMAGE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ASSOCIATED_CHILD_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    GROUP_STATUS_MENTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_CREATION_MESSAGE_V4_FIELD_NUMBER: _ClassVar[int]
    STATUS_ADD_YOURS_FIELD_NUMBER: _ClassVar[int]
    GROUP_STATUS_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_NOTIFICATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_SHARING_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    BOT_TASK_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    QUESTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_HISTORY_NOTICE_FIELD_NUMBER: _ClassVar[int]
    GROUP_STATUS_MESSAGE_V2_FIELD_NUMBER: _ClassVar[int]
    BOT_FORWARDED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_QUESTION_ANSWER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    QUESTION_REPLY_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    QUESTION_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_QUOTED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_STICKER_INTERACTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_CREATION_MESSAGE_V5_FIELD_NUMBER: _ClassVar[int]
    NEWSLETTER_FOLLOWER_INVITE_MESSAGE_V2_FIELD_NUMBER: _ClassVar[int]
    POLL_RESULT_SNAPSHOT_MESSAGE_V3_FIELD_NUMBER: _ClassVar[int]
    conversation: str
    sender_key_distribution_message: SenderKeyDistributionMessage
    image_message: ImageMessage
    contact_message: ContactMessage
    location_message: LocationMessage
    extended_text_message: ExtendedTextMessage
    document_message: DocumentMessage
    audio_message: AudioMessage
    video_message: VideoMessage
    call: Call
    chat: Chat
    protocol_message: ProtocolMessage
    contacts_array_message: ContactsArrayMessage
    highly_structured_message: HighlyStructuredMessage
    fast_ratchet_key_sender_key_distribution_message: SenderKeyDistributionMessage
    send_payment_message: SendPaymentMessage
    live_location_message: LiveLocationMessage
    request_payment_message: RequestPaymentMessage
    decline_payment_request_message: DeclinePaymentRequestMessage
    cancel_payment_request_message: CancelPaymentRequestMessage
    template_message: TemplateMessage
    sticker_message: StickerMessage
    group_invite_message: GroupInviteMessage
    template_button_reply_message: TemplateButtonReplyMessage
    product_message: ProductMessage
    device_sent_message: DeviceSentMessage
    message_context_info: MessageContextInfo
    list_message: ListMessage
    view_once_message: FutureProofMessage
    order_message: OrderMessage
    list_response_message: ListResponseMessage
    ephemeral_message: FutureProofMessage
    invoice_message: InvoiceMessage
    buttons_message: ButtonsMessage
    buttons_response_message: ButtonsResponseMessage
    payment_invite_message: PaymentInviteMessage
    interactive_message: InteractiveMessage
    reaction_message: ReactionMessage
    sticker_sync_rmr_message: StickerSyncRMRMessage
    interactive_response_message: InteractiveResponseMessage
    poll_creation_message: PollCreationMessage
    poll_update_message: PollUpdateMessage
    keep_in_chat_message: KeepInChatMessage
    document_with_caption_message: FutureProofMessage
    request_phone_number_message: RequestPhoneNumberMessage
    view_once_message_v2: FutureProofMessage
    enc_reaction_message: EncReactionMessage
    edited_message: FutureProofMessage
    view_once_message_v2_extension: FutureProofMessage
    poll_creation_message_v2: PollCreationMessage
    scheduled_call_creation_message: ScheduledCallCreationMessage
    group_mentioned_message: FutureProofMessage
    pin_in_chat_message: PinInChatMessage
    poll_creation_message_v3: PollCreationMessage
    scheduled_call_edit_message: ScheduledCallEditMessage
    ptv_message: VideoMessage
    bot_invoke_message: FutureProofMessage
    call_log_messsage: CallLogMessage
    message_history_bundle: MessageHistoryBundle
    enc_comment_message: EncCommentMessage
    bcall_message: BCallMessage
    lottie_sticker_message: FutureProofMessage
    event_message: EventMessage
    enc_event_response_message: EncEventResponseMessage
    comment_message: CommentMessage
    newsletter_admin_invite_message: NewsletterAdminInviteMessage
    placeholder_message: PlaceholderMessage
    secret_encrypted_message: SecretEncryptedMessage
    album_message: AlbumMessage
    event_cover_image: FutureProofMessage
    sticker_pack_message: StickerPackMessage
    status_mention_message: FutureProofMessage
    poll_result_snapshot_message: PollResultSnapshotMessage
    poll_creation_option_image_message: FutureProofMessage
    associated_child_message: FutureProofMessage
    group_status_mention_message: FutureProofMessage
    poll_creation_message_v4: FutureProofMessage
    status_add_yours: FutureProofMessage
    group_status_message: FutureProofMessage
    status_notification_message: StatusNotificationMessage
    limit_sharing_message: FutureProofMessage
    bot_task_message: FutureProofMessage
    question_message: FutureProofMessage
    message_history_notice: MessageHistoryNotice
    group_status_message_v2: FutureProofMessage
    bot_forwarded_message: FutureProofMessage
    status_question_answer_message: StatusQuestionAnswerMessage
    question_reply_message: FutureProofMessage
    question_response_message: QuestionResponseMessage
    status_quoted_message: StatusQuotedMessage
    status_sticker_interaction_message: StatusStickerInteractionMessage
    poll_creation_message_v5: PollCreationMessage
    newsletter_follower_invite_message_v2: NewsletterFollowerInviteMessage
    poll_result_snapshot_message_v3: PollResultSnapshotMessage
    def __init__(self, conversation: _Optional[str] = ..., sender_key_distribution_message: _Optional[_Union[SenderKeyDistributionMessage, _Mapping]] = ..., image_message: _Optional[_Union[ImageMessage, _Mapping]] = ..., contact_message: _Optional[_Union[ContactMessage, _Mapping]] = ..., location_message: _Optional[_Union[LocationMessage, _Mapping]] = ..., extended_text_message: _Optional[_Union[ExtendedTextMessage, _Mapping]] = ..., document_message: _Optional[_Union[DocumentMessage, _Mapping]] = ..., audio_message: _Optional[_Union[AudioMessage, _Mapping]] = ..., video_message: _Optional[_Union[VideoMessage, _Mapping]] = ..., call: _Optional[_Union[Call, _Mapping]] = ..., chat: _Optional[_Union[Chat, _Mapping]] = ..., protocol_message: _Optional[_Union[ProtocolMessage, _Mapping]] = ..., contacts_array_message: _Optional[_Union[ContactsArrayMessage, _Mapping]] = ..., highly_structured_message: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ..., fast_ratchet_key_sender_key_distribution_message: _Optional[_Union[SenderKeyDistributionMessage, _Mapping]] = ..., send_payment_message: _Optional[_Union[SendPaymentMessage, _Mapping]] = ..., live_location_message: _Optional[_Union[LiveLocationMessage, _Mapping]] = ..., request_payment_message: _Optional[_Union[RequestPaymentMessage, _Mapping]] = ..., decline_payment_request_message: _Optional[_Union[DeclinePaymentRequestMessage, _Mapping]] = ..., cancel_payment_request_message: _Optional[_Union[CancelPaymentRequestMessage, _Mapping]] = ..., template_message: _Optional[_Union[TemplateMessage, _Mapping]] = ..., sticker_message: _Optional[_Union[StickerMessage, _Mapping]] = ..., group_invite_message: _Optional[_Union[GroupInviteMessage, _Mapping]] = ..., template_button_reply_message: _Optional[_Union[TemplateButtonReplyMessage, _Mapping]] = ..., product_message: _Optional[_Union[ProductMessage, _Mapping]] = ..., device_sent_message: _Optional[_Union[DeviceSentMessage, _Mapping]] = ..., message_context_info: _Optional[_Union[MessageContextInfo, _Mapping]] = ..., list_message: _Optional[_Union[ListMessage, _Mapping]] = ..., view_once_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., order_message: _Optional[_Union[OrderMessage, _Mapping]] = ..., list_response_message: _Optional[_Union[ListResponseMessage, _Mapping]] = ..., ephemeral_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., invoice_message: _Optional[_Union[InvoiceMessage, _Mapping]] = ..., buttons_message: _Optional[_Union[ButtonsMessage, _Mapping]] = ..., buttons_response_message: _Optional[_Union[ButtonsResponseMessage, _Mapping]] = ..., payment_invite_message: _Optional[_Union[PaymentInviteMessage, _Mapping]] = ..., interactive_message: _Optional[_Union[InteractiveMessage, _Mapping]] = ..., reaction_message: _Optional[_Union[ReactionMessage, _Mapping]] = ..., sticker_sync_rmr_message: _Optional[_Union[StickerSyncRMRMessage, _Mapping]] = ..., interactive_response_message: _Optional[_Union[InteractiveResponseMessage, _Mapping]] = ..., poll_creation_message: _Optional[_Union[PollCreationMessage, _Mapping]] = ..., poll_update_message: _Optional[_Union[PollUpdateMessage, _Mapping]] = ..., keep_in_chat_message: _Optional[_Union[KeepInChatMessage, _Mapping]] = ..., document_with_caption_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., request_phone_number_message: _Optional[_Union[RequestPhoneNumberMessage, _Mapping]] = ..., view_once_message_v2: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., enc_reaction_message: _Optional[_Union[EncReactionMessage, _Mapping]] = ..., edited_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., view_once_message_v2_extension: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., poll_creation_message_v2: _Optional[_Union[PollCreationMessage, _Mapping]] = ..., scheduled_call_creation_message: _Optional[_Union[ScheduledCallCreationMessage, _Mapping]] = ..., group_mentioned_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., pin_in_chat_message: _Optional[_Union[PinInChatMessage, _Mapping]] = ..., poll_creation_message_v3: _Optional[_Union[PollCreationMessage, _Mapping]] = ..., scheduled_call_edit_message: _Optional[_Union[ScheduledCallEditMessage, _Mapping]] = ..., ptv_message: _Optional[_Union[VideoMessage, _Mapping]] = ..., bot_invoke_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., call_log_messsage: _Optional[_Union[CallLogMessage, _Mapping]] = ..., message_history_bundle: _Optional[_Union[MessageHistoryBundle, _Mapping]] = ..., enc_comment_message: _Optional[_Union[EncCommentMessage, _Mapping]] = ..., bcall_message: _Optional[_Union[BCallMessage, _Mapping]] = ..., lottie_sticker_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., event_message: _Optional[_Union[EventMessage, _Mapping]] = ..., enc_event_response_message: _Optional[_Union[EncEventResponseMessage, _Mapping]] = ..., comment_message: _Optional[_Union[CommentMessage, _Mapping]] = ..., newsletter_admin_invite_message: _Optional[_Union[NewsletterAdminInviteMessage, _Mapping]] = ..., placeholder_message: _Optional[_Union[PlaceholderMessage, _Mapping]] = ..., secret_encrypted_message: _Optional[_Union[SecretEncryptedMessage, _Mapping]] = ..., album_message: _Optional[_Union[AlbumMessage, _Mapping]] = ..., event_cover_image: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., sticker_pack_message: _Optional[_Union[StickerPackMessage, _Mapping]] = ..., status_mention_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., poll_result_snapshot_message: _Optional[_Union[PollResultSnapshotMessage, _Mapping]] = ..., poll_creation_option_image_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., associated_child_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., group_status_mention_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., poll_creation_message_v4: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., status_add_yours: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., group_status_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., status_notification_message: _Optional[_Union[StatusNotificationMessage, _Mapping]] = ..., limit_sharing_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., bot_task_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., question_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., message_history_notice: _Optional[_Union[MessageHistoryNotice, _Mapping]] = ..., group_status_message_v2: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., bot_forwarded_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., status_question_answer_message: _Optional[_Union[StatusQuestionAnswerMessage, _Mapping]] = ..., question_reply_message: _Optional[_Union[FutureProofMessage, _Mapping]] = ..., question_response_message: _Optional[_Union[QuestionResponseMessage, _Mapping]] = ..., status_quoted_message: _Optional[_Union[StatusQuotedMessage, _Mapping]] = ..., status_sticker_interaction_message: _Optional[_Union[StatusStickerInteractionMessage, _Mapping]] = ..., poll_creation_message_v5: _Optional[_Union[PollCreationMessage, _Mapping]] = ..., newsletter_follower_invite_message_v2: _Optional[_Union[NewsletterFollowerInviteMessage, _Mapping]] = ..., poll_result_snapshot_message_v3: _Optional[_Union[PollResultSnapshotMessage, _Mapping]] = ...) -> None: ...

class FutureProofMessage(_message.Message):
    __slots__ = ("message",)
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    message: Message
    def __init__(self, message: _Optional[_Union[Message, _Mapping]] = ...) -> None: ...

class DeviceSentMessage(_message.Message):
    __slots__ = ("destination_jid", "message", "phash")
    DESTINATION_JID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PHASH_FIELD_NUMBER: _ClassVar[int]
    destination_jid: str
    message: Message
    phash: str
    def __init__(self, destination_jid: _Optional[str] = ..., message: _Optional[_Union[Message, _Mapping]] = ..., phash: _Optional[str] = ...) -> None: ...

class SenderKeyDistributionMessage(_message.Message):
    __slots__ = ("group_id", "axolotl_sender_key_distribution_message")
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    AXOLOTL_SENDER_KEY_DISTRIBUTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    group_id: str
    axolotl_sender_key_distribution_message: bytes
    def __init__(self, group_id: _Optional[str] = ..., axolotl_sender_key_distribution_message: _Optional[bytes] = ...) -> None: ...

class ContextInfo(_message.Message):
    __slots__ = ("stanza_id", "participant", "quoted_message", "remote_jid", "mentioned_jid", "conversion_source", "conversion_data", "conversion_delay_seconds", "forwarding_score", "is_forwarded", "quoted_ad", "placeholder_key", "expiration", "ephemeral_setting_timestamp", "ephemeral_shared_secret", "external_ad_reply", "entry_point_conversion_source", "entry_point_conversion_app", "entry_point_conversion_delay_seconds", "disappearing_mode", "action_link", "group_subject", "parent_group_jid", "trust_banner_type", "trust_banner_action", "is_sampled", "group_mentions", "utm", "forwarded_newsletter_message_info", "business_message_forward_info", "smb_client_campaign_id", "smb_server_campaign_id", "always_show_ad_attribution", "feature_eligibilities", "entry_point_conversion_external_source", "entry_point_conversion_external_medium", "ctwa_signals", "ctwa_payload", "status_attribution_type", "paired_media_type", "ranking_version", "member_label", "is_question", "status_source_type", "is_group_status", "forward_origin", "non_jid_mentions", "quoted_type")
    class ForwardOrigin(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[ContextInfo.ForwardOrigin]
        CHAT: _ClassVar[ContextInfo.ForwardOrigin]
        STATUS: _ClassVar[ContextInfo.ForwardOrigin]
        CHANNELS: _ClassVar[ContextInfo.ForwardOrigin]
        META_AI: _ClassVar[ContextInfo.ForwardOrigin]
        UGC: _ClassVar[ContextInfo.ForwardOrigin]
    UNKNOWN: ContextInfo.ForwardOrigin
    CHAT: ContextInfo.ForwardOrigin
    STATUS: ContextInfo.ForwardOrigin
    CHANNELS: ContextInfo.ForwardOrigin
    META_AI: ContextInfo.ForwardOrigin
    UGC: ContextInfo.ForwardOrigin
    class PairedMediaType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NOT_PAIRED_MEDIA: _ClassVar[ContextInfo.PairedMediaType]
        SD_VIDEO_PARENT: _ClassVar[ContextInfo.PairedMediaType]
        HD_VIDEO_CHILD: _ClassVar[ContextInfo.PairedMediaType]
        SD_IMAGE_PARENT: _ClassVar[ContextInfo.PairedMediaType]
        HD_IMAGE_CHILD: _ClassVar[ContextInfo.PairedMediaType]
        MOTION_PHOTO_PARENT: _ClassVar[ContextInfo.PairedMediaType]
        MOTION_PHOTO_CHILD: _ClassVar[ContextInfo.PairedMediaType]
        HEVC_VIDEO_PARENT: _ClassVar[ContextInfo.PairedMediaType]
        HEVC_VIDEO_CHILD: _ClassVar[ContextInfo.PairedMediaType]
    NOT_PAIRED_MEDIA: ContextInfo.PairedMediaType
    SD_VIDEO_PARENT: ContextInfo.PairedMediaType
    HD_VIDEO_CHILD: ContextInfo.PairedMediaType
    SD_IMAGE_PARENT: ContextInfo.PairedMediaType
    HD_IMAGE_CHILD: ContextInfo.PairedMediaType
    MOTION_PHOTO_PARENT: ContextInfo.PairedMediaType
    MOTION_PHOTO_CHILD: ContextInfo.PairedMediaType
    HEVC_VIDEO_PARENT: ContextInfo.PairedMediaType
    HEVC_VIDEO_CHILD: ContextInfo.PairedMediaType
    class QuotedType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        EXPLICIT: _ClassVar[ContextInfo.QuotedType]
        AUTO: _ClassVar[ContextInfo.QuotedType]
    EXPLICIT: ContextInfo.QuotedType
    AUTO: ContextInfo.QuotedType
    class StatusAttributionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[ContextInfo.StatusAttributionType]
        RESHARED_FROM_MENTION: _ClassVar[ContextInfo.StatusAttributionType]
        RESHARED_FROM_POST: _ClassVar[ContextInfo.StatusAttributionType]
        RESHARED_FROM_POST_MANY_TIMES: _ClassVar[ContextInfo.StatusAttributionType]
        FORWARDED_FROM_STATUS: _ClassVar[ContextInfo.StatusAttributionType]
    NONE: ContextInfo.StatusAttributionType
    RESHARED_FROM_MENTION: ContextInfo.StatusAttributionType
    RESHARED_FROM_POST: ContextInfo.StatusAttributionType
    RESHARED_FROM_POST_MANY_TIMES: ContextInfo.StatusAttributionType
    FORWARDED_FROM_STATUS: ContextInfo.StatusAttributionType
    class StatusSourceType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        IMAGE: _ClassVar[ContextInfo.StatusSourceType]
        VIDEO: _ClassVar[ContextInfo.StatusSourceType]
        GIF: _ClassVar[ContextInfo.StatusSourceType]
        AUDIO: _ClassVar[ContextInfo.StatusSourceType]
        TEXT: _ClassVar[ContextInfo.StatusSourceType]
        MUSIC_STANDALONE: _ClassVar[ContextInfo.StatusSourceType]
    IMAGE: ContextInfo.StatusSourceType
    VIDEO: ContextInfo.StatusSourceType
    GIF: ContextInfo.StatusSourceType
    AUDIO: ContextInfo.StatusSourceType
    TEXT: ContextInfo.StatusSourceType
    MUSIC_STANDALONE: ContextInfo.StatusSourceType
    class ForwardedNewsletterMessageInfo(_message.Message):
        __slots__ = ("newsletter_jid", "server_message_id", "newsletter_name", "content_type", "accessibility_text")
        class ContentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            UPDATE: _ClassVar[ContextInfo.ForwardedNewsletterMessageInfo.ContentType]
            UPDATE_CARD: _ClassVar[ContextInfo.ForwardedNewsletterMessageInfo.ContentType]
            LINK_CARD: _ClassVar[ContextInfo.ForwardedNewsletterMessageInfo.ContentType]
        UPDATE: ContextInfo.ForwardedNewsletterMessageInfo.ContentType
        UPDATE_CARD: ContextInfo.ForwardedNewsletterMessageInfo.ContentType
        LINK_CARD: ContextInfo.ForwardedNewsletterMessageInfo.ContentType
        NEWSLETTER_JID_FIELD_NUMBER: _ClassVar[int]
        SERVER_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
        NEWSLETTER_NAME_FIELD_NUMBER: _ClassVar[int]
        CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
        ACCESSIBILITY_TEXT_FIELD_NUMBER: _ClassVar[int]
        newsletter_jid: str
        server_message_id: int
        newsletter_name: str
        content_type: ContextInfo.ForwardedNewsletterMessageInfo.ContentType
        accessibility_text: str
        def __init__(self, newsletter_jid: _Optional[str] = ..., server_message_id: _Optional[int] = ..., newsletter_name: _Optional[str] = ..., content_type: _Optional[_Union[ContextInfo.ForwardedNewsletterMessageInfo.ContentType, str]] = ..., accessibility_text: _Optional[str] = ...) -> None: ...
    class BusinessMessageForwardInfo(_message.Message):
        __slots__ = ("business_owner_jid",)
        BUSINESS_OWNER_JID_FIELD_NUMBER: _ClassVar[int]
        business_owner_jid: str
        def __init__(self, business_owner_jid: _Optional[str] = ...) -> None: ...
    class FeatureEligibilities(_message.Message):
        __slots__ = ("cannot_be_reacted_to", "cannot_be_ranked", "can_request_feedback", "can_be_reshared", "can_receive_multi_react")
        CANNOT_BE_REACTED_TO_FIELD_NUMBER: _ClassVar[int]
        CANNOT_BE_RANKED_FIELD_NUMBER: _ClassVar[int]
        CAN_REQUEST_FEEDBACK_FIELD_NUMBER: _ClassVar[int]
        CAN_BE_RESHARED_FIELD_NUMBER: _ClassVar[int]
        CAN_RECEIVE_MULTI_REACT_FIELD_NUMBER: _ClassVar[int]
        cannot_be_reacted_to: bool
        cannot_be_ranked: bool
        can_request_feedback: bool
        can_be_reshared: bool
        can_receive_multi_react: bool
        def __init__(self, cannot_be_reacted_to: _Optional[bool] = ..., cannot_be_ranked: _Optional[bool] = ..., can_request_feedback: _Optional[bool] = ..., can_be_reshared: _Optional[bool] = ..., can_receive_multi_react: _Optional[bool] = ...) -> None: ...
    class AdReplyInfo(_message.Message):
        __slots__ = ("advertiser_name", "media_type", "jpeg_thumbnail", "caption")
        class MediaType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            NONE: _ClassVar[ContextInfo.AdReplyInfo.MediaType]
            IMAGE: _ClassVar[ContextInfo.AdReplyInfo.MediaType]
            VIDEO: _ClassVar[ContextInfo.AdReplyInfo.MediaType]
        NONE: ContextInfo.AdReplyInfo.MediaType
        IMAGE: ContextInfo.AdReplyInfo.MediaType
        VIDEO: ContextInfo.AdReplyInfo.MediaType
        ADVERTISER_NAME_FIELD_NUMBER: _ClassVar[int]
        MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
        JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
        CAPTION_FIELD_NUMBER: _ClassVar[int]
        advertiser_name: str
        media_type: ContextInfo.AdReplyInfo.MediaType
        jpeg_thumbnail: bytes
        caption: str
        def __init__(self, advertiser_name: _Optional[str] = ..., media_type: _Optional[_Union[ContextInfo.AdReplyInfo.MediaType, str]] = ..., jpeg_thumbnail: _Optional[bytes] = ..., caption: _Optional[str] = ...) -> None: ...
    class ExternalAdReplyInfo(_message.Message):
        __slots__ = ("title", "body", "media_type", "thumbnail_url", "media_url", "thumbnail", "source_type", "source_id", "source_url", "contains_auto_reply", "render_larger_thumbnail", "show_ad_attribution", "ctwa_clid", "ref", "click_to_whatsapp_call", "ad_context_preview_dismissed", "source_app", "automated_greeting_message_shown", "greeting_message_body", "cta_payload", "disable_nudge", "original_image_url", "automated_greeting_message_cta_type", "wtwa_ad_format", "ad_type", "wtwa_website_url", "ad_preview_url")
        class AdType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            CTWA: _ClassVar[ContextInfo.ExternalAdReplyInfo.AdType]
            CAWC: _ClassVar[ContextInfo.ExternalAdReplyInfo.AdType]
        CTWA: ContextInfo.ExternalAdReplyInfo.AdType
        CAWC: ContextInfo.ExternalAdReplyInfo.AdType
        class MediaType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            NONE: _ClassVar[ContextInfo.ExternalAdReplyInfo.MediaType]
            IMAGE: _ClassVar[ContextInfo.ExternalAdReplyInfo.MediaType]
            VIDEO: _ClassVar[ContextInfo.ExternalAdReplyInfo.MediaType]
        NONE: ContextInfo.ExternalAdReplyInfo.MediaType
        IMAGE: ContextInfo.ExternalAdReplyInfo.MediaType
        VIDEO: ContextInfo.ExternalAdReplyInfo.MediaType
        TITLE_FIELD_NUMBER: _ClassVar[int]
        BODY_FIELD_NUMBER: _ClassVar[int]
        MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
        THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
        MEDIA_URL_FIELD_NUMBER: _ClassVar[int]
        THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
        SOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
        SOURCE_ID_FIELD_NUMBER: _ClassVar[int]
        SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
        CONTAINS_AUTO_REPLY_FIELD_NUMBER: _ClassVar[int]
        RENDER_LARGER_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
        SHOW_AD_ATTRIBUTION_FIELD_NUMBER: _ClassVar[int]
        CTWA_CLID_FIELD_NUMBER: _ClassVar[int]
        REF_FIELD_NUMBER: _ClassVar[int]
        CLICK_TO_WHATSAPP_CALL_FIELD_NUMBER: _ClassVar[int]
        AD_CONTEXT_PREVIEW_DISMISSED_FIELD_NUMBER: _ClassVar[int]
        SOURCE_APP_FIELD_NUMBER: _ClassVar[int]
        AUTOMATED_GREETING_MESSAGE_SHOWN_FIELD_NUMBER: _ClassVar[int]
        GREETING_MESSAGE_BODY_FIELD_NUMBER: _ClassVar[int]
        CTA_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
        DISABLE_NUDGE_FIELD_NUMBER: _ClassVar[int]
        ORIGINAL_IMAGE_URL_FIELD_NUMBER: _ClassVar[int]
        AUTOMATED_GREETING_MESSAGE_CTA_TYPE_FIELD_NUMBER: _ClassVar[int]
        WTWA_AD_FORMAT_FIELD_NUMBER: _ClassVar[int]
        AD_TYPE_FIELD_NUMBER: _ClassVar[int]
        WTWA_WEBSITE_URL_FIELD_NUMBER: _ClassVar[int]
        AD_PREVIEW_URL_FIELD_NUMBER: _ClassVar[int]
        title: str
        body: str
        media_type: ContextInfo.ExternalAdReplyInfo.MediaType
        thumbnail_url: str
        media_url: str
        thumbnail: bytes
        source_type: str
        source_id: str
        source_url: str
        contains_auto_reply: bool
        render_larger_thumbnail: bool
        show_ad_attribution: bool
        ctwa_clid: str
        ref: str
        click_to_whatsapp_call: bool
        ad_context_preview_dismissed: bool
        source_app: str
        automated_greeting_message_shown: bool
        greeting_message_body: str
        cta_payload: str
        disable_nudge: bool
        original_image_url: str
        automated_greeting_message_cta_type: str
        wtwa_ad_format: bool
        ad_type: ContextInfo.ExternalAdReplyInfo.AdType
        wtwa_website_url: str
        ad_preview_url: str
        def __init__(self, title: _Optional[str] = ..., body: _Optional[str] = ..., media_type: _Optional[_Union[ContextInfo.ExternalAdReplyInfo.MediaType, str]] = ..., thumbnail_url: _Optional[str] = ..., media_url: _Optional[str] = ..., thumbnail: _Optional[bytes] = ..., source_type: _Optional[str] = ..., source_id: _Optional[str] = ..., source_url: _Optional[str] = ..., contains_auto_reply: _Optional[bool] = ..., render_larger_thumbnail: _Optional[bool] = ..., show_ad_attribution: _Optional[bool] = ..., ctwa_clid: _Optional[str] = ..., ref: _Optional[str] = ..., click_to_whatsapp_call: _Optional[bool] = ..., ad_context_preview_dismissed: _Optional[bool] = ..., source_app: _Optional[str] = ..., automated_greeting_message_shown: _Optional[bool] = ..., greeting_message_body: _Optional[str] = ..., cta_payload: _Optional[str] = ..., disable_nudge: _Optional[bool] = ..., original_image_url: _Optional[str] = ..., automated_greeting_message_cta_type: _Optional[str] = ..., wtwa_ad_format: _Optional[bool] = ..., ad_type: _Optional[_Union[ContextInfo.ExternalAdReplyInfo.AdType, str]] = ..., wtwa_website_url: _Optional[str] = ..., ad_preview_url: _Optional[str] = ...) -> None: ...
    class UTMInfo(_message.Message):
        __slots__ = ("utm_source", "utm_campaign")
        UTM_SOURCE_FIELD_NUMBER: _ClassVar[int]
        UTM_CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
        utm_source: str
        utm_campaign: str
        def __init__(self, utm_source: _Optional[str] = ..., utm_campaign: _Optional[str] = ...) -> None: ...
    STANZA_ID_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANT_FIELD_NUMBER: _ClassVar[int]
    QUOTED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REMOTE_JID_FIELD_NUMBER: _ClassVar[int]
    MENTIONED_JID_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_SOURCE_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_DATA_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_DELAY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    FORWARDING_SCORE_FIELD_NUMBER: _ClassVar[int]
    IS_FORWARDED_FIELD_NUMBER: _ClassVar[int]
    QUOTED_AD_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_KEY_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_SETTING_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_SHARED_SECRET_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_AD_REPLY_FIELD_NUMBER: _ClassVar[int]
    ENTRY_POINT_CONVERSION_SOURCE_FIELD_NUMBER: _ClassVar[int]
    ENTRY_POINT_CONVERSION_APP_FIELD_NUMBER: _ClassVar[int]
    ENTRY_POINT_CONVERSION_DELAY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    DISAPPEARING_MODE_FIELD_NUMBER: _ClassVar[int]
    ACTION_LINK_FIELD_NUMBER: _ClassVar[int]
    GROUP_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    PARENT_GROUP_JID_FIELD_NUMBER: _ClassVar[int]
    TRUST_BANNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    TRUST_BANNER_ACTION_FIELD_NUMBER: _ClassVar[int]
    IS_SAMPLED_FIELD_NUMBER: _ClassVar[int]
    GROUP_MENTIONS_FIELD_NUMBER: _ClassVar[int]
    UTM_FIELD_NUMBER: _ClassVar[int]
    FORWARDED_NEWSLETTER_MESSAGE_INFO_FIELD_NUMBER: _ClassVar[int]
    BUSINESS_MESSAGE_FORWARD_INFO_FIELD_NUMBER: _ClassVar[int]
    SMB_CLIENT_CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    SMB_SERVER_CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    ALWAYS_SHOW_AD_ATTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    FEATURE_ELIGIBILITIES_FIELD_NUMBER: _ClassVar[int]
    ENTRY_POINT_CONVERSION_EXTERNAL_SOURCE_FIELD_NUMBER: _ClassVar[int]
    ENTRY_POINT_CONVERSION_EXTERNAL_MEDIUM_FIELD_NUMBER: _ClassVar[int]
    CTWA_SIGNALS_FIELD_NUMBER: _ClassVar[int]
    CTWA_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    STATUS_ATTRIBUTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    PAIRED_MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    RANKING_VERSION_FIELD_NUMBER: _ClassVar[int]
    MEMBER_LABEL_FIELD_NUMBER: _ClassVar[int]
    IS_QUESTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_SOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    IS_GROUP_STATUS_FIELD_NUMBER: _ClassVar[int]
    FORWARD_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    NON_JID_MENTIONS_FIELD_NUMBER: _ClassVar[int]
    QUOTED_TYPE_FIELD_NUMBER: _ClassVar[int]
    stanza_id: str
    participant: str
    quoted_message: Message
    remote_jid: str
    mentioned_jid: _containers.RepeatedScalarFieldContainer[str]
    conversion_source: str
    conversion_data: bytes
    conversion_delay_seconds: int
    forwarding_score: int
    is_forwarded: bool
    quoted_ad: ContextInfo.AdReplyInfo
    placeholder_key: _common_pb2.MessageKey
    expiration: int
    ephemeral_setting_timestamp: int
    ephemeral_shared_secret: bytes
    external_ad_reply: ContextInfo.ExternalAdReplyInfo
    entry_point_conversion_source: str
    entry_point_conversion_app: str
    entry_point_conversion_delay_seconds: int
    disappearing_mode: DisappearingMode
    action_link: ActionLink
    group_subject: str
    parent_group_jid: str
    trust_banner_type: str
    trust_banner_action: int
    is_sampled: bool
    group_mentions: _containers.RepeatedCompositeFieldContainer[GroupMention]
    utm: ContextInfo.UTMInfo
    forwarded_newsletter_message_info: ContextInfo.ForwardedNewsletterMessageInfo
    business_message_forward_info: ContextInfo.BusinessMessageForwardInfo
    smb_client_campaign_id: str
    smb_server_campaign_id: str
    always_show_ad_attribution: bool
    feature_eligibilities: ContextInfo.FeatureEligibilities
    entry_point_conversion_external_source: str
    entry_point_conversion_external_medium: str
    ctwa_signals: str
    ctwa_payload: bytes
    status_attribution_type: ContextInfo.StatusAttributionType
    paired_media_type: ContextInfo.PairedMediaType
    ranking_version: int
    member_label: MemberLabel
    is_question: bool
    status_source_type: ContextInfo.StatusSourceType
    is_group_status: bool
    forward_origin: ContextInfo.ForwardOrigin
    non_jid_mentions: int
    quoted_type: ContextInfo.QuotedType
    def __init__(self, stanza_id: _Optional[str] = ..., participant: _Optional[str] = ..., quoted_message: _Optional[_Union[Message, _Mapping]] = ..., remote_jid: _Optional[str] = ..., mentioned_jid: _Optional[_Iterable[str]] = ..., conversion_source: _Optional[str] = ..., conversion_data: _Optional[bytes] = ..., conversion_delay_seconds: _Optional[int] = ..., forwarding_score: _Optional[int] = ..., is_forwarded: _Optional[bool] = ..., quoted_ad: _Optional[_Union[ContextInfo.AdReplyInfo, _Mapping]] = ..., placeholder_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., expiration: _Optional[int] = ..., ephemeral_setting_timestamp: _Optional[int] = ..., ephemeral_shared_secret: _Optional[bytes] = ..., external_ad_reply: _Optional[_Union[ContextInfo.ExternalAdReplyInfo, _Mapping]] = ..., entry_point_conversion_source: _Optional[str] = ..., entry_point_conversion_app: _Optional[str] = ..., entry_point_conversion_delay_seconds: _Optional[int] = ..., disappearing_mode: _Optional[_Union[DisappearingMode, _Mapping]] = ..., action_link: _Optional[_Union[ActionLink, _Mapping]] = ..., group_subject: _Optional[str] = ..., parent_group_jid: _Optional[str] = ..., trust_banner_type: _Optional[str] = ..., trust_banner_action: _Optional[int] = ..., is_sampled: _Optional[bool] = ..., group_mentions: _Optional[_Iterable[_Union[GroupMention, _Mapping]]] = ..., utm: _Optional[_Union[ContextInfo.UTMInfo, _Mapping]] = ..., forwarded_newsletter_message_info: _Optional[_Union[ContextInfo.ForwardedNewsletterMessageInfo, _Mapping]] = ..., business_message_forward_info: _Optional[_Union[ContextInfo.BusinessMessageForwardInfo, _Mapping]] = ..., smb_client_campaign_id: _Optional[str] = ..., smb_server_campaign_id: _Optional[str] = ..., always_show_ad_attribution: _Optional[bool] = ..., feature_eligibilities: _Optional[_Union[ContextInfo.FeatureEligibilities, _Mapping]] = ..., entry_point_conversion_external_source: _Optional[str] = ..., entry_point_conversion_external_medium: _Optional[str] = ..., ctwa_signals: _Optional[str] = ..., ctwa_payload: _Optional[bytes] = ..., status_attribution_type: _Optional[_Union[ContextInfo.StatusAttributionType, str]] = ..., paired_media_type: _Optional[_Union[ContextInfo.PairedMediaType, str]] = ..., ranking_version: _Optional[int] = ..., member_label: _Optional[_Union[MemberLabel, _Mapping]] = ..., is_question: _Optional[bool] = ..., status_source_type: _Optional[_Union[ContextInfo.StatusSourceType, str]] = ..., is_group_status: _Optional[bool] = ..., forward_origin: _Optional[_Union[ContextInfo.ForwardOrigin, str]] = ..., non_jid_mentions: _Optional[int] = ..., quoted_type: _Optional[_Union[ContextInfo.QuotedType, str]] = ...) -> None: ...

class ActionLink(_message.Message):
    __slots__ = ("url", "button_title")
    URL_FIELD_NUMBER: _ClassVar[int]
    BUTTON_TITLE_FIELD_NUMBER: _ClassVar[int]
    url: str
    button_title: str
    def __init__(self, url: _Optional[str] = ..., button_title: _Optional[str] = ...) -> None: ...

class GroupMention(_message.Message):
    __slots__ = ("group_jid", "group_subject")
    GROUP_JID_FIELD_NUMBER: _ClassVar[int]
    GROUP_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    group_jid: str
    group_subject: str
    def __init__(self, group_jid: _Optional[str] = ..., group_subject: _Optional[str] = ...) -> None: ...

class MemberLabel(_message.Message):
    __slots__ = ("label", "label_timestamp")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    LABEL_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    label: str
    label_timestamp: int
    def __init__(self, label: _Optional[str] = ..., label_timestamp: _Optional[int] = ...) -> None: ...

class DisappearingMode(_message.Message):
    __slots__ = ("initiator", "trigger", "initiator_device_jid", "initiated_by_me")
    class Initiator(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CHANGED_IN_CHAT: _ClassVar[DisappearingMode.Initiator]
        INITIATED_BY_ME: _ClassVar[DisappearingMode.Initiator]
        INITIATED_BY_OTHER: _ClassVar[DisappearingMode.Initiator]
        BIZ_UPGRADE_FB_HOSTING: _ClassVar[DisappearingMode.Initiator]
    CHANGED_IN_CHAT: DisappearingMode.Initiator
    INITIATED_BY_ME: DisappearingMode.Initiator
    INITIATED_BY_OTHER: DisappearingMode.Initiator
    BIZ_UPGRADE_FB_HOSTING: DisappearingMode.Initiator
    class Trigger(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[DisappearingMode.Trigger]
        CHAT_SETTING: _ClassVar[DisappearingMode.Trigger]
        ACCOUNT_SETTING: _ClassVar[DisappearingMode.Trigger]
        BULK_CHANGE: _ClassVar[DisappearingMode.Trigger]
        BIZ_SUPPORTS_FB_HOSTING: _ClassVar[DisappearingMode.Trigger]
        UNKNOWN_GROUPS: _ClassVar[DisappearingMode.Trigger]
    UNKNOWN: DisappearingMode.Trigger
    CHAT_SETTING: DisappearingMode.Trigger
    ACCOUNT_SETTING: DisappearingMode.Trigger
    BULK_CHANGE: DisappearingMode.Trigger
    BIZ_SUPPORTS_FB_HOSTING: DisappearingMode.Trigger
    UNKNOWN_GROUPS: DisappearingMode.Trigger
    INITIATOR_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    INITIATOR_DEVICE_JID_FIELD_NUMBER: _ClassVar[int]
    INITIATED_BY_ME_FIELD_NUMBER: _ClassVar[int]
    initiator: DisappearingMode.Initiator
    trigger: DisappearingMode.Trigger
    initiator_device_jid: str
    initiated_by_me: bool
    def __init__(self, initiator: _Optional[_Union[DisappearingMode.Initiator, str]] = ..., trigger: _Optional[_Union[DisappearingMode.Trigger, str]] = ..., initiator_device_jid: _Optional[str] = ..., initiated_by_me: _Optional[bool] = ...) -> None: ...

class MessageContextInfo(_message.Message):
    __slots__ = ("device_list_metadata", "device_list_metadata_version", "message_secret", "padding_bytes", "message_add_on_duration_in_secs", "bot_message_secret", "reporting_token_version", "message_add_on_expiry_type", "capi_created_group", "support_payload")
    class MessageAddonExpiryType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        STATIC: _ClassVar[MessageContextInfo.MessageAddonExpiryType]
        DEPENDENT_ON_PARENT: _ClassVar[MessageContextInfo.MessageAddonExpiryType]
    STATIC: MessageContextInfo.MessageAddonExpiryType
    DEPENDENT_ON_PARENT: MessageContextInfo.MessageAddonExpiryType
    DEVICE_LIST_METADATA_FIELD_NUMBER: _ClassVar[int]
    DEVICE_LIST_METADATA_VERSION_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_SECRET_FIELD_NUMBER: _ClassVar[int]
    PADDING_BYTES_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ADD_ON_DURATION_IN_SECS_FIELD_NUMBER: _ClassVar[int]
    BOT_MESSAGE_SECRET_FIELD_NUMBER: _ClassVar[int]
    REPORTING_TOKEN_VERSION_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ADD_ON_EXPIRY_TYPE_FIELD_NUMBER: _ClassVar[int]
    CAPI_CREATED_GROUP_FIELD_NUMBER: _ClassVar[int]
    SUPPORT_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    device_list_metadata: DeviceListMetadata
    device_list_metadata_version: int
    message_secret: bytes
    padding_bytes: bytes
    message_add_on_duration_in_secs: int
    bot_message_secret: bytes
    reporting_token_version: int
    message_add_on_expiry_type: MessageContextInfo.MessageAddonExpiryType
    capi_created_group: bool
    support_payload: str
    def __init__(self, device_list_metadata: _Optional[_Union[DeviceListMetadata, _Mapping]] = ..., device_list_metadata_version: _Optional[int] = ..., message_secret: _Optional[bytes] = ..., padding_bytes: _Optional[bytes] = ..., message_add_on_duration_in_secs: _Optional[int] = ..., bot_message_secret: _Optional[bytes] = ..., reporting_token_version: _Optional[int] = ..., message_add_on_expiry_type: _Optional[_Union[MessageContextInfo.MessageAddonExpiryType, str]] = ..., capi_created_group: _Optional[bool] = ..., support_payload: _Optional[str] = ...) -> None: ...

class DeviceListMetadata(_message.Message):
    __slots__ = ("sender_key_hash", "sender_timestamp", "sender_key_indexes", "sender_account_type", "receiver_account_type", "recipient_key_hash", "recipient_timestamp", "recipient_key_indexes")
    SENDER_KEY_HASH_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    SENDER_KEY_INDEXES_FIELD_NUMBER: _ClassVar[int]
    SENDER_ACCOUNT_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECEIVER_ACCOUNT_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_KEY_HASH_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_KEY_INDEXES_FIELD_NUMBER: _ClassVar[int]
    sender_key_hash: bytes
    sender_timestamp: int
    sender_key_indexes: _containers.RepeatedScalarFieldContainer[int]
    sender_account_type: _adv_pb2.ADVEncryptionType
    receiver_account_type: _adv_pb2.ADVEncryptionType
    recipient_key_hash: bytes
    recipient_timestamp: int
    recipient_key_indexes: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, sender_key_hash: _Optional[bytes] = ..., sender_timestamp: _Optional[int] = ..., sender_key_indexes: _Optional[_Iterable[int]] = ..., sender_account_type: _Optional[_Union[_adv_pb2.ADVEncryptionType, str]] = ..., receiver_account_type: _Optional[_Union[_adv_pb2.ADVEncryptionType, str]] = ..., recipient_key_hash: _Optional[bytes] = ..., recipient_timestamp: _Optional[int] = ..., recipient_key_indexes: _Optional[_Iterable[int]] = ...) -> None: ...

class ExtendedTextMessage(_message.Message):
    __slots__ = ("text", "matched_text", "description", "title", "text_argb", "background_argb", "font", "preview_type", "jpeg_thumbnail", "context_info", "do_not_play_inline", "thumbnail_direct_path", "thumbnail_sha256", "thumbnail_enc_sha256", "media_key", "media_key_timestamp", "thumbnail_height", "thumbnail_width", "invite_link_group_type", "invite_link_parent_group_subject_v2", "invite_link_parent_group_thumbnail_v2", "invite_link_group_type_v2", "view_once", "video_height", "video_width", "favicon_mms_metadata", "link_preview_metadata", "payment_link_metadata", "end_card_tiles", "video_content_url", "music_metadata", "payment_extended_metadata")
    class FontType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SYSTEM: _ClassVar[ExtendedTextMessage.FontType]
        SYSTEM_TEXT: _ClassVar[ExtendedTextMessage.FontType]
        FB_SCRIPT: _ClassVar[ExtendedTextMessage.FontType]
        SYSTEM_BOLD: _ClassVar[ExtendedTextMessage.FontType]
        MORNINGBREEZE_REGULAR: _ClassVar[ExtendedTextMessage.FontType]
        CALISTOGA_REGULAR: _ClassVar[ExtendedTextMessage.FontType]
        EXO2_EXTRABOLD: _ClassVar[ExtendedTextMessage.FontType]
        COURIERPRIME_BOLD: _ClassVar[ExtendedTextMessage.FontType]
    SYSTEM: ExtendedTextMessage.FontType
    SYSTEM_TEXT: ExtendedTextMessage.FontType
    FB_SCRIPT: ExtendedTextMessage.FontType
    SYSTEM_BOLD: ExtendedTextMessage.FontType
    MORNINGBREEZE_REGULAR: ExtendedTextMessage.FontType
    CALISTOGA_REGULAR: ExtendedTextMessage.FontType
    EXO2_EXTRABOLD: ExtendedTextMessage.FontType
    COURIERPRIME_BOLD: ExtendedTextMessage.FontType
    class PreviewType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[ExtendedTextMessage.PreviewType]
        VIDEO: _ClassVar[ExtendedTextMessage.PreviewType]
        PLACEHOLDER: _ClassVar[ExtendedTextMessage.PreviewType]
        IMAGE: _ClassVar[ExtendedTextMessage.PreviewType]
        PAYMENT_LINKS: _ClassVar[ExtendedTextMessage.PreviewType]
        PROFILE: _ClassVar[ExtendedTextMessage.PreviewType]
    NONE: ExtendedTextMessage.PreviewType
    VIDEO: ExtendedTextMessage.PreviewType
    PLACEHOLDER: ExtendedTextMessage.PreviewType
    IMAGE: ExtendedTextMessage.PreviewType
    PAYMENT_LINKS: ExtendedTextMessage.PreviewType
    PROFILE: ExtendedTextMessage.PreviewType
    class InviteLinkGroupType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        DEFAULT: _ClassVar[ExtendedTextMessage.InviteLinkGroupType]
        PARENT: _ClassVar[ExtendedTextMessage.InviteLinkGroupType]
        SUB: _ClassVar[ExtendedTextMessage.InviteLinkGroupType]
        DEFAULT_SUB: _ClassVar[ExtendedTextMessage.InviteLinkGroupType]
    DEFAULT: ExtendedTextMessage.InviteLinkGroupType
    PARENT: ExtendedTextMessage.InviteLinkGroupType
    SUB: ExtendedTextMessage.InviteLinkGroupType
    DEFAULT_SUB: ExtendedTextMessage.InviteLinkGroupType
    TEXT_FIELD_NUMBER: _ClassVar[int]
    MATCHED_TEXT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_ARGB_FIELD_NUMBER: _ClassVar[int]
    BACKGROUND_ARGB_FIELD_NUMBER: _ClassVar[int]
    FONT_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_TYPE_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    DO_NOT_PLAY_INLINE_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_SHA256_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_WIDTH_FIELD_NUMBER: _ClassVar[int]
    INVITE_LINK_GROUP_TYPE_FIELD_NUMBER: _ClassVar[int]
    INVITE_LINK_PARENT_GROUP_SUBJECT_V2_FIELD_NUMBER: _ClassVar[int]
    INVITE_LINK_PARENT_GROUP_THUMBNAIL_V2_FIELD_NUMBER: _ClassVar[int]
    INVITE_LINK_GROUP_TYPE_V2_FIELD_NUMBER: _ClassVar[int]
    VIEW_ONCE_FIELD_NUMBER: _ClassVar[int]
    VIDEO_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    VIDEO_WIDTH_FIELD_NUMBER: _ClassVar[int]
    FAVICON_MMS_METADATA_FIELD_NUMBER: _ClassVar[int]
    LINK_PREVIEW_METADATA_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_LINK_METADATA_FIELD_NUMBER: _ClassVar[int]
    END_CARD_TILES_FIELD_NUMBER: _ClassVar[int]
    VIDEO_CONTENT_URL_FIELD_NUMBER: _ClassVar[int]
    MUSIC_METADATA_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_EXTENDED_METADATA_FIELD_NUMBER: _ClassVar[int]
    text: str
    matched_text: str
    description: str
    title: str
    text_argb: int
    background_argb: int
    font: ExtendedTextMessage.FontType
    preview_type: ExtendedTextMessage.PreviewType
    jpeg_thumbnail: bytes
    context_info: ContextInfo
    do_not_play_inline: bool
    thumbnail_direct_path: str
    thumbnail_sha256: bytes
    thumbnail_enc_sha256: bytes
    media_key: bytes
    media_key_timestamp: int
    thumbnail_height: int
    thumbnail_width: int
    invite_link_group_type: ExtendedTextMessage.InviteLinkGroupType
    invite_link_parent_group_subject_v2: str
    invite_link_parent_group_thumbnail_v2: bytes
    invite_link_group_type_v2: ExtendedTextMessage.InviteLinkGroupType
    view_once: bool
    video_height: int
    video_width: int
    favicon_mms_metadata: MMSThumbnailMetadata
    link_preview_metadata: LinkPreviewMetadata
    payment_link_metadata: PaymentLinkMetadata
    end_card_tiles: _containers.RepeatedCompositeFieldContainer[VideoEndCard]
    video_content_url: str
    music_metadata: EmbeddedMusic
    payment_extended_metadata: PaymentExtendedMetadata
    def __init__(self, text: _Optional[str] = ..., matched_text: _Optional[str] = ..., description: _Optional[str] = ..., title: _Optional[str] = ..., text_argb: _Optional[int] = ..., background_argb: _Optional[int] = ..., font: _Optional[_Union[ExtendedTextMessage.FontType, str]] = ..., preview_type: _Optional[_Union[ExtendedTextMessage.PreviewType, str]] = ..., jpeg_thumbnail: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., do_not_play_inline: _Optional[bool] = ..., thumbnail_direct_path: _Optional[str] = ..., thumbnail_sha256: _Optional[bytes] = ..., thumbnail_enc_sha256: _Optional[bytes] = ..., media_key: _Optional[bytes] = ..., media_key_timestamp: _Optional[int] = ..., thumbnail_height: _Optional[int] = ..., thumbnail_width: _Optional[int] = ..., invite_link_group_type: _Optional[_Union[ExtendedTextMessage.InviteLinkGroupType, str]] = ..., invite_link_parent_group_subject_v2: _Optional[str] = ..., invite_link_parent_group_thumbnail_v2: _Optional[bytes] = ..., invite_link_group_type_v2: _Optional[_Union[ExtendedTextMessage.InviteLinkGroupType, str]] = ..., view_once: _Optional[bool] = ..., video_height: _Optional[int] = ..., video_width: _Optional[int] = ..., favicon_mms_metadata: _Optional[_Union[MMSThumbnailMetadata, _Mapping]] = ..., link_preview_metadata: _Optional[_Union[LinkPreviewMetadata, _Mapping]] = ..., payment_link_metadata: _Optional[_Union[PaymentLinkMetadata, _Mapping]] = ..., end_card_tiles: _Optional[_Iterable[_Union[VideoEndCard, _Mapping]]] = ..., video_content_url: _Optional[str] = ..., music_metadata: _Optional[_Union[EmbeddedMusic, _Mapping]] = ..., payment_extended_metadata: _Optional[_Union[PaymentExtendedMetadata, _Mapping]] = ...) -> None: ...

class ImageMessage(_message.Message):
    __slots__ = ("url", "mimetype", "caption", "file_sha256", "file_length", "height", "width", "media_key", "file_enc_sha256", "direct_path", "media_key_timestamp", "jpeg_thumbnail", "context_info", "first_scan_sidecar", "first_scan_length", "experiment_group_id", "scans_sidecar", "scan_lengths", "mid_quality_file_sha256", "mid_quality_file_enc_sha256", "view_once", "thumbnail_direct_path", "thumbnail_sha256", "thumbnail_enc_sha256", "static_url", "image_source_type", "accessibility_label", "media_key_domain", "qr_url")
    class ImageSourceType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        USER_IMAGE: _ClassVar[ImageMessage.ImageSourceType]
        AI_GENERATED: _ClassVar[ImageMessage.ImageSourceType]
        AI_MODIFIED: _ClassVar[ImageMessage.ImageSourceType]
        RASTERIZED_TEXT_STATUS: _ClassVar[ImageMessage.ImageSourceType]
    USER_IMAGE: ImageMessage.ImageSourceType
    AI_GENERATED: ImageMessage.ImageSourceType
    AI_MODIFIED: ImageMessage.ImageSourceType
    RASTERIZED_TEXT_STATUS: ImageMessage.ImageSourceType
    URL_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    FIRST_SCAN_SIDECAR_FIELD_NUMBER: _ClassVar[int]
    FIRST_SCAN_LENGTH_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENT_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SCANS_SIDECAR_FIELD_NUMBER: _ClassVar[int]
    SCAN_LENGTHS_FIELD_NUMBER: _ClassVar[int]
    MID_QUALITY_FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    MID_QUALITY_FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    VIEW_ONCE_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_SHA256_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    STATIC_URL_FIELD_NUMBER: _ClassVar[int]
    IMAGE_SOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    ACCESSIBILITY_LABEL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    QR_URL_FIELD_NUMBER: _ClassVar[int]
    url: str
    mimetype: str
    caption: str
    file_sha256: bytes
    file_length: int
    height: int
    width: int
    media_key: bytes
    file_enc_sha256: bytes
    direct_path: str
    media_key_timestamp: int
    jpeg_thumbnail: bytes
    context_info: ContextInfo
    first_scan_sidecar: bytes
    first_scan_length: int
    experiment_group_id: int
    scans_sidecar: bytes
    scan_lengths: _containers.RepeatedScalarFieldContainer[int]
    mid_quality_file_sha256: bytes
    mid_quality_file_enc_sha256: bytes
    view_once: bool
    thumbnail_direct_path: str
    thumbnail_sha256: bytes
    thumbnail_enc_sha256: bytes
    static_url: str
    image_source_type: ImageMessage.ImageSourceType
    accessibility_label: str
    media_key_domain: Message.MediaKeyDomain
    qr_url: str
    def __init__(self, url: _Optional[str] = ..., mimetype: _Optional[str] = ..., caption: _Optional[str] = ..., file_sha256: _Optional[bytes] = ..., file_length: _Optional[int] = ..., height: _Optional[int] = ..., width: _Optional[int] = ..., media_key: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., direct_path: _Optional[str] = ..., media_key_timestamp: _Optional[int] = ..., jpeg_thumbnail: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., first_scan_sidecar: _Optional[bytes] = ..., first_scan_length: _Optional[int] = ..., experiment_group_id: _Optional[int] = ..., scans_sidecar: _Optional[bytes] = ..., scan_lengths: _Optional[_Iterable[int]] = ..., mid_quality_file_sha256: _Optional[bytes] = ..., mid_quality_file_enc_sha256: _Optional[bytes] = ..., view_once: _Optional[bool] = ..., thumbnail_direct_path: _Optional[str] = ..., thumbnail_sha256: _Optional[bytes] = ..., thumbnail_enc_sha256: _Optional[bytes] = ..., static_url: _Optional[str] = ..., image_source_type: _Optional[_Union[ImageMessage.ImageSourceType, str]] = ..., accessibility_label: _Optional[str] = ..., media_key_domain: _Optional[_Union[Message.MediaKeyDomain, str]] = ..., qr_url: _Optional[str] = ...) -> None: ...

class VideoMessage(_message.Message):
    __slots__ = ("url", "mimetype", "file_sha256", "file_length", "seconds", "media_key", "caption", "gif_playback", "height", "width", "file_enc_sha256", "direct_path", "media_key_timestamp", "jpeg_thumbnail", "context_info", "streaming_sidecar", "gif_attribution", "view_once", "thumbnail_direct_path", "thumbnail_sha256", "thumbnail_enc_sha256", "static_url", "accessibility_label", "external_share_full_video_duration_in_seconds", "motion_photo_presentation_offset_ms", "metadata_url", "video_source_type", "media_key_domain")
    class Attribution(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[VideoMessage.Attribution]
        GIPHY: _ClassVar[VideoMessage.Attribution]
        TENOR: _ClassVar[VideoMessage.Attribution]
        KLIPY: _ClassVar[VideoMessage.Attribution]
    NONE: VideoMessage.Attribution
    GIPHY: VideoMessage.Attribution
    TENOR: VideoMessage.Attribution
    KLIPY: VideoMessage.Attribution
    class VideoSourceType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        USER_VIDEO: _ClassVar[VideoMessage.VideoSourceType]
        AI_GENERATED: _ClassVar[VideoMessage.VideoSourceType]
    USER_VIDEO: VideoMessage.VideoSourceType
    AI_GENERATED: VideoMessage.VideoSourceType
    URL_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    GIF_PLAYBACK_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    STREAMING_SIDECAR_FIELD_NUMBER: _ClassVar[int]
    GIF_ATTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    VIEW_ONCE_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_SHA256_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    STATIC_URL_FIELD_NUMBER: _ClassVar[int]
    ACCESSIBILITY_LABEL_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_SHARE_FULL_VIDEO_DURATION_IN_SECONDS_FIELD_NUMBER: _ClassVar[int]
    MOTION_PHOTO_PRESENTATION_OFFSET_MS_FIELD_NUMBER: _ClassVar[int]
    METADATA_URL_FIELD_NUMBER: _ClassVar[int]
    VIDEO_SOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    url: str
    mimetype: str
    file_sha256: bytes
    file_length: int
    seconds: int
    media_key: bytes
    caption: str
    gif_playback: bool
    height: int
    width: int
    file_enc_sha256: bytes
    direct_path: str
    media_key_timestamp: int
    jpeg_thumbnail: bytes
    context_info: ContextInfo
    streaming_sidecar: bytes
    gif_attribution: VideoMessage.Attribution
    view_once: bool
    thumbnail_direct_path: str
    thumbnail_sha256: bytes
    thumbnail_enc_sha256: bytes
    static_url: str
    accessibility_label: str
    external_share_full_video_duration_in_seconds: int
    motion_photo_presentation_offset_ms: int
    metadata_url: str
    video_source_type: VideoMessage.VideoSourceType
    media_key_domain: Message.MediaKeyDomain
    def __init__(self, url: _Optional[str] = ..., mimetype: _Optional[str] = ..., file_sha256: _Optional[bytes] = ..., file_length: _Optional[int] = ..., seconds: _Optional[int] = ..., media_key: _Optional[bytes] = ..., caption: _Optional[str] = ..., gif_playback: _Optional[bool] = ..., height: _Optional[int] = ..., width: _Optional[int] = ..., file_enc_sha256: _Optional[bytes] = ..., direct_path: _Optional[str] = ..., media_key_timestamp: _Optional[int] = ..., jpeg_thumbnail: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., streaming_sidecar: _Optional[bytes] = ..., gif_attribution: _Optional[_Union[VideoMessage.Attribution, str]] = ..., view_once: _Optional[bool] = ..., thumbnail_direct_path: _Optional[str] = ..., thumbnail_sha256: _Optional[bytes] = ..., thumbnail_enc_sha256: _Optional[bytes] = ..., static_url: _Optional[str] = ..., accessibility_label: _Optional[str] = ..., external_share_full_video_duration_in_seconds: _Optional[int] = ..., motion_photo_presentation_offset_ms: _Optional[int] = ..., metadata_url: _Optional[str] = ..., video_source_type: _Optional[_Union[VideoMessage.VideoSourceType, str]] = ..., media_key_domain: _Optional[_Union[Message.MediaKeyDomain, str]] = ...) -> None: ...

class AudioMessage(_message.Message):
    __slots__ = ("url", "mimetype", "file_sha256", "file_length", "seconds", "ptt", "media_key", "file_enc_sha256", "direct_path", "media_key_timestamp", "context_info", "streaming_sidecar", "waveform", "background_argb", "view_once", "accessibility_label", "media_key_domain")
    URL_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    PTT_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    STREAMING_SIDECAR_FIELD_NUMBER: _ClassVar[int]
    WAVEFORM_FIELD_NUMBER: _ClassVar[int]
    BACKGROUND_ARGB_FIELD_NUMBER: _ClassVar[int]
    VIEW_ONCE_FIELD_NUMBER: _ClassVar[int]
    ACCESSIBILITY_LABEL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    url: str
    mimetype: str
    file_sha256: bytes
    file_length: int
    seconds: int
    ptt: bool
    media_key: bytes
    file_enc_sha256: bytes
    direct_path: str
    media_key_timestamp: int
    context_info: ContextInfo
    streaming_sidecar: bytes
    waveform: bytes
    background_argb: int
    view_once: bool
    accessibility_label: str
    media_key_domain: Message.MediaKeyDomain
    def __init__(self, url: _Optional[str] = ..., mimetype: _Optional[str] = ..., file_sha256: _Optional[bytes] = ..., file_length: _Optional[int] = ..., seconds: _Optional[int] = ..., ptt: _Optional[bool] = ..., media_key: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., direct_path: _Optional[str] = ..., media_key_timestamp: _Optional[int] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., streaming_sidecar: _Optional[bytes] = ..., waveform: _Optional[bytes] = ..., background_argb: _Optional[int] = ..., view_once: _Optional[bool] = ..., accessibility_label: _Optional[str] = ..., media_key_domain: _Optional[_Union[Message.MediaKeyDomain, str]] = ...) -> None: ...

class DocumentMessage(_message.Message):
    __slots__ = ("url", "mimetype", "title", "file_sha256", "file_length", "page_count", "media_key", "file_name", "file_enc_sha256", "direct_path", "media_key_timestamp", "contact_vcard", "thumbnail_direct_path", "thumbnail_sha256", "thumbnail_enc_sha256", "jpeg_thumbnail", "context_info", "thumbnail_height", "thumbnail_width", "caption", "accessibility_label", "media_key_domain")
    URL_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    PAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    CONTACT_VCARD_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_SHA256_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_WIDTH_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    ACCESSIBILITY_LABEL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    url: str
    mimetype: str
    title: str
    file_sha256: bytes
    file_length: int
    page_count: int
    media_key: bytes
    file_name: str
    file_enc_sha256: bytes
    direct_path: str
    media_key_timestamp: int
    contact_vcard: bool
    thumbnail_direct_path: str
    thumbnail_sha256: bytes
    thumbnail_enc_sha256: bytes
    jpeg_thumbnail: bytes
    context_info: ContextInfo
    thumbnail_height: int
    thumbnail_width: int
    caption: str
    accessibility_label: str
    media_key_domain: Message.MediaKeyDomain
    def __init__(self, url: _Optional[str] = ..., mimetype: _Optional[str] = ..., title: _Optional[str] = ..., file_sha256: _Optional[bytes] = ..., file_length: _Optional[int] = ..., page_count: _Optional[int] = ..., media_key: _Optional[bytes] = ..., file_name: _Optional[str] = ..., file_enc_sha256: _Optional[bytes] = ..., direct_path: _Optional[str] = ..., media_key_timestamp: _Optional[int] = ..., contact_vcard: _Optional[bool] = ..., thumbnail_direct_path: _Optional[str] = ..., thumbnail_sha256: _Optional[bytes] = ..., thumbnail_enc_sha256: _Optional[bytes] = ..., jpeg_thumbnail: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., thumbnail_height: _Optional[int] = ..., thumbnail_width: _Optional[int] = ..., caption: _Optional[str] = ..., accessibility_label: _Optional[str] = ..., media_key_domain: _Optional[_Union[Message.MediaKeyDomain, str]] = ...) -> None: ...

class StickerMessage(_message.Message):
    __slots__ = ("url", "file_sha256", "file_enc_sha256", "media_key", "mimetype", "height", "width", "direct_path", "file_length", "media_key_timestamp", "first_frame_length", "first_frame_sidecar", "is_animated", "png_thumbnail", "context_info", "sticker_sent_ts", "is_avatar", "is_ai_sticker", "is_lottie", "accessibility_label", "media_key_domain")
    URL_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    FIRST_FRAME_LENGTH_FIELD_NUMBER: _ClassVar[int]
    FIRST_FRAME_SIDECAR_FIELD_NUMBER: _ClassVar[int]
    IS_ANIMATED_FIELD_NUMBER: _ClassVar[int]
    PNG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    STICKER_SENT_TS_FIELD_NUMBER: _ClassVar[int]
    IS_AVATAR_FIELD_NUMBER: _ClassVar[int]
    IS_AI_STICKER_FIELD_NUMBER: _ClassVar[int]
    IS_LOTTIE_FIELD_NUMBER: _ClassVar[int]
    ACCESSIBILITY_LABEL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    url: str
    file_sha256: bytes
    file_enc_sha256: bytes
    media_key: bytes
    mimetype: str
    height: int
    width: int
    direct_path: str
    file_length: int
    media_key_timestamp: int
    first_frame_length: int
    first_frame_sidecar: bytes
    is_animated: bool
    png_thumbnail: bytes
    context_info: ContextInfo
    sticker_sent_ts: int
    is_avatar: bool
    is_ai_sticker: bool
    is_lottie: bool
    accessibility_label: str
    media_key_domain: Message.MediaKeyDomain
    def __init__(self, url: _Optional[str] = ..., file_sha256: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., media_key: _Optional[bytes] = ..., mimetype: _Optional[str] = ..., height: _Optional[int] = ..., width: _Optional[int] = ..., direct_path: _Optional[str] = ..., file_length: _Optional[int] = ..., media_key_timestamp: _Optional[int] = ..., first_frame_length: _Optional[int] = ..., first_frame_sidecar: _Optional[bytes] = ..., is_animated: _Optional[bool] = ..., png_thumbnail: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., sticker_sent_ts: _Optional[int] = ..., is_avatar: _Optional[bool] = ..., is_ai_sticker: _Optional[bool] = ..., is_lottie: _Optional[bool] = ..., accessibility_label: _Optional[str] = ..., media_key_domain: _Optional[_Union[Message.MediaKeyDomain, str]] = ...) -> None: ...

class AlbumMessage(_message.Message):
    __slots__ = ("expected_image_count", "expected_video_count", "context_info")
    EXPECTED_IMAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VIDEO_COUNT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    expected_image_count: int
    expected_video_count: int
    context_info: ContextInfo
    def __init__(self, expected_image_count: _Optional[int] = ..., expected_video_count: _Optional[int] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class ContactMessage(_message.Message):
    __slots__ = ("display_name", "vcard", "context_info")
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    VCARD_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    vcard: str
    context_info: ContextInfo
    def __init__(self, display_name: _Optional[str] = ..., vcard: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class ContactsArrayMessage(_message.Message):
    __slots__ = ("display_name", "contacts", "context_info")
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    contacts: _containers.RepeatedCompositeFieldContainer[ContactMessage]
    context_info: ContextInfo
    def __init__(self, display_name: _Optional[str] = ..., contacts: _Optional[_Iterable[_Union[ContactMessage, _Mapping]]] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class LocationMessage(_message.Message):
    __slots__ = ("degrees_latitude", "degrees_longitude", "name", "address", "url", "is_live", "accuracy_in_meters", "speed_in_mps", "degrees_clockwise_from_magnetic_north", "comment", "jpeg_thumbnail", "context_info")
    DEGREES_LATITUDE_FIELD_NUMBER: _ClassVar[int]
    DEGREES_LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    IS_LIVE_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_IN_METERS_FIELD_NUMBER: _ClassVar[int]
    SPEED_IN_MPS_FIELD_NUMBER: _ClassVar[int]
    DEGREES_CLOCKWISE_FROM_MAGNETIC_NORTH_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    degrees_latitude: float
    degrees_longitude: float
    name: str
    address: str
    url: str
    is_live: bool
    accuracy_in_meters: int
    speed_in_mps: float
    degrees_clockwise_from_magnetic_north: int
    comment: str
    jpeg_thumbnail: bytes
    context_info: ContextInfo
    def __init__(self, degrees_latitude: _Optional[float] = ..., degrees_longitude: _Optional[float] = ..., name: _Optional[str] = ..., address: _Optional[str] = ..., url: _Optional[str] = ..., is_live: _Optional[bool] = ..., accuracy_in_meters: _Optional[int] = ..., speed_in_mps: _Optional[float] = ..., degrees_clockwise_from_magnetic_north: _Optional[int] = ..., comment: _Optional[str] = ..., jpeg_thumbnail: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class LiveLocationMessage(_message.Message):
    __slots__ = ("degrees_latitude", "degrees_longitude", "accuracy_in_meters", "speed_in_mps", "degrees_clockwise_from_magnetic_north", "caption", "sequence_number", "time_offset", "jpeg_thumbnail", "context_info")
    DEGREES_LATITUDE_FIELD_NUMBER: _ClassVar[int]
    DEGREES_LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_IN_METERS_FIELD_NUMBER: _ClassVar[int]
    SPEED_IN_MPS_FIELD_NUMBER: _ClassVar[int]
    DEGREES_CLOCKWISE_FROM_MAGNETIC_NORTH_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TIME_OFFSET_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    degrees_latitude: float
    degrees_longitude: float
    accuracy_in_meters: int
    speed_in_mps: float
    degrees_clockwise_from_magnetic_north: int
    caption: str
    sequence_number: int
    time_offset: int
    jpeg_thumbnail: bytes
    context_info: ContextInfo
    def __init__(self, degrees_latitude: _Optional[float] = ..., degrees_longitude: _Optional[float] = ..., accuracy_in_meters: _Optional[int] = ..., speed_in_mps: _Optional[float] = ..., degrees_clockwise_from_magnetic_north: _Optional[int] = ..., caption: _Optional[str] = ..., sequence_number: _Optional[int] = ..., time_offset: _Optional[int] = ..., jpeg_thumbnail: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class GroupInviteMessage(_message.Message):
    __slots__ = ("group_jid", "invite_code", "invite_expiration", "group_name", "jpeg_thumbnail", "caption", "context_info", "group_type")
    class GroupType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        DEFAULT: _ClassVar[GroupInviteMessage.GroupType]
        PARENT: _ClassVar[GroupInviteMessage.GroupType]
    DEFAULT: GroupInviteMessage.GroupType
    PARENT: GroupInviteMessage.GroupType
    GROUP_JID_FIELD_NUMBER: _ClassVar[int]
    INVITE_CODE_FIELD_NUMBER: _ClassVar[int]
    INVITE_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    GROUP_TYPE_FIELD_NUMBER: _ClassVar[int]
    group_jid: str
    invite_code: str
    invite_expiration: int
    group_name: str
    jpeg_thumbnail: bytes
    caption: str
    context_info: ContextInfo
    group_type: GroupInviteMessage.GroupType
    def __init__(self, group_jid: _Optional[str] = ..., invite_code: _Optional[str] = ..., invite_expiration: _Optional[int] = ..., group_name: _Optional[str] = ..., jpeg_thumbnail: _Optional[bytes] = ..., caption: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., group_type: _Optional[_Union[GroupInviteMessage.GroupType, str]] = ...) -> None: ...

class Call(_message.Message):
    __slots__ = ("call_key", "conversion_source", "conversion_data", "conversion_delay_seconds", "ctwa_signals", "ctwa_payload", "context_info", "native_flow_call_button_payload", "deeplink_payload")
    CALL_KEY_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_SOURCE_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_DATA_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_DELAY_SECONDS_FIELD_NUMBER: _ClassVar[int]
    CTWA_SIGNALS_FIELD_NUMBER: _ClassVar[int]
    CTWA_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    NATIVE_FLOW_CALL_BUTTON_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    DEEPLINK_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    call_key: bytes
    conversion_source: str
    conversion_data: bytes
    conversion_delay_seconds: int
    ctwa_signals: str
    ctwa_payload: bytes
    context_info: ContextInfo
    native_flow_call_button_payload: str
    deeplink_payload: str
    def __init__(self, call_key: _Optional[bytes] = ..., conversion_source: _Optional[str] = ..., conversion_data: _Optional[bytes] = ..., conversion_delay_seconds: _Optional[int] = ..., ctwa_signals: _Optional[str] = ..., ctwa_payload: _Optional[bytes] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., native_flow_call_button_payload: _Optional[str] = ..., deeplink_payload: _Optional[str] = ...) -> None: ...

class Chat(_message.Message):
    __slots__ = ("display_name", "id")
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    id: str
    def __init__(self, display_name: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class RequestPhoneNumberMessage(_message.Message):
    __slots__ = ("context_info",)
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    context_info: ContextInfo
    def __init__(self, context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class EventMessage(_message.Message):
    __slots__ = ("context_info", "is_canceled", "name", "description", "location", "join_link", "start_time", "end_time", "extra_guests_allowed", "is_schedule_call", "has_reminder", "reminder_offset_sec")
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    IS_CANCELED_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    JOIN_LINK_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    EXTRA_GUESTS_ALLOWED_FIELD_NUMBER: _ClassVar[int]
    IS_SCHEDULE_CALL_FIELD_NUMBER: _ClassVar[int]
    HAS_REMINDER_FIELD_NUMBER: _ClassVar[int]
    REMINDER_OFFSET_SEC_FIELD_NUMBER: _ClassVar[int]
    context_info: ContextInfo
    is_canceled: bool
    name: str
    description: str
    location: LocationMessage
    join_link: str
    start_time: int
    end_time: int
    extra_guests_allowed: bool
    is_schedule_call: bool
    has_reminder: bool
    reminder_offset_sec: int
    def __init__(self, context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., is_canceled: _Optional[bool] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., location: _Optional[_Union[LocationMessage, _Mapping]] = ..., join_link: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., extra_guests_allowed: _Optional[bool] = ..., is_schedule_call: _Optional[bool] = ..., has_reminder: _Optional[bool] = ..., reminder_offset_sec: _Optional[int] = ...) -> None: ...

class EventResponseMessage(_message.Message):
    __slots__ = ("response", "timestamp_ms", "extra_guest_count")
    class EventResponseType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[EventResponseMessage.EventResponseType]
        GOING: _ClassVar[EventResponseMessage.EventResponseType]
        NOT_GOING: _ClassVar[EventResponseMessage.EventResponseType]
        MAYBE: _ClassVar[EventResponseMessage.EventResponseType]
    UNKNOWN: EventResponseMessage.EventResponseType
    GOING: EventResponseMessage.EventResponseType
    NOT_GOING: EventResponseMessage.EventResponseType
    MAYBE: EventResponseMessage.EventResponseType
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    EXTRA_GUEST_COUNT_FIELD_NUMBER: _ClassVar[int]
    response: EventResponseMessage.EventResponseType
    timestamp_ms: int
    extra_guest_count: int
    def __init__(self, response: _Optional[_Union[EventResponseMessage.EventResponseType, str]] = ..., timestamp_ms: _Optional[int] = ..., extra_guest_count: _Optional[int] = ...) -> None: ...

class PlaceholderMessage(_message.Message):
    __slots__ = ("type",)
    class PlaceholderType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        MASK_LINKED_DEVICES: _ClassVar[PlaceholderMessage.PlaceholderType]
    MASK_LINKED_DEVICES: PlaceholderMessage.PlaceholderType
    TYPE_FIELD_NUMBER: _ClassVar[int]
    type: PlaceholderMessage.PlaceholderType
    def __init__(self, type: _Optional[_Union[PlaceholderMessage.PlaceholderType, str]] = ...) -> None: ...

class ReactionMessage(_message.Message):
    __slots__ = ("key", "text", "grouping_key", "sender_timestamp_ms")
    KEY_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    GROUPING_KEY_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    text: str
    grouping_key: str
    sender_timestamp_ms: int
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., text: _Optional[str] = ..., grouping_key: _Optional[str] = ..., sender_timestamp_ms: _Optional[int] = ...) -> None: ...

class EncReactionMessage(_message.Message):
    __slots__ = ("target_message_key", "enc_payload", "enc_iv")
    TARGET_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    ENC_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    ENC_IV_FIELD_NUMBER: _ClassVar[int]
    target_message_key: _common_pb2.MessageKey
    enc_payload: bytes
    enc_iv: bytes
    def __init__(self, target_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., enc_payload: _Optional[bytes] = ..., enc_iv: _Optional[bytes] = ...) -> None: ...

class PinInChatMessage(_message.Message):
    __slots__ = ("key", "type", "sender_timestamp_ms")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN_TYPE: _ClassVar[PinInChatMessage.Type]
        PIN_FOR_ALL: _ClassVar[PinInChatMessage.Type]
        UNPIN_FOR_ALL: _ClassVar[PinInChatMessage.Type]
    UNKNOWN_TYPE: PinInChatMessage.Type
    PIN_FOR_ALL: PinInChatMessage.Type
    UNPIN_FOR_ALL: PinInChatMessage.Type
    KEY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    type: PinInChatMessage.Type
    sender_timestamp_ms: int
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., type: _Optional[_Union[PinInChatMessage.Type, str]] = ..., sender_timestamp_ms: _Optional[int] = ...) -> None: ...

class KeepInChatMessage(_message.Message):
    __slots__ = ("key", "keep_type", "timestamp_ms")
    KEY_FIELD_NUMBER: _ClassVar[int]
    KEEP_TYPE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    keep_type: KeepType
    timestamp_ms: int
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., keep_type: _Optional[_Union[KeepType, str]] = ..., timestamp_ms: _Optional[int] = ...) -> None: ...

class PollCreationMessage(_message.Message):
    __slots__ = ("enc_key", "name", "options", "selectable_options_count", "context_info", "poll_content_type", "poll_type", "correct_answer")
    class Option(_message.Message):
        __slots__ = ("option_name", "option_hash")
        OPTION_NAME_FIELD_NUMBER: _ClassVar[int]
        OPTION_HASH_FIELD_NUMBER: _ClassVar[int]
        option_name: str
        option_hash: str
        def __init__(self, option_name: _Optional[str] = ..., option_hash: _Optional[str] = ...) -> None: ...
    ENC_KEY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    SELECTABLE_OPTIONS_COUNT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    POLL_CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    POLL_TYPE_FIELD_NUMBER: _ClassVar[int]
    CORRECT_ANSWER_FIELD_NUMBER: _ClassVar[int]
    enc_key: bytes
    name: str
    options: _containers.RepeatedCompositeFieldContainer[PollCreationMessage.Option]
    selectable_options_count: int
    context_info: ContextInfo
    poll_content_type: Message.PollContentType
    poll_type: Message.PollType
    correct_answer: PollCreationMessage.Option
    def __init__(self, enc_key: _Optional[bytes] = ..., name: _Optional[str] = ..., options: _Optional[_Iterable[_Union[PollCreationMessage.Option, _Mapping]]] = ..., selectable_options_count: _Optional[int] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., poll_content_type: _Optional[_Union[Message.PollContentType, str]] = ..., poll_type: _Optional[_Union[Message.PollType, str]] = ..., correct_answer: _Optional[_Union[PollCreationMessage.Option, _Mapping]] = ...) -> None: ...

class PollUpdateMessage(_message.Message):
    __slots__ = ("poll_creation_message_key", "vote", "metadata", "sender_timestamp_ms")
    POLL_CREATION_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    VOTE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    poll_creation_message_key: _common_pb2.MessageKey
    vote: PollEncValue
    metadata: PollUpdateMessageMetadata
    sender_timestamp_ms: int
    def __init__(self, poll_creation_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., vote: _Optional[_Union[PollEncValue, _Mapping]] = ..., metadata: _Optional[_Union[PollUpdateMessageMetadata, _Mapping]] = ..., sender_timestamp_ms: _Optional[int] = ...) -> None: ...

class PollUpdateMessageMetadata(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PollEncValue(_message.Message):
    __slots__ = ("enc_payload", "enc_iv")
    ENC_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    ENC_IV_FIELD_NUMBER: _ClassVar[int]
    enc_payload: bytes
    enc_iv: bytes
    def __init__(self, enc_payload: _Optional[bytes] = ..., enc_iv: _Optional[bytes] = ...) -> None: ...

class PollVoteMessage(_message.Message):
    __slots__ = ("selected_options",)
    SELECTED_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    selected_options: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, selected_options: _Optional[_Iterable[bytes]] = ...) -> None: ...

class ButtonsMessage(_message.Message):
    __slots__ = ("text", "document_message", "image_message", "video_message", "location_message", "content_text", "footer_text", "context_info", "buttons", "header_type")
    class HeaderType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[ButtonsMessage.HeaderType]
        EMPTY: _ClassVar[ButtonsMessage.HeaderType]
        TEXT: _ClassVar[ButtonsMessage.HeaderType]
        DOCUMENT: _ClassVar[ButtonsMessage.HeaderType]
        IMAGE: _ClassVar[ButtonsMessage.HeaderType]
        VIDEO: _ClassVar[ButtonsMessage.HeaderType]
        LOCATION: _ClassVar[ButtonsMessage.HeaderType]
    UNKNOWN: ButtonsMessage.HeaderType
    EMPTY: ButtonsMessage.HeaderType
    TEXT: ButtonsMessage.HeaderType
    DOCUMENT: ButtonsMessage.HeaderType
    IMAGE: ButtonsMessage.HeaderType
    VIDEO: ButtonsMessage.HeaderType
    LOCATION: ButtonsMessage.HeaderType
    class Button(_message.Message):
        __slots__ = ("button_id", "button_text", "type", "native_flow_info")
        class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            UNKNOWN: _ClassVar[ButtonsMessage.Button.Type]
            RESPONSE: _ClassVar[ButtonsMessage.Button.Type]
            NATIVE_FLOW: _ClassVar[ButtonsMessage.Button.Type]
        UNKNOWN: ButtonsMessage.Button.Type
        RESPONSE: ButtonsMessage.Button.Type
        NATIVE_FLOW: ButtonsMessage.Button.Type
        class ButtonText(_message.Message):
            __slots__ = ("display_text",)
            DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
            display_text: str
            def __init__(self, display_text: _Optional[str] = ...) -> None: ...
        class NativeFlowInfo(_message.Message):
            __slots__ = ("name", "params_json")
            NAME_FIELD_NUMBER: _ClassVar[int]
            PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
            name: str
            params_json: str
            def __init__(self, name: _Optional[str] = ..., params_json: _Optional[str] = ...) -> None: ...
        BUTTON_ID_FIELD_NUMBER: _ClassVar[int]
        BUTTON_TEXT_FIELD_NUMBER: _ClassVar[int]
        TYPE_FIELD_NUMBER: _ClassVar[int]
        NATIVE_FLOW_INFO_FIELD_NUMBER: _ClassVar[int]
        button_id: str
        button_text: ButtonsMessage.Button.ButtonText
        type: ButtonsMessage.Button.Type
        native_flow_info: ButtonsMessage.Button.NativeFlowInfo
        def __init__(self, button_id: _Optional[str] = ..., button_text: _Optional[_Union[ButtonsMessage.Button.ButtonText, _Mapping]] = ..., type: _Optional[_Union[ButtonsMessage.Button.Type, str]] = ..., native_flow_info: _Optional[_Union[ButtonsMessage.Button.NativeFlowInfo, _Mapping]] = ...) -> None: ...
    TEXT_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    VIDEO_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TEXT_FIELD_NUMBER: _ClassVar[int]
    FOOTER_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    BUTTONS_FIELD_NUMBER: _ClassVar[int]
    HEADER_TYPE_FIELD_NUMBER: _ClassVar[int]
    text: str
    document_message: DocumentMessage
    image_message: ImageMessage
    video_message: VideoMessage
    location_message: LocationMessage
    content_text: str
    footer_text: str
    context_info: ContextInfo
    buttons: _containers.RepeatedCompositeFieldContainer[ButtonsMessage.Button]
    header_type: ButtonsMessage.HeaderType
    def __init__(self, text: _Optional[str] = ..., document_message: _Optional[_Union[DocumentMessage, _Mapping]] = ..., image_message: _Optional[_Union[ImageMessage, _Mapping]] = ..., video_message: _Optional[_Union[VideoMessage, _Mapping]] = ..., location_message: _Optional[_Union[LocationMessage, _Mapping]] = ..., content_text: _Optional[str] = ..., footer_text: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., buttons: _Optional[_Iterable[_Union[ButtonsMessage.Button, _Mapping]]] = ..., header_type: _Optional[_Union[ButtonsMessage.HeaderType, str]] = ...) -> None: ...

class ButtonsResponseMessage(_message.Message):
    __slots__ = ("selected_button_id", "selected_display_text", "context_info", "type")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[ButtonsResponseMessage.Type]
        DISPLAY_TEXT: _ClassVar[ButtonsResponseMessage.Type]
    UNKNOWN: ButtonsResponseMessage.Type
    DISPLAY_TEXT: ButtonsResponseMessage.Type
    SELECTED_BUTTON_ID_FIELD_NUMBER: _ClassVar[int]
    SELECTED_DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    selected_button_id: str
    selected_display_text: str
    context_info: ContextInfo
    type: ButtonsResponseMessage.Type
    def __init__(self, selected_button_id: _Optional[str] = ..., selected_display_text: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., type: _Optional[_Union[ButtonsResponseMessage.Type, str]] = ...) -> None: ...

class ListResponseMessage(_message.Message):
    __slots__ = ("title", "list_type", "single_select_reply", "context_info", "description")
    class ListType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[ListResponseMessage.ListType]
        SINGLE_SELECT: _ClassVar[ListResponseMessage.ListType]
    UNKNOWN: ListResponseMessage.ListType
    SINGLE_SELECT: ListResponseMessage.ListType
    class SingleSelectReply(_message.Message):
        __slots__ = ("selected_row_id",)
        SELECTED_ROW_ID_FIELD_NUMBER: _ClassVar[int]
        selected_row_id: str
        def __init__(self, selected_row_id: _Optional[str] = ...) -> None: ...
    TITLE_FIELD_NUMBER: _ClassVar[int]
    LIST_TYPE_FIELD_NUMBER: _ClassVar[int]
    SINGLE_SELECT_REPLY_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    title: str
    list_type: ListResponseMessage.ListType
    single_select_reply: ListResponseMessage.SingleSelectReply
    context_info: ContextInfo
    description: str
    def __init__(self, title: _Optional[str] = ..., list_type: _Optional[_Union[ListResponseMessage.ListType, str]] = ..., single_select_reply: _Optional[_Union[ListResponseMessage.SingleSelectReply, _Mapping]] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., description: _Optional[str] = ...) -> None: ...

class TemplateButtonReplyMessage(_message.Message):
    __slots__ = ("selected_id", "selected_display_text", "context_info", "selected_index", "selected_carousel_card_index")
    SELECTED_ID_FIELD_NUMBER: _ClassVar[int]
    SELECTED_DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    SELECTED_INDEX_FIELD_NUMBER: _ClassVar[int]
    SELECTED_CAROUSEL_CARD_INDEX_FIELD_NUMBER: _ClassVar[int]
    selected_id: str
    selected_display_text: str
    context_info: ContextInfo
    selected_index: int
    selected_carousel_card_index: int
    def __init__(self, selected_id: _Optional[str] = ..., selected_display_text: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., selected_index: _Optional[int] = ..., selected_carousel_card_index: _Optional[int] = ...) -> None: ...

class LinkPreviewMetadata(_message.Message):
    __slots__ = ("payment_link_metadata", "url_metadata", "fb_experiment_id", "link_media_duration", "social_media_post_type", "link_inline_video_muted", "video_content_url", "music_metadata", "video_content_caption")
    class SocialMediaPostType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NONE: _ClassVar[LinkPreviewMetadata.SocialMediaPostType]
        REEL: _ClassVar[LinkPreviewMetadata.SocialMediaPostType]
        LIVE_VIDEO: _ClassVar[LinkPreviewMetadata.SocialMediaPostType]
        LONG_VIDEO: _ClassVar[LinkPreviewMetadata.SocialMediaPostType]
        SINGLE_IMAGE: _ClassVar[LinkPreviewMetadata.SocialMediaPostType]
        CAROUSEL: _ClassVar[LinkPreviewMetadata.SocialMediaPostType]
    NONE: LinkPreviewMetadata.SocialMediaPostType
    REEL: LinkPreviewMetadata.SocialMediaPostType
    LIVE_VIDEO: LinkPreviewMetadata.SocialMediaPostType
    LONG_VIDEO: LinkPreviewMetadata.SocialMediaPostType
    SINGLE_IMAGE: LinkPreviewMetadata.SocialMediaPostType
    CAROUSEL: LinkPreviewMetadata.SocialMediaPostType
    PAYMENT_LINK_METADATA_FIELD_NUMBER: _ClassVar[int]
    URL_METADATA_FIELD_NUMBER: _ClassVar[int]
    FB_EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    LINK_MEDIA_DURATION_FIELD_NUMBER: _ClassVar[int]
    SOCIAL_MEDIA_POST_TYPE_FIELD_NUMBER: _ClassVar[int]
    LINK_INLINE_VIDEO_MUTED_FIELD_NUMBER: _ClassVar[int]
    VIDEO_CONTENT_URL_FIELD_NUMBER: _ClassVar[int]
    MUSIC_METADATA_FIELD_NUMBER: _ClassVar[int]
    VIDEO_CONTENT_CAPTION_FIELD_NUMBER: _ClassVar[int]
    payment_link_metadata: PaymentLinkMetadata
    url_metadata: URLMetadata
    fb_experiment_id: int
    link_media_duration: int
    social_media_post_type: LinkPreviewMetadata.SocialMediaPostType
    link_inline_video_muted: bool
    video_content_url: str
    music_metadata: EmbeddedMusic
    video_content_caption: str
    def __init__(self, payment_link_metadata: _Optional[_Union[PaymentLinkMetadata, _Mapping]] = ..., url_metadata: _Optional[_Union[URLMetadata, _Mapping]] = ..., fb_experiment_id: _Optional[int] = ..., link_media_duration: _Optional[int] = ..., social_media_post_type: _Optional[_Union[LinkPreviewMetadata.SocialMediaPostType, str]] = ..., link_inline_video_muted: _Optional[bool] = ..., video_content_url: _Optional[str] = ..., music_metadata: _Optional[_Union[EmbeddedMusic, _Mapping]] = ..., video_content_caption: _Optional[str] = ...) -> None: ...

class URLMetadata(_message.Message):
    __slots__ = ("fb_experiment_id",)
    FB_EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    fb_experiment_id: int
    def __init__(self, fb_experiment_id: _Optional[int] = ...) -> None: ...

class MMSThumbnailMetadata(_message.Message):
    __slots__ = ("thumbnail_direct_path", "thumbnail_sha256", "thumbnail_enc_sha256", "media_key", "media_key_timestamp", "thumbnail_height", "thumbnail_width", "media_key_domain")
    THUMBNAIL_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_SHA256_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_WIDTH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    thumbnail_direct_path: str
    thumbnail_sha256: bytes
    thumbnail_enc_sha256: bytes
    media_key: bytes
    media_key_timestamp: int
    thumbnail_height: int
    thumbnail_width: int
    media_key_domain: Message.MediaKeyDomain
    def __init__(self, thumbnail_direct_path: _Optional[str] = ..., thumbnail_sha256: _Optional[bytes] = ..., thumbnail_enc_sha256: _Optional[bytes] = ..., media_key: _Optional[bytes] = ..., media_key_timestamp: _Optional[int] = ..., thumbnail_height: _Optional[int] = ..., thumbnail_width: _Optional[int] = ..., media_key_domain: _Optional[_Union[Message.MediaKeyDomain, str]] = ...) -> None: ...

class PaymentLinkMetadata(_message.Message):
    __slots__ = ("button", "header", "provider")
    class PaymentLinkButton(_message.Message):
        __slots__ = ("display_text",)
        DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
        display_text: str
        def __init__(self, display_text: _Optional[str] = ...) -> None: ...
    class PaymentLinkHeader(_message.Message):
        __slots__ = ("header_type",)
        class PaymentLinkHeaderType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            LINK_PREVIEW: _ClassVar[PaymentLinkMetadata.PaymentLinkHeader.PaymentLinkHeaderType]
            ORDER: _ClassVar[PaymentLinkMetadata.PaymentLinkHeader.PaymentLinkHeaderType]
        LINK_PREVIEW: PaymentLinkMetadata.PaymentLinkHeader.PaymentLinkHeaderType
        ORDER: PaymentLinkMetadata.PaymentLinkHeader.PaymentLinkHeaderType
        HEADER_TYPE_FIELD_NUMBER: _ClassVar[int]
        header_type: PaymentLinkMetadata.PaymentLinkHeader.PaymentLinkHeaderType
        def __init__(self, header_type: _Optional[_Union[PaymentLinkMetadata.PaymentLinkHeader.PaymentLinkHeaderType, str]] = ...) -> None: ...
    class PaymentLinkProvider(_message.Message):
        __slots__ = ("params_json",)
        PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
        params_json: str
        def __init__(self, params_json: _Optional[str] = ...) -> None: ...
    BUTTON_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    button: PaymentLinkMetadata.PaymentLinkButton
    header: PaymentLinkMetadata.PaymentLinkHeader
    provider: PaymentLinkMetadata.PaymentLinkProvider
    def __init__(self, button: _Optional[_Union[PaymentLinkMetadata.PaymentLinkButton, _Mapping]] = ..., header: _Optional[_Union[PaymentLinkMetadata.PaymentLinkHeader, _Mapping]] = ..., provider: _Optional[_Union[PaymentLinkMetadata.PaymentLinkProvider, _Mapping]] = ...) -> None: ...

class PaymentExtendedMetadata(_message.Message):
    __slots__ = ("type", "platform", "message_params_json")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
    type: int
    platform: str
    message_params_json: str
    def __init__(self, type: _Optional[int] = ..., platform: _Optional[str] = ..., message_params_json: _Optional[str] = ...) -> None: ...

class VideoEndCard(_message.Message):
    __slots__ = ("username", "caption", "thumbnail_image_url", "profile_picture_url")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_IMAGE_URL_FIELD_NUMBER: _ClassVar[int]
    PROFILE_PICTURE_URL_FIELD_NUMBER: _ClassVar[int]
    username: str
    caption: str
    thumbnail_image_url: str
    profile_picture_url: str
    def __init__(self, username: _Optional[str] = ..., caption: _Optional[str] = ..., thumbnail_image_url: _Optional[str] = ..., profile_picture_url: _Optional[str] = ...) -> None: ...

class EmbeddedMusic(_message.Message):
    __slots__ = ("music_content_media_id", "song_id", "author", "title", "artwork_direct_path", "artwork_sha256", "artwork_enc_sha256", "artist_attribution", "country_blocklist", "is_explicit", "artwork_media_key", "music_song_start_time_in_ms", "derived_content_start_time_in_ms", "overlap_duration_in_ms")
    MUSIC_CONTENT_MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    SONG_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTWORK_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    ARTWORK_SHA256_FIELD_NUMBER: _ClassVar[int]
    ARTWORK_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    ARTIST_ATTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_BLOCKLIST_FIELD_NUMBER: _ClassVar[int]
    IS_EXPLICIT_FIELD_NUMBER: _ClassVar[int]
    ARTWORK_MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    MUSIC_SONG_START_TIME_IN_MS_FIELD_NUMBER: _ClassVar[int]
    DERIVED_CONTENT_START_TIME_IN_MS_FIELD_NUMBER: _ClassVar[int]
    OVERLAP_DURATION_IN_MS_FIELD_NUMBER: _ClassVar[int]
    music_content_media_id: str
    song_id: str
    author: str
    title: str
    artwork_direct_path: str
    artwork_sha256: bytes
    artwork_enc_sha256: bytes
    artist_attribution: str
    country_blocklist: bytes
    is_explicit: bool
    artwork_media_key: bytes
    music_song_start_time_in_ms: int
    derived_content_start_time_in_ms: int
    overlap_duration_in_ms: int
    def __init__(self, music_content_media_id: _Optional[str] = ..., song_id: _Optional[str] = ..., author: _Optional[str] = ..., title: _Optional[str] = ..., artwork_direct_path: _Optional[str] = ..., artwork_sha256: _Optional[bytes] = ..., artwork_enc_sha256: _Optional[bytes] = ..., artist_attribution: _Optional[str] = ..., country_blocklist: _Optional[bytes] = ..., is_explicit: _Optional[bool] = ..., artwork_media_key: _Optional[bytes] = ..., music_song_start_time_in_ms: _Optional[int] = ..., derived_content_start_time_in_ms: _Optional[int] = ..., overlap_duration_in_ms: _Optional[int] = ...) -> None: ...

class ListMessage(_message.Message):
    __slots__ = ("title", "description", "button_text", "list_type", "sections", "product_list_info", "footer_text", "context_info")
    class ListType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[ListMessage.ListType]
        SINGLE_SELECT: _ClassVar[ListMessage.ListType]
        PRODUCT_LIST: _ClassVar[ListMessage.ListType]
    UNKNOWN: ListMessage.ListType
    SINGLE_SELECT: ListMessage.ListType
    PRODUCT_LIST: ListMessage.ListType
    class Product(_message.Message):
        __slots__ = ("product_id",)
        PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
        product_id: str
        def __init__(self, product_id: _Optional[str] = ...) -> None: ...
    class ProductListHeaderImage(_message.Message):
        __slots__ = ("product_id", "jpeg_thumbnail")
        PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
        JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
        product_id: str
        jpeg_thumbnail: bytes
        def __init__(self, product_id: _Optional[str] = ..., jpeg_thumbnail: _Optional[bytes] = ...) -> None: ...
    class ProductListInfo(_message.Message):
        __slots__ = ("product_sections", "header_image", "business_owner_jid")
        PRODUCT_SECTIONS_FIELD_NUMBER: _ClassVar[int]
        HEADER_IMAGE_FIELD_NUMBER: _ClassVar[int]
        BUSINESS_OWNER_JID_FIELD_NUMBER: _ClassVar[int]
        product_sections: _containers.RepeatedCompositeFieldContainer[ListMessage.ProductSection]
        header_image: ListMessage.ProductListHeaderImage
        business_owner_jid: str
        def __init__(self, product_sections: _Optional[_Iterable[_Union[ListMessage.ProductSection, _Mapping]]] = ..., header_image: _Optional[_Union[ListMessage.ProductListHeaderImage, _Mapping]] = ..., business_owner_jid: _Optional[str] = ...) -> None: ...
    class ProductSection(_message.Message):
        __slots__ = ("title", "products")
        TITLE_FIELD_NUMBER: _ClassVar[int]
        PRODUCTS_FIELD_NUMBER: _ClassVar[int]
        title: str
        products: _containers.RepeatedCompositeFieldContainer[ListMessage.Product]
        def __init__(self, title: _Optional[str] = ..., products: _Optional[_Iterable[_Union[ListMessage.Product, _Mapping]]] = ...) -> None: ...
    class Row(_message.Message):
        __slots__ = ("title", "description", "row_id")
        TITLE_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        ROW_ID_FIELD_NUMBER: _ClassVar[int]
        title: str
        description: str
        row_id: str
        def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., row_id: _Optional[str] = ...) -> None: ...
    class Section(_message.Message):
        __slots__ = ("title", "rows")
        TITLE_FIELD_NUMBER: _ClassVar[int]
        ROWS_FIELD_NUMBER: _ClassVar[int]
        title: str
        rows: _containers.RepeatedCompositeFieldContainer[ListMessage.Row]
        def __init__(self, title: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[ListMessage.Row, _Mapping]]] = ...) -> None: ...
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    BUTTON_TEXT_FIELD_NUMBER: _ClassVar[int]
    LIST_TYPE_FIELD_NUMBER: _ClassVar[int]
    SECTIONS_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_LIST_INFO_FIELD_NUMBER: _ClassVar[int]
    FOOTER_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    button_text: str
    list_type: ListMessage.ListType
    sections: _containers.RepeatedCompositeFieldContainer[ListMessage.Section]
    product_list_info: ListMessage.ProductListInfo
    footer_text: str
    context_info: ContextInfo
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., button_text: _Optional[str] = ..., list_type: _Optional[_Union[ListMessage.ListType, str]] = ..., sections: _Optional[_Iterable[_Union[ListMessage.Section, _Mapping]]] = ..., product_list_info: _Optional[_Union[ListMessage.ProductListInfo, _Mapping]] = ..., footer_text: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class InteractiveMessage(_message.Message):
    __slots__ = ("header", "body", "footer", "context_info", "url_tracking_map", "shop_storefront_message", "collection_message", "native_flow_message", "carousel_message")
    class Body(_message.Message):
        __slots__ = ("text",)
        TEXT_FIELD_NUMBER: _ClassVar[int]
        text: str
        def __init__(self, text: _Optional[str] = ...) -> None: ...
    class CarouselMessage(_message.Message):
        __slots__ = ("cards", "message_version", "carousel_card_type")
        class CarouselCardType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            UNKNOWN: _ClassVar[InteractiveMessage.CarouselMessage.CarouselCardType]
            HSCROLL_CARDS: _ClassVar[InteractiveMessage.CarouselMessage.CarouselCardType]
            ALBUM_IMAGE: _ClassVar[InteractiveMessage.CarouselMessage.CarouselCardType]
        UNKNOWN: InteractiveMessage.CarouselMessage.CarouselCardType
        HSCROLL_CARDS: InteractiveMessage.CarouselMessage.CarouselCardType
        ALBUM_IMAGE: InteractiveMessage.CarouselMessage.CarouselCardType
        CARDS_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_VERSION_FIELD_NUMBER: _ClassVar[int]
        CAROUSEL_CARD_TYPE_FIELD_NUMBER: _ClassVar[int]
        cards: _containers.RepeatedCompositeFieldContainer[InteractiveMessage]
        message_version: int
        carousel_card_type: InteractiveMessage.CarouselMessage.CarouselCardType
        def __init__(self, cards: _Optional[_Iterable[_Union[InteractiveMessage, _Mapping]]] = ..., message_version: _Optional[int] = ..., carousel_card_type: _Optional[_Union[InteractiveMessage.CarouselMessage.CarouselCardType, str]] = ...) -> None: ...
    class CollectionMessage(_message.Message):
        __slots__ = ("biz_jid", "id", "message_version")
        BIZ_JID_FIELD_NUMBER: _ClassVar[int]
        ID_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_VERSION_FIELD_NUMBER: _ClassVar[int]
        biz_jid: str
        id: str
        message_version: int
        def __init__(self, biz_jid: _Optional[str] = ..., id: _Optional[str] = ..., message_version: _Optional[int] = ...) -> None: ...
    class Footer(_message.Message):
        __slots__ = ("text", "has_media_attachment", "audio_message")
        TEXT_FIELD_NUMBER: _ClassVar[int]
        HAS_MEDIA_ATTACHMENT_FIELD_NUMBER: _ClassVar[int]
        AUDIO_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        text: str
        has_media_attachment: bool
        audio_message: AudioMessage
        def __init__(self, text: _Optional[str] = ..., has_media_attachment: _Optional[bool] = ..., audio_message: _Optional[_Union[AudioMessage, _Mapping]] = ...) -> None: ...
    class Header(_message.Message):
        __slots__ = ("title", "subtitle", "has_media_attachment", "document_message", "image_message", "jpeg_thumbnail", "video_message", "location_message", "product_message")
        TITLE_FIELD_NUMBER: _ClassVar[int]
        SUBTITLE_FIELD_NUMBER: _ClassVar[int]
        HAS_MEDIA_ATTACHMENT_FIELD_NUMBER: _ClassVar[int]
        DOCUMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        IMAGE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
        VIDEO_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        LOCATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        PRODUCT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        title: str
        subtitle: str
        has_media_attachment: bool
        document_message: DocumentMessage
        image_message: ImageMessage
        jpeg_thumbnail: bytes
        video_message: VideoMessage
        location_message: LocationMessage
        product_message: ProductMessage
        def __init__(self, title: _Optional[str] = ..., subtitle: _Optional[str] = ..., has_media_attachment: _Optional[bool] = ..., document_message: _Optional[_Union[DocumentMessage, _Mapping]] = ..., image_message: _Optional[_Union[ImageMessage, _Mapping]] = ..., jpeg_thumbnail: _Optional[bytes] = ..., video_message: _Optional[_Union[VideoMessage, _Mapping]] = ..., location_message: _Optional[_Union[LocationMessage, _Mapping]] = ..., product_message: _Optional[_Union[ProductMessage, _Mapping]] = ...) -> None: ...
    class NativeFlowMessage(_message.Message):
        __slots__ = ("buttons", "message_params_json", "message_version")
        class NativeFlowButton(_message.Message):
            __slots__ = ("name", "button_params_json")
            NAME_FIELD_NUMBER: _ClassVar[int]
            BUTTON_PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
            name: str
            button_params_json: str
            def __init__(self, name: _Optional[str] = ..., button_params_json: _Optional[str] = ...) -> None: ...
        BUTTONS_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_VERSION_FIELD_NUMBER: _ClassVar[int]
        buttons: _containers.RepeatedCompositeFieldContainer[InteractiveMessage.NativeFlowMessage.NativeFlowButton]
        message_params_json: str
        message_version: int
        def __init__(self, buttons: _Optional[_Iterable[_Union[InteractiveMessage.NativeFlowMessage.NativeFlowButton, _Mapping]]] = ..., message_params_json: _Optional[str] = ..., message_version: _Optional[int] = ...) -> None: ...
    class ShopMessage(_message.Message):
        __slots__ = ("id", "surface", "message_version")
        class Surface(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            UNKNOWN_SURFACE: _ClassVar[InteractiveMessage.ShopMessage.Surface]
            FB: _ClassVar[InteractiveMessage.ShopMessage.Surface]
            IG: _ClassVar[InteractiveMessage.ShopMessage.Surface]
            WA: _ClassVar[InteractiveMessage.ShopMessage.Surface]
        UNKNOWN_SURFACE: InteractiveMessage.ShopMessage.Surface
        FB: InteractiveMessage.ShopMessage.Surface
        IG: InteractiveMessage.ShopMessage.Surface
        WA: InteractiveMessage.ShopMessage.Surface
        ID_FIELD_NUMBER: _ClassVar[int]
        SURFACE_FIELD_NUMBER: _ClassVar[int]
        MESSAGE_VERSION_FIELD_NUMBER: _ClassVar[int]
        id: str
        surface: InteractiveMessage.ShopMessage.Surface
        message_version: int
        def __init__(self, id: _Optional[str] = ..., surface: _Optional[_Union[InteractiveMessage.ShopMessage.Surface, str]] = ..., message_version: _Optional[int] = ...) -> None: ...
    HEADER_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    FOOTER_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    URL_TRACKING_MAP_FIELD_NUMBER: _ClassVar[int]
    SHOP_STOREFRONT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    COLLECTION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    NATIVE_FLOW_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CAROUSEL_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    header: InteractiveMessage.Header
    body: InteractiveMessage.Body
    footer: InteractiveMessage.Footer
    context_info: ContextInfo
    url_tracking_map: UrlTrackingMap
    shop_storefront_message: InteractiveMessage.ShopMessage
    collection_message: InteractiveMessage.CollectionMessage
    native_flow_message: InteractiveMessage.NativeFlowMessage
    carousel_message: InteractiveMessage.CarouselMessage
    def __init__(self, header: _Optional[_Union[InteractiveMessage.Header, _Mapping]] = ..., body: _Optional[_Union[InteractiveMessage.Body, _Mapping]] = ..., footer: _Optional[_Union[InteractiveMessage.Footer, _Mapping]] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., url_tracking_map: _Optional[_Union[UrlTrackingMap, _Mapping]] = ..., shop_storefront_message: _Optional[_Union[InteractiveMessage.ShopMessage, _Mapping]] = ..., collection_message: _Optional[_Union[InteractiveMessage.CollectionMessage, _Mapping]] = ..., native_flow_message: _Optional[_Union[InteractiveMessage.NativeFlowMessage, _Mapping]] = ..., carousel_message: _Optional[_Union[InteractiveMessage.CarouselMessage, _Mapping]] = ...) -> None: ...

class InteractiveResponseMessage(_message.Message):
    __slots__ = ("body", "context_info", "native_flow_response_message")
    class Body(_message.Message):
        __slots__ = ("text", "format")
        class Format(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            DEFAULT: _ClassVar[InteractiveResponseMessage.Body.Format]
            EXTENSIONS_1: _ClassVar[InteractiveResponseMessage.Body.Format]
        DEFAULT: InteractiveResponseMessage.Body.Format
        EXTENSIONS_1: InteractiveResponseMessage.Body.Format
        TEXT_FIELD_NUMBER: _ClassVar[int]
        FORMAT_FIELD_NUMBER: _ClassVar[int]
        text: str
        format: InteractiveResponseMessage.Body.Format
        def __init__(self, text: _Optional[str] = ..., format: _Optional[_Union[InteractiveResponseMessage.Body.Format, str]] = ...) -> None: ...
    class NativeFlowResponseMessage(_message.Message):
        __slots__ = ("name", "params_json", "version")
        NAME_FIELD_NUMBER: _ClassVar[int]
        PARAMS_JSON_FIELD_NUMBER: _ClassVar[int]
        VERSION_FIELD_NUMBER: _ClassVar[int]
        name: str
        params_json: str
        version: int
        def __init__(self, name: _Optional[str] = ..., params_json: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...
    BODY_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    NATIVE_FLOW_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    body: InteractiveResponseMessage.Body
    context_info: ContextInfo
    native_flow_response_message: InteractiveResponseMessage.NativeFlowResponseMessage
    def __init__(self, body: _Optional[_Union[InteractiveResponseMessage.Body, _Mapping]] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., native_flow_response_message: _Optional[_Union[InteractiveResponseMessage.NativeFlowResponseMessage, _Mapping]] = ...) -> None: ...

class TemplateMessage(_message.Message):
    __slots__ = ("context_info", "hydrated_template", "template_id", "four_row_template", "hydrated_four_row_template", "interactive_message_template")
    class FourRowTemplate(_message.Message):
        __slots__ = ("content", "footer", "buttons", "document_message", "highly_structured_message", "image_message", "video_message", "location_message")
        CONTENT_FIELD_NUMBER: _ClassVar[int]
        FOOTER_FIELD_NUMBER: _ClassVar[int]
        BUTTONS_FIELD_NUMBER: _ClassVar[int]
        DOCUMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        HIGHLY_STRUCTURED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        IMAGE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        VIDEO_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        LOCATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        content: HighlyStructuredMessage
        footer: HighlyStructuredMessage
        buttons: _containers.RepeatedCompositeFieldContainer[TemplateButton]
        document_message: DocumentMessage
        highly_structured_message: HighlyStructuredMessage
        image_message: ImageMessage
        video_message: VideoMessage
        location_message: LocationMessage
        def __init__(self, content: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ..., footer: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ..., buttons: _Optional[_Iterable[_Union[TemplateButton, _Mapping]]] = ..., document_message: _Optional[_Union[DocumentMessage, _Mapping]] = ..., highly_structured_message: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ..., image_message: _Optional[_Union[ImageMessage, _Mapping]] = ..., video_message: _Optional[_Union[VideoMessage, _Mapping]] = ..., location_message: _Optional[_Union[LocationMessage, _Mapping]] = ...) -> None: ...
    class HydratedFourRowTemplate(_message.Message):
        __slots__ = ("hydrated_content_text", "hydrated_footer_text", "hydrated_buttons", "template_id", "mask_linked_devices", "document_message", "hydrated_title_text", "image_message", "video_message", "location_message")
        HYDRATED_CONTENT_TEXT_FIELD_NUMBER: _ClassVar[int]
        HYDRATED_FOOTER_TEXT_FIELD_NUMBER: _ClassVar[int]
        HYDRATED_BUTTONS_FIELD_NUMBER: _ClassVar[int]
        TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
        MASK_LINKED_DEVICES_FIELD_NUMBER: _ClassVar[int]
        DOCUMENT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        HYDRATED_TITLE_TEXT_FIELD_NUMBER: _ClassVar[int]
        IMAGE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        VIDEO_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        LOCATION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        hydrated_content_text: str
        hydrated_footer_text: str
        hydrated_buttons: _containers.RepeatedCompositeFieldContainer[HydratedTemplateButton]
        template_id: str
        mask_linked_devices: bool
        document_message: DocumentMessage
        hydrated_title_text: str
        image_message: ImageMessage
        video_message: VideoMessage
        location_message: LocationMessage
        def __init__(self, hydrated_content_text: _Optional[str] = ..., hydrated_footer_text: _Optional[str] = ..., hydrated_buttons: _Optional[_Iterable[_Union[HydratedTemplateButton, _Mapping]]] = ..., template_id: _Optional[str] = ..., mask_linked_devices: _Optional[bool] = ..., document_message: _Optional[_Union[DocumentMessage, _Mapping]] = ..., hydrated_title_text: _Optional[str] = ..., image_message: _Optional[_Union[ImageMessage, _Mapping]] = ..., video_message: _Optional[_Union[VideoMessage, _Mapping]] = ..., location_message: _Optional[_Union[LocationMessage, _Mapping]] = ...) -> None: ...
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    HYDRATED_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    FOUR_ROW_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    HYDRATED_FOUR_ROW_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    INTERACTIVE_MESSAGE_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    context_info: ContextInfo
    hydrated_template: TemplateMessage.HydratedFourRowTemplate
    template_id: str
    four_row_template: TemplateMessage.FourRowTemplate
    hydrated_four_row_template: TemplateMessage.HydratedFourRowTemplate
    interactive_message_template: InteractiveMessage
    def __init__(self, context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., hydrated_template: _Optional[_Union[TemplateMessage.HydratedFourRowTemplate, _Mapping]] = ..., template_id: _Optional[str] = ..., four_row_template: _Optional[_Union[TemplateMessage.FourRowTemplate, _Mapping]] = ..., hydrated_four_row_template: _Optional[_Union[TemplateMessage.HydratedFourRowTemplate, _Mapping]] = ..., interactive_message_template: _Optional[_Union[InteractiveMessage, _Mapping]] = ...) -> None: ...

class TemplateButton(_message.Message):
    __slots__ = ("index", "quick_reply_button", "url_button", "call_button")
    class CallButton(_message.Message):
        __slots__ = ("display_text", "phone_number")
        DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
        PHONE_NUMBER_FIELD_NUMBER: _ClassVar[int]
        display_text: HighlyStructuredMessage
        phone_number: HighlyStructuredMessage
        def __init__(self, display_text: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ..., phone_number: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ...) -> None: ...
    class QuickReplyButton(_message.Message):
        __slots__ = ("display_text", "id")
        DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
        ID_FIELD_NUMBER: _ClassVar[int]
        display_text: HighlyStructuredMessage
        id: str
        def __init__(self, display_text: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...
    class URLButton(_message.Message):
        __slots__ = ("display_text", "url")
        DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
        URL_FIELD_NUMBER: _ClassVar[int]
        display_text: HighlyStructuredMessage
        url: HighlyStructuredMessage
        def __init__(self, display_text: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ..., url: _Optional[_Union[HighlyStructuredMessage, _Mapping]] = ...) -> None: ...
    INDEX_FIELD_NUMBER: _ClassVar[int]
    QUICK_REPLY_BUTTON_FIELD_NUMBER: _ClassVar[int]
    URL_BUTTON_FIELD_NUMBER: _ClassVar[int]
    CALL_BUTTON_FIELD_NUMBER: _ClassVar[int]
    index: int
    quick_reply_button: TemplateButton.QuickReplyButton
    url_button: TemplateButton.URLButton
    call_button: TemplateButton.CallButton
    def __init__(self, index: _Optional[int] = ..., quick_reply_button: _Optional[_Union[TemplateButton.QuickReplyButton, _Mapping]] = ..., url_button: _Optional[_Union[TemplateButton.URLButton, _Mapping]] = ..., call_button: _Optional[_Union[TemplateButton.CallButton, _Mapping]] = ...) -> None: ...

class HydratedTemplateButton(_message.Message):
    __slots__ = ("index", "quick_reply_button", "url_button", "call_button")
    class HydratedCallButton(_message.Message):
        __slots__ = ("display_text", "phone_number")
        DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
        PHONE_NUMBER_FIELD_NUMBER: _ClassVar[int]
        display_text: str
        phone_number: str
        def __init__(self, display_text: _Optional[str] = ..., phone_number: _Optional[str] = ...) -> None: ...
    class HydratedQuickReplyButton(_message.Message):
        __slots__ = ("display_text", "id")
        DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
        ID_FIELD_NUMBER: _ClassVar[int]
        display_text: str
        id: str
        def __init__(self, display_text: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...
    class HydratedURLButton(_message.Message):
        __slots__ = ("display_text", "url", "consented_users_url", "webview_presentation")
        class WebviewPresentationType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            FULL: _ClassVar[HydratedTemplateButton.HydratedURLButton.WebviewPresentationType]
            TALL: _ClassVar[HydratedTemplateButton.HydratedURLButton.WebviewPresentationType]
            COMPACT: _ClassVar[HydratedTemplateButton.HydratedURLButton.WebviewPresentationType]
        FULL: HydratedTemplateButton.HydratedURLButton.WebviewPresentationType
        TALL: HydratedTemplateButton.HydratedURLButton.WebviewPresentationType
        COMPACT: HydratedTemplateButton.HydratedURLButton.WebviewPresentationType
        DISPLAY_TEXT_FIELD_NUMBER: _ClassVar[int]
        URL_FIELD_NUMBER: _ClassVar[int]
        CONSENTED_USERS_URL_FIELD_NUMBER: _ClassVar[int]
        WEBVIEW_PRESENTATION_FIELD_NUMBER: _ClassVar[int]
        display_text: str
        url: str
        consented_users_url: str
        webview_presentation: HydratedTemplateButton.HydratedURLButton.WebviewPresentationType
        def __init__(self, display_text: _Optional[str] = ..., url: _Optional[str] = ..., consented_users_url: _Optional[str] = ..., webview_presentation: _Optional[_Union[HydratedTemplateButton.HydratedURLButton.WebviewPresentationType, str]] = ...) -> None: ...
    INDEX_FIELD_NUMBER: _ClassVar[int]
    QUICK_REPLY_BUTTON_FIELD_NUMBER: _ClassVar[int]
    URL_BUTTON_FIELD_NUMBER: _ClassVar[int]
    CALL_BUTTON_FIELD_NUMBER: _ClassVar[int]
    index: int
    quick_reply_button: HydratedTemplateButton.HydratedQuickReplyButton
    url_button: HydratedTemplateButton.HydratedURLButton
    call_button: HydratedTemplateButton.HydratedCallButton
    def __init__(self, index: _Optional[int] = ..., quick_reply_button: _Optional[_Union[HydratedTemplateButton.HydratedQuickReplyButton, _Mapping]] = ..., url_button: _Optional[_Union[HydratedTemplateButton.HydratedURLButton, _Mapping]] = ..., call_button: _Optional[_Union[HydratedTemplateButton.HydratedCallButton, _Mapping]] = ...) -> None: ...

class HighlyStructuredMessage(_message.Message):
    __slots__ = ("namespace", "element_name", "params", "fallback_lg", "fallback_lc", "localizable_params", "deterministic_lg", "deterministic_lc", "hydrated_hsm")
    class HSMLocalizableParameter(_message.Message):
        __slots__ = ("default", "currency", "date_time")
        class HSMCurrency(_message.Message):
            __slots__ = ("currency_code", "amount1000")
            CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
            AMOUNT1000_FIELD_NUMBER: _ClassVar[int]
            currency_code: str
            amount1000: int
            def __init__(self, currency_code: _Optional[str] = ..., amount1000: _Optional[int] = ...) -> None: ...
        class HSMDateTime(_message.Message):
            __slots__ = ("component", "unix_epoch")
            class HSMDateTimeComponent(_message.Message):
                __slots__ = ("day_of_week", "year", "month", "day_of_month", "hour", "minute", "calendar")
                class CalendarType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
                    __slots__ = ()
                    GREGORIAN: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.CalendarType]
                    SOLAR_HIJRI: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.CalendarType]
                GREGORIAN: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.CalendarType
                SOLAR_HIJRI: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.CalendarType
                class DayOfWeekType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
                    __slots__ = ()
                    MONDAY: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType]
                    TUESDAY: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType]
                    WEDNESDAY: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType]
                    THURSDAY: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType]
                    FRIDAY: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType]
                    SATURDAY: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType]
                    SUNDAY: _ClassVar[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType]
                MONDAY: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                TUESDAY: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                WEDNESDAY: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                THURSDAY: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                FRIDAY: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                SATURDAY: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                SUNDAY: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                DAY_OF_WEEK_FIELD_NUMBER: _ClassVar[int]
                YEAR_FIELD_NUMBER: _ClassVar[int]
                MONTH_FIELD_NUMBER: _ClassVar[int]
                DAY_OF_MONTH_FIELD_NUMBER: _ClassVar[int]
                HOUR_FIELD_NUMBER: _ClassVar[int]
                MINUTE_FIELD_NUMBER: _ClassVar[int]
                CALENDAR_FIELD_NUMBER: _ClassVar[int]
                day_of_week: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType
                year: int
                month: int
                day_of_month: int
                hour: int
                minute: int
                calendar: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.CalendarType
                def __init__(self, day_of_week: _Optional[_Union[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.DayOfWeekType, str]] = ..., year: _Optional[int] = ..., month: _Optional[int] = ..., day_of_month: _Optional[int] = ..., hour: _Optional[int] = ..., minute: _Optional[int] = ..., calendar: _Optional[_Union[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent.CalendarType, str]] = ...) -> None: ...
            class HSMDateTimeUnixEpoch(_message.Message):
                __slots__ = ("timestamp",)
                TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
                timestamp: int
                def __init__(self, timestamp: _Optional[int] = ...) -> None: ...
            COMPONENT_FIELD_NUMBER: _ClassVar[int]
            UNIX_EPOCH_FIELD_NUMBER: _ClassVar[int]
            component: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent
            unix_epoch: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeUnixEpoch
            def __init__(self, component: _Optional[_Union[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeComponent, _Mapping]] = ..., unix_epoch: _Optional[_Union[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime.HSMDateTimeUnixEpoch, _Mapping]] = ...) -> None: ...
        DEFAULT_FIELD_NUMBER: _ClassVar[int]
        CURRENCY_FIELD_NUMBER: _ClassVar[int]
        DATE_TIME_FIELD_NUMBER: _ClassVar[int]
        default: str
        currency: HighlyStructuredMessage.HSMLocalizableParameter.HSMCurrency
        date_time: HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime
        def __init__(self, default: _Optional[str] = ..., currency: _Optional[_Union[HighlyStructuredMessage.HSMLocalizableParameter.HSMCurrency, _Mapping]] = ..., date_time: _Optional[_Union[HighlyStructuredMessage.HSMLocalizableParameter.HSMDateTime, _Mapping]] = ...) -> None: ...
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    ELEMENT_NAME_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    FALLBACK_LG_FIELD_NUMBER: _ClassVar[int]
    FALLBACK_LC_FIELD_NUMBER: _ClassVar[int]
    LOCALIZABLE_PARAMS_FIELD_NUMBER: _ClassVar[int]
    DETERMINISTIC_LG_FIELD_NUMBER: _ClassVar[int]
    DETERMINISTIC_LC_FIELD_NUMBER: _ClassVar[int]
    HYDRATED_HSM_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    element_name: str
    params: _containers.RepeatedScalarFieldContainer[str]
    fallback_lg: str
    fallback_lc: str
    localizable_params: _containers.RepeatedCompositeFieldContainer[HighlyStructuredMessage.HSMLocalizableParameter]
    deterministic_lg: str
    deterministic_lc: str
    hydrated_hsm: TemplateMessage
    def __init__(self, namespace: _Optional[str] = ..., element_name: _Optional[str] = ..., params: _Optional[_Iterable[str]] = ..., fallback_lg: _Optional[str] = ..., fallback_lc: _Optional[str] = ..., localizable_params: _Optional[_Iterable[_Union[HighlyStructuredMessage.HSMLocalizableParameter, _Mapping]]] = ..., deterministic_lg: _Optional[str] = ..., deterministic_lc: _Optional[str] = ..., hydrated_hsm: _Optional[_Union[TemplateMessage, _Mapping]] = ...) -> None: ...

class UrlTrackingMap(_message.Message):
    __slots__ = ("url_tracking_map_elements",)
    class UrlTrackingMapElement(_message.Message):
        __slots__ = ("original_url", "unconsented_users_url", "consented_users_url", "card_index")
        ORIGINAL_URL_FIELD_NUMBER: _ClassVar[int]
        UNCONSENTED_USERS_URL_FIELD_NUMBER: _ClassVar[int]
        CONSENTED_USERS_URL_FIELD_NUMBER: _ClassVar[int]
        CARD_INDEX_FIELD_NUMBER: _ClassVar[int]
        original_url: str
        unconsented_users_url: str
        consented_users_url: str
        card_index: int
        def __init__(self, original_url: _Optional[str] = ..., unconsented_users_url: _Optional[str] = ..., consented_users_url: _Optional[str] = ..., card_index: _Optional[int] = ...) -> None: ...
    URL_TRACKING_MAP_ELEMENTS_FIELD_NUMBER: _ClassVar[int]
    url_tracking_map_elements: _containers.RepeatedCompositeFieldContainer[UrlTrackingMap.UrlTrackingMapElement]
    def __init__(self, url_tracking_map_elements: _Optional[_Iterable[_Union[UrlTrackingMap.UrlTrackingMapElement, _Mapping]]] = ...) -> None: ...

class ProductMessage(_message.Message):
    __slots__ = ("product", "business_owner_jid", "catalog", "body", "footer", "context_info")
    class CatalogSnapshot(_message.Message):
        __slots__ = ("catalog_image", "title", "description")
        CATALOG_IMAGE_FIELD_NUMBER: _ClassVar[int]
        TITLE_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        catalog_image: ImageMessage
        title: str
        description: str
        def __init__(self, catalog_image: _Optional[_Union[ImageMessage, _Mapping]] = ..., title: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...
    class ProductSnapshot(_message.Message):
        __slots__ = ("product_image", "product_id", "title", "description", "currency_code", "price_amount1000", "retailer_id", "url", "product_image_count", "first_image_id", "sale_price_amount1000", "signed_url")
        PRODUCT_IMAGE_FIELD_NUMBER: _ClassVar[int]
        PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
        TITLE_FIELD_NUMBER: _ClassVar[int]
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
        PRICE_AMOUNT1000_FIELD_NUMBER: _ClassVar[int]
        RETAILER_ID_FIELD_NUMBER: _ClassVar[int]
        URL_FIELD_NUMBER: _ClassVar[int]
        PRODUCT_IMAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
        FIRST_IMAGE_ID_FIELD_NUMBER: _ClassVar[int]
        SALE_PRICE_AMOUNT1000_FIELD_NUMBER: _ClassVar[int]
        SIGNED_URL_FIELD_NUMBER: _ClassVar[int]
        product_image: ImageMessage
        product_id: str
        title: str
        description: str
        currency_code: str
        price_amount1000: int
        retailer_id: str
        url: str
        product_image_count: int
        first_image_id: str
        sale_price_amount1000: int
        signed_url: str
        def __init__(self, product_image: _Optional[_Union[ImageMessage, _Mapping]] = ..., product_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., currency_code: _Optional[str] = ..., price_amount1000: _Optional[int] = ..., retailer_id: _Optional[str] = ..., url: _Optional[str] = ..., product_image_count: _Optional[int] = ..., first_image_id: _Optional[str] = ..., sale_price_amount1000: _Optional[int] = ..., signed_url: _Optional[str] = ...) -> None: ...
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    BUSINESS_OWNER_JID_FIELD_NUMBER: _ClassVar[int]
    CATALOG_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    FOOTER_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    product: ProductMessage.ProductSnapshot
    business_owner_jid: str
    catalog: ProductMessage.CatalogSnapshot
    body: str
    footer: str
    context_info: ContextInfo
    def __init__(self, product: _Optional[_Union[ProductMessage.ProductSnapshot, _Mapping]] = ..., business_owner_jid: _Optional[str] = ..., catalog: _Optional[_Union[ProductMessage.CatalogSnapshot, _Mapping]] = ..., body: _Optional[str] = ..., footer: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class OrderMessage(_message.Message):
    __slots__ = ("order_id", "thumbnail", "item_count", "status", "surface", "message", "order_title", "seller_jid", "token", "total_amount1000", "total_currency_code", "context_info", "message_version", "order_request_message_id", "catalog_type")
    class OrderStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        INQUIRY: _ClassVar[OrderMessage.OrderStatus]
        ACCEPTED: _ClassVar[OrderMessage.OrderStatus]
        DECLINED: _ClassVar[OrderMessage.OrderStatus]
    INQUIRY: OrderMessage.OrderStatus
    ACCEPTED: OrderMessage.OrderStatus
    DECLINED: OrderMessage.OrderStatus
    class OrderSurface(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CATALOG: _ClassVar[OrderMessage.OrderSurface]
    CATALOG: OrderMessage.OrderSurface
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SURFACE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ORDER_TITLE_FIELD_NUMBER: _ClassVar[int]
    SELLER_JID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_AMOUNT1000_FIELD_NUMBER: _ClassVar[int]
    TOTAL_CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_VERSION_FIELD_NUMBER: _ClassVar[int]
    ORDER_REQUEST_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CATALOG_TYPE_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    thumbnail: bytes
    item_count: int
    status: OrderMessage.OrderStatus
    surface: OrderMessage.OrderSurface
    message: str
    order_title: str
    seller_jid: str
    token: str
    total_amount1000: int
    total_currency_code: str
    context_info: ContextInfo
    message_version: int
    order_request_message_id: _common_pb2.MessageKey
    catalog_type: str
    def __init__(self, order_id: _Optional[str] = ..., thumbnail: _Optional[bytes] = ..., item_count: _Optional[int] = ..., status: _Optional[_Union[OrderMessage.OrderStatus, str]] = ..., surface: _Optional[_Union[OrderMessage.OrderSurface, str]] = ..., message: _Optional[str] = ..., order_title: _Optional[str] = ..., seller_jid: _Optional[str] = ..., token: _Optional[str] = ..., total_amount1000: _Optional[int] = ..., total_currency_code: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., message_version: _Optional[int] = ..., order_request_message_id: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., catalog_type: _Optional[str] = ...) -> None: ...

class InvoiceMessage(_message.Message):
    __slots__ = ("note", "token", "attachment_type", "attachment_mimetype", "attachment_media_key", "attachment_media_key_timestamp", "attachment_file_sha256", "attachment_file_enc_sha256", "attachment_direct_path", "attachment_jpeg_thumbnail")
    class AttachmentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        IMAGE: _ClassVar[InvoiceMessage.AttachmentType]
        PDF: _ClassVar[InvoiceMessage.AttachmentType]
    IMAGE: InvoiceMessage.AttachmentType
    PDF: InvoiceMessage.AttachmentType
    NOTE_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    note: str
    token: str
    attachment_type: InvoiceMessage.AttachmentType
    attachment_mimetype: str
    attachment_media_key: bytes
    attachment_media_key_timestamp: int
    attachment_file_sha256: bytes
    attachment_file_enc_sha256: bytes
    attachment_direct_path: str
    attachment_jpeg_thumbnail: bytes
    def __init__(self, note: _Optional[str] = ..., token: _Optional[str] = ..., attachment_type: _Optional[_Union[InvoiceMessage.AttachmentType, str]] = ..., attachment_mimetype: _Optional[str] = ..., attachment_media_key: _Optional[bytes] = ..., attachment_media_key_timestamp: _Optional[int] = ..., attachment_file_sha256: _Optional[bytes] = ..., attachment_file_enc_sha256: _Optional[bytes] = ..., attachment_direct_path: _Optional[str] = ..., attachment_jpeg_thumbnail: _Optional[bytes] = ...) -> None: ...

class SendPaymentMessage(_message.Message):
    __slots__ = ("note_message", "request_message_key", "background", "transaction_data")
    NOTE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    BACKGROUND_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_DATA_FIELD_NUMBER: _ClassVar[int]
    note_message: Message
    request_message_key: _common_pb2.MessageKey
    background: PaymentBackground
    transaction_data: str
    def __init__(self, note_message: _Optional[_Union[Message, _Mapping]] = ..., request_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., background: _Optional[_Union[PaymentBackground, _Mapping]] = ..., transaction_data: _Optional[str] = ...) -> None: ...

class RequestPaymentMessage(_message.Message):
    __slots__ = ("note_message", "currency_code_iso4217", "amount1000", "request_from", "expiry_timestamp", "amount", "background")
    NOTE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_ISO4217_FIELD_NUMBER: _ClassVar[int]
    AMOUNT1000_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FROM_FIELD_NUMBER: _ClassVar[int]
    EXPIRY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    BACKGROUND_FIELD_NUMBER: _ClassVar[int]
    note_message: Message
    currency_code_iso4217: str
    amount1000: int
    request_from: str
    expiry_timestamp: int
    amount: Money
    background: PaymentBackground
    def __init__(self, note_message: _Optional[_Union[Message, _Mapping]] = ..., currency_code_iso4217: _Optional[str] = ..., amount1000: _Optional[int] = ..., request_from: _Optional[str] = ..., expiry_timestamp: _Optional[int] = ..., amount: _Optional[_Union[Money, _Mapping]] = ..., background: _Optional[_Union[PaymentBackground, _Mapping]] = ...) -> None: ...

class DeclinePaymentRequestMessage(_message.Message):
    __slots__ = ("key",)
    KEY_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ...) -> None: ...

class CancelPaymentRequestMessage(_message.Message):
    __slots__ = ("key",)
    KEY_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ...) -> None: ...

class PaymentInviteMessage(_message.Message):
    __slots__ = ("service_type", "expiry_timestamp")
    class ServiceType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[PaymentInviteMessage.ServiceType]
        FBPAY: _ClassVar[PaymentInviteMessage.ServiceType]
        NOVI: _ClassVar[PaymentInviteMessage.ServiceType]
        UPI: _ClassVar[PaymentInviteMessage.ServiceType]
    UNKNOWN: PaymentInviteMessage.ServiceType
    FBPAY: PaymentInviteMessage.ServiceType
    NOVI: PaymentInviteMessage.ServiceType
    UPI: PaymentInviteMessage.ServiceType
    SERVICE_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXPIRY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    service_type: PaymentInviteMessage.ServiceType
    expiry_timestamp: int
    def __init__(self, service_type: _Optional[_Union[PaymentInviteMessage.ServiceType, str]] = ..., expiry_timestamp: _Optional[int] = ...) -> None: ...

class Money(_message.Message):
    __slots__ = ("value", "offset", "currency_code")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    value: int
    offset: int
    currency_code: str
    def __init__(self, value: _Optional[int] = ..., offset: _Optional[int] = ..., currency_code: _Optional[str] = ...) -> None: ...

class PaymentBackground(_message.Message):
    __slots__ = ("id", "file_length", "width", "height", "mimetype", "placeholder_argb", "text_argb", "subtext_argb", "media_data", "type")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[PaymentBackground.Type]
        DEFAULT: _ClassVar[PaymentBackground.Type]
    UNKNOWN: PaymentBackground.Type
    DEFAULT: PaymentBackground.Type
    class MediaData(_message.Message):
        __slots__ = ("media_key", "media_key_timestamp", "file_sha256", "file_enc_sha256", "direct_path")
        MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
        MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
        FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
        FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
        DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
        media_key: bytes
        media_key_timestamp: int
        file_sha256: bytes
        file_enc_sha256: bytes
        direct_path: str
        def __init__(self, media_key: _Optional[bytes] = ..., media_key_timestamp: _Optional[int] = ..., file_sha256: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., direct_path: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_ARGB_FIELD_NUMBER: _ClassVar[int]
    TEXT_ARGB_FIELD_NUMBER: _ClassVar[int]
    SUBTEXT_ARGB_FIELD_NUMBER: _ClassVar[int]
    MEDIA_DATA_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    id: str
    file_length: int
    width: int
    height: int
    mimetype: str
    placeholder_argb: int
    text_argb: int
    subtext_argb: int
    media_data: PaymentBackground.MediaData
    type: PaymentBackground.Type
    def __init__(self, id: _Optional[str] = ..., file_length: _Optional[int] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., mimetype: _Optional[str] = ..., placeholder_argb: _Optional[int] = ..., text_argb: _Optional[int] = ..., subtext_argb: _Optional[int] = ..., media_data: _Optional[_Union[PaymentBackground.MediaData, _Mapping]] = ..., type: _Optional[_Union[PaymentBackground.Type, str]] = ...) -> None: ...

class NewsletterAdminInviteMessage(_message.Message):
    __slots__ = ("newsletter_jid", "newsletter_name", "jpeg_thumbnail", "caption", "invite_expiration", "context_info")
    NEWSLETTER_JID_FIELD_NUMBER: _ClassVar[int]
    NEWSLETTER_NAME_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    INVITE_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    newsletter_jid: str
    newsletter_name: str
    jpeg_thumbnail: bytes
    caption: str
    invite_expiration: int
    context_info: ContextInfo
    def __init__(self, newsletter_jid: _Optional[str] = ..., newsletter_name: _Optional[str] = ..., jpeg_thumbnail: _Optional[bytes] = ..., caption: _Optional[str] = ..., invite_expiration: _Optional[int] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class NewsletterFollowerInviteMessage(_message.Message):
    __slots__ = ("newsletter_jid", "newsletter_name", "jpeg_thumbnail", "caption", "context_info")
    NEWSLETTER_JID_FIELD_NUMBER: _ClassVar[int]
    NEWSLETTER_NAME_FIELD_NUMBER: _ClassVar[int]
    JPEG_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    newsletter_jid: str
    newsletter_name: str
    jpeg_thumbnail: bytes
    caption: str
    context_info: ContextInfo
    def __init__(self, newsletter_jid: _Optional[str] = ..., newsletter_name: _Optional[str] = ..., jpeg_thumbnail: _Optional[bytes] = ..., caption: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ...) -> None: ...

class ScheduledCallCreationMessage(_message.Message):
    __slots__ = ("scheduled_timestamp_ms", "call_type", "title")
    class CallType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[ScheduledCallCreationMessage.CallType]
        VOICE: _ClassVar[ScheduledCallCreationMessage.CallType]
        VIDEO: _ClassVar[ScheduledCallCreationMessage.CallType]
    UNKNOWN: ScheduledCallCreationMessage.CallType
    VOICE: ScheduledCallCreationMessage.CallType
    VIDEO: ScheduledCallCreationMessage.CallType
    SCHEDULED_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    CALL_TYPE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    scheduled_timestamp_ms: int
    call_type: ScheduledCallCreationMessage.CallType
    title: str
    def __init__(self, scheduled_timestamp_ms: _Optional[int] = ..., call_type: _Optional[_Union[ScheduledCallCreationMessage.CallType, str]] = ..., title: _Optional[str] = ...) -> None: ...

class ScheduledCallEditMessage(_message.Message):
    __slots__ = ("key", "edit_type")
    class EditType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[ScheduledCallEditMessage.EditType]
        CANCEL: _ClassVar[ScheduledCallEditMessage.EditType]
    UNKNOWN: ScheduledCallEditMessage.EditType
    CANCEL: ScheduledCallEditMessage.EditType
    KEY_FIELD_NUMBER: _ClassVar[int]
    EDIT_TYPE_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    edit_type: ScheduledCallEditMessage.EditType
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., edit_type: _Optional[_Union[ScheduledCallEditMessage.EditType, str]] = ...) -> None: ...

class CallLogMessage(_message.Message):
    __slots__ = ("is_video", "call_outcome", "duration_secs", "call_type", "participants")
    class CallOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CONNECTED: _ClassVar[CallLogMessage.CallOutcome]
        MISSED: _ClassVar[CallLogMessage.CallOutcome]
        FAILED: _ClassVar[CallLogMessage.CallOutcome]
        REJECTED: _ClassVar[CallLogMessage.CallOutcome]
        ACCEPTED_ELSEWHERE: _ClassVar[CallLogMessage.CallOutcome]
        ONGOING: _ClassVar[CallLogMessage.CallOutcome]
        SILENCED_BY_DND: _ClassVar[CallLogMessage.CallOutcome]
        SILENCED_UNKNOWN_CALLER: _ClassVar[CallLogMessage.CallOutcome]
    CONNECTED: CallLogMessage.CallOutcome
    MISSED: CallLogMessage.CallOutcome
    FAILED: CallLogMessage.CallOutcome
    REJECTED: CallLogMessage.CallOutcome
    ACCEPTED_ELSEWHERE: CallLogMessage.CallOutcome
    ONGOING: CallLogMessage.CallOutcome
    SILENCED_BY_DND: CallLogMessage.CallOutcome
    SILENCED_UNKNOWN_CALLER: CallLogMessage.CallOutcome
    class CallType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        REGULAR: _ClassVar[CallLogMessage.CallType]
        SCHEDULED_CALL: _ClassVar[CallLogMessage.CallType]
        VOICE_CHAT: _ClassVar[CallLogMessage.CallType]
    REGULAR: CallLogMessage.CallType
    SCHEDULED_CALL: CallLogMessage.CallType
    VOICE_CHAT: CallLogMessage.CallType
    class CallParticipant(_message.Message):
        __slots__ = ("jid", "call_outcome")
        JID_FIELD_NUMBER: _ClassVar[int]
        CALL_OUTCOME_FIELD_NUMBER: _ClassVar[int]
        jid: str
        call_outcome: CallLogMessage.CallOutcome
        def __init__(self, jid: _Optional[str] = ..., call_outcome: _Optional[_Union[CallLogMessage.CallOutcome, str]] = ...) -> None: ...
    IS_VIDEO_FIELD_NUMBER: _ClassVar[int]
    CALL_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DURATION_SECS_FIELD_NUMBER: _ClassVar[int]
    CALL_TYPE_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANTS_FIELD_NUMBER: _ClassVar[int]
    is_video: bool
    call_outcome: CallLogMessage.CallOutcome
    duration_secs: int
    call_type: CallLogMessage.CallType
    participants: _containers.RepeatedCompositeFieldContainer[CallLogMessage.CallParticipant]
    def __init__(self, is_video: _Optional[bool] = ..., call_outcome: _Optional[_Union[CallLogMessage.CallOutcome, str]] = ..., duration_secs: _Optional[int] = ..., call_type: _Optional[_Union[CallLogMessage.CallType, str]] = ..., participants: _Optional[_Iterable[_Union[CallLogMessage.CallParticipant, _Mapping]]] = ...) -> None: ...

class BCallMessage(_message.Message):
    __slots__ = ("session_id", "media_type", "master_key", "caption")
    class MediaType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[BCallMessage.MediaType]
        AUDIO: _ClassVar[BCallMessage.MediaType]
        VIDEO: _ClassVar[BCallMessage.MediaType]
    UNKNOWN: BCallMessage.MediaType
    AUDIO: BCallMessage.MediaType
    VIDEO: BCallMessage.MediaType
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    MASTER_KEY_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    media_type: BCallMessage.MediaType
    master_key: bytes
    caption: str
    def __init__(self, session_id: _Optional[str] = ..., media_type: _Optional[_Union[BCallMessage.MediaType, str]] = ..., master_key: _Optional[bytes] = ..., caption: _Optional[str] = ...) -> None: ...

class CommentMessage(_message.Message):
    __slots__ = ("message", "target_message_key")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TARGET_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    message: Message
    target_message_key: _common_pb2.MessageKey
    def __init__(self, message: _Optional[_Union[Message, _Mapping]] = ..., target_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ...) -> None: ...

class EncCommentMessage(_message.Message):
    __slots__ = ("target_message_key", "enc_payload", "enc_iv")
    TARGET_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    ENC_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    ENC_IV_FIELD_NUMBER: _ClassVar[int]
    target_message_key: _common_pb2.MessageKey
    enc_payload: bytes
    enc_iv: bytes
    def __init__(self, target_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., enc_payload: _Optional[bytes] = ..., enc_iv: _Optional[bytes] = ...) -> None: ...

class EncEventResponseMessage(_message.Message):
    __slots__ = ("event_creation_message_key", "enc_payload", "enc_iv")
    EVENT_CREATION_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    ENC_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    ENC_IV_FIELD_NUMBER: _ClassVar[int]
    event_creation_message_key: _common_pb2.MessageKey
    enc_payload: bytes
    enc_iv: bytes
    def __init__(self, event_creation_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., enc_payload: _Optional[bytes] = ..., enc_iv: _Optional[bytes] = ...) -> None: ...

class SecretEncryptedMessage(_message.Message):
    __slots__ = ("target_message_key", "enc_payload", "enc_iv", "secret_enc_type")
    class SecretEncType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[SecretEncryptedMessage.SecretEncType]
        EVENT_EDIT: _ClassVar[SecretEncryptedMessage.SecretEncType]
        MESSAGE_EDIT: _ClassVar[SecretEncryptedMessage.SecretEncType]
    UNKNOWN: SecretEncryptedMessage.SecretEncType
    EVENT_EDIT: SecretEncryptedMessage.SecretEncType
    MESSAGE_EDIT: SecretEncryptedMessage.SecretEncType
    TARGET_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    ENC_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    ENC_IV_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENC_TYPE_FIELD_NUMBER: _ClassVar[int]
    target_message_key: _common_pb2.MessageKey
    enc_payload: bytes
    enc_iv: bytes
    secret_enc_type: SecretEncryptedMessage.SecretEncType
    def __init__(self, target_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., enc_payload: _Optional[bytes] = ..., enc_iv: _Optional[bytes] = ..., secret_enc_type: _Optional[_Union[SecretEncryptedMessage.SecretEncType, str]] = ...) -> None: ...

class MessageHistoryBundle(_message.Message):
    __slots__ = ("mimetype", "file_sha256", "media_key", "file_enc_sha256", "direct_path", "media_key_timestamp", "context_info", "message_history_metadata")
    MIMETYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_HISTORY_METADATA_FIELD_NUMBER: _ClassVar[int]
    mimetype: str
    file_sha256: bytes
    media_key: bytes
    file_enc_sha256: bytes
    direct_path: str
    media_key_timestamp: int
    context_info: ContextInfo
    message_history_metadata: MessageHistoryMetadata
    def __init__(self, mimetype: _Optional[str] = ..., file_sha256: _Optional[bytes] = ..., media_key: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., direct_path: _Optional[str] = ..., media_key_timestamp: _Optional[int] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., message_history_metadata: _Optional[_Union[MessageHistoryMetadata, _Mapping]] = ...) -> None: ...

class MessageHistoryNotice(_message.Message):
    __slots__ = ("context_info", "message_history_metadata")
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_HISTORY_METADATA_FIELD_NUMBER: _ClassVar[int]
    context_info: ContextInfo
    message_history_metadata: MessageHistoryMetadata
    def __init__(self, context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., message_history_metadata: _Optional[_Union[MessageHistoryMetadata, _Mapping]] = ...) -> None: ...

class MessageHistoryMetadata(_message.Message):
    __slots__ = ("history_receivers", "oldest_message_timestamp", "message_count")
    HISTORY_RECEIVERS_FIELD_NUMBER: _ClassVar[int]
    OLDEST_MESSAGE_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    history_receivers: _containers.RepeatedScalarFieldContainer[str]
    oldest_message_timestamp: int
    message_count: int
    def __init__(self, history_receivers: _Optional[_Iterable[str]] = ..., oldest_message_timestamp: _Optional[int] = ..., message_count: _Optional[int] = ...) -> None: ...

class StatusNotificationMessage(_message.Message):
    __slots__ = ("response_message_key", "original_message_key", "type")
    class StatusNotificationType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[StatusNotificationMessage.StatusNotificationType]
        STATUS_ADD_YOURS: _ClassVar[StatusNotificationMessage.StatusNotificationType]
        STATUS_RESHARE: _ClassVar[StatusNotificationMessage.StatusNotificationType]
        STATUS_QUESTION_ANSWER_RESHARE: _ClassVar[StatusNotificationMessage.StatusNotificationType]
    UNKNOWN: StatusNotificationMessage.StatusNotificationType
    STATUS_ADD_YOURS: StatusNotificationMessage.StatusNotificationType
    STATUS_RESHARE: StatusNotificationMessage.StatusNotificationType
    STATUS_QUESTION_ANSWER_RESHARE: StatusNotificationMessage.StatusNotificationType
    RESPONSE_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    response_message_key: _common_pb2.MessageKey
    original_message_key: _common_pb2.MessageKey
    type: StatusNotificationMessage.StatusNotificationType
    def __init__(self, response_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., original_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., type: _Optional[_Union[StatusNotificationMessage.StatusNotificationType, str]] = ...) -> None: ...

class StickerPackMessage(_message.Message):
    __slots__ = ("sticker_pack_id", "name", "publisher", "stickers", "file_length", "file_sha256", "file_enc_sha256", "media_key", "direct_path", "caption", "context_info", "pack_description", "media_key_timestamp", "tray_icon_file_name", "thumbnail_direct_path", "thumbnail_sha256", "thumbnail_enc_sha256", "thumbnail_height", "thumbnail_width", "image_data_hash", "sticker_pack_size", "sticker_pack_origin")
    class StickerPackOrigin(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        FIRST_PARTY: _ClassVar[StickerPackMessage.StickerPackOrigin]
        THIRD_PARTY: _ClassVar[StickerPackMessage.StickerPackOrigin]
        USER_CREATED: _ClassVar[StickerPackMessage.StickerPackOrigin]
    FIRST_PARTY: StickerPackMessage.StickerPackOrigin
    THIRD_PARTY: StickerPackMessage.StickerPackOrigin
    USER_CREATED: StickerPackMessage.StickerPackOrigin
    class Sticker(_message.Message):
        __slots__ = ("file_name", "is_animated", "emojis", "accessibility_label", "is_lottie", "mimetype")
        FILE_NAME_FIELD_NUMBER: _ClassVar[int]
        IS_ANIMATED_FIELD_NUMBER: _ClassVar[int]
        EMOJIS_FIELD_NUMBER: _ClassVar[int]
        ACCESSIBILITY_LABEL_FIELD_NUMBER: _ClassVar[int]
        IS_LOTTIE_FIELD_NUMBER: _ClassVar[int]
        MIMETYPE_FIELD_NUMBER: _ClassVar[int]
        file_name: str
        is_animated: bool
        emojis: _containers.RepeatedScalarFieldContainer[str]
        accessibility_label: str
        is_lottie: bool
        mimetype: str
        def __init__(self, file_name: _Optional[str] = ..., is_animated: _Optional[bool] = ..., emojis: _Optional[_Iterable[str]] = ..., accessibility_label: _Optional[str] = ..., is_lottie: _Optional[bool] = ..., mimetype: _Optional[str] = ...) -> None: ...
    STICKER_PACK_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PUBLISHER_FIELD_NUMBER: _ClassVar[int]
    STICKERS_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    PACK_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    TRAY_ICON_FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_SHA256_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_WIDTH_FIELD_NUMBER: _ClassVar[int]
    IMAGE_DATA_HASH_FIELD_NUMBER: _ClassVar[int]
    STICKER_PACK_SIZE_FIELD_NUMBER: _ClassVar[int]
    STICKER_PACK_ORIGIN_FIELD_NUMBER: _ClassVar[int]
    sticker_pack_id: str
    name: str
    publisher: str
    stickers: _containers.RepeatedCompositeFieldContainer[StickerPackMessage.Sticker]
    file_length: int
    file_sha256: bytes
    file_enc_sha256: bytes
    media_key: bytes
    direct_path: str
    caption: str
    context_info: ContextInfo
    pack_description: str
    media_key_timestamp: int
    tray_icon_file_name: str
    thumbnail_direct_path: str
    thumbnail_sha256: bytes
    thumbnail_enc_sha256: bytes
    thumbnail_height: int
    thumbnail_width: int
    image_data_hash: str
    sticker_pack_size: int
    sticker_pack_origin: StickerPackMessage.StickerPackOrigin
    def __init__(self, sticker_pack_id: _Optional[str] = ..., name: _Optional[str] = ..., publisher: _Optional[str] = ..., stickers: _Optional[_Iterable[_Union[StickerPackMessage.Sticker, _Mapping]]] = ..., file_length: _Optional[int] = ..., file_sha256: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., media_key: _Optional[bytes] = ..., direct_path: _Optional[str] = ..., caption: _Optional[str] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., pack_description: _Optional[str] = ..., media_key_timestamp: _Optional[int] = ..., tray_icon_file_name: _Optional[str] = ..., thumbnail_direct_path: _Optional[str] = ..., thumbnail_sha256: _Optional[bytes] = ..., thumbnail_enc_sha256: _Optional[bytes] = ..., thumbnail_height: _Optional[int] = ..., thumbnail_width: _Optional[int] = ..., image_data_hash: _Optional[str] = ..., sticker_pack_size: _Optional[int] = ..., sticker_pack_origin: _Optional[_Union[StickerPackMessage.StickerPackOrigin, str]] = ...) -> None: ...

class PollResultSnapshotMessage(_message.Message):
    __slots__ = ("name", "poll_votes", "context_info", "poll_type")
    class PollVote(_message.Message):
        __slots__ = ("option_name", "option_vote_count")
        OPTION_NAME_FIELD_NUMBER: _ClassVar[int]
        OPTION_VOTE_COUNT_FIELD_NUMBER: _ClassVar[int]
        option_name: str
        option_vote_count: int
        def __init__(self, option_name: _Optional[str] = ..., option_vote_count: _Optional[int] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    POLL_VOTES_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    POLL_TYPE_FIELD_NUMBER: _ClassVar[int]
    name: str
    poll_votes: _containers.RepeatedCompositeFieldContainer[PollResultSnapshotMessage.PollVote]
    context_info: ContextInfo
    poll_type: Message.PollType
    def __init__(self, name: _Optional[str] = ..., poll_votes: _Optional[_Iterable[_Union[PollResultSnapshotMessage.PollVote, _Mapping]]] = ..., context_info: _Optional[_Union[ContextInfo, _Mapping]] = ..., poll_type: _Optional[_Union[Message.PollType, str]] = ...) -> None: ...

class StickerSyncRMRMessage(_message.Message):
    __slots__ = ("filehash", "rmr_source", "request_timestamp")
    FILEHASH_FIELD_NUMBER: _ClassVar[int]
    RMR_SOURCE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    filehash: _containers.RepeatedScalarFieldContainer[str]
    rmr_source: str
    request_timestamp: int
    def __init__(self, filehash: _Optional[_Iterable[str]] = ..., rmr_source: _Optional[str] = ..., request_timestamp: _Optional[int] = ...) -> None: ...

class StatusQuestionAnswerMessage(_message.Message):
    __slots__ = ("key", "text")
    KEY_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    text: str
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., text: _Optional[str] = ...) -> None: ...

class QuestionResponseMessage(_message.Message):
    __slots__ = ("key", "text")
    KEY_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    text: str
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., text: _Optional[str] = ...) -> None: ...

class StatusQuotedMessage(_message.Message):
    __slots__ = ("type", "text", "thumbnail", "original_status_id")
    class StatusQuotedMessageType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        QUESTION_ANSWER: _ClassVar[StatusQuotedMessage.StatusQuotedMessageType]
    QUESTION_ANSWER: StatusQuotedMessage.StatusQuotedMessageType
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_STATUS_ID_FIELD_NUMBER: _ClassVar[int]
    type: StatusQuotedMessage.StatusQuotedMessageType
    text: str
    thumbnail: bytes
    original_status_id: _common_pb2.MessageKey
    def __init__(self, type: _Optional[_Union[StatusQuotedMessage.StatusQuotedMessageType, str]] = ..., text: _Optional[str] = ..., thumbnail: _Optional[bytes] = ..., original_status_id: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ...) -> None: ...

class StatusStickerInteractionMessage(_message.Message):
    __slots__ = ("key", "sticker_key", "type")
    class StatusStickerType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[StatusStickerInteractionMessage.StatusStickerType]
        REACTION: _ClassVar[StatusStickerInteractionMessage.StatusStickerType]
    UNKNOWN: StatusStickerInteractionMessage.StatusStickerType
    REACTION: StatusStickerInteractionMessage.StatusStickerType
    KEY_FIELD_NUMBER: _ClassVar[int]
    STICKER_KEY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    sticker_key: str
    type: StatusStickerInteractionMessage.StatusStickerType
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., sticker_key: _Optional[str] = ..., type: _Optional[_Union[StatusStickerInteractionMessage.StatusStickerType, str]] = ...) -> None: ...

class ProtocolMessage(_message.Message):
    __slots__ = ("key", "type", "ephemeral_expiration", "ephemeral_setting_timestamp", "history_sync_notification", "app_state_sync_key_share", "app_state_sync_key_request", "initial_security_notification_setting_sync", "app_state_fatal_exception_notification", "disappearing_mode", "edited_message", "timestamp_ms", "peer_data_operation_request_message", "peer_data_operation_request_response_message", "invoker_jid", "request_welcome_message_metadata", "cloud_api_thread_control_notification", "lid_migration_mapping_sync_message", "limit_sharing", "ai_psi_metadata", "member_label")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        REVOKE: _ClassVar[ProtocolMessage.Type]
        EPHEMERAL_SETTING: _ClassVar[ProtocolMessage.Type]
        EPHEMERAL_SYNC_RESPONSE: _ClassVar[ProtocolMessage.Type]
        HISTORY_SYNC_NOTIFICATION: _ClassVar[ProtocolMessage.Type]
        APP_STATE_SYNC_KEY_SHARE: _ClassVar[ProtocolMessage.Type]
        APP_STATE_SYNC_KEY_REQUEST: _ClassVar[ProtocolMessage.Type]
        MSG_FANOUT_BACKFILL_REQUEST: _ClassVar[ProtocolMessage.Type]
        INITIAL_SECURITY_NOTIFICATION_SETTING_SYNC: _ClassVar[ProtocolMessage.Type]
        APP_STATE_FATAL_EXCEPTION_NOTIFICATION: _ClassVar[ProtocolMessage.Type]
        SHARE_PHONE_NUMBER: _ClassVar[ProtocolMessage.Type]
        MESSAGE_EDIT: _ClassVar[ProtocolMessage.Type]
        PEER_DATA_OPERATION_REQUEST_MESSAGE: _ClassVar[ProtocolMessage.Type]
        PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE: _ClassVar[ProtocolMessage.Type]
        REQUEST_WELCOME_MESSAGE: _ClassVar[ProtocolMessage.Type]
        BOT_FEEDBACK_MESSAGE: _ClassVar[ProtocolMessage.Type]
        MEDIA_NOTIFY_MESSAGE: _ClassVar[ProtocolMessage.Type]
        CLOUD_API_THREAD_CONTROL_NOTIFICATION: _ClassVar[ProtocolMessage.Type]
        LID_MIGRATION_MAPPING_SYNC: _ClassVar[ProtocolMessage.Type]
        REMINDER_MESSAGE: _ClassVar[ProtocolMessage.Type]
        BOT_MEMU_ONBOARDING_MESSAGE: _ClassVar[ProtocolMessage.Type]
        STATUS_MENTION_MESSAGE: _ClassVar[ProtocolMessage.Type]
        STOP_GENERATION_MESSAGE: _ClassVar[ProtocolMessage.Type]
        LIMIT_SHARING: _ClassVar[ProtocolMessage.Type]
        AI_PSI_METADATA: _ClassVar[ProtocolMessage.Type]
        AI_QUERY_FANOUT: _ClassVar[ProtocolMessage.Type]
        GROUP_MEMBER_LABEL_CHANGE: _ClassVar[ProtocolMessage.Type]
    REVOKE: ProtocolMessage.Type
    EPHEMERAL_SETTING: ProtocolMessage.Type
    EPHEMERAL_SYNC_RESPONSE: ProtocolMessage.Type
    HISTORY_SYNC_NOTIFICATION: ProtocolMessage.Type
    APP_STATE_SYNC_KEY_SHARE: ProtocolMessage.Type
    APP_STATE_SYNC_KEY_REQUEST: ProtocolMessage.Type
    MSG_FANOUT_BACKFILL_REQUEST: ProtocolMessage.Type
    INITIAL_SECURITY_NOTIFICATION_SETTING_SYNC: ProtocolMessage.Type
    APP_STATE_FATAL_EXCEPTION_NOTIFICATION: ProtocolMessage.Type
    SHARE_PHONE_NUMBER: ProtocolMessage.Type
    MESSAGE_EDIT: ProtocolMessage.Type
    PEER_DATA_OPERATION_REQUEST_MESSAGE: ProtocolMessage.Type
    PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE: ProtocolMessage.Type
    REQUEST_WELCOME_MESSAGE: ProtocolMessage.Type
    BOT_FEEDBACK_MESSAGE: ProtocolMessage.Type
    MEDIA_NOTIFY_MESSAGE: ProtocolMessage.Type
    CLOUD_API_THREAD_CONTROL_NOTIFICATION: ProtocolMessage.Type
    LID_MIGRATION_MAPPING_SYNC: ProtocolMessage.Type
    REMINDER_MESSAGE: ProtocolMessage.Type
    BOT_MEMU_ONBOARDING_MESSAGE: ProtocolMessage.Type
    STATUS_MENTION_MESSAGE: ProtocolMessage.Type
    STOP_GENERATION_MESSAGE: ProtocolMessage.Type
    LIMIT_SHARING: ProtocolMessage.Type
    AI_PSI_METADATA: ProtocolMessage.Type
    AI_QUERY_FANOUT: ProtocolMessage.Type
    GROUP_MEMBER_LABEL_CHANGE: ProtocolMessage.Type
    KEY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_SETTING_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    HISTORY_SYNC_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    APP_STATE_SYNC_KEY_SHARE_FIELD_NUMBER: _ClassVar[int]
    APP_STATE_SYNC_KEY_REQUEST_FIELD_NUMBER: _ClassVar[int]
    INITIAL_SECURITY_NOTIFICATION_SETTING_SYNC_FIELD_NUMBER: _ClassVar[int]
    APP_STATE_FATAL_EXCEPTION_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    DISAPPEARING_MODE_FIELD_NUMBER: _ClassVar[int]
    EDITED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    PEER_DATA_OPERATION_REQUEST_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    INVOKER_JID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_WELCOME_MESSAGE_METADATA_FIELD_NUMBER: _ClassVar[int]
    CLOUD_API_THREAD_CONTROL_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    LID_MIGRATION_MAPPING_SYNC_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_SHARING_FIELD_NUMBER: _ClassVar[int]
    AI_PSI_METADATA_FIELD_NUMBER: _ClassVar[int]
    MEMBER_LABEL_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    type: ProtocolMessage.Type
    ephemeral_expiration: int
    ephemeral_setting_timestamp: int
    history_sync_notification: HistorySyncNotification
    app_state_sync_key_share: AppStateSyncKeyShare
    app_state_sync_key_request: AppStateSyncKeyRequest
    initial_security_notification_setting_sync: InitialSecurityNotificationSettingSync
    app_state_fatal_exception_notification: AppStateFatalExceptionNotification
    disappearing_mode: DisappearingMode
    edited_message: Message
    timestamp_ms: int
    peer_data_operation_request_message: PeerDataOperationRequestMessage
    peer_data_operation_request_response_message: PeerDataOperationRequestResponseMessage
    invoker_jid: str
    request_welcome_message_metadata: RequestWelcomeMessageMetadata
    cloud_api_thread_control_notification: CloudAPIThreadControlNotification
    lid_migration_mapping_sync_message: LIDMigrationMappingSyncMessage
    limit_sharing: LimitSharing
    ai_psi_metadata: bytes
    member_label: MemberLabel
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., type: _Optional[_Union[ProtocolMessage.Type, str]] = ..., ephemeral_expiration: _Optional[int] = ..., ephemeral_setting_timestamp: _Optional[int] = ..., history_sync_notification: _Optional[_Union[HistorySyncNotification, _Mapping]] = ..., app_state_sync_key_share: _Optional[_Union[AppStateSyncKeyShare, _Mapping]] = ..., app_state_sync_key_request: _Optional[_Union[AppStateSyncKeyRequest, _Mapping]] = ..., initial_security_notification_setting_sync: _Optional[_Union[InitialSecurityNotificationSettingSync, _Mapping]] = ..., app_state_fatal_exception_notification: _Optional[_Union[AppStateFatalExceptionNotification, _Mapping]] = ..., disappearing_mode: _Optional[_Union[DisappearingMode, _Mapping]] = ..., edited_message: _Optional[_Union[Message, _Mapping]] = ..., timestamp_ms: _Optional[int] = ..., peer_data_operation_request_message: _Optional[_Union[PeerDataOperationRequestMessage, _Mapping]] = ..., peer_data_operation_request_response_message: _Optional[_Union[PeerDataOperationRequestResponseMessage, _Mapping]] = ..., invoker_jid: _Optional[str] = ..., request_welcome_message_metadata: _Optional[_Union[RequestWelcomeMessageMetadata, _Mapping]] = ..., cloud_api_thread_control_notification: _Optional[_Union[CloudAPIThreadControlNotification, _Mapping]] = ..., lid_migration_mapping_sync_message: _Optional[_Union[LIDMigrationMappingSyncMessage, _Mapping]] = ..., limit_sharing: _Optional[_Union[LimitSharing, _Mapping]] = ..., ai_psi_metadata: _Optional[bytes] = ..., member_label: _Optional[_Union[MemberLabel, _Mapping]] = ...) -> None: ...

class HistorySyncNotification(_message.Message):
    __slots__ = ("file_sha256", "file_length", "media_key", "file_enc_sha256", "direct_path", "sync_type", "chunk_order", "original_message_id", "progress", "oldest_msg_in_chunk_timestamp_sec", "initial_hist_bootstrap_inline_payload", "peer_data_request_session_id", "full_history_sync_on_demand_request_metadata", "enc_handle", "message_access_status")
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    FILE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    FILE_ENC_SHA256_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    SYNC_TYPE_FIELD_NUMBER: _ClassVar[int]
    CHUNK_ORDER_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    OLDEST_MSG_IN_CHUNK_TIMESTAMP_SEC_FIELD_NUMBER: _ClassVar[int]
    INITIAL_HIST_BOOTSTRAP_INLINE_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    PEER_DATA_REQUEST_SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    FULL_HISTORY_SYNC_ON_DEMAND_REQUEST_METADATA_FIELD_NUMBER: _ClassVar[int]
    ENC_HANDLE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ACCESS_STATUS_FIELD_NUMBER: _ClassVar[int]
    file_sha256: bytes
    file_length: int
    media_key: bytes
    file_enc_sha256: bytes
    direct_path: str
    sync_type: Message.HistorySyncType
    chunk_order: int
    original_message_id: str
    progress: int
    oldest_msg_in_chunk_timestamp_sec: int
    initial_hist_bootstrap_inline_payload: bytes
    peer_data_request_session_id: str
    full_history_sync_on_demand_request_metadata: FullHistorySyncOnDemandRequestMetadata
    enc_handle: str
    message_access_status: HistorySyncMessageAccessStatus
    def __init__(self, file_sha256: _Optional[bytes] = ..., file_length: _Optional[int] = ..., media_key: _Optional[bytes] = ..., file_enc_sha256: _Optional[bytes] = ..., direct_path: _Optional[str] = ..., sync_type: _Optional[_Union[Message.HistorySyncType, str]] = ..., chunk_order: _Optional[int] = ..., original_message_id: _Optional[str] = ..., progress: _Optional[int] = ..., oldest_msg_in_chunk_timestamp_sec: _Optional[int] = ..., initial_hist_bootstrap_inline_payload: _Optional[bytes] = ..., peer_data_request_session_id: _Optional[str] = ..., full_history_sync_on_demand_request_metadata: _Optional[_Union[FullHistorySyncOnDemandRequestMetadata, _Mapping]] = ..., enc_handle: _Optional[str] = ..., message_access_status: _Optional[_Union[HistorySyncMessageAccessStatus, _Mapping]] = ...) -> None: ...

class HistorySyncMessageAccessStatus(_message.Message):
    __slots__ = ("complete_access_granted",)
    COMPLETE_ACCESS_GRANTED_FIELD_NUMBER: _ClassVar[int]
    complete_access_granted: bool
    def __init__(self, complete_access_granted: _Optional[bool] = ...) -> None: ...

class FullHistorySyncOnDemandRequestMetadata(_message.Message):
    __slots__ = ("request_id",)
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    def __init__(self, request_id: _Optional[str] = ...) -> None: ...

class AppStateSyncKeyId(_message.Message):
    __slots__ = ("key_id",)
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    key_id: bytes
    def __init__(self, key_id: _Optional[bytes] = ...) -> None: ...

class AppStateSyncKeyFingerprint(_message.Message):
    __slots__ = ("raw_id", "current_index", "device_indexes")
    RAW_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENT_INDEX_FIELD_NUMBER: _ClassVar[int]
    DEVICE_INDEXES_FIELD_NUMBER: _ClassVar[int]
    raw_id: int
    current_index: int
    device_indexes: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, raw_id: _Optional[int] = ..., current_index: _Optional[int] = ..., device_indexes: _Optional[_Iterable[int]] = ...) -> None: ...

class AppStateSyncKeyData(_message.Message):
    __slots__ = ("key_data", "fingerprint", "timestamp")
    KEY_DATA_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    key_data: bytes
    fingerprint: AppStateSyncKeyFingerprint
    timestamp: int
    def __init__(self, key_data: _Optional[bytes] = ..., fingerprint: _Optional[_Union[AppStateSyncKeyFingerprint, _Mapping]] = ..., timestamp: _Optional[int] = ...) -> None: ...

class AppStateSyncKey(_message.Message):
    __slots__ = ("key_id", "key_data")
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_DATA_FIELD_NUMBER: _ClassVar[int]
    key_id: AppStateSyncKeyId
    key_data: AppStateSyncKeyData
    def __init__(self, key_id: _Optional[_Union[AppStateSyncKeyId, _Mapping]] = ..., key_data: _Optional[_Union[AppStateSyncKeyData, _Mapping]] = ...) -> None: ...

class AppStateSyncKeyShare(_message.Message):
    __slots__ = ("keys",)
    KEYS_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[AppStateSyncKey]
    def __init__(self, keys: _Optional[_Iterable[_Union[AppStateSyncKey, _Mapping]]] = ...) -> None: ...

class AppStateSyncKeyRequest(_message.Message):
    __slots__ = ("key_ids",)
    KEY_IDS_FIELD_NUMBER: _ClassVar[int]
    key_ids: _containers.RepeatedCompositeFieldContainer[AppStateSyncKeyId]
    def __init__(self, key_ids: _Optional[_Iterable[_Union[AppStateSyncKeyId, _Mapping]]] = ...) -> None: ...

class AppStateFatalExceptionNotification(_message.Message):
    __slots__ = ("collection_names", "timestamp")
    COLLECTION_NAMES_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    collection_names: _containers.RepeatedScalarFieldContainer[str]
    timestamp: int
    def __init__(self, collection_names: _Optional[_Iterable[str]] = ..., timestamp: _Optional[int] = ...) -> None: ...

class InitialSecurityNotificationSettingSync(_message.Message):
    __slots__ = ("security_notification_enabled",)
    SECURITY_NOTIFICATION_ENABLED_FIELD_NUMBER: _ClassVar[int]
    security_notification_enabled: bool
    def __init__(self, security_notification_enabled: _Optional[bool] = ...) -> None: ...

class RequestWelcomeMessageMetadata(_message.Message):
    __slots__ = ("local_chat_state",)
    class LocalChatState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        EMPTY: _ClassVar[RequestWelcomeMessageMetadata.LocalChatState]
        NON_EMPTY: _ClassVar[RequestWelcomeMessageMetadata.LocalChatState]
    EMPTY: RequestWelcomeMessageMetadata.LocalChatState
    NON_EMPTY: RequestWelcomeMessageMetadata.LocalChatState
    LOCAL_CHAT_STATE_FIELD_NUMBER: _ClassVar[int]
    local_chat_state: RequestWelcomeMessageMetadata.LocalChatState
    def __init__(self, local_chat_state: _Optional[_Union[RequestWelcomeMessageMetadata.LocalChatState, str]] = ...) -> None: ...

class CloudAPIThreadControlNotification(_message.Message):
    __slots__ = ("status", "sender_notification_timestamp_ms", "consumer_lid", "consumer_phone_number", "notification_content", "should_suppress_notification")
    class CloudAPIThreadControl(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[CloudAPIThreadControlNotification.CloudAPIThreadControl]
        CONTROL_PASSED: _ClassVar[CloudAPIThreadControlNotification.CloudAPIThreadControl]
        CONTROL_TAKEN: _ClassVar[CloudAPIThreadControlNotification.CloudAPIThreadControl]
    UNKNOWN: CloudAPIThreadControlNotification.CloudAPIThreadControl
    CONTROL_PASSED: CloudAPIThreadControlNotification.CloudAPIThreadControl
    CONTROL_TAKEN: CloudAPIThreadControlNotification.CloudAPIThreadControl
    class CloudAPIThreadControlNotificationContent(_message.Message):
        __slots__ = ("handoff_notification_text", "extra_json")
        HANDOFF_NOTIFICATION_TEXT_FIELD_NUMBER: _ClassVar[int]
        EXTRA_JSON_FIELD_NUMBER: _ClassVar[int]
        handoff_notification_text: str
        extra_json: str
        def __init__(self, handoff_notification_text: _Optional[str] = ..., extra_json: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SENDER_NOTIFICATION_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    CONSUMER_LID_FIELD_NUMBER: _ClassVar[int]
    CONSUMER_PHONE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_CONTENT_FIELD_NUMBER: _ClassVar[int]
    SHOULD_SUPPRESS_NOTIFICATION_FIELD_NUMBER: _ClassVar[int]
    status: CloudAPIThreadControlNotification.CloudAPIThreadControl
    sender_notification_timestamp_ms: int
    consumer_lid: str
    consumer_phone_number: str
    notification_content: CloudAPIThreadControlNotification.CloudAPIThreadControlNotificationContent
    should_suppress_notification: bool
    def __init__(self, status: _Optional[_Union[CloudAPIThreadControlNotification.CloudAPIThreadControl, str]] = ..., sender_notification_timestamp_ms: _Optional[int] = ..., consumer_lid: _Optional[str] = ..., consumer_phone_number: _Optional[str] = ..., notification_content: _Optional[_Union[CloudAPIThreadControlNotification.CloudAPIThreadControlNotificationContent, _Mapping]] = ..., should_suppress_notification: _Optional[bool] = ...) -> None: ...

class LimitSharing(_message.Message):
    __slots__ = ("sharing_limited", "trigger", "limit_sharing_setting_timestamp", "initiated_by_me")
    class TriggerType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[LimitSharing.TriggerType]
        CHAT_SETTING: _ClassVar[LimitSharing.TriggerType]
        BIZ_SUPPORTS_FB_HOSTING: _ClassVar[LimitSharing.TriggerType]
        UNKNOWN_GROUP: _ClassVar[LimitSharing.TriggerType]
    UNKNOWN: LimitSharing.TriggerType
    CHAT_SETTING: LimitSharing.TriggerType
    BIZ_SUPPORTS_FB_HOSTING: LimitSharing.TriggerType
    UNKNOWN_GROUP: LimitSharing.TriggerType
    SHARING_LIMITED_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    LIMIT_SHARING_SETTING_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    INITIATED_BY_ME_FIELD_NUMBER: _ClassVar[int]
    sharing_limited: bool
    trigger: LimitSharing.TriggerType
    limit_sharing_setting_timestamp: int
    initiated_by_me: bool
    def __init__(self, sharing_limited: _Optional[bool] = ..., trigger: _Optional[_Union[LimitSharing.TriggerType, str]] = ..., limit_sharing_setting_timestamp: _Optional[int] = ..., initiated_by_me: _Optional[bool] = ...) -> None: ...

class LIDMigrationMappingSyncMessage(_message.Message):
    __slots__ = ("encoded_mapping_payload",)
    ENCODED_MAPPING_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    encoded_mapping_payload: bytes
    def __init__(self, encoded_mapping_payload: _Optional[bytes] = ...) -> None: ...

class LIDMigrationMappingSyncPayload(_message.Message):
    __slots__ = ("pn_to_lid_mappings", "chat_db_migration_timestamp")
    PN_TO_LID_MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    CHAT_DB_MIGRATION_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    pn_to_lid_mappings: _containers.RepeatedCompositeFieldContainer[LIDMigrationMapping]
    chat_db_migration_timestamp: int
    def __init__(self, pn_to_lid_mappings: _Optional[_Iterable[_Union[LIDMigrationMapping, _Mapping]]] = ..., chat_db_migration_timestamp: _Optional[int] = ...) -> None: ...

class LIDMigrationMapping(_message.Message):
    __slots__ = ("pn", "assigned_lid", "latest_lid")
    PN_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_LID_FIELD_NUMBER: _ClassVar[int]
    LATEST_LID_FIELD_NUMBER: _ClassVar[int]
    pn: int
    assigned_lid: int
    latest_lid: int
    def __init__(self, pn: _Optional[int] = ..., assigned_lid: _Optional[int] = ..., latest_lid: _Optional[int] = ...) -> None: ...

class PeerDataOperationRequestMessage(_message.Message):
    __slots__ = ("peer_data_operation_request_type", "request_sticker_reupload", "request_url_preview", "history_sync_on_demand_request", "placeholder_message_resend_request", "full_history_sync_on_demand_request", "syncd_collection_fatal_recovery_request", "history_sync_chunk_retry_request")
    class RequestStickerReupload(_message.Message):
        __slots__ = ("file_sha256",)
        FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
        file_sha256: str
        def __init__(self, file_sha256: _Optional[str] = ...) -> None: ...
    class RequestUrlPreview(_message.Message):
        __slots__ = ("url", "include_hq_thumbnail")
        URL_FIELD_NUMBER: _ClassVar[int]
        INCLUDE_HQ_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
        url: str
        include_hq_thumbnail: bool
        def __init__(self, url: _Optional[str] = ..., include_hq_thumbnail: _Optional[bool] = ...) -> None: ...
    class HistorySyncOnDemandRequest(_message.Message):
        __slots__ = ("chat_jid", "oldest_msg_id", "oldest_msg_from_me", "on_demand_msg_count", "oldest_msg_timestamp_ms", "account_lid")
        CHAT_JID_FIELD_NUMBER: _ClassVar[int]
        OLDEST_MSG_ID_FIELD_NUMBER: _ClassVar[int]
        OLDEST_MSG_FROM_ME_FIELD_NUMBER: _ClassVar[int]
        ON_DEMAND_MSG_COUNT_FIELD_NUMBER: _ClassVar[int]
        OLDEST_MSG_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
        ACCOUNT_LID_FIELD_NUMBER: _ClassVar[int]
        chat_jid: str
        oldest_msg_id: str
        oldest_msg_from_me: bool
        on_demand_msg_count: int
        oldest_msg_timestamp_ms: int
        account_lid: str
        def __init__(self, chat_jid: _Optional[str] = ..., oldest_msg_id: _Optional[str] = ..., oldest_msg_from_me: _Optional[bool] = ..., on_demand_msg_count: _Optional[int] = ..., oldest_msg_timestamp_ms: _Optional[int] = ..., account_lid: _Optional[str] = ...) -> None: ...
    class PlaceholderMessageResendRequest(_message.Message):
        __slots__ = ("message_key",)
        MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
        message_key: _common_pb2.MessageKey
        def __init__(self, message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ...) -> None: ...
    class FullHistorySyncOnDemandRequest(_message.Message):
        __slots__ = ("request_metadata", "history_sync_config")
        REQUEST_METADATA_FIELD_NUMBER: _ClassVar[int]
        HISTORY_SYNC_CONFIG_FIELD_NUMBER: _ClassVar[int]
        request_metadata: FullHistorySyncOnDemandRequestMetadata
        history_sync_config: _companion_pb2.DeviceProps.HistorySyncConfig
        def __init__(self, request_metadata: _Optional[_Union[FullHistorySyncOnDemandRequestMetadata, _Mapping]] = ..., history_sync_config: _Optional[_Union[_companion_pb2.DeviceProps.HistorySyncConfig, _Mapping]] = ...) -> None: ...
    class SyncDCollectionFatalRecoveryRequest(_message.Message):
        __slots__ = ("collection_name", "timestamp")
        COLLECTION_NAME_FIELD_NUMBER: _ClassVar[int]
        TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
        collection_name: str
        timestamp: int
        def __init__(self, collection_name: _Optional[str] = ..., timestamp: _Optional[int] = ...) -> None: ...
    class HistorySyncChunkRetryRequest(_message.Message):
        __slots__ = ("sync_type", "chunk_order", "chunk_notification_id", "regenerate_chunk")
        SYNC_TYPE_FIELD_NUMBER: _ClassVar[int]
        CHUNK_ORDER_FIELD_NUMBER: _ClassVar[int]
        CHUNK_NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
        REGENERATE_CHUNK_FIELD_NUMBER: _ClassVar[int]
        sync_type: Message.HistorySyncType
        chunk_order: int
        chunk_notification_id: str
        regenerate_chunk: bool
        def __init__(self, sync_type: _Optional[_Union[Message.HistorySyncType, str]] = ..., chunk_order: _Optional[int] = ..., chunk_notification_id: _Optional[str] = ..., regenerate_chunk: _Optional[bool] = ...) -> None: ...
    PEER_DATA_OPERATION_REQUEST_TYPE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_STICKER_REUPLOAD_FIELD_NUMBER: _ClassVar[int]
    REQUEST_URL_PREVIEW_FIELD_NUMBER: _ClassVar[int]
    HISTORY_SYNC_ON_DEMAND_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDER_MESSAGE_RESEND_REQUEST_FIELD_NUMBER: _ClassVar[int]
    FULL_HISTORY_SYNC_ON_DEMAND_REQUEST_FIELD_NUMBER: _ClassVar[int]
    SYNCD_COLLECTION_FATAL_RECOVERY_REQUEST_FIELD_NUMBER: _ClassVar[int]
    HISTORY_SYNC_CHUNK_RETRY_REQUEST_FIELD_NUMBER: _ClassVar[int]
    peer_data_operation_request_type: Message.PeerDataOperationRequestType
    request_sticker_reupload: _containers.RepeatedCompositeFieldContainer[PeerDataOperationRequestMessage.RequestStickerReupload]
    request_url_preview: _containers.RepeatedCompositeFieldContainer[PeerDataOperationRequestMessage.RequestUrlPreview]
    history_sync_on_demand_request: PeerDataOperationRequestMessage.HistorySyncOnDemandRequest
    placeholder_message_resend_request: _containers.RepeatedCompositeFieldContainer[PeerDataOperationRequestMessage.PlaceholderMessageResendRequest]
    full_history_sync_on_demand_request: PeerDataOperationRequestMessage.FullHistorySyncOnDemandRequest
    syncd_collection_fatal_recovery_request: PeerDataOperationRequestMessage.SyncDCollectionFatalRecoveryRequest
    history_sync_chunk_retry_request: PeerDataOperationRequestMessage.HistorySyncChunkRetryRequest
    def __init__(self, peer_data_operation_request_type: _Optional[_Union[Message.PeerDataOperationRequestType, str]] = ..., request_sticker_reupload: _Optional[_Iterable[_Union[PeerDataOperationRequestMessage.RequestStickerReupload, _Mapping]]] = ..., request_url_preview: _Optional[_Iterable[_Union[PeerDataOperationRequestMessage.RequestUrlPreview, _Mapping]]] = ..., history_sync_on_demand_request: _Optional[_Union[PeerDataOperationRequestMessage.HistorySyncOnDemandRequest, _Mapping]] = ..., placeholder_message_resend_request: _Optional[_Iterable[_Union[PeerDataOperationRequestMessage.PlaceholderMessageResendRequest, _Mapping]]] = ..., full_history_sync_on_demand_request: _Optional[_Union[PeerDataOperationRequestMessage.FullHistorySyncOnDemandRequest, _Mapping]] = ..., syncd_collection_fatal_recovery_request: _Optional[_Union[PeerDataOperationRequestMessage.SyncDCollectionFatalRecoveryRequest, _Mapping]] = ..., history_sync_chunk_retry_request: _Optional[_Union[PeerDataOperationRequestMessage.HistorySyncChunkRetryRequest, _Mapping]] = ...) -> None: ...

class PeerDataOperationRequestResponseMessage(_message.Message):
    __slots__ = ("peer_data_operation_request_type", "stanza_id", "peer_data_operation_result")
    class PeerDataOperationResult(_message.Message):
        __slots__ = ("media_upload_result", "sticker_message", "link_preview_response", "placeholder_message_resend_response", "full_history_sync_on_demand_request_response", "syncd_snapshot_fatal_recovery_response", "history_sync_chunk_retry_response")
        class FullHistorySyncOnDemandResponseCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            REQUEST_SUCCESS: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode]
            REQUEST_TIME_EXPIRED: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode]
            DECLINED_SHARING_HISTORY: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode]
            GENERIC_ERROR: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode]
            ERROR_REQUEST_ON_NON_SMB_PRIMARY: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode]
            ERROR_HOSTED_DEVICE_NOT_CONNECTED: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode]
            ERROR_HOSTED_DEVICE_LOGIN_TIME_NOT_SET: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode]
        REQUEST_SUCCESS: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
        REQUEST_TIME_EXPIRED: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
        DECLINED_SHARING_HISTORY: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
        GENERIC_ERROR: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
        ERROR_REQUEST_ON_NON_SMB_PRIMARY: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
        ERROR_HOSTED_DEVICE_NOT_CONNECTED: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
        ERROR_HOSTED_DEVICE_LOGIN_TIME_NOT_SET: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
        class HistorySyncChunkRetryResponseCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
            __slots__ = ()
            GENERATION_ERROR: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode]
            CHUNK_CONSUMED: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode]
            TIMEOUT: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode]
            SESSION_EXHAUSTED: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode]
            CHUNK_EXHAUSTED: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode]
            DUPLICATED_REQUEST: _ClassVar[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode]
        GENERATION_ERROR: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode
        CHUNK_CONSUMED: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode
        TIMEOUT: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode
        SESSION_EXHAUSTED: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode
        CHUNK_EXHAUSTED: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode
        DUPLICATED_REQUEST: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode
        class LinkPreviewResponse(_message.Message):
            __slots__ = ("url", "title", "description", "thumb_data", "match_text", "preview_type", "hq_thumbnail")
            class LinkPreviewHighQualityThumbnail(_message.Message):
                __slots__ = ("direct_path", "thumb_hash", "enc_thumb_hash", "media_key", "media_key_timestamp_ms", "thumb_width", "thumb_height")
                DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
                THUMB_HASH_FIELD_NUMBER: _ClassVar[int]
                ENC_THUMB_HASH_FIELD_NUMBER: _ClassVar[int]
                MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
                MEDIA_KEY_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
                THUMB_WIDTH_FIELD_NUMBER: _ClassVar[int]
                THUMB_HEIGHT_FIELD_NUMBER: _ClassVar[int]
                direct_path: str
                thumb_hash: str
                enc_thumb_hash: str
                media_key: bytes
                media_key_timestamp_ms: int
                thumb_width: int
                thumb_height: int
                def __init__(self, direct_path: _Optional[str] = ..., thumb_hash: _Optional[str] = ..., enc_thumb_hash: _Optional[str] = ..., media_key: _Optional[bytes] = ..., media_key_timestamp_ms: _Optional[int] = ..., thumb_width: _Optional[int] = ..., thumb_height: _Optional[int] = ...) -> None: ...
            URL_FIELD_NUMBER: _ClassVar[int]
            TITLE_FIELD_NUMBER: _ClassVar[int]
            DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
            THUMB_DATA_FIELD_NUMBER: _ClassVar[int]
            MATCH_TEXT_FIELD_NUMBER: _ClassVar[int]
            PREVIEW_TYPE_FIELD_NUMBER: _ClassVar[int]
            HQ_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
            url: str
            title: str
            description: str
            thumb_data: bytes
            match_text: str
            preview_type: str
            hq_thumbnail: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.LinkPreviewResponse.LinkPreviewHighQualityThumbnail
            def __init__(self, url: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., thumb_data: _Optional[bytes] = ..., match_text: _Optional[str] = ..., preview_type: _Optional[str] = ..., hq_thumbnail: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.LinkPreviewResponse.LinkPreviewHighQualityThumbnail, _Mapping]] = ...) -> None: ...
        class PlaceholderMessageResendResponse(_message.Message):
            __slots__ = ("web_message_info_bytes",)
            WEB_MESSAGE_INFO_BYTES_FIELD_NUMBER: _ClassVar[int]
            web_message_info_bytes: bytes
            def __init__(self, web_message_info_bytes: _Optional[bytes] = ...) -> None: ...
        class FullHistorySyncOnDemandRequestResponse(_message.Message):
            __slots__ = ("request_metadata", "response_code")
            REQUEST_METADATA_FIELD_NUMBER: _ClassVar[int]
            RESPONSE_CODE_FIELD_NUMBER: _ClassVar[int]
            request_metadata: FullHistorySyncOnDemandRequestMetadata
            response_code: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode
            def __init__(self, request_metadata: _Optional[_Union[FullHistorySyncOnDemandRequestMetadata, _Mapping]] = ..., response_code: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandResponseCode, str]] = ...) -> None: ...
        class SyncDSnapshotFatalRecoveryResponse(_message.Message):
            __slots__ = ("collection_snapshot", "is_compressed")
            COLLECTION_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
            IS_COMPRESSED_FIELD_NUMBER: _ClassVar[int]
            collection_snapshot: bytes
            is_compressed: bool
            def __init__(self, collection_snapshot: _Optional[bytes] = ..., is_compressed: _Optional[bool] = ...) -> None: ...
        class HistorySyncChunkRetryResponse(_message.Message):
            __slots__ = ("sync_type", "chunk_order", "request_id", "response_code", "can_recover")
            SYNC_TYPE_FIELD_NUMBER: _ClassVar[int]
            CHUNK_ORDER_FIELD_NUMBER: _ClassVar[int]
            REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
            RESPONSE_CODE_FIELD_NUMBER: _ClassVar[int]
            CAN_RECOVER_FIELD_NUMBER: _ClassVar[int]
            sync_type: Message.HistorySyncType
            chunk_order: int
            request_id: str
            response_code: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode
            can_recover: bool
            def __init__(self, sync_type: _Optional[_Union[Message.HistorySyncType, str]] = ..., chunk_order: _Optional[int] = ..., request_id: _Optional[str] = ..., response_code: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponseCode, str]] = ..., can_recover: _Optional[bool] = ...) -> None: ...
        MEDIA_UPLOAD_RESULT_FIELD_NUMBER: _ClassVar[int]
        STICKER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
        LINK_PREVIEW_RESPONSE_FIELD_NUMBER: _ClassVar[int]
        PLACEHOLDER_MESSAGE_RESEND_RESPONSE_FIELD_NUMBER: _ClassVar[int]
        FULL_HISTORY_SYNC_ON_DEMAND_REQUEST_RESPONSE_FIELD_NUMBER: _ClassVar[int]
        SYNCD_SNAPSHOT_FATAL_RECOVERY_RESPONSE_FIELD_NUMBER: _ClassVar[int]
        HISTORY_SYNC_CHUNK_RETRY_RESPONSE_FIELD_NUMBER: _ClassVar[int]
        media_upload_result: MediaRetryNotification.ResultType
        sticker_message: StickerMessage
        link_preview_response: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.LinkPreviewResponse
        placeholder_message_resend_response: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.PlaceholderMessageResendResponse
        full_history_sync_on_demand_request_response: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandRequestResponse
        syncd_snapshot_fatal_recovery_response: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.SyncDSnapshotFatalRecoveryResponse
        history_sync_chunk_retry_response: PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponse
        def __init__(self, media_upload_result: _Optional[_Union[MediaRetryNotification.ResultType, str]] = ..., sticker_message: _Optional[_Union[StickerMessage, _Mapping]] = ..., link_preview_response: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.LinkPreviewResponse, _Mapping]] = ..., placeholder_message_resend_response: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.PlaceholderMessageResendResponse, _Mapping]] = ..., full_history_sync_on_demand_request_response: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.FullHistorySyncOnDemandRequestResponse, _Mapping]] = ..., syncd_snapshot_fatal_recovery_response: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.SyncDSnapshotFatalRecoveryResponse, _Mapping]] = ..., history_sync_chunk_retry_response: _Optional[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult.HistorySyncChunkRetryResponse, _Mapping]] = ...) -> None: ...
    PEER_DATA_OPERATION_REQUEST_TYPE_FIELD_NUMBER: _ClassVar[int]
    STANZA_ID_FIELD_NUMBER: _ClassVar[int]
    PEER_DATA_OPERATION_RESULT_FIELD_NUMBER: _ClassVar[int]
    peer_data_operation_request_type: Message.PeerDataOperationRequestType
    stanza_id: str
    peer_data_operation_result: _containers.RepeatedCompositeFieldContainer[PeerDataOperationRequestResponseMessage.PeerDataOperationResult]
    def __init__(self, peer_data_operation_request_type: _Optional[_Union[Message.PeerDataOperationRequestType, str]] = ..., stanza_id: _Optional[str] = ..., peer_data_operation_result: _Optional[_Iterable[_Union[PeerDataOperationRequestResponseMessage.PeerDataOperationResult, _Mapping]]] = ...) -> None: ...

class MediaRetryNotification(_message.Message):
    __slots__ = ("stanza_id", "direct_path", "result", "message_secret")
    class ResultType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        GENERAL_ERROR: _ClassVar[MediaRetryNotification.ResultType]
        SUCCESS: _ClassVar[MediaRetryNotification.ResultType]
        NOT_FOUND: _ClassVar[MediaRetryNotification.ResultType]
        DECRYPTION_ERROR: _ClassVar[MediaRetryNotification.ResultType]
    GENERAL_ERROR: MediaRetryNotification.ResultType
    SUCCESS: MediaRetryNotification.ResultType
    NOT_FOUND: MediaRetryNotification.ResultType
    DECRYPTION_ERROR: MediaRetryNotification.ResultType
    STANZA_ID_FIELD_NUMBER: _ClassVar[int]
    DIRECT_PATH_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_SECRET_FIELD_NUMBER: _ClassVar[int]
    stanza_id: str
    direct_path: str
    result: MediaRetryNotification.ResultType
    message_secret: bytes
    def __init__(self, stanza_id: _Optional[str] = ..., direct_path: _Optional[str] = ..., result: _Optional[_Union[MediaRetryNotification.ResultType, str]] = ..., message_secret: _Optional[bytes] = ...) -> None: ...

class ServerErrorReceipt(_message.Message):
    __slots__ = ("stanza_id",)
    STANZA_ID_FIELD_NUMBER: _ClassVar[int]
    stanza_id: str
    def __init__(self, stanza_id: _Optional[str] = ...) -> None: ...
