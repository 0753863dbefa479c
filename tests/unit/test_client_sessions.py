"""Which Signal address holds the session with a device (wacli/client/sessions.py): the
LID device's once the phone number's LID is known, a session from before moved over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wacli.client.sessions import session_address
from wacli.jid import parse_jid
from wacli.store import Store

PN_DEVICE = parse_jid("15550001111:3@s.whatsapp.net")
LID_DEVICE = parse_jid("987654321:3@lid")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store") as opened:
        yield opened


def test_phone_number_device_without_a_known_lid(store: Store) -> None:
    assert str(session_address(store, PN_DEVICE)) == "15550001111.3"


def test_lid_device_is_its_own_address(store: Store) -> None:
    assert str(session_address(store, LID_DEVICE)) == "987654321_1.3"


def test_known_lid_moves_the_phone_number_session(store: Store) -> None:
    store.store_session("15550001111.3", b"record")
    store.save_identity("15550001111.3", b"identity")
    store.put_lid_mapping("987654321@lid", "15550001111@s.whatsapp.net", "usync")
    address = session_address(store, PN_DEVICE)
    assert str(address) == "987654321_1.3"
    assert store.load_session("987654321_1.3") == b"record"
    assert store.load_identity("987654321_1.3") == b"identity"
    assert store.load_session("15550001111.3") is None
    # The same session for the LID device itself, and asking again changes nothing.
    assert session_address(store, LID_DEVICE) == address
    assert session_address(store, PN_DEVICE) == address
    assert store.load_session("987654321_1.3") == b"record"


def test_a_session_under_the_lid_wins(store: Store) -> None:
    store.store_session("15550001111.3", b"old")
    store.store_session("987654321_1.3", b"current")
    store.put_lid_mapping("987654321@lid", "15550001111@s.whatsapp.net", "usync")
    assert str(session_address(store, PN_DEVICE)) == "987654321_1.3"
    assert store.load_session("987654321_1.3") == b"current"


def test_only_the_same_device_moves(store: Store) -> None:
    store.store_session("15550001111.3", b"device 3")
    store.put_lid_mapping("987654321@lid", "15550001111@s.whatsapp.net", "usync")
    other = parse_jid("15550001111:4@s.whatsapp.net")
    assert str(session_address(store, other)) == "987654321_1.4"
    assert store.load_session("987654321_1.4") is None
    assert store.load_session("15550001111.3") == b"device 3"
