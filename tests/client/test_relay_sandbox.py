"""One connection for every command: while `wacli listen` runs, `send`, `presence` and
`logout` on the same store go through its relay socket instead of logging in (which would
replace listen's connection). Against the real sandbox, with the CLI as subprocesses."""

from __future__ import annotations

import signal
import stat
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550007001"
PEER = "15550007002"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("relay") / "store"
    pair(sandbox, path, ME)
    new_account(sandbox, PEER)
    return path


def logins(sandbox: SandboxProcess) -> int:
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200, stats
    return stats["logins"]


def inbox_texts(sandbox: SandboxProcess) -> list[str]:
    status, entries = sandbox.admin("GET", f"/accounts/{PEER}/inbox")
    assert status == 200, entries
    return [e["text"] for e in entries]


def stop(listen: Wacli) -> list[dict]:
    listen.proc.send_signal(signal.SIGTERM)
    rest = listen.rest()
    assert listen.proc.returncode == 0
    return rest


def test_commands_share_listens_connection(sandbox: SandboxProcess, store: Path) -> None:
    server, root = sandbox.url, sandbox.root_key
    listen = Wacli(store, server, root, "listen")
    assert listen.event_of("connected")["type"] == "connected"
    socket = store / "relay.sock"
    assert stat.S_ISSOCK(socket.stat().st_mode)
    assert stat.S_IMODE(socket.stat().st_mode) == 0o600
    before = logins(sandbox)

    for n in range(3):
        code, out, err = run(store, server, root, "send", PEER, f"through listen {n}")
        assert code == 0, err
        assert out.strip()
    code, _, err = run(store, server, root, "presence", "available")
    assert code == 0, err
    assert logins(sandbox) == before  # nobody logged in beside listen
    assert {f"through listen {n}" for n in range(3)} <= set(inbox_texts(sandbox))

    # listen is still the device's connection: a phone's message reaches it.
    status, sent = sandbox.admin("POST", f"/accounts/{PEER}/send", {"to": ME, "text": "still?"})
    assert status == 200, sent
    message = listen.event_of("message")
    assert message["data"]["text"] == "still?" and message["data"]["info"]["id"] == sent["id"]

    # A command that follows events gets them relayed from listen.
    follow = Wacli(store, server, root, "presence", "subscribe", PEER)
    first = follow.event_of("presence")
    assert first["data"]["from"] == f"{PEER}@s.whatsapp.net"
    status, body = sandbox.admin("POST", f"/accounts/{PEER}/presence", {"available": True})
    assert status == 200, body
    assert follow.event_of("presence")["data"]["unavailable"] is False
    follow.proc.send_signal(signal.SIGINT)
    follow.rest()
    assert follow.proc.returncode == 0
    assert logins(sandbox) == before

    # A second listen on the same store says so instead of fighting for the connection.
    code, out, err = run(store, server, root, "listen")
    assert code == ExitCode.CANNOT_CONNECT, err
    assert out == b"" and err.count("\n") == 1 and "already running" in err, err

    lines = stop(listen)
    assert not any(line["type"] in ("stream_replaced", "disconnected") for line in lines)
    assert not socket.exists()


def test_a_killed_listeners_socket_does_not_stand_in_the_way(
    sandbox: SandboxProcess, store: Path
) -> None:
    server, root = sandbox.url, sandbox.root_key
    listen = Wacli(store, server, root, "listen")
    listen.event_of("connected")
    listen.proc.kill()
    listen.finish()
    assert (store / "relay.sock").exists()  # left behind by SIGKILL

    code, _, err = run(store, server, root, "send", PEER, "after the kill")
    assert code == 0, err  # nobody serves the socket: send logs in itself
    assert "after the kill" in inbox_texts(sandbox)

    again = Wacli(store, server, root, "listen")
    again.event_of("connected")  # the stale socket was cleared, a fresh one serves
    code, _, err = run(store, server, root, "send", PEER, "relayed again")
    assert code == 0, err
    stop(again)
