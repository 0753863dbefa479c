"""The stanza recorder (wacli.sandbox.recorder): shapes, phases and its admin routes.
What it keeps of real clients is checked by tests/interop/test_stanza_census.py."""

from __future__ import annotations

import pytest

from bench.local_sandbox import Running
from wacli.binary import Node
from wacli.jid import parse_jid
from wacli.sandbox.recorder import Recorder, shape


def test_shapes_keep_the_protocol_and_abstract_the_rest() -> None:
    node = Node(
        "message",
        {"id": "3EB0AB", "to": parse_jid("15550001111@s.whatsapp.net"), "type": "text"},
        [
            Node(
                "participants",
                {},
                [
                    Node(
                        "to",
                        {"jid": parse_jid("123456789012345:3@lid")},
                        [Node("enc", {"type": "pkmsg", "v": "2"}, b"\x01" * 40)],
                    ),
                    Node(
                        "to",
                        {"jid": parse_jid("123456789012346:4@lid")},
                        [Node("enc", {"type": "pkmsg", "v": "2"}, b"\x02" * 90)],
                    ),
                ],
            ),
            Node("tctoken", {}, b"\x00" * 32),
        ],
    )
    assert shape(node) == (
        "<message id=id to=pn type=text><participants>"
        "<to jid=lid:dev><enc type=pkmsg v=2>bytes</enc></to>*</participants>"
        "<tctoken>bytes</tctoken></message>"
    )
    iq = Node(
        "iq",
        {"id": "1", "to": parse_jid("s.whatsapp.net"), "type": "get", "xmlns": "abt"},
        [Node("props", {"protocol": "1", "hash": "abc", "skip": None})],
    )
    assert shape(iq) == "<iq id=id to=server type=get xmlns=abt><props hash=text protocol=1/></iq>"
    group = Node("receipt", {"to": "120363000000000001@g.us", "t": "1700000000"})
    assert shape(group) == "<receipt t=int to=group/>"


def test_nothing_is_kept_outside_a_phase() -> None:
    recorder = Recorder()
    recorder.record(("15550001111", 1), Node("ping"))
    assert recorder.describe() == {"phase": None, "accounts": {}}
    recorder.phase = "login"
    recorder.record(("15550001111", 1), Node("ping"))
    recorder.phase = "send"
    recorder.record(("15550001111", 1), Node("ping"))
    recorder.record(("15550001111", 1), Node("pong"))
    assert recorder.describe()["accounts"] == {
        "15550001111": {"1": {"login": ["<ping/>"], "send": ["<ping/>", "<pong/>"]}}
    }


@pytest.mark.anyio
async def test_the_admin_routes(sandbox: Running) -> None:
    assert await sandbox.admin("GET", "/record") == (200, {"phase": None, "accounts": {}})
    assert await sandbox.admin("POST", "/record", {"phase": "login"}) == (
        200,
        {"phase": "login", "accounts": {}},
    )
    status, body = await sandbox.admin("POST", "/record", {"phase": None, "clear": True})
    assert status == 200 and body["phase"] is None
    for bad in ({"phase": 3}, {"phase": ""}, {"other": 1}, {"phase": "x", "clear": "yes"}, [1]):
        status, body = await sandbox.admin("POST", "/record", bad)
        assert status == 400 and body["error"]
