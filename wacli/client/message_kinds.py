"""Sending a location, a contact card, a sticker or a view-once photo or video: the checks
WhatsApp's apps make before they send one (else Unsendable, exit 2 in the CLI), around
the builders of wacli.protocol.message_kinds."""

from __future__ import annotations

import math
from mimetypes import guess_type
from pathlib import Path

from wacli.client.errors import Unsendable
from wacli.client.messaging import check_text
from wacli.proto import e2e_pb2
from wacli.protocol.media_message import kind_for_mimetype
from wacli.protocol.message_kinds import contact_message, location_message, vcard
from wacli.protocol.message_model import vcard_name


def place(
    latitude: float, longitude: float, name: str | None, address: str | None
) -> e2e_pb2.Message:
    """A location; Unsendable off the globe."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        raise Unsendable("a location needs finite coordinates")
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise Unsendable(
            f"{latitude},{longitude} is off the globe: latitude -90..90, longitude -180..180"
        )
    for part in (name, address):
        if part is not None:
            check_text(part)
    return location_message(latitude, longitude, name, address)


def contact_card(name: str | None, phone: str | None, card: str | None) -> e2e_pb2.Message:
    """A contact card from a NAME and PHONE, or from a vCard (its FN names it)."""
    if card is not None:
        if "BEGIN:VCARD" not in card.upper():
            raise Unsendable("the file is no vCard (no BEGIN:VCARD)")
        check_text(card)
        shown = vcard_name(card)
        if shown is None:
            raise Unsendable("the vCard has no FN (formatted name) to show in the chat")
        return contact_message(shown, card)
    digits = "".join(c for c in phone or "" if c.isascii() and c.isdigit())
    if not name or not name.strip() or len(digits) < 5:
        raise Unsendable("a contact is NAME,PHONE: a name and a phone number in digits")
    return contact_message(name.strip(), vcard(name.strip(), digits))


def check_sticker(name: str, data: bytes) -> None:
    """Unsendable unless ``data`` is a WebP image (the one format stickers come in:
    ``RIFF``, a length, ``WEBP``)."""
    if not (len(data) > 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        raise Unsendable(f"{name} is no WebP image; WhatsApp's stickers are WebP files")


def check_view_once(name: str) -> None:
    """Unsendable unless the file is a photo or a video (what may be viewed once)."""
    kind = kind_for_mimetype(guess_type(Path(name).name)[0] or "")
    if kind not in ("image", "video"):
        raise Unsendable(f"{name} is no photo or video; only those can be sent view-once")
