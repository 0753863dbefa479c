"""`wacli send GROUP` read by an unmodified Baileys 7 in the same group: wacli's sender
key reaches Baileys' device pairwise (libsignal-node decrypts the pkmsg and takes the
SenderKeyDistributionMessage), then Baileys reads the skmsg — the first message and the
ones after it, which come as skmsg alone. A simulated phone in the group reads them too."""

from __future__ import annotations

import time

from tests.interop.baileys import Baileys
from tests.interop.client_baileys_support import (  # noqa: F401 (fixtures)
    BAILEYS_PHONE,
    WACLI_PHONE,
    peers,
    sandbox,
    wacli_send,
)
from wacli.sandbox.process import SandboxProcess

CAROL = "15550007003"


def test_baileys_reads_what_wacli_sends_to_a_group(
    sandbox: SandboxProcess,  # noqa: F811
    peers: tuple[Baileys, dict, object, dict],  # noqa: F811
) -> None:
    baileys, _, store, wacli_account = peers
    status, _ = sandbox.admin("POST", "/accounts", {"phone": CAROL, "push_name": "Carol"})
    assert status == 201
    body = {"subject": "Mixed", "creator": WACLI_PHONE, "participants": [BAILEYS_PHONE, CAROL]}
    status, created = sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    group = created["jid"]
    lid_user = wacli_account["lid"].split("@")[0]
    ids = []
    for n in range(3):  # the first carries the sender key, the others are skmsg alone
        text = f"to the group {n}"
        ids.append(wacli_send(sandbox, store, group, text))  # type: ignore[arg-type]
        got = baileys.call("wait_message", text=text, timeout_ms=20000)["message"]
        assert got["key"]["remoteJid"] == group and got["key"]["id"] == ids[-1]
        assert not got["key"]["fromMe"]
        assert got["key"]["participant"].split("@")[0].split(":")[0] == lid_user
    deadline = time.monotonic() + 30
    while True:
        status, inbox = sandbox.admin("GET", f"/accounts/{CAROL}/inbox")
        texts = [e["text"] for e in inbox if e["chat"] == group]
        if len(texts) == 3 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert texts == [f"to the group {n}" for n in range(3)]
