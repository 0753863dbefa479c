"""The pure parts of sending: the Message builders, the stanza's edit attribute, usync and
prekey-fetch answers (malformed parts left out, never another exception), presence and
chat-state stanzas, and how TO is read."""

from __future__ import annotations

import pytest

from wacli.binary import Node, decode, encode
from wacli.cli.send import recipient
from wacli.client.presence import chat_state, own_presence, subscribe
from wacli.client.send import (
    edit_message,
    new_message_id,
    parse_bundle,
    reaction_message,
    revoke_message,
    text_message,
)
from wacli.jid import JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.outgoing_message import device_sent_copy, edit_attr
from wacli.protocol.usync import parse_usync_users, usync_request

CHAT = parse_jid("15551234567@s.whatsapp.net")


def test_text_and_reply() -> None:
    assert text_message("hi") == e2e_pb2.Message(conversation="hi")
    quoted = text_message("original")
    reply = text_message("yes", "3EB0X", quoted, "15550000001@s.whatsapp.net")
    context = reply.extended_text_message.context_info
    assert reply.extended_text_message.text == "yes"
    assert context.stanza_id == "3EB0X" and context.quoted_message == quoted
    assert context.participant == "15550000001@s.whatsapp.net"
    assert edit_attr(reply) is None


def test_reaction_edit_revoke_and_the_edit_attribute() -> None:
    reaction = reaction_message(CHAT, "3EB0X", "👍").reaction_message
    assert (reaction.text, reaction.key.id, reaction.key.remote_jid) == ("👍", "3EB0X", str(CHAT))
    assert reaction.sender_timestamp_ms > 0
    edit = edit_message(CHAT, "3EB0X", "fixed")
    assert edit.protocol_message.type == e2e_pb2.ProtocolMessage.MESSAGE_EDIT
    assert edit.protocol_message.key.from_me and edit.protocol_message.key.id == "3EB0X"
    assert edit.protocol_message.edited_message.conversation == "fixed"
    assert edit_attr(edit) == "1"
    revoke = revoke_message(CHAT, "3EB0X")
    assert revoke.protocol_message.type == e2e_pb2.ProtocolMessage.REVOKE
    assert revoke.protocol_message.HasField("type")
    assert edit_attr(revoke) == "7"


def test_device_sent_copy_wraps_with_the_destination() -> None:
    copy = device_sent_copy(CHAT, text_message("hi")).device_sent_message
    assert copy.destination_jid == str(CHAT) and copy.message.conversation == "hi"


def test_message_ids_are_unique_upper_hex() -> None:
    ids = {new_message_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(i.startswith("3EB0") and i == i.upper() and len(i) == 20 for i in ids)


def test_usync_round_trip_and_malformed_users() -> None:
    request = decode(encode(usync_request([CHAT.with_device(2)], sid="s1")))
    user = request.require_child("list").require_child("user")
    assert user.attr("jid") == str(CHAT)  # asked for the user, not a device
    assert request.require_child("query").require_child("devices").attr("version") == "2"
    devices = Node("device-list", {}, [Node("device", {"id": "0"}), Node("device", {"id": "7"})])
    answer = Node(
        "iq",
        {"type": "result"},
        [
            Node(
                "usync",
                {},
                [
                    Node(
                        "list",
                        {},
                        [
                            Node("user", {"jid": CHAT}, [Node("devices", {}, [devices])]),
                            Node("user", {"jid": "1@s.whatsapp.net"}, [Node("devices")]),
                            Node("user", {"jid": "@@bad"}, []),
                            Node(
                                "user",
                                {"jid": "2@s.whatsapp.net"},
                                [
                                    Node(
                                        "devices",
                                        {},
                                        [Node("device-list", {}, [Node("device", {"id": "x"})])],
                                    )
                                ],
                            ),
                        ],
                    )
                ],
            )
        ],
    )
    found = parse_usync_users(decode(encode(answer)))
    assert [(user.jid, user.devices) for user in found] == [(CHAT, ((0, 0), (7, 0)))]
    assert parse_usync_users(Node("iq")) == []


def _bundle_user(**override: bytes) -> Node:
    parts = {
        "registration": (1234).to_bytes(4, "big"),
        "identity": b"\x01" * 32,
        "skey_id": (5).to_bytes(3, "big"),
        "skey_value": b"\x02" * 32,
        "signature": b"\x03" * 64,
    }
    parts.update(override)
    return Node(
        "user",
        {"jid": CHAT.with_device(3)},
        [
            Node("registration", {}, parts["registration"]),
            Node("type", {}, b"\x05"),
            Node("identity", {}, parts["identity"]),
            Node(
                "skey",
                {},
                [
                    Node("id", {}, parts["skey_id"]),
                    Node("value", {}, parts["skey_value"]),
                    Node("signature", {}, parts["signature"]),
                ],
            ),
            Node("key", {}, [Node("id", {}, b"\x00\x00\x09"), Node("value", {}, b"\x04" * 32)]),
        ],
    )


def test_bundle_parsing() -> None:
    bundle = parse_bundle(_bundle_user())
    assert (bundle.registration_id, bundle.device_id, bundle.signed_prekey_id) == (1234, 3, 5)
    assert (bundle.prekey_id, bundle.prekey) == (9, b"\x04" * 32)


@pytest.mark.parametrize(
    "override",
    [{"registration": b"\x01"}, {"identity": b"\x01" * 31}, {"skey_id": b""}],
)
def test_malformed_bundles_are_typed_errors(override: dict[str, bytes]) -> None:
    from wacli.binary import BinaryError
    from wacli.signal import SignalError

    with pytest.raises((BinaryError, SignalError)):
        parse_bundle(_bundle_user(**override))


def test_presence_stanzas() -> None:
    assert own_presence(True, "Ann").attrs == {"type": "available", "name": "Ann"}
    assert own_presence(False, "Ann").attr("type") == "unavailable"
    assert subscribe(CHAT.with_device(4)).attrs["to"] == CHAT
    typing = chat_state(CHAT, "typing")
    assert typing.require_child("composing").attrs == {}
    assert chat_state(CHAT, "recording").require_child("composing").attr("media") == "audio"
    assert chat_state(CHAT, "paused").children[0].tag == "paused"
    with pytest.raises(ValueError):
        chat_state(CHAT, "sleeping")


def test_recipients() -> None:
    assert recipient("+1 555 123 4567") == CHAT
    assert recipient("15551234567@s.whatsapp.net") == CHAT
    assert recipient("123456789@lid").is_lid
    for bad in ("12", "abc", "x@nowhere.example", "status@broadcast"):
        with pytest.raises(JIDError):
            recipient(bad)
