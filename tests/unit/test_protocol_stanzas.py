"""The stanza shapes both the client and the sandbox build or read (wacli.protocol):
retry receipts and the keys they offer, a usync answer's devices, acks and IQ results,
each built by one side's builder and read back by the other side's parser."""

from __future__ import annotations

import pytest

from wacli.binary import BinaryError, Node
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.outgoing_message import device_sent_copy
from wacli.protocol.prekeys import OneTimeKey, SignedKey
from wacli.protocol.receipts import (
    RetryKeys,
    RetryRequest,
    parse_retry,
    parse_retry_keys,
    retry_content,
)
from wacli.protocol.stanzas import ack_for, iq_result
from wacli.protocol.usync import devices_node, parse_usync_users

BOB = parse_jid("15550001234@s.whatsapp.net")
KEYS = RetryKeys(
    identity=b"\x11" * 32,
    one_time=OneTimeKey(7, b"\x22" * 32),
    signed=SignedKey(3, b"\x33" * 32, b"\x44" * 64),
    device_identity=b"adv",
)


def receipt(content: list[Node]) -> Node:
    return Node("receipt", {"id": "M1", "type": "retry", "from": BOB}, content)


def test_a_retry_receipt_reads_back_as_built() -> None:
    built = receipt(retry_content(RetryRequest("M1", 2, "1700000000"), 0x01020304, KEYS))
    assert [child.tag for child in built.children] == ["retry", "registration", "keys"]
    assert parse_retry(built) == RetryRequest("M1", 2, "1700000000")
    assert parse_retry_keys(built) == (0x01020304, KEYS)
    first = receipt(retry_content(RetryRequest("M1", 1, None), 9, None))
    assert parse_retry_keys(first) is None
    assert first.require_child("retry").attrs == {"count": "1", "id": "M1", "t": "", "v": "1"}


def test_retry_keys_tolerate_a_typed_identity_and_refuse_short_keys() -> None:
    built = receipt(retry_content(RetryRequest("M1", 2, None), 1, KEYS))
    keys = built.require_child("keys")
    keys.require_child("identity").content = b"\x05" + b"\x11" * 32
    assert parse_retry_keys(built) == (1, KEYS)
    keys.require_child("skey").require_child("id").content = b"\x01"
    with pytest.raises(BinaryError):
        parse_retry_keys(built)
    with pytest.raises(BinaryError):
        parse_retry(Node("receipt", {"id": "M1", "type": "retry"}))


def test_a_usync_answer_of_the_sandbox_shape_reads_back() -> None:
    user = Node(
        "user",
        {"jid": BOB},
        [devices_node([(0, 0), (3, 2)], b"signed", 1700000000), Node("lid", {"val": "77@lid"})],
    )
    answer = Node("iq", {"type": "result"}, [Node("usync", {}, [Node("list", {}, [user])])])
    [parsed] = parse_usync_users(answer)
    assert (parsed.jid, parsed.devices, parsed.key_index_ts) == (BOB, ((0, 0), (3, 2)), 1700000000)
    assert str(parsed.lid) == "77@lid"


def test_acks_iq_results_and_the_device_sent_copy() -> None:
    notification = Node("notification", {"id": "n", "from": BOB, "type": "picture"})
    assert ack_for(notification) == Node(
        "ack", {"class": "notification", "id": "n", "to": BOB, "type": "picture"}
    )
    assert ack_for(Node("ib", {"id": "i"})) is None
    ping = Node("iq", {"id": "p", "type": "get", "xmlns": "urn:xmpp:ping"})
    assert iq_result(ping).attrs == {"to": parse_jid("s.whatsapp.net"), "id": "p", "type": "result"}
    message = e2e_pb2.Message(conversation="hi")
    copy = device_sent_copy(BOB, message)
    assert copy.device_sent_message.destination_jid == str(BOB)
    assert copy.device_sent_message.message == message
