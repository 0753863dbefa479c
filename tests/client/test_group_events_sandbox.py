"""Group changes reach `wacli listen` as events (real sandbox, real CLI): a group made with
us in it and a group we are added to give ``joined_group``; subject and membership
changes give ``group_info_update``; the archive's chat takes the group's subject."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run
from wacli.sandbox.process import SandboxProcess

ME = "15550008001"
ALICE = "15550008002"
BOB = "15550008003"


def admin(sandbox: SandboxProcess, method: str, path: str, body: dict) -> dict:
    status, answer = sandbox.admin(method, path, body)
    assert status in (200, 201), answer
    return answer


def participants(conversation: dict) -> dict[str, str]:
    return {p["user_jid"]: p.get("rank", "REGULAR") for p in conversation["participant"]}


def test_group_changes_become_events(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "store"
    pair(sandbox, store, ME)
    new_account(sandbox, ALICE)
    new_account(sandbox, BOB)
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    listen.event_of("connected")

    made = admin(
        sandbox,
        "POST",
        "/groups",
        {"subject": "Climbing", "creator": ALICE, "participants": [ME], "addressing_mode": "pn"},
    )
    joined = listen.event_of("joined_group")["data"]["conversation"]
    assert joined["id"] == made["jid"]
    assert joined["name"] == "Climbing"
    assert participants(joined) == {
        f"{ALICE}@s.whatsapp.net": "SUPERADMIN",
        f"{ME}@s.whatsapp.net": "REGULAR",
    }

    admin(sandbox, "POST", f"/groups/{made['jid']}/subject", {"by": ALICE, "subject": "Bouldering"})
    line = listen.event_of("group_info_update")["data"]
    assert line["jid"] == made["jid"]
    assert line["update"]["type"] == "subject" and line["update"]["subject"] == "Bouldering"

    admin(
        sandbox,
        "POST",
        f"/groups/{made['jid']}/participants",
        {"by": ALICE, "action": "add", "participants": [BOB]},
    )
    line = listen.event_of("group_info_update")["data"]
    assert line["update"]["type"] == "add"
    assert line["update"]["participants"] == [f"{BOB}@s.whatsapp.net"]

    # A group made without us, that we are added to later: its metadata is fetched.
    later = admin(
        sandbox,
        "POST",
        "/groups",
        {"subject": "Later", "creator": BOB, "participants": [ALICE], "addressing_mode": "pn"},
    )
    admin(
        sandbox,
        "POST",
        f"/groups/{later['jid']}/participants",
        {"by": BOB, "action": "add", "participants": [ME]},
    )
    added = listen.event_of("group_info_update")["data"]
    assert added["jid"] == later["jid"] and added["update"]["type"] == "add"
    joined = listen.event_of("joined_group")["data"]["conversation"]
    assert joined["id"] == later["jid"] and joined["name"] == "Later"
    assert set(participants(joined)) == {
        f"{BOB}@s.whatsapp.net",
        f"{ALICE}@s.whatsapp.net",
        f"{ME}@s.whatsapp.net",
    }

    listen.proc.send_signal(signal.SIGTERM)
    listen.rest()
    code, out, err = run(store, sandbox.url, sandbox.root_key, "chats", "--json")
    assert code == 0, err
    names = {row["jid"]: row["name"] for row in map(json.loads, out.splitlines())}
    assert names[made["jid"]] == "Bouldering" and names[later["jid"]] == "Later"
