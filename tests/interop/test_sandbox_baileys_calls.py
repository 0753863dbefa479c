"""An unmodified Baileys 7 reads the sandbox's call signalling: a phone's offer and hang-up
become Baileys' own "call" events, Baileys acks them (nothing stays queued), and its
rejectCall reaches the calling phone."""

from __future__ import annotations

from tests.interop.baileys import Baileys, settled
from wacli.sandbox.process import SandboxProcess

CALLEE, CALLER = "15550009301", "15550009302"


def test_baileys_sees_offers_and_hang_ups_and_rejects(
    sandbox: SandboxProcess, baileys: Baileys
) -> None:
    assert sandbox.admin("POST", "/accounts", {"phone": CALLEE, "push_name": "Alice"})[0] == 201
    status, caller = sandbox.admin("POST", "/accounts", {"phone": CALLER, "push_name": "Bob"})
    assert status == 201
    baileys.start(sandbox)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    status, linked = sandbox.admin("POST", f"/accounts/{CALLEE}/link", {"qr": qr})
    assert status == 200, linked
    baileys.call("wait_open", timeout_ms=30000)

    status, body = sandbox.admin("POST", f"/accounts/{CALLER}/call", {"to": CALLEE, "video": True})
    assert status == 200, body
    call_id = body["call_id"]
    offer = baileys.call("wait_call", id=call_id, status="offer")["call"]
    assert offer["from"] == caller["jid"] and offer["chatId"] == caller["jid"]
    assert offer["isVideo"] is True and offer["isGroup"] is False
    assert offer["date"] > 0 and offer["offline"] is False

    status, _ = sandbox.admin("POST", f"/accounts/{CALLER}/call/{call_id}/end")
    assert status == 200
    # Baileys names a terminate with reason "timeout" after it (getCallStatusFromNode).
    ended = baileys.call("wait_call", id=call_id, status="timeout")["call"]
    assert ended["from"] == caller["jid"] and ended["isVideo"] is True  # from its offer cache

    status, body = sandbox.admin("POST", f"/accounts/{CALLER}/call", {"to": CALLEE})
    assert status == 200, body
    second = body["call_id"]
    offer = baileys.call("wait_call", id=second, status="offer")["call"]
    assert offer["isVideo"] is False
    baileys.call("reject_call", id=second, **{"from": caller["jid"]})
    status, calls = sandbox.admin("GET", f"/accounts/{CALLER}/calls")
    assert status == 200
    record = next(c for c in calls if c["call_id"] == second)
    assert record["state"] == "rejected" and record["rejected_by"] == linked["jid"]

    stats = settled(sandbox)  # its acks of the last stanzas are in
    assert stats["calls"] == 2
