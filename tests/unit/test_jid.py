"""wacli.jid: every JID form parses, prints back, and answers what it is; phone input."""

from __future__ import annotations

import dataclasses

import pytest

from wacli.jid import (
    BOT_SERVER,
    DEFAULT_USER_SERVER,
    GROUP_SERVER,
    HIDDEN_USER_SERVER,
    HOSTED_LID_SERVER,
    HOSTED_SERVER,
    INTEROP_SERVER,
    JID,
    MESSENGER_SERVER,
    SERVER_JID,
    STATUS_BROADCAST_JID,
    JIDError,
    parse_jid,
    phone_to_jid,
    to_jid,
)

FORMS = {
    "15551234567@s.whatsapp.net": JID("15551234567", DEFAULT_USER_SERVER),
    "15551234567:12@s.whatsapp.net": JID("15551234567", DEFAULT_USER_SERVER, 12),
    "15551234567_5:12@s.whatsapp.net": JID("15551234567", DEFAULT_USER_SERVER, 12, agent=5),
    "123456789012345@lid": JID("123456789012345", HIDDEN_USER_SERVER),
    "123456789012345:3@lid": JID("123456789012345", HIDDEN_USER_SERVER, 3),
    "120363012345678901@g.us": JID("120363012345678901", GROUP_SERVER),
    "15551234567-1600000000@g.us": JID("15551234567-1600000000", GROUP_SERVER),
    "status@broadcast": JID("status", "broadcast"),
    "1600000000@broadcast": JID("1600000000", "broadcast"),
    "120363098765432101@newsletter": JID("120363098765432101", "newsletter"),
    "15551234567:99@hosted": JID("15551234567", HOSTED_SERVER, 99),
    "123456789012345:99@hosted.lid": JID("123456789012345", HOSTED_LID_SERVER, 99),
    "100000000000001:0@msgr": JID("100000000000001", MESSENGER_SERVER),
    "100000000000001:4660@msgr": JID("100000000000001", MESSENGER_SERVER, 4660),
    "7-100000000000001:0@interop": JID("100000000000001", INTEROP_SERVER, integrator=7),
    "100000000000001:2@interop": JID("100000000000001", INTEROP_SERVER, 2),
    "867051314767696@bot": JID("867051314767696", BOT_SERVER),
    "3EB0C431C26A1916E5A8@call": JID("3EB0C431C26A1916E5A8", "call"),
    "16505361212@c.us": JID("16505361212", "c.us"),
    "s.whatsapp.net": JID("", DEFAULT_USER_SERVER),
    "g.us": JID("", GROUP_SERVER),
    "lid": JID("", HIDDEN_USER_SERVER),
}


@pytest.mark.parametrize("text", FORMS)
def test_every_form_parses_and_prints_back(text: str) -> None:
    jid = parse_jid(text)
    assert jid == FORMS[text]
    assert str(jid) == text
    assert parse_jid(str(jid)) == jid


def test_jids_are_frozen_hashable_values() -> None:
    a = parse_jid("15551234567:2@s.whatsapp.net")
    b = JID("15551234567", DEFAULT_USER_SERVER, 2)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != "15551234567:2@s.whatsapp.net"
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.device = 3  # type: ignore[misc]
    assert repr(a) == "JID('15551234567:2@s.whatsapp.net')"


def test_alternative_spellings() -> None:
    assert parse_jid("@s.whatsapp.net") == JID("", DEFAULT_USER_SERVER)  # Baileys' S_WHATSAPP_NET
    assert parse_jid("100000000000001@msgr") == JID("100000000000001", MESSENGER_SERVER)
    assert parse_jid("15551234567:007@s.whatsapp.net").device == 7


def test_kinds() -> None:
    pn = parse_jid("15551234567:3@s.whatsapp.net")
    lid = parse_jid("123456789012345@lid")
    group = parse_jid("120363012345678901@g.us")
    assert pn.is_pn and pn.is_user and pn.is_ad and not pn.is_lid and not pn.is_group
    assert lid.is_lid and lid.is_user and not lid.is_ad
    assert group.is_group and not group.is_user
    assert parse_jid("status@broadcast").is_status_broadcast
    assert parse_jid("status@broadcast").is_broadcast
    assert parse_jid("1234@broadcast").is_broadcast_list
    assert not parse_jid("status@broadcast").is_broadcast_list
    assert parse_jid("1@newsletter").is_newsletter
    assert parse_jid("1:99@hosted").is_hosted and parse_jid("1:99@hosted.lid").is_hosted
    assert parse_jid("1:0@msgr").is_messenger and parse_jid("1:0@interop").is_interop
    assert parse_jid("867051314767696@bot").is_bot
    assert parse_jid("13135550002@s.whatsapp.net").is_bot  # Meta AI's phone number
    assert not parse_jid("13135550002:1@s.whatsapp.net").is_bot
    assert parse_jid("1@call").is_call
    assert parse_jid("s.whatsapp.net").is_server and not pn.is_server
    assert parse_jid("s.whatsapp.net") == SERVER_JID
    assert parse_jid("status@broadcast") == STATUS_BROADCAST_JID


def test_derived_jids() -> None:
    device = parse_jid("15551234567_5:12@s.whatsapp.net")
    assert device.to_non_ad() == JID("15551234567", DEFAULT_USER_SERVER)
    assert device.bare == device.to_non_ad()
    user = parse_jid("15551234567@s.whatsapp.net")
    assert user.to_non_ad() is user
    assert user.with_device(4) == JID("15551234567", DEFAULT_USER_SERVER, 4)
    interop = parse_jid("7-1:2@interop")
    assert interop.to_non_ad() == JID("1", INTEROP_SERVER, integrator=7)  # integrator stays
    assert user.is_same_user(device) and not user.is_same_user(parse_jid("15551234567@lid"))


def test_domain_types_and_signal_addresses() -> None:
    assert parse_jid("15551234567:3@s.whatsapp.net").signal_address() == ("15551234567", 3)
    assert parse_jid("123:3@lid").signal_address() == ("123_1", 3)
    assert parse_jid("123:99@hosted").signal_address() == ("123_128", 99)
    assert parse_jid("123:99@hosted.lid").signal_address() == ("123_129", 99)
    assert parse_jid("123_5:3@s.whatsapp.net").domain_type == 5
    with pytest.raises(JIDError):
        _ = parse_jid("120363012345678901@g.us").domain_type


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("  ", "whitespace"),
        ("1555 1234567@s.whatsapp.net", "whitespace"),
        ("15551234567@example.com", "unknown server"),
        ("hello", "unknown server"),
        ("a@b@s.whatsapp.net", "more than one"),
        ("15551234567:x@s.whatsapp.net", "device"),
        ("15551234567:@s.whatsapp.net", "device"),
        ("15551234567:256@s.whatsapp.net", "out of range"),
        ("1:65536@msgr", "out of range"),
        ("15551234567_x:1@s.whatsapp.net", "agent"),
        ("123_5:1@lid", "agent"),
        ("123_1:1@s.whatsapp.net", "reserved"),
        (":3@s.whatsapp.net", "user"),
        ("1:2:3@s.whatsapp.net", "device"),
        ("x-1:0@interop", "integrator"),
    ],
)
def test_bad_jids_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(JIDError, match=reason):
        parse_jid(text)


def test_jid_error_is_a_value_error() -> None:
    assert issubclass(JIDError, ValueError)
    with pytest.raises(JIDError):
        parse_jid(15551234567)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("+1 555-123 4567", "15551234567"),
        ("15551234567", "15551234567"),
        ("+1 (555) 123-4567", "15551234567"),
        ("(555) 123-4567", "5551234567"),
        ("+44 20 7946 0000", "442079460000"),
        ("0044 20 7946 0000", "442079460000"),
        ("+49.30.123456", "4930123456"),
        ("  +55 11 99988-7766  ", "5511999887766"),
        ("+1234567", "1234567"),
        ("123456789012345", "123456789012345"),
    ],
)
def test_phone_numbers_normalise_to_digits(text: str, digits: str) -> None:
    assert phone_to_jid(text) == JID(digits, DEFAULT_USER_SERVER)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("+", "no digits"),
        ("()-", "no digits"),
        ("+1 555 CALL NOW", "'A', 'C', 'L', 'N', 'O' and 'W' are not digits"),
        ("nosuchchat", "^'nosuchchat' is not a phone number: use digits"),
        ("1555123456x", "'x' is not a digit"),
        ("1+5551234567", "'\\+' is not a digit"),
        ("12345", "too short"),
        ("+1 23 45", "too short"),
        ("1234567890123456", "too long"),
        ("07700 900123", "starts with 0"),
    ],
)
def test_bad_phone_numbers_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(JIDError, match=reason):
        phone_to_jid(text)


def test_to_jid_accepts_jids_texts_and_phones() -> None:
    jid = JID("15551234567", DEFAULT_USER_SERVER)
    assert to_jid(jid) is jid
    assert to_jid("+1 555 123 4567") == jid
    assert to_jid("15551234567@s.whatsapp.net") == jid
    assert to_jid("120363012345678901@g.us").is_group
    assert to_jid("s.whatsapp.net").is_server
    with pytest.raises(JIDError):
        to_jid("bob")
