"""Disappearing messages without I/O: a chat's timer, set and honoured (whatsmeow
SetDisappearingTimer, Baileys ``disappearingMessagesInChat`` / groupToggleEphemeral).

- 1:1: the new timer is a protocolMessage EPHEMERAL_SETTING (``ephemeral_expiration``,
  seconds; 0 is off) in an ephemeralMessage envelope, as Baileys and the apps send it;
- groups: ``<iq xmlns="w:g2" type="set" to=GROUP><ephemeral expiration/>`` (``<not_ephemeral/>``
  turns it off); members hear of it in a w:gp2 notification with the same child, and the
  group's metadata carries ``<ephemeral expiration/>`` while a timer is on;
- honoured: each message to a chat with a timer carries ``contextInfo.expiration`` on its
  content, so the recipients' apps delete it when the time is up.
"""

from __future__ import annotations

from typing import Any, Final

from wacli.binary import Node
from wacli.proto import e2e_pb2
from wacli.protocol.message_model import unwrap

# The timers WhatsApp's apps offer, by the names the CLI takes.
TIMERS: Final = {"24h": 86_400, "7d": 604_800, "90d": 7_776_000, "off": 0}
EPHEMERAL_SETTING: Final = e2e_pb2.ProtocolMessage.EPHEMERAL_SETTING
# Content fields that cannot carry an expiration: changes to other messages and notices.
_NOT_CONTENT: Final = ("protocol_message", "reaction_message", "enc_reaction_message")


def setting_message(seconds: int) -> e2e_pb2.Message:
    """A 1:1 chat's new timer (0: off)."""
    message = e2e_pb2.Message()
    protocol = message.ephemeral_message.message.protocol_message
    protocol.type = EPHEMERAL_SETTING
    protocol.ephemeral_expiration = seconds
    return message


def timer_set(message: e2e_pb2.Message) -> int | None:
    """The timer a Message sets for its chat (seconds, 0: off), None when it sets none."""
    content, _ = unwrap(message)
    protocol = content.protocol_message
    if content.HasField("protocol_message") and protocol.type == EPHEMERAL_SETTING:
        return protocol.ephemeral_expiration
    return None


def group_setting(seconds: int) -> Node:
    """The child of the w:g2 iq (and of the notification) that sets a group's timer."""
    if seconds:
        return Node("ephemeral", {"expiration": str(seconds)})
    return Node("not_ephemeral")


def read_group_setting(node: Node) -> int | None:
    """The timer an ``<ephemeral expiration/>`` or ``<not_ephemeral/>`` names (seconds),
    None for any other node or a malformed expiration."""
    if node.tag == "not_ephemeral":
        return 0
    expiration = (node.attr("expiration") if node.tag == "ephemeral" else None) or ""
    digits = expiration.isascii() and expiration.isdigit() and len(expiration) < 11
    return int(expiration) if digits else None


def with_expiration(message: e2e_pb2.Message, seconds: int) -> e2e_pb2.Message:
    """``message`` as it goes to a chat whose timer is ``seconds``: its content's
    contextInfo carries the expiration (plain text becomes an extendedTextMessage, which
    has a contextInfo); changes and notices go as they are."""
    if not seconds:
        return message
    content, _ = unwrap(message)
    fields = [field.name for field, _ in content.ListFields()]
    if any(field in _NOT_CONTENT for field in fields):
        return message
    if "conversation" in fields:
        text = content.conversation
        content.ClearField("conversation")
        content.extended_text_message.text = text
        fields = ["extended_text_message"]
    for field in fields:
        body: Any = getattr(content, field)
        if "context_info" in body.DESCRIPTOR.fields_by_name:
            body.context_info.expiration = seconds
            break
    return message
