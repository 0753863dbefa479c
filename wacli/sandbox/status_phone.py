"""The simulated phones and statuses (status_routing.py is the server's part): a phone
posts a status to the accounts the admin call names, else to its contacts — the accounts
its inbox shows a 1:1 chat with, the sandbox's stand-in for an address book — and reads
statuses that reach it into its inbox with chat ``status@broadcast``, answering with a
receipt to the poster.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.jid import JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.message_source import parse_source
from wacli.protocol.outgoing_message import message_type
from wacli.sandbox.delivery import RoutingError, phone_bundle
from wacli.sandbox.phone import enc_node, new_message_id, now
from wacli.sandbox.phone_groups import read_sender_keyed
from wacli.sandbox.state import Account, InboxEntry
from wacli.sandbox.status_routing import STATUS_CHAT, Target, deliver_status, relay_status_receipt
from wacli.signal import SignalError

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)


def is_status(node: Node) -> bool:
    """Whether a stanza for a phone is a status (from ``status@broadcast``)."""
    return node.attr("from") == STATUS_CHAT


def phone_contacts(hub: Hub, phone: str) -> list[Account]:
    """The accounts a phone's status goes to by default: those of its inbox's 1:1 chats."""
    found: dict[str, Account] = {}
    for entry in hub.state.inbox(phone):
        try:
            jid = parse_jid(entry.chat)
        except JIDError:
            continue
        account = hub.account_of(jid.to_non_ad()) if jid.is_user else None
        if account is not None and account.phone != phone:
            found[account.phone] = account
    return list(found.values())


async def phone_posts_status(
    hub: Hub, phone: str, message: e2e_pb2.Message, viewers: list[Account]
) -> str:
    """The phone of ``phone`` posts ``message`` as a status to every device of
    ``viewers`` and to its own companions: its status sender key pairwise to each, then
    one skmsg; the message id."""
    poster = hub.state.account(phone)
    if poster is None:
        raise RoutingError(f"no account {phone}")
    sim = hub.phone(phone)
    distribution = e2e_pb2.Message()
    skdm = distribution.sender_key_distribution_message
    skdm.group_id = STATUS_CHAT
    skdm.axolotl_sender_key_distribution_message = sim.sender_key_distribution(STATUS_CHAT)
    plain_distribution = distribution.SerializeToString()
    pairwise: list[tuple[Target, Node]] = []
    for account in [*viewers, poster]:
        for device, _ in hub.device_ids(account.phone):
            if account.phone == phone and device == 0:
                continue
            bundle = partial(phone_bundle, hub, account.phone, device)
            sealed = sim.encrypt_for(account.phone, device, plain_distribution, bundle)
            if sealed is None:
                log.info("no bundle for %s:%d; it does not see the status", account.phone, device)
                continue
            enc = enc_node(hub.stats, sealed.type.enc_type, 2, sealed.body, device=device)
            pairwise.append(((account, device, False), enc))
    body = sim.group_encrypt(STATUS_CHAT, message.SerializeToString())
    skmsg = enc_node(hub.stats, "skmsg", 2, body)
    stanza_id = new_message_id()
    kind = message_type(message)
    await deliver_status(hub, poster, 0, stanza_id, kind, skmsg, pairwise, None)
    hub.stats["phone_messages_sent"] += 1
    return stanza_id


async def phone_receives_status(hub: Hub, phone: str, node: Node) -> None:
    """Device 0 of ``phone`` gets a status: read it into its inbox (chat status@broadcast)
    and answer with a receipt to the poster."""
    reader = hub.state.account(phone)
    assert reader is not None
    try:
        source = parse_source(node, *hub.jids(reader))
        poster = hub.account_of(source.sender.to_non_ad())
        if poster is None:
            raise RoutingError(f"no account {source.sender}")
        message = read_sender_keyed(hub, phone, STATUS_CHAT, poster, source.sender.device, node)
    except (RoutingError, BinaryError, JIDError, SignalError, ProtocolError, DecodeError) as exc:
        log.warning("the phone of %s cannot read status %s: %s", phone, node.attr("id"), exc)
        hub.stats["phone_decrypt_failures"] += 1
        return
    if message is None:
        return
    stanza_id = node.require_attr("id")
    entry = InboxEntry(
        stanza_id,
        str(source.sender),
        STATUS_CHAT,
        now(),
        source.is_from_me,
        message.SerializeToString(),
    )
    hub.state.keep_inbox(phone, entry)
    hub.stats["phone_messages_received"] += 1
    if not source.is_from_me:
        await relay_status_receipt(hub, reader, 0, poster, stanza_id, Node("receipt"))
