"""A text status update's Message, as WhatsApp's apps post one: an extendedTextMessage on
a coloured background. Built here for the client (``wacli status post``) and the
sandbox's phones (docs/sandbox-admin.md, "Statuses") alike."""

from __future__ import annotations

from typing import Final

from wacli.proto import e2e_pb2

# The background when none is chosen (WhatsApp's dark teal), opaque ARGB.
TEXT_BACKGROUND: Final = 0xFF128C7E


def text_status(text: str) -> e2e_pb2.Message:
    message = e2e_pb2.Message()
    message.extended_text_message.text = text
    message.extended_text_message.background_argb = TEXT_BACKGROUND
    return message
