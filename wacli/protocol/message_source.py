"""Who sent a message, receipt, retry receipt or chat state, to which chat (whatsmeow's
parseMessageSource; Baileys decodeMessageNode): the client reads these attributes with
``parse_source``, the sandbox writes them with ``direct_source`` and ``group_source``.

The attributes read: ``from`` (the chat for a group or broadcast list, else the sending
device), ``participant`` (the sending device in a group), ``recipient`` (the other party,
when one of our own devices sent a 1:1 message), ``addressing_mode`` (``lid`` or ``pn``:
how a group names its members) and the sender's other address (``participant_pn`` /
``participant_lid`` in a group, ``sender_pn`` / ``sender_lid`` otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.binary import Attrs, Node, NodeError
from wacli.jid import JID


@dataclass(frozen=True, slots=True)
class StanzaSource:
    """Where a stanza comes from, as the chat it belongs to sees it."""

    chat: JID  # the group or broadcast list, else the other party (without device)
    sender: JID  # the sending device, under the address the stanza used (LID or PN)
    is_from_me: bool  # sent by one of our own devices
    is_group: bool  # a group or a broadcast list
    sender_alt: JID | None  # the sender's other address (PN for a LID, LID for a PN)
    addressing_mode: str | None  # "lid" or "pn", as a group stanza says


def is_own(jid: JID, device: JID, lid: JID | None) -> bool:
    """Whether ``jid`` is one of our devices: our phone number's or our LID's user."""
    return jid.user == device.user or (lid is not None and jid.user == lid.user)


def parse_source(
    node: Node, device: JID, lid: JID | None, *, require_participant: bool = True
) -> StanzaSource:
    """The source of ``node`` for the account whose device is ``device`` (LID ``lid``).

    A group stanza without ``participant`` is refused (NodeError) when
    ``require_participant``; otherwise (receipts, chat states) the group counts as sender.
    """
    origin = node.attr_jid("from")
    mode = node.attr("addressing_mode")
    is_group = origin.is_group or origin.is_broadcast
    if is_group:
        participant = node.attrs.get("participant")
        sender = node.attr_jid("participant") if require_participant or participant else origin
        alt_key = "participant_pn" if mode == "lid" else "participant_lid"
    else:
        sender = origin
        alt_key = "sender_lid" if origin.is_pn else "sender_pn"
    from_me = is_own(sender, device, lid)
    if is_group:
        chat = origin
    elif from_me and node.attr("recipient"):
        chat = node.attr_jid("recipient").to_non_ad()
    else:
        chat = origin.to_non_ad()
    return StanzaSource(chat, sender, from_me, is_group, _other_address(node, alt_key), mode)


def direct_source(sender: JID, *, recipient: JID | None = None, alt: JID | None = None) -> Attrs:
    """The attributes of a 1:1 stanza from device ``sender``: ``recipient`` names the chat
    on the copy for the sender's own devices, ``alt`` is the sender's other address."""
    attrs: Attrs = {"from": sender}
    if recipient is not None:
        attrs["recipient"] = recipient
    if alt is not None:
        attrs["sender_lid" if sender.is_pn else "sender_pn"] = alt
    return attrs


def group_source(group: JID, participant: JID, alt: JID | None, *, lid_mode: bool) -> Attrs:
    """The attributes of a stanza from ``participant`` in ``group``, which names its
    members by LID (``lid_mode``) or phone number; ``alt`` is the participant's other one."""
    attrs: Attrs = {"from": group, "participant": participant}
    if alt is not None:
        attrs["participant_pn" if lid_mode else "participant_lid"] = alt
    if lid_mode:
        attrs["addressing_mode"] = "lid"
    return attrs


def _other_address(node: Node, key: str) -> JID | None:
    """The sender's other address; a malformed one is left out (it is a hint, and the
    stanza is readable without it)."""
    try:
        return node.attr_jid(key, None)
    except NodeError:
        return None
