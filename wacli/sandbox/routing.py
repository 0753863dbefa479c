"""What clients send, routed as the real server does it: messages, receipts, presence, chat state.

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
- what goes to a device is queued until acked and replayed at login (delivery.py); a
  ``<receipt id>`` of a message also settles that message in the receipting device's queue;
- ``<receipt to id [type] [recipient]>[<list><item id/></list>|<retry/>…]`` is acked
  with ``<ack class="receipt" id from=<to> [type]/>`` and relayed, children and all,
  to every device of the addressee as ``<receipt from=RECEIPTING_DEVICE id t [type]
  [recipient for our own devices]>`` (queued the same way); a receipt without ``to``
  (Baileys' 1:1 "sender" receipt) goes to the sender's own devices;
- a 1:1 message without the recipient's privacy token is refused (ack error 463) and
  a token on a peer message (479): the rules are privacy.py's; one to an account that
  blocked its sender is acked and delivered to none of its devices (blocking.py);
- a ``read`` or ``read-self`` receipt also goes to the reader's own other devices
  (``recipient`` the chat); ``read-self`` (read receipts turned off) only there;
- group messages and receipts go on to group_routing.py, statuses to status_routing.py,
  channel posts to channels.py;
- ``<presence type=available|unavailable name?>`` and ``<presence type=subscribe to>``
  (answered at once with the current ``<presence from [type=unavailable last]>``),
  ``<chatstate to><composing [media=audio]/>|<paused/></chatstate>`` → ``<chatstate
  from=USER>…``: relayed live, never queued.

What the simulated phones (device 0) do with what reaches them, and what they send, is
phone_messages.py's: they build on this module, never the reverse.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from wacli.binary import BinaryError, Node
from wacli.jid import JID, JIDError
from wacli.protocol.message_source import direct_source
from wacli.sandbox import blocking, channels, group_routing, privacy, status_routing
from wacli.sandbox.delivery import (
    MAX_PARTICIPANTS,
    RoutingError,
    deliver,
    device_jid,
    resolve,
    settle,
    user_jid,
)
from wacli.sandbox.phone import now
from wacli.sandbox.stanzas import presence, server_ack
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)


def _device_exists(hub: Hub, account: Account, device: int) -> bool:
    return device == 0 or hub.state.device(account.phone, device) is not None


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
        await group_routing.handle_group_message(conn, node)
        return
    if to.is_status_broadcast:
        await status_routing.handle_status_message(conn, node)
        return
    if to.is_newsletter:
        await channels.handle_channel_message(conn, node)
        return
    peer = node.attr("category") == "peer"  # between one's own devices (key shares, …)
    try:
        # A message resent to one device of ours names its chat in ``recipient``.
        chat = node.attr_jid("recipient").to_non_ad() if node.attr("recipient") else to.to_non_ad()
        if not chat.is_user:
            raise RoutingError(f"routing to {chat} is not supported yet")
        recipient = resolve(hub, chat)
        targets = _targets(node)
    except (RoutingError, BinaryError, JIDError) as exc:
        log.info("cannot route message %s: %s", stanza_id, exc)
        await conn.send(server_ack("message", stanza_id, to, error="400"))
        return
    refused = privacy.check_message(hub, phone, device, node, recipient, peer)
    if refused is not None:  # 463: no valid privacy token; 479: a token on a peer message
        await conn.send(server_ack("message", stanza_id, to, error=refused))
        return
    await conn.send(server_ack("message", stanza_id, to))
    hub.stats["messages_in"] += 1
    sender = hub.state.account(phone)
    assert sender is not None
    identity = node.child("device-identity")
    unwanted = blocking.blocks(hub, recipient, sender)  # acked above, delivered to nobody
    for target, enc in targets:
        account = hub.account_of(target)
        if account is None or not _device_exists(hub, account, target.device):
            log.info("message %s: no device %s", stanza_id, target)
            continue
        if unwanted and account.phone == recipient.phone:
            continue
        if account.phone == phone and target.device == device:
            continue  # never back to the sending device
        lid = target.is_lid
        from_device = device_jid(hub, sender, device, lid)
        if account.phone == phone:  # a copy for our own devices; none names a peer message's
            source = direct_source(from_device, recipient=None if peer else chat)
        else:
            source = direct_source(from_device, alt=user_jid(sender, not lid))
            source["notify"] = sender.push_name or None
        attrs = {**source, "id": stanza_id, "t": str(now()), "type": node.attr("type", "text")}
        for passed in ("edit", "category"):  # kept as the sender set them
            if node.attr(passed):
                attrs[passed] = node.attr(passed)
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
    target = resolve(hub, to.to_non_ad())
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


# A companion that read messages tells the account's other devices too (its phone turns
# the chat read); "read-self", sent when the user turned read receipts off, goes only there.
READ_TYPES = ("read", "read-self")


async def _tell_own_devices(hub: Hub, sender: Account, device: int, chat: JID, node: Node) -> None:
    attrs: dict[str, str | None] = {
        "id": node.attr("id"),
        "type": node.attr("type"),
        "recipient": str(chat),
    }
    addressee = None if chat.is_group else hub.account_of(chat.to_non_ad())
    if addressee is not None and addressee.phone == sender.phone:
        return  # a chat with ourselves: relayed to our devices as any receipt is
    own = user_jid(sender, chat.is_lid)
    try:
        await relay_receipt(hub, sender, device, own, attrs, node.children or None)
    except RoutingError as exc:
        log.info("read receipt %s not told to own devices: %s", node.attr("id"), exc)


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
        removed = hub.state.dequeue(phone, device, "message", settled, None)
        settle(hub, phone, device, "message", settled, removed)
    hub.stats["receipts_in"] += 1
    # Baileys leaves ``to`` out of a "sender" receipt for a 1:1 sent-copy (to=participant,
    # absent in 1:1): the receipt is then for our own devices, about ``recipient``.
    to_text, recipient = node.attr("to"), node.attr("recipient")
    sender = hub.state.account(phone)
    assert sender is not None
    to = node.attr_jid("to") if to_text else user_jid(sender, False)
    await conn.send(server_ack("receipt", stanza_id, to, node.attr("type")))
    if node.attr("type") in READ_TYPES:
        await _tell_own_devices(hub, sender, device, to, node)
        if node.attr("type") == "read-self":
            return
    if to.is_group:
        await group_routing.handle_group_receipt(conn, node, to)
        return
    if to.is_status_broadcast:
        await status_routing.handle_status_receipt(conn, node)
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
