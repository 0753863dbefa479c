"""The pure parts of group sending: the w:g2 answer read into participants (malformed ones
left out, a missing group a RefusedError), the mappings it teaches, our sender key's name
and the distribution message."""

from __future__ import annotations

from pathlib import Path

import pytest

from wacli.binary import Node, decode, encode
from wacli.client.errors import RefusedError
from wacli.client.group_send import (
    _learn_mappings,
    distribution_message,
    parse_group_info,
    sender_key_name,
)
from wacli.jid import parse_jid
from wacli.store import Store

GROUP = parse_jid("120363000000000001@g.us")


def answer(mode: str | None, *participants: dict[str, str]) -> Node:
    attrs = {"id": GROUP.user, "subject": "S"}
    if mode:
        attrs["addressing_mode"] = mode
    group = Node("group", attrs, [Node("participant", p) for p in participants])
    return decode(encode(Node("iq", {"type": "result"}, [group])))


def test_participants_of_a_lid_group(tmp_path: Path) -> None:
    node = answer(
        "lid",
        {"jid": "90000000001@lid", "phone_number": "15550001111@s.whatsapp.net"},
        {"jid": "@@broken"},
        {"jid": "90000000002:4@lid", "type": "admin"},
    )
    info = parse_group_info(node, GROUP)
    assert info.addressing_mode == "lid" and info.jid == GROUP
    assert info.participants == (parse_jid("90000000001@lid"), parse_jid("90000000002@lid"))
    with Store(tmp_path / "s") as store:
        _learn_mappings(store, node)
        assert store.pn_for_lid("90000000001@lid") == "15550001111@s.whatsapp.net"
        assert store.pn_for_lid("90000000002@lid") is None


def test_a_pn_group_and_missing_metadata(tmp_path: Path) -> None:
    node = answer(None, {"jid": "15550001111@s.whatsapp.net", "lid": "90000000001@lid"})
    info = parse_group_info(node, GROUP)
    assert info.addressing_mode == "pn"
    with Store(tmp_path / "s") as store:
        _learn_mappings(store, node)
        assert store.lid_for_pn("15550001111@s.whatsapp.net") == "90000000001@lid"
    with pytest.raises(RefusedError):
        parse_group_info(Node("iq", {"type": "result"}), GROUP)


def test_sender_key_name_and_distribution_message() -> None:
    name = sender_key_name(GROUP, parse_jid("90000000001:3@lid"))
    assert name.group_id == str(GROUP) and str(name.sender) == "90000000001_1.3"
    message = distribution_message(GROUP, b"skdm")
    assert message.sender_key_distribution_message.group_id == str(GROUP)
    assert message.sender_key_distribution_message.axolotl_sender_key_distribution_message == (
        b"skdm"
    )
