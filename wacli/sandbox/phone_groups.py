"""The simulated phones in groups: sender keys, skmsg sent and read, retries answered.

A phone (phone.py, SimulatedPhone.group_*) takes the sender keys others distribute,
decrypts skmsg into its inbox with the group as chat and answers with a receipt; it
sends by distributing its own key first, pairwise, to the member devices that lack it
(remembered per group in the sandbox state, forgotten when someone leaves), then one
skmsg for all; a member device's retry receipt gets the message again, with the key,
from a fresh session to that device alone. The stanzas go out through the server's
group routing (group_routing.fan_out, relay_group_receipt), which knows nothing of
this module; phone_messages.py brings group stanzas for a phone here.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.jid import GROUP_SERVER, JID, JIDError
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.message_source import parse_source
from wacli.protocol.outgoing_message import message_type
from wacli.protocol.receipts import parse_retry
from wacli.sandbox.delivery import RoutingError, phone_bundle
from wacli.sandbox.group_routing import DeviceKey, fan_out, group_jid, relay_group_receipt
from wacli.sandbox.phone import (
    MAX_RETRIES,
    SentMessage,
    enc_node,
    new_message_id,
    now,
)
from wacli.sandbox.state import Account, Group, InboxEntry
from wacli.signal import SignalError

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)


async def phone_sends_group(
    hub: Hub, phone: str, group: Group, message: e2e_pb2.Message, *, version: int = 2
) -> str:
    """The phone of ``phone`` sends ``message`` to ``group``: its sender key first to the
    member devices that lack it (pkmsg/msg), then one skmsg for all; the message id.
    ``version`` is every ``<enc v>`` of the stanza (3: unpadded, phone.plaintext_for)."""
    sender = hub.state.account(phone)
    if sender is None or group.admin_of(phone) is None:
        raise RoutingError(f"{phone} is not a participant of {group.jid}")
    sim = hub.phone(phone)
    distribution = e2e_pb2.Message()
    skdm = distribution.sender_key_distribution_message
    skdm.group_id = group.jid
    skdm.axolotl_sender_key_distribution_message = sim.sender_key_distribution(group.jid)
    plain_distribution = distribution.SerializeToString()
    holders = hub.state.sender_key_holders(phone, group.jid)
    pairwise: dict[DeviceKey, Node] = {}
    for member in group.members():
        for device, _ in hub.device_ids(member):
            key = (member, device)
            if (member == phone and device == 0) or key in holders:
                continue
            ciphertext = sim.encrypt_for(
                member,
                device,
                plain_distribution,
                partial(phone_bundle, hub, member, device),
                version,
            )
            if ciphertext is None:
                log.info("no bundle for %s:%d; it gets no sender key", member, device)
                continue
            enc_type = ciphertext.type.enc_type
            pairwise[key] = enc_node(hub.stats, enc_type, version, ciphertext.body, device=device)
            hub.state.remember_sender_key_holder(phone, group.jid, member, device)
    plain = message.SerializeToString()
    body = sim.group_encrypt(group.jid, plain, version)
    skmsg = enc_node(hub.stats, "skmsg", version, body)
    stanza_id = new_message_id()
    kind = message_type(message)
    chat = JID(group.jid.split("@")[0], GROUP_SERVER)
    sim.remember(SentMessage(stanza_id, chat, kind, plain, plain, version))
    await fan_out(hub, group, sender, 0, stanza_id, kind, skmsg, pairwise)
    hub.stats["phone_messages_sent"] += 1
    return stanza_id


async def phone_group_retry(hub: Hub, phone: str, receipt: Node) -> None:
    """A member device could not read the phone's group message (``<receipt from=GROUP
    participant=DEVICE type=retry>``): a fresh session, then the message itself with the
    sender key, pairwise to that device alone (``participant`` on the stanza), as phones
    answer group retries."""
    device_jid = receipt.attr_jid("participant")
    account = hub.account_of(device_jid.to_non_ad())
    request = parse_retry(receipt)
    sim = hub.phone(phone)
    sent = sim.sent.get(request.message_id)
    group = hub.state.group(str(group_jid(receipt.attr_jid("from"))))
    sender = hub.state.account(phone)
    if account is None or sent is None or group is None or sender is None:
        return
    if request.count > MAX_RETRIES:
        return
    if group.admin_of(account.phone) is None:
        return  # no longer a member: it may not read the group
    message = e2e_pb2.Message()
    message.ParseFromString(sent.plain)
    skdm = message.sender_key_distribution_message
    skdm.group_id = group.jid
    skdm.axolotl_sender_key_distribution_message = sim.sender_key_distribution(group.jid)
    key = (account.phone, device_jid.device)
    sim.forget_session(*key)
    ciphertext = sim.encrypt_for(
        account.phone,
        device_jid.device,
        message.SerializeToString(),
        lambda: phone_bundle(hub, *key),
        sent.version,
    )
    if ciphertext is None:
        return
    enc_type = ciphertext.type.enc_type
    enc = enc_node(hub.stats, enc_type, sent.version, ciphertext.body, device=key[1])
    await fan_out(hub, group, sender, 0, sent.id, sent.type, None, {key: enc}, only={key})
    hub.state.remember_sender_key_holder(phone, group.jid, *key)
    hub.stats["phone_retries"] += 1


def read_sender_keyed(
    hub: Hub, phone: str, group: str, author: Account, device: int, node: Node
) -> e2e_pb2.Message | None:
    """The Message in a group (or status) stanza for a phone, taking any sender key it
    distributes."""
    sim = hub.phone(phone)
    pairwise_message = None
    message = None
    for enc in node.children_named("enc"):
        kind = enc.require_attr("type")
        if kind == "skmsg":
            message = sim.group_decrypt(group, author.phone, device, enc.content_bytes())
            continue
        got = sim.decrypt_from(author.phone, device, kind, enc.content_bytes())
        if got.HasField("device_sent_message"):
            got = got.device_sent_message.message
        if got.HasField("sender_key_distribution_message"):
            skdm = got.sender_key_distribution_message.axolotl_sender_key_distribution_message
            sim.process_sender_key(group, author.phone, device, skdm)
            got.ClearField("sender_key_distribution_message")
            got.ClearField("message_context_info")
        if got.ListFields():
            pairwise_message = got
    return message if message is not None else pairwise_message


async def phone_receives_group(hub: Hub, phone: str, node: Node) -> None:
    """Device 0 of ``phone`` gets a group message: decrypt, keep, answer with a receipt."""
    reader = hub.state.account(phone)
    assert reader is not None
    try:
        source = parse_source(node, *hub.jids(reader))
        group_text = str(group_jid(source.chat))
        author_jid = source.sender
        author = hub.account_of(author_jid.to_non_ad())
        if author is None:
            raise RoutingError(f"no account {author_jid}")
        message = read_sender_keyed(hub, phone, group_text, author, author_jid.device, node)
    except (
        RoutingError,
        BinaryError,
        JIDError,
        SignalError,
        ProtocolError,
        DecodeError,
    ) as exc:
        log.warning("the phone of %s cannot read group message %s: %s", phone, node.attr("id"), exc)
        hub.stats["phone_decrypt_failures"] += 1
        return
    if message is None:
        return  # only a sender key
    stanza_id = node.require_attr("id")
    from_me = source.is_from_me
    entry = InboxEntry(
        stanza_id, str(author_jid), group_text, now(), from_me, message.SerializeToString()
    )
    hub.state.keep_inbox(phone, entry)
    hub.stats["phone_messages_received"] += 1
    group = hub.state.group(group_text)
    if not from_me and group is not None:
        await relay_group_receipt(hub, reader, 0, group, author_jid, stanza_id, None, None)
