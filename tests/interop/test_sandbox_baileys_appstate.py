"""An independent check of the sandbox's app state: unmodified Baileys 7, linked to a
sandbox account, gets the phone's sync key share, syncs the patches the admin API makes
(verifying their MACs and the LTHash itself: appStateMacVerification on) and emits
chats.update for pin, archive and mute; its LTHash equals the phone's. Then Baileys
uploads a patch of its own, which the phone verifies and builds on."""

from __future__ import annotations

from tests.interop.baileys import Baileys
from wacli.sandbox.process import SandboxProcess

ALICE, BOB = "15550006001", "15550006002"
BOB_JID = f"{BOB}@s.whatsapp.net"


def change(sandbox: SandboxProcess, body: dict) -> dict:
    status, answer = sandbox.admin("POST", f"/accounts/{ALICE}/app-state", body)
    assert status == 200, answer
    return answer


def linked(sandbox: SandboxProcess, baileys: Baileys) -> None:
    for phone, name in ((ALICE, "Alice"), (BOB, "Bob")):
        status, body = sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": name})
        assert status == 201, body
    baileys.start(sandbox, history=False)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    status, body = sandbox.admin("POST", f"/accounts/{ALICE}/link", {"qr": qr})
    assert status == 200, body
    baileys.call("wait_open", timeout_ms=30000)


def test_baileys_syncs_the_phones_patches_and_uploads_its_own(
    sandbox: SandboxProcess,
    baileys: Baileys,
) -> None:
    linked(sandbox, baileys)
    # The first change: the phone shares its sync key, then announces the patch.
    change(sandbox, {"chat": BOB_JID, "pin": True, "timestamp": 1_700_000_000_000})
    update = baileys.call("wait_chat_update", jid=BOB_JID, field="pinned")["update"]
    assert update["pinned"] == 1_700_000_000_000
    change(sandbox, {"chat": BOB_JID, "archive": True})
    update = baileys.call("wait_chat_update", jid=BOB_JID, field="archived")["update"]
    assert update["archived"] is True
    change(sandbox, {"chat": BOB_JID, "mute_until": 2_000_000_000})
    update = baileys.call("wait_chat_update", jid=BOB_JID, field="muteEndTime")["update"]
    assert update["muteEndTime"] == 2_000_000_000_000

    status, shown = sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200
    assert baileys.call("app_state", name="regular_low")["keyId"]  # it kept the shared key
    for name, version in (("regular_low", 2), ("regular_high", 1)):
        state = baileys.call("app_state", name=name)
        assert state["version"] == version == shown[name]["version"]
        assert state["hash"] == shown[name]["hash"]  # Baileys' LTHash is the phone's

    # Baileys writes a patch itself (unpin): the server stamps version 3, the phone
    # verifies its MACs and LTHash (nothing unverified) and ends at Baileys' hash.
    baileys.call("chat_modify", jid=BOB_JID, mod={"pin": False})
    status, shown = sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    state = baileys.call("app_state", name="regular_low")
    assert state["version"] == 3 == shown["regular_low"]["version"]
    assert state["hash"] == shown["regular_low"]["hash"]
    status, stats = sandbox.admin("GET", "/stats")
    assert stats["app_state_patches"] == 4 and stats.get("app_state_unverified", 0) == 0
    assert stats["app_state_key_shares"] == 1
