"""What arrived while wacli was away is announced, delivered, then closed: `wacli listen`
prints offline_sync_preview (the server's counts), the messages, offline_sync_completed;
and a listening wacli answers the server's own keepalive pings."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account
from wacli.sandbox.process import SandboxProcess

ME = "15550008101"
PHONE = "15550008102"


def test_offline_messages_are_announced_then_completed(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    pair(sandbox, store, ME)
    new_account(sandbox, PHONE)
    sent = []
    for n in range(3):
        status, body = sandbox.admin("POST", f"/accounts/{PHONE}/send", {"to": ME, "text": f"{n}"})
        assert status == 200, body
        sent.append(body["id"])

    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    kinds = []
    while not kinds or kinds[-1]["type"] != "offline_sync_completed":
        line = listen.event()
        if line["type"] in ("offline_sync_preview", "message", "offline_sync_completed"):
            kinds.append(line)
    preview, *messages, completed = kinds
    assert preview["type"] == "offline_sync_preview"
    assert preview["data"]["total"] >= 3 and preview["data"]["messages"] >= 3
    assert {m["data"]["info"]["id"] for m in messages} >= set(sent)
    assert completed["data"]["count"] == preview["data"]["total"]
    listen.proc.send_signal(signal.SIGTERM)
    listen.rest()
    assert listen.proc.returncode == 0


def test_listen_answers_the_servers_pings(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "pinged"
    pair(sandbox, store, "15550008103")
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    listen.event_of("connected")
    for _ in range(3):
        status, body = sandbox.admin("POST", "/faults", {"ping": "15550008103"})
        assert status == 200 and body == {"pinged": 1, "answered": 1}, body
    listen.proc.send_signal(signal.SIGTERM)
    listen.rest()
    assert listen.proc.returncode == 0
