"""The QR code a companion shows for linking, and its parsing on the phone's side.

The text is ``ref,noise_pub,identity_pub,adv_secret`` with the three keys in
standard base64 (whatsmeow), optionally followed by ``,platform_id`` and
prefixed with ``https://wa.me/settings/linked_devices#`` (Baileys 7). The ref
comes from the server's pair-device IQ; the adv secret is 32 random bytes the
companion chose, later used to check pair-success.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field

from wacli.protocol.errors import PairingError

QR_URL_PREFIX = "https://wa.me/settings/linked_devices#"
_MAX_QR_LEN = 4096


@dataclass(frozen=True, slots=True)
class QRPayload:
    ref: str
    noise_public: bytes
    identity_public: bytes
    adv_secret: bytes = field(repr=False)
    platform_id: str | None = None


def build_qr(payload: QRPayload, with_url: bool = True) -> str:
    parts = [
        payload.ref,
        *(
            base64.b64encode(k).decode()
            for k in (payload.noise_public, payload.identity_public, payload.adv_secret)
        ),
    ]
    if payload.platform_id is not None:
        parts.append(payload.platform_id)
    text = ",".join(parts)
    return QR_URL_PREFIX + text if with_url else text


def _key(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise PairingError(f"QR {what} is not base64") from None
    if len(raw) != 32:
        raise PairingError(f"QR {what} is {len(raw)} bytes, not 32")
    return raw


def parse_qr(text: str) -> QRPayload:
    """Read a scanned QR string in either form; anything else is a PairingError."""
    if len(text) > _MAX_QR_LEN:
        raise PairingError("QR text is too long")
    body = text.strip().removeprefix(QR_URL_PREFIX)
    parts = body.split(",")
    if len(parts) not in (4, 5) or not parts[0]:
        raise PairingError("QR text is not ref,noise,identity,adv[,platform]")
    return QRPayload(
        ref=parts[0],
        noise_public=_key(parts[1], "noise key"),
        identity_public=_key(parts[2], "identity key"),
        adv_secret=_key(parts[3], "adv secret"),
        platform_id=parts[4] if len(parts) == 5 else None,
    )
