"""Message routing as the real server does it: fan-out, server acks, offline queues, receipts.

Shapes (whatsmeow send.go/message.go/receipt.go, Baileys messages-send/-recv):

- a client sends ``<message id to type [edit] [category]><participants><to jid=DEVICE>
  <enc v=2 type=pkmsg|msg/></to>…</participants>[<device-identity/>]</message>`` (or
  one ``<enc>`` when ``to`` is a single device, with ``recipient=<chat>`` when that
  device is one of ours); the server answers ``<ack class="message" id from=<to> t/>``
  (``error=…`` when it cannot route) and every addressed device gets ``<message
  from=SENDER_DEVICE id t type notify=PUSH_NAME sender_lid|sender_pn><enc/>
  [<device-identity/> with a pkmsg]</message>``. A copy for the sender's own devices
  has ``recipient=<chat>`` instead of notify and the alternate address; a
  ``category="peer"`` message has neither. ``from`` is in the addressing the sender
  used for that device (LID or phone number), the other one in sender_pn/sender_lid;
- each stanza for a device is queued (state.py) until that device sends ``<ack
  class id to=<from> [type]>`` (for a receipt of type T the class is matched with T),
  or, for a message, a ``<receipt id>`` of it (what clients send for a message they
  decrypted); on login the queue is replayed after ``<success>``: announced by
  ``<ib><offline_preview count message notification receipt appdata/></ib>`` when it is
  not empty, each stanza marked ``offline="0"``, then ``<ib><offline count=N/></ib>``;
- ``<receipt to id [type] [recipient]>[<list><item id/></list>|<retry/>…]`` is acked
  with ``<ack class="receipt" id from=<to> [type]/>`` and relayed, children and all,
  to every device of the addressee as ``<receipt from=RECEIPTING_DEVICE id t [type]
  [recipient for our own devices]>`` (queued the same way); a receipt without ``to``
  (Baileys' 1:1 "sender" receipt) goes to the sender's own devices;
- a 1:1 message without the recipient's privacy token is refused (ack error 463) and
  a token on a peer message (479): privacy.py, which also issues the phones' tokens;
- ``<presence type=available|unavailable name?>`` and ``<presence type=subscribe to>``
  (answered at once with the current ``<presence from [type=unavailable last]>``),
  ``<chatstate to><composing [media=audio]/>|<paused/></chatstate>`` → ``<chatstate
  from=USER>…``: relayed live, never queued.

Device 0 of every account is a simulated phone (phone.py): what is addressed to it
is decrypted at once, kept in its inbox and answered with a delivery receipt; a
retry receipt makes it resend from a fresh session.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from typing import TYPE_CHECKING

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node, decode, encode
from wacli.jid import DEFAULT_USER_SERVER, JID, LID_SERVER, JIDError
from wacli.proto import e2e_pb2, signal_pb2
from wacli.protocol import ProtocolError
from wacli.sandbox.phone import SentMessage, message_text, new_message_id, now
from wacli.sandbox.stanzas import offline_preview, presence, server_ack
from wacli.sandbox.state import Account, InboxEntry
from wacli.signal import PreKeyBundle, SignalError

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)

MAX_PARTICIPANTS = 2000
MAX_RETRIES = 5  # retry receipts a phone answers per message and device


class RoutingError(ValueError):
    """A stanza the server cannot route (unknown addressee, malformed participants)."""


# -- addressing -----------------------------------------------------------------------------


def device_jid(hub: Hub, account: Account, device: int, lid: bool) -> JID:
    pn, lid_jid = hub.jids(account, device)
    return lid_jid if lid else pn


def user_jid(account: Account, lid: bool) -> JID:
    return JID(account.lid, LID_SERVER) if lid else JID(account.phone, DEFAULT_USER_SERVER)


def _resolve(hub: Hub, jid: JID) -> Account:
    account = hub.account_of(jid)
    if account is None:
        raise RoutingError(f"no account {jid}")
    return account


def _device_exists(hub: Hub, account: Account, device: int) -> bool:
    return device == 0 or hub.state.device(account.phone, device) is not None


# -- delivery to one device ------------------------------------------------------------------


async def deliver(hub: Hub, phone: str, device: int, node: Node) -> None:
    """Queue a stanza for a companion and send it now if it is online (device 0 is a
    simulated phone and takes messages and receipts directly)."""
    if device == 0:
        await phone_receives(hub, phone, node)
        return
    sender = node.attr("from", "")
    log.debug("queue for %s:%d: %r", phone, device, node)
    data = encode(node)
    hub.state.enqueue(phone, device, _ack_class(node), node.require_attr("id"), sender or "", data)
    hub.stats["queued"] += 1
    conn = hub.logged_in.get((phone, device))
    if conn is not None and conn.ready:
        await conn.send_encoded(data)
        hub.stats["delivered"] += 1


def _ack_class(node: Node) -> str:
    """What an ack must name to drop a queued stanza: its tag, and for receipts their type
    too (a delivery and a read receipt of one message share id and sender)."""
    kind = node.attr("type")
    return f"receipt:{kind}" if node.tag == "receipt" and kind else node.tag


async def replay_queue(conn: Connection) -> int:
    """Send a device everything it has not acked yet (after <success>); the count."""
    assert conn.device_key is not None
    phone, device = conn.device_key
    stanzas = conn.hub.state.queued(phone, device)
    conn.ready = True  # from here on new stanzas go out live (no await before this)
    nodes = [decode(data) for data in stanzas]
    if nodes:  # what is coming, as the real server announces it before the queue
        await conn.send(offline_preview(Counter(node.tag for node in nodes)))
    for node in nodes:
        node.attrs["offline"] = "0"  # marks it as from the offline queue (clients check presence)
        await conn.send(node)
        conn.hub.stats["delivered"] += 1
    return len(stanzas)


def handle_ack(conn: Connection, node: Node) -> None:
    """A device acks a message, receipt or notification: it leaves the queue."""
    assert conn.device_key is not None
    phone, device = conn.device_key
    kind, stanza_id = node.attr("class"), node.attr("id")
    if not kind or not stanza_id:
        return
    if kind == "receipt" and node.attr("type"):
        kind = f"receipt:{node.attr('type')}"
    sender = None
    if node.attr("to"):
        try:
            sender = str(node.attr_jid("to"))
        except (JIDError, BinaryError):
            sender = None
    state = conn.hub.state
    removed = state.dequeue(phone, device, kind, stanza_id, sender)
    if not removed and sender is not None:
        removed = state.dequeue(phone, device, kind, stanza_id, None)
    conn.hub.stats["acked"] += removed
    log.debug("ack from %s:%d %r removed %d", phone, device, node, removed)


# -- messages ----------------------------------------------------------------------------


def _targets(node: Node) -> list[tuple[JID, Node]]:
    """(device JID, its <enc>) for each device the client encrypted for."""
    participants = node.child("participants")
    if participants is None:
        enc = node.child("enc")
        if enc is None:
            raise RoutingError("a message without <participants> or <enc>")
        return [(node.attr_jid("to"), enc)]
    targets = []
    for to in participants.children_named("to")[:MAX_PARTICIPANTS]:
        enc = to.child("enc")
        if enc is not None:
            targets.append((to.attr_jid("jid"), enc))
    return targets


async def handle_message(conn: Connection, node: Node) -> None:
    hub = conn.hub
    assert conn.device_key is not None
    phone, device = conn.device_key
    stanza_id = node.require_attr("id")
    to = node.attr_jid("to")
    log.debug("message from %s:%d: %r", phone, device, node)
    if to.is_group:
        from wacli.sandbox import group_routing  # it builds on this module

        await group_routing.handle_group_message(conn, node)
        return
    peer = node.attr("category") == "peer"  # between one's own devices (key shares, …)
    try:
        # A message resent to one device of ours names its chat in ``recipient``.
        chat = node.attr_jid("recipient").to_non_ad() if node.attr("recipient") else to.to_non_ad()
        if not chat.is_user:
            raise RoutingError(f"routing to {chat} is not supported yet")
        recipient = _resolve(hub, chat)
        targets = _targets(node)
    except (RoutingError, BinaryError, JIDError) as exc:
        log.info("cannot route message %s: %s", stanza_id, exc)
        await conn.send(server_ack("message", stanza_id, to, error="400"))
        return
    from wacli.sandbox import privacy  # it builds on this module

    refused = privacy.check_message(hub, phone, device, node, recipient, peer)
    if refused is not None:  # 463: no valid privacy token; 479: a token on a peer message
        await conn.send(server_ack("message", stanza_id, to, error=refused))
        return
    await conn.send(server_ack("message", stanza_id, to))
    hub.stats["messages_in"] += 1
    sender = hub.state.account(phone)
    assert sender is not None
    identity = node.child("device-identity")
    for target, enc in targets:
        account = hub.account_of(target)
        if account is None or not _device_exists(hub, account, target.device):
            log.info("message %s: no device %s", stanza_id, target)
            continue
        if account.phone == phone and target.device == device:
            continue  # never back to the sending device
        lid = target.is_lid
        attrs: dict[str, str | JID | None] = {
            "from": device_jid(hub, sender, device, lid),
            "id": stanza_id,
            "t": str(now()),
            "type": node.attr("type", "text"),
        }
        for passed in ("edit", "category"):  # kept as the sender set them
            if node.attr(passed):
                attrs[passed] = node.attr(passed)
        if account.phone == phone:
            if not peer:
                attrs["recipient"] = chat
        else:
            attrs["notify"] = sender.push_name or None
            attrs["sender_pn" if lid else "sender_lid"] = user_jid(sender, not lid)
        content = [enc]
        if identity is not None and enc.attr("type") == "pkmsg":
            content.append(identity)
        await deliver(hub, account.phone, target.device, Node("message", attrs, content))


# -- receipts -----------------------------------------------------------------------------


async def relay_receipt(
    hub: Hub,
    sender: Account,
    sender_device: int,
    to: JID,
    node_attrs: dict[str, str | None],
    content: list[Node] | None,
) -> None:
    """A receipt from one device goes to every device of the addressee."""
    target = _resolve(hub, to.to_non_ad())
    lid = to.is_lid
    for device, _ in hub.device_ids(target.phone):
        if target.phone == sender.phone and device == sender_device:
            continue
        attrs: dict[str, str | JID | None] = {
            "from": device_jid(hub, sender, sender_device, lid),
            "id": node_attrs.get("id"),
            "t": str(now()),
        }
        if node_attrs.get("type"):
            attrs["type"] = node_attrs["type"]
        if target.phone == sender.phone:
            attrs["recipient"] = node_attrs.get("recipient")
        await deliver(hub, target.phone, device, Node("receipt", attrs, content))


async def handle_receipt(conn: Connection, node: Node) -> None:
    hub = conn.hub
    assert conn.device_key is not None
    phone, device = conn.device_key
    stanza_id = node.require_attr("id")
    lists = [child for child in node.children if child.tag == "list"]
    # A receipt also settles the messages it names: clients answer a message they could
    # decrypt with a receipt, not an ack (Baileys messages-recv, whatsmeow receipt.go).
    ids = [stanza_id] + [
        item.attr("id") or "" for child in lists for item in child.children_named("item")
    ]
    for settled in ids:
        hub.stats["acked"] += hub.state.dequeue(phone, device, "message", settled, None)
    hub.stats["receipts_in"] += 1
    # Baileys leaves ``to`` out of a "sender" receipt for a 1:1 sent-copy (to=participant,
    # absent in 1:1): the receipt is then for our own devices, about ``recipient``.
    to_text, recipient = node.attr("to"), node.attr("recipient")
    sender = hub.state.account(phone)
    assert sender is not None
    to = node.attr_jid("to") if to_text else user_jid(sender, False)
    await conn.send(server_ack("receipt", stanza_id, to, node.attr("type")))
    if to.is_group:
        from wacli.sandbox import group_routing

        await group_routing.handle_group_receipt(conn, node, to)
        return
    try:
        await relay_receipt(
            hub,
            sender,
            device,
            to,
            {"id": stanza_id, "type": node.attr("type"), "recipient": recipient},
            node.children or None,  # <list>, and a retry's <retry>/<registration>/<keys>
        )
    except RoutingError as exc:
        log.info("receipt %s not relayed: %s", stanza_id, exc)


# -- presence and chat state ------------------------------------------------------------------


async def handle_presence(conn: Connection, node: Node) -> None:
    hub = conn.hub
    assert conn.device_key is not None
    phone = conn.device_key[0]
    kind = node.attr("type")
    if kind == "subscribe":
        target = hub.account_of(node.attr_jid("to").to_non_ad())
        if target is None:
            return
        conn.subscriptions.add(target.phone)
        await conn.send(presence(user_jid(target, False), hub.available.get(target.phone, False)))
        return
    if kind not in ("available", "unavailable"):
        return
    # The real server takes the account's push name from its devices' presence (whatsmeow:
    # "the server needs the name with it"); messages then carry it as ``notify``.
    name = node.attr("name")
    account = hub.state.account(phone)
    if name and account is not None and name != account.push_name:
        hub.state.set_push_name(phone, name)
        hub.stats["push_names_from_presence"] += 1
    await set_presence(hub, phone, kind == "available")


async def handle_ib(conn: Connection, node: Node) -> None:
    """``<ib>`` from a client: the unified-session marker WhatsApp Web sends after a login
    (its id is the server's time in ms, shifted by 3 days, modulo a week) is counted, a
    malformed one logged; nothing is answered, as the real server answers nothing."""
    marker = node.child("unified_session")
    if marker is None:
        return
    value = marker.attr("id", "")
    if value.isdigit() and int(value) < 7 * 86_400_000:
        conn.hub.stats["unified_sessions"] += 1
    else:
        log.info("a malformed unified_session id %r from %s", value, conn.device_key)


async def set_presence(hub: Hub, phone: str, available: bool) -> None:
    account = hub.state.account(phone)
    if account is None:
        return
    hub.available[phone] = available
    if not available:
        hub.last_seen[phone] = now()
    for other in list(hub.logged_in.values()):
        if phone in other.subscriptions:
            await other.send(
                presence(user_jid(account, False), available, hub.last_seen.get(phone))
            )


async def handle_chatstate(conn: Connection, node: Node) -> None:
    hub = conn.hub
    assert conn.device_key is not None
    sender = hub.state.account(conn.device_key[0])
    target = hub.account_of(node.attr_jid("to").to_non_ad())
    if sender is None or target is None or not node.children:
        return
    await send_chatstate(hub, sender, target, node.children[0], node.attr_jid("to").is_lid)


async def send_chatstate(
    hub: Hub, sender: Account, target: Account, state: Node, lid: bool
) -> None:
    stanza = Node("chatstate", {"from": user_jid(sender, lid)}, [state])
    for (phone, _), conn in list(hub.logged_in.items()):
        if phone == target.phone and conn.ready:
            await conn.send(stanza)


# -- the simulated phones -----------------------------------------------------------------------


def phone_bundle(hub: Hub, phone: str, device: int) -> PreKeyBundle | None:
    record = hub.device_record(phone, device)
    if record is None or record.signed_prekey is None:
        return None
    taken = hub.take_prekey(phone, device)
    skey = record.signed_prekey
    return PreKeyBundle(
        registration_id=record.registration_id,
        device_id=device,
        identity_key=record.identity_public,
        signed_prekey_id=skey.key_id,
        signed_prekey=skey.public,
        signed_prekey_signature=skey.signature,
        prekey_id=None if taken is None else taken[0],
        prekey=None if taken is None else taken[1],
    )


async def phone_sends(
    hub: Hub, phone: str, to: JID, message: e2e_pb2.Message, *, corrupt: bool = False
) -> str:
    """The simulated phone of ``phone`` sends ``message`` to every device of ``to`` and a
    DeviceSentMessage copy to its own companions; the message id. With ``corrupt`` the
    recipient's copies carry a damaged ciphertext: they cannot decrypt it, ask again with
    a retry receipt, and the phone resends it from a fresh session."""
    sender = hub.state.account(phone)
    target = _resolve(hub, to.to_non_ad())
    if sender is None:
        raise RoutingError(f"no account {phone}")
    chat = user_jid(target, to.is_lid)
    copy = e2e_pb2.Message()
    copy.device_sent_message.destination_jid = str(chat)
    copy.device_sent_message.message.CopyFrom(message)
    sent = SentMessage(
        id=new_message_id(),
        chat=chat,
        type="text" if message_text(message) is not None else "media",
        plain=message.SerializeToString(),
        own_copy=copy.SerializeToString(),
    )
    sim = hub.phone(phone)
    sim.remember(sent)
    from wacli.sandbox import privacy  # it builds on this module

    await privacy.phone_sent(hub, sender, target)  # its token, when due, before the message
    fan = [(target, d) for d, _ in hub.device_ids(target.phone)]
    if target.phone != phone:
        fan += [(sender, d) for d, _ in hub.device_ids(phone) if d != 0]
    for account, device in fan:
        damaged = corrupt and account.phone == target.phone
        await _phone_send_to(hub, sender, account, device, sent, corrupt=damaged)
    hub.stats["phone_messages_sent"] += 1
    return sent.id


async def _phone_send_to(
    hub: Hub,
    sender: Account,
    account: Account,
    device: int,
    sent: SentMessage,
    *,
    corrupt: bool = False,
) -> None:
    """Encrypt one sent message for one device (a session from a fetched bundle if none)."""
    own = account.phone == sender.phone
    ciphertext = hub.phone(sender.phone).encrypt_for(
        account.phone,
        device,
        sent.own_copy if own else sent.plain,
        lambda: phone_bundle(hub, account.phone, device),
    )
    if ciphertext is None:
        log.info("no bundle for %s:%d; not sent", account.phone, device)
        return
    lid = sent.chat.is_lid
    attrs: dict[str, str | JID | None] = {
        "from": device_jid(hub, sender, 0, lid),
        "id": sent.id,
        "t": str(now()),
        "type": sent.type,
    }
    if own:
        attrs["recipient"] = sent.chat
    else:
        attrs["notify"] = sender.push_name or None
        attrs["sender_pn" if lid else "sender_lid"] = user_jid(sender, not lid)
    body = _broken_mac(ciphertext.body, ciphertext.type.enc_type) if corrupt else ciphertext.body
    enc = Node("enc", {"v": "2", "type": ciphertext.type.enc_type}, body)
    await deliver(hub, account.phone, device, Node("message", attrs, [enc]))


def _broken_mac(body: bytes, enc_type: str) -> bytes:
    """The ciphertext with its SignalMessage's MAC (its last byte) damaged, inside the
    PreKeySignalMessage for a pkmsg (whose own fields a receiver may rightly skip)."""
    if enc_type != "pkmsg":
        return body[:-1] + bytes((body[-1] ^ 0x01,))
    outer = signal_pb2.PreKeySignalMessage.FromString(body[1:])
    outer.message = outer.message[:-1] + bytes((outer.message[-1] ^ 0x01,))
    return body[:1] + outer.SerializeToString()


async def _phone_retry(hub: Hub, phone: str, receipt: Node) -> None:
    """A device could not decrypt what the phone sent (a retry receipt): start a new
    session from a fresh bundle and send that device the message again, as phones do."""
    from_jid = receipt.attr_jid("from")
    if from_jid.is_group:
        from wacli.sandbox import group_routing

        await group_routing.phone_group_retry(hub, phone, receipt)
        return
    account = _resolve(hub, from_jid.to_non_ad())
    retry = receipt.require_child("retry")
    sim = hub.phone(phone)
    sent = sim.sent.get(retry.attr("id") or receipt.require_attr("id"))
    if sent is None or retry.attr_int("count", 1) > MAX_RETRIES:
        return
    sender = hub.state.account(phone)
    assert sender is not None
    sim.forget_session(account.phone, from_jid.device)
    await _phone_send_to(hub, sender, account, from_jid.device, sent)
    hub.stats["phone_retries"] += 1


async def phone_receives(hub: Hub, phone: str, node: Node) -> None:
    """Device 0 of ``phone`` gets a stanza: it decrypts messages (keeping them in its
    inbox) and answers each with a delivery receipt, as a phone does."""
    if node.tag == "receipt":
        if node.attr("type") == "retry":
            try:
                await _phone_retry(hub, phone, node)
            except (RoutingError, BinaryError, JIDError, SignalError) as exc:
                log.info("the phone of %s ignores a retry receipt: %s", phone, exc)
        return  # other receipts to phones are not kept
    if node.tag != "message":
        return
    if node.attr("from", "").endswith("@g.us"):
        from wacli.sandbox import group_routing

        await group_routing.phone_receives_group(hub, phone, node)
        return
    try:
        from_jid = node.attr_jid("from")
        sender = _resolve(hub, from_jid.to_non_ad())
        enc = node.require_child("enc")
        sim = hub.phone(phone)
        message = sim.decrypt_from(
            sender.phone, from_jid.device, enc.require_attr("type"), enc.content_bytes()
        )
    except (RoutingError, BinaryError, JIDError, SignalError, ProtocolError, DecodeError) as exc:
        log.warning("the phone of %s cannot read message %s: %s", phone, node.attr("id"), exc)
        hub.stats["phone_decrypt_failures"] += 1
        return
    from_me = sender.phone == phone
    chat = node.attr("recipient") if from_me else str(from_jid.to_non_ad())
    if from_me and message.HasField("device_sent_message"):
        dsm = message.device_sent_message
        chat = dsm.destination_jid or chat
        message = dsm.message
    stanza_id = node.require_attr("id")
    entry = InboxEntry(
        stanza_id, str(from_jid), chat or "", now(), from_me, message.SerializeToString()
    )
    hub.state.keep_inbox(phone, entry)
    hub.stats["phone_messages_received"] += 1
    if from_me:
        from wacli.sandbox import history  # it builds on this module

        await history.phone_request(hub, phone, from_jid.device, stanza_id, message)
    if not from_me:
        account = hub.state.account(phone)
        assert account is not None
        with contextlib.suppress(RoutingError):
            await relay_receipt(hub, account, 0, from_jid, {"id": stanza_id}, None)
