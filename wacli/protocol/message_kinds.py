"""Kinds of content beyond text and files, built and read without I/O.

Built: a location, a contact card (vCard), and the view-once envelope of a photo or
video (viewOnceMessageV2, as WhatsApp's apps send one; Baileys 7 still uses the first).
Read: the fields a ``message`` event shows of each kind of content (``data.details``,
docs/events.schema.json), so a script reads a place, a contact card or a poll without
walking the protobuf.

``details(model)`` takes what wacli.protocol.message_model.classify found: for a file
its MIME type and whether it is to be viewed once; for a location its coordinates and
names; for a contact card each contact's name and vCard; for a poll its question,
options and how many one may choose; for a vote the poll it is on; for a chat's
disappearing-messages change the new timer. Other kinds have none (None).
"""

from __future__ import annotations

from typing import Any, Final

from wacli.proto import e2e_pb2
from wacli.protocol.message_model import MessageModel, vcard_name
from wacli.protocol.polls import read_poll

VIEW_ONCE_WRAPPERS: Final = frozenset(
    {"view_once_message", "view_once_message_v2", "view_once_message_v2_extension"}
)
EPHEMERAL_SETTING: Final = e2e_pb2.ProtocolMessage.EPHEMERAL_SETTING


def location_message(
    latitude: float, longitude: float, name: str | None = None, address: str | None = None
) -> e2e_pb2.Message:
    """A place: its coordinates, and the name and address a map shows (when given)."""
    message = e2e_pb2.Message()
    place = message.location_message
    place.degrees_latitude, place.degrees_longitude = latitude, longitude
    if name:
        place.name = name
    if address:
        place.address = address
    return message


def vcard(name: str, phone: str) -> str:
    """A vCard 3.0 as WhatsApp's apps share a contact: the ``waid`` names its WhatsApp
    account (the number's digits)."""
    digits = "".join(c for c in phone if c.isascii() and c.isdigit())
    return (
        "BEGIN:VCARD\nVERSION:3.0\n"
        f"N:;{name};;;\nFN:{name}\n"
        f"TEL;type=CELL;type=VOICE;waid={digits}:+{digits}\n"
        "END:VCARD"
    )


def contact_message(display_name: str, card: str) -> e2e_pb2.Message:
    """A contact card: the name a chat shows, and the vCard."""
    message = e2e_pb2.Message()
    message.contact_message.display_name = display_name
    message.contact_message.vcard = card
    return message


def view_once(message: e2e_pb2.Message) -> e2e_pb2.Message:
    """A photo or video Message in the envelope that makes it viewable once."""
    for field in ("image_message", "video_message"):
        if message.HasField(field):
            getattr(message, field).view_once = True
    wrapped = e2e_pb2.Message()
    wrapped.view_once_message_v2.message.CopyFrom(message)
    return wrapped


def _set(body: Any, name: str) -> Any:
    """The field's value, None when the message leaves it out."""
    return getattr(body, name) if body.HasField(name) else None


def _location(content: e2e_pb2.Message) -> dict[str, Any]:
    live = content.HasField("live_location_message")
    body: Any = content.live_location_message if live else content.location_message
    return {
        "latitude": body.degrees_latitude,
        "longitude": body.degrees_longitude,
        "name": None if live else _set(body, "name"),
        "address": None if live else _set(body, "address"),
        "live": live,
    }


def _contacts(content: e2e_pb2.Message) -> dict[str, Any]:
    cards = (
        list(content.contacts_array_message.contacts)
        if content.HasField("contacts_array_message")
        else [content.contact_message]
    )
    return {
        "contacts": [
            {
                # Baileys sends a lone card without its display name: the vCard's FN names it.
                "display_name": _set(card, "display_name") or vcard_name(card.vcard),
                "vcard": _set(card, "vcard"),
            }
            for card in cards
        ]
    }


def _poll(content: e2e_pb2.Message) -> dict[str, Any]:
    poll = read_poll(content)
    if poll is None:
        return {"question": None, "options": [], "selectable": 0}
    return {"question": poll.question, "options": list(poll.options), "selectable": poll.selectable}


def details(model: MessageModel) -> dict[str, Any] | None:
    """The fields of ``model``'s kind a message event shows (see the module)."""
    content = model.content
    if model.media is not None:
        found: dict[str, Any] = {
            "mimetype": model.media.mimetype,
            "view_once": bool(VIEW_ONCE_WRAPPERS.intersection(model.wrappers)),
        }
        if model.kind == "sticker":
            found["animated"] = content.sticker_message.is_animated
        return found
    if model.kind == "location":
        return _location(content)
    if model.kind == "contact":
        return _contacts(content)
    if model.kind == "poll":
        return _poll(content)
    if model.kind == "poll_update":
        return {"poll_id": content.poll_update_message.poll_creation_message_key.id}
    protocol = content.protocol_message
    if model.kind == "protocol" and protocol.type == EPHEMERAL_SETTING:
        return {"disappearing_seconds": protocol.ephemeral_expiration}
    return None
