"""Random messages, receipts, acks, presences and chat states: the server never crashes
on them (the connection stays up and answers a ping), whatever the attributes and bodies."""

from __future__ import annotations

import logging
import os
import random

import pytest

from bench.companion import account, iq, logged_in
from bench.local_sandbox import Running
from wacli.binary import Node

pytestmark = pytest.mark.anyio

PHONE = "15550001111"

STANZAS = ["message", "receipt", "ack", "presence", "chatstate"]
CHILD_TAGS = ["participants", "to", "enc", "list", "item", "device-identity", "retry",
              "composing", "paused", "registration", "x"]  # fmt: skip
ATTRS = ["to", "id", "type", "class", "category", "recipient", "participant", "jid", "v",
         "edit", "name"]  # fmt: skip
VALUES = ["", "x", "1", "2", "pkmsg", "msg", "skmsg", "peer", "retry", "read", "sender",
          "subscribe", "available", "unavailable", "message", "receipt", "text",
          "15550001111@s.whatsapp.net", "15550001111:1@s.whatsapp.net",
          "15550002222@s.whatsapp.net", "15550002222:0@s.whatsapp.net",
          "15550002222:7@s.whatsapp.net", "123456789012345@lid", "1-2@g.us",
          "status@broadcast", "s.whatsapp.net", "a:b@c"]  # fmt: skip


def _random_node(rng: random.Random, tag: str, depth: int) -> Node:
    attrs = {name: rng.choice(VALUES) for name in rng.sample(ATTRS, rng.randint(0, 4))}
    roll = rng.random()
    if depth == 0 or roll < 0.35:
        content: list[Node] | bytes | None = os.urandom(rng.choice([0, 1, 3, 33, 80, 200]))
    elif roll < 0.45:
        content = None
    else:
        content = [
            _random_node(rng, rng.choice(CHILD_TAGS), depth - 1) for _ in range(rng.randint(0, 3))
        ]
    return Node(tag, attrs, content)


async def test_random_stanzas_never_break_the_connection(
    sandbox: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="wacli.sandbox")
    await account(sandbox, PHONE)
    await account(sandbox, "15550002222", "Bob")
    session = (await logged_in(sandbox, PHONE)).session
    rng = random.Random(4321)
    for round_ in range(30):
        for _ in range(10):
            stanza = _random_node(rng, rng.choice(STANZAS), 3)
            if rng.random() < 0.9:  # mostly well-addressed, to reach the routing behind
                stanza.attrs["id"] = os.urandom(4).hex()
                stanza.attrs["to"] = rng.choice(VALUES[-9:])
            await session.send(stanza)
        pong = await session.query(iq("w:p", "get", Node("ping")))
        assert pong.attr("type") == "result", round_
    status, stats = await sandbox.admin("GET", "/stats")
    assert status == 200 and stats["messages_in"] > 0 and stats["receipts_in"] > 0
    # No handler failed (a bug is logged as an error; bad input only at info level).
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    await session.close()
