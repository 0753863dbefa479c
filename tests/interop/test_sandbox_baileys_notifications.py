"""An unmodified Baileys 7 client reads the sandbox's notifications about a contact: a
``picture`` notification becomes Baileys' ``contacts.update`` (imgUrl "changed", then
"removed"), the ``devices``, ``status`` and ``business`` notifications before it are
taken without dropping the connection, and Baileys' usync status query reads the about
text."""

from __future__ import annotations

import base64

from tests.interop.baileys import Baileys
from wacli.sandbox.process import SandboxProcess

ALICE, BOB = "15550009001", "15550009002"


def test_baileys_takes_profile_and_device_notifications(
    sandbox: SandboxProcess, baileys: Baileys
) -> None:
    for phone, name in ((ALICE, "Alice"), (BOB, "Bob")):
        status, _ = sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": name})
        assert status == 201
    baileys.start(sandbox, history=False)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    assert sandbox.admin("POST", f"/accounts/{ALICE}/link", {"qr": qr})[0] == 200
    closes = baileys.call("wait_open", timeout_ms=30000)["closes"]

    # Bob's phone writes to Alice: from now on Bob's profile changes reach her devices.
    status, _ = sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "hi"})
    assert status == 200
    baileys.call("wait_message", text="hi", timeout_ms=20000)

    bob = f"{BOB}@s.whatsapp.net"
    path = f"/accounts/{BOB}/profile"
    assert sandbox.admin("POST", f"/accounts/{BOB}/devices/update")[1]["notified"] == 1
    assert sandbox.admin("POST", path, {"about": "away"})[1]["notified"] == 1
    fetched = baileys.call("fetch_status", jid=bob)  # Baileys' usync status query
    assert fetched["status"] == "away" and fetched["set_at"] > 0
    business = {"business": {"verified_name": "Bob's"}}
    assert sandbox.admin("POST", path, business)[1]["notified"] == 1
    picture = base64.b64encode(b"\xff\xd8\xff a picture").decode()
    assert sandbox.admin("POST", path, {"picture": picture})[1]["notified"] == 1
    changed = baileys.call("wait_contact_update", id=bob, img="changed")["update"]
    assert changed == {"id": bob, "imgUrl": "changed"}
    assert sandbox.admin("POST", path, {"picture": None})[1]["notified"] == 1
    removed = baileys.call("wait_contact_update", id=bob, img="removed")
    pictures = [u["imgUrl"] for u in removed["all"] if u["id"] == bob and "imgUrl" in u]
    assert pictures == ["changed", "removed"]
    assert baileys.call("events")["closes"] == closes  # still connected throughout
