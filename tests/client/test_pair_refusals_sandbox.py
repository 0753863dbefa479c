"""The pairing events that say no, produced through the sandbox's admin API and printed by
the real `wacli pair --json`: a phone without multi-device scans the QR
(qr_scanned_without_multidevice, and the QR stays up), and a phone whose pair-success does
not verify (pair_error; nothing stored, exit 4)."""

from __future__ import annotations

from pathlib import Path

from tests.client.support import Wacli, new_account
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import DB_NAME, Store

PHONE = "15550008201"


def test_scan_without_multidevice_then_a_forged_pair_success(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    new_account(sandbox, PHONE)
    store = tmp_path / "store"
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--json")
    qr = wacli.event_of("pairing_qr_code")["data"]["code"]

    status, body = sandbox.admin(
        "POST", f"/accounts/{PHONE}/link", {"qr": qr, "multidevice": False}
    )
    assert status == 409, body
    assert wacli.event()["type"] == "qr_scanned_without_multidevice"

    status, body = sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr, "tamper": True})
    assert status == 409 and "refused pair-success" in body["error"], body
    error = wacli.event_of("pair_error")["data"]
    assert error["id"].startswith(f"{PHONE}:") and "HMAC" in error["error"]
    code, _, err = wacli.finish()
    assert code == ExitCode.CANNOT_CONNECT and err.count("\n") == 1, err
    assert "nothing was stored" in err
    if (store / DB_NAME).exists():
        with Store(store) as opened:
            assert opened.load_account() is None

    status, body = sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr, "tamper": "yes"})
    assert status == 400, body
