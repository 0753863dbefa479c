"""`wacli listen` turns the sandbox's notifications into events, end to end: a contact's
push name (first seen, then changed), about text, picture set and removed, business
verified name, and its device list (a companion linked, unlinked, a hash update). The
contact is driven only through the admin API; every line is checked against the schema."""

from __future__ import annotations

import base64
import signal
from pathlib import Path

import pytest

from tests.client.accounts import Lines, pair
from tests.client.support import Wacli, run
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store

LISTENER = "15550008001"
CONTACT = "15550008002"
CONTACT_JID = f"{CONTACT}@s.whatsapp.net"


@pytest.fixture(scope="module")
def listener(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("notifications") / "listener"
    pair(sandbox, store, LISTENER)
    status, body = sandbox.admin("POST", "/accounts", {"phone": CONTACT, "push_name": "Olga"})
    assert status == 201, body
    return store


def link_companion(sandbox: SandboxProcess, store: Path, phone: str) -> dict:
    """A wacli companion for an existing account, linked by code."""
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--phone", f"+{phone}", "--json")
    code = wacli.event_of("pairing_code")["data"]["code"]
    status, linked = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": code})
    assert status == 200, linked
    exit_code, _, err = wacli.finish()
    assert exit_code == 0, err
    return linked


def profile(sandbox: SandboxProcess, body: dict) -> dict:
    status, answer = sandbox.admin("POST", f"/accounts/{CONTACT}/profile", body)
    assert status == 200, answer
    return answer


def say(sandbox: SandboxProcess, text: str) -> str:
    status, body = sandbox.admin(
        "POST", f"/accounts/{CONTACT}/send", {"to": LISTENER, "text": text}
    )
    assert status == 200, body
    return body["id"]


def test_profile_notifications_and_push_names(sandbox: SandboxProcess, listener: Path) -> None:
    lines = Lines(Wacli(listener, sandbox.url, sandbox.root_key, "listen"))
    lines.next_of("connected")

    first = say(sandbox, "hello")
    update = lines.next_of("push_name_update")["data"]
    assert update["jid"] == CONTACT_JID and update["message"]["id"] == first
    assert update["old_push_name"] is None and update["new_push_name"] == "Olga"
    profile(sandbox, {"push_name": "Olga B."})
    second = say(sandbox, "renamed")
    update = lines.next_of("push_name_update")["data"]
    assert update["message"]["id"] == second and update["message"]["push_name"] == "Olga B."
    assert (update["old_push_name"], update["new_push_name"]) == ("Olga", "Olga B.")
    say(sandbox, "same name")  # no change: the next push-name line is the next change

    profile(sandbox, {"about": "Busy"})
    about = lines.next_of("user_about_update")["data"]
    assert about["jid"] == CONTACT_JID and about["status"] == "Busy"
    assert about["timestamp"] is not None

    profile(sandbox, {"picture": base64.b64encode(b"\xff\xd8 jpeg").decode()})
    picture = lines.next_of("picture_update")["data"]
    assert picture["jid"] == CONTACT_JID and picture["author"] == CONTACT_JID
    assert picture["photo_change"] == {"removed": False, "id": "1"}
    profile(sandbox, {"picture": None})
    picture = lines.next_of("picture_update")["data"]
    assert picture["photo_change"] == {"removed": True, "id": None}

    profile(sandbox, {"business": {"verified_name": "Olga's Shop"}})
    shop = lines.next_of("business_status_update")["data"]
    assert shop["jid"] == CONTACT_JID and shop["update_type"] == "verified_name_jid"
    assert shop["verified_name"] == "Olga's Shop" and shop["target_jid"] == CONTACT_JID
    profile(sandbox, {"business": {"products": ["p-1", "p-2"]}})
    shop = lines.next_of("business_status_update")["data"]
    assert shop["update_type"] == "product" and shop["product_ids"] == ["p-1", "p-2"]

    profile(sandbox, {"push_name": "Olga C."})
    say(sandbox, "last")
    update = lines.next_of("push_name_update")["data"]
    assert (update["old_push_name"], update["new_push_name"]) == ("Olga B.", "Olga C.")
    stop(lines)


def test_device_list_notifications(sandbox: SandboxProcess, listener: Path, tmp_path: Path) -> None:
    say(sandbox, "we are contacts")  # the contact's device changes reach its correspondents
    with Store(listener) as store:  # as if an earlier send had fetched the contact's devices
        store.save_device_list(CONTACT_JID, [(0, 0)])
    lines = Lines(Wacli(listener, sandbox.url, sandbox.root_key, "listen"))
    lines.next_of("connected")

    linked = link_companion(sandbox, tmp_path / "contact-companion", CONTACT)
    added = lines.next_of("device_list_update")["data"]
    assert added["update_type"] == "add" and added["user"] == CONTACT_JID
    assert added["lid_user"] == linked["lid"].replace(":1@", "@")
    assert added["devices"] == [linked["jid"]]
    assert added["key_index"]["valid_indexes"] == [1]
    assert added["key_index"]["timestamp"] > 0
    assert added["contact_hash"].startswith("2:")

    status, _ = sandbox.admin("DELETE", f"/accounts/{CONTACT}/devices/1")
    assert status == 200
    removed = lines.next_of("device_list_update")["data"]
    assert removed["update_type"] == "remove" and removed["devices"] == [linked["jid"]]
    assert removed["key_index"] == {"timestamp": removed["key_index"]["timestamp"]}

    status, body = sandbox.admin("POST", f"/accounts/{CONTACT}/devices/update")
    assert status == 200
    refreshed = lines.next_of("device_list_update")["data"]
    assert refreshed["update_type"] == "update" and refreshed["devices"] == []
    assert refreshed["contact_hash"] == body["hash"] and refreshed["key_index"] is None
    stop(lines)
    with Store(listener) as store:
        assert store.load_device_list(CONTACT_JID) is None  # forgotten: it changed


def test_one_shot_commands_leave_notifications_for_listen(
    sandbox: SandboxProcess, listener: Path
) -> None:
    """A notification queued while no listen runs reaches the next listen, even when a
    `wacli send` logged in before it (the send's login sees it but does not ack it)."""
    say(sandbox, "we are contacts")
    profile(sandbox, {"about": "Queued for listen"})
    code, out, err = run(listener, sandbox.url, sandbox.root_key, "send", f"+{CONTACT}", "hi")
    assert code == 0 and out.strip(), err
    lines = Lines(Wacli(listener, sandbox.url, sandbox.root_key, "listen"))
    about = lines.next_of("user_about_update")["data"]
    assert about["jid"] == CONTACT_JID and about["status"] == "Queued for listen"
    stop(lines)


def stop(lines: Lines) -> list[dict]:
    lines.wacli.proc.send_signal(signal.SIGTERM)
    rest = lines.rest()
    assert lines.wacli.proc.returncode == 0
    return rest
