"""Group messages and receipts: skmsg fan-out to every member device, as the real server does.

Shapes (whatsmeow send.go/message.go, Baileys messages-send/decode-wa-message):

- a member device sends ``<message to=GROUP id type [addressing_mode]><enc v=2
  type=skmsg/><participants><to jid=DEVICE><enc type=pkmsg|msg/></to>…</participants>
  [<device-identity/>]</message>`` (the pairwise ``<enc>``s carry its
  SenderKeyDistributionMessage to devices that lack it); the server acks it
  (``<ack class=message id from=GROUP t/>``, ``error=403/404`` when the sender is no
  member or there is no such group, 403 too from a non-admin in an announcement group)
  and every member device but the sending one gets
  ``<message from=GROUP participant=SENDER_DEVICE id t type notify
  participant_pn|participant_lid [addressing_mode=lid]>[<enc pkmsg|msg/>]<enc skmsg/>
  [<device-identity/>]</message>``: its own pairwise ``<enc>`` first (the sender key
  must be known before the skmsg is read), queued per device like 1:1 messages. The
  sender is named in the group's addressing (LID in a ``lid`` group), the other
  address in participant_pn/participant_lid. A resend to one device (``participant=``
  on the stanza, a retry answer) goes to that device alone;
- ``<receipt to=GROUP participant=AUTHOR id [type]>`` is acked and relayed to the
  author's devices as ``<receipt from=GROUP participant=READER_DEVICE id t [type]>``.

routing.py hands group messages and receipts here; what the simulated phones do in
groups (sender keys, skmsg, retries) is phone_groups.py's, on top of this module.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from wacli.binary import BinaryError, Node
from wacli.jid import GROUP_SERVER, JID, JIDError
from wacli.protocol.message_source import group_source
from wacli.sandbox.delivery import MAX_PARTICIPANTS, deliver, device_jid, user_jid
from wacli.sandbox.group_settings import settings_of
from wacli.sandbox.groups import is_lid
from wacli.sandbox.phone import now
from wacli.sandbox.stanzas import server_ack
from wacli.sandbox.state import Account, Group

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
    attrs = group_source(
        JID(group.jid.split("@")[0], GROUP_SERVER),
        device_jid(hub, sender, sender_device, lid),
        user_jid(sender, not lid),
        lid_mode=lid,
    )
    attrs.update(id=stanza_id, t=str(now()), type=kind, notify=sender.push_name or None)
    attrs["edit"] = edit  # kept as the sender set it (edits, revokes)
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
            await deliver(hub, member, device, Node("message", dict(attrs), content))
            delivered += 1
    return delivered


def _pairwise(hub: Hub, node: Node) -> dict[DeviceKey, Node]:
    encs: dict[DeviceKey, Node] = {}
    participants = node.child("participants")
    tos = [] if participants is None else participants.children_named("to")
    for to in tos[:MAX_PARTICIPANTS]:
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
    elif not group.admin_of(phone) and settings_of(hub, group.jid).announce:
        error = "403"  # announcement group: only admins send
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
            "participant": device_jid(hub, reader, reader_device, lid),
            "id": stanza_id,
            "t": str(now()),
            "type": kind,
        }
        await deliver(hub, target.phone, device, Node("receipt", attrs, content))


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
