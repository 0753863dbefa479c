"""Sending to a group (whatsmeow send.go sendGroup, Baileys relayMessage for groups).

1. the participants come from the group's metadata (``<iq xmlns="w:g2" type="get"
   to=GROUP><query request="interactive"/></iq>`` → ``<group addressing_mode>
   <participant jid [phone_number|lid]/>…</group>``); their devices from the usync cache;
2. our sender key for the group (wacli.signal.group) goes, inside a pairwise
   pkmsg/msg, only to the devices that do not hold it yet (remembered in the store once
   the server took the message); when a participant left, the key is replaced first so
   that they cannot read what follows;
3. ``<message to=GROUP id type [addressing_mode=lid]><participants><to jid><enc/></to>…
   </participants><enc v=2 type=skmsg/>[<device-identity/>]</message>``, settled by the
   server's ack.

In a ``lid`` group the devices are addressed by LID, and our sender key is named after our
LID device, as recipients know us there.
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.binary import Attrs, BinaryError, Node
from wacli.client.connection import Connection
from wacli.client.errors import IqError, RefusedError, group_refusal
from wacli.client.operations import Sent
from wacli.client.send import (
    ACK_TIMEOUT,
    encrypt_for,
    ensure_sessions,
    has_pkmsg,
    new_message_id,
    settle,
)
from wacli.client.stanzas import iq
from wacli.client.usync import device_lists
from wacli.jid import JID, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.outgoing_message import edit_attr, message_type
from wacli.protocol.padding import pad_message
from wacli.signal import ProtocolAddress
from wacli.signal.group import GroupCipher, GroupSessionBuilder, SenderKeyName
from wacli.store import Store

MAX_GROUP_PARTICIPANTS = 5000


@dataclass(frozen=True, slots=True)
class GroupInfo:
    jid: JID
    addressing_mode: str  # "lid" or "pn"
    participants: tuple[JID, ...]  # users, in the group's addressing
    metadata: Node  # the whole <group> (subject, creation, roles) for who needs more


def parse_group_info(answer: Node, group: JID) -> GroupInfo:
    """The participants of a w:g2 query answer; RefusedError when it has no group."""
    node = answer.child("group")
    if node is None:
        raise RefusedError(f"the group query for {group} answered without a <group>")
    mode = node.attr("addressing_mode") or "pn"
    participants = []
    for child in node.children_named("participant")[:MAX_GROUP_PARTICIPANTS]:
        try:
            jid = child.attr_jid("jid").to_non_ad()
        except (BinaryError, JIDError):
            continue
        if jid.is_user:
            participants.append(jid)
    return GroupInfo(group, "lid" if mode == "lid" else "pn", tuple(participants), node)


def _learn_mappings(store: Store, answer: Node) -> None:
    """Group metadata names each participant's other address (phone_number or lid)."""
    node = answer.child("group")
    if node is None:
        return
    for child in node.children_named("participant")[:MAX_GROUP_PARTICIPANTS]:
        try:
            jid = child.attr_jid("jid")
            if child.attr("phone_number"):
                lid, pn = jid, child.attr_jid("phone_number")
            elif child.attr("lid"):
                lid, pn = child.attr_jid("lid"), jid
            else:
                continue
        except (BinaryError, JIDError):
            continue
        if lid.is_lid and pn.is_pn:
            store.put_lid_mapping(lid, pn, "group")


async def group_info(conn: Connection, store: Store, group: JID) -> GroupInfo:
    """The group's metadata from the server (w:g2); IqError when it refuses (not a member,
    no such group)."""
    request = iq("w:g2", "get", [Node("query", {"request": "interactive"})], to=group)
    try:
        answer = await conn.request(request)
    except IqError as exc:
        worded = group_refusal(group, exc.code)  # 403 / 404 in words
        if worded is None:
            raise
        raise IqError(worded, exc.code, exc.text) from None
    with store.transaction():
        _learn_mappings(store, answer)
    return parse_group_info(answer, group)


def own_address(store: Store, own: JID, lid_mode: bool) -> JID:
    """Our device as the group's members know it (our LID device in a lid group)."""
    if lid_mode:
        account = store.load_account()
        if account is not None and account.lid:
            return parse_jid(account.lid).to_non_ad().with_device(own.device)
    return own


def sender_key_name(group: JID, own_device: JID) -> SenderKeyName:
    name, device = own_device.signal_address()
    return SenderKeyName(str(group), ProtocolAddress(name, device))


def distribution_message(group: JID, skdm: bytes) -> e2e_pb2.Message:
    message = e2e_pb2.Message()
    message.sender_key_distribution_message.group_id = str(group)
    message.sender_key_distribution_message.axolotl_sender_key_distribution_message = skdm
    return message


def _rotate_if_someone_left(
    store: Store, info: GroupInfo, name: SenderKeyName, holders: set[str]
) -> set[str]:
    """Replace our sender key when a holder's user is no longer a participant."""
    members = {str(user) for user in info.participants}
    for holder in holders:
        try:
            user = str(parse_jid(holder).to_non_ad())
        except JIDError:
            user = ""
        if user not in members:
            GroupSessionBuilder(store).rotate(name)
            store.clear_sender_key_holders(info.jid)
            return set()
    return holders


async def send_group_message(
    conn: Connection,
    store: Store,
    own: JID,
    group: JID,
    message: e2e_pb2.Message,
    *,
    message_id: str | None = None,
    timeout: float = ACK_TIMEOUT,
) -> Sent:
    """Encrypt ``message`` once with our sender key and send it to ``group``, handing the
    key to member devices that lack it. RefusedError on a negative ack (or an empty group),
    IqError when the group's metadata is refused, RequestTimeout without an ack."""
    group = group.to_non_ad()
    message_id = message_id or new_message_id()
    account = store.load_account()
    assert account is not None
    info = await group_info(conn, store, group)
    me = own_address(store, own, info.addressing_mode == "lid")
    users = list(dict.fromkeys([*info.participants, me.to_non_ad()]))
    lists = await device_lists(conn, store, users)
    devices = [
        jid
        for user in users
        for jid in lists.get(user) or [user.with_device(0)]
        if not (jid.user == me.user and jid.device == me.device)
    ]
    if not devices:
        raise RefusedError(f"{group} has no other member device to send to")
    name = sender_key_name(group, me)
    plain = message.SerializeToString()
    with store.transaction():
        holders = _rotate_if_someone_left(store, info, name, store.sender_key_holders(group))
        skdm = GroupSessionBuilder(store).create(name).serialize()
    lacking = [jid for jid in devices if str(jid) not in holders]
    reachable = set(await ensure_sessions(conn, store, lacking))
    distribution = distribution_message(group, skdm).SerializeToString()
    tos = []
    with store.transaction():
        for jid in lacking:
            if jid in reachable:
                tos.append(Node("to", {"jid": jid}, [encrypt_for(store, jid, distribution)]))
        skmsg = GroupCipher(store, name).encrypt(pad_message(plain))
        store.remember_sent(group, message_id, plain)
    attrs: Attrs = {"id": message_id, "to": group, "type": message_type(message)}
    if info.addressing_mode == "lid":
        attrs["addressing_mode"] = "lid"
    edit = edit_attr(message)
    if edit is not None:
        attrs["edit"] = edit
    content = []
    if tos:
        content.append(Node("participants", {}, tos))
    content.append(Node("enc", {"v": "2", "type": "skmsg"}, skmsg))
    if has_pkmsg([to.children[0] for to in tos]):
        content.append(Node("device-identity", {}, account.signed_identity))
    ack = await conn.request(Node("message", attrs, content), timeout)
    sent = settle(ack, message_id, group)
    with store.transaction():
        store.add_sender_key_holders(group, [str(to.attrs["jid"]) for to in tos])
    return sent
