"""`wacli groups invite-link|preview|join|set|requests|approve|reject|sub-groups|link|unlink`
on the real CLI against the real sandbox: an admin's link lets another account see the
group and join it; a revoked link stops working; settings show in the preview and in
`groups info`, and bind (a locked group's subject and an announcement group's messages
are the admins'); with approval on, a join is a request the admin lists and approves,
and the admin's listen hears of it; an admin links a group to a community, whose
members list it and hear of the link. Where the anchors do not show the server's
answer, the sandbox answers as whatsmeow and Baileys expect (401 for a member who is no
admin, 410 for a revoked code, 406 for an unknown one; the admins hear of a join request
in the w:gp2 shape Baileys reads)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener
from tests.client.support import new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ALICE, BOB, CAROL, DAVE = "15550007201", "15550007202", "15550007203", "15550007204"
NO_SETTINGS = {"announce": False, "locked": False, "approval": False}


@pytest.fixture(scope="module")
def stores(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("invites")
    for phone in (ALICE, BOB, DAVE):
        pair(sandbox, root / phone, phone)
    new_account(sandbox, CAROL)
    return {"alice": root / ALICE, "bob": root / BOB, "dave": root / DAVE}


def groups(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "groups", *args)
    return code, out.decode(), err


def rows(sandbox: SandboxProcess, store: Path, *args: str) -> list[dict]:
    code, out, err = groups(sandbox, store, *args, "--json")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_invite_link_preview_join_and_revoke(
    sandbox: SandboxProcess, stores: dict[str, Path]
) -> None:
    alice, bob = stores["alice"], stores["bob"]
    group = rows(sandbox, alice, "create", "Club", CAROL)[0]["jid"]
    [made] = rows(sandbox, alice, "invite-link", group)
    assert made["jid"] == group and made["link"] == f"https://chat.whatsapp.com/{made['code']}"
    code, out, _ = groups(sandbox, alice, "invite-link", group)
    assert (code, out) == (0, made["link"] + "\n")  # the same link until revoked

    [shown] = rows(sandbox, bob, "preview", made["link"])
    assert (shown["jid"], shown["subject"]) == (group, "Club")
    assert shown["settings"] == NO_SETTINGS and shown["participant_count"] == 2
    assert rows(sandbox, bob, "join", made["code"]) == [{"jid": group, "pending": False}]
    assert rows(sandbox, bob, "info", group)[0]["participant_count"] == 3
    code, _, err = groups(sandbox, bob, "join", made["code"])
    assert code == ExitCode.REFUSED and len(err.splitlines()) == 1  # already in it
    code, _, err = groups(sandbox, bob, "invite-link", group)
    assert code == ExitCode.REFUSED and "admin" in err

    [renewed] = rows(sandbox, alice, "invite-link", group, "--revoke")
    assert renewed["code"] != made["code"]
    code, out, err = groups(sandbox, stores["dave"], "preview", made["link"])
    assert code == ExitCode.REFUSED and out == "" and "revoked" in err
    code, _, err = groups(sandbox, stores["dave"], "join", "A" * 22)
    assert code == ExitCode.REFUSED and "no group has this invite link" in err
    for bad in ("https://example.com/x", "short"):
        code, out, err = groups(sandbox, bob, "join", bad)
        assert code == ExitCode.USAGE and out == "" and "invite" in err


def test_settings_and_join_requests(sandbox: SandboxProcess, stores: dict[str, Path]) -> None:
    alice, bob, dave = stores["alice"], stores["bob"], stores["dave"]
    group = rows(sandbox, alice, "create", "Guarded", BOB)[0]["jid"]
    for setting in ("locked", "approval", "announce"):
        code, out, err = groups(sandbox, alice, "set", group, setting, "on")
        assert (code, out) == (0, ""), err
    code, _, err = groups(sandbox, bob, "subject", group, "Taken over")
    assert code == ExitCode.REFUSED, err  # locked: only admins edit the info
    code, _, err = run(bob, sandbox.url, sandbox.root_key, "send", group, "may I?")
    assert code == ExitCode.REFUSED, err  # announce: only admins send
    code, _, err = groups(sandbox, bob, "set", group, "locked", "off")
    assert code == ExitCode.REFUSED, err
    code, _, err = groups(sandbox, alice, "set", group, "muted", "on")
    assert code == ExitCode.USAGE, err
    code, _, _ = groups(sandbox, alice, "set", group, "announce", "off")
    assert code == 0

    link = rows(sandbox, alice, "invite-link", group)[0]["link"]
    [shown] = rows(sandbox, dave, "preview", link)
    assert shown["settings"] == {"announce": False, "locked": True, "approval": True}
    assert rows(sandbox, alice, "info", group)[0]["settings"] == shown["settings"]
    code, out, _ = groups(sandbox, alice, "info", group)
    assert "settings  locked, approval" in out.splitlines()
    admin = Listener(sandbox, alice)
    assert rows(sandbox, dave, "join", link) == [{"jid": group, "pending": True}]
    while (seen := admin.lines.next_of("group_info_update")["data"])["jid"] != group:
        pass
    asked_by = seen["update"]
    assert asked_by["type"] == "created_membership_requests"
    assert asked_by["request_method"] == "invite_link" and asked_by["participant"]["jid"]
    admin.close()
    [asked] = rows(sandbox, alice, "requests", group)
    assert asked["jid"] == f"{DAVE}@s.whatsapp.net" and asked["requested_at"]
    code, out, _ = groups(sandbox, alice, "reject", group, CAROL)
    assert code == ExitCode.REFUSED and "error 404" in out  # CAROL never asked
    [approved] = rows(sandbox, alice, "approve", group, DAVE)
    assert approved["ok"] is True
    assert rows(sandbox, alice, "requests", group) == []
    roles = {
        p["phone_jid"] or p["jid"]: p["role"]
        for p in rows(sandbox, dave, "info", group)[0]["participants"]
    }
    assert roles.get(f"{DAVE}@s.whatsapp.net") == "member"


def test_a_communitys_linked_groups(sandbox: SandboxProcess, stores: dict[str, Path]) -> None:
    alice, bob = stores["alice"], stores["bob"]
    body = {"subject": "Town", "creator": ALICE, "participants": [BOB], "community": True}
    status, made = sandbox.admin("POST", "/groups", body)
    assert status == 201, made
    community = made["jid"]
    group = rows(sandbox, alice, "create", "Town news", BOB)[0]["jid"]
    assert rows(sandbox, alice, "sub-groups", community) == []
    member = Listener(sandbox, bob)
    code, out, err = groups(sandbox, alice, "link", community, group)
    assert (code, out) == (0, ""), err
    while (seen := member.lines.next_of("group_info_update")["data"])["jid"] != community:
        pass
    assert seen["update"]["type"] == "link" and seen["update"]["group"]["jid"] == group
    member.close()
    assert rows(sandbox, bob, "sub-groups", community) == [
        {"jid": group, "subject": "Town news", "size": 2}
    ]
    code, _, err = groups(sandbox, bob, "unlink", community, group)
    assert code == ExitCode.REFUSED and "admin" in err
    code, _, err = groups(sandbox, alice, "sub-groups", group)  # no community
    assert code == ExitCode.REFUSED, err
    code, out, err = groups(sandbox, alice, "unlink", community, group)
    assert (code, out) == (0, ""), err
    assert rows(sandbox, alice, "sub-groups", community) == []
