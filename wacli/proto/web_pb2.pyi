from wacli.proto import common_pb2 as _common_pb2
from wacli.proto import e2e_pb2 as _e2e_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WebMessageInfo(_message.Message):
    __slots__ = ("key", "message", "message_timestamp", "status", "participant", "message_c2s_timestamp", "ignore", "starred", "broadcast", "push_name", "media_ciphertext_sha256", "multicast", "url_text", "url_number", "message_stub_type", "clear_media", "message_stub_parameters", "duration", "labels", "final_live_location", "ephemeral_start_timestamp", "ephemeral_duration", "ephemeral_off_to_on", "ephemeral_out_of_sync", "biz_privacy_status", "verified_biz_name", "media_data", "photo_change", "user_receipt", "reactions", "quoted_sticker_data", "futureproof_data", "status_psa", "poll_updates", "poll_additional_metadata", "agent_id", "status_already_viewed", "message_secret", "keep_in_chat", "original_self_author_user_jid_string", "revoke_message_timestamp", "pin_in_chat", "premium_message_info", "is_1p_biz_bot_message", "is_group_history_message", "bot_message_invoker_jid", "comment_metadata", "event_responses", "reporting_token_info", "newsletter_server_id", "event_additional_metadata", "is_mentioned_in_status", "status_mentions", "target_message_id", "message_add_ons", "status_mention_message_info", "is_support_ai_message", "status_mention_sources", "support_ai_citations", "bot_target_id", "group_history_individual_message_info", "group_history_bundle_info", "interactive_message_additional_metadata", "quarantined_message")
    class Status(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ERROR: _ClassVar[WebMessageInfo.Status]
        PENDING: _ClassVar[WebMessageInfo.Status]
        SERVER_ACK: _ClassVar[WebMessageInfo.Status]
        DELIVERY_ACK: _ClassVar[WebMessageInfo.Status]
        READ: _ClassVar[WebMessageInfo.Status]
        PLAYED: _ClassVar[WebMessageInfo.Status]
    ERROR: WebMessageInfo.Status
    PENDING: WebMessageInfo.Status
    SERVER_ACK: WebMessageInfo.Status
    DELIVERY_ACK: WebMessageInfo.Status
    READ: WebMessageInfo.Status
    PLAYED: WebMessageInfo.Status
    class BizPrivacyStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        E2EE: _ClassVar[WebMessageInfo.BizPrivacyStatus]
        FB: _ClassVar[WebMessageInfo.BizPrivacyStatus]
        BSP: _ClassVar[WebMessageInfo.BizPrivacyStatus]
        BSP_AND_FB: _ClassVar[WebMessageInfo.BizPrivacyStatus]
    E2EE: WebMessageInfo.BizPrivacyStatus
    FB: WebMessageInfo.BizPrivacyStatus
    BSP: WebMessageInfo.BizPrivacyStatus
    BSP_AND_FB: WebMessageInfo.BizPrivacyStatus
    class StubType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[WebMessageInfo.StubType]
        REVOKE: _ClassVar[WebMessageInfo.StubType]
        CIPHERTEXT: _ClassVar[WebMessageInfo.StubType]
        FUTUREPROOF: _ClassVar[WebMessageInfo.StubType]
        NON_VERIFIED_TRANSITION: _ClassVar[WebMessageInfo.StubType]
        UNVERIFIED_TRANSITION: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_LOW_UNKNOWN: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_HIGH: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_INITIAL_UNKNOWN: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_INITIAL_LOW: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_INITIAL_HIGH: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_ANY_TO_NONE: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_ANY_TO_HIGH: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_HIGH_TO_LOW: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_HIGH_TO_UNKNOWN: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_UNKNOWN_TO_LOW: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_LOW_TO_UNKNOWN: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_NONE_TO_LOW: _ClassVar[WebMessageInfo.StubType]
        VERIFIED_TRANSITION_NONE_TO_UNKNOWN: _ClassVar[WebMessageInfo.StubType]
        GROUP_CREATE: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_SUBJECT: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_ICON: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_INVITE_LINK: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_DESCRIPTION: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_RESTRICT: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_ANNOUNCE: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_ADD: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_REMOVE: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_PROMOTE: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_DEMOTE: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_INVITE: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_LEAVE: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_CHANGE_NUMBER: _ClassVar[WebMessageInfo.StubType]
        BROADCAST_CREATE: _ClassVar[WebMessageInfo.StubType]
        BROADCAST_ADD: _ClassVar[WebMessageInfo.StubType]
        BROADCAST_REMOVE: _ClassVar[WebMessageInfo.StubType]
        GENERIC_NOTIFICATION: _ClassVar[WebMessageInfo.StubType]
        E2E_IDENTITY_CHANGED: _ClassVar[WebMessageInfo.StubType]
        E2E_ENCRYPTED: _ClassVar[WebMessageInfo.StubType]
        CALL_MISSED_VOICE: _ClassVar[WebMessageInfo.StubType]
        CALL_MISSED_VIDEO: _ClassVar[WebMessageInfo.StubType]
        INDIVIDUAL_CHANGE_NUMBER: _ClassVar[WebMessageInfo.StubType]
        GROUP_DELETE: _ClassVar[WebMessageInfo.StubType]
        GROUP_ANNOUNCE_MODE_MESSAGE_BOUNCE: _ClassVar[WebMessageInfo.StubType]
        CALL_MISSED_GROUP_VOICE: _ClassVar[WebMessageInfo.StubType]
        CALL_MISSED_GROUP_VIDEO: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_CIPHERTEXT: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_FUTUREPROOF: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_TRANSACTION_STATUS_UPDATE_FAILED: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_TRANSACTION_STATUS_UPDATE_REFUNDED: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_TRANSACTION_STATUS_UPDATE_REFUND_FAILED: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_TRANSACTION_STATUS_RECEIVER_PENDING_SETUP: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_TRANSACTION_STATUS_RECEIVER_SUCCESS_AFTER_HICCUP: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_ACTION_ACCOUNT_SETUP_REMINDER: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_ACTION_SEND_PAYMENT_REMINDER: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_ACTION_SEND_PAYMENT_INVITATION: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_ACTION_REQUEST_DECLINED: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_ACTION_REQUEST_EXPIRED: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_ACTION_REQUEST_CANCELLED: _ClassVar[WebMessageInfo.StubType]
        BIZ_VERIFIED_TRANSITION_TOP_TO_BOTTOM: _ClassVar[WebMessageInfo.StubType]
        BIZ_VERIFIED_TRANSITION_BOTTOM_TO_TOP: _ClassVar[WebMessageInfo.StubType]
        BIZ_INTRO_TOP: _ClassVar[WebMessageInfo.StubType]
        BIZ_INTRO_BOTTOM: _ClassVar[WebMessageInfo.StubType]
        BIZ_NAME_CHANGE: _ClassVar[WebMessageInfo.StubType]
        BIZ_MOVE_TO_CONSUMER_APP: _ClassVar[WebMessageInfo.StubType]
        BIZ_TWO_TIER_MIGRATION_TOP: _ClassVar[WebMessageInfo.StubType]
        BIZ_TWO_TIER_MIGRATION_BOTTOM: _ClassVar[WebMessageInfo.StubType]
        OVERSIZED: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_NO_FREQUENTLY_FORWARDED: _ClassVar[WebMessageInfo.StubType]
        GROUP_V4_ADD_INVITE_SENT: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_ADD_REQUEST_JOIN: _ClassVar[WebMessageInfo.StubType]
        CHANGE_EPHEMERAL_SETTING: _ClassVar[WebMessageInfo.StubType]
        E2E_DEVICE_CHANGED: _ClassVar[WebMessageInfo.StubType]
        VIEWED_ONCE: _ClassVar[WebMessageInfo.StubType]
        E2E_ENCRYPTED_NOW: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_TO_BSP_PREMISE: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_TO_SELF_FB: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_TO_SELF_PREMISE: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_UNVERIFIED_TO_SELF_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_VERIFIED_TO_SELF_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_PREMISE_TO_SELF_PREMISE: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_PREMISE_UNVERIFIED_TO_SELF_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_PREMISE_VERIFIED_TO_SELF_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_CONSUMER_TO_BSP_FB_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_CONSUMER_TO_BSP_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_CONSUMER_TO_SELF_FB_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_CONSUMER_TO_SELF_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_TO_BSP_PREMISE: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_TO_SELF_PREMISE: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_UNVERIFIED_TO_SELF_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_VERIFIED_TO_SELF_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_PREMISE_TO_BSP_PREMISE: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_TO_BSP_FB: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_TO_CONSUMER: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_TO_SELF_FB: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_UNVERIFIED_TO_BSP_FB_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_UNVERIFIED_TO_BSP_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_UNVERIFIED_TO_SELF_FB_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_UNVERIFIED_TO_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_VERIFIED_TO_BSP_FB_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_VERIFIED_TO_BSP_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_VERIFIED_TO_SELF_FB_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_VERIFIED_TO_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_UNVERIFIED_TO_BSP_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_UNVERIFIED_TO_SELF_FB_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_VERIFIED_TO_BSP_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_BSP_FB_VERIFIED_TO_SELF_FB_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_UNVERIFIED_TO_BSP_PREMISE_VERIFIED: _ClassVar[WebMessageInfo.StubType]
        BLUE_MSG_SELF_FB_VERIFIED_TO_BSP_PREMISE_UNVERIFIED: _ClassVar[WebMessageInfo.StubType]
        E2E_IDENTITY_UNAVAILABLE: _ClassVar[WebMessageInfo.StubType]
        GROUP_CREATING: _ClassVar[WebMessageInfo.StubType]
        GROUP_CREATE_FAILED: _ClassVar[WebMessageInfo.StubType]
        GROUP_BOUNCED: _ClassVar[WebMessageInfo.StubType]
        BLOCK_CONTACT: _ClassVar[WebMessageInfo.StubType]
        EPHEMERAL_SETTING_NOT_APPLIED: _ClassVar[WebMessageInfo.StubType]
        SYNC_FAILED: _ClassVar[WebMessageInfo.StubType]
        SYNCING: _ClassVar[WebMessageInfo.StubType]
        BIZ_PRIVACY_MODE_INIT_FB: _ClassVar[WebMessageInfo.StubType]
        BIZ_PRIVACY_MODE_INIT_BSP: _ClassVar[WebMessageInfo.StubType]
        BIZ_PRIVACY_MODE_TO_FB: _ClassVar[WebMessageInfo.StubType]
        BIZ_PRIVACY_MODE_TO_BSP: _ClassVar[WebMessageInfo.StubType]
        DISAPPEARING_MODE: _ClassVar[WebMessageInfo.StubType]
        E2E_DEVICE_FETCH_FAILED: _ClassVar[WebMessageInfo.StubType]
        ADMIN_REVOKE: _ClassVar[WebMessageInfo.StubType]
        GROUP_INVITE_LINK_GROWTH_LOCKED: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_LINK_PARENT_GROUP: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_LINK_SIBLING_GROUP: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_LINK_SUB_GROUP: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_UNLINK_PARENT_GROUP: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_UNLINK_SIBLING_GROUP: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_UNLINK_SUB_GROUP: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_ACCEPT: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_LINKED_GROUP_JOIN: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_CREATE: _ClassVar[WebMessageInfo.StubType]
        EPHEMERAL_KEEP_IN_CHAT: _ClassVar[WebMessageInfo.StubType]
        GROUP_MEMBERSHIP_JOIN_APPROVAL_REQUEST: _ClassVar[WebMessageInfo.StubType]
        GROUP_MEMBERSHIP_JOIN_APPROVAL_MODE: _ClassVar[WebMessageInfo.StubType]
        INTEGRITY_UNLINK_PARENT_GROUP: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_PARTICIPANT_PROMOTE: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_PARTICIPANT_DEMOTE: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_PARENT_GROUP_DELETED: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_LINK_PARENT_GROUP_MEMBERSHIP_APPROVAL: _ClassVar[WebMessageInfo.StubType]
        GROUP_PARTICIPANT_JOINED_GROUP_AND_PARENT_GROUP: _ClassVar[WebMessageInfo.StubType]
        MASKED_THREAD_CREATED: _ClassVar[WebMessageInfo.StubType]
        MASKED_THREAD_UNMASKED: _ClassVar[WebMessageInfo.StubType]
        BIZ_CHAT_ASSIGNMENT: _ClassVar[WebMessageInfo.StubType]
        CHAT_PSA: _ClassVar[WebMessageInfo.StubType]
        CHAT_POLL_CREATION_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        CAG_MASKED_THREAD_CREATED: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_PARENT_GROUP_SUBJECT_CHANGED: _ClassVar[WebMessageInfo.StubType]
        CAG_INVITE_AUTO_ADD: _ClassVar[WebMessageInfo.StubType]
        BIZ_CHAT_ASSIGNMENT_UNASSIGN: _ClassVar[WebMessageInfo.StubType]
        CAG_INVITE_AUTO_JOINED: _ClassVar[WebMessageInfo.StubType]
        SCHEDULED_CALL_START_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_INVITE_RICH: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_INVITE_AUTO_ADD_RICH: _ClassVar[WebMessageInfo.StubType]
        SUB_GROUP_INVITE_RICH: _ClassVar[WebMessageInfo.StubType]
        SUB_GROUP_PARTICIPANT_ADD_RICH: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_LINK_PARENT_GROUP_RICH: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_PARTICIPANT_ADD_RICH: _ClassVar[WebMessageInfo.StubType]
        SILENCED_UNKNOWN_CALLER_AUDIO: _ClassVar[WebMessageInfo.StubType]
        SILENCED_UNKNOWN_CALLER_VIDEO: _ClassVar[WebMessageInfo.StubType]
        GROUP_MEMBER_ADD_MODE: _ClassVar[WebMessageInfo.StubType]
        GROUP_MEMBERSHIP_JOIN_APPROVAL_REQUEST_NON_ADMIN_ADD: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_CHANGE_DESCRIPTION: _ClassVar[WebMessageInfo.StubType]
        SENDER_INVITE: _ClassVar[WebMessageInfo.StubType]
        RECEIVER_INVITE: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_ALLOW_MEMBER_ADDED_GROUPS: _ClassVar[WebMessageInfo.StubType]
        PINNED_MESSAGE_IN_CHAT: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_INVITE_SETUP_INVITER: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_INVITE_SETUP_INVITEE_RECEIVE_ONLY: _ClassVar[WebMessageInfo.StubType]
        PAYMENT_INVITE_SETUP_INVITEE_SEND_AND_RECEIVE: _ClassVar[WebMessageInfo.StubType]
        LINKED_GROUP_CALL_START: _ClassVar[WebMessageInfo.StubType]
        REPORT_TO_ADMIN_ENABLED_STATUS: _ClassVar[WebMessageInfo.StubType]
        EMPTY_SUBGROUP_CREATE: _ClassVar[WebMessageInfo.StubType]
        SCHEDULED_CALL_CANCEL: _ClassVar[WebMessageInfo.StubType]
        SUBGROUP_ADMIN_TRIGGERED_AUTO_ADD_RICH: _ClassVar[WebMessageInfo.StubType]
        GROUP_CHANGE_RECENT_HISTORY_SHARING: _ClassVar[WebMessageInfo.StubType]
        PAID_MESSAGE_SERVER_CAMPAIGN_ID: _ClassVar[WebMessageInfo.StubType]
        GENERAL_CHAT_CREATE: _ClassVar[WebMessageInfo.StubType]
        GENERAL_CHAT_ADD: _ClassVar[WebMessageInfo.StubType]
        GENERAL_CHAT_AUTO_ADD_DISABLED: _ClassVar[WebMessageInfo.StubType]
        SUGGESTED_SUBGROUP_ANNOUNCE: _ClassVar[WebMessageInfo.StubType]
        BIZ_BOT_1P_MESSAGING_ENABLED: _ClassVar[WebMessageInfo.StubType]
        CHANGE_USERNAME: _ClassVar[WebMessageInfo.StubType]
        BIZ_COEX_PRIVACY_INIT_SELF: _ClassVar[WebMessageInfo.StubType]
        BIZ_COEX_PRIVACY_TRANSITION_SELF: _ClassVar[WebMessageInfo.StubType]
        SUPPORT_AI_EDUCATION: _ClassVar[WebMessageInfo.StubType]
        BIZ_BOT_3P_MESSAGING_ENABLED: _ClassVar[WebMessageInfo.StubType]
        REMINDER_SETUP_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        REMINDER_SENT_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        REMINDER_CANCEL_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        BIZ_COEX_PRIVACY_INIT: _ClassVar[WebMessageInfo.StubType]
        BIZ_COEX_PRIVACY_TRANSITION: _ClassVar[WebMessageInfo.StubType]
        GROUP_DEACTIVATED: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_DEACTIVATE_SIBLING_GROUP: _ClassVar[WebMessageInfo.StubType]
        EVENT_UPDATED: _ClassVar[WebMessageInfo.StubType]
        EVENT_CANCELED: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_OWNER_UPDATED: _ClassVar[WebMessageInfo.StubType]
        COMMUNITY_SUB_GROUP_VISIBILITY_HIDDEN: _ClassVar[WebMessageInfo.StubType]
        CAPI_GROUP_NE2EE_SYSTEM_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        STATUS_MENTION: _ClassVar[WebMessageInfo.StubType]
        USER_CONTROLS_SYSTEM_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        SUPPORT_SYSTEM_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        CHANGE_LID: _ClassVar[WebMessageInfo.StubType]
        BIZ_CUSTOMER_3PD_DATA_SHARING_OPT_IN_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        BIZ_CUSTOMER_3PD_DATA_SHARING_OPT_OUT_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        CHANGE_LIMIT_SHARING: _ClassVar[WebMessageInfo.StubType]
        GROUP_MEMBER_LINK_MODE: _ClassVar[WebMessageInfo.StubType]
        BIZ_AUTOMATICALLY_LABELED_CHAT_SYSTEM_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        PHONE_NUMBER_HIDING_CHAT_DEPRECATED_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        QUARANTINED_MESSAGE: _ClassVar[WebMessageInfo.StubType]
        GROUP_MEMBER_SHARE_GROUP_HISTORY_MODE: _ClassVar[WebMessageInfo.StubType]
    UNKNOWN: WebMessageInfo.StubType
    REVOKE: WebMessageInfo.StubType
    CIPHERTEXT: WebMessageInfo.StubType
    FUTUREPROOF: WebMessageInfo.StubType
    NON_VERIFIED_TRANSITION: WebMessageInfo.StubType
    UNVERIFIED_TRANSITION: WebMessageInfo.StubType
    VERIFIED_TRANSITION: WebMessageInfo.StubType
    VERIFIED_LOW_UNKNOWN: WebMessageInfo.StubType
    VERIFIED_HIGH: WebMessageInfo.StubType
    VERIFIED_INITIAL_UNKNOWN: WebMessageInfo.StubType
    VERIFIED_INITIAL_LOW: WebMessageInfo.StubType
    VERIFIED_INITIAL_HIGH: WebMessageInfo.StubType
    VERIFIED_TRANSITION_ANY_TO_NONE: WebMessageInfo.StubType
    VERIFIED_TRANSITION_ANY_TO_HIGH: WebMessageInfo.StubType
    VERIFIED_TRANSITION_HIGH_TO_LOW: WebMessageInfo.StubType
    VERIFIED_TRANSITION_HIGH_TO_UNKNOWN: WebMessageInfo.StubType
    VERIFIED_TRANSITION_UNKNOWN_TO_LOW: WebMessageInfo.StubType
    VERIFIED_TRANSITION_LOW_TO_UNKNOWN: WebMessageInfo.StubType
    VERIFIED_TRANSITION_NONE_TO_LOW: WebMessageInfo.StubType
    VERIFIED_TRANSITION_NONE_TO_UNKNOWN: WebMessageInfo.StubType
    GROUP_CREATE: WebMessageInfo.StubType
    GROUP_CHANGE_SUBJECT: WebMessageInfo.StubType
    GROUP_CHANGE_ICON: WebMessageInfo.StubType
    GROUP_CHANGE_INVITE_LINK: WebMessageInfo.StubType
    GROUP_CHANGE_DESCRIPTION: WebMessageInfo.StubType
    GROUP_CHANGE_RESTRICT: WebMessageInfo.StubType
    GROUP_CHANGE_ANNOUNCE: WebMessageInfo.StubType
    GROUP_PARTICIPANT_ADD: WebMessageInfo.StubType
    GROUP_PARTICIPANT_REMOVE: WebMessageInfo.StubType
    GROUP_PARTICIPANT_PROMOTE: WebMessageInfo.StubType
    GROUP_PARTICIPANT_DEMOTE: WebMessageInfo.StubType
    GROUP_PARTICIPANT_INVITE: WebMessageInfo.StubType
    GROUP_PARTICIPANT_LEAVE: WebMessageInfo.StubType
    GROUP_PARTICIPANT_CHANGE_NUMBER: WebMessageInfo.StubType
    BROADCAST_CREATE: WebMessageInfo.StubType
    BROADCAST_ADD: WebMessageInfo.StubType
    BROADCAST_REMOVE: WebMessageInfo.StubType
    GENERIC_NOTIFICATION: WebMessageInfo.StubType
    E2E_IDENTITY_CHANGED: WebMessageInfo.StubType
    E2E_ENCRYPTED: WebMessageInfo.StubType
    CALL_MISSED_VOICE: WebMessageInfo.StubType
    CALL_MISSED_VIDEO: WebMessageInfo.StubType
    INDIVIDUAL_CHANGE_NUMBER: WebMessageInfo.StubType
    GROUP_DELETE: WebMessageInfo.StubType
    GROUP_ANNOUNCE_MODE_MESSAGE_BOUNCE: WebMessageInfo.StubType
    CALL_MISSED_GROUP_VOICE: WebMessageInfo.StubType
    CALL_MISSED_GROUP_VIDEO: WebMessageInfo.StubType
    PAYMENT_CIPHERTEXT: WebMessageInfo.StubType
    PAYMENT_FUTUREPROOF: WebMessageInfo.StubType
    PAYMENT_TRANSACTION_STATUS_UPDATE_FAILED: WebMessageInfo.StubType
    PAYMENT_TRANSACTION_STATUS_UPDATE_REFUNDED: WebMessageInfo.StubType
    PAYMENT_TRANSACTION_STATUS_UPDATE_REFUND_FAILED: WebMessageInfo.StubType
    PAYMENT_TRANSACTION_STATUS_RECEIVER_PENDING_SETUP: WebMessageInfo.StubType
    PAYMENT_TRANSACTION_STATUS_RECEIVER_SUCCESS_AFTER_HICCUP: WebMessageInfo.StubType
    PAYMENT_ACTION_ACCOUNT_SETUP_REMINDER: WebMessageInfo.StubType
    PAYMENT_ACTION_SEND_PAYMENT_REMINDER: WebMessageInfo.StubType
    PAYMENT_ACTION_SEND_PAYMENT_INVITATION: WebMessageInfo.StubType
    PAYMENT_ACTION_REQUEST_DECLINED: WebMessageInfo.StubType
    PAYMENT_ACTION_REQUEST_EXPIRED: WebMessageInfo.StubType
    PAYMENT_ACTION_REQUEST_CANCELLED: WebMessageInfo.StubType
    BIZ_VERIFIED_TRANSITION_TOP_TO_BOTTOM: WebMessageInfo.StubType
    BIZ_VERIFIED_TRANSITION_BOTTOM_TO_TOP: WebMessageInfo.StubType
    BIZ_INTRO_TOP: WebMessageInfo.StubType
    BIZ_INTRO_BOTTOM: WebMessageInfo.StubType
    BIZ_NAME_CHANGE: WebMessageInfo.StubType
    BIZ_MOVE_TO_CONSUMER_APP: WebMessageInfo.StubType
    BIZ_TWO_TIER_MIGRATION_TOP: WebMessageInfo.StubType
    BIZ_TWO_TIER_MIGRATION_BOTTOM: WebMessageInfo.StubType
    OVERSIZED: WebMessageInfo.StubType
    GROUP_CHANGE_NO_FREQUENTLY_FORWARDED: WebMessageInfo.StubType
    GROUP_V4_ADD_INVITE_SENT: WebMessageInfo.StubType
    GROUP_PARTICIPANT_ADD_REQUEST_JOIN: WebMessageInfo.StubType
    CHANGE_EPHEMERAL_SETTING: WebMessageInfo.StubType
    E2E_DEVICE_CHANGED: WebMessageInfo.StubType
    VIEWED_ONCE: WebMessageInfo.StubType
    E2E_ENCRYPTED_NOW: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_TO_BSP_PREMISE: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_TO_SELF_FB: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_TO_SELF_PREMISE: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_UNVERIFIED_TO_SELF_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_VERIFIED_TO_SELF_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_PREMISE_TO_SELF_PREMISE: WebMessageInfo.StubType
    BLUE_MSG_BSP_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_PREMISE_UNVERIFIED_TO_SELF_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_PREMISE_VERIFIED_TO_SELF_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_CONSUMER_TO_BSP_FB_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_CONSUMER_TO_BSP_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_CONSUMER_TO_SELF_FB_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_CONSUMER_TO_SELF_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_TO_BSP_PREMISE: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_TO_SELF_PREMISE: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_UNVERIFIED_TO_SELF_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_VERIFIED_TO_SELF_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_PREMISE_TO_BSP_PREMISE: WebMessageInfo.StubType
    BLUE_MSG_SELF_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_TO_BSP_FB: WebMessageInfo.StubType
    BLUE_MSG_TO_CONSUMER: WebMessageInfo.StubType
    BLUE_MSG_TO_SELF_FB: WebMessageInfo.StubType
    BLUE_MSG_UNVERIFIED_TO_BSP_FB_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_UNVERIFIED_TO_BSP_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_UNVERIFIED_TO_SELF_FB_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_UNVERIFIED_TO_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_VERIFIED_TO_BSP_FB_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_VERIFIED_TO_BSP_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_VERIFIED_TO_SELF_FB_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_VERIFIED_TO_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_UNVERIFIED_TO_BSP_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_UNVERIFIED_TO_SELF_FB_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_VERIFIED_TO_BSP_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_BSP_FB_VERIFIED_TO_SELF_FB_UNVERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_UNVERIFIED_TO_BSP_PREMISE_VERIFIED: WebMessageInfo.StubType
    BLUE_MSG_SELF_FB_VERIFIED_TO_BSP_PREMISE_UNVERIFIED: WebMessageInfo.StubType
    E2E_IDENTITY_UNAVAILABLE: WebMessageInfo.StubType
    GROUP_CREATING: WebMessageInfo.StubType
    GROUP_CREATE_FAILED: WebMessageInfo.StubType
    GROUP_BOUNCED: WebMessageInfo.StubType
    BLOCK_CONTACT: WebMessageInfo.StubType
    EPHEMERAL_SETTING_NOT_APPLIED: WebMessageInfo.StubType
    SYNC_FAILED: WebMessageInfo.StubType
    SYNCING: WebMessageInfo.StubType
    BIZ_PRIVACY_MODE_INIT_FB: WebMessageInfo.StubType
    BIZ_PRIVACY_MODE_INIT_BSP: WebMessageInfo.StubType
    BIZ_PRIVACY_MODE_TO_FB: WebMessageInfo.StubType
    BIZ_PRIVACY_MODE_TO_BSP: WebMessageInfo.StubType
    DISAPPEARING_MODE: WebMessageInfo.StubType
    E2E_DEVICE_FETCH_FAILED: WebMessageInfo.StubType
    ADMIN_REVOKE: WebMessageInfo.StubType
    GROUP_INVITE_LINK_GROWTH_LOCKED: WebMessageInfo.StubType
    COMMUNITY_LINK_PARENT_GROUP: WebMessageInfo.StubType
    COMMUNITY_LINK_SIBLING_GROUP: WebMessageInfo.StubType
    COMMUNITY_LINK_SUB_GROUP: WebMessageInfo.StubType
    COMMUNITY_UNLINK_PARENT_GROUP: WebMessageInfo.StubType
    COMMUNITY_UNLINK_SIBLING_GROUP: WebMessageInfo.StubType
    COMMUNITY_UNLINK_SUB_GROUP: WebMessageInfo.StubType
    GROUP_PARTICIPANT_ACCEPT: WebMessageInfo.StubType
    GROUP_PARTICIPANT_LINKED_GROUP_JOIN: WebMessageInfo.StubType
    COMMUNITY_CREATE: WebMessageInfo.StubType
    EPHEMERAL_KEEP_IN_CHAT: WebMessageInfo.StubType
    GROUP_MEMBERSHIP_JOIN_APPROVAL_REQUEST: WebMessageInfo.StubType
    GROUP_MEMBERSHIP_JOIN_APPROVAL_MODE: WebMessageInfo.StubType
    INTEGRITY_UNLINK_PARENT_GROUP: WebMessageInfo.StubType
    COMMUNITY_PARTICIPANT_PROMOTE: WebMessageInfo.StubType
    COMMUNITY_PARTICIPANT_DEMOTE: WebMessageInfo.StubType
    COMMUNITY_PARENT_GROUP_DELETED: WebMessageInfo.StubType
    COMMUNITY_LINK_PARENT_GROUP_MEMBERSHIP_APPROVAL: WebMessageInfo.StubType
    GROUP_PARTICIPANT_JOINED_GROUP_AND_PARENT_GROUP: WebMessageInfo.StubType
    MASKED_THREAD_CREATED: WebMessageInfo.StubType
    MASKED_THREAD_UNMASKED: WebMessageInfo.StubType
    BIZ_CHAT_ASSIGNMENT: WebMessageInfo.StubType
    CHAT_PSA: WebMessageInfo.StubType
    CHAT_POLL_CREATION_MESSAGE: WebMessageInfo.StubType
    CAG_MASKED_THREAD_CREATED: WebMessageInfo.StubType
    COMMUNITY_PARENT_GROUP_SUBJECT_CHANGED: WebMessageInfo.StubType
    CAG_INVITE_AUTO_ADD: WebMessageInfo.StubType
    BIZ_CHAT_ASSIGNMENT_UNASSIGN: WebMessageInfo.StubType
    CAG_INVITE_AUTO_JOINED: WebMessageInfo.StubType
    SCHEDULED_CALL_START_MESSAGE: WebMessageInfo.StubType
    COMMUNITY_INVITE_RICH: WebMessageInfo.StubType
    COMMUNITY_INVITE_AUTO_ADD_RICH: WebMessageInfo.StubType
    SUB_GROUP_INVITE_RICH: WebMessageInfo.StubType
    SUB_GROUP_PARTICIPANT_ADD_RICH: WebMessageInfo.StubType
    COMMUNITY_LINK_PARENT_GROUP_RICH: WebMessageInfo.StubType
    COMMUNITY_PARTICIPANT_ADD_RICH: WebMessageInfo.StubType
    SILENCED_UNKNOWN_CALLER_AUDIO: WebMessageInfo.StubType
    SILENCED_UNKNOWN_CALLER_VIDEO: WebMessageInfo.StubType
    GROUP_MEMBER_ADD_MODE: WebMessageInfo.StubType
    GROUP_MEMBERSHIP_JOIN_APPROVAL_REQUEST_NON_ADMIN_ADD: WebMessageInfo.StubType
    COMMUNITY_CHANGE_DESCRIPTION: WebMessageInfo.StubType
    SENDER_INVITE: WebMessageInfo.StubType
    RECEIVER_INVITE: WebMessageInfo.StubType
    COMMUNITY_ALLOW_MEMBER_ADDED_GROUPS: WebMessageInfo.StubType
    PINNED_MESSAGE_IN_CHAT: WebMessageInfo.StubType
    PAYMENT_INVITE_SETUP_INVITER: WebMessageInfo.StubType
    PAYMENT_INVITE_SETUP_INVITEE_RECEIVE_ONLY: WebMessageInfo.StubType
    PAYMENT_INVITE_SETUP_INVITEE_SEND_AND_RECEIVE: WebMessageInfo.StubType
    LINKED_GROUP_CALL_START: WebMessageInfo.StubType
    REPORT_TO_ADMIN_ENABLED_STATUS: WebMessageInfo.StubType
    EMPTY_SUBGROUP_CREATE: WebMessageInfo.StubType
    SCHEDULED_CALL_CANCEL: WebMessageInfo.StubType
    SUBGROUP_ADMIN_TRIGGERED_AUTO_ADD_RICH: WebMessageInfo.StubType
    GROUP_CHANGE_RECENT_HISTORY_SHARING: WebMessageInfo.StubType
    PAID_MESSAGE_SERVER_CAMPAIGN_ID: WebMessageInfo.StubType
    GENERAL_CHAT_CREATE: WebMessageInfo.StubType
    GENERAL_CHAT_ADD: WebMessageInfo.StubType
    GENERAL_CHAT_AUTO_ADD_DISABLED: WebMessageInfo.StubType
    SUGGESTED_SUBGROUP_ANNOUNCE: WebMessageInfo.StubType
    BIZ_BOT_1P_MESSAGING_ENABLED: WebMessageInfo.StubType
    CHANGE_USERNAME: WebMessageInfo.StubType
    BIZ_COEX_PRIVACY_INIT_SELF: WebMessageInfo.StubType
    BIZ_COEX_PRIVACY_TRANSITION_SELF: WebMessageInfo.StubType
    SUPPORT_AI_EDUCATION: WebMessageInfo.StubType
    BIZ_BOT_3P_MESSAGING_ENABLED: WebMessageInfo.StubType
    REMINDER_SETUP_MESSAGE: WebMessageInfo.StubType
    REMINDER_SENT_MESSAGE: WebMessageInfo.StubType
    REMINDER_CANCEL_MESSAGE: WebMessageInfo.StubType
    BIZ_COEX_PRIVACY_INIT: WebMessageInfo.StubType
    BIZ_COEX_PRIVACY_TRANSITION: WebMessageInfo.StubType
    GROUP_DEACTIVATED: WebMessageInfo.StubType
    COMMUNITY_DEACTIVATE_SIBLING_GROUP: WebMessageInfo.StubType
    EVENT_UPDATED: WebMessageInfo.StubType
    EVENT_CANCELED: WebMessageInfo.StubType
    COMMUNITY_OWNER_UPDATED: WebMessageInfo.StubType
    COMMUNITY_SUB_GROUP_VISIBILITY_HIDDEN: WebMessageInfo.StubType
    CAPI_GROUP_NE2EE_SYSTEM_MESSAGE: WebMessageInfo.StubType
    STATUS_MENTION: WebMessageInfo.StubType
    USER_CONTROLS_SYSTEM_MESSAGE: WebMessageInfo.StubType
    SUPPORT_SYSTEM_MESSAGE: WebMessageInfo.StubType
    CHANGE_LID: WebMessageInfo.StubType
    BIZ_CUSTOMER_3PD_DATA_SHARING_OPT_IN_MESSAGE: WebMessageInfo.StubType
    BIZ_CUSTOMER_3PD_DATA_SHARING_OPT_OUT_MESSAGE: WebMessageInfo.StubType
    CHANGE_LIMIT_SHARING: WebMessageInfo.StubType
    GROUP_MEMBER_LINK_MODE: WebMessageInfo.StubType
    BIZ_AUTOMATICALLY_LABELED_CHAT_SYSTEM_MESSAGE: WebMessageInfo.StubType
    PHONE_NUMBER_HIDING_CHAT_DEPRECATED_MESSAGE: WebMessageInfo.StubType
    QUARANTINED_MESSAGE: WebMessageInfo.StubType
    GROUP_MEMBER_SHARE_GROUP_HISTORY_MODE: WebMessageInfo.StubType
    KEY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_C2S_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    IGNORE_FIELD_NUMBER: _ClassVar[int]
    STARRED_FIELD_NUMBER: _ClassVar[int]
    BROADCAST_FIELD_NUMBER: _ClassVar[int]
    PUSH_NAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_CIPHERTEXT_SHA256_FIELD_NUMBER: _ClassVar[int]
    MULTICAST_FIELD_NUMBER: _ClassVar[int]
    URL_TEXT_FIELD_NUMBER: _ClassVar[int]
    URL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_STUB_TYPE_FIELD_NUMBER: _ClassVar[int]
    CLEAR_MEDIA_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_STUB_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    FINAL_LIVE_LOCATION_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_START_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_DURATION_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_OFF_TO_ON_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_OUT_OF_SYNC_FIELD_NUMBER: _ClassVar[int]
    BIZ_PRIVACY_STATUS_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_BIZ_NAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_DATA_FIELD_NUMBER: _ClassVar[int]
    PHOTO_CHANGE_FIELD_NUMBER: _ClassVar[int]
    USER_RECEIPT_FIELD_NUMBER: _ClassVar[int]
    REACTIONS_FIELD_NUMBER: _ClassVar[int]
    QUOTED_STICKER_DATA_FIELD_NUMBER: _ClassVar[int]
    FUTUREPROOF_DATA_FIELD_NUMBER: _ClassVar[int]
    STATUS_PSA_FIELD_NUMBER: _ClassVar[int]
    POLL_UPDATES_FIELD_NUMBER: _ClassVar[int]
    POLL_ADDITIONAL_METADATA_FIELD_NUMBER: _ClassVar[int]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_ALREADY_VIEWED_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_SECRET_FIELD_NUMBER: _ClassVar[int]
    KEEP_IN_CHAT_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SELF_AUTHOR_USER_JID_STRING_FIELD_NUMBER: _ClassVar[int]
    REVOKE_MESSAGE_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    PIN_IN_CHAT_FIELD_NUMBER: _ClassVar[int]
    PREMIUM_MESSAGE_INFO_FIELD_NUMBER: _ClassVar[int]
    IS_1P_BIZ_BOT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    IS_GROUP_HISTORY_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    BOT_MESSAGE_INVOKER_JID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_METADATA_FIELD_NUMBER: _ClassVar[int]
    EVENT_RESPONSES_FIELD_NUMBER: _ClassVar[int]
    REPORTING_TOKEN_INFO_FIELD_NUMBER: _ClassVar[int]
    NEWSLETTER_SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_ADDITIONAL_METADATA_FIELD_NUMBER: _ClassVar[int]
    IS_MENTIONED_IN_STATUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_MENTIONS_FIELD_NUMBER: _ClassVar[int]
    TARGET_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ADD_ONS_FIELD_NUMBER: _ClassVar[int]
    STATUS_MENTION_MESSAGE_INFO_FIELD_NUMBER: _ClassVar[int]
    IS_SUPPORT_AI_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_MENTION_SOURCES_FIELD_NUMBER: _ClassVar[int]
    SUPPORT_AI_CITATIONS_FIELD_NUMBER: _ClassVar[int]
    BOT_TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_HISTORY_INDIVIDUAL_MESSAGE_INFO_FIELD_NUMBER: _ClassVar[int]
    GROUP_HISTORY_BUNDLE_INFO_FIELD_NUMBER: _ClassVar[int]
    INTERACTIVE_MESSAGE_ADDITIONAL_METADATA_FIELD_NUMBER: _ClassVar[int]
    QUARANTINED_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    message: _e2e_pb2.Message
    message_timestamp: int
    status: WebMessageInfo.Status
    participant: str
    message_c2s_timestamp: int
    ignore: bool
    starred: bool
    broadcast: bool
    push_name: str
    media_ciphertext_sha256: bytes
    multicast: bool
    url_text: bool
    url_number: bool
    message_stub_type: WebMessageInfo.StubType
    clear_media: bool
    message_stub_parameters: _containers.RepeatedScalarFieldContainer[str]
    duration: int
    labels: _containers.RepeatedScalarFieldContainer[str]
    final_live_location: _e2e_pb2.LiveLocationMessage
    ephemeral_start_timestamp: int
    ephemeral_duration: int
    ephemeral_off_to_on: bool
    ephemeral_out_of_sync: bool
    biz_privacy_status: WebMessageInfo.BizPrivacyStatus
    verified_biz_name: str
    media_data: MediaData
    photo_change: PhotoChange
    user_receipt: _containers.RepeatedCompositeFieldContainer[UserReceipt]
    reactions: _containers.RepeatedCompositeFieldContainer[Reaction]
    quoted_sticker_data: MediaData
    futureproof_data: bytes
    status_psa: StatusPSA
    poll_updates: _containers.RepeatedCompositeFieldContainer[PollUpdate]
    poll_additional_metadata: PollAdditionalMetadata
    agent_id: str
    status_already_viewed: bool
    message_secret: bytes
    keep_in_chat: KeepInChat
    original_self_author_user_jid_string: str
    revoke_message_timestamp: int
    pin_in_chat: PinInChat
    premium_message_info: PremiumMessageInfo
    is_1p_biz_bot_message: bool
    is_group_history_message: bool
    bot_message_invoker_jid: str
    comment_metadata: CommentMetadata
    event_responses: _containers.RepeatedCompositeFieldContainer[EventResponse]
    reporting_token_info: ReportingTokenInfo
    newsletter_server_id: int
    event_additional_metadata: EventAdditionalMetadata
    is_mentioned_in_status: bool
    status_mentions: _containers.RepeatedScalarFieldContainer[str]
    target_message_id: _common_pb2.MessageKey
    message_add_ons: _containers.RepeatedCompositeFieldContainer[MessageAddOn]
    status_mention_message_info: StatusMentionMessage
    is_support_ai_message: bool
    status_mention_sources: _containers.RepeatedScalarFieldContainer[str]
    support_ai_citations: _containers.RepeatedCompositeFieldContainer[Citation]
    bot_target_id: str
    group_history_individual_message_info: GroupHistoryIndividualMessageInfo
    group_history_bundle_info: GroupHistoryBundleInfo
    interactive_message_additional_metadata: InteractiveMessageAdditionalMetadata
    quarantined_message: QuarantinedMessage
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., message: _Optional[_Union[_e2e_pb2.Message, _Mapping]] = ..., message_timestamp: _Optional[int] = ..., status: _Optional[_Union[WebMessageInfo.Status, str]] = ..., participant: _Optional[str] = ..., message_c2s_timestamp: _Optional[int] = ..., ignore: _Optional[bool] = ..., starred: _Optional[bool] = ..., broadcast: _Optional[bool] = ..., push_name: _Optional[str] = ..., media_ciphertext_sha256: _Optional[bytes] = ..., multicast: _Optional[bool] = ..., url_text: _Optional[bool] = ..., url_number: _Optional[bool] = ..., message_stub_type: _Optional[_Union[WebMessageInfo.StubType, str]] = ..., clear_media: _Optional[bool] = ..., message_stub_parameters: _Optional[_Iterable[str]] = ..., duration: _Optional[int] = ..., labels: _Optional[_Iterable[str]] = ..., final_live_location: _Optional[_Union[_e2e_pb2.LiveLocationMessage, _Mapping]] = ..., ephemeral_start_timestamp: _Optional[int] = ..., ephemeral_duration: _Optional[int] = ..., ephemeral_off_to_on: _Optional[bool] = ..., ephemeral_out_of_sync: _Optional[bool] = ..., biz_privacy_status: _Optional[_Union[WebMessageInfo.BizPrivacyStatus, str]] = ..., verified_biz_name: _Optional[str] = ..., media_data: _Optional[_Union[MediaData, _Mapping]] = ..., photo_change: _Optional[_Union[PhotoChange, _Mapping]] = ..., user_receipt: _Optional[_Iterable[_Union[UserReceipt, _Mapping]]] = ..., reactions: _Optional[_Iterable[_Union[Reaction, _Mapping]]] = ..., quoted_sticker_data: _Optional[_Union[MediaData, _Mapping]] = ..., futureproof_data: _Optional[bytes] = ..., status_psa: _Optional[_Union[StatusPSA, _Mapping]] = ..., poll_updates: _Optional[_Iterable[_Union[PollUpdate, _Mapping]]] = ..., poll_additional_metadata: _Optional[_Union[PollAdditionalMetadata, _Mapping]] = ..., agent_id: _Optional[str] = ..., status_already_viewed: _Optional[bool] = ..., message_secret: _Optional[bytes] = ..., keep_in_chat: _Optional[_Union[KeepInChat, _Mapping]] = ..., original_self_author_user_jid_string: _Optional[str] = ..., revoke_message_timestamp: _Optional[int] = ..., pin_in_chat: _Optional[_Union[PinInChat, _Mapping]] = ..., premium_message_info: _Optional[_Union[PremiumMessageInfo, _Mapping]] = ..., is_1p_biz_bot_message: _Optional[bool] = ..., is_group_history_message: _Optional[bool] = ..., bot_message_invoker_jid: _Optional[str] = ..., comment_metadata: _Optional[_Union[CommentMetadata, _Mapping]] = ..., event_responses: _Optional[_Iterable[_Union[EventResponse, _Mapping]]] = ..., reporting_token_info: _Optional[_Union[ReportingTokenInfo, _Mapping]] = ..., newsletter_server_id: _Optional[int] = ..., event_additional_metadata: _Optional[_Union[EventAdditionalMetadata, _Mapping]] = ..., is_mentioned_in_status: _Optional[bool] = ..., status_mentions: _Optional[_Iterable[str]] = ..., target_message_id: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., message_add_ons: _Optional[_Iterable[_Union[MessageAddOn, _Mapping]]] = ..., status_mention_message_info: _Optional[_Union[StatusMentionMessage, _Mapping]] = ..., is_support_ai_message: _Optional[bool] = ..., status_mention_sources: _Optional[_Iterable[str]] = ..., support_ai_citations: _Optional[_Iterable[_Union[Citation, _Mapping]]] = ..., bot_target_id: _Optional[str] = ..., group_history_individual_message_info: _Optional[_Union[GroupHistoryIndividualMessageInfo, _Mapping]] = ..., group_history_bundle_info: _Optional[_Union[GroupHistoryBundleInfo, _Mapping]] = ..., interactive_message_additional_metadata: _Optional[_Union[InteractiveMessageAdditionalMetadata, _Mapping]] = ..., quarantined_message: _Optional[_Union[QuarantinedMessage, _Mapping]] = ...) -> None: ...

class PhotoChange(_message.Message):
    __slots__ = ("old_photo", "new_photo", "new_photo_id")
    OLD_PHOTO_FIELD_NUMBER: _ClassVar[int]
    NEW_PHOTO_FIELD_NUMBER: _ClassVar[int]
    NEW_PHOTO_ID_FIELD_NUMBER: _ClassVar[int]
    old_photo: bytes
    new_photo: bytes
    new_photo_id: int
    def __init__(self, old_photo: _Optional[bytes] = ..., new_photo: _Optional[bytes] = ..., new_photo_id: _Optional[int] = ...) -> None: ...

class UserReceipt(_message.Message):
    __slots__ = ("user_jid", "receipt_timestamp", "read_timestamp", "played_timestamp", "pending_device_jid", "delivered_device_jid")
    USER_JID_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    READ_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    PLAYED_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    PENDING_DEVICE_JID_FIELD_NUMBER: _ClassVar[int]
    DELIVERED_DEVICE_JID_FIELD_NUMBER: _ClassVar[int]
    user_jid: str
    receipt_timestamp: int
    read_timestamp: int
    played_timestamp: int
    pending_device_jid: _containers.RepeatedScalarFieldContainer[str]
    delivered_device_jid: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_jid: _Optional[str] = ..., receipt_timestamp: _Optional[int] = ..., read_timestamp: _Optional[int] = ..., played_timestamp: _Optional[int] = ..., pending_device_jid: _Optional[_Iterable[str]] = ..., delivered_device_jid: _Optional[_Iterable[str]] = ...) -> None: ...

class Reaction(_message.Message):
    __slots__ = ("key", "text", "grouping_key", "sender_timestamp_ms", "unread")
    KEY_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    GROUPING_KEY_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    UNREAD_FIELD_NUMBER: _ClassVar[int]
    key: _common_pb2.MessageKey
    text: str
    grouping_key: str
    sender_timestamp_ms: int
    unread: bool
    def __init__(self, key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., text: _Optional[str] = ..., grouping_key: _Optional[str] = ..., sender_timestamp_ms: _Optional[int] = ..., unread: _Optional[bool] = ...) -> None: ...

class PollUpdate(_message.Message):
    __slots__ = ("poll_update_message_key", "vote", "sender_timestamp_ms", "server_timestamp_ms", "unread")
    POLL_UPDATE_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    VOTE_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    SERVER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    UNREAD_FIELD_NUMBER: _ClassVar[int]
    poll_update_message_key: _common_pb2.MessageKey
    vote: _e2e_pb2.PollVoteMessage
    sender_timestamp_ms: int
    server_timestamp_ms: int
    unread: bool
    def __init__(self, poll_update_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., vote: _Optional[_Union[_e2e_pb2.PollVoteMessage, _Mapping]] = ..., sender_timestamp_ms: _Optional[int] = ..., server_timestamp_ms: _Optional[int] = ..., unread: _Optional[bool] = ...) -> None: ...

class PollAdditionalMetadata(_message.Message):
    __slots__ = ("poll_invalidated",)
    POLL_INVALIDATED_FIELD_NUMBER: _ClassVar[int]
    poll_invalidated: bool
    def __init__(self, poll_invalidated: _Optional[bool] = ...) -> None: ...

class PinInChat(_message.Message):
    __slots__ = ("type", "key", "sender_timestamp_ms", "server_timestamp_ms", "message_add_on_context_info")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN_TYPE: _ClassVar[PinInChat.Type]
        PIN_FOR_ALL: _ClassVar[PinInChat.Type]
        UNPIN_FOR_ALL: _ClassVar[PinInChat.Type]
    UNKNOWN_TYPE: PinInChat.Type
    PIN_FOR_ALL: PinInChat.Type
    UNPIN_FOR_ALL: PinInChat.Type
    TYPE_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    SERVER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ADD_ON_CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    type: PinInChat.Type
    key: _common_pb2.MessageKey
    sender_timestamp_ms: int
    server_timestamp_ms: int
    message_add_on_context_info: MessageAddOnContextInfo
    def __init__(self, type: _Optional[_Union[PinInChat.Type, str]] = ..., key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., sender_timestamp_ms: _Optional[int] = ..., server_timestamp_ms: _Optional[int] = ..., message_add_on_context_info: _Optional[_Union[MessageAddOnContextInfo, _Mapping]] = ...) -> None: ...

class KeepInChat(_message.Message):
    __slots__ = ("keep_type", "server_timestamp", "key", "device_jid", "client_timestamp_ms", "server_timestamp_ms")
    KEEP_TYPE_FIELD_NUMBER: _ClassVar[int]
    SERVER_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    DEVICE_JID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    SERVER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    keep_type: _e2e_pb2.KeepType
    server_timestamp: int
    key: _common_pb2.MessageKey
    device_jid: str
    client_timestamp_ms: int
    server_timestamp_ms: int
    def __init__(self, keep_type: _Optional[_Union[_e2e_pb2.KeepType, str]] = ..., server_timestamp: _Optional[int] = ..., key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., device_jid: _Optional[str] = ..., client_timestamp_ms: _Optional[int] = ..., server_timestamp_ms: _Optional[int] = ...) -> None: ...

class MediaData(_message.Message):
    __slots__ = ("local_path",)
    LOCAL_PATH_FIELD_NUMBER: _ClassVar[int]
    local_path: str
    def __init__(self, local_path: _Optional[str] = ...) -> None: ...

class StatusPSA(_message.Message):
    __slots__ = ("campaign_id", "campaign_expiration_timestamp")
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_EXPIRATION_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    campaign_id: int
    campaign_expiration_timestamp: int
    def __init__(self, campaign_id: _Optional[int] = ..., campaign_expiration_timestamp: _Optional[int] = ...) -> None: ...

class PremiumMessageInfo(_message.Message):
    __slots__ = ("server_campaign_id",)
    SERVER_CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    server_campaign_id: str
    def __init__(self, server_campaign_id: _Optional[str] = ...) -> None: ...

class CommentMetadata(_message.Message):
    __slots__ = ("comment_parent_key", "reply_count")
    COMMENT_PARENT_KEY_FIELD_NUMBER: _ClassVar[int]
    REPLY_COUNT_FIELD_NUMBER: _ClassVar[int]
    comment_parent_key: _common_pb2.MessageKey
    reply_count: int
    def __init__(self, comment_parent_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., reply_count: _Optional[int] = ...) -> None: ...

class EventResponse(_message.Message):
    __slots__ = ("event_response_message_key", "timestamp_ms", "event_response_message", "unread")
    EVENT_RESPONSE_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    EVENT_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    UNREAD_FIELD_NUMBER: _ClassVar[int]
    event_response_message_key: _common_pb2.MessageKey
    timestamp_ms: int
    event_response_message: _e2e_pb2.EventResponseMessage
    unread: bool
    def __init__(self, event_response_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., timestamp_ms: _Optional[int] = ..., event_response_message: _Optional[_Union[_e2e_pb2.EventResponseMessage, _Mapping]] = ..., unread: _Optional[bool] = ...) -> None: ...

class EventAdditionalMetadata(_message.Message):
    __slots__ = ("is_stale",)
    IS_STALE_FIELD_NUMBER: _ClassVar[int]
    is_stale: bool
    def __init__(self, is_stale: _Optional[bool] = ...) -> None: ...

class ReportingTokenInfo(_message.Message):
    __slots__ = ("reporting_tag",)
    REPORTING_TAG_FIELD_NUMBER: _ClassVar[int]
    reporting_tag: bytes
    def __init__(self, reporting_tag: _Optional[bytes] = ...) -> None: ...

class MessageAddOn(_message.Message):
    __slots__ = ("message_add_on_type", "message_add_on", "sender_timestamp_ms", "server_timestamp_ms", "status", "add_on_context_info", "message_add_on_key", "legacy_message")
    class MessageAddOnType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNDEFINED: _ClassVar[MessageAddOn.MessageAddOnType]
        REACTION: _ClassVar[MessageAddOn.MessageAddOnType]
        EVENT_RESPONSE: _ClassVar[MessageAddOn.MessageAddOnType]
        POLL_UPDATE: _ClassVar[MessageAddOn.MessageAddOnType]
        PIN_IN_CHAT: _ClassVar[MessageAddOn.MessageAddOnType]
    UNDEFINED: MessageAddOn.MessageAddOnType
    REACTION: MessageAddOn.MessageAddOnType
    EVENT_RESPONSE: MessageAddOn.MessageAddOnType
    POLL_UPDATE: MessageAddOn.MessageAddOnType
    PIN_IN_CHAT: MessageAddOn.MessageAddOnType
    MESSAGE_ADD_ON_TYPE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ADD_ON_FIELD_NUMBER: _ClassVar[int]
    SENDER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    SERVER_TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ADD_ON_CONTEXT_INFO_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ADD_ON_KEY_FIELD_NUMBER: _ClassVar[int]
    LEGACY_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    message_add_on_type: MessageAddOn.MessageAddOnType
    message_add_on: _e2e_pb2.Message
    sender_timestamp_ms: int
    server_timestamp_ms: int
    status: WebMessageInfo.Status
    add_on_context_info: MessageAddOnContextInfo
    message_add_on_key: _common_pb2.MessageKey
    legacy_message: LegacyMessage
    def __init__(self, message_add_on_type: _Optional[_Union[MessageAddOn.MessageAddOnType, str]] = ..., message_add_on: _Optional[_Union[_e2e_pb2.Message, _Mapping]] = ..., sender_timestamp_ms: _Optional[int] = ..., server_timestamp_ms: _Optional[int] = ..., status: _Optional[_Union[WebMessageInfo.Status, str]] = ..., add_on_context_info: _Optional[_Union[MessageAddOnContextInfo, _Mapping]] = ..., message_add_on_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., legacy_message: _Optional[_Union[LegacyMessage, _Mapping]] = ...) -> None: ...

class MessageAddOnContextInfo(_message.Message):
    __slots__ = ("message_add_on_duration_in_secs", "message_add_on_expiry_type")
    MESSAGE_ADD_ON_DURATION_IN_SECS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ADD_ON_EXPIRY_TYPE_FIELD_NUMBER: _ClassVar[int]
    message_add_on_duration_in_secs: int
    message_add_on_expiry_type: _e2e_pb2.MessageContextInfo.MessageAddonExpiryType
    def __init__(self, message_add_on_duration_in_secs: _Optional[int] = ..., message_add_on_expiry_type: _Optional[_Union[_e2e_pb2.MessageContextInfo.MessageAddonExpiryType, str]] = ...) -> None: ...

class LegacyMessage(_message.Message):
    __slots__ = ("event_response_message", "poll_vote")
    EVENT_RESPONSE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    POLL_VOTE_FIELD_NUMBER: _ClassVar[int]
    event_response_message: _e2e_pb2.EventResponseMessage
    poll_vote: _e2e_pb2.PollVoteMessage
    def __init__(self, event_response_message: _Optional[_Union[_e2e_pb2.EventResponseMessage, _Mapping]] = ..., poll_vote: _Optional[_Union[_e2e_pb2.PollVoteMessage, _Mapping]] = ...) -> None: ...

class QuarantinedMessage(_message.Message):
    __slots__ = ("original_data", "extracted_text")
    ORIGINAL_DATA_FIELD_NUMBER: _ClassVar[int]
    EXTRACTED_TEXT_FIELD_NUMBER: _ClassVar[int]
    original_data: bytes
    extracted_text: str
    def __init__(self, original_data: _Optional[bytes] = ..., extracted_text: _Optional[str] = ...) -> None: ...

class GroupHistoryIndividualMessageInfo(_message.Message):
    __slots__ = ("bundle_message_key", "edited_after_received_as_history")
    BUNDLE_MESSAGE_KEY_FIELD_NUMBER: _ClassVar[int]
    EDITED_AFTER_RECEIVED_AS_HISTORY_FIELD_NUMBER: _ClassVar[int]
    bundle_message_key: _common_pb2.MessageKey
    edited_after_received_as_history: bool
    def __init__(self, bundle_message_key: _Optional[_Union[_common_pb2.MessageKey, _Mapping]] = ..., edited_after_received_as_history: _Optional[bool] = ...) -> None: ...

class GroupHistoryBundleInfo(_message.Message):
    __slots__ = ("deprecated_message_history_bundle", "process_state")
    class ProcessState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NOT_INJECTED: _ClassVar[GroupHistoryBundleInfo.ProcessState]
        INJECTED: _ClassVar[GroupHistoryBundleInfo.ProcessState]
        INJECTED_PARTIAL: _ClassVar[GroupHistoryBundleInfo.ProcessState]
        INJECTION_FAILED: _ClassVar[GroupHistoryBundleInfo.ProcessState]
        INJECTION_FAILED_NO_RETRY: _ClassVar[GroupHistoryBundleInfo.ProcessState]
    NOT_INJECTED: GroupHistoryBundleInfo.ProcessState
    INJECTED: GroupHistoryBundleInfo.ProcessState
    INJECTED_PARTIAL: GroupHistoryBundleInfo.ProcessState
    INJECTION_FAILED: GroupHistoryBundleInfo.ProcessState
    INJECTION_FAILED_NO_RETRY: GroupHistoryBundleInfo.ProcessState
    DEPRECATED_MESSAGE_HISTORY_BUNDLE_FIELD_NUMBER: _ClassVar[int]
    PROCESS_STATE_FIELD_NUMBER: _ClassVar[int]
    deprecated_message_history_bundle: _e2e_pb2.MessageHistoryBundle
    process_state: GroupHistoryBundleInfo.ProcessState
    def __init__(self, deprecated_message_history_bundle: _Optional[_Union[_e2e_pb2.MessageHistoryBundle, _Mapping]] = ..., process_state: _Optional[_Union[GroupHistoryBundleInfo.ProcessState, str]] = ...) -> None: ...

class StatusMentionMessage(_message.Message):
    __slots__ = ("quoted_status",)
    QUOTED_STATUS_FIELD_NUMBER: _ClassVar[int]
    quoted_status: _e2e_pb2.Message
    def __init__(self, quoted_status: _Optional[_Union[_e2e_pb2.Message, _Mapping]] = ...) -> None: ...

class Citation(_message.Message):
    __slots__ = ("title", "subtitle", "cms_id", "image_url")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SUBTITLE_FIELD_NUMBER: _ClassVar[int]
    CMS_ID_FIELD_NUMBER: _ClassVar[int]
    IMAGE_URL_FIELD_NUMBER: _ClassVar[int]
    title: str
    subtitle: str
    cms_id: str
    image_url: str
    def __init__(self, title: _Optional[str] = ..., subtitle: _Optional[str] = ..., cms_id: _Optional[str] = ..., image_url: _Optional[str] = ...) -> None: ...

class InteractiveMessageAdditionalMetadata(_message.Message):
    __slots__ = ("is_galaxy_flow_completed",)
    IS_GALAXY_FLOW_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    is_galaxy_flow_completed: bool
    def __init__(self, is_galaxy_flow_completed: _Optional[bool] = ...) -> None: ...

class WebFeatures(_message.Message):
    __slots__ = ("labels_display", "voip_individual_outgoing", "groups_v3", "groups_v3_create", "change_number_v2", "query_status_v3_thumbnail", "live_locations", "query_vname", "voip_individual_incoming", "quick_replies_query", "payments", "sticker_pack_query", "live_locations_final", "labels_edit", "media_upload", "media_upload_rich_quick_replies", "vname_v2", "video_playback_url", "status_ranking", "voip_individual_video", "third_party_stickers", "frequently_forwarded_setting", "groups_v4_join_permission", "recent_stickers", "catalog", "starred_stickers", "voip_group_call", "template_message", "template_message_interactivity", "ephemeral_messages", "e2e_notification_sync", "recent_stickers_v2", "recent_stickers_v3", "user_notice", "support", "group_uii_cleanup", "group_dogfooding_internal_only", "settings_sync", "archive_v2", "ephemeral_allow_group_members", "ephemeral_24h_duration", "md_force_upgrade", "disappearing_mode", "external_md_opt_in_available", "no_delete_message_time_limit")
    class Flag(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NOT_STARTED: _ClassVar[WebFeatures.Flag]
        FORCE_UPGRADE: _ClassVar[WebFeatures.Flag]
        DEVELOPMENT: _ClassVar[WebFeatures.Flag]
        PRODUCTION: _ClassVar[WebFeatures.Flag]
    NOT_STARTED: WebFeatures.Flag
    FORCE_UPGRADE: WebFeatures.Flag
    DEVELOPMENT: WebFeatures.Flag
    PRODUCTION: WebFeatures.Flag
    LABELS_DISPLAY_FIELD_NUMBER: _ClassVar[int]
    VOIP_INDIVIDUAL_OUTGOING_FIELD_NUMBER: _ClassVar[int]
    GROUPS_V3_FIELD_NUMBER: _ClassVar[int]
    GROUPS_V3_CREATE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_NUMBER_V2_FIELD_NUMBER: _ClassVar[int]
    QUERY_STATUS_V3_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    LIVE_LOCATIONS_FIELD_NUMBER: _ClassVar[int]
    QUERY_VNAME_FIELD_NUMBER: _ClassVar[int]
    VOIP_INDIVIDUAL_INCOMING_FIELD_NUMBER: _ClassVar[int]
    QUICK_REPLIES_QUERY_FIELD_NUMBER: _ClassVar[int]
    PAYMENTS_FIELD_NUMBER: _ClassVar[int]
    STICKER_PACK_QUERY_FIELD_NUMBER: _ClassVar[int]
    LIVE_LOCATIONS_FINAL_FIELD_NUMBER: _ClassVar[int]
    LABELS_EDIT_FIELD_NUMBER: _ClassVar[int]
    MEDIA_UPLOAD_FIELD_NUMBER: _ClassVar[int]
    MEDIA_UPLOAD_RICH_QUICK_REPLIES_FIELD_NUMBER: _ClassVar[int]
    VNAME_V2_FIELD_NUMBER: _ClassVar[int]
    VIDEO_PLAYBACK_URL_FIELD_NUMBER: _ClassVar[int]
    STATUS_RANKING_FIELD_NUMBER: _ClassVar[int]
    VOIP_INDIVIDUAL_VIDEO_FIELD_NUMBER: _ClassVar[int]
    THIRD_PARTY_STICKERS_FIELD_NUMBER: _ClassVar[int]
    FREQUENTLY_FORWARDED_SETTING_FIELD_NUMBER: _ClassVar[int]
    GROUPS_V4_JOIN_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    RECENT_STICKERS_FIELD_NUMBER: _ClassVar[int]
    CATALOG_FIELD_NUMBER: _ClassVar[int]
    STARRED_STICKERS_FIELD_NUMBER: _ClassVar[int]
    VOIP_GROUP_CALL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_MESSAGE_INTERACTIVITY_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_MESSAGES_FIELD_NUMBER: _ClassVar[int]
    E2E_NOTIFICATION_SYNC_FIELD_NUMBER: _ClassVar[int]
    RECENT_STICKERS_V2_FIELD_NUMBER: _ClassVar[int]
    RECENT_STICKERS_V3_FIELD_NUMBER: _ClassVar[int]
    USER_NOTICE_FIELD_NUMBER: _ClassVar[int]
    SUPPORT_FIELD_NUMBER: _ClassVar[int]
    GROUP_UII_CLEANUP_FIELD_NUMBER: _ClassVar[int]
    GROUP_DOGFOODING_INTERNAL_ONLY_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_SYNC_FIELD_NUMBER: _ClassVar[int]
    ARCHIVE_V2_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_ALLOW_GROUP_MEMBERS_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_24H_DURATION_FIELD_NUMBER: _ClassVar[int]
    MD_FORCE_UPGRADE_FIELD_NUMBER: _ClassVar[int]
    DISAPPEARING_MODE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_MD_OPT_IN_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    NO_DELETE_MESSAGE_TIME_LIMIT_FIELD_NUMBER: _ClassVar[int]
    labels_display: WebFeatures.Flag
    voip_individual_outgoing: WebFeatures.Flag
    groups_v3: WebFeatures.Flag
    groups_v3_create: WebFeatures.Flag
    change_number_v2: WebFeatures.Flag
    query_status_v3_thumbnail: WebFeatures.Flag
    live_locations: WebFeatures.Flag
    query_vname: WebFeatures.Flag
    voip_individual_incoming: WebFeatures.Flag
    quick_replies_query: WebFeatures.Flag
    payments: WebFeatures.Flag
    sticker_pack_query: WebFeatures.Flag
    live_locations_final: WebFeatures.Flag
    labels_edit: WebFeatures.Flag
    media_upload: WebFeatures.Flag
    media_upload_rich_quick_replies: WebFeatures.Flag
    vname_v2: WebFeatures.Flag
    video_playback_url: WebFeatures.Flag
    status_ranking: WebFeatures.Flag
    voip_individual_video: WebFeatures.Flag
    third_party_stickers: WebFeatures.Flag
    frequently_forwarded_setting: WebFeatures.Flag
    groups_v4_join_permission: WebFeatures.Flag
    recent_stickers: WebFeatures.Flag
    catalog: WebFeatures.Flag
    starred_stickers: WebFeatures.Flag
    voip_group_call: WebFeatures.Flag
    template_message: WebFeatures.Flag
    template_message_interactivity: WebFeatures.Flag
    ephemeral_messages: WebFeatures.Flag
    e2e_notification_sync: WebFeatures.Flag
    recent_stickers_v2: WebFeatures.Flag
    recent_stickers_v3: WebFeatures.Flag
    user_notice: WebFeatures.Flag
    support: WebFeatures.Flag
    group_uii_cleanup: WebFeatures.Flag
    group_dogfooding_internal_only: WebFeatures.Flag
    settings_sync: WebFeatures.Flag
    archive_v2: WebFeatures.Flag
    ephemeral_allow_group_members: WebFeatures.Flag
    ephemeral_24h_duration: WebFeatures.Flag
    md_force_upgrade: WebFeatures.Flag
    disappearing_mode: WebFeatures.Flag
    external_md_opt_in_available: WebFeatures.Flag
    no_delete_message_time_limit: WebFeatures.Flag
    def __init__(self, labels_display: _Optional[_Union[WebFeatures.Flag, str]] = ..., voip_individual_outgoing: _Optional[_Union[WebFeatures.Flag, str]] = ..., groups_v3: _Optional[_Union[WebFeatures.Flag, str]] = ..., groups_v3_create: _Optional[_Union[WebFeatures.Flag, str]] = ..., change_number_v2: _Optional[_Union[WebFeatures.Flag, str]] = ..., query_status_v3_thumbnail: _Optional[_Union[WebFeatures.Flag, str]] = ..., live_locations: _Optional[_Union[WebFeatures.Flag, str]] = ..., query_vname: _Optional[_Union[WebFeatures.Flag, str]] = ..., voip_individual_incoming: _Optional[_Union[WebFeatures.Flag, str]] = ..., quick_replies_query: _Optional[_Union[WebFeatures.Flag, str]] = ..., payments: _Optional[_Union[WebFeatures.Flag, str]] = ..., sticker_pack_query: _Optional[_Union[WebFeatures.Flag, str]] = ..., live_locations_final: _Optional[_Union[WebFeatures.Flag, str]] = ..., labels_edit: _Optional[_Union[WebFeatures.Flag, str]] = ..., media_upload: _Optional[_Union[WebFeatures.Flag, str]] = ..., media_upload_rich_quick_replies: _Optional[_Union[WebFeatures.Flag, str]] = ..., vname_v2: _Optional[_Union[WebFeatures.Flag, str]] = ..., video_playback_url: _Optional[_Union[WebFeatures.Flag, str]] = ..., status_ranking: _Optional[_Union[WebFeatures.Flag, str]] = ..., voip_individual_video: _Optional[_Union[WebFeatures.Flag, str]] = ..., third_party_stickers: _Optional[_Union[WebFeatures.Flag, str]] = ..., frequently_forwarded_setting: _Optional[_Union[WebFeatures.Flag, str]] = ..., groups_v4_join_permission: _Optional[_Union[WebFeatures.Flag, str]] = ..., recent_stickers: _Optional[_Union[WebFeatures.Flag, str]] = ..., catalog: _Optional[_Union[WebFeatures.Flag, str]] = ..., starred_stickers: _Optional[_Union[WebFeatures.Flag, str]] = ..., voip_group_call: _Optional[_Union[WebFeatures.Flag, str]] = ..., template_message: _Optional[_Union[WebFeatures.Flag, str]] = ..., template_message_interactivity: _Optional[_Union[WebFeatures.Flag, str]] = ..., ephemeral_messages: _Optional[_Union[WebFeatures.Flag, str]] = ..., e2e_notification_sync: _Optional[_Union[WebFeatures.Flag, str]] = ..., recent_stickers_v2: _Optional[_Union[WebFeatures.Flag, str]] = ..., recent_stickers_v3: _Optional[_Union[WebFeatures.Flag, str]] = ..., user_notice: _Optional[_Union[WebFeatures.Flag, str]] = ..., support: _Optional[_Union[WebFeatures.Flag, str]] = ..., group_uii_cleanup: _Optional[_Union[WebFeatures.Flag, str]] = ..., group_dogfooding_internal_only: _Optional[_Union[WebFeatures.Flag, str]] = ..., settings_sync: _Optional[_Union[WebFeatures.Flag, str]] = ..., archive_v2: _Optional[_Union[WebFeatures.Flag, str]] = ..., ephemeral_allow_group_members: _Optional[_Union[WebFeatures.Flag, str]] = ..., ephemeral_24h_duration: _Optional[_Union[WebFeatures.Flag, str]] = ..., md_force_upgrade: _Optional[_Union[WebFeatures.Flag, str]] = ..., disappearing_mode: _Optional[_Union[WebFeatures.Flag, str]] = ..., external_md_opt_in_available: _Optional[_Union[WebFeatures.Flag, str]] = ..., no_delete_message_time_limit: _Optional[_Union[WebFeatures.Flag, str]] = ...) -> None: ...
