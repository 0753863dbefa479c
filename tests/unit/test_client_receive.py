"""Receiving, with real Signal stores on both sides: a peer encrypts, the Receiver decrypts,
archives and emits; a redelivered stanza is emitted again from the archive (a crash
between the commit and the NDJSON line loses nothing); what does not decrypt becomes
undecryptable_message with a retry receipt; receipts, presence and chat states."""

from __future__ import annotations

from pathlib import Path

import pytest

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.dispatcher import Dispatcher
from wacli.client.receive import Receiver
from wacli.client.send import text_message
from wacli.jid import JID, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.outgoing_message import device_sent_copy
from wacli.protocol.padding import pad_message
from wacli.signal import ProtocolAddress, SessionCipher, process_prekey_bundle
from wacli.signal.device import ensure_identity, own_bundle
from wacli.signal.group import GroupCipher, GroupSessionBuilder, SenderKeyName
from wacli.store import Store
from wacli.store.archive import Archive

pytestmark = pytest.mark.anyio

ME = parse_jid("15550000001:3@s.whatsapp.net")
MY_LID = parse_jid("99990001@lid")
PEER = parse_jid("15550000002:0@s.whatsapp.net")
GROUP = parse_jid("120363000000000001@g.us")


@pytest.fixture
def stores(tmp_path: Path):
    mine, theirs = Store(tmp_path / "me"), Store(tmp_path / "peer")
    ensure_identity(mine)
    ensure_identity(theirs)
    yield mine, theirs
    mine.close()
    theirs.close()


def encrypt_from_peer(
    peer: Store, me: Store, plain: bytes, device: int = ME.device, version: int = 2
) -> Node:
    """An <enc> the peer made for our device (a session from our bundle the first time);
    ``version`` 3 leaves the plaintext unpadded, as v=3 senders do."""
    address = ProtocolAddress(ME.user, device)
    cipher = SessionCipher(peer, address)
    if not cipher.has_session():
        process_prekey_bundle(peer, address, own_bundle(me, device))
    out = cipher.encrypt(pad_message(plain) if version == 2 else plain)
    return Node("enc", {"v": str(version), "type": out.type.enc_type}, out.body)


def stanza(enc: list[Node], sender: JID = PEER, msg_id: str = "3EB0AA", **attrs: str) -> Node:
    base = {"from": sender, "id": msg_id, "t": "1764064800", "type": "text", "notify": "Peer"}
    base.update(attrs)
    return Node("message", base, enc)  # type: ignore[arg-type]


def receiver(store: Store) -> Receiver:
    return Receiver(store, lambda: (ME, MY_LID))


async def test_a_message_is_decrypted_archived_and_receipted(stores) -> None:
    mine, theirs = stores
    plain = text_message("hello").SerializeToString()
    node = stanza([encrypt_from_peer(theirs, mine, plain)])
    outcome = await receiver(mine).handle(node)
    assert outcome is not None
    (event,) = outcome.events
    assert isinstance(event, ev.MessageEvent)
    assert event.text == "hello"
    assert event.info.chat == PEER.to_non_ad() and event.info.sender == PEER
    assert event.info.push_name == "Peer" and not event.info.is_from_me
    (receipt,) = outcome.also
    assert receipt.tag == "receipt" and receipt.attr("id") == "3EB0AA"
    # We never said we are available: the delivery receipt is "inactive", as WhatsApp Web's
    # in the background; and it is the message's acknowledgement, no <ack> follows.
    assert receipt.attr("to") == str(PEER) and receipt.attr("type") == "inactive"
    assert outcome.reply is None
    row = Archive(mine).message(str(PEER.to_non_ad()), "3EB0AA")
    assert row is not None and row.text == "hello" and row.push_name == "Peer"


class _Presence:
    available = False


async def test_delivery_receipts_follow_the_connections_presence(stores) -> None:
    mine, theirs = stores
    conn = _Presence()
    taker = receiver(mine)
    await taker.attach(conn)  # type: ignore[arg-type]
    conn.available = True
    first = await taker.handle(
        stanza([encrypt_from_peer(theirs, mine, text_message("a").SerializeToString())])
    )
    conn.available = False
    second = await taker.handle(
        stanza(
            [encrypt_from_peer(theirs, mine, text_message("b").SerializeToString())],
            msg_id="3EB0AB",
        )
    )
    assert first is not None and second is not None
    assert first.also[0].attr("type") is None  # a plain delivery receipt
    assert second.also[0].attr("type") == "inactive"


async def test_a_redelivered_message_is_emitted_again_from_the_archive(stores) -> None:
    mine, theirs = stores
    node = stanza([encrypt_from_peer(theirs, mine, text_message("once").SerializeToString())])
    first = await receiver(mine).handle(node)
    # wacli died after the commit, before the line was written: the server sends it again,
    # and the ratchet would not decrypt it twice; the archive answers instead.
    again = await receiver(mine).handle(node)
    assert first is not None and again is not None
    assert [e.text for e in again.events] == ["once"]  # type: ignore[attr-defined]
    assert again.events[0].info == first.events[0].info  # type: ignore[attr-defined]
    assert len(again.also) == 1


async def test_the_dispatcher_writes_the_line_before_the_receipt(stores) -> None:
    mine, theirs = stores
    node = stanza([encrypt_from_peer(theirs, mine, text_message("order").SerializeToString())])
    order: list[str] = []

    async def sink(event: ev.Event) -> None:
        order.append(event.type)

    async def send(out: Node) -> None:
        order.append(out.tag)

    await Dispatcher(receiver(mine).handle, sink, send).dispatch(node)
    assert order == ["message", "receipt"]  # the receipt settles it: no <ack> besides


async def test_a_run_of_messages_then_a_second_prekey_session(stores) -> None:
    mine, theirs = stores
    rx = receiver(mine)
    for n in range(5):
        plain = text_message(f"n{n}").SerializeToString()
        outcome = await rx.handle(stanza([encrypt_from_peer(theirs, mine, plain)], msg_id=f"M{n}"))
        assert outcome is not None and outcome.events[0].text == f"n{n}"  # type: ignore[attr-defined]


async def test_a_batch_is_decrypted_ahead_with_each_outcome_as_alone(stores) -> None:
    """listen's receiver decrypts the messages queued behind the one it handles in one
    transaction; what each stanza yields, and in which order, stays as without it."""
    mine, theirs = stores

    def sent(n: int) -> Node:
        plain = text_message(f"n{n}").SerializeToString()
        return stanza([encrypt_from_peer(theirs, mine, plain)], msg_id=f"M{n}")

    first = sent(0)
    garbage = stanza([Node("enc", {"v": "2", "type": "msg"}, b"\x33garbage")], msg_id="G")
    batch = [first, garbage, sent(1), Node("receipt", {"from": PEER, "id": "M9"}), sent(2)]
    batch.append(first)  # delivered twice in one batch: the second from the archive
    events: list[ev.Event] = []
    replies: list[Node] = []
    archive = Archive(mine)
    ahead: list[bool] = []  # at the first line: M1 (queued behind the garbage) is in

    async def sink(event: ev.Event) -> None:
        if not events:
            ahead.append(archive.message(str(PEER.to_non_ad()), "M1") is not None)
        events.append(event)

    async def send(out: Node) -> None:
        replies.append(out)

    rx = Receiver(mine, lambda: (ME, MY_LID), lookahead=True)
    assert await Dispatcher(rx.handle, sink, send).dispatch_all(batch) is None
    told = [getattr(event, "text", None) or event.type for event in events]
    assert told == ["n0", "undecryptable_message", "n1", "receipt", "n2", "n0"]
    assert [(reply.tag, reply.attr("id"), reply.attr("type")) for reply in replies] == [
        ("receipt", "M0", "inactive"),
        ("receipt", "G", "retry"),
        ("ack", "G", None),
        ("receipt", "M1", "inactive"),
        ("ack", "M9", None),
        ("receipt", "M2", "inactive"),
        ("receipt", "M0", "inactive"),
    ]
    assert ahead == [True]
    for n in range(3):
        kept = archive.message(str(PEER.to_non_ad()), f"M{n}")
        assert kept is not None and kept.text == f"n{n}"
    assert archive.message(str(PEER.to_non_ad()), "G") is None


async def test_our_own_sent_copy_is_unwrapped(stores) -> None:
    mine, theirs = stores
    own_phone = parse_jid("15550000001:0@s.whatsapp.net")
    chat = parse_jid("15550000009@s.whatsapp.net")
    copy = device_sent_copy(chat, text_message("to someone")).SerializeToString()
    node = stanza([encrypt_from_peer(theirs, mine, copy)], sender=own_phone, recipient=str(chat))
    del node.attrs["notify"]
    outcome = await receiver(mine).handle(node)
    assert outcome is not None
    event = outcome.events[0]
    assert isinstance(event, ev.MessageEvent)
    assert event.info.is_from_me and event.info.chat == chat and event.text == "to someone"
    assert outcome.also[0].attr("type") == "sender"


async def test_our_phones_peer_messages_get_peer_and_history_receipts(stores) -> None:
    mine, theirs = stores
    own_phone = parse_jid("15550000001:0@s.whatsapp.net")
    notice = e2e_pb2.Message()
    notice.protocol_message.type = e2e_pb2.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION
    plain = notice.SerializeToString()
    node = stanza([encrypt_from_peer(theirs, mine, plain)], sender=own_phone, category="peer")
    outcome = await receiver(mine).handle(node)
    assert outcome is not None
    peer, history = outcome.also
    assert peer.attr("type") == "peer_msg" and peer.attr("id") == "3EB0AA"
    assert history.attr("type") == "hist_sync" and history.attr("id") == "3EB0AA"
    assert str(history.attr("to")) == "15550000001@s.whatsapp.net"


async def test_group_message_with_sender_key(stores) -> None:
    mine, theirs = stores
    peer_name = SenderKeyName(str(GROUP), ProtocolAddress(PEER.user, 0))
    skdm = GroupSessionBuilder(theirs).create(peer_name).serialize()
    carrier = e2e_pb2.Message()
    carrier.sender_key_distribution_message.group_id = str(GROUP)
    carrier.sender_key_distribution_message.axolotl_sender_key_distribution_message = skdm
    body = GroupCipher(theirs, peer_name).encrypt(
        pad_message(text_message("hi all").SerializeToString())
    )
    node = stanza(
        [
            Node("enc", {"v": "2", "type": "skmsg"}, body),
            encrypt_from_peer(theirs, mine, carrier.SerializeToString()),
        ],
        sender=GROUP,
        participant=str(PEER),
    )
    outcome = await receiver(mine).handle(node)
    assert outcome is not None
    event = outcome.events[0]
    assert isinstance(event, ev.MessageEvent)
    assert event.text == "hi all" and event.info.is_group and event.info.chat == GROUP
    assert event.info.sender == PEER
    assert outcome.also[0].attr("participant") == str(PEER)


async def test_unpadded_v3_plaintexts_are_read_whole(stores) -> None:
    """pkmsg, msg and skmsg with ``v="3"``: nothing is stripped, not even a last byte that
    looks like padding (a text ending in 0x01 would lose it, silently)."""
    mine, theirs = stores
    texts = ["first \x01", "second \x02\x02", "group \x01"]
    first = encrypt_from_peer(theirs, mine, text_message(texts[0]).SerializeToString(), version=3)
    reply = await receiver(mine).handle(stanza([first], msg_id="3EB0V1"))
    assert first.attr("type") == "pkmsg" and reply is not None
    # Our answer makes the peer's session settled: its next message is a plain msg.
    answer = SessionCipher(mine, ProtocolAddress(PEER.user, PEER.device)).encrypt(b"x\x01")
    SessionCipher(theirs, ProtocolAddress(ME.user, ME.device)).decrypt(answer)
    second = encrypt_from_peer(theirs, mine, text_message(texts[1]).SerializeToString(), version=3)
    assert second.attr("type") == "msg"
    peer_name = SenderKeyName(str(GROUP), ProtocolAddress(PEER.user, 0))
    carrier = e2e_pb2.Message()
    carrier.sender_key_distribution_message.group_id = str(GROUP)
    carrier.sender_key_distribution_message.axolotl_sender_key_distribution_message = (
        GroupSessionBuilder(theirs).create(peer_name).serialize()
    )
    body = GroupCipher(theirs, peer_name).encrypt(text_message(texts[2]).SerializeToString())
    group = [
        Node("enc", {"v": "3", "type": "skmsg"}, body),
        encrypt_from_peer(theirs, mine, carrier.SerializeToString(), version=3),
    ]
    got = [reply]
    got.append(await receiver(mine).handle(stanza([second], msg_id="3EB0V2")))
    got.append(
        await receiver(mine).handle(
            stanza(group, sender=GROUP, msg_id="3EB0V3", participant=str(PEER))
        )
    )
    events = [outcome.events[0] for outcome in got if outcome is not None]
    assert [e.text for e in events if isinstance(e, ev.MessageEvent)] == texts


async def test_garbage_is_undecryptable_with_a_retry_receipt(stores) -> None:
    mine, _ = stores
    node = stanza([Node("enc", {"v": "2", "type": "msg"}, b"\x33not a signal message")])
    rx = receiver(mine)
    outcome = await rx.handle(node)
    assert outcome is not None
    assert isinstance(outcome.events[0], ev.UndecryptableMessage)
    (retry,) = outcome.also
    assert retry.attr("type") == "retry" and retry.attr("id") == "3EB0AA"
    assert retry.require_child("retry").attr("count") == "1"
    registration = retry.require_child("registration").content_bytes()
    assert int.from_bytes(registration, "big") == mine.load_device_identity().registration_id
    second = await rx.handle(node)
    assert second is not None
    assert second.also[0].require_child("retry").attr("count") == "2"
    assert Archive(mine).message(str(PEER.to_non_ad()), "3EB0AA") is None


async def test_receipts_presence_and_chat_states(stores) -> None:
    rx = receiver(stores[0])
    receipt = Node(
        "receipt",
        {"from": PEER, "id": "A", "t": "1764064800", "type": "read"},
        [Node("list", {}, [Node("item", {"id": "B"})])],
    )
    outcome = await rx.handle(receipt)
    assert outcome is not None
    event = outcome.events[0]
    assert isinstance(event, ev.Receipt)
    assert event.message_ids == ("A", "B") and event.type_ == "read"
    assert outcome.reply is not None and not outcome.also  # the standard ack
    delivery = await rx.handle(Node("receipt", {"from": PEER, "id": "C"}))
    assert delivery is not None and delivery.events[0].type_ == "delivery"  # type: ignore[attr-defined]
    own = await rx.handle(Node("receipt", {"from": PEER, "id": "D", "type": "read-self"}))
    assert own is not None and own.events[0].type_ == "read_self"  # type: ignore[attr-defined]
    for internal in ("peer_msg", "hist_sync", "something-new"):  # acked, no event
        taken = await rx.handle(Node("receipt", {"from": PEER, "id": "E", "type": internal}))
        assert taken is not None and not taken.events and taken.reply is not None
    presence = await rx.handle(
        Node("presence", {"from": PEER.to_non_ad(), "type": "unavailable", "last": "1764064800"})
    )
    assert presence is not None and presence.reply is None
    seen = presence.events[0]
    assert isinstance(seen, ev.Presence) and seen.unavailable and seen.last_seen is not None
    state = await rx.handle(
        Node("chatstate", {"from": PEER.to_non_ad()}, [Node("composing", {"media": "audio"})])
    )
    assert state is not None and state.reply is None
    chat = state.events[0]
    assert isinstance(chat, ev.ChatPresence) and (chat.state, chat.media) == ("composing", "audio")
    assert await rx.handle(Node("notification", {"id": "n"})) is None


async def test_malformed_stanzas_are_protocol_errors(stores) -> None:
    rx = receiver(stores[0])
    with pytest.raises(ProtocolError):
        await rx.handle(Node("receipt", {"from": "not a jid@@", "id": "A"}))
