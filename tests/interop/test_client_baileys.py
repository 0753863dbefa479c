"""wacli and an unmodified Baileys 7, each linked to its own simulated account in one
sandbox, talk to each other: the peer is a companion device, not a simulated phone.

`wacli send` (the real CLI) encrypts for Baileys' device and its phone; Baileys' own
messages.upsert shows the text decrypted. Baileys sends to the wacli account, by phone
number JID and by LID, and `wacli listen` prints each as a `message` line (checked
against docs/events.schema.json). A `--reply-to` reply reaches Baileys with its quote.
The sandbox enforces the privacy-token rule: the two pass each other their tokens first.
"""

# ruff: noqa: F811 (the tests take the fixtures imported from client_baileys_support)
from __future__ import annotations

import signal
from pathlib import Path

import orjson

from tests.client.support import Wacli, queued_message_ids, run, wait_until
from tests.interop.baileys import Baileys, nothing_pending
from tests.interop.client_baileys_support import (  # noqa: F401 (fixtures)
    BAILEYS_PHONE,
    WACLI_PHONE,
    bare,
    peers,
    sandbox,
    wacli_send,
)
from wacli.sandbox.process import SandboxProcess


def stop(listen: Wacli) -> None:
    """SIGTERM ends a running `wacli listen` with exit 0."""
    if listen.proc.poll() is None:
        listen.proc.send_signal(signal.SIGTERM)
        listen.rest()
        assert listen.proc.returncode == 0


def privacy_record(sandbox: SandboxProcess, phone: str, message_id: str) -> dict | None:
    """What the sandbox saw of a 1:1 message's privacy token (None: not seen yet)."""
    status, body = sandbox.admin("GET", f"/accounts/{phone}/privacy-tokens")
    assert status == 200, body
    found = [m for m in body["messages"] if m["id"] == message_id]
    return found[-1] if found else None


def test_privacy_tokens_pass_between_wacli_and_baileys(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    """Neither account has written to the other, and the sandbox enforces the 2026 rule.
    wacli's first send is refused (463) and, as the official clients do, issues wacli's
    token to Baileys' account; the server hands it to Baileys, whose own token lifecycle
    (rc14) attaches it to its message to wacli and then issues Baileys' token back; with
    that token wacli's next send is accepted. Each side reads the other's stanzas."""
    baileys, _, store, _ = peers
    code, _, err = run(store, sandbox.url, sandbox.root_key, "send", BAILEYS_PHONE, "cold")
    assert code == 6 and "error 463" in err, err
    # Baileys acks the notification with wacli's token once it has taken it in.
    wait_until(lambda: nothing_pending(sandbox, BAILEYS_PHONE), "Baileys to take in the token")
    sent = baileys.call("send_text", to=f"{WACLI_PHONE}@s.whatsapp.net", text="hi wacli")
    wait_until(
        lambda: privacy_record(sandbox, BAILEYS_PHONE, sent["id"]) is not None,
        "the sandbox to see Baileys' message",
    )
    record = privacy_record(sandbox, BAILEYS_PHONE, sent["id"])
    assert record is not None and record["outcome"] == "delivered", record
    assert record["tctoken_check"] == "valid", record
    accepted = wacli_send(sandbox, store, BAILEYS_PHONE, "warm")
    got = privacy_record(sandbox, WACLI_PHONE, accepted)
    assert got is not None and got["tctoken_check"] == "valid", got
    message = baileys.call("wait_message", text="warm", timeout_ms=20000)["message"]
    assert message["key"]["id"] == accepted


def test_baileys_messages_sent_while_wacli_is_off_reach_the_next_listen(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    """Baileys writes to our number and to our LID while no `wacli listen` runs (the
    tokens were exchanged above: without ours Baileys' sends would be refused, 463). The
    sandbox queues both for our device and the next `listen` prints both. They come in
    the offline batch the server pushes right after login, so usually before the
    ``connected`` line, which `listen` writes once its own login steps are done: a
    reader that first skips to ``connected`` misses them, and they look lost."""
    baileys, _, store, wacli_account = peers
    texts = {}
    for kind in ("jid", "lid"):
        text = f"while wacli is off, to our {kind}"
        texts[baileys.call("send_text", to=wacli_account[kind], text=text)["id"]] = text
    wait_until(
        lambda: texts.keys() <= queued_message_ids(sandbox, WACLI_PHONE), "both queued for wacli"
    )
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    try:
        printed = {}
        while not texts.keys() <= printed.keys():
            line = listen.event()  # every line from the first one: none skipped
            if line["type"] == "message":
                printed[line["data"]["info"]["id"]] = line["data"]["text"]
        assert {key: printed[key] for key in texts} == texts
        wait_until(lambda: nothing_pending(sandbox, WACLI_PHONE), "wacli to ack them")
    finally:
        stop(listen)


def test_wacli_sends_to_baileys(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, account, store, wacli_account = peers
    sent = []
    for n in range(3):  # the first starts the sessions (pkmsg), the others use them (msg)
        text = f"from wacli {n}"
        sent.append(wacli_send(sandbox, store, BAILEYS_PHONE, text))
        got = baileys.call("wait_message", text=text, timeout_ms=20000)["message"]
        assert got["key"]["id"] == sent[-1] and not got["key"]["fromMe"]
        assert got["key"]["remoteJid"] == f"{WACLI_PHONE}@s.whatsapp.net"
        assert got["pushName"] == "Tester"
    # Addressed by LID, from our LID device: Baileys sees our LID as the chat.
    by_lid = wacli_send(sandbox, store, account["lid"], "by LID")
    got = baileys.call("wait_message", text="by LID", timeout_ms=20000)["message"]
    assert got["key"]["id"] == by_lid and not got["key"]["fromMe"]
    assert got["key"]["remoteJid"] == wacli_account["lid"]
    sent.append(by_lid)
    # The receipts of Baileys' device and of its phone were queued for wacli's device while
    # no wacli ran: `listen` gets them on login. Baileys, not marked online, says "inactive"
    # where an app in the foreground says "delivery" (its sendReceipt).
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "receipt")
    try:
        by_device: dict[str, set[str]] = {"inactive": set(), "delivery": set()}
        while not all(set(sent) <= ids for ids in by_device.values()):
            receipt = listen.event()["data"]
            lid = receipt["message_ids"] == [by_lid]  # answered in the addressing it came in
            assert receipt["source"]["chat"] == account["lid" if lid else "jid"]
            assert receipt["source"]["is_from_me"] is False
            device = receipt["source"]["sender"].split("@")[0].partition(":")[2]
            expected = "inactive" if device else "delivery"  # Baileys : its phone
            assert receipt["type"] == expected, receipt
            by_device[expected].update(receipt["message_ids"])
    finally:
        stop(listen)


def test_baileys_sends_to_wacli_by_pn_and_lid(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, baileys_account, store, wacli_account = peers
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    try:
        listen.event_of("connected")
        targets = [wacli_account["jid"], wacli_account["jid"], wacli_account["lid"]]
        for n, to in enumerate(targets):
            text = f"from Baileys {n}"
            sent = baileys.call("send_text", to=to, text=text)
            line = listen.event_of("message")
            info = line["data"]["info"]
            assert info["id"] == sent["id"]
            assert line["data"]["text"] == text
            assert info["is_from_me"] is False and info["is_group"] is False
            assert info["push_name"] == "Bailey"
            # From Baileys' device (not its phone), in the addressing Baileys chose: a
            # message to our LID comes from its LID; to our number, from either (Baileys
            # moves to LIDs once it knows ours).
            assert info["chat"] == bare(info["sender"]) and info["sender"] != info["chat"]
            expected = (
                [baileys_account["lid"]] if to.endswith("@lid") else list(baileys_account.values())
            )
            assert info["chat"] in expected
    finally:
        stop(listen)


def test_wacli_replies_to_a_baileys_message(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, baileys_account, store, wacli_account = peers
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    try:
        listen.event_of("connected")
        original = baileys.call("send_text", to=wacli_account["jid"], text="question?")
        assert listen.event_of("message")["data"]["info"]["id"] == original["id"]
    finally:
        stop(listen)
    reply = wacli_send(sandbox, store, BAILEYS_PHONE, "answer!", "--reply-to", original["id"])
    got = baileys.call("wait_message", text="answer!", timeout_ms=20000)["message"]
    assert got["key"]["id"] == reply
    assert got["contextInfo"]["stanzaId"] == original["id"]
    assert got["contextInfo"]["participant"] in (baileys_account["jid"], baileys_account["lid"])
    # The quote is Baileys' own message as wacli archived it (Baileys sends text as an
    # extendedTextMessage with a messageSecret).
    assert got["contextInfo"]["quotedMessage"]["extendedTextMessage"] == {"text": "question?"}


def test_baileys_edit_revoke_and_reaction_change_wacli_history(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    """Baileys edits one of its messages, deletes another for everyone and reacts to the
    first, as its own sendMessage builds them; `wacli listen` takes them in and
    `wacli history` then shows the chat as Baileys' user sees it."""
    baileys, baileys_account, store, wacli_account = peers
    to = wacli_account["jid"]
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "message")
    try:
        typo = baileys.call("send_text", to=to, text="lunch at noon")
        regret = baileys.call("send_text", to=to, text="a word to take back")
        changes = [
            {"text": "lunch at one", "edit": typo["key"]},
            {"delete": regret["key"]},
            {"react": {"text": "🍜", "key": typo["key"]}},
        ]
        sent = [typo, regret] + [
            baileys.call("send_content", to=to, content=content) for content in changes
        ]
        seen = [listen.event()["data"]["info"]["id"] for _ in sent]
        assert seen == [message["id"] for message in sent]
    finally:
        stop(listen)
    code, out, err = run(store, sandbox.url, sandbox.root_key, "history", "--json")
    assert code == 0, err
    rows = {row["id"]: row for row in map(orjson.loads, out.splitlines())}
    chat = rows[typo["id"]]["chat"]
    assert chat in (baileys_account["jid"], baileys_account["lid"])
    assert rows[typo["id"]]["text"] == "lunch at one" and rows[typo["id"]]["edited_at"]
    assert [r["emoji"] for r in rows[typo["id"]]["reactions"]] == ["🍜"]
    assert rows[regret["id"]]["revoked_at"] is not None and rows[regret["id"]]["text"] is None
    assert not {message["id"] for message in sent[2:]} & rows.keys()  # no rows of their own
    code, out, err = run(store, sandbox.url, sandbox.root_key, "history", chat)
    assert code == 0, err
    assert "lunch at one (edited)" in out.decode() and "[deleted]" in out.decode()
    assert "a word to take back" not in out.decode() and "noon" not in out.decode()
