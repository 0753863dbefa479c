"""An unmodified Baileys 7 client pairs with the sandbox and logs in.

Only Baileys' WebSocket URL and pinned Noise root key point at the sandbox; the
QR it shows is scanned by the sandbox's simulated phone through the admin API,
Baileys reconnects after stream error 515 and reaches ``connection: open``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.interop.node import NodeProcess
from tests.sandbox.harness import SandboxProcess

PHONE = "15550001111"


@pytest.fixture
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess() as server:
        yield server


class Baileys:
    def __init__(self, node: NodeProcess, auth_dir: Path) -> None:
        self.node = node
        self.auth_dir = auth_dir

    def call(self, op: str, **params: object) -> dict:
        return self.node.call(op, **params)

    def start(self, sandbox: SandboxProcess, **options: object) -> None:
        """A fresh Baileys with its multi-file auth state in a temp dir, pointed at us."""
        self.call(
            "start", url=sandbox.url, root_key=sandbox.root_key, dir=str(self.auth_dir), **options
        )


@pytest.fixture
def baileys(tmp_path: Path) -> Iterator[Baileys]:
    node = NodeProcess("baileys_client.mjs", timeout=90.0)
    try:
        yield Baileys(node, tmp_path / "baileys-auth")
    finally:
        try:
            node.call("stop")  # ends the socket; the process then exits
        finally:
            node.close()


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
    held = baileys.call("hold", ms=2000)
    assert held["open"] and held["closes"] == opened["closes"]
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200
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
