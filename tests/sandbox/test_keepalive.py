"""The server pings each logged-in device (urn:xmpp:ping); a device that answers stays,
one that leaves three pings in a row unanswered is closed as dead."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from bench.companion import Session, account, logged_in
from bench.local_sandbox import Running, served
from wacli.binary import Node
from wacli.client.errors import ConnectionLost

pytestmark = pytest.mark.anyio

PHONE = "15550001111"


@pytest.fixture
async def pinging_sandbox(tmp_path: Path) -> AsyncIterator[Running]:
    async with served(tmp_path / "state", ping_seconds=0.2) as running:
        yield running


async def pinged_device(sandbox: Running) -> Session:
    await account(sandbox, PHONE)
    return (await logged_in(sandbox, PHONE)).session


def is_ping(node: Node) -> bool:
    return node.tag == "iq" and node.attr("type") == "get" and node.attr("xmlns") == "urn:xmpp:ping"


async def test_a_device_that_answers_stays(pinging_sandbox: Running) -> None:
    session = await pinged_device(pinging_sandbox)
    answered = 0
    with anyio.fail_after(30):
        while answered < 5:
            node = await session.receive()
            if is_ping(node):
                assert str(node.attr("from")) == "s.whatsapp.net" and node.attr("id")
                await session.send(
                    Node("iq", {"to": node.attrs["from"], "id": node.attrs["id"], "type": "result"})
                )
                answered += 1
    status, stats = await pinging_sandbox.admin("GET", "/stats")
    assert status == 200 and stats["logged_in"] == 1 and stats.get("pings_unanswered", 0) == 0
    await session.close()


async def test_a_silent_device_is_closed(pinging_sandbox: Running) -> None:
    session = await pinged_device(pinging_sandbox)
    pings = 0
    with anyio.fail_after(30), pytest.raises(ConnectionLost):
        while True:  # never answered: after three the server hangs up
            pings += is_ping(await session.receive())
    assert pings == 3
    status, stats = await pinging_sandbox.admin("GET", "/stats")
    assert status == 200 and stats["pings_unanswered"] == 3 and stats["logged_in"] == 0


async def test_admin_ping_fault_reports_the_answers(sandbox: Running) -> None:
    session = await pinged_device(sandbox)
    status, body = await sandbox.admin("POST", "/faults", {"ping": PHONE})
    assert status == 200 and body == {"pinged": 1, "answered": 0}  # this session is silent
    await session.close()
