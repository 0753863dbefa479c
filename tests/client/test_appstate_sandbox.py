"""App-state sync end to end: the real `wacli listen` against the real sandbox, driven only
through the admin API. The phone's key share arrives after pairing; each admin change
(pin, mute, archive, mark read, contact, push name) becomes one event line, valid
against docs/events.schema.json; the verified state survives a reconnect, and a
later change brings only its own event."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Lines, Wacli, stop
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

ALICE = "15550005001"
BOB = "15550005002"
BOB_JID = f"{BOB}@s.whatsapp.net"
APP_STATE_EVENTS = {
    "pin_update",
    "mute_update",
    "archive_update",
    "mark_chat_as_read_update",
    "contact_update",
    "self_push_name_updated",
}


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("appstate") / "alice"
    pair(sandbox, directory, ALICE)
    status, body = sandbox.admin("POST", "/accounts", {"phone": BOB, "push_name": "Bob"})
    assert status == 201, body
    return directory


def listen(sandbox: SandboxProcess, store: Path) -> Lines:
    return Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))


def change(sandbox: SandboxProcess, body: dict) -> dict:
    status, answer = sandbox.admin("POST", f"/accounts/{ALICE}/app-state", body)
    assert status == 200, answer
    return answer


def test_admin_changes_become_events_and_survive_a_reconnect(
    sandbox: SandboxProcess, store: Path
) -> None:
    wacli = listen(sandbox, store)
    wacli.next_of("connected")
    change(sandbox, {"chat": BOB_JID, "pin": True, "timestamp": 1_700_000_000_000})
    line = wacli.next_of("pin_update")
    assert line["data"] == {
        "jid": BOB_JID,
        "timestamp": "2023-11-14T22:13:20Z",
        "action": {"pinned": True},
        "from_full_sync": True,  # the collection's first fetch, from version 0
    }
    change(sandbox, {"chat": BOB_JID, "mute_until": 2_000_000_000})
    line = wacli.next_of("mute_update")
    assert line["data"]["jid"] == BOB_JID
    assert line["data"]["action"] == {"muted": True, "mute_end_timestamp": "2000000000000"}
    change(sandbox, {"chat": BOB_JID, "archive": True})
    line = wacli.next_of("archive_update")
    assert line["data"]["action"]["archived"] is True
    assert line["data"]["from_full_sync"] is False  # regular_low had version 1 already
    change(sandbox, {"chat": BOB_JID, "read": False})
    line = wacli.next_of("mark_chat_as_read_update")
    assert line["data"]["action"]["read"] is False
    change(sandbox, {"chat": BOB_JID, "contact": {"full_name": "Bob Builder", "first_name": "Bob"}})
    line = wacli.next_of("contact_update")
    assert line["data"]["action"]["full_name"] == "Bob Builder"
    change(sandbox, {"push_name": "Alice A."})
    line = wacli.next_of("self_push_name_updated")
    # the name the login's <success display_name> gave this code-linked store, replaced
    assert line["data"] == {"from_server": True, "old_name": "Tester", "new_name": "Alice A."}
    stop(wacli)

    with Store(store) as opened:
        chat = Archive(opened).chat(BOB_JID)
        contact = Archive(opened).contact(BOB_JID)
        account = opened.load_account()
        versions = {n: opened.load_collection(n) for n in ("regular_low", "regular_high")}
    assert chat is not None and chat.archived and chat.pinned_at == 1_700_000_000
    assert chat.muted_until == 2_000_000_000
    assert contact is not None and contact.full_name == "Bob Builder"
    assert account is not None and account.push_name == "Alice A."
    status, shown = sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200
    for name, state in versions.items():  # our verified LTHash is the phone's
        assert state is not None and state.version == shown[name]["version"]
        assert state.hash.hex() == shown[name]["hash"]

    # Reconnect: nothing is replayed; the next change gives exactly its own event.
    wacli = listen(sandbox, store)
    wacli.next_of("connected")
    change(sandbox, {"chat": BOB_JID, "pin": False})
    seen = [wacli.next()]
    while seen[-1]["type"] != "pin_update":
        seen.append(wacli.next())
    seen += stop(wacli)
    updates = [line for line in seen if line["type"] in APP_STATE_EVENTS]
    assert [u["type"] for u in updates] == ["pin_update"]
    assert updates[0]["data"]["action"] == {"pinned": False}
    assert updates[0]["data"]["from_full_sync"] is False


def test_changes_made_while_offline_arrive_on_connect(sandbox: SandboxProcess, store: Path) -> None:
    change(sandbox, {"chat": BOB_JID, "mute_until": 0})
    change(sandbox, {"chat": BOB_JID, "archive": False})
    wacli = listen(sandbox, store)
    mute = wacli.next_of("mute_update")
    assert mute["data"]["action"] == {"muted": False}
    archive = wacli.next_of("archive_update")
    assert archive["data"]["action"]["archived"] is False
    stop(wacli)
