"""Retry receipts between two real stores: from the second retry on ours carry keys a
sender can start a session from; the RetryHandler answers a peer's retry receipt by
re-encrypting the kept message for that device alone (fresh session from the receipt's
keys), wraps it for our own devices, adds the sender key for groups, and refuses
receipts over the limit, for unknown messages or with malformed keys."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.unit.accounts import made_up_account
from wacli.binary import Node, decode, encode
from wacli.client import events as ev
from wacli.client.dispatcher import Outcome
from wacli.client.receive import Receiver
from wacli.client.retry import MAX_RETRIES, RetryError, RetryHandler, bundle_from_retry
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.padding import unpad_message
from wacli.signal import (
    CiphertextMessage,
    MessageType,
    ProtocolAddress,
    SessionCipher,
    process_prekey_bundle,
)
from wacli.signal.device import ensure_identity, rotate_signed_prekey
from wacli.signal.group import GroupCipher, GroupSessionBuilder, SenderKeyName
from wacli.store import Store

pytestmark = pytest.mark.anyio

ME = parse_jid("15550000001:3@s.whatsapp.net")
MY_LID = parse_jid("99990001:3@lid")
PEER = parse_jid("15550000002:0@s.whatsapp.net")
GROUP = parse_jid("120363000000000001@g.us")


def paired(store: Store, jid: str) -> None:
    ensure_identity(store)
    rotate_signed_prekey(store)
    store.save_account(made_up_account(jid))


@pytest.fixture
def stores(tmp_path: Path):
    mine, theirs = Store(tmp_path / "me"), Store(tmp_path / "peer")
    paired(mine, str(ME))
    paired(theirs, str(PEER))
    yield mine, theirs
    mine.close()
    theirs.close()


def garbage(msg_id: str = "3EB0AA", **enc_attrs: str) -> Node:
    enc = Node("enc", {"v": "2", "type": "msg", **enc_attrs}, b"\x33not a signal message")
    return Node("message", {"from": PEER, "id": msg_id, "t": "1764064800", "type": "text"}, [enc])


def read(store: Store, sender: tuple[str, int], enc: Node) -> e2e_pb2.Message:
    cipher = SessionCipher(store, ProtocolAddress(*sender))
    kind = MessageType.from_enc_type(enc.require_attr("type"))
    message = e2e_pb2.Message()
    message.ParseFromString(
        unpad_message(cipher.decrypt(CiphertextMessage(kind, enc.content_bytes())))
    )
    return message


async def test_our_second_retry_receipt_offers_keys_that_start_a_session(stores) -> None:
    mine, theirs = stores
    rx = Receiver(mine, lambda: (ME, MY_LID))
    first = await rx.handle(garbage())
    assert first is not None and first.also[0].child("keys") is None
    second = await rx.handle(garbage())
    assert second is not None
    receipt = decode(encode(second.also[0]))
    assert receipt.require_child("retry").attr("count") == "2"
    keys = receipt.require_child("keys")
    assert keys.require_child("type").content_bytes() == b"\x05"
    assert keys.require_child("device-identity").content_bytes() == b"signed-identity"
    bundle = bundle_from_retry(receipt, ME.device)
    assert bundle is not None and bundle.prekey_id is not None
    assert mine.load_prekey(bundle.prekey_id) is not None  # we keep its private half
    # The sender starts over from these keys, and we read what it sends.
    address = ProtocolAddress(ME.user, ME.device)
    process_prekey_bundle(theirs, address, bundle)
    out = SessionCipher(theirs, address).encrypt(b"\x0a\x02hi" + b"\x01")
    got = SessionCipher(mine, ProtocolAddress(PEER.user, 0)).decrypt(out)
    assert got.startswith(b"\x0a\x02hi")


async def test_a_resend_continues_its_retry_count(stores) -> None:
    mine, _ = stores
    rx = Receiver(mine, lambda: (ME, MY_LID))
    outcome = await rx.handle(garbage(count="2"))
    assert outcome is not None
    receipt = outcome.also[0]
    assert receipt.require_child("retry").attr("count") == "3"
    assert receipt.child("keys") is not None


def retry_receipt(
    count: int, msg_id: str = "3EB0BB", keys: Node | None = None, **attrs: object
) -> Node:
    content = [
        Node("retry", {"count": str(count), "id": msg_id, "t": "1764064800", "v": "1"}),
        Node("registration", {}, (1234).to_bytes(4, "big")),
    ]
    if keys is not None:
        content.append(keys)
    base: dict[str, object] = {"from": PEER, "id": msg_id, "type": "retry", "t": "1764064801"}
    base.update(attrs)
    return Node("receipt", base, content)  # type: ignore[arg-type]


async def _their_keys(theirs: Store) -> Node:
    """Keys as the peer offers them (its own Receiver builds them on a second retry)."""
    rx = Receiver(theirs, lambda: (PEER, None))
    node = garbage()
    await rx.handle(node)
    outcome = await rx.handle(node)
    assert outcome is not None
    return outcome.also[0].require_child("keys")


async def test_the_kept_message_goes_again_to_the_asking_device(stores) -> None:
    mine, theirs = stores
    sent = e2e_pb2.Message(conversation="again please")
    mine.remember_sent(PEER, "3EB0BB", sent.SerializeToString())
    seen: list[Node] = []

    async def fallback(node: Node) -> Outcome:
        seen.append(node)
        return Outcome(events=(ev.Connected(),))

    handler = RetryHandler(mine, lambda: (ME, MY_LID), fallback)
    keys = await _their_keys(theirs)
    outcome = await handler.handle(retry_receipt(2, keys=keys))
    assert outcome is not None and len(seen) == 1 and len(outcome.events) == 1
    (resend,) = outcome.also
    resend = decode(encode(resend))
    assert resend.tag == "message" and resend.attr("to") == str(PEER)
    assert resend.attr("id") == "3EB0BB" and resend.attr("device_fanout") == "false"
    enc = resend.require_child("enc")
    assert enc.attr("type") == "pkmsg" and enc.attr("count") == "2"
    assert resend.require_child("device-identity").content_bytes() == b"signed-identity"
    assert read(theirs, (ME.user, ME.device), enc) == sent
    # Not a retry receipt: not this handler's.
    assert await handler.handle(Node("receipt", {"from": PEER, "id": "x"})) is None


async def test_limits_unknown_messages_and_bad_keys(stores) -> None:
    mine, theirs = stores
    mine.remember_sent(PEER, "3EB0BB", e2e_pb2.Message(conversation="x").SerializeToString())
    handler = RetryHandler(mine, lambda: (ME, MY_LID))
    keys = await _their_keys(theirs)
    over = await handler.handle(retry_receipt(MAX_RETRIES + 1, keys=keys))
    assert over is not None and over.also == ()
    unknown = await handler.handle(retry_receipt(2, msg_id="3EB0CC", keys=keys))
    assert unknown is not None and unknown.also == ()
    broken = Node("keys", {}, [Node("identity", {}, b"\x01" * 32)])  # no <skey>
    bad = await handler.handle(retry_receipt(2, keys=broken))
    assert bad is not None and bad.also == ()  # logged, acked, not answered
    with pytest.raises(RetryError):
        bad_id = Node("skey", {}, [Node("id", {}, b"\x01"), Node("value"), Node("signature")])
        bundle_from_retry(
            retry_receipt(2, keys=Node("keys", {}, [Node("identity", {}, bytes(32)), bad_id])), 0
        )
    assert bundle_from_retry(retry_receipt(1), 0) is None
    # Each device is answered at most MAX_RETRIES times, whatever counts it sends.
    answered = 0
    for _ in range(MAX_RETRIES + 2):
        outcome = await handler.handle(retry_receipt(2, keys=await _their_keys(theirs)))
        assert outcome is not None
        answered += len(outcome.also)
    assert answered == MAX_RETRIES


async def test_group_and_own_device_resends(stores) -> None:
    mine, theirs = stores
    sent = e2e_pb2.Message(conversation="to the group")
    mine.remember_sent(GROUP, "3EB0DD", sent.SerializeToString())
    mine.remember_sent(PEER, "3EB0EE", sent.SerializeToString())
    handler = RetryHandler(mine, lambda: (ME, MY_LID))
    keys = await _their_keys(theirs)
    outcome = await handler.handle(
        retry_receipt(2, msg_id="3EB0DD", keys=keys, **{"from": GROUP, "participant": PEER})
    )
    assert outcome is not None
    (resend,) = outcome.also
    assert resend.attr("to") == str(GROUP) and resend.attr("participant") == str(PEER)
    assert resend.attr("device_fanout") is None
    got = read(theirs, (ME.user, ME.device), resend.require_child("enc"))
    assert got.conversation == "to the group"
    skdm = got.sender_key_distribution_message
    assert skdm.group_id == str(GROUP)
    # The key in it is our current sender key: it reads what we send to the group.
    name = SenderKeyName(str(GROUP), ProtocolAddress(ME.user, ME.device))
    theirs_name = SenderKeyName(str(GROUP), ProtocolAddress(ME.user, ME.device))
    GroupSessionBuilder(theirs).process(theirs_name, skdm.axolotl_sender_key_distribution_message)
    assert GroupCipher(theirs, theirs_name).decrypt(GroupCipher(mine, name).encrypt(b"k")) == b"k"

    # One of our own devices asks: it gets the sent copy, naming the chat.
    own_phone = parse_jid("15550000001@s.whatsapp.net")
    ours = Store(mine.directory.parent / "own")
    paired(ours, str(own_phone))
    keys = await _their_keys(ours)
    outcome = await handler.handle(
        retry_receipt(2, msg_id="3EB0EE", keys=keys, **{"from": own_phone, "recipient": PEER})
    )
    assert outcome is not None
    (resend,) = outcome.also
    assert resend.attr("recipient") == str(PEER)
    got = read(ours, (ME.user, ME.device), resend.require_child("enc"))
    assert got.device_sent_message.destination_jid == str(PEER.to_non_ad())
    assert got.device_sent_message.message == sent
    ours.close()


async def test_random_retry_receipts_never_raise_anything_else(stores) -> None:
    """Junk in any part of a retry receipt is logged and acked, never another exception."""
    mine, theirs = stores
    mine.remember_sent(PEER, "3EB0BB", e2e_pb2.Message(conversation="x").SerializeToString())
    good_keys = await _their_keys(theirs)
    rx = Receiver(mine, lambda: (ME, MY_LID))
    handler = RetryHandler(mine, lambda: (ME, MY_LID), rx.handle)
    rng = random.Random(77)
    values = ["3EB0BB", "", "x", "0", "-1", "99999999999", "a:b@c", str(PEER), str(GROUP), "@g.us"]

    def junk(depth: int) -> Node:
        tag = rng.choice(["retry", "registration", "keys", "key", "skey", "id", "value", "x"])
        attrs = {k: rng.choice(values) for k in rng.sample(["count", "id", "t", "v"], 2)}
        if depth == 0 or rng.random() < 0.4:
            return Node(tag, attrs, rng.randbytes(rng.choice([0, 1, 3, 4, 32, 33])))
        return Node(tag, attrs, [junk(depth - 1) for _ in range(rng.randint(0, 3))])

    for _ in range(300):
        content = [junk(3) for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.5:
            content.append(good_keys if rng.random() < 0.5 else junk(3))
        attrs = {"type": "retry", "id": rng.choice(values), "from": rng.choice(values)}
        if rng.random() < 0.3:
            attrs["participant"] = rng.choice(values)
        try:
            outcome = await handler.handle(Node("receipt", attrs, content))
        except ProtocolError:
            continue  # the dispatcher acks it as malformed
        assert outcome is not None
