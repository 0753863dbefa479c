"""wacli's .proto schemas against Baileys' WAProto (an independent transcription
of WhatsApp's schema, compiled by protobufjs).

Three checks, all through one Node process:
1. schema: every field wacli declares has Baileys' number, name (modulo
   snake_case), type and cardinality, and every enum has Baileys' values;
2. Python -> Baileys: rich instances (hand-built realistic ones, plus one
   machine-filled instance per message type with values chosen so that a wrong
   integer kind, string/bytes swap or float/double swap shows up) are
   serialised by Python and decoded by Baileys' compiled code, and both views
   must agree field by field;
3. Baileys -> Python: Baileys encodes objects (its own literals and the
   objects from 2), Python parses them with nothing left in unknown fields.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from google.protobuf import descriptor as d
from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message as PbMessage
from google.protobuf.unknown_fields import UnknownFieldSet

from bench.node import NodeProcess, b64, unb64
from wacli.proto import (
    adv_pb2,
    client_payload_pb2,
    common_pb2,
    companion_pb2,
    e2e_pb2,
    history_sync_pb2,
    sync_action_pb2,
    syncd_pb2,
    verified_name_pb2,
    web_pb2,
)

pytestmark = pytest.mark.interop

MODULES = [
    adv_pb2,
    client_payload_pb2,
    common_pb2,
    companion_pb2,
    e2e_pb2,
    history_sync_pb2,
    sync_action_pb2,
    syncd_pb2,
    verified_name_pb2,
    web_pb2,
]

# Where Baileys keeps wacli's top-level types: WhatsApp nests the content
# messages in Message and the app-state actions in SyncActionValue.
NESTING = {"wacli.e2e": ["Message.", ""], "wacli.sync_action": ["SyncActionValue.", ""]}


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("proto.mjs", timeout=120) as proc:
        yield proc


def walk_messages() -> Iterator[d.Descriptor]:
    def nested(desc: d.Descriptor) -> Iterator[d.Descriptor]:
        yield desc
        for inner in desc.nested_types:
            yield from nested(inner)

    for module in MODULES:
        for desc in module.DESCRIPTOR.message_types_by_name.values():
            yield from nested(desc)


def walk_enums() -> Iterator[d.EnumDescriptor]:
    for module in MODULES:
        yield from module.DESCRIPTOR.enum_types_by_name.values()
    for desc in walk_messages():
        yield from desc.enum_types


def norm(name: str) -> str:
    """Field names compare modulo case and underscores (snake_case vs camelCase)."""
    return name.replace("_", "").lower()


@pytest.fixture(scope="module")
def paths(node: NodeProcess) -> dict[str, str]:
    """wacli full type name -> Baileys type path, for every message and enum."""
    tops: list[d.Descriptor | d.EnumDescriptor] = []
    for module in MODULES:
        tops += module.DESCRIPTOR.message_types_by_name.values()
        tops += module.DESCRIPTOR.enum_types_by_name.values()
    candidates = {
        t.full_name: [p + t.name for p in NESTING.get(t.file.package, [""])] for t in tops
    }
    schema = node.call("schema", paths=sorted({c for cs in candidates.values() for c in cs}))
    mapping: dict[str, str] = {}
    for full, options in candidates.items():
        found = [c for c in options if schema.get(c)]
        assert found, f"{full}: Baileys has none of {options}"
        mapping[full] = found[0]

    def add_nested(desc: d.Descriptor) -> None:
        for inner in [*desc.nested_types, *desc.enum_types]:
            mapping[inner.full_name] = f"{mapping[desc.full_name]}.{inner.name}"
            if isinstance(inner, d.Descriptor):
                add_nested(inner)

    for module in MODULES:
        for desc in module.DESCRIPTOR.message_types_by_name.values():
            add_nested(desc)
    return mapping


def to_view(msg: PbMessage) -> Any:
    """Python's JSON view, in the same conventions as protobufjs' toObject."""
    return norm_keys(
        json.loads(
            json.dumps(
                MessageToDict(msg, preserving_proto_field_name=True, use_integers_for_enums=True)
            )
        )
    )


def norm_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {norm(k): norm_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [norm_keys(v) for v in value]
    return value


def first_difference(a: Any, b: Any, where: str = "") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                side = "Python" if key in a else "Baileys"
                return f"{where}.{key}: only {side} has it"
            diff = first_difference(a[key], b[key], f"{where}.{key}")
            if diff:
                return diff
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            diff = first_difference(x, y, f"{where}[{i}]")
            if diff:
                return diff
        return None
    return None if a == b else f"{where}: Python {a!r} != Baileys {b!r}"


def assert_no_unknown_fields(msg: PbMessage, where: str = "") -> None:
    unknown = UnknownFieldSet(msg)
    assert len(unknown) == 0, f"{where or msg.DESCRIPTOR.full_name}: unknown field numbers " + str(
        [f.field_number for f in unknown]
    )
    for field, value in msg.ListFields():
        if field.type != d.FieldDescriptor.TYPE_MESSAGE:
            continue
        items = value if field.is_repeated else [value]
        for i, item in enumerate(items):
            assert_no_unknown_fields(item, f"{where}.{field.name}[{i}]")


# ------------------------------------------------------- machine-filled instances

SCALAR_SAMPLES = {
    # Values that expose a wrong integer kind: negative int32/int64 (a
    # uint reading or zigzag reading differs), unsigned values above the
    # signed maximum, fixed vs sfixed by sign, float values exact in 32 bits.
    d.FieldDescriptor.TYPE_INT32: lambda n: -(1000 + n),
    d.FieldDescriptor.TYPE_INT64: lambda n: -(10**12 + n),
    d.FieldDescriptor.TYPE_UINT32: lambda n: 3_000_000_000 + n,
    d.FieldDescriptor.TYPE_UINT64: lambda n: 2**63 + n,
    d.FieldDescriptor.TYPE_SINT32: lambda n: -(2000 + n),
    d.FieldDescriptor.TYPE_SINT64: lambda n: -(10**13 + n),
    d.FieldDescriptor.TYPE_FIXED32: lambda n: 0xF000_0000 + n,
    d.FieldDescriptor.TYPE_FIXED64: lambda n: 2**63 + 7 * n,
    d.FieldDescriptor.TYPE_SFIXED32: lambda n: -(5 + n),
    d.FieldDescriptor.TYPE_SFIXED64: lambda n: -(2**40 + n),
    d.FieldDescriptor.TYPE_BOOL: lambda n: True,
    d.FieldDescriptor.TYPE_DOUBLE: lambda n: n + 0.1,
    d.FieldDescriptor.TYPE_FLOAT: lambda n: n + 0.25,
    d.FieldDescriptor.TYPE_STRING: lambda n: f"s{n} é✓",
    # not UTF-8, so a bytes/string mix-up cannot round-trip unnoticed
    d.FieldDescriptor.TYPE_BYTES: lambda n: bytes([0xFF, 0xFE, n & 0xFF, 0x80, 0xC3]),
}


def fill(msg: PbMessage, variant: int = 0, path: tuple[str, ...] = (), depth: int = 0) -> None:
    """Set every field of ``msg`` (two items for repeated ones), recursing into
    sub-messages except ones already on the path (Message quotes Message).
    Of each oneof only member number ``variant`` (mod its size) is set."""
    desc = msg.DESCRIPTOR
    path = (*path, desc.full_name)
    chosen = {
        o.name: o.fields[variant % len(o.fields)].name for o in desc.oneofs if len(o.fields) > 1
    }
    for field in desc.fields:
        oneof = field.containing_oneof
        if oneof is not None and chosen.get(oneof.name, field.name) != field.name:
            continue
        if field.type == d.FieldDescriptor.TYPE_MESSAGE:
            sub_type = field.message_type
            if sub_type.full_name in path or depth >= 6:
                continue
            subs = (
                [getattr(msg, field.name).add() for _ in range(2)]
                if field.is_repeated
                else [getattr(msg, field.name)]
            )
            for sub in subs:
                fill(sub, variant, path, depth + 1)
                sub.SetInParent()
            continue
        if field.type == d.FieldDescriptor.TYPE_ENUM:
            values = [v.number for v in field.enum_type.values]
            samples = [values[-1], values[0]]
        else:
            make = SCALAR_SAMPLES[field.type]
            samples = [make(field.number), make(field.number + 1)]
        if field.is_repeated:
            getattr(msg, field.name).extend(samples)
        else:
            setattr(msg, field.name, samples[0])


def filled_instances() -> Iterator[PbMessage]:
    for desc in walk_messages():
        cls = message_class(desc)
        variants = max([len(o.fields) for o in desc.oneofs if len(o.fields) > 1] or [1])
        for variant in range(variants):
            msg = cls()
            fill(msg, variant)
            yield msg


def message_class(desc: d.Descriptor) -> type[PbMessage]:
    from google.protobuf import message_factory

    return message_factory.GetMessageClass(desc)


# ---------------------------------------------------------- realistic instances

KEY_PEER = common_pb2.MessageKey(
    remote_jid="15551234567@s.whatsapp.net", from_me=False, id="3EB0A1B2C3D4E5F60718"
)
KEY_GROUP = common_pb2.MessageKey(
    remote_jid="120363025246125486@g.us",
    from_me=True,
    id="3EB0FFEEDDCCBBAA0099",
    participant="123456789012345@lid",
)


def realistic_instances() -> list[PbMessage]:
    e2e = e2e_pb2
    ua = client_payload_pb2.ClientPayload.UserAgent
    props = companion_pb2.DeviceProps(
        os="wacli",
        version=companion_pb2.DeviceProps.AppVersion(primary=0, secondary=1, tertiary=0),
        platform_type=companion_pb2.DeviceProps.DESKTOP,
        require_full_sync=False,
        history_sync_config=companion_pb2.DeviceProps.HistorySyncConfig(
            full_sync_days_limit=365,
            storage_quota_mb=10240,
            inline_initial_payload_in_e2ee_msg=True,
            support_call_log_history=False,
            support_group_history=True,
            on_demand_ready=True,
        ),
    )
    register = client_payload_pb2.ClientPayload(
        passive=False,
        user_agent=ua(
            platform=ua.WEB,
            app_version=ua.AppVersion(primary=2, secondary=3000, tertiary=1029496320),
            mcc="000",
            mnc="000",
            os_version="0.1",
            manufacturer="",
            device="Desktop",
            os_build_number="0.1",
            release_channel=ua.RELEASE,
            locale_language_iso_639_1="en",
            locale_country_iso_3166_1_alpha_2="US",
        ),
        web_info=client_payload_pb2.ClientPayload.WebInfo(
            web_sub_platform=client_payload_pb2.ClientPayload.WebInfo.WEB_BROWSER
        ),
        connect_type=client_payload_pb2.ClientPayload.WIFI_UNKNOWN,
        connect_reason=client_payload_pb2.ClientPayload.USER_ACTIVATED,
        device_pairing_data=client_payload_pb2.ClientPayload.DevicePairingRegistrationData(
            e_regid=(1234).to_bytes(4, "big"),
            e_keytype=b"\x05",
            e_ident=bytes(range(32)),
            e_skey_id=(1).to_bytes(3, "big"),
            e_skey_val=bytes(range(32, 64)),
            e_skey_sig=bytes(range(64)),
            build_hash=bytes.fromhex("0123456789abcdef0123456789abcdef"),
            device_props=props.SerializeToString(),
        ),
        shards=[1, -2, 300],
        session_id=-123456,
        connection_sequence_info=-7,
    )
    login = client_payload_pb2.ClientPayload(
        username=15551234567,
        device=3,
        passive=True,
        pull=True,
        lid_db_migrated=True,
        user_agent=register.user_agent,
        web_info=register.web_info,
        dns_source=client_payload_pb2.ClientPayload.DNSSource(
            dns_method=client_payload_pb2.ClientPayload.DNSSource.SYSTEM, app_cached=True
        ),
    )
    identity = adv_pb2.ADVDeviceIdentity(
        raw_id=987654321, timestamp=1_764_000_000, key_index=4, device_type=adv_pb2.HOSTED
    )
    signed = adv_pb2.ADVSignedDeviceIdentity(
        details=identity.SerializeToString(),
        account_signature_key=b"\x11" * 32,
        account_signature=b"\x22" * 64,
        device_signature=b"\x33" * 64,
    )
    hmac_wrapped = adv_pb2.ADVSignedDeviceIdentityHMAC(
        details=signed.SerializeToString(), hmac=b"\x44" * 32, account_type=adv_pb2.E2EE
    )
    key_list = adv_pb2.ADVKeyIndexList(
        raw_id=987654321, timestamp=1_764_000_001, current_index=5, valid_indexes=[0, 4, 5]
    )
    signed_list = adv_pb2.ADVSignedKeyIndexList(
        details=key_list.SerializeToString(),
        account_signature=b"\x55" * 64,
        account_signature_key=b"\x66" * 32,
    )

    context = e2e.ContextInfo(
        stanza_id=KEY_PEER.id,
        participant="15551234567@s.whatsapp.net",
        quoted_message=e2e.Message(conversation="the original"),
        mentioned_jid=["15550001111@s.whatsapp.net", "123456789012345@lid"],
        is_forwarded=True,
        forwarding_score=3,
        expiration=604800,
        ephemeral_setting_timestamp=1_764_000_000,
        disappearing_mode=e2e.DisappearingMode(
            initiator=e2e.DisappearingMode.INITIATED_BY_ME,
            trigger=e2e.DisappearingMode.CHAT_SETTING,
        ),
        group_mentions=[e2e.GroupMention(group_jid="120363000000000001@g.us", group_subject="x")],
    )
    msg_context = e2e.MessageContextInfo(
        device_list_metadata=e2e.DeviceListMetadata(
            sender_key_hash=b"\x01" * 10,
            sender_timestamp=1_764_000_000,
            sender_key_indexes=[0, 2],
            recipient_key_hash=b"\x02" * 10,
            recipient_timestamp=1_763_000_000,
            recipient_key_indexes=[1],
            receiver_account_type=adv_pb2.HOSTED,
        ),
        device_list_metadata_version=2,
        message_secret=bytes(range(32)),
    )
    media = dict(
        url="https://mmg.whatsapp.net/v/t62.7118-24/abc.enc",
        mimetype="image/jpeg",
        file_sha256=b"\xaa" * 32,
        file_enc_sha256=b"\xbb" * 32,
        media_key=b"\xcc" * 32,
        file_length=123456,
        direct_path="/v/t62.7118-24/abc.enc?ccb=11-4",
        media_key_timestamp=1_764_000_000,
    )
    rich = e2e.Message(
        extended_text_message=e2e.ExtendedTextMessage(
            text="see https://example.org",
            matched_text="https://example.org",
            title="Example",
            preview_type=e2e.ExtendedTextMessage.NONE,
            context_info=context,
        ),
        image_message=e2e.ImageMessage(
            caption="a picture", height=640, width=480, jpeg_thumbnail=b"\xff\xd8\xff", **media
        ),
        video_message=e2e.VideoMessage(
            seconds=12, gif_playback=True, gif_attribution=e2e.VideoMessage.GIPHY, **media
        ),
        audio_message=e2e.AudioMessage(seconds=4, ptt=True, waveform=bytes(64), **media),
        document_message=e2e.DocumentMessage(
            file_name="report.pdf", page_count=3, title="report", caption="see", **media
        ),
        sticker_message=e2e.StickerMessage(is_animated=True, height=512, width=512, **media),
        contact_message=e2e.ContactMessage(
            display_name="Alice", vcard="BEGIN:VCARD\nVERSION:3.0\nFN:Alice\nEND:VCARD"
        ),
        location_message=e2e.LocationMessage(
            degrees_latitude=52.520008, degrees_longitude=-13.404954, name="Berlin"
        ),
        live_location_message=e2e.LiveLocationMessage(
            degrees_latitude=-33.5, degrees_longitude=151.25, sequence_number=-4, speed_in_mps=2.5
        ),
        reaction_message=e2e.ReactionMessage(
            key=KEY_PEER, text="👍", sender_timestamp_ms=1_764_000_000_123
        ),
        poll_creation_message_v3=e2e.PollCreationMessage(
            name="Lunch?",
            options=[e2e.PollCreationMessage.Option(option_name=n) for n in ("pizza", "sushi")],
            selectable_options_count=1,
        ),
        poll_update_message=e2e.PollUpdateMessage(
            poll_creation_message_key=KEY_GROUP,
            vote=e2e.PollEncValue(enc_payload=b"\x01\x02", enc_iv=b"\x03" * 12),
            sender_timestamp_ms=1_764_000_000_999,
        ),
        buttons_message=e2e.ButtonsMessage(
            text="header",
            content_text="pick one",
            footer_text="footer",
            header_type=e2e.ButtonsMessage.TEXT,
            buttons=[
                e2e.ButtonsMessage.Button(
                    button_id="b1",
                    button_text=e2e.ButtonsMessage.Button.ButtonText(display_text="One"),
                    type=e2e.ButtonsMessage.Button.RESPONSE,
                )
            ],
        ),
        message_context_info=msg_context,
    )
    pdo_request = e2e.PeerDataOperationRequestMessage
    pdo_result = e2e.PeerDataOperationRequestResponseMessage.PeerDataOperationResult
    protocol = [
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(key=KEY_GROUP, type=e2e.ProtocolMessage.REVOKE)
        ),
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(
                key=KEY_PEER,
                type=e2e.ProtocolMessage.MESSAGE_EDIT,
                edited_message=e2e.Message(conversation="fixed typo"),
                timestamp_ms=1_764_000_000_500,
            )
        ),
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(
                type=e2e.ProtocolMessage.HISTORY_SYNC_NOTIFICATION,
                history_sync_notification=e2e.HistorySyncNotification(
                    file_sha256=b"\x01" * 32,
                    file_length=987654,
                    media_key=b"\x02" * 32,
                    file_enc_sha256=b"\x03" * 32,
                    direct_path="/v/t62.15575-24/history.enc",
                    sync_type=e2e.Message.INITIAL_BOOTSTRAP,
                    chunk_order=1,
                    progress=42,
                    original_message_id="ABCDEF",
                    oldest_msg_in_chunk_timestamp_sec=1_700_000_000,
                    initial_hist_bootstrap_inline_payload=b"\x78\x9c\x03\x00",
                ),
            )
        ),
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(
                type=e2e.ProtocolMessage.APP_STATE_SYNC_KEY_SHARE,
                app_state_sync_key_share=e2e.AppStateSyncKeyShare(
                    keys=[
                        e2e.AppStateSyncKey(
                            key_id=e2e.AppStateSyncKeyId(key_id=b"\x00\x00\x00\x01\x02\x03"),
                            key_data=e2e.AppStateSyncKeyData(
                                key_data=bytes(range(32)),
                                fingerprint=e2e.AppStateSyncKeyFingerprint(
                                    raw_id=55, current_index=2, device_indexes=[0, 2]
                                ),
                                timestamp=1_764_000_000_000,
                            ),
                        )
                    ]
                ),
            )
        ),
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(
                type=e2e.ProtocolMessage.APP_STATE_SYNC_KEY_REQUEST,
                app_state_sync_key_request=e2e.AppStateSyncKeyRequest(
                    key_ids=[e2e.AppStateSyncKeyId(key_id=b"\x00\x01")]
                ),
            )
        ),
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(
                type=e2e.ProtocolMessage.EPHEMERAL_SETTING,
                ephemeral_expiration=86400,
                ephemeral_setting_timestamp=1_764_000_000,
            )
        ),
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(
                type=e2e.ProtocolMessage.PEER_DATA_OPERATION_REQUEST_MESSAGE,
                peer_data_operation_request_message=e2e.PeerDataOperationRequestMessage(
                    peer_data_operation_request_type=e2e.Message.HISTORY_SYNC_ON_DEMAND,
                    history_sync_on_demand_request=pdo_request.HistorySyncOnDemandRequest(
                        chat_jid="15551234567@s.whatsapp.net",
                        oldest_msg_id="3EB0AA",
                        oldest_msg_from_me=True,
                        on_demand_msg_count=50,
                        oldest_msg_timestamp_ms=1_700_000_000_000,
                    ),
                    placeholder_message_resend_request=[
                        pdo_request.PlaceholderMessageResendRequest(message_key=KEY_PEER)
                    ],
                ),
            )
        ),
        e2e.Message(
            protocol_message=e2e.ProtocolMessage(
                type=e2e.ProtocolMessage.PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE,
                peer_data_operation_request_response_message=e2e.PeerDataOperationRequestResponseMessage(
                    peer_data_operation_request_type=e2e.Message.PLACEHOLDER_MESSAGE_RESEND,
                    stanza_id="ABC",
                    peer_data_operation_result=[
                        pdo_result(
                            media_upload_result=e2e.MediaRetryNotification.SUCCESS,
                            placeholder_message_resend_response=pdo_result.PlaceholderMessageResendResponse(
                                web_message_info_bytes=b"\x0a\x00"
                            ),
                        )
                    ],
                ),
            )
        ),
    ]
    business = e2e.Message(
        list_message=e2e.ListMessage(
            title="Menu",
            button_text="Choose",
            list_type=e2e.ListMessage.SINGLE_SELECT,
            sections=[
                e2e.ListMessage.Section(
                    title="Drinks",
                    rows=[e2e.ListMessage.Row(title="Tea", row_id="tea", description="hot")],
                )
            ],
        ),
        interactive_message=e2e.InteractiveMessage(
            header=e2e.InteractiveMessage.Header(title="Order #5", has_media_attachment=False),
            body=e2e.InteractiveMessage.Body(text="Pay now?"),
            native_flow_message=e2e.InteractiveMessage.NativeFlowMessage(
                buttons=[
                    e2e.InteractiveMessage.NativeFlowMessage.NativeFlowButton(
                        name="quick_reply", button_params_json='{"id":"yes"}'
                    )
                ],
                message_version=1,
            ),
        ),
        poll_result_snapshot_message=e2e.PollResultSnapshotMessage(
            name="Lunch?",
            poll_votes=[
                e2e.PollResultSnapshotMessage.PollVote(option_name="pizza", option_vote_count=3)
            ],
            poll_type=e2e.Message.QUIZ,
        ),
        extended_text_message=e2e.ExtendedTextMessage(
            text="from an ad",
            context_info=e2e.ContextInfo(
                external_ad_reply=e2e.ContextInfo.ExternalAdReplyInfo(
                    title="Shoes",
                    media_type=e2e.ContextInfo.ExternalAdReplyInfo.IMAGE,
                    source_url="https://example.org/ad",
                    ctwa_clid="abc",
                ),
                utm=e2e.ContextInfo.UTMInfo(utm_source="fb", utm_campaign="spring"),
            ),
        ),
        request_payment_message=e2e.RequestPaymentMessage(
            currency_code_iso4217="BRL",
            amount1000=12_500,
            request_from="15551234567@s.whatsapp.net",
            amount=e2e.Money(value=12_500, offset=1000, currency_code="BRL"),
        ),
    )
    wrapped = [
        business,
        e2e.Message(
            device_sent_message=e2e.DeviceSentMessage(
                destination_jid="15551234567@s.whatsapp.net",
                message=e2e.Message(conversation="sent from my phone"),
                phash="2:abcd",
            ),
            message_context_info=msg_context,
        ),
        e2e.Message(
            sender_key_distribution_message=e2e.SenderKeyDistributionMessage(
                group_id="120363025246125486@g.us",
                axolotl_sender_key_distribution_message=b"\x33" + bytes(range(60)),
            ),
            conversation="hello group",
        ),
        e2e.Message(ephemeral_message=e2e.FutureProofMessage(message=rich)),
        e2e.Message(
            view_once_message_v2=e2e.FutureProofMessage(
                message=e2e.Message(image_message=e2e.ImageMessage(view_once=True, **media))
            )
        ),
        e2e.Message(
            edited_message=e2e.FutureProofMessage(
                message=e2e.Message(protocol_message=protocol[1].protocol_message)
            )
        ),
        e2e.Message(
            document_with_caption_message=e2e.FutureProofMessage(
                message=e2e.Message(document_message=rich.document_message)
            )
        ),
    ]
    web_info = web_pb2.WebMessageInfo(
        key=KEY_GROUP,
        message=rich,
        message_timestamp=1_764_000_000,
        status=web_pb2.WebMessageInfo.READ,
        participant="123456789012345@lid",
        push_name="Bob",
        starred=True,
        user_receipt=[
            web_pb2.UserReceipt(
                user_jid="15551234567@s.whatsapp.net",
                receipt_timestamp=1_764_000_010,
                read_timestamp=1_764_000_020,
            )
        ],
        reactions=[web_pb2.Reaction(key=KEY_PEER, text="❤️", sender_timestamp_ms=5, unread=True)],
        poll_updates=[
            web_pb2.PollUpdate(
                poll_update_message_key=KEY_PEER,
                vote=e2e.PollVoteMessage(selected_options=[b"\x01" * 32]),
                sender_timestamp_ms=7,
            )
        ],
        message_secret=bytes(32),
        pin_in_chat=web_pb2.PinInChat(type=web_pb2.PinInChat.PIN_FOR_ALL, key=KEY_PEER),
        keep_in_chat=web_pb2.KeepInChat(keep_type=e2e.KEEP_FOR_ALL, key=KEY_PEER),
    )
    stub = web_pb2.WebMessageInfo(
        key=KEY_GROUP,
        message_timestamp=1_764_000_100,
        message_stub_type=web_pb2.WebMessageInfo.GROUP_PARTICIPANT_ADD,
        message_stub_parameters=["15550001111@s.whatsapp.net"],
        photo_change=web_pb2.PhotoChange(old_photo=b"o", new_photo=b"n", new_photo_id=9),
    )
    history = history_sync_pb2.HistorySync(
        sync_type=history_sync_pb2.HistorySync.INITIAL_BOOTSTRAP,
        chunk_order=1,
        progress=100,
        conversations=[
            history_sync_pb2.Conversation(
                id="120363025246125486@g.us",
                name="Friends",
                unread_count=2,
                archived=True,
                pinned=1_764_000_000,
                mute_end_time=2**63 + 1,
                ephemeral_expiration=604800,
                disappearing_mode=e2e.DisappearingMode(
                    initiator=e2e.DisappearingMode.CHANGED_IN_CHAT
                ),
                participant=[
                    history_sync_pb2.GroupParticipant(
                        user_jid="123456789012345@lid", rank=history_sync_pb2.GroupParticipant.ADMIN
                    )
                ],
                messages=[
                    history_sync_pb2.HistorySyncMsg(message=web_info, msg_order_id=1),
                    history_sync_pb2.HistorySyncMsg(message=stub, msg_order_id=2),
                ],
                lid_jid="123456789012345@lid",
                media_visibility=history_sync_pb2.ON,
            )
        ],
        pushnames=[history_sync_pb2.Pushname(id="15551234567@s.whatsapp.net", pushname="Alice")],
        phone_number_to_lid_mappings=[
            history_sync_pb2.PhoneNumberToLIDMapping(
                pn_jid="15551234567@s.whatsapp.net", lid_jid="123456789012345@lid"
            )
        ],
        global_settings=history_sync_pb2.GlobalSettings(
            media_visibility=history_sync_pb2.OFF, disappearing_mode_duration=86400
        ),
    )
    sa = sync_action_pb2
    message_range = sa.SyncActionMessageRange(
        last_message_timestamp=1_764_000_000,
        messages=[sa.SyncActionMessage(key=KEY_PEER, timestamp=1_764_000_000)],
    )
    one_action_each = {
        "contact_action": sa.ContactAction(
            full_name="Alice A",
            first_name="Alice",
            lid_jid="1@lid",
            save_on_primary_addressbook=True,
        ),
        "mute_action": sa.MuteAction(muted=True, mute_end_timestamp=-1),
        "pin_action": sa.PinAction(pinned=True),
        "archive_chat_action": sa.ArchiveChatAction(archived=True, message_range=message_range),
        "mark_chat_as_read_action": sa.MarkChatAsReadAction(
            read=False, message_range=message_range
        ),
        "star_action": sa.StarAction(starred=True),
        "delete_message_for_me_action": sa.DeleteMessageForMeAction(
            delete_media=True, message_timestamp=1_764_000_000
        ),
        "push_name_setting": sa.PushNameSetting(name="wacli user"),
        "locale_setting": sa.LocaleSetting(locale="en_US"),
        "time_format_action": sa.TimeFormatAction(is_twenty_four_hour_format_enabled=True),
        "clear_chat_action": sa.ClearChatAction(message_range=message_range),
        "delete_chat_action": sa.DeleteChatAction(message_range=message_range),
        "unarchive_chats_setting": sa.UnarchiveChatsSetting(unarchive_chats=True),
        "label_edit_action": sa.LabelEditAction(
            name="VIP", color=3, type=sa.LabelEditAction.CUSTOM
        ),
        "label_association_action": sa.LabelAssociationAction(labeled=True),
        "key_expiration": sa.KeyExpiration(expired_key_epoch=3),
        "user_status_mute_action": sa.UserStatusMuteAction(muted=True),
        "lock_chat_action": sa.LockChatAction(locked=True),
        "pn_for_lid_chat_action": sa.PnForLidChatAction(pn_jid="15551234567@s.whatsapp.net"),
        "quick_reply_action": sa.QuickReplyAction(
            shortcut="hi", message="Hello!", keywords=["greet"], count=2
        ),
        "recent_emoji_weights_action": sa.RecentEmojiWeightsAction(
            weights=[sa.RecentEmojiWeight(emoji="😀", weight=0.5)]
        ),
        "primary_feature": sa.PrimaryFeature(flags=["a", "b"]),
        "android_unsupported_actions": sa.AndroidUnsupportedActions(allowed=True),
        "nux_action": sa.NuxAction(acknowledged=True),
        "primary_version_action": sa.PrimaryVersionAction(version="2.25.1"),
        "sticker_action": sa.StickerAction(url="u", is_favorite=True, file_length=9),
        "remove_recent_sticker_action": sa.RemoveRecentStickerAction(last_sticker_sent_ts=8),
        "lid_contact_action": sa.LidContactAction(full_name="L", username="l"),
        "status_privacy": sa.StatusPrivacyAction(
            mode=sa.StatusPrivacyAction.CONTACTS, user_jid=["1@lid"]
        ),
        "favorites_action": sa.FavoritesAction(favorites=[sa.FavoritesAction.Favorite(id="1@lid")]),
        "agent_action": sa.AgentAction(name="desk", device_id=4),
        "subscription_action": sa.SubscriptionAction(is_deactivated=True, expiration_date=5),
        "external_web_beta_action": sa.ExternalWebBetaAction(is_opt_in=True),
        "privacy_setting_relay_all_calls": sa.PrivacySettingRelayAllCalls(is_enabled=True),
        "privacy_setting_disable_link_previews_action": sa.PrivacySettingDisableLinkPreviewsAction(
            is_previews_disabled=True
        ),
        "delete_individual_call_log": sa.DeleteIndividualCallLogAction(
            peer_jid="1@lid", is_incoming=True
        ),
    }
    actions = [
        sa.SyncActionValue(timestamp=1_764_000_000_000 + i, **{name: value})
        for i, (name, value) in enumerate(one_action_each.items())
    ]
    action_data = sa.SyncActionData(
        index=b'["mute","15551234567@s.whatsapp.net"]',
        value=actions[1],
        padding=b"\x00" * 5,
        version=2,
    )
    record = syncd_pb2.SyncdRecord(
        index=syncd_pb2.SyncdIndex(blob=b"\x07" * 32),
        value=syncd_pb2.SyncdValue(blob=b"\x08" * 80),
        key_id=syncd_pb2.KeyId(id=b"\x00\x01"),
    )
    patch = syncd_pb2.SyncdPatch(
        version=syncd_pb2.SyncdVersion(version=7),
        mutations=[
            syncd_pb2.SyncdMutation(operation=syncd_pb2.SyncdMutation.SET, record=record),
            syncd_pb2.SyncdMutation(operation=syncd_pb2.SyncdMutation.REMOVE, record=record),
        ],
        external_mutations=syncd_pb2.ExternalBlobReference(
            media_key=b"\x01" * 32,
            direct_path="/p",
            handle="h",
            file_size_bytes=10,
            file_sha256=b"\x02" * 32,
            file_enc_sha256=b"\x03" * 32,
        ),
        snapshot_mac=b"\x09" * 32,
        patch_mac=b"\x0a" * 32,
        key_id=syncd_pb2.KeyId(id=b"\x00\x01"),
        exit_code=syncd_pb2.ExitCode(code=1, text="ok"),
        device_index=2,
    )
    snapshot = syncd_pb2.SyncdSnapshot(
        version=syncd_pb2.SyncdVersion(version=6),
        records=[record, record],
        mac=b"\x0b" * 32,
        key_id=syncd_pb2.KeyId(id=b"\x00\x01"),
    )
    cert_details = verified_name_pb2.VerifiedNameCertificate.Details(
        serial=2**63 + 5,
        issuer="smb:wa",
        verified_name="Acme Ltd",
        localized_names=[
            verified_name_pb2.LocalizedName(lg="de", lc="DE", verified_name="Acme GmbH")
        ],
        issue_time=1_700_000_000,
    )
    cert = verified_name_pb2.VerifiedNameCertificate(
        details=cert_details.SerializeToString(),
        signature=b"\x01" * 64,
        server_signature=b"\x02" * 64,
    )
    pairing = companion_pb2.ProloguePayload(
        companion_ephemeral_identity=companion_pb2.CompanionEphemeralIdentity(
            public_key=b"\x05" * 32, device_type=companion_pb2.DeviceProps.CHROME, ref="2@abc"
        ).SerializeToString(),
        commitment=companion_pb2.CompanionCommitment(hash=b"\x06" * 32),
    )
    media_retry = e2e.MediaRetryNotification(
        stanza_id="X", direct_path="/d", result=e2e.MediaRetryNotification.NOT_FOUND
    )
    return [
        register, login, props, identity, signed, hmac_wrapped, key_list, signed_list,
        rich, *protocol, *wrapped, web_info, stub, history, *actions, action_data,
        record, patch, snapshot, cert_details, cert, pairing,
        media_retry,
    ]  # fmt: skip


# ----------------------------------------------------------------- the checks

SCALAR_NAMES = {
    getattr(d.FieldDescriptor, f"TYPE_{n.upper()}"): n
    for n in [
        *("double", "float", "int64", "uint64", "int32", "fixed64", "fixed32", "bool"),
        *("string", "bytes", "uint32", "sfixed32", "sfixed64", "sint32", "sint64"),
    ]
}


def test_schema_matches_baileys(node: NodeProcess, paths: dict[str, str]) -> None:
    schema = node.call("schema", paths=sorted(set(paths.values())))
    problems: list[str] = []
    checked = 0
    for desc in walk_messages():
        theirs = schema[paths[desc.full_name]]
        assert theirs and theirs["kind"] == "message", desc.full_name
        for field in desc.fields:
            where = f"{desc.full_name}.{field.name} = {field.number}"
            other = theirs["fields"].get(str(field.number))
            if other is None:
                problems.append(f"{where}: Baileys has no field {field.number}")
                continue
            checked += 1
            if norm(other["name"]) != norm(field.name):
                problems.append(f"{where}: Baileys calls it {other['name']}")
            if field.type == d.FieldDescriptor.TYPE_MESSAGE:
                mine = paths.get(field.message_type.full_name)
            elif field.type == d.FieldDescriptor.TYPE_ENUM:
                mine = paths.get(field.enum_type.full_name)
            else:
                mine = SCALAR_NAMES[field.type]
            if mine != other["type"]:
                problems.append(f"{where}: type {mine} but Baileys {other['type']}")
            if field.is_repeated != other["repeated"]:
                problems.append(f"{where}: repeated={field.is_repeated} but not in Baileys")
            if other["explicitly_packed"] and not field.is_packed:
                problems.append(f"{where}: WhatsApp packs this field")
            theirs_oneof = other["oneof"]
            mine_oneof = field.containing_oneof.name if field.containing_oneof else None
            if (mine_oneof is None) != (theirs_oneof is None):
                problems.append(f"{where}: oneof {mine_oneof} vs Baileys {theirs_oneof}")
    for enum in walk_enums():
        theirs = schema[paths[enum.full_name]]
        assert theirs and theirs["kind"] == "enum", enum.full_name
        mine = {v.name: v.number for v in enum.values}
        if mine != theirs["values"]:
            problems.append(f"enum {enum.full_name}: {mine} != Baileys {theirs['values']}")
    assert not problems, "\n".join(problems)
    assert checked > 900  # the whole schema was compared, not a sliver of it


def decode_in_baileys(node: NodeProcess, paths: dict[str, str], msgs: list[PbMessage]) -> list[Any]:
    items = [
        {"type": paths[m.DESCRIPTOR.full_name], "data": b64(m.SerializeToString())} for m in msgs
    ]
    return node.call("decode", items=items)


def assert_same_views(msgs: list[PbMessage], objects: list[Any]) -> None:
    assert len(objects) == len(msgs)
    for msg, obj in zip(msgs, objects, strict=True):
        mine, theirs = to_view(msg), norm_keys(obj)
        diff = first_difference(mine, theirs, msg.DESCRIPTOR.full_name)
        assert diff is None, diff
        assert mine == theirs


def test_realistic_messages_decode_identically_in_baileys(
    node: NodeProcess, paths: dict[str, str]
) -> None:
    msgs = realistic_instances()
    assert_same_views(msgs, decode_in_baileys(node, paths, msgs))


def test_every_field_of_every_type_decodes_identically_in_baileys(
    node: NodeProcess, paths: dict[str, str]
) -> None:
    msgs = list(filled_instances())
    assert len(msgs) >= sum(1 for _ in walk_messages())
    assert_same_views(msgs, decode_in_baileys(node, paths, msgs))


def roundtrip_through_baileys(
    node: NodeProcess, paths: dict[str, str], msgs: list[PbMessage]
) -> None:
    """Baileys decodes, re-encodes from its plain objects; Python parses that."""
    objects = decode_in_baileys(node, paths, msgs)
    items = [
        {"type": paths[m.DESCRIPTOR.full_name], "object": o}
        for m, o in zip(msgs, objects, strict=True)
    ]
    encoded = node.call("encode", items=items)
    for msg, data in zip(msgs, encoded, strict=True):
        back = type(msg)()
        back.ParseFromString(unb64(data))
        assert_no_unknown_fields(back)
        diff = first_difference(to_view(msg), to_view(back), msg.DESCRIPTOR.full_name)
        assert diff is None, diff


def test_baileys_encodings_parse_without_unknown_fields(
    node: NodeProcess, paths: dict[str, str]
) -> None:
    roundtrip_through_baileys(node, paths, realistic_instances())
    roundtrip_through_baileys(node, paths, list(filled_instances()))


# Objects written the way a Baileys user writes them (its own field names).
BAILEYS_LITERALS: list[tuple[type[PbMessage], str, dict[str, Any]]] = [
    (
        e2e_pb2.Message,
        "Message",
        {
            "extendedTextMessage": {
                "text": "hi @Alice",
                "contextInfo": {
                    "stanzaId": "3EB0AA",
                    "participant": "1@s.whatsapp.net",
                    "quotedMessage": {"conversation": "hello"},
                    "mentionedJid": ["2@s.whatsapp.net"],
                },
            },
            "messageContextInfo": {
                "messageSecret": base64.b64encode(b"\x01" * 32).decode(),
                "deviceListMetadataVersion": 2,
                "deviceListMetadata": {"senderTimestamp": "1764000000", "senderKeyIndexes": [1, 2]},
            },
        },
    ),
    (
        e2e_pb2.Message,
        "Message",
        {
            "protocolMessage": {
                "type": 14,
                "key": {"remoteJid": "1@s.whatsapp.net", "fromMe": True, "id": "X"},
                "editedMessage": {"conversation": "edited"},
                "timestampMs": "1764000000123",
            }
        },
    ),
    (
        e2e_pb2.Message,
        "Message",
        {"reactionMessage": {"key": {"id": "Y"}, "text": "🔥", "senderTimestampMs": "77"}},
    ),
    (
        sync_action_pb2.SyncActionValue,
        "SyncActionValue",
        {"timestamp": "1764000000000", "muteAction": {"muted": True, "muteEndTimestamp": "-1"}},
    ),
    (
        client_payload_pb2.ClientPayload,
        "ClientPayload",
        {
            "username": "15551234567",
            "device": 2,
            "passive": True,
            "userAgent": {"platform": 14, "appVersion": {"primary": 2, "secondary": 3000}},
            "webInfo": {"webSubPlatform": 0},
            "connectType": 1,
            "connectReason": 1,
        },
    ),
    (
        history_sync_pb2.HistorySync,
        "HistorySync",
        {
            "syncType": 3,
            "conversations": [
                {
                    "id": "1@s.whatsapp.net",
                    "messages": [
                        {
                            "message": {
                                "key": {"remoteJid": "1@s.whatsapp.net", "id": "Z"},
                                "message": {"conversation": "old"},
                                "messageTimestamp": "1700000000",
                            },
                            "msgOrderId": "1",
                        }
                    ],
                }
            ],
        },
    ),
]


def test_baileys_literals_parse_in_python(node: NodeProcess) -> None:
    items = [{"type": path, "object": obj} for _, path, obj in BAILEYS_LITERALS]
    encoded = node.call("encode", items=items)
    for (cls, _, obj), data in zip(BAILEYS_LITERALS, encoded, strict=True):
        msg = cls()
        msg.ParseFromString(unb64(data))
        assert_no_unknown_fields(msg)
        diff = first_difference(norm_keys(obj), to_view(msg))
        assert diff is None, diff
    # and a couple of values read through the Python API, by name
    first = e2e_pb2.Message.FromString(unb64(encoded[0]))
    assert first.extended_text_message.context_info.quoted_message.conversation == "hello"
    assert list(first.message_context_info.device_list_metadata.sender_key_indexes) == [1, 2]
    edit = e2e_pb2.Message.FromString(unb64(encoded[1])).protocol_message
    assert edit.type == e2e_pb2.ProtocolMessage.MESSAGE_EDIT
    assert edit.timestamp_ms == 1_764_000_000_123
    mute = sync_action_pb2.SyncActionValue.FromString(unb64(encoded[3]))
    assert mute.mute_action.mute_end_timestamp == -1
    payload = client_payload_pb2.ClientPayload.FromString(unb64(encoded[4]))
    assert payload.username == 15551234567
    assert payload.user_agent.platform == client_payload_pb2.ClientPayload.UserAgent.WEB
