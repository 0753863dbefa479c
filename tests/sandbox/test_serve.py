"""`wacli sandbox serve` as users run it: one JSON line, signals, and --state."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import anyio
import pytest

from bench.companion import Companion, open_session
from bench.local_sandbox import attached
from wacli.cli.exit_codes import ExitCode
from wacli.client.errors import ConnectionLost
from wacli.sandbox.process import SandboxProcess
from wacli.sandbox.server import Endpoints


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_its_endpoints_and_stops_cleanly(sig: int) -> None:
    server = SandboxProcess()
    try:
        endpoints = server.endpoints
        assert set(endpoints) == {
            "url",
            "admin_url",
            "noise_root_public_key",
            "media_ca",
            "version_url",
        }
        assert re.fullmatch(r"https://127\.0\.0\.1:\d+/sw\.js", endpoints["version_url"])
        assert re.fullmatch(r"ws://127\.0\.0\.1:\d+/ws/chat", endpoints["url"])
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/admin", endpoints["admin_url"])
        assert re.fullmatch(r"[0-9a-f]{64}", endpoints["noise_root_public_key"])
        status, stats = server.admin("GET", "/stats")  # it accepts connections once it printed
        assert status == 200 and stats["connections"] == 0
    finally:
        code = server.stop(sig)
    assert code == 0


def test_state_keeps_the_root_key_and_accounts(tmp_path: Path) -> None:
    state = tmp_path / "sandbox"
    with SandboxProcess(state) as first:
        assert first.admin("POST", "/accounts", {"phone": "15550001111"})[0] == 201
        root = first.root_key
        lid = first.admin("GET", "/accounts")[1][0]["lid"]
        assert first.stop() == 0
    with SandboxProcess(state) as second:
        assert second.root_key == root
        status, accounts = second.admin("GET", "/accounts")
        assert status == 200 and [a["lid"] for a in accounts] == [lid]
        assert second.admin("POST", "/accounts", {"phone": "15550001111"})[0] == 409
    with SandboxProcess(tmp_path / "other") as third:
        assert third.root_key != root  # fresh per state directory


def test_sigterm_with_a_client_connected_still_exits_0() -> None:
    async def scenario(server: SandboxProcess) -> None:
        async with attached(Endpoints(**server.endpoints)) as sandbox:
            companion = Companion()
            payload = companion.registration_payload()
            session = await open_session(sandbox, companion.noise, payload)
            assert (await session.receive()).require_child("pair-device")
            server.proc.send_signal(signal.SIGTERM)
            assert isinstance(await session.closed(10), ConnectionLost)

    server = SandboxProcess()
    try:
        anyio.run(scenario, server)
        code = server.proc.wait(10)
    finally:
        server.stop()
    assert code == 0


def test_a_busy_port_is_a_one_line_error() -> None:
    import subprocess
    import sys

    with SandboxProcess() as first:
        port = first.url.split(":")[2].split("/")[0]
        second = subprocess.run(
            [sys.executable, "-m", "wacli", "sandbox", "serve", "--port", port],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert second.returncode == ExitCode.CANNOT_CONNECT and second.stdout == ""
    assert second.stderr.startswith("wacli: cannot listen on 127.0.0.1 port")
    assert second.stderr.count("\n") == 1


def test_an_unusable_state_is_a_store_error(tmp_path: Path) -> None:
    """A --state that is a file, or holds a damaged database: exit 7, one line naming it."""
    import subprocess
    import sys

    not_a_directory = tmp_path / "state-file"
    not_a_directory.write_text("")
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "wacli.db").write_bytes(b"not a database" * 500)
    for state in (not_a_directory, damaged):
        served = subprocess.run(
            [sys.executable, "-m", "wacli", "sandbox", "serve", "--state", str(state)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert served.returncode == ExitCode.STORE, served.stderr
        assert served.stdout == "" and served.stderr.count("\n") == 1
        assert served.stderr.startswith("wacli: cannot open the sandbox state: ")
        assert str(state) in served.stderr
