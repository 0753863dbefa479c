"""`wacli chats` and `wacli contacts` run as programs on a store filled through the archive API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson

from wacli.cli.exit_codes import ExitCode
from wacli.store import Store
from wacli.store.archive import Archive

ALICE = "15551234567@s.whatsapp.net"
BOB = "15557654321@s.whatsapp.net"
GROUP = "120363000000000001@g.us"
T0 = 1_795_600_000  # 2026-11-25T09:46:40Z


def run(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wacli", "--store", str(store), *args],
        capture_output=True,
        text=True,
    )


def rows(result: subprocess.CompletedProcess[str]) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [orjson.loads(line) for line in result.stdout.splitlines()]


def test_without_a_store_both_say_so_and_exit_3(tmp_path: Path) -> None:
    for command in ("chats", "contacts"):
        result = run(tmp_path / "none", command)
        assert result.returncode == ExitCode.NOT_PAIRED
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "run wacli pair" in result.stderr
    assert not (tmp_path / "none").exists()


def test_chats_pinned_first_then_recent(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        archive = Archive(store)
        archive.upsert_chat(ALICE, last_message_at=T0 + 10, name="Alice", muted_until=-1)
        archive.upsert_chat(BOB, last_message_at=T0 + 20, archived=True)
        archive.upsert_chat(GROUP, last_message_at=T0, name="Team\nNews", pinned_at=T0 - 5)
    found = rows(run(tmp_path, "chats", "--json"))
    assert [row["jid"] for row in found] == [GROUP, BOB, ALICE]
    assert found[0] == {
        "jid": GROUP,
        "name": "Team\nNews",
        "last_message_at": "2026-11-25T09:46:40Z",
        "unread_count": 0,
        "archived": False,
        "pinned_at": "2026-11-25T09:46:35Z",
        "muted_until": None,
    }
    assert found[1]["archived"] is True
    assert found[2]["muted_until"] == "forever"
    assert [row["jid"] for row in rows(run(tmp_path, "chats", "--json", "--limit", "1"))] == [GROUP]

    plain = run(tmp_path, "chats").stdout.splitlines()
    assert plain[0] == f"2026-11-25T09:46:40Z  {GROUP}  Team\\nNews  [pinned]"
    assert plain[1].endswith(f"{BOB}  [archived]")
    assert plain[2] == f"2026-11-25T09:46:50Z  {ALICE}  Alice  [muted]"


def test_contacts(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        archive = Archive(store)
        archive.upsert_contact(BOB, push_name="Bobby", lid="99887766@lid", updated_at=T0)
        archive.upsert_contact(ALICE, full_name="Alice Liddell", push_name="al", updated_at=T0)
    found = rows(run(tmp_path, "contacts", "--json"))
    assert [row["jid"] for row in found] == [ALICE, BOB]
    assert found[1] == {
        "jid": BOB,
        "lid": "99887766@lid",
        "phone_jid": None,
        "push_name": "Bobby",
        "full_name": None,
        "first_name": None,
        "business_name": None,
    }
    plain = run(tmp_path, "contacts").stdout.splitlines()
    assert plain == [f"{ALICE}  Alice Liddell", f"{BOB}  Bobby"]


def test_usage_error_is_one_line(tmp_path: Path) -> None:
    result = run(tmp_path, "chats", "--limit", "0")
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.count("\n") == 1
