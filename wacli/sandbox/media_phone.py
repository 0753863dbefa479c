"""Simulated phones and media: they send files and open the files they receive.

Sending (admin API): ``{"to": …, "image"|"video"|"audio"|"document"|"sticker":
{"data": <base64> | "path": <file>, "mimetype", "caption", "file_name"}}`` — the
phone encrypts the file under a fresh media key, uploads the ciphertext to the
media store and sends the media Message.

Receiving: a phone downloads and decrypts the file of each media message in its
inbox (MAC and both SHA-256s checked), so its inbox entries say what a client
actually uploaded: ``media_sha256`` (of the decrypted bytes), ``media_size`` and
``media_kind``, or ``media_error`` when the file is missing or does not check out.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError

from wacli.proto import e2e_pb2
from wacli.protocol.errors import MediaError
from wacli.protocol.media_crypto import decrypt_media, encrypt_media
from wacli.protocol.media_message import MEDIA_KINDS, media_message, media_ref
from wacli.sandbox.http import HttpError
from wacli.sandbox.phone import now

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

_DEFAULT_MIME = {
    "image": "image/jpeg",
    "video": "video/mp4",
    "audio": "audio/ogg; codecs=opus",
    "document": "application/octet-stream",
    "sticker": "image/webp",
}


def _optional_text(spec: dict[str, Any], key: str) -> str | None:
    value = spec.get(key)
    if value is not None and not isinstance(value, str):
        raise HttpError(400, f"{key!r} must be a string")
    return value


def _file_bytes(spec: dict[str, Any], limit: int) -> tuple[bytes, str | None]:
    """The file a media spec gives inline (base64 ``data``) or by ``path``, and its name."""
    if isinstance(spec.get("data"), str):
        try:
            data = base64.b64decode(spec["data"], validate=True)
        except (binascii.Error, ValueError):
            raise HttpError(400, "'data' is not base64") from None
        return data, None
    if isinstance(spec.get("path"), str):
        path = Path(spec["path"])
        try:
            if path.stat().st_size > limit:
                raise HttpError(413, f"{path} is over the sandbox's media limit of {limit} bytes")
            return path.read_bytes(), path.name
        except OSError as exc:
            raise HttpError(400, f"cannot read {path}: {exc.strerror}") from None
    raise HttpError(400, "a media spec needs 'data' (base64) or 'path'")


def admin_media(hub: Hub, body: dict[str, Any]) -> e2e_pb2.Message | None:
    """The media Message a send request asks for (None when it names no media): the file
    is encrypted and uploaded first, as a phone does."""
    kinds = [kind for kind in MEDIA_KINDS if kind in body]
    if not kinds:
        return None
    if len(kinds) > 1:
        raise HttpError(400, f"give one media kind, not {kinds}")
    kind, spec = kinds[0], body[kinds[0]]
    if not isinstance(spec, dict):
        raise HttpError(400, f"{kind!r} must be an object with 'data' or 'path'")
    data, name = _file_bytes(spec, hub.media.max_bytes)
    mimetype = _optional_text(spec, "mimetype") or _DEFAULT_MIME[kind]
    encrypted = encrypt_media(data, kind)
    try:
        direct_path = hub.media.put(encrypted.data)
    except ValueError as exc:
        raise HttpError(413, str(exc)) from None
    return media_message(
        kind,
        encrypted,
        hub.media.url(direct_path),
        direct_path,
        mimetype,
        caption=_optional_text(spec, "caption"),
        file_name=_optional_text(spec, "file_name") or name,
        timestamp=now(),
    )


def inbox_media(hub: Hub, message_bytes: bytes) -> dict[str, Any]:
    """What the phone finds when it downloads and decrypts an inbox entry's file."""
    message = e2e_pb2.Message()
    try:
        message.ParseFromString(message_bytes)
    except DecodeError:
        return {}
    ref = media_ref(message)
    if ref is None:
        return {}
    found: dict[str, Any] = {"media_kind": ref.kind}
    blob = hub.media.get(ref.direct_path or ref.url)
    if blob is None:
        return {**found, "media_error": "the file is not on the media server"}
    try:
        expected = (ref.file_enc_sha256 or None, ref.file_sha256 or None)
        plain = decrypt_media(blob, ref.media_key, ref.media_type, *expected)
    except MediaError as exc:
        return {**found, "media_error": str(exc)}
    if ref.file_length and ref.file_length != len(plain):
        return {**found, "media_error": "file_length differs from the decrypted size"}
    return {**found, "media_sha256": hashlib.sha256(plain).hexdigest(), "media_size": len(plain)}
