"""Media: upload a file for a message, download and check the file of one.

1. ``<iq xmlns="w:m" type="set"><media_conn/></iq>`` gives an upload ``auth`` token, the
   media ``host``s and a ``ttl`` (seconds the answer may be reused; MediaClient caches it);
2. the file is encrypted under a fresh media key (wacli.protocol.media_crypto) and the
   ciphertext POSTed to ``https://HOST/mms/<type>/<token>?auth=…&token=…``, the token
   being the URL-safe base64 of the ciphertext's SHA-256; the answer's ``url`` and
   ``direct_path`` go into the Message (wacli.protocol.media_message);
3. a receiver GETs ``https://HOST<direct_path>`` (or ``url``) and checks the MAC and both
   SHA-256s before trusting a byte.

Certificates are verified against ``media_ca`` when given (the sandbox's CA, see
``wacli send --media-ca`` / WACLI_MEDIA_CA), else against the system trust store.
"""

from __future__ import annotations

import base64
import mimetypes
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import orjson

from wacli.binary import BinaryError, Node
from wacli.client import http
from wacli.client.connection import Connection
from wacli.client.errors import ClientError, RefusedError
from wacli.proto import e2e_pb2
from wacli.protocol.errors import MediaError
from wacli.protocol.media_crypto import EncryptedMedia, decrypt_media, encrypt_media
from wacli.protocol.media_message import (
    MediaRef,
    kind_for_mimetype,
    media_message,
    upload_segment,
)
from wacli.protocol.message_model import classify

ORIGIN = "https://web.whatsapp.com"
DEFAULT_MAX_DOWNLOAD = 128 * 1024 * 1024


class MediaFailure(ClientError):
    """Base of the media failures that are not an HTTP error (http.HttpError)."""


class MediaConnError(MediaFailure):
    """The server's media_conn answer is unusable (no auth or no host)."""


class MediaTooLarge(MediaFailure, RefusedError):
    """The file is over the size the media hosts accept."""


class MediaIntegrityError(MediaFailure):
    """A downloaded file failed its MAC or SHA-256 check: nothing of it is trusted."""


@dataclass(frozen=True, slots=True)
class MediaHost:
    hostname: str  # host[:port]
    max_bytes: int | None


@dataclass(frozen=True, slots=True)
class MediaConn:
    auth: str
    ttl: int
    hosts: tuple[MediaHost, ...]
    fetched_at: float  # monotonic

    def fresh(self, now: float) -> bool:
        return now - self.fetched_at < self.ttl

    def __repr__(self) -> str:  # the auth token stays out of logs
        return f"MediaConn(ttl={self.ttl}, hosts={[h.hostname for h in self.hosts]})"


@dataclass(frozen=True, slots=True)
class Uploaded:
    url: str
    direct_path: str


def parse_media_conn(result: Node, now: float) -> MediaConn:
    """The ``<media_conn>`` of an IQ result (MediaConnError when it lacks what uploads need)."""
    node = result.child("media_conn")
    if node is None:
        raise MediaConnError("the media_conn answer has no <media_conn>")
    auth, ttl = node.attr("auth"), node.attr("ttl", "0") or "0"
    hosts = []
    for host in node.children_named("host"):
        name, limit = host.attr("hostname"), host.attr("maxContentLengthBytes")
        if name:
            hosts.append(MediaHost(name, int(limit) if limit and limit.isdigit() else None))
    if not auth or not hosts:
        raise MediaConnError("the media_conn answer has no auth token or no host")
    return MediaConn(auth, int(ttl) if ttl.isdigit() else 0, tuple(hosts), now)


def upload_token(file_enc_sha256: bytes) -> str:
    return base64.urlsafe_b64encode(file_enc_sha256).rstrip(b"=").decode()


class MediaClient:
    """Uploads over one logged-in connection; the media_conn answer is reused until its ttl."""

    def __init__(self, conn: Connection, media_ca: str | None = None) -> None:
        self.conn = conn
        self.context = http.tls_context(media_ca)
        self._media_conn: MediaConn | None = None

    async def media_conn(self, *, refresh: bool = False) -> MediaConn:
        now = time.monotonic()
        if refresh or self._media_conn is None or not self._media_conn.fresh(now):
            result = await self.conn.iq("w:m", "set", [Node("media_conn", {}, [])])
            try:
                self._media_conn = parse_media_conn(result, now)
            except BinaryError as exc:
                raise MediaConnError(f"malformed media_conn answer: {exc}") from None
        return self._media_conn

    async def upload(self, media: EncryptedMedia, kind: str) -> Uploaded:
        """POST the encrypted file to the first host that takes it; a rejected auth token is
        renewed once (it may have expired, as Baileys and whatsmeow do)."""
        token = upload_token(media.digests.file_enc_sha256)
        info = await self.media_conn()
        error: ClientError | None = None
        for attempt in range(2):
            renew = False
            for host in info.hosts:
                if host.max_bytes is not None and len(media.data) > host.max_bytes:
                    error = MediaTooLarge(
                        f"the file is {len(media.data)} bytes encrypted; {host.hostname} "
                        f"takes at most {host.max_bytes}"
                    )
                    continue
                url = (
                    f"https://{host.hostname}/mms/{upload_segment(kind)}/{token}"
                    f"?auth={quote(info.auth, safe='')}&token={token}"
                )
                try:
                    response = await http.request(
                        "POST",
                        url,
                        body=media.data,
                        headers={"Content-Type": "application/octet-stream", "Origin": ORIGIN},
                        context=self.context,
                        max_response=64 * 1024,
                    )
                except http.HttpStatusError as exc:
                    error = exc
                    renew = exc.status in (401, 403) and attempt == 0
                    if renew:
                        break
                    continue
                except http.HttpError as exc:
                    error = exc
                    continue
                return _uploaded(response.body)
            if not renew:
                break
            info = await self.media_conn(refresh=True)
        assert error is not None
        raise error


def _uploaded(body: bytes) -> Uploaded:
    try:
        answer = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise http.HttpError("the media server's answer is not JSON") from None
    url = answer.get("url") if isinstance(answer, dict) else None
    path = answer.get("direct_path") if isinstance(answer, dict) else None
    if not isinstance(url, str) or not isinstance(path, str) or not path.startswith("/"):
        raise http.HttpError("the media server's answer lacks url or direct_path")
    return Uploaded(url, path)


async def fetch_encrypted(
    ref: MediaRef,
    *,
    media_ca: str | None = None,
    hosts: tuple[str, ...] = (),
    max_bytes: int = DEFAULT_MAX_DOWNLOAD,
) -> bytes:
    """The encrypted bytes of a file: ``https://HOST<direct_path>`` for each host given
    and the host of its ``url``, then the ``url`` itself; the first that serves it wins.
    http errors when none did."""
    urls: list[str] = []
    if ref.direct_path.startswith("/"):
        url_host = urlsplit(ref.url).netloc if ref.url.startswith("https://") else ""
        for host in (*hosts, url_host):
            if host:
                urls.append(f"https://{host}{ref.direct_path}")
    if ref.url.startswith("https://"):
        urls.append(ref.url)
    if not urls:
        raise MediaFailure("the message names no https location for its file")
    context = http.tls_context(media_ca)
    error: ClientError | None = None
    for url in dict.fromkeys(urls):
        try:
            response = await http.request(
                "GET", url, headers={"Origin": ORIGIN}, context=context, max_response=max_bytes
            )
        except http.HttpError as exc:
            error = exc
            continue
        return response.body
    assert error is not None
    raise error


async def download(
    ref: MediaRef,
    *,
    media_ca: str | None = None,
    hosts: tuple[str, ...] = (),
    max_bytes: int = DEFAULT_MAX_DOWNLOAD,
) -> bytes:
    """Fetch and check a message's file (``fetch_encrypted``). MediaIntegrityError when it
    does not check out, http errors when no host served it."""
    body = await fetch_encrypted(ref, media_ca=media_ca, hosts=hosts, max_bytes=max_bytes)
    try:
        return decrypt_media(
            body,
            ref.media_key,
            ref.media_type,
            ref.file_enc_sha256 or None,
            ref.file_sha256 or None,
        )
    except MediaError as exc:
        raise MediaIntegrityError(f"the downloaded file does not check out: {exc}") from None


def file_message_parts(path: Path) -> tuple[str, str]:
    """(kind, MIME type) of a file to send, from its name (README: by MIME type)."""
    mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return kind_for_mimetype(mimetype), mimetype


async def file_message(
    conn: Connection,
    data: bytes,
    file_name: str,
    *,
    caption: str | None = None,
    media_ca: str | None = None,
    sticker: bool = False,
) -> e2e_pb2.Message:
    """Encrypt and upload a file; the image, video, audio or document Message announcing it
    (its kind chosen by the MIME type of its name; ``sticker``: a sticker), ready for
    send_message."""
    kind, mimetype = file_message_parts(Path(file_name))
    if sticker:
        kind, mimetype = "sticker", "image/webp"
    encrypted = encrypt_media(data, kind)
    uploaded = await MediaClient(conn, media_ca).upload(encrypted, kind)
    return media_message(
        kind,
        encrypted,
        uploaded.url,
        uploaded.direct_path,
        mimetype,
        caption=caption,
        file_name=file_name,
        timestamp=int(time.time()),
    )


# -- receiving: the file a message carries ------------------------------------------------


@dataclass(frozen=True, slots=True)
class MessageFile:
    """The file of a received message and the name its sender gave it (documents only)."""

    ref: MediaRef
    file_name: str | None


def message_file(message: e2e_pb2.Message) -> MessageFile | None:
    """The file a Message carries, inside its envelopes (None when it has none)."""
    media = classify(message).media
    if media is None or media.ref is None:
        return None
    return MessageFile(media.ref, media.file_name)


async def media_hosts(conn: Connection) -> tuple[str, ...]:
    """The media hosts media_conn names, for a message that gives only a direct_path."""
    return tuple(host.hostname for host in (await MediaClient(conn).media_conn()).hosts)


def quote_in(
    message: e2e_pb2.Message,
    reply_to: str,
    quoted: e2e_pb2.Message | None = None,
    quoted_sender: str | None = None,
) -> None:
    """Make a media Message quote ``reply_to`` (as text_message does for text)."""
    field = next((f for f in _PARTS if message.HasField(f)), None)
    if field is None:
        raise MediaError("only a media message can quote with quote_in")
    info = getattr(message, field).context_info
    info.stanza_id = reply_to
    if quoted_sender:
        info.participant = quoted_sender
    if quoted is not None:
        info.quoted_message.CopyFrom(quoted)


_PARTS = ("image_message", "video_message", "audio_message", "document_message", "sticker_message")
