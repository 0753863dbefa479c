"""Every documented exit code (wacli.cli.exit_codes, README "Exit codes"), produced by the real CLI
against the real sandbox or a server that misbehaves below it: one scenario per code,
and a code added to ExitCode without a scenario here fails the suite. Each failure ends
with exactly one line on stderr and nothing on stdout."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.fault_support import listening_socket
from tests.client.support import new_account, run_with
from tests.unit.accounts import made_up_account
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import DB_NAME, Store

ME = "15550011001"
PEER = "15550011002"
BANNED = "15550011003"
SILENT = {"WACLI_TIMEOUT": "2"}  # a wait that must run out: short

Outcome = tuple[int, bytes, str]


@pytest.fixture(scope="module")
def paired(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("exit-codes") / "me"
    pair(sandbox, store, ME)
    new_account(sandbox, PEER)
    return store


def ok(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    return run_with(store, sandbox.url, sandbox.root_key, "send", PEER, "exit 0")


def unexpected(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    # An intact database whose account row names no JID: only wacli writes that row, so
    # nothing checks it, and it surfaces where a bug would (exit 1 asks for a report).
    odd = tmp / "odd"
    with Store(odd) as opened:
        opened.save_account(made_up_account(f"{ME}:9@s.whatsapp.net"))
        opened._conn.execute("UPDATE account SET jid = 'no jid at all'")
    return run_with(odd, sandbox.url, sandbox.root_key, "send", PEER, "x")


def usage(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    return run_with(store, sandbox.url, sandbox.root_key, "send", "not-a-number", "x")


def not_paired(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    return run_with(tmp / "empty", sandbox.url, sandbox.root_key, "send", PEER, "x")


def cannot_connect(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    with socket.socket() as closed:  # a port nobody listens on: the connection is refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    url = f"ws://127.0.0.1:{port}/ws/chat"
    return run_with(store, url, sandbox.root_key, "send", PEER, "x")


def timed_out(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    with listening_socket() as (_, url):  # accepts TCP, never answers
        return run_with(store, url, sandbox.root_key, "send", PEER, "x", env=SILENT)


def refused(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    pair(sandbox, tmp / "banned", BANNED)
    ban = {"ban": {"phone": BANNED, "code": 101, "expire": 600}}
    status, answer = sandbox.admin("POST", "/faults", ban)
    assert status == 200, answer
    return run_with(tmp / "banned", sandbox.url, sandbox.root_key, "send", PEER, "x")


def store(sandbox: SandboxProcess, store: Path, tmp: Path) -> Outcome:
    broken = tmp / "broken"
    broken.mkdir()
    (broken / DB_NAME).write_bytes(b"not an SQLite database " * 50)
    return run_with(broken, sandbox.url, sandbox.root_key, "send", PEER, "x")


SCENARIOS: dict[ExitCode, Callable[[SandboxProcess, Path, Path], Outcome]] = {
    ExitCode.OK: ok,
    ExitCode.UNEXPECTED: unexpected,
    ExitCode.USAGE: usage,
    ExitCode.NOT_PAIRED: not_paired,
    ExitCode.CANNOT_CONNECT: cannot_connect,
    ExitCode.TIMED_OUT: timed_out,
    ExitCode.REFUSED: refused,
    ExitCode.STORE: store,
}


def test_every_documented_code_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(ExitCode)


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda code: code.name.lower())
def test_the_cli_exits_with_the_documented_code(
    sandbox: SandboxProcess, paired: Path, tmp_path: Path, code: ExitCode
) -> None:
    got, out, err = SCENARIOS[code](sandbox, paired, tmp_path)
    assert got == code, err
    assert "Traceback" not in err
    if code == ExitCode.OK:
        assert len(out.decode().strip()) > 0 and err == ""
    else:
        assert out == b"" and len(err.strip().splitlines()) == 1, err
