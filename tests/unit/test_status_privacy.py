"""The status privacy answer (wacli.protocol.status_privacy, whatsmeow GetStatusPrivacy):
which of the address book a status goes to under each kind of list."""

from __future__ import annotations

from wacli.binary import Node
from wacli.jid import parse_jid
from wacli.protocol.status_privacy import (
    CONTACTS,
    StatusPrivacy,
    parse_status_privacy,
    status_privacy_answer,
)

A, B, C = (parse_jid(f"1555000900{n}@s.whatsapp.net") for n in (1, 2, 3))
BOOK = [A, B]


def answer(privacy: StatusPrivacy) -> Node:
    return Node("iq", {"type": "result"}, [status_privacy_answer(privacy)])


def test_each_kind_of_list_chooses_its_audience() -> None:
    assert parse_status_privacy(answer(CONTACTS)).audience(BOOK) == [A, B]
    assert parse_status_privacy(answer(StatusPrivacy("blacklist", (B,)))).audience(BOOK) == [A]
    assert parse_status_privacy(answer(StatusPrivacy("whitelist", (C,)))).audience(BOOK) == [C]


def test_the_default_list_applies_and_an_unknown_answer_means_contacts() -> None:
    lists = [
        Node("list", {"type": "whitelist"}, [Node("user", {"jid": C})]),
        Node("list", {"type": "blacklist", "default": "true"}, [Node("user", {"jid": A})]),
    ]
    chosen = parse_status_privacy(Node("iq", {}, [Node("privacy", {}, lists)]))
    assert chosen == StatusPrivacy("blacklist", (A,))
    assert (
        parse_status_privacy(Node("iq", {}, [Node("privacy", {}, [Node("list", {"type": "x"})])]))
        == CONTACTS
    )
