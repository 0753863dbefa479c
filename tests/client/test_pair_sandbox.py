"""`wacli pair` end to end against the real sandbox (`wacli sandbox serve` as a subprocess):
by code and by QR through the admin API, the store written 0600, IK login afterwards, and
the one-line failures (wrong root key, unreachable server, bad phone number, already paired).
"""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import anyio
import pytest

from tests.client.support import Wacli, new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.client import events as ev
from wacli.client.client import Client
from wacli.client.connection import Endpoint
from wacli.client.payload import WA_WEB_VERSION
from wacli.protocol.pair_qr import parse_qr
from wacli.sandbox.process import SandboxProcess
from wacli.store import DB_NAME, Store


def stored_account(store: Path) -> tuple[str, str | None, bytes | None]:
    conn = sqlite3.connect(store / DB_NAME)
    try:
        return conn.execute("SELECT jid, lid, server_static FROM account").fetchone()
    finally:
        conn.close()


def assert_private(store: Path) -> None:
    assert stat.S_IMODE(store.stat().st_mode) == 0o700
    for path in store.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_pair_by_code_then_log_in_again_with_ik(sandbox: SandboxProcess, tmp_path: Path) -> None:
    account = new_account(sandbox, "15550002001")
    store = tmp_path / "store"
    wacli = Wacli(
        store, sandbox.url, sandbox.root_key, "pair", "--phone", "+1 555 000 2001", "--json"
    )
    first = wacli.event()
    assert first["type"] == "pairing_code"
    code = first["data"]["code"]
    assert len(code) == 8 and first["data"]["timeout"] > 0
    status, linked = sandbox.admin(
        "POST", "/accounts/15550002001/link", {"code": f"{code[:4]}-{code[4:]}"}
    )
    assert status == 200, linked
    success = wacli.event()
    assert success["type"] == "pair_success"
    assert success["data"]["id"] == linked["jid"]
    assert success["data"]["id"].startswith("15550002001:")
    assert success["data"]["lid"] == linked["lid"]
    rest = [json.loads(line) for line in wacli.finish()[1].splitlines()]
    code_rc = wacli.proc.returncode
    assert code_rc == 0
    assert rest[-1]["type"] == "connected"
    jid, lid, server_static = stored_account(store)
    assert jid == linked["jid"] and lid == linked["lid"] and server_static is not None
    assert account["jid"].split("@")[0] == jid.split(":")[0]
    assert_private(store)

    # A second connection logs in with Noise IK (the remembered server key) and gets <success>.
    seen: list[ev.Event] = []

    async def sink(event: ev.Event) -> None:
        seen.append(event)

    async def login() -> str:
        with Store(store) as opened:
            endpoint = Endpoint(sandbox.url, bytes.fromhex(sandbox.root_key), WA_WEB_VERSION)
            async with Client(opened, endpoint, sink).connected() as conn:
                return conn.pattern

    assert anyio.run(login) == "IK"
    assert isinstance(seen[-1], ev.Connected)

    # Pairing an already paired store changes nothing and says so.
    code_again, out, err = run(store, sandbox.url, sandbox.root_key, "pair", "--json")
    assert code_again == 0 and out == b""
    assert "already paired as " + jid in err
    assert stored_account(store)[0] == jid


def test_pair_by_qr(sandbox: SandboxProcess, tmp_path: Path) -> None:
    new_account(sandbox, "15550002002")
    store = tmp_path / "store"
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--json")
    first = wacli.event()
    assert first["type"] == "pairing_qr_code" and first["data"]["timeout"] == 60
    qr = parse_qr(first["data"]["code"])  # ref, noise key, identity key, adv secret, platform
    assert qr.ref and qr.platform_id is not None
    status, linked = sandbox.admin(
        "POST", "/accounts/15550002002/link", {"qr": first["data"]["code"]}
    )
    assert status == 200, linked
    code, out, err = wacli.finish()
    assert code == 0, err
    types = [json.loads(line)["type"] for line in out.splitlines()]
    assert types[0] == "pair_success" and types[-1] == "connected"
    assert stored_account(store)[0] == linked["jid"]
    assert_private(store)


def test_wrong_root_key_is_one_line_exit_4(sandbox: SandboxProcess, tmp_path: Path) -> None:
    wrong = "11" * 32
    code, out, err = run(tmp_path / "s", sandbox.url, wrong, "pair", "--json")
    assert code == ExitCode.CANNOT_CONNECT and out == b""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "certificate chain does not verify" in lines[0]


def test_unreachable_server_is_exit_4(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port that nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, out, err = run(tmp_path / "s", f"ws://127.0.0.1:{port}/ws/chat", "11" * 32, "pair")
    assert code == ExitCode.CANNOT_CONNECT and out == b""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wacli: cannot connect")


@pytest.mark.parametrize("phone", ["12", "+1555abc1234", "0044 20 7946 0000 00000"])
def test_bad_phone_number_is_exit_2(tmp_path: Path, phone: str) -> None:
    code, out, err = run(
        tmp_path / "s", "ws://127.0.0.1:9/ws/chat", "11" * 32, "pair", "--phone", phone
    )
    assert code == ExitCode.USAGE and out == b""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_noise_root_is_exit_2(tmp_path: Path) -> None:
    code, _out, err = run(tmp_path / "s", "ws://127.0.0.1:9/ws/chat", "xyz", "pair")
    assert code == ExitCode.USAGE and "64 hexadecimal digits" in err


def test_pair_by_code_with_a_number_without_whatsapp_is_refused(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    code, out, err = run(
        tmp_path / "s", sandbox.url, sandbox.root_key, "pair", "--phone", "+15550002999"
    )
    assert code == ExitCode.REFUSED and out == b""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "15550002999" in lines[0] and "Traceback" not in err
    with Store(tmp_path / "s") as store:
        assert store.load_account() is None
