"""A group's description over real sockets (w:g2 ``<description>``, as Baileys
groupUpdateDescription sends it): set, replaced with ``prev``, a stale ``prev`` refused
(409), deleted; the metadata carries it and members hear of each change (w:gp2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.companion import account, linked_companion
from bench.local_sandbox import Running
from tests.sandbox.support import g2, group_notification
from wacli.binary import Node

pytestmark = pytest.mark.anyio

ALICE, BOB = "15550005111", "15550005222"


def change(id: str, text: str | None, prev: str | None = None) -> Node:
    attrs = {"id": id, "prev": prev}
    if text is None:
        return Node("description", {**attrs, "delete": "true"})
    return Node("description", attrs, [Node("body", {}, text.encode())])


async def test_description_set_replace_delete(sandbox: Running, tmp_path: Path) -> None:
    alice = await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    body = {"subject": "Club", "creator": BOB, "participants": [ALICE]}
    status, created = await sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    jid = created["jid"]
    await group_notification(a1, "create")

    async def described() -> Node | None:
        query = g2("get", jid, Node("query", {"request": "interactive"}))
        return (await a1.session.query(query)).require_child("group").child("description")

    assert await described() is None
    reply = await a1.session.query(g2("set", jid, change("D1", "Tuesdays at 7")))
    assert reply.attr("type") == "result", reply
    heard = (await group_notification(a1, "description")).children[0]
    assert heard.attr("id") == "D1" and heard.require_child("body").content == b"Tuesdays at 7"
    now = await described()
    assert now is not None and now.attr("id") == "D1"
    assert now.attr("participant") == alice["lid"]  # who set it, as the lid group names us
    assert now.require_child("body").content == b"Tuesdays at 7"

    stale = await a1.session.query(g2("set", jid, change("D3", "late", prev="D0")))
    assert stale.require_child("error").attr("code") == "409"
    reply = await a1.session.query(g2("set", jid, change("D2", "Wednesdays", prev="D1")))
    assert reply.attr("type") == "result", reply
    heard = (await group_notification(a1, "description")).children[0]
    assert heard.attr("prev") == "D1" and heard.require_child("body").content == b"Wednesdays"

    for bad in (
        Node("description", {"id": "D9"}),  # neither a body nor delete
        Node("description", {"id": "D9", "delete": "true"}, [Node("body", {}, b"x")]),
        change("D9", ""),
        change("D9", "x" * 2049),
        change("", "no id"),
    ):
        refused = await a1.session.query(g2("set", jid, bad))
        assert refused.require_child("error").attr("code") == "400", bad

    reply = await a1.session.query(g2("set", jid, change("D4", None, prev="D2")))
    assert reply.attr("type") == "result", reply
    heard = (await group_notification(a1, "description")).children[0]
    assert heard.attr("delete") == "true" and heard.child("body") is None
    assert await described() is None

    # Outside the group: 403; an unknown group: 404.
    status, other = await sandbox.admin(
        "POST", "/groups", {"subject": "Not ours", "creator": BOB, "participants": []}
    )
    assert status == 201, other
    refused = await a1.session.query(g2("set", other["jid"], change("D5", "x")))
    assert refused.require_child("error").attr("code") == "403"
    missing = await a1.session.query(g2("set", "120363000000000000@g.us", change("D6", "x")))
    assert missing.require_child("error").attr("code") == "404"
    await a1.session.close()


def test_a_description_survives_a_restart(tmp_path: Path) -> None:
    from wacli.sandbox.state import Description, SandboxState

    jid = "120363000000000042@g.us"
    with SandboxState(tmp_path / "state") as state:
        state.set_description(jid, Description("D1", "rules", ALICE, 1_795_600_000))
    with SandboxState(tmp_path / "state") as state:
        assert state.description(jid) == Description("D1", "rules", ALICE, 1_795_600_000)
        state.set_description(jid, None)
        assert state.description(jid) is None
