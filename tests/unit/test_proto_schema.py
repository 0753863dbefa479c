"""House rules of wacli's own .proto schemas, and parsing hostile bytes.

The field numbers themselves are checked against an independent
transcription in tests/interop/test_proto_interop.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from google.protobuf import descriptor as d
from google.protobuf.json_format import MessageToDict
from google.protobuf.message import DecodeError
from hypothesis import given, settings
from hypothesis import strategies as st

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
PROTO_DIR = Path(e2e_pb2.__file__).resolve().parent


def all_messages(desc_list: list[d.Descriptor]) -> list[d.Descriptor]:
    out: list[d.Descriptor] = []
    for desc in desc_list:
        out.append(desc)
        out += all_messages(list(desc.nested_types))
    return out


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_file_conventions(module) -> None:
    fd = module.DESCRIPTOR
    stem = Path(fd.name).stem
    assert fd.name == f"wacli/proto/{stem}.proto"
    assert fd.package == f"wacli.{stem}"
    # WhatsApp's schemas are proto2: presence of every scalar is observable.
    source = (PROTO_DIR / f"{stem}.proto").read_text()
    assert re.search(r'^syntax = "proto2";', source, re.M)
    assert all(dep.name.startswith("wacli/proto/") for dep in fd.dependencies)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_field_names_are_snake_case_and_optional(module) -> None:
    for desc in all_messages(list(module.DESCRIPTOR.message_types_by_name.values())):
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", desc.name), desc.full_name
        for field in desc.fields:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", field.name), field.full_name
            # no `required`: a missing field is the caller's to judge, so a
            # short message from the network never fails to parse.
            assert not field.is_required, field.full_name


def test_json_view_uses_proto_field_names() -> None:
    msg = e2e_pb2.Message(
        extended_text_message=e2e_pb2.ExtendedTextMessage(
            text="hi", context_info=e2e_pb2.ContextInfo(stanza_id="ABC", is_forwarded=True)
        )
    )
    view = MessageToDict(msg, preserving_proto_field_name=True)
    assert view == {
        "extended_text_message": {
            "text": "hi",
            "context_info": {"stanza_id": "ABC", "is_forwarded": True},
        }
    }


def test_explicit_presence_survives_the_wire() -> None:
    # proto2: a field set to its default value is still "present"
    key = common_pb2.MessageKey(from_me=False, id="")
    back = common_pb2.MessageKey.FromString(key.SerializeToString())
    assert back.HasField("from_me") and back.HasField("id")
    assert not back.HasField("remote_jid")


def test_nested_payloads_round_trip() -> None:
    inner = e2e_pb2.Message(conversation="quoted")
    info = web_pb2.WebMessageInfo(
        key=common_pb2.MessageKey(remote_jid="1@s.whatsapp.net", from_me=True, id="X"),
        message=e2e_pb2.Message(
            ephemeral_message=e2e_pb2.FutureProofMessage(
                message=e2e_pb2.Message(
                    extended_text_message=e2e_pb2.ExtendedTextMessage(
                        text="reply", context_info=e2e_pb2.ContextInfo(quoted_message=inner)
                    )
                )
            )
        ),
        message_timestamp=2**40,
        message_stub_type=web_pb2.WebMessageInfo.GROUP_PARTICIPANT_ADD,
    )
    history = history_sync_pb2.HistorySync(
        sync_type=history_sync_pb2.HistorySync.RECENT,
        conversations=[
            history_sync_pb2.Conversation(
                id="1@s.whatsapp.net", messages=[history_sync_pb2.HistorySyncMsg(message=info)]
            )
        ],
    )
    back = history_sync_pb2.HistorySync.FromString(history.SerializeToString())
    assert back == history
    got = back.conversations[0].messages[0].message.message.ephemeral_message.message
    assert got.extended_text_message.context_info.quoted_message.conversation == "quoted"


HOSTILE_TARGETS = [
    e2e_pb2.Message,
    web_pb2.WebMessageInfo,
    history_sync_pb2.HistorySync,
    sync_action_pb2.SyncActionData,
    syncd_pb2.SyncdPatch,
    client_payload_pb2.ClientPayload,
    adv_pb2.ADVSignedDeviceIdentityHMAC,
    companion_pb2.DeviceProps,
    verified_name_pb2.VerifiedNameCertificate,
]


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=256), target=st.sampled_from(HOSTILE_TARGETS))
def test_random_bytes_either_parse_or_raise_decode_error(data: bytes, target) -> None:
    try:
        msg = target.FromString(data)
    except DecodeError:
        return
    # whatever parsed is stable through a re-encode
    again = target.FromString(msg.SerializeToString())
    assert MessageToDict(again) == MessageToDict(msg)


def test_deep_nesting_is_refused_not_crashing() -> None:
    # Message -> ephemeral_message(40) -> message(1) -> ... 2000 levels deep
    payload = b""
    for _ in range(2000):
        inner = bytes([0x0A]) + _varint(len(payload)) + payload  # FutureProofMessage.message
        payload = bytes([0xC2, 0x02]) + _varint(len(inner)) + inner  # Message.ephemeral_message
    with pytest.raises(DecodeError):
        e2e_pb2.Message.FromString(payload)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def test_invalid_utf8_in_a_string_field_still_parses() -> None:
    # proto2 does not validate UTF-8; upb then hands the raw bytes back
    # instead of str. Code that turns strings from the network into text
    # (event JSON) must expect this rather than crash on it.
    msg = e2e_pb2.Message.FromString(b"\x0a\x02\xff\xfe")  # conversation = b"\xff\xfe"
    assert msg.HasField("conversation")
    assert msg.conversation in (b"\xff\xfe", "\ufffd\ufffd")
