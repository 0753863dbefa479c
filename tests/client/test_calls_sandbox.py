"""Incoming calls end to end against the real sandbox: `wacli listen` prints call_offer
and call_terminate lines (schema-valid), gets a call offered while it was down once it
starts and never again after the ack, and `wacli call reject` reaches the caller's phone."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.client.accounts import Lines, pair, valid
from tests.client.support import Wacli, new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

CALLER = "15550009201"
CALLEE = "15550009202"
CALLER_JID = f"{CALLER}@s.whatsapp.net"
TYPES = "connected,call_offer,call_terminate,call_accept,call_reject"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    new_account(sandbox, CALLER, "Caller")
    path = tmp_path_factory.mktemp("calls") / "callee"
    pair(sandbox, path, CALLEE)
    return path


def listen(sandbox: SandboxProcess, store: Path, early: list[dict] | None = None) -> Lines:
    """A running listen, once connected; the offline queue may come before ``connected``:
    those lines go into ``early``."""
    lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", TYPES))
    while (line := lines.next())["type"] != "connected":
        assert early is not None, line
        early.append(line)
    return lines


def stop(lines: Lines) -> list[dict]:
    lines.wacli.proc.send_signal(signal.SIGTERM)
    rest = lines.rest()
    assert lines.wacli.proc.returncode == 0
    return rest


def ring(sandbox: SandboxProcess, video: bool = False) -> str:
    status, body = sandbox.admin("POST", f"/accounts/{CALLER}/call", {"to": CALLEE, "video": video})
    assert status == 200, body
    return body["call_id"]


def record(sandbox: SandboxProcess, call_id: str) -> dict:
    status, calls = sandbox.admin("GET", f"/accounts/{CALLER}/calls")
    assert status == 200, calls
    (found,) = [c for c in calls if c["call_id"] == call_id]
    return found


def test_listen_prints_the_offer_then_the_terminate(sandbox: SandboxProcess, store: Path) -> None:
    lines = listen(sandbox, store)
    call_id = ring(sandbox, video=True)
    offer = valid(lines.next_of("call_offer"))
    assert offer["data"] == {
        "from": CALLER_JID,
        "call_id": call_id,
        "call_creator": CALLER_JID,
        "timestamp": offer["data"]["timestamp"],
        "is_video": True,
        "is_group": False,
        "group_jid": None,
    }
    assert offer["data"]["timestamp"].endswith("Z")
    status, body = sandbox.admin(
        "POST", f"/accounts/{CALLER}/call/{call_id}/end", {"reason": "timeout"}
    )
    assert status == 200, body
    end = valid(lines.next())  # the very next line: nothing else came in between
    assert end["type"] == "call_terminate"
    assert (end["data"]["call_id"], end["data"]["reason"]) == (call_id, "timeout")
    assert end["data"]["from"] == CALLER_JID
    assert stop(lines) == []


def test_a_call_offered_while_listen_was_down_comes_once(
    sandbox: SandboxProcess, store: Path
) -> None:
    missed = ring(sandbox)
    early: list[dict] = []
    lines = listen(sandbox, store, early)
    seen = early or [lines.next()]
    assert [(e["type"], e["data"]["call_id"]) for e in seen] == [("call_offer", missed)]
    assert stop(lines) == []
    assert seen[0]["data"]["is_video"] is False
    # Acked after its line: the next listen gets the new call only, not the old one again.
    early = []
    lines = listen(sandbox, store, early)
    fresh = ring(sandbox)
    assert lines.next_of("call_offer")["data"]["call_id"] == fresh
    assert early == [] and stop(lines) == []


def test_call_reject_through_listen_and_alone(sandbox: SandboxProcess, store: Path) -> None:
    lines = listen(sandbox, store)
    call_id = ring(sandbox)
    offer = lines.next_of("call_offer")["data"]
    code, out, err = run(
        store, sandbox.url, sandbox.root_key, "call", "reject", offer["from"], call_id
    )
    assert code == 0 and out == b"", err
    found = record(sandbox, call_id)
    assert found["state"] == "rejected" and found["rejected_by"] == f"{CALLEE}:1@s.whatsapp.net"
    stop(lines)

    # Without a listen the command logs in itself; the pending offer stays for listen.
    second = ring(sandbox)
    code, _, err = run(store, sandbox.url, sandbox.root_key, "call", "reject", CALLER, second)
    assert code == 0, err
    assert record(sandbox, second)["state"] == "rejected"
    # The same call cannot be rejected twice: the server refuses.
    code, _, err = run(store, sandbox.url, sandbox.root_key, "call", "reject", CALLER, second)
    assert code == ExitCode.REFUSED and "refused" in err
    early: list[dict] = []
    lines = listen(sandbox, store, early)
    assert [e["data"]["call_id"] for e in early or [lines.next()]] == [second]
    assert stop(lines) == []


def test_call_reject_usage(sandbox: SandboxProcess, store: Path) -> None:
    code, _, err = run(store, sandbox.url, sandbox.root_key, "call", "reject", "not a jid", "X")
    assert code == ExitCode.USAGE and err.count("\n") == 1
    code, _, _ = run(store, sandbox.url, sandbox.root_key, "call", "reject", CALLER, "x" * 200)
    assert code == ExitCode.USAGE


def test_the_caller_companion_sees_the_answer(
    sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A call made from our account's phone: our companion hears the callee pick up
    (call_accept from the callee) and the hang-up nothing more (it goes to the callee)."""
    caller, callee = "15550009203", CALLEE
    companion = tmp_path_factory.mktemp("caller") / "store"
    pair(sandbox, companion, caller)
    lines = Lines(Wacli(companion, sandbox.url, sandbox.root_key, "listen", "--type", TYPES))
    lines.next_of("connected")
    status, body = sandbox.admin("POST", f"/accounts/{caller}/call", {"to": callee})
    assert status == 200, body
    call_id = body["call_id"]
    status, body = sandbox.admin("POST", f"/accounts/{callee}/call/{call_id}/accept")
    assert status == 200 and body["state"] == "accepted", body
    answer = valid(lines.next())
    assert answer["type"] == "call_accept", answer
    assert answer["data"]["from"] == f"{callee}@s.whatsapp.net"
    assert answer["data"]["call_id"] == call_id
    assert answer["data"]["call_creator"] == f"{caller}@s.whatsapp.net"
    status, _ = sandbox.admin("POST", f"/accounts/{caller}/call/{call_id}/end")
    assert status == 200
    assert stop(lines) == []
