"""Group messages and receipts: skmsg fan-out to every member device, as the real server does.

Shapes (whatsmeow send.go/message.go, Baileys messages-send/decode-wa-message):

- a member device sends ``<message to=GROUP id type [addressing_mode]><enc v=2
  type=skmsg/><participants><to jid=DEVICE><enc type=pkmsg|msg/></to>…</participants>
  [<device-identity/>]</message>`` (the pairwise ``<enc>``s carry its
  SenderKeyDistributionMessage to devices that lack it); the server acks it
  (``<ack class=message id from=GROUP t/>``, ``error=403/404`` when the sender is no
  member or there is no such group) and every member device but the sending one gets
  ``<message from=GROUP participant=SENDER_DEVICE id t type notify
  participant_pn|participant_lid [addressing_mode=lid]>[<enc pkmsg|msg/>]<enc skmsg/>
  [<device-identity/>]</message>``: its own pairwise ``<enc>`` first (the sender key
  must be known before the skmsg is read), queued per device like 1:1 messages. The
  sender is named in the group's addressing (LID in a ``lid`` group), the other
  address in participant_pn/participant_lid. A resend to one device (``participant=``
  on the stanza, a retry answer) goes to that device alone;
- ``<receipt to=GROUP participant=AUTHOR id [type]>`` is acked and relayed to the
  author's devices as ``<receipt from=GROUP participant=READER_DEVICE id t [type]>``.

Simulated phones in groups keep sender keys (SimulatedPhone.group_*): they take the
keys others distribute, decrypt skmsg into their inbox with the group as chat, and
send by distributing their own key first to the devices that lack it (remembered per
group in the sandbox state, forgotten when someone leaves).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.jid import GROUP_SERVER, JID, JIDError
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.sandbox import routing
from wacli.sandbox.groups import is_lid
from wacli.sandbox.phone import SentMessage, message_text, new_message_id, now
from wacli.sandbox.stanzas import server_ack
from wacli.sandbox.state import Account, Group, InboxEntry
from wacli.signal import SignalError

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)

DeviceKey = tuple[str, int]  # (account phone, device id)


def group_jid(jid: JID) -> JID:
    return JID(jid.user, GROUP_SERVER)


async def fan_out(
    hub: Hub,
    group: Group,
    sender: Account,
    sender_device: int,
    stanza_id: str,
    kind: str,
    skmsg: Node | None,
    pairwise: dict[DeviceKey, Node],
    identity: Node | None = None,
    only: set[DeviceKey] | None = None,
    edit: str | None = None,
) -> int:
    """Deliver one group message to every member device but the sender's; the count."""
    lid = is_lid(group)
    attrs: dict[str, str | JID | None] = {
        "edit": edit,  # kept as the sender set it (edits, revokes)
        "from": JID(group.jid.split("@")[0], GROUP_SERVER),
        "participant": routing.device_jid(hub, sender, sender_device, lid),
        "id": stanza_id,
        "t": str(now()),
        "type": kind,
        "notify": sender.push_name or None,
        ("participant_pn" if lid else "participant_lid"): routing.user_jid(sender, not lid),
    }
    if lid:
        attrs["addressing_mode"] = "lid"
    delivered = 0
    for member in group.members():
        for device, _ in hub.device_ids(member):
            key = (member, device)
            if (member == sender.phone and device == sender_device) or (
                only is not None and key not in only
            ):
                continue
            own = pairwise.get(key)
            content = [] if own is None else [own]
            if skmsg is not None:
                content.append(skmsg)
            if not content:
                continue
            if identity is not None and own is not None and own.attr("type") == "pkmsg":
                content.append(identity)
            await routing.deliver(hub, member, device, Node("message", dict(attrs), content))
            delivered += 1
    return delivered


def _pairwise(hub: Hub, node: Node) -> dict[DeviceKey, Node]:
    encs: dict[DeviceKey, Node] = {}
    participants = node.child("participants")
    tos = [] if participants is None else participants.children_named("to")
    for to in tos[: routing.MAX_PARTICIPANTS]:
        enc = to.child("enc")
        jid = to.attr_jid("jid")
        account = hub.account_of(jid.to_non_ad())
        if enc is not None and account is not None:
            encs[(account.phone, jid.device)] = enc
    if node.attr("participant"):  # a resend to one device: its <enc> is a direct child
        jid = node.attr_jid("participant")
        account = hub.account_of(jid.to_non_ad())
        enc = next((e for e in node.children_named("enc") if e.attr("type") != "skmsg"), None)
        if account is not None and enc is not None:
            encs[(account.phone, jid.device)] = enc
    return encs


async def handle_group_message(conn: Connection, node: Node) -> None:
    hub = conn.hub
    assert conn.device_key is not None
    phone, device = conn.device_key
    stanza_id = node.require_attr("id")
    to = node.attr_jid("to")
    group = hub.state.group(f"{to.user}@{GROUP_SERVER}")
    error = None
    pairwise: dict[DeviceKey, Node] = {}
    if group is None:
        error = "404"
    elif group.admin_of(phone) is None:
        error = "403"
    else:
        try:
            pairwise = _pairwise(hub, node)
        except (BinaryError, JIDError) as exc:
            log.info("malformed group message %s: %s", stanza_id, exc)
            error = "400"
    if error is not None or group is None:
        await conn.send(server_ack("message", stanza_id, to, error=error))
        return
    skmsg = next((e for e in node.children_named("enc") if e.attr("type") == "skmsg"), None)
    await conn.send(server_ack("message", stanza_id, to))
    hub.stats["messages_in"] += 1
    hub.stats["group_messages_in"] += 1
    sender = hub.state.account(phone)
    assert sender is not None
    only = set(pairwise) if node.attr("participant") else None
    await fan_out(
        hub,
        group,
        sender,
        device,
        stanza_id,
        node.attr("type", "text") or "text",
        skmsg,
        pairwise,
        node.child("device-identity"),
        only,
        node.attr("edit"),
    )


# -- receipts ---------------------------------------------------------------------------


async def relay_group_receipt(
    hub: Hub,
    reader: Account,
    reader_device: int,
    group: Group,
    author: JID,
    stanza_id: str,
    kind: str | None,
    content: list[Node] | None,
) -> None:
    """A member's receipt of a group message goes to every device of its author."""
    target = hub.account_of(author.to_non_ad())
    if target is None:
        return
    lid = is_lid(group)
    for device, _ in hub.device_ids(target.phone):
        if target.phone == reader.phone and device == reader_device:
            continue
        attrs: dict[str, str | JID | None] = {
            "from": JID(group.jid.split("@")[0], GROUP_SERVER),
            "participant": routing.device_jid(hub, reader, reader_device, lid),
            "id": stanza_id,
            "t": str(now()),
            "type": kind,
        }
        await routing.deliver(hub, target.phone, device, Node("receipt", attrs, content))


async def handle_group_receipt(conn: Connection, node: Node, to: JID) -> None:
    """After the server ack: relay a receipt sent to a group (``participant`` = author)."""
    hub = conn.hub
    assert conn.device_key is not None
    phone, device = conn.device_key
    group = hub.state.group(f"{to.user}@{GROUP_SERVER}")
    reader = hub.state.account(phone)
    if group is None or reader is None or not node.attr("participant"):
        return
    await relay_group_receipt(
        hub,
        reader,
        device,
        group,
        node.attr_jid("participant"),
        node.require_attr("id"),
        node.attr("type"),
        node.children or None,
    )


# -- the simulated phones ---------------------------------------------------------------------


async def phone_sends_group(hub: Hub, phone: str, group: Group, message: e2e_pb2.Message) -> str:
    """The phone of ``phone`` sends ``message`` to ``group``: its sender key first to the
    member devices that lack it (pkmsg/msg), then one skmsg for all; the message id."""
    sender = hub.state.account(phone)
    if sender is None or group.admin_of(phone) is None:
        raise routing.RoutingError(f"{phone} is not a participant of {group.jid}")
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
                lambda m=member, d=device: routing.phone_bundle(hub, m, d),
            )
            if ciphertext is None:
                log.info("no bundle for %s:%d; it gets no sender key", member, device)
                continue
            enc_type = ciphertext.type.enc_type
            pairwise[key] = Node("enc", {"v": "2", "type": enc_type}, ciphertext.body)
            hub.state.remember_sender_key_holder(phone, group.jid, member, device)
    plain = message.SerializeToString()
    body = sim.group_encrypt(group.jid, plain)
    skmsg = Node("enc", {"v": "2", "type": "skmsg"}, body)
    stanza_id = new_message_id()
    kind = "text" if message_text(message) is not None else "media"
    chat = JID(group.jid.split("@")[0], GROUP_SERVER)
    sim.remember(SentMessage(stanza_id, chat, kind, plain, plain))
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
    retry = receipt.require_child("retry")
    sim = hub.phone(phone)
    sent = sim.sent.get(retry.attr("id") or receipt.require_attr("id"))
    group = hub.state.group(str(group_jid(receipt.attr_jid("from"))))
    sender = hub.state.account(phone)
    if account is None or sent is None or group is None or sender is None:
        return
    if retry.attr_int("count", 1) > routing.MAX_RETRIES:
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
        lambda: routing.phone_bundle(hub, *key),
    )
    if ciphertext is None:
        return
    enc = Node("enc", {"v": "2", "type": ciphertext.type.enc_type}, ciphertext.body)
    await fan_out(hub, group, sender, 0, sent.id, sent.type, None, {key: enc}, only={key})
    hub.state.remember_sender_key_holder(phone, group.jid, *key)
    hub.stats["phone_retries"] += 1


def _read(
    hub: Hub, phone: str, group: str, author: Account, device: int, node: Node
) -> e2e_pb2.Message | None:
    """The Message in a group stanza for a phone, taking any sender key it distributes."""
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
    try:
        group_text = str(group_jid(node.attr_jid("from")))
        author_jid = node.attr_jid("participant")
        author = hub.account_of(author_jid.to_non_ad())
        if author is None:
            raise routing.RoutingError(f"no account {author_jid}")
        message = _read(hub, phone, group_text, author, author_jid.device, node)
    except (
        routing.RoutingError,
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
    from_me = author.phone == phone
    entry = InboxEntry(
        stanza_id, str(author_jid), group_text, now(), from_me, message.SerializeToString()
    )
    hub.state.keep_inbox(phone, entry)
    hub.stats["phone_messages_received"] += 1
    group = hub.state.group(group_text)
    reader = hub.state.account(phone)
    if not from_me and group is not None and reader is not None:
        await relay_group_receipt(hub, reader, 0, group, author_jid, stanza_id, None, None)
