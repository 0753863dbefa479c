"""Disappearing messages through the real sandbox: `wacli chat disappearing` sets a 1:1
chat's timer with a message (EPHEMERAL_SETTING, what the phone decrypts) and a group's
at the server (``<ephemeral expiration/>``, which members hear of as a w:gp2
notification, as Baileys' groupToggleEphemeral expects); from then on what wacli sends
there carries ``contextInfo.expiration``; a contact's own change reaches `wacli listen`
as a message with ``details.disappearing_seconds`` and is honoured too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener, phone_received, phone_sends
from tests.client.support import new_account, run, valid
from wacli.sandbox.process import SandboxProcess

ME, BOB = "15550007321", "15550007322"
WEEK, DAY, QUARTER = 604_800, 86_400, 7_776_000


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("disappearing") / "me"
    pair(sandbox, path, ME)
    new_account(sandbox, BOB, "Bob")
    return path


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    assert code == 0, err
    return out.decode().strip()


def bobs_copy(sandbox: SandboxProcess, message_id: str) -> dict:
    return phone_received(sandbox, BOB, message_id)["message"]


def test_our_timer_in_a_chat(sandbox: SandboxProcess, store: Path) -> None:
    done = json.loads(wacli(sandbox, store, "chat", "disappearing", BOB, "7d", "--json"))
    assert (done["action"], done["seconds"]) == ("disappearing", WEEK)
    setting = phone_received(sandbox, BOB, done["id"])["message"]["ephemeralMessage"]
    protocol = setting["message"]["protocolMessage"]
    assert protocol == {"type": "EPHEMERAL_SETTING", "ephemeralExpiration": WEEK}
    sent = bobs_copy(sandbox, wacli(sandbox, store, "send", BOB, "gone in a week"))
    assert sent["extendedTextMessage"] == {
        "text": "gone in a week",
        "contextInfo": {"expiration": WEEK},
    }
    line = wacli(sandbox, store, "chat", "disappearing", BOB, "off")
    assert line == f"disappearing messages off in {BOB}@s.whatsapp.net"
    assert bobs_copy(sandbox, wacli(sandbox, store, "send", BOB, "kept")) == {
        "conversation": "kept"
    }


def test_bobs_timer_reaches_listen_and_is_honoured(sandbox: SandboxProcess, store: Path) -> None:
    change = {
        "ephemeralMessage": {
            "message": {
                "protocolMessage": {"type": "EPHEMERAL_SETTING", "ephemeralExpiration": DAY}
            }
        }
    }
    listener = Listener(sandbox, store)
    try:
        shown = listener.message(phone_sends(sandbox, BOB, ME, change))
        assert (shown["kind"], shown["details"]) == ("protocol", {"disappearing_seconds": DAY})
        sent = bobs_copy(sandbox, wacli(sandbox, store, "send", BOB, "a day"))
    finally:
        listener.close()
    assert sent["extendedTextMessage"]["contextInfo"] == {"expiration": DAY}


def test_a_groups_timer(sandbox: SandboxProcess, store: Path) -> None:
    body = {"subject": "Crew", "creator": BOB, "participants": [ME], "addressing_mode": "pn"}
    status, created = sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    group = created["jid"]
    listener = Listener(sandbox, store)
    try:
        done = json.loads(wacli(sandbox, store, "chat", "disappearing", group, "90d", "--json"))
        assert (done["seconds"], done["id"]) == (QUARTER, None)
        update = valid(listener.lines.next_of("group_info_update"))["data"]
        while update["update"]["type"] != "ephemeral":
            update = valid(listener.lines.next_of("group_info_update"))["data"]
        assert update["jid"] == group and update["update"]["expiration"] == QUARTER
        sent = wacli(sandbox, store, "send", group, "crew only, for a while")
    finally:
        listener.close()
    got = bobs_copy(sandbox, sent)
    assert got["extendedTextMessage"]["contextInfo"] == {"expiration": QUARTER}
    info = json.loads(wacli(sandbox, store, "groups", "info", group, "--json"))
    assert info["disappearing_seconds"] == QUARTER
    assert "disappearing  90d" in wacli(sandbox, store, "groups", "info", group).splitlines()
    wacli(sandbox, store, "chat", "disappearing", group, "off")
    assert "disappearing  off" in wacli(sandbox, store, "groups", "info", group).splitlines()
