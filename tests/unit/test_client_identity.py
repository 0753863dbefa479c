"""Identity changes (a contact reinstalled WhatsApp), with real Signal stores on every side:
the first contact is trust on first use (no event); a pkmsg under a new identity is
trusted, decrypted and reported before the message; a message made under the identity the
device left is refused afterwards, never trusted back; a fetched bundle with a new identity
starts a session the reinstalled device can read; group state from the old identity goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.identity import accept_identity, is_retired
from wacli.client.notifications import Notifications
from wacli.client.receive import Receiver
from wacli.client.send import encrypt_for, start_session, text_message
from wacli.jid import parse_jid
from wacli.protocol.padding import pad_message, unpad_message
from wacli.signal import (
    CiphertextMessage,
    MessageType,
    ProtocolAddress,
    SessionCipher,
    UntrustedIdentityError,
    process_prekey_bundle,
)
from wacli.signal.device import ensure_identity, own_bundle
from wacli.store import Store
from wacli.store.archive import Archive

pytestmark = pytest.mark.anyio

ME = parse_jid("15550000001:3@s.whatsapp.net")
MY_LID = parse_jid("99990001@lid")
PEER = parse_jid("15550000002@s.whatsapp.net")  # device 0: the phone
PEER_ADDRESS = ProtocolAddress(PEER.user, 0)
GROUP = "120363000000000001@g.us"


@pytest.fixture
def stores(tmp_path: Path):
    """Our store, the peer's phone before and after it reinstalled."""
    opened = [Store(tmp_path / name) for name in ("me", "old", "new")]
    for store in opened:
        ensure_identity(store)
    yield opened
    for store in opened:
        store.close()


def from_peer(peer: Store, me: Store, text: str, msg_id: str) -> Node:
    """A stanza the peer's phone encrypted for our device (a session from our bundle)."""
    address = ProtocolAddress(ME.user, ME.device)
    cipher = SessionCipher(peer, address)
    if not cipher.has_session():
        process_prekey_bundle(peer, address, own_bundle(me, ME.device))
    out = cipher.encrypt(pad_message(text_message(text).SerializeToString()))
    enc = Node("enc", {"v": "2", "type": out.type.enc_type}, out.body)
    attrs = {"from": PEER, "id": msg_id, "t": "1764064800", "type": "text"}
    return Node("message", attrs, [enc])  # type: ignore[arg-type]


def types(events) -> list[str]:
    return [event.type for event in events]


async def test_change_is_trusted_and_reported_before_the_message(stores) -> None:
    mine, old, new = stores
    rx = Receiver(mine, lambda: (ME, MY_LID))
    first = await rx.handle(from_peer(old, mine, "first contact", "M1"))
    assert first is not None and types(first.events) == ["message"]  # trust on first use
    old_key = mine.load_identity(str(PEER_ADDRESS))
    captured = from_peer(old, mine, "kept by an attacker", "M2")  # made under the old key

    after = await rx.handle(from_peer(new, mine, "after the reinstall", "M3"))
    assert after is not None
    change, message = after.events
    assert isinstance(change, ev.IdentityChange)
    assert change.jid == PEER and change.implicit is True
    assert change.timestamp == message.info.timestamp  # type: ignore[attr-defined]
    assert message.text == "after the reinstall"  # type: ignore[attr-defined]
    new_key = new.load_device_identity().identity.public  # type: ignore[union-attr]
    assert mine.load_identity(str(PEER_ADDRESS)) == new_key != old_key
    assert old_key is not None and is_retired(mine, PEER_ADDRESS, old_key)
    assert ev.IdentityChange(change.jid, change.timestamp, True).line()  # serialisable

    # The old identity's message, delivered after the change: refused, not trusted back.
    replay = await rx.handle(captured)
    assert replay is not None and types(replay.events) == ["undecryptable_message"]
    assert mine.load_identity(str(PEER_ADDRESS)) == new_key
    # ... and the new session still works (a second message: no second event).
    again = await rx.handle(from_peer(new, mine, "still here", "M4"))
    assert again is not None and types(again.events) == ["message"]


async def test_a_device_never_seen_before_is_no_change(stores) -> None:
    mine, old, _ = stores
    key = old.load_device_identity().identity.public  # type: ignore[union-attr]
    assert accept_identity(mine, PEER_ADDRESS, key) is False
    assert accept_identity(mine, PEER_ADDRESS, key) is False  # the same key again: nothing
    assert mine.load_identity(str(PEER_ADDRESS)) == key


def test_a_fetched_bundle_with_a_new_identity_starts_a_readable_session(stores) -> None:
    mine, old, new = stores
    start_session(mine, PEER, own_bundle(old, 0))
    old_key = mine.load_identity(str(PEER_ADDRESS))
    start_session(mine, PEER, own_bundle(new, 0))  # the peer reinstalled: trusted
    assert mine.load_identity(str(PEER_ADDRESS)) != old_key
    enc = encrypt_for(mine, PEER, text_message("hello again").SerializeToString())
    assert enc.attr("type") == "pkmsg"
    me = ProtocolAddress(ME.user, ME.device)
    padded = SessionCipher(new, me).decrypt(
        CiphertextMessage(MessageType.PREKEY, enc.content_bytes())
    )
    assert b"hello again" in unpad_message(padded)
    with pytest.raises(UntrustedIdentityError):  # the key the device left: refused
        start_session(mine, PEER, own_bundle(old, 0))


async def test_group_state_of_the_old_identity_is_forgotten(stores) -> None:
    mine, old, new = stores
    rx = Receiver(mine, lambda: (ME, MY_LID))
    await rx.handle(from_peer(old, mine, "first", "G1"))
    other = "15550000009:2@s.whatsapp.net"
    with mine.transaction():
        Archive(mine).upsert_chat(GROUP, name="friends")
        mine.store_sender_key(GROUP, str(PEER_ADDRESS), b"old sender key")
        mine.store_sender_key(GROUP, "15550000009.2", b"someone else's")
        mine.add_sender_key_holders(GROUP, [str(PEER), other])
    outcome = await rx.handle(from_peer(new, mine, "reinstalled", "G2"))
    assert outcome is not None and types(outcome.events) == ["identity_change", "message"]
    assert mine.load_sender_key(GROUP, str(PEER_ADDRESS)) is None
    assert mine.load_sender_key(GROUP, "15550000009.2") == b"someone else's"
    # Our own sender key goes to the reinstalled phone again on the next group send.
    assert mine.sender_key_holders(GROUP) == {other}


async def test_announced_change_drops_every_form_and_is_told_once(stores) -> None:
    """``<notification type="encrypt" from=USER><identity/>``: the sessions and identities
    of all the user's devices go (phone number and LID forms, not other users'), with its
    group state; the next pkmsg under the new key is then a first contact, no second event."""
    mine, old, new = stores
    rx = Receiver(mine, lambda: (ME, MY_LID))
    await rx.handle(from_peer(old, mine, "first", "N1"))
    peer_lid = parse_jid("88880002@lid")
    other = "15550000009:2@s.whatsapp.net"
    with mine.transaction():
        mine.put_lid_mapping(peer_lid, PEER, "test")
        for address in ("15550000002.5", "88880002_1.5", "155500000021.0", "15550000009.2"):
            mine.store_session(address, b"a session")
            mine.save_identity(address, b"\x05" + bytes(32))
        Archive(mine).upsert_chat(GROUP, name="friends")
        mine.store_sender_key(GROUP, "88880002_1.5", b"old sender key")
        mine.add_sender_key_holders(GROUP, ["88880002:5@lid", other])
    notice = Node(
        "notification",
        {"from": PEER, "type": "encrypt", "id": "N", "t": "1764064900"},  # type: ignore[dict-item]
        [Node("identity")],
    )
    outcome = await Notifications(mine).handle(notice)
    assert outcome is not None
    (change,) = outcome.events
    assert isinstance(change, ev.IdentityChange)
    assert change.jid == PEER and change.implicit is False
    assert change.timestamp.timestamp() == 1764064900
    for gone in (str(PEER_ADDRESS), "15550000002.5", "88880002_1.5"):
        assert mine.load_session(gone) is None and mine.load_identity(gone) is None, gone
    for kept in ("155500000021.0", "15550000009.2"):  # other users, one a longer number
        assert mine.load_session(kept) is not None and mine.load_identity(kept) is not None
    assert mine.load_sender_key(GROUP, "88880002_1.5") is None
    assert mine.sender_key_holders(GROUP) == {other}

    after = await rx.handle(from_peer(new, mine, "after the notice", "N2"))
    assert after is not None and types(after.events) == ["message"]


async def test_encrypt_notice_without_identity_is_left_to_the_router(stores) -> None:
    mine, _, _ = stores
    notice = Node("notification", {"from": PEER, "type": "encrypt", "id": "X"}, [Node("x")])  # type: ignore[dict-item]
    assert await Notifications(mine).handle(notice) is None
