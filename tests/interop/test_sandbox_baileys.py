"""An unmodified Baileys 7 client pairs with the sandbox and logs in.

Only Baileys' WebSocket URL and pinned Noise root key point at the sandbox; the
QR it shows is scanned by the sandbox's simulated phone through the admin API,
Baileys reconnects after stream error 515 and reaches ``connection: open``.
"""

from __future__ import annotations

import pytest

from tests.interop.baileys import Baileys, inbox_with_text, settled, stats_when
from wacli.sandbox.process import SandboxProcess

PHONE = "15550001111"


def test_baileys_links_by_qr_logs_in_and_stays(sandbox: SandboxProcess, baileys: Baileys) -> None:
    status, account = sandbox.admin("POST", "/accounts", {"phone": PHONE, "push_name": "Alice"})
    assert status == 201
    baileys.start(sandbox, keep_alive_ms=400)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]

    status, linked = sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr})
    assert status == 200, linked
    assert linked["jid"].startswith(f"{PHONE}:") and linked["jid"].endswith("@s.whatsapp.net")

    opened = baileys.call("wait_open", timeout_ms=30000)
    assert 515 in opened["closes"]  # it was told to restart after pairing, and did
    assert opened["me"]["id"] == linked["jid"]
    assert opened["me"]["lid"] == linked["lid"]
    assert linked["lid"].split(":")[0] == account["lid"].split("@")[0]

    # It stays connected, its keepalive pings answered.
    stats = stats_when(sandbox, lambda stats: stats.get("pings", 0) >= 2, "two keepalive pings")
    held = baileys.call("state")
    assert held["open"] and held["closes"] == opened["closes"]
    assert stats["pairings"] == 1 and stats["logins"] == 1 and stats["logged_in"] == 1
    assert stats["pings"] >= 2


def test_baileys_links_by_pairing_code(sandbox: SandboxProcess, baileys: Baileys) -> None:
    phone = "15550002222"
    assert sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": "Bob"})[0] == 201
    baileys.start(sandbox)
    baileys.call("wait_qr", timeout_ms=20000)  # registered and offered refs: ready to pair
    code = baileys.call("request_code", phone=phone)["code"]
    assert len(code) == 8

    status, linked = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": code})
    assert status == 200, linked
    opened = baileys.call("wait_open", timeout_ms=30000)
    assert opened["me"]["id"] == linked["jid"]
    assert linked["jid"].startswith(f"{phone}:")


def test_wrong_pairing_code_is_refused(sandbox: SandboxProcess, baileys: Baileys) -> None:
    phone = "15550003333"
    assert sandbox.admin("POST", "/accounts", {"phone": phone})[0] == 201
    baileys.start(sandbox)
    baileys.call("wait_qr", timeout_ms=20000)
    code = baileys.call("request_code", phone=phone)["code"]
    wrong = "".join("Z" if ch != "Z" else "Y" for ch in code)
    status, error = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": wrong})
    assert status == 400 and "code" in error["error"]
    status, _ = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": code})
    assert status == 200  # the right code still works, as on a phone


@pytest.mark.parametrize("by_lid", [False, True], ids=["pn", "lid"])
def test_baileys_exchanges_messages_with_a_simulated_phone(
    sandbox: SandboxProcess, baileys: Baileys, by_lid: bool
) -> None:
    """The headline of issue 4: a phone's message decrypted by Baileys, Baileys' reply
    decrypted by the phone, delivery receipts both ways, addressed by phone number or LID."""
    bob = "15550004444"
    status, alice = sandbox.admin("POST", "/accounts", {"phone": PHONE, "push_name": "Alice"})
    assert status == 201
    status, bob_account = sandbox.admin("POST", "/accounts", {"phone": bob, "push_name": "Bob"})
    assert status == 201
    baileys.start(sandbox)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    status, linked = sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr})
    assert status == 200, linked
    baileys.call("wait_open", timeout_ms=30000)

    # A simulated phone sends; Baileys decrypts it (messages.upsert shows the text).
    to_alice = alice["lid"] if by_lid else PHONE
    body = {"to": to_alice, "text": "hi Baileys"}
    status, sent = sandbox.admin("POST", f"/accounts/{bob}/send", body)
    assert status == 200, sent
    got = baileys.call("wait_message", text="hi Baileys", timeout_ms=20000)["message"]
    assert got["key"]["id"] == sent["id"] and not got["key"]["fromMe"]
    assert got["pushName"] == "Bob"
    assert got["key"]["remoteJid"] == (bob_account["lid"] if by_lid else bob_account["jid"])

    # Baileys sends to the phone; the phone's inbox shows it decrypted.
    to_bob = bob_account["lid"] if by_lid else bob_account["jid"]
    reply = baileys.call("send_text", to=to_bob, text="hello Bob")
    inbox = inbox_with_text(sandbox, bob, "hello Bob")
    entry = next(e for e in inbox if e["text"] == "hello Bob")
    assert entry["id"] == reply["id"] and not entry["from_me"]
    assert entry["from"] == (linked["lid"] if by_lid else linked["jid"])
    assert entry["chat"] == (alice["lid"] if by_lid else alice["jid"])
    # Baileys' copy for its own phone (a DeviceSentMessage) was decrypted there.
    status, own = sandbox.admin("GET", f"/accounts/{PHONE}/inbox")
    assert [(e["id"], e["text"], e["chat"]) for e in own if e["from_me"]] == [
        (reply["id"], "hello Bob", to_bob)
    ]
    # The phone's delivery receipt reaches Baileys as a status update.
    baileys.call("wait_status", id=reply["id"], status=3, timeout_ms=20000)
    # Baileys acked what it got: nothing stays queued for it.
    stats = settled(sandbox)
    assert stats["phone_messages_received"] >= 1 and "phone_decrypt_failures" not in stats


def test_baileys_sees_a_phones_presence_and_typing(
    sandbox: SandboxProcess, baileys: Baileys
) -> None:
    bob = "15550005555"
    assert sandbox.admin("POST", "/accounts", {"phone": PHONE, "push_name": "Alice"})[0] == 201
    status, bob_account = sandbox.admin("POST", "/accounts", {"phone": bob, "push_name": "Bob"})
    assert status == 201
    baileys.start(sandbox)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    assert sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr})[0] == 200
    baileys.call("wait_open", timeout_ms=30000)

    bob_jid = bob_account["jid"]
    baileys.call("presence_subscribe", jid=bob_jid)
    baileys.call("wait_presence", jid=bob_jid, presence="unavailable", timeout_ms=20000)
    assert sandbox.admin("POST", f"/accounts/{bob}/presence", {"available": True})[0] == 200
    baileys.call("wait_presence", jid=bob_jid, presence="available", timeout_ms=20000)
    body = {"to": PHONE, "state": "composing"}
    assert sandbox.admin("POST", f"/accounts/{bob}/chatstate", body)[0] == 200
    baileys.call("wait_presence", jid=bob_jid, presence="composing", timeout_ms=20000)
    body = {"to": PHONE, "state": "composing", "media": "audio"}
    assert sandbox.admin("POST", f"/accounts/{bob}/chatstate", body)[0] == 200
    baileys.call("wait_presence", jid=bob_jid, presence="recording", timeout_ms=20000)


def test_baileys_gets_what_was_sent_while_it_was_offline(
    sandbox: SandboxProcess, baileys: Baileys
) -> None:
    bob = "15550006666"
    assert sandbox.admin("POST", "/accounts", {"phone": PHONE, "push_name": "Alice"})[0] == 201
    assert sandbox.admin("POST", "/accounts", {"phone": bob, "push_name": "Bob"})[0] == 201
    # The sandbox's phones push no history sync yet: without this Baileys would hold its
    # events back for 20 s on every login, waiting for one (chats.js AwaitingInitialSync).
    baileys.start(sandbox, history=False)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    assert sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr})[0] == 200
    baileys.call("wait_open", timeout_ms=30000)
    baileys.call("disconnect")

    status, sent = sandbox.admin("POST", f"/accounts/{bob}/send", {"to": PHONE, "text": "later"})
    assert status == 200
    status, stats = sandbox.admin("GET", "/stats")
    # queued for Baileys' device: Bob's privacy_token notification (his first message to
    # Alice hands out his token), then the message
    assert stats["acks_pending"] == 2

    baileys.call("reconnect", timeout_ms=30000)
    got = baileys.call("wait_message", text="later", timeout_ms=20000)["message"]
    assert got["key"]["id"] == sent["id"]
    assert got["type"] == "append"  # Baileys saw it come from the offline queue
    settled(sandbox)  # its receipt settles the queue
