"""One connection for every command: while `wacli listen` runs, `send`, `presence` and
`logout` on the same store go through its relay socket instead of logging in (which would
replace listen's connection). Against the real sandbox, with the CLI as subprocesses."""

from __future__ import annotations

import json
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, command, new_account, run
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


def inbox_entries(sandbox: SandboxProcess) -> list[dict]:
    status, entries = sandbox.admin("GET", f"/accounts/{PEER}/inbox")
    assert status == 200, entries
    return entries


def inbox_texts(sandbox: SandboxProcess) -> list[str]:
    return [e["text"] for e in inbox_entries(sandbox)]


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


# What a send through listen must not load: it hands listen the operation whole.
NOT_THROUGH_LISTEN = (
    "wacli.client.client",
    "wacli.signal",
    "wacli.store",
    "anyio",
    "asyncio",
    "google.protobuf",
    "cryptography",
)

SEND_AND_LIST = """
import sys
from wacli.cli.app import main
try:
    main({argv!r})
except SystemExit as exc:
    code = exc.code
loaded = sorted(
    name for name in sys.modules
    if any(name == root or name.startswith(root + ".") for root in {roots!r})
)
sys.__stderr__.write("\\nLOADED " + " ".join(loaded) + "\\n")
sys.exit(code)
"""


def test_listen_performs_what_a_send_asks(sandbox: SandboxProcess, store: Path) -> None:
    """Every kind `send` has but files goes to listen as an operation: listen's client
    sends it and files it in the archive; the command prints the result, its warnings and
    its refusals as a send of its own would, and loads no client to do it."""
    server, root = sandbox.url, sandbox.root_key
    listen = Wacli(store, server, root, "listen")
    listen.event_of("connected")
    before = logins(sandbox)

    argv = command(store, server, root, "send", "--json", PEER, "an operation")[3:]
    program = SEND_AND_LIST.format(argv=argv, roots=NOT_THROUGH_LISTEN)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.rsplit("LOADED", 1)[1].split() == []
    text_id = json.loads(done.stdout)["id"]

    def send(*args: str) -> str:
        code, out, err = run(store, server, root, "send", PEER, *args)
        assert code == 0 and err == "", err
        return out.decode().strip()

    poll_id = send("--poll", "Lunch?", "--option", "soup", "--option", "salad")
    kinds = [
        send("--vote", poll_id, "--option", "salad"),
        send("--location", "52.37,4.89", "--name", "Dam"),
        send("--contact", "Ada,+15550007099"),
        send("--react", "👍", "--id", text_id),
        send("--edit", text_id, "an edited operation"),
        send("--revoke", poll_id),
    ]
    assert all(kinds)
    assert logins(sandbox) == before  # all of it on listen's connection

    # The archive listen writes holds what it sent for the commands.
    code, out, err = run(store, server, root, "history", PEER, "--json")
    assert code == 0, err
    archived = {line["id"]: line for line in map(json.loads, out.decode().splitlines())}
    assert archived[text_id]["text"] == "an edited operation"
    for sent in kinds[1:3]:
        assert sent in archived
    delivered = {entry["id"] for entry in inbox_entries(sandbox)}
    assert {text_id, poll_id, *kinds} <= delivered

    # A warning reaches the command's stderr; a refusal is its own exit 2 line.
    code, out, err = run(store, server, root, "send", PEER, "--react", "👍", "--id", "NOSUCH")
    assert code == 0 and out.strip(), err
    assert err.startswith("wacli: warning: message NOSUCH is not in the archive"), err
    code, out, err = run(store, server, root, "send", PEER, "--vote", "NOSUCH", "--option", "x")
    assert code == ExitCode.USAGE and out == b"", err
    assert err.count("\n") == 1 and "NOSUCH" in err, err
    stop(listen)
