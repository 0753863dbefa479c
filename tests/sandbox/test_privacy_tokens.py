"""Privacy tokens (tctoken) as the 2026 server enforces them, and the A/B props that
steer them (wacli.sandbox.privacy): 463 without the recipient's token, the
privacy_token notifications that hand tokens out, the issuance IQ, 479 on a peer
message, the cstoken fallback and what history sync carries."""

from __future__ import annotations

import base64
import os
import time
from pathlib import Path

import pytest

from bench.companion import (
    Companion,
    Online,
    Session,
    account,
    ack,
    bundle_for,
    connect,
    fetch_bundle,
    iq,
    link,
    linked_companion,
    settle,
)
from bench.local_sandbox import Running, served
from tests.sandbox.support import inline, with_companion
from wacli.binary import Node
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2, newer_fields_pb2
from wacli.protocol import privacy_token as tc
from wacli.protocol import props as ab
from wacli.sandbox.process import SandboxProcess

pytestmark = pytest.mark.anyio

ALICE, BOB, CAROL = "15550001111", "15550002222", "15550003333"
WEEK = 7 * 24 * 3600


async def send_to_phone(
    online: Online, to: str, text: str, extra: list[Node] | None = None, **attrs: str
) -> tuple[str, Node]:
    """A 1:1 message from the companion to the phone of ``to``; (its id, the server's ack)."""
    user = parse_jid(to).user
    bundle = None
    if not online.companion.has_session(user):
        bundle = bundle_for(await fetch_bundle(online, to), 0)
    stanza_id = "3EB0" + os.urandom(8).hex().upper()
    data = e2e_pb2.Message(conversation=text).SerializeToString()
    node = online.companion.direct_message(to, stanza_id, bundle, data, extra, **attrs)
    await online.session.send(node)
    while True:
        answer = await online.session.receive_tag("ack")
        if answer.attr("id") == stanza_id:
            return stanza_id, answer


async def token_notification(session: Session) -> Node:
    """The next privacy_token notification (acked); other stanzas are skipped."""
    while True:
        node = await session.receive_tag("notification")
        if node.attr("type") == "privacy_token":
            await ack(session, node)
            return node


def tctoken(data: bytes) -> list[Node]:
    return [Node("tctoken", {}, data)]


async def inbox_texts(sandbox: Running, phone: str) -> list[str]:
    status, inbox = await sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200
    return [e["text"] for e in inbox]


def ab_props(hash_: str | None = None) -> Node:
    """The A/B props query (with the hash we hold, if any)."""
    return iq("abt", "get", ab.props_request(hash_))


def issue_tokens(jid: str, t: int) -> Node:
    """The privacy IQ giving our token to ``jid`` at ``t``."""
    return iq("privacy", "set", tc.issue_request([parse_jid(jid)], t))


async def tokens_of(sandbox: Running, phone: str) -> dict:
    status, body = await sandbox.admin("GET", f"/accounts/{phone}/privacy-tokens")
    assert status == 200, body
    return body


async def test_props_answer_and_hash(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    first = ab.parse_props(await a1.session.query(ab_props()))
    assert first.props == {10518: "1", 9666: "1", 14303: "1"}  # the bucket props: defaults
    assert first.hash and first.refresh and not first.delta
    # The same hash back: nothing changed, an empty answer.
    same = await a1.session.query(ab_props(first.hash))
    props = same.require_child("props")
    assert props.children == [] and props.attr("hash") == first.hash
    assert props.attr("protocol") == "1" and props.attr("refresh")

    status, body = await sandbox.admin("PUT", "/props", {"10518": "0", "865": "3600"})
    assert status == 200 and body["props"]["10518"] == "0" and body["hash"] != first.hash
    changed = ab.parse_props(await a1.session.query(ab_props(first.hash)))
    assert changed.hash == body["hash"] and changed.props[10518] == "0"
    assert changed.props[865] == "3600"
    status, body = await sandbox.admin("PUT", "/props", {"10518": "1", "865": None})
    assert status == 200 and body["hash"] == first.hash  # the same set, the same hash
    assert await sandbox.admin("GET", "/props") == (200, body)
    for bad in ({"x": "1"}, {"10518": [1]}, ["10518"]):
        assert (await sandbox.admin("PUT", "/props", bad))[0] == 400
    await a1.session.close()


async def test_token_notification_then_the_send_is_accepted(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    alice, bob = people[ALICE], people[BOB]

    # A cold phone: Bob never wrote to Alice, so she may not write to him.
    cold, nack = await send_to_phone(a1, bob["jid"], "hello?")
    assert nack.attr("class") == "message" and nack.attr("error") == "463"
    assert nack.attr("from") == bob["jid"]
    assert await inbox_texts(sandbox, BOB) == []

    # Bob's phone writes: it gives Alice its token first, then the message.
    before = int(time.time())
    status, _ = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "hi"})
    assert status == 200
    note = await token_notification(a1.session)
    assert note.attr("from") == bob["jid"] and note.attr("sender_lid") == bob["lid"]
    assert note.attr("id") and note.attr("t")
    [token] = tc.parse_tokens(note)
    assert token.jid is not None and str(token.jid) == f"{ALICE}:1@s.whatsapp.net"
    assert before <= token.timestamp <= int(time.time()) and len(token.data) == 32
    message = await a1.session.receive_tag("message")
    assert a1.companion.decrypt(message).conversation == "hi"
    await ack(a1.session, message)
    # Once per bucket: the next message brings no second token.
    status, _ = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "2"})
    again = await a1.session.receive_tag("message")
    await ack(a1.session, again)
    await settle(a1.session)
    assert not [n for n in a1.session.skipped if n.attr("type") == "privacy_token"]

    # With Bob's token (by phone number or by LID) the same send goes through.
    sent, accepted = await send_to_phone(a1, bob["jid"], "hello!", tctoken(token.data))
    assert "error" not in accepted.attrs
    assert await inbox_texts(sandbox, BOB) == ["hello!"]
    _, accepted = await send_to_phone(a1, bob["lid"], "by lid", tctoken(token.data))
    assert "error" not in accepted.attrs

    record = await tokens_of(sandbox, ALICE)
    assert record["held"] == [
        {
            "from": BOB,
            "t": token.timestamp,
            "token": base64.b64encode(token.data).decode(),
            "expired": False,
        }
    ]
    assert [(m["id"], m["to"], m["tctoken_check"], m["outcome"]) for m in record["messages"]] == [
        (cold, BOB, None, "463"),
        (sent, BOB, "valid", "delivered"),
        (record["messages"][2]["id"], BOB, "valid", "delivered"),
    ]
    assert (await tokens_of(sandbox, BOB))["issued"][0]["to"] == ALICE
    assert alice["jid"] != bob["jid"]
    await a1.session.close()


async def test_expired_and_wrong_issuer_tokens_are_refused(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(
        sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob", CAROL: "Carol"}
    )
    bob = people[BOB]

    old = int(time.time()) - 30 * 24 * 3600  # beyond the 4 weekly buckets
    status, given = await sandbox.admin(
        "POST", f"/accounts/{BOB}/privacy-token", {"to": ALICE, "t": old}
    )
    assert status == 200 and given["t"] == old and given["notified"] == 1
    [expired] = tc.parse_tokens(await token_notification(a1.session))
    assert expired.timestamp == old and base64.b64encode(expired.data).decode() == given["token"]
    _, nack = await send_to_phone(a1, bob["jid"], "stale", tctoken(expired.data))
    assert nack.attr("error") == "463"

    # Carol's token is no key to Bob's door.
    status, _ = await sandbox.admin("POST", f"/accounts/{CAROL}/privacy-token", {"to": ALICE})
    [carols] = tc.parse_tokens(await token_notification(a1.session))
    _, nack = await send_to_phone(a1, bob["jid"], "wrong", tctoken(carols.data))
    assert nack.attr("error") == "463"
    _, nack = await send_to_phone(a1, bob["jid"], "junk", tctoken(b"\x00" * 5))
    assert nack.attr("error") == "463"
    checks = [m["tctoken_check"] for m in (await tokens_of(sandbox, ALICE))["messages"]]
    assert checks == ["expired", "invalid", "invalid"]
    assert await inbox_texts(sandbox, BOB) == []

    # Longer buckets (the props) make the old token good again.
    await sandbox.admin("PUT", "/props", {"865": str(60 * 24 * 3600)})
    _, accepted = await send_to_phone(a1, bob["jid"], "long buckets", tctoken(expired.data))
    assert "error" not in accepted.attrs
    await sandbox.admin("PUT", "/props", {"865": None})

    # Bob stops requiring tokens: anyone may write.
    status, body = await sandbox.admin(
        "PATCH", f"/accounts/{BOB}/privacy", {"require_token": False}
    )
    assert status == 200 and body == {"require_token": False, "accept_cstoken": False}
    _, accepted = await send_to_phone(a1, bob["jid"], "open door")
    assert "error" not in accepted.attrs
    assert await inbox_texts(sandbox, BOB) == ["long buckets", "open door"]
    for bad in ({"require_token": "no"}, {"colour": True}):
        assert (await sandbox.admin("PATCH", f"/accounts/{BOB}/privacy", bad))[0] == 400
    assert (await sandbox.admin("POST", f"/accounts/{BOB}/privacy-token", {"to": BOB}))[0] == 400
    assert (await sandbox.admin("POST", f"/accounts/{BOB}/privacy-token", {"to": "15559999999"}))[
        0
    ] == 404
    await a1.session.close()


async def test_issuance_iq_notifies_the_contacts_companions(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    alice, bob = people[ALICE], people[BOB]
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")

    now = int(time.time())
    answer = await a1.session.query(issue_tokens(bob["lid"], now))
    assert answer.attr("type") == "result" and answer.children == []
    note = await token_notification(b1.session)
    assert note.attr("from") == alice["jid"] and note.attr("sender_lid") == alice["lid"]
    [token] = tc.parse_tokens(note)
    assert token.timestamp == now and str(token.jid) == f"{BOB}:1@s.whatsapp.net"
    record = await tokens_of(sandbox, BOB)
    assert [(h["from"], h["t"]) for h in record["held"]] == [(ALICE, now)]
    assert [(i["to"], i["t"]) for i in (await tokens_of(sandbox, ALICE))["issued"]] == [(BOB, now)]
    # Bob's companion may now write to Alice's phone with it.
    _, accepted = await send_to_phone(b1, alice["jid"], "thanks", tctoken(token.data))
    assert "error" not in accepted.attrs
    assert await inbox_texts(sandbox, ALICE) == ["thanks"]

    # The same by phone number; malformed issuances are refused.
    answer = await a1.session.query(issue_tokens(bob["jid"], now + 1))
    assert answer.attr("type") == "result"
    assert tc.parse_tokens(await token_notification(b1.session))[0].timestamp == now + 1
    bad = [
        issue_tokens(bob["jid"], 0),
        iq(
            "privacy",
            "set",
            Node(
                "tokens", {}, [Node("token", {"jid": bob["jid"], "t": str(now), "type": "other"})]
            ),
        ),
        issue_tokens("g@g.us", now),
        Node(
            "iq",
            {"id": "x1", "to": "s.whatsapp.net", "xmlns": "privacy", "type": "set"},
            [Node("tokens", {}, [Node("token", {"t": str(now), "type": "trusted_contact"})])],
        ),
    ]
    for refused in bad:
        answer = await a1.session.query(refused)
        assert answer.attr("type") == "error"
        assert answer.require_child("error").attr("code") == "400"
    for online in (a1, b1):
        await online.session.close()


async def test_a_peer_message_with_a_tctoken_is_refused_479(
    sandbox: Running, tmp_path: Path
) -> None:
    alice = await account(sandbox, ALICE, "Alice")
    a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    _, nack = await send_to_phone(a1, alice["jid"], "peer", tctoken(b"\x01" * 32), category="peer")
    assert nack.attr("error") == "479"
    _, accepted = await send_to_phone(a1, alice["jid"], "peer", category="peer")
    assert "error" not in accepted.attrs
    await a1.session.close()


async def test_cstoken_is_accepted_only_when_the_recipient_allows_it(
    sandbox: Running, tmp_path: Path
) -> None:
    people, a1 = await with_companion(sandbox, tmp_path / "a1", ALICE, {ALICE: "Alice", BOB: "Bob"})
    bob = people[BOB]
    salt = base64.b64decode((await tokens_of(sandbox, ALICE))["nct_salt"])
    assert len(salt) == 32
    good = [Node("cstoken", {}, tc.cstoken(salt, parse_jid(bob["lid"])))]
    _, nack = await send_to_phone(a1, bob["jid"], "cs", good)
    assert nack.attr("error") == "463"
    status, body = await sandbox.admin(
        "PATCH", f"/accounts/{BOB}/privacy", {"accept_cstoken": True}
    )
    assert status == 200 and body == {"require_token": True, "accept_cstoken": True}
    wrong = [Node("cstoken", {}, tc.cstoken(os.urandom(32), parse_jid(bob["lid"])))]
    _, nack = await send_to_phone(a1, bob["jid"], "cs", wrong)
    assert nack.attr("error") == "463"
    _, accepted = await send_to_phone(a1, bob["jid"], "cs ok", good)
    assert "error" not in accepted.attrs
    assert await inbox_texts(sandbox, BOB) == ["cs ok"]
    checks = [
        (m["cstoken_check"], m["outcome"]) for m in (await tokens_of(sandbox, ALICE))["messages"]
    ]
    assert checks == [("not_accepted", "463"), ("invalid", "463"), ("valid", "delivered")]
    await a1.session.close()


async def test_history_sync_carries_the_tokens_and_the_salt(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    bob = await account(sandbox, BOB, "Bob")
    status, _ = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "yo"})
    assert status == 200  # Bob's phone gives Alice's its token
    issued = int(time.time()) - 3600
    status, _ = await sandbox.admin(
        "POST", f"/accounts/{ALICE}/privacy-token", {"to": BOB, "t": issued}
    )
    assert status == 200
    record = await tokens_of(sandbox, ALICE)
    [held] = record["held"]

    companion = Companion(tmp_path / "c", inline_history=True)
    await link(sandbox, companion, ALICE)
    session, _, _ = await connect(sandbox, companion)
    node = await session.receive_tag("message")
    assert node.attr("category") == "peer" and node.attr("from") == f"{ALICE}@s.whatsapp.net"
    boot = inline(companion.decrypt(node))
    salt = newer_fields_pb2.HistorySyncNewer.FromString(boot.SerializeToString()).nct_salt
    assert base64.b64encode(salt).decode() == record["nct_salt"]
    [chat] = [c for c in boot.conversations if c.id == bob["jid"]]
    assert base64.b64encode(chat.tc_token).decode() == held["token"]
    assert chat.tc_token_timestamp == held["t"]
    assert chat.tc_token_sender_timestamp == issued
    await session.close()


async def test_privacy_tokens_off(tmp_path: Path) -> None:
    """``--privacy-tokens off``: no 463, no notifications; an account may still opt in."""
    async with served(tmp_path / "state", privacy_tokens="off") as sandbox:
        await account(sandbox, ALICE, "Alice")
        bob = await account(sandbox, BOB, "Bob")
        a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
        _, accepted = await send_to_phone(a1, bob["jid"], "free")
        assert "error" not in accepted.attrs
        await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "hi"})
        await ack(a1.session, await a1.session.receive_tag("message"))
        await settle(a1.session)
        assert not [n for n in a1.session.skipped if n.tag == "notification"]
        assert (await tokens_of(sandbox, BOB))["require_token"] is False
        status, _ = await sandbox.admin(
            "POST", "/accounts", {"phone": CAROL, "push_name": "C", "require_token": True}
        )
        assert status == 201 and (await tokens_of(sandbox, CAROL))["require_token"] is True
        await a1.session.close()


def test_serve_flag_sets_the_default(tmp_path: Path) -> None:
    with SandboxProcess(None, "--privacy-tokens", "off") as served:
        assert served.admin("POST", "/accounts", {"phone": ALICE})[0] == 201
        assert served.admin("GET", f"/accounts/{ALICE}/privacy-tokens")[1]["require_token"] is False
        status, _ = served.admin("POST", "/accounts", {"phone": BOB, "require_token": "x"})
        assert status == 400
    with SandboxProcess() as served:
        assert served.admin("POST", "/accounts", {"phone": ALICE})[0] == 201
        assert served.admin("GET", f"/accounts/{ALICE}/privacy-tokens")[1]["require_token"] is True
