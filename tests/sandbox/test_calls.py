"""Call signalling in the in-process sandbox over real sockets: a phone rings every
companion of the callee (queued until acked, like messages), hangs up with a terminate,
and a companion's reject reaches the caller and stops the ringing elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.companion import Online, account, connect, linked_companion, settle
from bench.local_sandbox import Running
from wacli.binary import Node

pytestmark = pytest.mark.anyio

ALICE, BOB = "15550009101", "15550009102"
ALICE_JID = f"{ALICE}@s.whatsapp.net"


async def next_call(online: Online) -> Node:
    return await online.session.receive_tag("call")


async def ack_call(online: Online, node: Node) -> None:
    """The ack official clients send: the call's signalling child names its type."""
    attrs = {"class": "call", "id": node.require_attr("id"), "to": node.require_attr("from")}
    await online.session.send(Node("ack", {**attrs, "type": node.children[0].tag}))


async def call(sandbox: Running, video: bool = False, to: str = BOB) -> str:
    status, body = await sandbox.admin(
        "POST", f"/accounts/{ALICE}/call", {"to": to, "video": video}
    )
    assert status == 200, body
    return body["call_id"]


async def calls_of(sandbox: Running, phone: str) -> list[dict]:
    status, body = await sandbox.admin("GET", f"/accounts/{phone}/calls")
    assert status == 200, body
    return body


async def test_offer_rings_every_companion_and_stays_queued_until_acked(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")
    b2 = await linked_companion(sandbox, BOB, tmp_path / "b2")
    call_id = await call(sandbox, video=True, to=f"{BOB}@s.whatsapp.net")
    assert len(call_id) == 32
    offers = [await next_call(b1), await next_call(b2)]
    for node in offers:
        assert node.attr("from") == ALICE_JID and node.attr("notify") == "Alice"
        assert node.attr("t", "").isdigit() and node.attr("platform") and node.attr("version")
        offer = node.require_child("offer")
        assert offer.attr("call-id") == call_id and offer.attr("call-creator") == ALICE_JID
        assert [a.attr("rate") for a in offer.children_named("audio")] == ["16000", "8000"]
        assert offer.require_child("video").attr("enc") == "vp8"
        assert offer.require_child("net").attr("medium") == "3"
    assert offers[0].attr("id") != offers[1].attr("id")  # one stanza per device

    await ack_call(b1, offers[0])
    await settle(b1.session)
    for online in (b1, b2):
        await online.session.close()
    _, _, queued = await connect(sandbox, b1.companion)
    assert [n for n in queued if n.tag == "call"] == []
    session, _, queued = await connect(sandbox, b2.companion)
    again = [n for n in queued if n.tag == "call"]
    assert [n.attr("id") for n in again] == [offers[1].attr("id")]
    assert again[0].attr("offline") == "0"
    assert again[0].require_child("offer").attr("call-id") == call_id
    b2 = Online(b2.companion, session, 0)
    await ack_call(b2, again[0])
    await settle(b2.session)
    await session.close()
    _, _, queued = await connect(sandbox, b2.companion)
    assert [n for n in queued if n.tag == "call"] == []


async def test_hanging_up_sends_a_terminate(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")
    call_id = await call(sandbox)
    offer = await next_call(b1)
    assert offer.require_child("offer").child("video") is None
    await ack_call(b1, offer)
    status, body = await sandbox.admin("POST", f"/accounts/{ALICE}/call/{call_id}/end")
    assert status == 200 and body["state"] == "ended" and body["reason"] == "timeout"
    node = await next_call(b1)
    terminate = node.require_child("terminate")
    assert node.attr("from") == ALICE_JID
    attrs = (terminate.attr("call-id"), terminate.attr("call-creator"), terminate.attr("reason"))
    assert attrs == (call_id, ALICE_JID, "timeout")
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/call/{call_id}/end")
    assert status == 409
    status, _ = await sandbox.admin("POST", f"/accounts/{BOB}/call/{call_id}/end")
    assert status == 404  # only the caller hangs up
    assert [(c["call_id"], c["state"]) for c in await calls_of(sandbox, BOB)] == [
        (call_id, "ended")
    ]


async def test_reject_reaches_the_caller_and_ends_the_ringing_elsewhere(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")
    b2 = await linked_companion(sandbox, BOB, tmp_path / "b2")
    call_id = await call(sandbox)
    await ack_call(b1, await next_call(b1))
    await ack_call(b2, await next_call(b2))
    reject = Node(
        "call",
        {"id": "3EB0CA11", "from": f"{BOB}@s.whatsapp.net", "to": ALICE_JID},
        [Node("reject", {"call-id": call_id, "call-creator": ALICE_JID, "count": "0"})],
    )
    await b1.session.send(reject)
    ack = await b1.session.receive_tag("ack")
    assert (ack.attr("class"), ack.attr("id"), ack.attr("type")) == ("call", "3EB0CA11", "reject")
    assert ack.attr("from") == ALICE_JID and ack.attr("error") is None

    elsewhere = await next_call(b2)
    assert elsewhere.require_child("terminate").attr("reason") == "rejected_elsewhere"
    assert elsewhere.require_child("terminate").attr("call-id") == call_id
    seen = await next_call(a1)  # the caller's own companion learns of the reject
    assert seen.attr("from") == f"{BOB}:1@s.whatsapp.net"
    assert seen.require_child("reject").attr("call-id") == call_id
    (record,) = await calls_of(sandbox, ALICE)
    assert record["state"] == "rejected" and record["rejected_by"] == f"{BOB}:1@s.whatsapp.net"

    await b1.session.send(reject)  # no longer ringing: refused
    assert (await b1.session.receive_tag("ack")).attr("error") == "404"
    # Nothing went to the rejecting device besides the acks.
    await settle(b1.session)
    assert [n for n in b1.session.skipped if n.tag == "call"] == []


async def test_odd_call_stanzas_from_a_companion(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")
    await b1.session.send(Node("call", {"id": "X1", "to": ALICE_JID}))
    assert (await b1.session.receive_tag("ack")).attr("error") == "400"
    await b1.session.send(Node("call", {"id": "X2"}, [Node("reject")]))  # no addressee
    await b1.session.send(
        Node("call", {"id": "X3", "to": ALICE_JID}, [Node("reject", {"call-id": "nope"})])
    )
    assert (await b1.session.receive_tag("ack")).attr("id") == "X3"
    await settle(b1.session)  # still served
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/call", {"to": ALICE})
    assert status == 400
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/call", {"to": "15550009999"})
    assert status == 404
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/call", {"to": BOB, "video": 1})
    assert status == 400


async def test_the_callee_phone_answers(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")
    call_id = await call(sandbox)
    await ack_call(b1, await next_call(b1))
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/call/{call_id}/accept")
    assert status == 404  # only the callee answers
    status, body = await sandbox.admin("POST", f"/accounts/{BOB}/call/{call_id}/accept")
    assert status == 200 and body["state"] == "accepted", body

    seen = await next_call(a1)  # the caller's companion: answered, by the phone
    assert seen.attr("from") == f"{BOB}@s.whatsapp.net"
    accepted = seen.require_child("accept")
    assert (accepted.attr("call-id"), accepted.attr("call-creator")) == (call_id, ALICE_JID)
    elsewhere = await next_call(b1)
    assert elsewhere.require_child("terminate").attr("reason") == "accepted_elsewhere"

    status, _ = await sandbox.admin("POST", f"/accounts/{BOB}/call/{call_id}/accept")
    assert status == 409
    status, body = await sandbox.admin(
        "POST", f"/accounts/{ALICE}/call/{call_id}/end", {"reason": "hangup"}
    )
    assert status == 200 and (body["state"], body["reason"]) == ("ended", "hangup")
