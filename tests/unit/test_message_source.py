"""wacli.protocol.message_source: who sent a stanza to which chat, for messages, receipts,
retry receipts and chat states, 1:1 and in groups, under phone numbers and LIDs."""

from __future__ import annotations

import pytest

from wacli.binary import Attrs, Node, NodeError
from wacli.jid import parse_jid
from wacli.protocol.message_source import (
    StanzaSource,
    direct_source,
    group_source,
    is_own,
    parse_source,
)

OWN = parse_jid("15550009999:2@s.whatsapp.net")
OWN_LID = parse_jid("999000111:2@lid")
BOB = "15550001234@s.whatsapp.net"
BOB_LID = "777000111@lid"
GROUP = "120363000000000001@g.us"


def source(tag: str, attrs: Attrs, *, require: bool = True) -> StanzaSource:
    return parse_source(Node(tag, {"id": "X", **attrs}), OWN, OWN_LID, require_participant=require)


def test_a_contacts_message_under_a_phone_number() -> None:
    got = source("message", {"from": "15550001234:3@s.whatsapp.net", "sender_lid": BOB_LID})
    assert got == StanzaSource(
        chat=parse_jid(BOB),
        sender=parse_jid("15550001234:3@s.whatsapp.net"),
        is_from_me=False,
        is_group=False,
        sender_alt=parse_jid(BOB_LID),
        addressing_mode=None,
    )


def test_a_contacts_message_under_a_lid_names_the_phone_number() -> None:
    got = source("message", {"from": "777000111:1@lid", "sender_pn": BOB})
    assert (str(got.chat), str(got.sender_alt), got.is_from_me) == (BOB_LID, BOB, False)


def test_our_other_device_sent_it_to_the_recipient() -> None:
    got = source("message", {"from": "15550009999:5@s.whatsapp.net", "recipient": BOB})
    assert (str(got.chat), got.is_from_me, got.sender.device) == (BOB, True, 5)
    # Under our LID too; without a recipient the chat is our own (a note to self).
    got = source("receipt", {"from": "999000111:4@lid"}, require=False)
    assert (got.is_from_me, str(got.chat)) == (True, "999000111@lid")


def test_a_group_message_names_the_participant_and_its_other_address() -> None:
    attrs: Attrs = {
        "from": GROUP,
        "participant": "777000111:1@lid",
        "participant_pn": BOB,
        "addressing_mode": "lid",
        "recipient": BOB,  # only our own 1:1 messages carry one: ignored in a group
    }
    got = source("message", attrs)
    assert (str(got.chat), str(got.sender), str(got.sender_alt)) == (
        GROUP,
        "777000111:1@lid",
        BOB,
    )
    assert (got.is_group, got.is_from_me, got.addressing_mode) == (True, False, "lid")
    pn_mode = source("message", {"from": GROUP, "participant": BOB, "participant_lid": BOB_LID})
    assert str(pn_mode.sender_alt) == BOB_LID and pn_mode.addressing_mode is None
    mine = source("message", {"from": GROUP, "participant": "999000111:3@lid"})
    assert mine.is_from_me


def test_a_participant_is_required_of_messages_but_not_of_receipts() -> None:
    with pytest.raises(NodeError):
        source("message", {"from": GROUP})
    got = source("receipt", {"from": GROUP}, require=False)
    assert (str(got.sender), got.is_group) == (GROUP, True)
    got = source("chatstate", {"from": GROUP, "participant": BOB}, require=False)
    assert str(got.sender) == BOB


def test_a_broadcast_list_is_a_group_and_a_bad_hint_is_left_out() -> None:
    got = source("message", {"from": "status@broadcast", "participant": BOB})
    assert (got.is_group, str(got.chat), str(got.sender)) == (True, "status@broadcast", BOB)
    got = source("message", {"from": BOB, "sender_lid": "not a jid@@"})
    assert got.sender_alt is None


def test_is_own() -> None:
    assert is_own(parse_jid("15550009999@s.whatsapp.net"), OWN, None)
    assert is_own(parse_jid("999000111:9@lid"), OWN, OWN_LID)
    assert not is_own(parse_jid("999000111:9@lid"), OWN, None)


def test_what_the_sandbox_writes_the_client_reads_back() -> None:
    bob_device = parse_jid("15550001234:3@s.whatsapp.net")
    attrs = direct_source(bob_device, alt=parse_jid(BOB_LID))
    assert attrs == {"from": bob_device, "sender_lid": parse_jid(BOB_LID)}
    got = source("message", attrs)
    assert (got.sender, str(got.sender_alt), str(got.chat)) == (bob_device, BOB_LID, BOB)
    own_device = parse_jid("999000111:4@lid")
    got = source("message", direct_source(own_device, recipient=parse_jid(BOB)))
    assert (got.is_from_me, str(got.chat)) == (True, BOB)
    for lid_mode, participant, alt in ((True, BOB_LID, BOB), (False, BOB, BOB_LID)):
        attrs = group_source(
            parse_jid(GROUP), parse_jid(participant), parse_jid(alt), lid_mode=lid_mode
        )
        got = source("message", attrs)
        assert (str(got.chat), str(got.sender), str(got.sender_alt)) == (GROUP, participant, alt)
        assert got.addressing_mode == ("lid" if lid_mode else None)
