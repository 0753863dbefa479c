"""Invite links between wacli and an unmodified Baileys 7: wacli's link (`wacli groups
invite-link`) is previewed by Baileys (groupGetInviteInfo) and joins it
(groupAcceptInvite), and Baileys' metadata shows the settings `wacli groups set` chose;
Baileys' own link (groupInviteCode, approval on with groupJoinApprovalMode) is previewed
with `wacli groups preview`, `wacli groups join` becomes a request Baileys lists
(groupRequestParticipantsList) and approves (groupRequestParticipantsUpdate). The
sandbox answers each w:g2 request as Baileys reads it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.client.support import run
from tests.interop.baileys import Baileys
from tests.interop.client_baileys_support import (  # noqa: F401 (fixtures)
    BAILEYS_PHONE,
    WACLI_PHONE,
    peers,
    sandbox,
)
from wacli.sandbox.process import SandboxProcess

CAROL = "15550007303"


def groups(sandbox: SandboxProcess, store: Path, *args: str) -> dict:  # noqa: F811
    code, out, err = run(store, sandbox.url, sandbox.root_key, "groups", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def members(sandbox: SandboxProcess, group: str) -> set[str]:  # noqa: F811
    status, shown = sandbox.admin("GET", f"/groups/{group}")
    assert status == 200, shown
    return {p["phone"] for p in shown["participants"]}


def test_invite_links_both_ways(
    sandbox: SandboxProcess,  # noqa: F811
    peers: tuple[Baileys, dict, Path, dict],  # noqa: F811
) -> None:
    baileys, _, store, _ = peers
    status, _ = sandbox.admin("POST", "/accounts", {"phone": CAROL, "push_name": "Carol"})
    assert status == 201

    ours = groups(sandbox, store, "create", "Made by wacli", CAROL)["jid"]
    link = groups(sandbox, store, "invite-link", ours)
    seen = baileys.call("group_invite_info", code=link["code"])["metadata"]
    assert (seen["id"], seen["subject"]) == (ours, "Made by wacli")
    assert baileys.call("group_accept_invite", code=link["code"])["jid"] == ours
    assert BAILEYS_PHONE in members(sandbox, ours)
    for setting in ("locked", "announce"):
        code, _, err = run(
            store, sandbox.url, sandbox.root_key, "groups", "set", ours, setting, "on"
        )
        assert code == 0, err
    seen = baileys.call("group_metadata", jid=ours)["metadata"]
    assert (seen["restrict"], seen["announce"], seen["joinApprovalMode"]) == (True, True, False)

    theirs = baileys.call("group_create", subject="Made by Baileys", participants=[])
    group = theirs["metadata"]["id"]
    code = baileys.call("group_invite_code", jid=group)["code"]
    baileys.call("group_join_approval_mode", jid=group, mode="on")
    shown = groups(sandbox, store, "preview", f"https://chat.whatsapp.com/{code}")
    assert (shown["jid"], shown["subject"]) == (group, "Made by Baileys")
    assert shown["settings"]["approval"] is True
    assert groups(sandbox, store, "join", code) == {"jid": group, "pending": True}
    [asked] = baileys.call("group_request_list", jid=group)["requests"]
    assert asked["jid"] == f"{WACLI_PHONE}@s.whatsapp.net"
    update = {"jid": group, "participants": [asked["jid"]], "action": "approve"}
    [result] = baileys.call("group_request_update", **update)["results"]
    assert result["status"] == "200"
    assert WACLI_PHONE in members(sandbox, group)
