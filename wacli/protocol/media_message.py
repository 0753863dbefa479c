"""Media messages: which Message field carries which kind of file, and what it says.

An image, video, voice/audio file, document or sticker is sent as its own Message
field (imageMessage, …) holding where the encrypted file was uploaded (url,
direct_path), its media key and both SHA-256s (media_crypto). The uploader and
the downloader agree on the kind: it picks the HKDF info string and the upload
path ``/mms/<type>`` (Baileys MEDIA_PATH_MAP, whatsmeow upload.go).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wacli.proto import e2e_pb2
from wacli.protocol.errors import MediaError

if TYPE_CHECKING:  # reading where a received file is needs no AES
    from wacli.protocol.media_crypto import EncryptedMedia

# kind -> (Message field, HKDF media type, upload path segment)
_KINDS: dict[str, tuple[str, str, str]] = {
    "image": ("image_message", "image", "image"),
    "video": ("video_message", "video", "video"),
    "audio": ("audio_message", "audio", "audio"),
    "document": ("document_message", "document", "document"),
    "sticker": ("sticker_message", "sticker", "image"),
}
MEDIA_KINDS = tuple(_KINDS)

# The upload path segments the media server takes (``/mms/<segment>/<token>``).
UPLOAD_SEGMENTS = frozenset(
    {"image", "video", "audio", "document", "md-msg-hist", "md-app-state", "thumbnail-link"}
)


def kind_for_mimetype(mimetype: str) -> str:
    """image/video/audio by the MIME type's major part; anything else is a document."""
    major = mimetype.split("/", 1)[0].strip().lower()
    return major if major in ("image", "video", "audio") else "document"


def upload_segment(kind: str) -> str:
    """The ``/mms/<segment>`` a file of this kind is uploaded under."""
    if kind not in _KINDS:
        raise MediaError(f"unknown media kind {kind!r}")
    return _KINDS[kind][2]


@dataclass(frozen=True, slots=True)
class MediaRef:
    """What a received media message says about its file."""

    kind: str  # image, video, audio, document, sticker
    media_type: str  # the HKDF media type (media_crypto.MEDIA_HKDF_INFO)
    url: str
    direct_path: str
    media_key: bytes
    file_sha256: bytes
    file_enc_sha256: bytes
    file_length: int
    mimetype: str

    def __repr__(self) -> str:  # the media key stays out of logs
        return f"MediaRef({self.kind}, {self.direct_path!r}, {self.file_length} bytes)"


def blob_ref(
    kind: str,
    media_type: str,
    direct_path: str,
    media_key: bytes,
    file_sha256: bytes,
    file_enc_sha256: bytes,
    file_length: int,
) -> MediaRef:
    """A protocol blob on the media hosts (a history chunk, an app-state snapshot): found by
    its direct path alone, its bytes opaque."""
    return MediaRef(
        kind=kind,
        media_type=media_type,
        url="",
        direct_path=direct_path,
        media_key=media_key,
        file_sha256=file_sha256,
        file_enc_sha256=file_enc_sha256,
        file_length=file_length,
        mimetype="application/octet-stream",
    )


def media_ref(message: e2e_pb2.Message) -> MediaRef | None:
    """The file of a media message (None when ``message`` carries none)."""
    for kind, (field, media_type, _) in _KINDS.items():
        if not message.HasField(field):
            continue
        part = getattr(message, field)
        if not part.media_key or not (part.direct_path or part.url):
            return None
        return MediaRef(
            kind=kind,
            media_type=media_type,
            url=part.url,
            direct_path=part.direct_path,
            media_key=part.media_key,
            file_sha256=part.file_sha256,
            file_enc_sha256=part.file_enc_sha256,
            file_length=part.file_length,
            mimetype=part.mimetype,
        )
    return None


def media_message(
    kind: str,
    media: EncryptedMedia,
    url: str,
    direct_path: str,
    mimetype: str,
    *,
    caption: str | None = None,
    file_name: str | None = None,
    timestamp: int = 0,
) -> e2e_pb2.Message:
    """The Message announcing an uploaded file of ``kind`` (MediaError for an unknown kind)."""
    if kind not in _KINDS:
        raise MediaError(f"unknown media kind {kind!r}")
    message = e2e_pb2.Message()
    part = getattr(message, _KINDS[kind][0])
    part.url = url
    part.direct_path = direct_path
    part.mimetype = mimetype
    part.media_key = media.media_key
    part.file_sha256 = media.digests.file_sha256
    part.file_enc_sha256 = media.digests.file_enc_sha256
    part.file_length = media.digests.file_length
    if timestamp:
        part.media_key_timestamp = timestamp
    if caption and kind in ("image", "video", "document"):
        part.caption = caption
    if kind == "document" and file_name:
        part.file_name = file_name
        part.title = file_name
    return message
