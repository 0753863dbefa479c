"""The simulated phones' messages: what device 0 of every account does with what reaches it,
and what it sends (phone.py is the Signal endpoint they use).

Delivery (delivery.py) hands what is addressed to a device 0 to ``Hub.phone_receives``,
which brings it here; this module builds on the server's routing and never the reverse:

- a 1:1 message is decrypted at once, kept in the phone's inbox and answered with a
  delivery receipt relayed to the sender's devices; one from its own companions may be
  a history request (history.py answers it);
- a retry receipt makes the phone resend the message from a fresh session (at most
  phone.MAX_RETRIES times per message and device);
- group messages and group retries are phone_groups.py's;
- ``phone_sends`` (the admin API) encrypts a message for every device of the
  recipient and a DeviceSentMessage copy for the phone's own companions, after
  issuing the phone's privacy token to the recipient when due (privacy.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from typing import TYPE_CHECKING

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.jid import JID, JIDError
from wacli.proto import e2e_pb2, signal_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.message_source import direct_source, parse_source
from wacli.protocol.outgoing_message import device_sent_copy, message_type
from wacli.protocol.receipts import parse_retry
from wacli.sandbox import (
    blocking,
    history,
    media_retry_phone,
    phone_groups,
    privacy,
    status_phone,
)
from wacli.sandbox.delivery import (
    RoutingError,
    deliver,
    deliver_all,
    device_jid,
    phone_bundle,
    resolve,
    user_jid,
)
from wacli.sandbox.phone import (
    MAX_RETRIES,
    SentMessage,
    enc_node,
    new_message_id,
    now,
)
from wacli.sandbox.routing import relay_receipt
from wacli.sandbox.state import Account, InboxEntry
from wacli.signal import SignalError

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)


async def phone_sends(
    hub: Hub,
    phone: str,
    to: JID,
    message: e2e_pb2.Message,
    *,
    corrupt: bool = False,
    version: int = 2,
) -> str:
    """The simulated phone of ``phone`` sends ``message`` to every device of ``to`` and a
    DeviceSentMessage copy to its own companions; the message id. With ``corrupt`` the
    recipient's copies carry a damaged ciphertext: they cannot decrypt it, ask again with
    a retry receipt, and the phone resends it from a fresh session. ``version`` is the
    ``<enc v>``: 3 sends the Message unpadded (phone.plaintext_for)."""
    sender = hub.state.account(phone)
    target = resolve(hub, to.to_non_ad())
    if sender is None:
        raise RoutingError(f"no account {phone}")
    chat = user_jid(target, to.is_lid)
    sent = SentMessage(
        id=new_message_id(),
        chat=chat,
        type=message_type(message),
        plain=message.SerializeToString(),
        own_copy=device_sent_copy(chat, message).SerializeToString(),
        version=version,
    )
    sim = hub.phone(phone)
    sim.remember(sent)
    # Its token, when due, before the message.
    await deliver_all(hub, privacy.phone_sent(hub, sender, target))
    blocked = blocking.blocks(hub, target, sender)  # nothing reaches who blocked us
    fan = [] if blocked else [(target, d) for d, _ in hub.device_ids(target.phone)]
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
        sent.version,
    )
    if ciphertext is None:
        log.info("no bundle for %s:%d; not sent", account.phone, device)
        return
    lid = sent.chat.is_lid
    from_device = device_jid(hub, sender, 0, lid)
    if own:
        source = direct_source(from_device, recipient=sent.chat)
    else:
        source = direct_source(from_device, alt=user_jid(sender, not lid))
    source["notify"] = sender.push_name or None  # our own devices' copies carry it too
    attrs = {**source, "id": sent.id, "t": str(now()), "type": sent.type}
    body = _broken_mac(ciphertext.body, ciphertext.type.enc_type) if corrupt else ciphertext.body
    enc = enc_node(hub.stats, ciphertext.type.enc_type, sent.version, body, device=device)
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
        await phone_groups.phone_group_retry(hub, phone, receipt)
        return
    account = resolve(hub, from_jid.to_non_ad())
    request = parse_retry(receipt)
    sim = hub.phone(phone)
    sent = sim.sent.get(request.message_id)
    if sent is None or request.count > MAX_RETRIES:
        return
    sender = hub.state.account(phone)
    assert sender is not None
    sim.forget_session(account.phone, from_jid.device)
    await _phone_send_to(hub, sender, account, from_jid.device, sent)
    hub.stats["phone_retries"] += 1


KEPT_RECEIPTS = 1000  # per phone, for GET /admin/accounts/{phone}/receipts


def _keep_receipt(hub: Hub, phone: str, node: Node) -> None:
    """Remember a receipt the phone got (its app would turn the ticks blue)."""
    listed = [item.attr("id") for child in node.children_named("list") for item in child.children]
    kept = hub.phone_receipts.setdefault(phone, deque(maxlen=KEPT_RECEIPTS))
    kept.append(
        {
            "from": node.attr("from"),
            "type": node.attr("type") or "delivery",
            "ids": [node.attr("id"), *listed],
            "participant": node.attr("participant"),
            "recipient": node.attr("recipient"),
            "t": node.attr("t"),
        }
    )


async def phone_receives(hub: Hub, phone: str, node: Node) -> None:
    """Device 0 of ``phone`` gets a stanza: it decrypts messages (keeping them in its
    inbox) and answers each with a delivery receipt, as a phone does."""
    if media_retry_phone.is_media_retry(node):
        await media_retry_phone.phone_answers_media_retry(hub, phone, node)
        return
    if node.tag == "receipt":
        if node.attr("type") == "retry":
            try:
                await _phone_retry(hub, phone, node)
            except (RoutingError, BinaryError, JIDError, SignalError) as exc:
                log.info("the phone of %s ignores a retry receipt: %s", phone, exc)
        else:
            _keep_receipt(hub, phone, node)
        return
    if node.tag != "message":
        return
    if node.attr("from", "").endswith("@g.us"):
        await phone_groups.phone_receives_group(hub, phone, node)
        return
    if status_phone.is_status(node):
        await status_phone.phone_receives_status(hub, phone, node)
        return
    account = hub.state.account(phone)
    assert account is not None
    try:
        source = parse_source(node, *hub.jids(account))
        from_jid = source.sender
        sender = resolve(hub, from_jid.to_non_ad())
        enc = node.require_child("enc")
        sim = hub.phone(phone)
        message = sim.decrypt_from(
            sender.phone, from_jid.device, enc.require_attr("type"), enc.content_bytes()
        )
    except (RoutingError, BinaryError, JIDError, SignalError, ProtocolError, DecodeError) as exc:
        log.warning("the phone of %s cannot read message %s: %s", phone, node.attr("id"), exc)
        hub.stats["phone_decrypt_failures"] += 1
        return
    from_me = source.is_from_me
    chat = str(source.chat)
    if from_me and message.HasField("device_sent_message"):
        dsm = message.device_sent_message
        chat = dsm.destination_jid or chat
        message = dsm.message
    stanza_id = node.require_attr("id")
    entry = InboxEntry(stanza_id, str(from_jid), chat, now(), from_me, message.SerializeToString())
    hub.state.keep_inbox(phone, entry)
    hub.stats["phone_messages_received"] += 1
    if from_me:
        await history.phone_request(hub, phone, from_jid.device, stanza_id, message)
    if not from_me:
        with contextlib.suppress(RoutingError):
            await relay_receipt(hub, account, 0, from_jid, {"id": stanza_id}, None)
