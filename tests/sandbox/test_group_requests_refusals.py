"""Malformed join-request answers over real sockets: a w:g2 ``<membership_requests_action>``
without an ``<approve>`` or ``<reject>`` is a bad request (400), not a sandbox failure
(500), and the pending requests stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.local_sandbox import Running
from tests.sandbox.support import g2, with_companion
from wacli.binary import Node
from wacli.protocol import group_invites as gi

pytestmark = pytest.mark.anyio

ALICE, BOB = "15550005311", "15550005322"


async def test_an_action_without_approve_or_reject_is_a_bad_request(
    sandbox: Running, tmp_path: Path
) -> None:
    _, admin = await with_companion(sandbox, tmp_path, ALICE, {ALICE: "Alice", BOB: "Bob"})
    body = {"subject": "Door", "creator": ALICE, "participants": [BOB]}
    status, created = await sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    for action in (Node(gi.REQUESTS_ACTION), Node(gi.REQUESTS_ACTION, {}, [Node("ignore")])):
        reply = await admin.session.query(g2("set", created["jid"], action))
        assert reply.attr("type") == "error", reply
        assert reply.require_child("error").attr("code") == "400"
    listed = await admin.session.query(g2("get", created["jid"], Node(gi.REQUESTS)))
    assert listed.require_child(gi.REQUESTS).children == []
