"""Random IQ bodies for every namespace the server handles: each gets an answer, result or
error, and the connection stays up (bad input never crashes or hangs a handler)."""

from __future__ import annotations

import os
import random

import pytest

from bench.companion import account, iq, logged_in
from bench.local_sandbox import Running
from wacli.binary import Node

pytestmark = pytest.mark.anyio

PHONE = "15550001111"

ROUTES = [
    ("w:p", "get", "ping"),
    ("passive", "set", "active"),
    ("md", "set", "link_code_companion_reg"),
    ("md", "set", "remove-companion-device"),
    ("encrypt", "set", "registration"),
    ("encrypt", "set", "rotate"),
    ("encrypt", "get", "count"),
    ("encrypt", "get", "digest"),
    ("encrypt", "get", "key"),
    ("usync", "get", "usync"),
    ("abt", "get", "props"),
    ("blocklist", "get", "item"),
    ("privacy", "get", "privacy"),
]
TAGS = [
    "registration", "identity", "list", "key", "skey", "id", "value", "signature", "user",
    "query", "devices", "lid", "contact", "rotate", "stage", "link_code_pairing_ref",
    "link_code_pairing_wrapped_companion_ephemeral_pub", "companion_identity_public",
    "link_code_pairing_wrapped_key_bundle", "type", "x",
]  # fmt: skip
ATTR_VALUES = ["", "x", "1", "15550001111@s.whatsapp.net", "a:b@c", "companion_hello",
               "companion_finish", "123@lid", "99999999999999999999"]  # fmt: skip


def _random_node(rng: random.Random, tag: str, depth: int) -> Node:
    attrs = {
        name: rng.choice(ATTR_VALUES)
        for name in rng.sample(["jid", "stage", "version", "value"], rng.randint(0, 2))
    }
    roll = rng.random()
    if depth == 0 or roll < 0.35:
        content: list[Node] | bytes | None = os.urandom(rng.choice([0, 1, 2, 3, 4, 32, 64, 80]))
    elif roll < 0.45:
        content = None
    else:
        content = [_random_node(rng, rng.choice(TAGS), depth - 1) for _ in range(rng.randint(0, 4))]
    return Node(tag, attrs, content)


async def test_random_iqs_always_get_an_answer(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    online = await logged_in(sandbox, PHONE)
    session, companion = online.session, online.companion
    rng = random.Random(1234)
    answers = {"result": 0, "error": 0}
    for _ in range(300):
        xmlns, kind, first = rng.choice(ROUTES)
        body = _random_node(rng, first, 3)
        if first == "remove-companion-device" and body.attrs.get("jid") == companion.jid:
            continue  # a valid self-removal ends the session, which is tested elsewhere
        reply = await session.query(iq(xmlns, kind, body))
        assert reply.attr("type") in answers
        if reply.attr("type") == "error":  # a 500 would be a handler's bug, not the input's
            assert reply.require_child("error").attr("code") != "500", (body, reply)
        answers[reply.attr("type") or ""] += 1
    assert answers["error"] > 0 and answers["result"] > 0
    pong = await session.query(iq("w:p", "get", Node("ping")))
    assert pong.attr("type") == "result"
    await session.close()
