"""`wacli groups` against the real sandbox (subprocess) with the CLI as a subprocess: what
the commands change is read back from the sandbox's own state (admin API), what they print
is checked against it; refusals and bad input get their documented exit codes; while
`wacli listen` runs, a command goes through its connection and listen prints the change."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550009001"
ALICE = "15550009002"
BOB = "15550009003"
CAROL = "15550009004"
UNKNOWN = "15550009999"  # never made an account


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("groups") / "store"
    pair(sandbox, path, ME)
    for phone in (ALICE, BOB, CAROL):
        new_account(sandbox, phone)
    return path


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    return code, out.decode(), err


def ok(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = wacli(sandbox, store, *args)
    assert code == 0, err
    assert err == ""
    return out


def admin_group(sandbox: SandboxProcess, jid: str) -> dict:
    status, body = sandbox.admin("GET", f"/groups/{jid}")
    assert status == 200, body
    return body


def roles(sandbox: SandboxProcess, jid: str) -> dict[str, str | None]:
    return {p["phone"]: p["admin"] for p in admin_group(sandbox, jid)["participants"]}


def listing(sandbox: SandboxProcess, store: Path) -> dict[str, dict]:
    out = ok(sandbox, store, "groups", "--json")
    return {row["jid"]: row for row in map(json.loads, out.splitlines())}


def test_create_list_info_and_manage(sandbox: SandboxProcess, store: Path) -> None:
    out = ok(sandbox, store, "groups", "create", "Ropes", f"+{ALICE}", f"{BOB}@s.whatsapp.net")
    jid = out.strip()
    assert jid.endswith("@g.us") and "\n" not in jid
    made = admin_group(sandbox, jid)
    assert made["subject"] == "Ropes" and made["creator"] == ME
    assert roles(sandbox, jid) == {ME: "superadmin", ALICE: None, BOB: None}

    row = listing(sandbox, store)[jid]
    assert row["subject"] == "Ropes" and row["participant_count"] == 3
    assert row["role"] == "superadmin"
    assert row["created_at"].endswith("Z")
    plain = ok(sandbox, store, "groups").splitlines()
    assert f"{jid}  3  superadmin  Ropes" in plain

    info = json.loads(ok(sandbox, store, "groups", "info", jid, "--json"))
    assert info["jid"] == jid and info["subject"] == "Ropes"
    assert info["creator"] == f"{ME}@s.whatsapp.net"
    assert info["created_at"] is not None and info["participant_count"] == 3
    by_phone = {p["phone_jid"]: p["role"] for p in info["participants"]}
    assert by_phone == {
        f"{ME}@s.whatsapp.net": "superadmin",
        f"{ALICE}@s.whatsapp.net": "member",
        f"{BOB}@s.whatsapp.net": "member",
    }
    text = ok(sandbox, store, "groups", "info", jid)
    assert "subject  Ropes" in text.splitlines()

    # add: one new, one refused (unknown number) -> its line carries the code, exit 6.
    code, out, err = wacli(sandbox, store, "groups", "add", jid, CAROL, UNKNOWN, "--json")
    assert code == ExitCode.REFUSED, err
    assert err.startswith("wacli: ") and len(err.strip().splitlines()) == 1
    results = {r["jid"]: r for r in map(json.loads, out.splitlines())}
    assert results[f"{CAROL}@s.whatsapp.net"]["ok"] is True
    refused = results[f"{UNKNOWN}@s.whatsapp.net"]
    assert refused["ok"] is False and refused["error_code"] == 404
    assert roles(sandbox, jid) == {ME: "superadmin", ALICE: None, BOB: None, CAROL: None}

    # add of somebody already in: refused with 409 in the plain output as well.
    code, out, err = wacli(sandbox, store, "groups", "add", jid, ALICE)
    assert code == ExitCode.REFUSED, err
    assert out.splitlines() == [f"{ALICE}@s.whatsapp.net  error 409  already a participant"]

    assert ok(sandbox, store, "groups", "promote", jid, ALICE).splitlines() == [
        f"{ALICE}@s.whatsapp.net  ok"
    ]
    assert roles(sandbox, jid)[ALICE] == "admin"
    ok(sandbox, store, "groups", "demote", jid, ALICE)
    assert roles(sandbox, jid)[ALICE] is None
    ok(sandbox, store, "groups", "remove", jid, BOB)
    assert roles(sandbox, jid) == {ME: "superadmin", ALICE: None, CAROL: None}
    assert listing(sandbox, store)[jid]["participant_count"] == 3

    assert ok(sandbox, store, "groups", "subject", jid, "Slabs") == ""
    assert admin_group(sandbox, jid)["subject"] == "Slabs"
    assert listing(sandbox, store)[jid]["subject"] == "Slabs"
    chats = ok(sandbox, store, "chats", "--json")
    names = {row["jid"]: row["name"] for row in map(json.loads, chats.splitlines())}
    assert names[jid] == "Slabs"

    assert ok(sandbox, store, "groups", "description", jid, "Bring chalk\nand tape") == ""
    info = json.loads(ok(sandbox, store, "groups", "info", jid, "--json"))
    assert info["description"] == "Bring chalk\nand tape"
    assert "description  Bring chalk\\nand tape" in ok(sandbox, store, "groups", "info", jid)
    ok(sandbox, store, "groups", "description", jid, "Bring chalk")  # replaces (prev)
    info = json.loads(ok(sandbox, store, "groups", "info", jid, "--json"))
    assert info["description"] == "Bring chalk"
    ok(sandbox, store, "groups", "description", jid, "--delete")
    info = json.loads(ok(sandbox, store, "groups", "info", jid, "--json"))
    assert info["description"] is None

    assert ok(sandbox, store, "groups", "leave", jid) == ""
    assert ME not in roles(sandbox, jid)
    assert jid not in listing(sandbox, store)
    # No longer a member: the server refuses the metadata (exit 6, one line).
    code, out, err = wacli(sandbox, store, "groups", "info", jid)
    assert code == ExitCode.REFUSED and out == ""
    assert "403" in err and len(err.strip().splitlines()) == 1


def test_create_with_someone_the_server_cannot_add(sandbox: SandboxProcess, store: Path) -> None:
    code, out, err = wacli(sandbox, store, "groups", "create", "Partly", ALICE, UNKNOWN, "--json")
    assert code == 0, err
    made = json.loads(out)
    assert made["not_added"] == [f"{UNKNOWN}@s.whatsapp.net"]
    assert err.startswith("wacli: ") and UNKNOWN in err  # a warning, on stderr only
    assert roles(sandbox, made["jid"]) == {ME: "superadmin", ALICE: None}
    assert made["subject"] == "Partly" and made["participant_count"] == 2


def test_group_made_by_others_and_not_admin(sandbox: SandboxProcess, store: Path) -> None:
    status, made = sandbox.admin(
        "POST",
        "/groups",
        {"subject": "Alice's", "creator": ALICE, "participants": [ME], "addressing_mode": "pn"},
    )
    assert status in (200, 201), made
    jid = made["jid"]
    row = listing(sandbox, store)[jid]
    assert row["role"] == "member" and row["participant_count"] == 2
    info = json.loads(ok(sandbox, store, "groups", "info", jid, "--json"))
    assert info["addressing_mode"] == "pn" and info["creator"] == f"{ALICE}@s.whatsapp.net"
    assert {p["jid"]: p["role"] for p in info["participants"]} == {
        f"{ALICE}@s.whatsapp.net": "superadmin",
        f"{ME}@s.whatsapp.net": "member",
    }
    # Only admins change participants: the whole request is refused (403), exit 6.
    code, out, err = wacli(sandbox, store, "groups", "add", jid, BOB)
    assert code == ExitCode.REFUSED and out == ""
    assert "403" in err and len(err.strip().splitlines()) == 1
    assert BOB not in roles(sandbox, jid)


def test_usage_errors(sandbox: SandboxProcess, store: Path, tmp_path: Path) -> None:
    for args in (
        ("groups", "info", "not a jid"),
        ("groups", "info", f"{ALICE}@s.whatsapp.net"),
        ("groups", "add", "120363000000000001@g.us", "12"),
        ("groups", "create", "X", "120363000000000001@g.us"),
        ("groups", "subject", "120363000000000001@g.us", " "),
        ("groups", "add", "120363000000000001@g.us"),  # no participant
        ("groups", "description", "120363000000000001@g.us"),  # neither TEXT nor --delete
        ("groups", "description", "120363000000000001@g.us", "x", "--delete"),
        ("groups", "frobnicate"),
    ):
        code, out, err = wacli(sandbox, store, *args)
        assert code == ExitCode.USAGE, (args, err)
        assert out == "" and err.startswith("wacli: ") and "Traceback" not in err
    code, out, err = wacli(sandbox, tmp_path / "unpaired", "groups")
    assert code == ExitCode.NOT_PAIRED and out == "", err
    code, out, err = wacli(sandbox, tmp_path / "unpaired", "groups", "leave", "1203630@g.us")
    assert code == ExitCode.NOT_PAIRED and out == "", err


def test_through_listen(sandbox: SandboxProcess, store: Path) -> None:
    status, made = sandbox.admin(
        "POST", "/groups", {"subject": "Relay", "creator": ME, "participants": [ALICE]}
    )
    assert status in (200, 201), made
    jid = made["jid"]
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    listen.event_of("connected")
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200, stats
    before = stats["logins"]

    assert ok(sandbox, store, "groups", "subject", jid, "Relayed") == ""
    update = listen.event_of("group_info_update")["data"]
    while update["jid"] != jid or update["update"]["type"] != "subject":
        update = listen.event_of("group_info_update")["data"]
    assert update["update"]["subject"] == "Relayed"
    assert admin_group(sandbox, jid)["subject"] == "Relayed"
    ok(sandbox, store, "groups", "description", jid, "Via listen")
    update = listen.event_of("group_info_update")["data"]
    while update["jid"] != jid or update["update"]["type"] != "description":
        update = listen.event_of("group_info_update")["data"]
    assert update["update"]["description"] == "Via listen"

    # A refusal keeps the server's code on the way through the relay.
    code, out, err = wacli(sandbox, store, "groups", "info", "120363000000000000@g.us")
    assert code == ExitCode.REFUSED and out == "" and "404" in err, err
    status, stats = sandbox.admin("GET", "/stats")
    assert stats["logins"] == before  # the commands used listen's connection

    listen.proc.send_signal(signal.SIGTERM)
    listen.rest()
    assert listen.proc.returncode == 0


def test_answers_of_other_servers(sandbox: SandboxProcess, store: Path) -> None:
    """Servers other than ours mark success error="200" and may answer a leave with an
    empty result; whatsmeow and Baileys take both as done, and so does wacli."""
    status, body = sandbox.admin("POST", "/faults", {"group_answers": "explicit"})
    assert status == 200, body
    try:
        jid = json.loads(ok(sandbox, store, "groups", "create", "Elsewhere", ALICE, "--json"))[
            "jid"
        ]
        assert ok(sandbox, store, "groups", "add", jid, BOB).splitlines() == [
            f"{BOB}@s.whatsapp.net  ok"
        ]
        assert roles(sandbox, jid)[BOB] is None
        code, out, err = wacli(sandbox, store, "groups", "add", jid, BOB)  # a real refusal
        assert code == ExitCode.REFUSED and "409" in out, err
        assert ok(sandbox, store, "groups", "leave", jid) == ""
        assert ME not in roles(sandbox, jid)
    finally:
        status, body = sandbox.admin("POST", "/faults", {"group_answers": "plain"})
        assert status == 200, body
