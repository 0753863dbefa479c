"""An unmodified Baileys 7 with its default history settings gets the sandbox phone's
history sync: after linking, the phone's INITIAL_BOOTSTRAP (inline), PUSH_NAME and RECENT
chunks reach Baileys' own processing (messaging-history.set with the chats, messages and
push names; messaging-history.status complete), and Baileys leaves its AwaitingInitialSync
state because of the history (its log says so) rather than after its 20 s timeout.
History pushed later through the admin API arrives the same way.
"""

from __future__ import annotations

from tests.interop.baileys import Baileys
from wacli.sandbox.process import SandboxProcess

ALICE, BOB, CAROL = "15550006001", "15550006002", "15550006009"
INITIAL_BOOTSTRAP = 0


def carol(n: int, prefix: str, base: int) -> dict:
    messages = [
        {"id": f"{prefix}{i:03d}", "text": f"{prefix.lower()}{i}", "timestamp": base + i}
        for i in range(n)
    ]
    return {"conversations": [{"id": CAROL, "name": "Carol", "messages": messages}]}


def test_baileys_gets_the_bootstrap_without_waiting(
    sandbox: SandboxProcess, baileys: Baileys
) -> None:
    assert sandbox.admin("POST", "/accounts", {"phone": ALICE, "push_name": "Alice"})[0] == 201
    status, bob = sandbox.admin("POST", "/accounts", {"phone": BOB, "push_name": "Bob"})
    assert status == 201
    status, sent = sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "hi"})
    assert status == 200
    status, _ = sandbox.admin("POST", f"/accounts/{ALICE}/history", carol(60, "C", 1_700_000_000))
    assert status == 200

    baileys.call("capture_logs")
    baileys.start(sandbox)  # Baileys' defaults: history sync expected
    qr = baileys.call("wait_qr")["qr"]
    status, linked = sandbox.admin("POST", f"/accounts/{ALICE}/link", {"qr": qr})
    assert status == 200, linked
    baileys.call("wait_open")

    wanted = [sent["id"]] + [f"C{i:03d}" for i in range(10, 60)]  # bootstrap 20 + recent 30
    got = baileys.call("wait_history", ids=wanted)
    messages = {m["id"]: m for h in got["histories"] for m in h["messages"]}
    assert messages[sent["id"]] == {
        "id": sent["id"],
        "jid": bob["jid"],
        "fromMe": False,
        "text": "hi",
    }
    assert messages["C059"] == {
        "id": "C059",
        "jid": f"{CAROL}@s.whatsapp.net",
        "fromMe": False,
        "text": "c59",
    }
    assert not [i for i in messages if i.startswith("C") and int(i[1:]) < 10]  # on demand only
    chats = {chat for h in got["histories"] for chat in h["chats"]}
    assert chats == {bob["jid"], f"{CAROL}@s.whatsapp.net"}
    names = {c["id"]: c for h in got["histories"] for c in h["contacts"]}
    assert names[bob["jid"]]["notify"] == "Bob"  # the PUSH_NAME chunk
    assert names[f"{CAROL}@s.whatsapp.net"]["name"] == "Carol"
    assert {"syncType": INITIAL_BOOTSTRAP, "status": "complete", "explicit": True} in got["status"]
    # The history moved Baileys on (Syncing → app-state sync → Online); its 20 s timeout
    # never fired.
    log = got["log"]
    assert "Connection is now AwaitingInitialSync, buffering events" in log
    assert "Transitioned to Syncing state" in log
    assert any(line.startswith("App state sync complete") for line in log)
    assert not [line for line in log if line.startswith("Timeout in AwaitingInitialSync")]

    # Baileys' own on-demand request: the phone answers with the 10 older ones.
    oldest = {"remoteJid": f"{CAROL}@s.whatsapp.net", "fromMe": False, "id": "C010"}
    asked = baileys.call("fetch_history", count=50, key=oldest, timestamp_ms=1_700_000_010_000)
    got = baileys.call("wait_history", ids=[f"C{i:03d}" for i in range(10)])
    texts = {m["id"]: m["text"] for h in got["histories"] for m in h["messages"]}
    assert [texts[f"C{i:03d}"] for i in range(10)] == [f"c{i}" for i in range(10)]
    assert asked["id"] in [e["id"] for e in sandbox.admin("GET", f"/accounts/{ALICE}/inbox")[1]]

    # Later history from the admin API reaches the live Baileys too.
    status, answer = sandbox.admin(
        "POST", f"/accounts/{ALICE}/history", carol(2, "N", 1_800_000_000)
    )
    assert status == 200 and len(answer["sent"]) == 1, answer
    got = baileys.call("wait_history", ids=["N000", "N001"])
    texts = {m["id"]: m["text"] for h in got["histories"] for m in h["messages"]}
    assert (texts["N000"], texts["N001"]) == ("n0", "n1")
