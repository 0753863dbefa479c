"""Message routing over real sockets: phones and companions exchange Signal-encrypted
messages through the sandbox; queues redeliver until acked; receipts, presence and chat
state are relayed.

These tests count exactly what is queued and have companions write to phones that never
wrote to them, so they run with privacy tokens off (no 463, no privacy_token
notifications); test_privacy_tokens.py covers the tokens.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.companion import (
    account,
    ack,
    bundle_for,
    connect,
    fetch_bundle,
    linked_companion,
    settle,
)
from bench.local_sandbox import Running, served
from tests.sandbox.support import with_companion
from wacli.binary import Node
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2

pytestmark = pytest.mark.anyio

ALICE, BOB = "15550001111", "15550002222"


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Running]:
    async with served(tmp_path / "state", privacy_tokens="off") as running:
        yield running


async def test_a_receipt_settles_the_message_it_names(sandbox: Running, tmp_path: Path) -> None:
    """Clients answer a decrypted message with a receipt, not an ack (Baileys, whatsmeow):
    the receipt takes it off the queue too, for every id in its <list>."""
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {BOB: "Bob", ALICE: "Alice"})
    bob = people[BOB]
    ids = []
    for text in ("one", "two", "three"):
        status, sent = await sandbox.admin(
            "POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": text}
        )
        assert status == 200
        ids.append(sent["id"])
    got = [await a1.session.receive_tag("message") for _ in ids]
    assert [n.attr("id") for n in got] == ids
    assert [a1.companion.decrypt(n).conversation for n in got] == ["one", "two", "three"]
    items = Node("list", {}, [Node("item", {"id": i}) for i in ids[1:]])
    await a1.session.send(Node("receipt", {"to": bob["jid"], "id": ids[0]}, [items]))
    await settle(a1.session)
    await a1.session.close()
    session, offline, queued = await connect(sandbox, a1.companion)
    assert offline == 0 and queued == [] and session.previews == []  # nothing to announce
    await session.close()


async def test_phone_to_phone_message(sandbox: Running) -> None:
    await account(sandbox, ALICE, "Alice")
    bob = await account(sandbox, BOB, "Bob")
    status, sent = await sandbox.admin(
        "POST",
        f"/accounts/{BOB}/send",
        {"to": f"{ALICE}@s.whatsapp.net", "message": {"extendedTextMessage": {"text": "rich"}}},
    )
    assert status == 200
    status, inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    assert [(e["id"], e["from"], e["chat"], e["text"], e["from_me"]) for e in inbox] == [
        (sent["id"], bob["jid"], bob["jid"], "rich", False)
    ]
    assert inbox[0]["message"] == {"extendedTextMessage": {"text": "rich"}}
    # A second one rides the session the first started.
    status, _ = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "2"})
    status, inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    assert [e["text"] for e in inbox] == ["rich", "2"]
    assert (await sandbox.admin("GET", f"/accounts/{BOB}/inbox"))[1] == []
    bad = {"to": ALICE, "message": {"noSuchField": 1}}
    assert (await sandbox.admin("POST", f"/accounts/{BOB}/send", bad))[0] == 400


async def test_phone_message_reaches_companion_which_decrypts_acks_and_receipts(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    alice, bob = people[ALICE], people[BOB]
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")

    status, sent = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "hi"})
    assert status == 200, sent
    message = await a1.session.receive_tag("message")
    assert message.attr("id") == sent["id"]
    assert message.attr("from") == bob["jid"] and message.attr("notify") == "Bob"
    assert message.attr("sender_lid") == bob["lid"] and message.attr("type") == "text"
    assert a1.companion.decrypt(message).conversation == "hi"
    await ack(a1.session, message)

    # Bob's companion gets the sent-copy, addressed with recipient=<the chat>.
    copy = await b1.session.receive_tag("message")
    assert copy.attr("id") == sent["id"] and copy.attr("recipient") == alice["jid"]
    dsm = b1.companion.decrypt(copy).device_sent_message
    assert dsm.destination_jid == alice["jid"] and dsm.message.conversation == "hi"
    await ack(b1.session, copy)
    # Alice's phone (device 0) got it too and answered with a delivery receipt.
    phone_receipts = [n for n in b1.session.skipped if n.tag == "receipt"]
    assert [(n.attr("from"), n.attr("id")) for n in phone_receipts] == [(alice["jid"], sent["id"])]
    await ack(b1.session, phone_receipts[0])
    status, alice_inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    assert [(e["from"], e["chat"], e["text"]) for e in alice_inbox] == [
        (bob["jid"], bob["jid"], "hi")
    ]

    # Alice's delivery receipt: acked by the server, relayed to Bob's companion.
    await a1.session.send(Node("receipt", {"to": bob["jid"], "id": sent["id"]}))
    server_ack = await a1.session.receive_tag("ack")
    assert server_ack.attrs["class"] == "receipt" and server_ack.attr("id") == sent["id"]
    receipt = await b1.session.receive_tag("receipt")
    assert receipt.attr("id") == sent["id"]
    assert receipt.attr("from") == f"{ALICE}:1@s.whatsapp.net"
    await ack(b1.session, receipt)
    await a1.session.send(Node("receipt", {"to": bob["jid"], "id": sent["id"], "type": "read"}))
    read = await b1.session.receive_tag("receipt")
    assert read.attr("type") == "read" and read.attr("id") == sent["id"]
    await ack(b1.session, read)
    for online in (a1, b1):
        await settle(online.session)

    status, stats = await sandbox.admin("GET", "/stats")
    assert stats["acks_pending"] == 0 and stats["delivered"] >= 4
    for online in (a1, b1):
        await online.session.close()


async def test_unacked_message_is_redelivered_on_every_reconnect_until_acked(
    sandbox: Running, tmp_path: Path
) -> None:
    _, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    status, sent = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "x"})
    assert status == 200
    first = await a1.session.receive_tag("message")
    assert first.attr("id") == sent["id"]
    assert a1.companion.decrypt(first).conversation == "x"
    await a1.session.close()  # dropped before the ack

    for _ in range(2):  # every reconnect brings it again, before the bulletin
        session, offline, queued = await connect(sandbox, a1.companion)
        assert offline == 1 and [n.attr("id") for n in queued] == [sent["id"]]
        assert queued[0].attr("offline") is not None  # marked as from the offline queue
        (preview,) = session.previews  # announced first, by kind
        assert {k: preview.attr(k) for k in ("count", "message", "notification", "receipt")} == {
            "count": "1",
            "message": "1",
            "notification": "0",
            "receipt": "0",
        }
        assert queued[0].require_child("enc").content_bytes() == (
            first.require_child("enc").content_bytes()
        )
        await session.close()

    session, offline, queued = await connect(sandbox, a1.companion)
    assert offline == 1
    await ack(session, queued[0])
    await settle(session)  # the ack was handled before the ping's answer
    await session.close()

    session, offline, queued = await connect(sandbox, a1.companion)
    assert offline == 0 and queued == []
    await session.close()


async def test_queue_survives_a_sandbox_restart(tmp_path: Path) -> None:
    state = tmp_path / "state"
    async with served(state, privacy_tokens="off") as sandbox:
        await account(sandbox, ALICE, "Alice")
        await account(sandbox, BOB, "Bob")
        a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
        await a1.session.close()
        body = {"to": ALICE, "text": "later"}
        status, sent = await sandbox.admin("POST", f"/accounts/{BOB}/send", body)
        assert status == 200
    async with served(state, privacy_tokens="off") as sandbox:
        session, offline, queued = await connect(sandbox, a1.companion)
        assert offline == 1 and queued[0].attr("id") == sent["id"]
        assert a1.companion.decrypt(queued[0]).conversation == "later"
        # The phones' inboxes are kept too.
        status, inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
        assert status == 200 and [e["text"] for e in inbox] == ["later"]
        await session.close()


@pytest.mark.parametrize("by_lid", [False, True])
async def test_companion_message_reaches_phone_inbox_decrypted(
    sandbox: Running, tmp_path: Path, by_lid: bool
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    alice, bob = people[ALICE], people[BOB]
    chat = bob["lid"] if by_lid else bob["jid"]
    own = alice["lid"] if by_lid else alice["jid"]
    message = e2e_pb2.Message(conversation="hello phone")
    copy = e2e_pb2.Message()
    copy.device_sent_message.destination_jid = chat
    copy.device_sent_message.message.CopyFrom(message)

    participants = []
    for jid, data in ((chat, message), (own, copy)):
        user = parse_jid(jid).user
        bundle = bundle_for(await fetch_bundle(a1, jid), 0)
        enc = a1.companion.encrypt(user, 0, bundle, data.SerializeToString())
        assert enc.attr("type") == "pkmsg"
        participants.append(Node("to", {"jid": jid}, [enc]))
    stanza_id = "3EB0" + os.urandom(8).hex().upper()
    await a1.session.send(
        Node(
            "message",
            {"to": chat, "id": stanza_id, "type": "text"},
            [Node("participants", {}, participants), Node("device-identity", {}, b"\x01")],
        )
    )
    server_ack = await a1.session.receive_tag("ack")
    assert server_ack.attrs["class"] == "message" and server_ack.attr("id") == stanza_id
    assert server_ack.attr("from") == chat and "error" not in server_ack.attrs

    status, inbox = await sandbox.admin("GET", f"/accounts/{BOB}/inbox")
    assert status == 200
    assert [(e["id"], e["text"], e["from_me"]) for e in inbox] == [
        (stanza_id, "hello phone", False)
    ]
    expected_from = alice["lid"] if by_lid else alice["jid"]
    assert inbox[0]["from"] == expected_from.replace("@", ":1@")
    assert inbox[0]["message"] == {"conversation": "hello phone"}
    # Alice's phone decrypted the sent-copy as its own message to Bob.
    status, own_inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    assert [(e["chat"], e["text"], e["from_me"]) for e in own_inbox] == [
        (chat, "hello phone", True)
    ]

    # Bob's phone answers with a delivery receipt.
    receipt = await a1.session.receive_tag("receipt")
    assert receipt.attr("id") == stanza_id and receipt.attr("from") == chat
    await ack(a1.session, receipt)

    # A second message rides the same session (no new bundle; still pkmsg until a reply).
    enc = a1.companion.encrypt(parse_jid(chat).user, 0, None, b"\x0a\x03two")
    second = Node(
        "message",
        {"to": chat, "id": "3EB0SECOND", "type": "text"},
        [Node("participants", {}, [Node("to", {"jid": chat}, [enc])])],
    )
    await a1.session.send(second)
    assert (await a1.session.receive_tag("ack")).attr("id") == "3EB0SECOND"
    status, inbox = await sandbox.admin("GET", f"/accounts/{BOB}/inbox")
    assert [e["text"] for e in inbox] == ["hello phone", "two"]
    await a1.session.close()


async def test_message_to_unknown_account_is_nacked(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    enc = Node("enc", {"v": "2", "type": "msg"}, b"\x00")
    await a1.session.send(
        Node("message", {"to": "19990000000@s.whatsapp.net", "id": "X1", "type": "text"}, [enc])
    )
    nack = await a1.session.receive_tag("ack")
    assert nack.attr("id") == "X1" and nack.attr("error") == "400"
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/send", {"to": "19990000000"})
    assert status == 404
    await a1.session.close()


async def test_presence_and_chatstate_are_relayed(sandbox: Running, tmp_path: Path) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    bob = people[BOB]
    await a1.session.send(Node("presence", {"type": "subscribe", "to": bob["jid"]}))
    first = await a1.session.receive_tag("presence")
    assert first.attr("from") == bob["jid"] and first.attr("type") == "unavailable"

    assert (await sandbox.admin("POST", f"/accounts/{BOB}/presence", {"available": True}))[0] == 200
    online = await a1.session.receive_tag("presence")
    assert online.attr("from") == bob["jid"] and online.attr("type") is None

    body = {"to": ALICE, "state": "composing"}
    assert (await sandbox.admin("POST", f"/accounts/{BOB}/chatstate", body))[0] == 200
    state = await a1.session.receive_tag("chatstate")
    assert state.attr("from") == bob["jid"] and state.children[0].tag == "composing"

    # The same from a companion of Bob's.
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")
    await b1.session.send(Node("presence", {"type": "unavailable", "name": "Bob"}))
    offline = await a1.session.receive_tag("presence")
    assert offline.attr("from") == bob["jid"] and offline.attr("type") == "unavailable"
    assert offline.attr("last", "").isdigit()
    alice_lid = (await sandbox.admin("GET", "/accounts"))[1][0]["lid"]
    await b1.session.send(Node("chatstate", {"to": alice_lid}, [Node("paused")]))
    state = await a1.session.receive_tag("chatstate")
    assert state.attr("from") == bob["lid"] and state.children[0].tag == "paused"
    for online in (a1, b1):
        await online.session.close()


async def test_own_devices_peer_messages_sender_and_retry_receipts(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    alice, bob = people[ALICE], people[BOB]
    a2 = await linked_companion(sandbox, ALICE, tmp_path / "a2")
    a2_jid = a2.companion.jid
    assert a2_jid == f"{ALICE}:2@s.whatsapp.net"

    # A peer message from one of our devices to another: no recipient, category kept.
    bundle = bundle_for(await fetch_bundle(a1, a2_jid), 2)
    enc = a1.companion.encrypt(ALICE, 2, bundle, b"\x0a\x04peer")
    peer = {"to": a2_jid, "id": "PEER1", "type": "text", "category": "peer"}
    await a1.session.send(Node("message", peer, [enc]))
    assert (await a1.session.receive_tag("ack")).attr("id") == "PEER1"
    got = await a2.session.receive_tag("message")
    assert got.attr("from") == a1.companion.jid and got.attr("category") == "peer"
    assert got.attr("recipient") is None and got.attr("notify") is None
    assert a2.companion.decrypt(got).conversation == "peer"
    await ack(a2.session, got)

    # A message to Bob with a sent-copy for a2, which a2 answers with a "sender" receipt
    # without ``to`` (as Baileys does in 1:1): it settles a2's copy and reaches a1.
    copy = e2e_pb2.Message()
    copy.device_sent_message.destination_jid = bob["jid"]
    copy.device_sent_message.message.conversation = "to bob"
    bob_bundle = bundle_for(await fetch_bundle(a1, bob["jid"]), 0)
    participants = [
        Node(
            "to", {"jid": bob["jid"]}, [a1.companion.encrypt(BOB, 0, bob_bundle, b"\x0a\x06to bob")]
        ),
        Node(
            "to", {"jid": a2_jid}, [a1.companion.encrypt(ALICE, 2, None, copy.SerializeToString())]
        ),
    ]
    await a1.session.send(
        Node(
            "message",
            {"to": bob["jid"], "id": "M1", "type": "text"},
            [Node("participants", {}, participants)],
        )
    )
    sent_copy = await a2.session.receive_tag("message")
    assert sent_copy.attr("id") == "M1" and sent_copy.attr("recipient") == bob["jid"]
    assert a2.companion.decrypt(sent_copy).device_sent_message.message.conversation == "to bob"
    await a2.session.send(Node("receipt", {"id": "M1", "recipient": bob["jid"], "type": "sender"}))
    assert (await a2.session.receive_tag("ack")).attrs["class"] == "receipt"
    sender_receipt = None
    while sender_receipt is None:
        receipt = await a1.session.receive_tag("receipt")
        if receipt.attr("type") == "sender":
            sender_receipt = receipt
        else:  # Bob's phone's delivery receipt
            assert receipt.attr("from") == bob["jid"] and receipt.attr("id") == "M1"
    assert sender_receipt.attr("from") == a2_jid and sender_receipt.attr("recipient") == bob["jid"]

    # A retry receipt keeps its children on the way (the sender needs them to resend).
    retry = Node(
        "receipt",
        {"to": a1.companion.jid, "id": "PEER1", "type": "retry"},
        [
            Node("retry", {"count": "1", "id": "PEER1", "t": "1", "v": "1"}),
            Node("registration", {}, (4242).to_bytes(4, "big")),
        ],
    )
    await a2.session.send(retry)
    relayed = None
    while relayed is None:
        receipt = await a1.session.receive_tag("receipt")
        if receipt.attr("type") == "retry":
            relayed = receipt
    assert relayed.attr("from") == a2_jid
    assert [c.tag for c in relayed.children] == ["retry", "registration"]
    assert relayed.require_child("retry").attr("count") == "1"

    await settle(a2.session)
    await a2.session.close()
    session, offline, queued = await connect(sandbox, a2.companion)
    # The peer message was acked and the copy settled by its receipt; what stays is Bob's
    # phone's delivery receipt, which went to all of Alice's devices and a2 never acked.
    assert [(n.tag, n.attr("from"), n.attr("id")) for n in queued] == [
        ("receipt", bob["jid"], "M1")
    ]
    assert offline == 1
    await session.close()
    await a1.session.close()
    assert alice["jid"] == f"{ALICE}@s.whatsapp.net"


async def test_phone_answers_a_retry_receipt_with_a_fresh_session(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {BOB: "Bob", ALICE: "Alice"})
    bob = people[BOB]
    status, sent = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "r"})
    assert status == 200
    first = await a1.session.receive_tag("message")
    assert first.attr("id") == sent["id"]
    # The companion lost its session (as after a failed decryption) and asks for a retry.
    assert a1.companion.store is not None
    a1.companion.store.delete_session(f"{BOB}.0")
    retry = Node(
        "receipt",
        {"to": bob["jid"], "id": sent["id"], "type": "retry"},
        [
            Node("retry", {"count": "1", "id": sent["id"], "t": first.require_attr("t"), "v": "1"}),
            Node("registration", {}, a1.companion.registration_id.to_bytes(4, "big")),
        ],
    )
    await a1.session.send(retry)
    again = await a1.session.receive_tag("message")
    assert again.attr("id") == sent["id"]
    assert again.require_child("enc").attr("type") == "pkmsg"
    assert again.require_child("enc").content_bytes() != first.require_child("enc").content_bytes()
    assert a1.companion.decrypt(again).conversation == "r"
    # Past the retry limit the phone gives up.
    retry.require_child("retry").attrs["count"] = "6"
    await a1.session.send(retry)
    await settle(a1.session)
    status, stats = await sandbox.admin("GET", "/stats")
    assert stats["phone_retries"] == 1
    await a1.session.close()


async def test_an_unlinked_device_loses_its_queue(sandbox: Running, tmp_path: Path) -> None:
    _, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    await a1.session.close()
    assert (await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "q"}))[
        0
    ] == 200
    assert (await sandbox.admin("GET", "/stats"))[1]["acks_pending"] == 1
    assert (await sandbox.admin("POST", "/faults", {"logout": ALICE}))[1] == {"removed": 1}
    assert (await sandbox.admin("GET", "/stats"))[1]["acks_pending"] == 0
