"""What the stanza of a sent message carries besides its ciphertext, on both sides
(whatsmeow send.go getTypeFromMessage / getEditAttribute; Baileys messages-send.ts):
``<message type edit>``, and the DeviceSentMessage the sender's own other devices get
in place of the Message itself."""

from __future__ import annotations

from wacli.jid import JID
from wacli.proto import e2e_pb2
from wacli.protocol.message_model import classify


def device_sent_copy(chat: JID, message: e2e_pb2.Message) -> e2e_pb2.Message:
    """What the sender's own other devices get: the message wrapped with its destination."""
    copy = e2e_pb2.Message()
    copy.device_sent_message.destination_jid = str(chat)
    copy.device_sent_message.message.CopyFrom(message)
    return copy


def message_type(message: e2e_pb2.Message) -> str:
    """The stanza's ``type``: "reaction", "media" or "text"."""
    model = classify(message)
    if model.kind == "reaction":
        return "reaction"
    return "media" if model.media is not None else "text"


def edit_attr(message: e2e_pb2.Message) -> str | None:
    """The stanza's ``edit`` attribute: "1" for an edit, "7" for a revoke."""
    change = classify(message).change
    if change is None or change.action == "reaction":
        return None
    return "1" if change.action == "edit" else "7"
