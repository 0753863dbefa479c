"""Groups over real sockets: w:g2 IQs and w:gp2 notifications, skmsg fan-out between a
companion and simulated phones, sender keys distributed pairwise and read with
wacli.signal.group."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from bench.companion import account, ack, bundle_for, fetch_bundle
from bench.local_sandbox import Running, served
from tests.sandbox.support import g2, group_notification, with_companion
from wacli.binary import Node
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2

pytestmark = pytest.mark.anyio

ALICE, BOB, CAROL, DAVE = "15550001111", "15550002222", "15550003333", "15550004444"


def participants(*jids: str) -> list[Node]:
    return [Node("participant", {"jid": jid}) for jid in jids]


async def test_group_iqs_and_notifications(sandbox: Running, tmp_path: Path) -> None:
    people, a1 = await with_companion(
        sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob", CAROL: "Carol", DAVE: "Dave"}
    )
    alice, bob, carol, dave = people[ALICE], people[BOB], people[CAROL], people[DAVE]

    create = Node(
        "create", {"subject": "Lunch", "key": "K1"}, participants(bob["jid"], carol["lid"])
    )
    reply = await a1.session.query(g2("set", "@g.us", create))
    assert reply.attr("type") == "result", reply
    group = reply.require_child("group")
    jid = group.require_attr("id") + "@g.us"
    assert group.require_attr("id").startswith("120363") and len(group.attr("id") or "") == 18
    assert group.attr("subject") == "Lunch" and group.attr("addressing_mode") == "lid"
    assert group.attr("creator") == alice["lid"] and group.attr("creator_pn") == alice["jid"]
    assert group.attr("size") == "3" and group.attr("creation") == group.attr("s_t")
    members = [(p.attr("jid"), p.attr("phone_number"), p.attr("type")) for p in group.children]
    assert members == [
        (alice["lid"], alice["jid"], "superadmin"),
        (bob["lid"], bob["jid"], None),
        (carol["lid"], carol["jid"], None),
    ]
    created = await group_notification(a1, "create")
    assert created.attr("from") == jid and created.attr("participant") == alice["lid"]
    assert created.attr("participant_pn") == alice["jid"]
    assert created.children[0].require_child("group").attr("subject") == "Lunch"
    assert created.children[0].attr("key") == "K1"  # the creator's request key, echoed

    query = await a1.session.query(g2("get", jid, Node("query", {"request": "interactive"})))
    assert query.require_child("group").attrs == group.attrs
    listing = Node("participating", {}, [Node("participants"), Node("description")])
    groups = (await a1.session.query(g2("get", "@g.us", listing))).require_child("groups")
    assert [g.attr("id") for g in groups.children] == [group.attr("id")]

    # add: the new one joins, an existing member and an unknown number get their errors.
    add = Node("add", {}, participants(dave["jid"], bob["jid"], "19990000000@s.whatsapp.net"))
    reply = await a1.session.query(g2("set", jid, add))
    got = [(p.attr("jid"), p.attr("error")) for p in reply.require_child("add").children]
    assert got == [(dave["jid"], None), (bob["jid"], "409"), ("19990000000@s.whatsapp.net", "404")]
    added = await group_notification(a1, "add")
    assert [p.attr("jid") for p in added.children[0].children] == [dave["lid"]]

    reply = await a1.session.query(g2("set", jid, Node("promote", {}, participants(bob["lid"]))))
    assert reply.attr("type") == "result"
    await group_notification(a1, "promote")
    reply = await a1.session.query(g2("set", jid, Node("remove", {}, participants(dave["jid"]))))
    assert reply.require_child("remove").children[0].attr("error") is None
    removed = await group_notification(a1, "remove")
    assert removed.children[0].children[0].attr("phone_number") == dave["jid"]

    reply = await a1.session.query(g2("set", jid, Node("subject", {}, b"Dinner")))
    assert reply.attr("type") == "result"
    subject = (await group_notification(a1, "subject")).children[0]
    assert subject.attr("subject") == "Dinner" and subject.attr("s_o") == alice["lid"]

    status, info = await sandbox.admin("GET", f"/groups/{jid}")
    assert status == 200 and info["subject"] == "Dinner"
    assert info["participants"] == [
        {"phone": ALICE, "admin": "superadmin"},
        {"phone": BOB, "admin": "admin"},
        {"phone": CAROL, "admin": None},
    ]
    missing = await a1.session.query(g2("get", "120363000000000000@g.us", Node("query")))
    assert missing.attr("type") == "error"
    assert missing.require_child("error").attr("code") == "404"
    # A non-admin may not change participants (Carol is a plain member, from the admin API).
    status, _ = await sandbox.admin(
        "POST", "/groups", {"subject": "x", "creator": CAROL, "participants": [ALICE]}
    )
    assert status == 201
    status, other = await sandbox.admin(
        "POST", "/groups", {"subject": "Theirs", "creator": BOB, "participants": [ALICE]}
    )
    await group_notification(a1, "create")
    await group_notification(a1, "create")
    reply = await a1.session.query(
        g2("set", other["jid"], Node("add", {}, participants(carol["jid"])))
    )
    assert reply.require_child("error").attr("code") == "403"
    await a1.session.close()


async def test_phone_group_message_reaches_companion_and_other_phone(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(
        sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob", CAROL: "Carol"}
    )
    bob = people[BOB]
    body = {"subject": "Team", "creator": BOB, "participants": [ALICE, CAROL]}
    status, created = await sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    jid = created["jid"]
    await group_notification(a1, "create")

    status, sent = await sandbox.admin("POST", f"/groups/{jid}/send", {"from": BOB, "text": "hi"})
    assert status == 200, sent
    message = await a1.session.receive_tag("message")
    assert message.attr("from") == jid and message.attr("id") == sent["id"]
    assert (
        message.attr("participant") == bob["lid"] and message.attr("participant_pn") == bob["jid"]
    )
    assert message.attr("addressing_mode") == "lid" and message.attr("notify") == "Bob"
    assert [e.attr("type") for e in message.children_named("enc")] == ["pkmsg", "skmsg"]
    decrypted = a1.companion.decrypt_group(message)
    assert decrypted is not None and decrypted.conversation == "hi"
    await ack(a1.session, message)

    # The second one is skmsg alone: the companion holds Bob's sender key now.
    status, second = await sandbox.admin(
        "POST", f"/groups/{jid}/send", {"from": BOB, "text": "again"}
    )
    message = await a1.session.receive_tag("message")
    assert [e.attr("type") for e in message.children_named("enc")] == ["skmsg"]
    decrypted = a1.companion.decrypt_group(message)
    assert decrypted is not None and decrypted.conversation == "again"
    await ack(a1.session, message)

    for phone in (CAROL, ALICE):
        status, inbox = await sandbox.admin("GET", f"/accounts/{phone}/inbox")
        assert [(e["id"], e["from"], e["chat"], e["text"]) for e in inbox] == [
            (sent["id"], bob["lid"], jid, "hi"),
            (second["id"], bob["lid"], jid, "again"),
        ]
    # Someone outside the group cannot send to it.
    await account(sandbox, DAVE, "Dave")
    status, _ = await sandbox.admin("POST", f"/groups/{jid}/send", {"from": DAVE, "text": "x"})
    assert status == 403
    await a1.session.close()


async def test_companion_group_message_reaches_both_phones(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(
        sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob", CAROL: "Carol"}
    )
    alice, bob, carol = people[ALICE], people[BOB], people[CAROL]
    body = {"subject": "Trip", "creator": ALICE, "participants": [bob["lid"], carol["jid"]]}
    status, created = await sandbox.admin("POST", "/groups", body)
    assert status == 201
    jid = created["jid"]
    await group_notification(a1, "create")
    own_lid = parse_jid(alice["lid"]).user

    # The sender key goes pairwise to each other member device (all phones here).
    skdm = a1.companion.sender_key(jid, own_lid, 1)
    tos = []
    for member in (bob["lid"], carol["lid"], alice["lid"]):
        user = parse_jid(member).user
        bundle = bundle_for(await fetch_bundle(a1, member), 0)
        tos.append(Node("to", {"jid": member}, [a1.companion.encrypt(user, 0, bundle, skdm)]))
    text = e2e_pb2.Message(conversation="to the group").SerializeToString()
    stanza_id = "3EB0" + os.urandom(8).hex().upper()
    stanza = Node(
        "message",
        {"to": jid, "id": stanza_id, "type": "text", "addressing_mode": "lid"},
        [
            a1.companion.encrypt_group(jid, own_lid, 1, text),
            Node("participants", {}, tos),
            Node("device-identity", {}, b"\x01"),
        ],
    )
    await a1.session.send(stanza)
    server_ack = await a1.session.receive_tag("ack")
    assert server_ack.attr("id") == stanza_id and server_ack.attr("from") == jid
    assert server_ack.attr("error") is None

    sender = alice["lid"].replace("@", ":1@")
    for phone in (BOB, CAROL, ALICE):
        status, inbox = await sandbox.admin("GET", f"/accounts/{phone}/inbox")
        assert [(e["id"], e["from"], e["chat"], e["text"], e["from_me"]) for e in inbox] == [
            (stanza_id, sender, jid, "to the group", phone == ALICE)
        ]
    # Both other phones answer with a delivery receipt naming the group.
    receipts = [await a1.session.receive_tag("receipt") for _ in range(2)]
    assert {(r.attr("from"), r.attr("participant"), r.attr("id")) for r in receipts} == {
        (jid, bob["lid"], stanza_id),
        (jid, carol["lid"], stanza_id),
    }
    for receipt in receipts:
        await ack(a1.session, receipt)

    # A later one rides the sender key the phones keep: skmsg only.
    later = e2e_pb2.Message(conversation="later").SerializeToString()
    await a1.session.send(
        Node(
            "message",
            {"to": jid, "id": "3EB0LATER", "type": "text"},
            [a1.companion.encrypt_group(jid, own_lid, 1, later)],
        )
    )
    assert (await a1.session.receive_tag("ack")).attr("id") == "3EB0LATER"
    status, inbox = await sandbox.admin("GET", f"/accounts/{BOB}/inbox")
    assert [e["text"] for e in inbox] == ["to the group", "later"]

    # Not a member: the server refuses to route.
    status, outside = await sandbox.admin(
        "POST", "/groups", {"subject": "Other", "creator": BOB, "participants": [CAROL]}
    )
    a1.companion.sender_key(outside["jid"], own_lid, 1)
    enc = a1.companion.encrypt_group(outside["jid"], own_lid, 1, later)
    await a1.session.send(
        Node("message", {"to": outside["jid"], "id": "X2", "type": "text"}, [enc])
    )
    nack = await a1.session.receive_tag("ack")
    assert nack.attr("id") == "X2" and nack.attr("error") == "403"
    await a1.session.close()


async def test_a_retry_receipt_gets_the_group_message_again_pairwise(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    bob = people[BOB]
    body = {"subject": "Retry", "creator": BOB, "participants": [ALICE]}
    jid = (await sandbox.admin("POST", "/groups", body))[1]["jid"]
    await group_notification(a1, "create")
    status, sent = await sandbox.admin("POST", f"/groups/{jid}/send", {"from": BOB, "text": "x"})
    assert status == 200
    first = await a1.session.receive_tag("message")
    await ack(a1.session, first)
    # The companion lost its session (it never decrypted): it asks for the message again.
    retry = Node(
        "receipt",
        {"to": jid, "participant": bob["lid"], "id": sent["id"], "type": "retry"},
        [Node("retry", {"count": "1", "id": sent["id"], "t": "1", "v": "1"})],
    )
    await a1.session.send(retry)
    server_ack = await a1.session.receive_tag("ack")
    assert server_ack.attr("class") == "receipt" and server_ack.attr("type") == "retry"
    again = await a1.session.receive_tag("message")
    assert again.attr("id") == sent["id"] and again.attr("participant") == bob["lid"]
    assert [e.attr("type") for e in again.children_named("enc")] == ["pkmsg"]
    decrypted = a1.companion.decrypt_group(again)
    assert decrypted is not None and decrypted.conversation == "x"
    await ack(a1.session, again)
    status, stats = await sandbox.admin("GET", "/stats")
    assert stats["phone_retries"] == 1
    await a1.session.close()


async def test_admin_changes_leave_and_a_new_sender_key_after_removal(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(
        sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob", CAROL: "Carol"}
    )
    alice, bob = people[ALICE], people[BOB]
    body = {"subject": "Club", "creator": BOB, "participants": [ALICE], "addressing_mode": "pn"}
    status, created = await sandbox.admin("POST", "/groups", body)
    assert status == 201
    jid = created["jid"]
    create = await group_notification(a1, "create")
    assert create.attr("participant") == bob["jid"] and create.attr("participant_lid") == bob["lid"]
    group = create.children[0].require_child("group")
    assert group.attr("addressing_mode") == "pn" and group.attr("creator") == bob["jid"]
    assert [p.attr("lid") for p in group.children] == [bob["lid"], alice["lid"]]

    # A pn group names senders by phone number, with participant_lid.
    await sandbox.admin("POST", f"/groups/{jid}/send", {"from": BOB, "text": "one"})
    message = await a1.session.receive_tag("message")
    assert message.attr("participant") == bob["jid"]
    assert message.attr("participant_lid") == bob["lid"] and message.attr("addressing_mode") is None
    assert a1.companion.decrypt_group(message).conversation == "one"  # type: ignore[union-attr]
    await ack(a1.session, message)

    change = {"by": BOB, "action": "add", "participants": [CAROL, "19990000000"]}
    status, result = await sandbox.admin("POST", f"/groups/{jid}/participants", change)
    assert status == 200 and [r["error"] for r in result["results"]] == [None, 404]
    assert [p.attr("jid") for p in (await group_notification(a1, "add")).children[0].children] == [
        f"{CAROL}@s.whatsapp.net"
    ]
    status, _ = await sandbox.admin("POST", f"/groups/{jid}/subject", {"by": CAROL, "subject": ""})
    assert status == 400
    not_admin = {"by": CAROL, "action": "remove", "participants": [BOB]}
    assert (await sandbox.admin("POST", f"/groups/{jid}/participants", not_admin))[0] == 403

    # Carol is removed: Bob's next message comes under a new sender key, so pairwise again.
    change = {"by": BOB, "action": "remove", "participants": [f"{CAROL}@s.whatsapp.net"]}
    assert (await sandbox.admin("POST", f"/groups/{jid}/participants", change))[0] == 200
    await group_notification(a1, "remove")
    await sandbox.admin("POST", f"/groups/{jid}/send", {"from": BOB, "text": "two"})
    message = await a1.session.receive_tag("message")
    # (still pkmsg: the companion never answered the phone, so the session is unconfirmed)
    assert [e.attr("type") for e in message.children_named("enc")] == ["pkmsg", "skmsg"]
    assert a1.companion.decrypt_group(message).conversation == "two"  # type: ignore[union-attr]
    await ack(a1.session, message)
    status, inbox = await sandbox.admin("GET", f"/accounts/{CAROL}/inbox")
    assert [e["text"] for e in inbox] == []  # added after "one", removed before "two"

    # Alice leaves through her companion: the removal reaches her too, and the group
    # is gone from her list.
    leave = Node("leave", {}, [Node("group", {"id": jid})])
    reply = await a1.session.query(g2("set", "@g.us", leave))
    assert reply.require_child("leave").require_child("group").attr("id") == jid
    left = await group_notification(a1, "remove")
    assert left.children[0].children[0].attr("jid") == alice["jid"]
    listing = Node("participating", {}, [Node("participants")])
    groups = (await a1.session.query(g2("get", "@g.us", listing))).require_child("groups")
    assert groups.children == []
    query = await a1.session.query(g2("get", jid, Node("query", {"request": "interactive"})))
    assert query.require_child("error").attr("code") == "403"
    await a1.session.close()


async def test_groups_and_sender_key_memory_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state"
    async with served(state, privacy_tokens="off") as sandbox:
        await account(sandbox, ALICE, "Alice")
        await account(sandbox, BOB, "Bob")
        body = {"subject": "Kept", "creator": ALICE, "participants": [BOB]}
        status, created = await sandbox.admin("POST", "/groups", body)
        assert status == 201
        jid = created["jid"]
        await sandbox.admin("POST", f"/groups/{jid}/send", {"from": ALICE, "text": "before"})
    async with served(state, privacy_tokens="off") as sandbox:
        status, info = await sandbox.admin("GET", f"/groups/{jid}")
        assert status == 200 and info["subject"] == "Kept"
        assert [p["phone"] for p in info["participants"]] == [ALICE, BOB]
        status, _ = await sandbox.admin(
            "POST", f"/groups/{jid}/send", {"from": ALICE, "text": "after"}
        )
        assert status == 200
        # Both phones' group state was kept (sender keys, who holds them): it reads too.
        status, inbox = await sandbox.admin("GET", f"/accounts/{BOB}/inbox")
        assert [(e["chat"], e["text"]) for e in inbox] == [(jid, "before"), (jid, "after")]
        status, stats = await sandbox.admin("GET", "/stats")
        assert "phone_decrypt_failures" not in stats


G2_ROUTES = [
    ("set", "create"), ("get", "query"), ("get", "participating"), ("set", "add"),
    ("set", "remove"), ("set", "promote"), ("set", "demote"), ("set", "subject"),
    ("set", "leave"),
]  # fmt: skip
G2_TAGS = ["participant", "group", "participants", "description", "body", "x"]


def _random_g2(rng: random.Random, tag: str, depth: int, jids: list[str]) -> Node:
    attrs = {
        name: rng.choice([*jids, "", "x", "1", "a:b@c", "9" * 25])
        for name in rng.sample(["jid", "subject", "id", "key", "request"], rng.randint(0, 3))
    }
    roll = rng.random()
    if depth == 0 or roll < 0.3:
        content: list[Node] | bytes | None = os.urandom(rng.choice([0, 1, 8, 120]))
    elif roll < 0.4:
        content = None
    else:
        content = [
            _random_g2(rng, rng.choice(G2_TAGS), depth - 1, jids) for _ in range(rng.randint(0, 4))
        ]
    return Node(tag, attrs, content)


async def test_random_w_g2_requests_always_get_an_answer(sandbox: Running, tmp_path: Path) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    alice, bob = people[ALICE], people[BOB]
    body = {"subject": "Fuzz", "creator": ALICE, "participants": [BOB]}
    jid = (await sandbox.admin("POST", "/groups", body))[1]["jid"]
    jids = [jid, alice["jid"], bob["lid"], "120363000000000001@g.us"]
    rng = random.Random(4321)
    answers = {"result": 0, "error": 0}
    for _ in range(250):
        kind, first = rng.choice(G2_ROUTES)
        to = rng.choice([jid, "@g.us", "g.us", bob["jid"], "120363000000000001@g.us"])
        reply = await a1.session.query(g2(kind, to, _random_g2(rng, first, 3, jids)))
        assert reply.attr("type") in answers
        if reply.attr("type") == "error":  # a 500 would be a handler's bug, not the input's
            assert reply.require_child("error").attr("code") != "500", reply
        answers[reply.attr("type") or ""] += 1
    assert answers["error"] > 0 and answers["result"] > 0
    assert (await a1.session.query(g2("get", "@g.us", Node("participating")))).attr("type") == (
        "result"
    )
    await a1.session.close()
