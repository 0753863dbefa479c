"""The sandbox's media server: encrypted blobs uploaded and downloaded over https.

As with WhatsApp's media hosts (whatsmeow upload.go/download.go, Baileys
messages-media.ts):

- a client asks ``<iq xmlns="w:m" type="set"><media_conn/></iq>`` (iq/media.py) for
  an ``auth`` token and the ``hosts`` to use;
- it uploads the encrypted file with ``POST https://HOST/mms/<type>/<token>?auth=…&token=…``
  where the token is the URL-safe base64 of the file's SHA-256 (padding optional); the
  server checks the token against the bytes and answers ``{"url", "direct_path"}``;
- anyone with the message downloads ``GET https://HOST<direct_path>`` (or ``url``).

Internal API for other sandbox features (the phones, history sync)::

    direct_path = hub.media.put(encrypted_bytes)      # store a blob, get its path
    hub.media.get(direct_path)                        # its bytes, or None
    hub.media.url(direct_path)                        # the https URL to put in a message
    hub.media.expire(direct_path)                     # served no more (404), as old files
    hub.media.renew(direct_path)                      # a phone's upload again: a new path

Blobs are files under ``<state>/media/`` (0600), named by their SHA-256, so they
outlive a restart with ``--state``. A direct path carries an ``oh`` MAC of the
blob name under a per-state secret, as real ones carry theirs: a tampered or
guessed path is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import anyio
from anyio.abc import ByteStream, Listener, SocketStream
from anyio.streams.tls import TLSStream

from wacli.protocol.media_message import UPLOAD_SEGMENTS
from wacli.sandbox import http
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.media_tls import MediaTls

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 100 * 1024 * 1024  # per blob
AUTH_TTL = 6 * 3600  # seconds an upload token stays valid
CONN_TTL = 300  # seconds a client may cache the media_conn answer
MAX_LIVE_TOKENS = 10_000
_BUCKET = "t62.7118-24"  # the path prefix real direct paths carry
_NAME = re.compile(r"[0-9a-f]{64}\.enc")
_SECRET_FILE = "secret"


class MediaStore:
    """Encrypted blobs on disk, the upload tokens handed out, and where they are served."""

    def __init__(self, directory: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self.host = "127.0.0.1"  # host[:port] clients reach us at; set once we listen
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._secret = self._load_secret()
        self._tokens: dict[str, float] = {}  # auth token -> monotonic expiry
        self._expired: set[tuple[str, str]] = set()  # (blob name, oe) of expired paths

    def _load_secret(self) -> bytes:
        path = self.directory / _SECRET_FILE
        try:
            secret = path.read_bytes()
            if len(secret) == 32:
                return secret
        except FileNotFoundError:
            pass
        secret = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secret)
        return secret

    # -- blobs -------------------------------------------------------------------------------

    def _oh(self, name: str) -> str:
        mac = hmac.new(self._secret, name.encode(), hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()

    def put(self, data: bytes) -> str:
        """Keep ``data`` (an encrypted file) and return its direct path; ValueError if it is
        over the size limit."""
        if len(data) > self.max_bytes:
            raise ValueError(f"media over the sandbox's limit of {self.max_bytes} bytes")
        name = hashlib.sha256(data).hexdigest() + ".enc"
        path = self.directory / name
        if not path.exists():
            scratch = self.directory / f".{name}.{secrets.token_hex(4)}"
            fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(scratch, path)
        return self._path(name, int(time.time()))

    def _path(self, name: str, oe: int) -> str:
        return f"/v/{_BUCKET}/{name}?ccb=11-4&oh={self._oh(name)}&oe={oe:X}"

    def _served_as(self, direct_path: str) -> tuple[str, str] | None:
        name = self._name(direct_path)
        oe = dict(parse_qsl(urlsplit(direct_path).query)).get("oe", "")
        return None if name is None else (name, oe)

    def expire(self, direct_path: str) -> bool:
        """Serve the blob under this path no more (404, as hosts drop old files); whether
        the path named a blob."""
        served = self._served_as(direct_path)
        if served is None or self.get(direct_path) is None:
            return False
        self._expired.add(served)
        return True

    def is_expired(self, direct_path: str) -> bool:
        return self._served_as(direct_path) in self._expired

    def renew(self, direct_path: str) -> str | None:
        """A phone uploads an expired blob again: the new direct path (None if unknown)."""
        served = self._served_as(direct_path)
        if served is None or self.get(direct_path) is None:
            return None
        name, oe = served
        try:
            after = int(oe, 16) + 1
        except ValueError:
            after = 0
        fresh = max(int(time.time()), after)
        self._expired.discard((name, f"{fresh:X}"))
        return self._path(name, fresh)

    def _name(self, direct_path: str) -> str | None:
        parts = urlsplit(direct_path)
        segments = parts.path.split("/")
        if len(segments) != 4 or segments[:3] != ["", "v", _BUCKET]:
            return None
        name = segments[3]
        oh = dict(parse_qsl(parts.query)).get("oh", "")
        if not _NAME.fullmatch(name) or not hmac.compare_digest(oh, self._oh(name)):
            return None
        return name

    def get(self, direct_path: str) -> bytes | None:
        """The blob a direct path (or a full URL) names; None if unknown or tampered with."""
        name = self._name(direct_path)
        if name is None:
            return None
        try:
            return (self.directory / name).read_bytes()
        except FileNotFoundError:
            return None

    def url(self, direct_path: str) -> str:
        return f"https://{self.host}{direct_path}&mms3=true"

    # -- upload tokens -----------------------------------------------------------------------

    def issue_auth(self) -> str:
        now = time.monotonic()
        if len(self._tokens) >= MAX_LIVE_TOKENS:
            self._tokens = {t: e for t, e in self._tokens.items() if e > now}
            while len(self._tokens) >= MAX_LIVE_TOKENS:
                del self._tokens[next(iter(self._tokens))]
        token = secrets.token_urlsafe(24)
        self._tokens[token] = now + AUTH_TTL
        return token

    def auth_ok(self, token: str) -> bool:
        expiry = self._tokens.get(token)
        return expiry is not None and expiry > time.monotonic()


# -- HTTP -------------------------------------------------------------------------------------


def _file_hash(token: str) -> bytes:
    """The SHA-256 a URL-safe base64 token names (Baileys strips the padding, whatsmeow
    keeps it)."""
    bare = token.rstrip("=")
    try:
        raw = base64.urlsafe_b64decode(bare + "=" * (-len(bare) % 4))
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise HttpError(400, "the upload token is not the base64url SHA-256 of the file")
    return raw


def media_router(store: MediaStore) -> Router:
    async def upload(request: Request) -> Response:
        segment, token = request.params["segment"], request.params["token"]
        if segment not in UPLOAD_SEGMENTS:
            raise HttpError(404, f"no upload path /mms/{segment}")
        if not store.auth_ok(request.query.get("auth", "")):
            raise HttpError(401, "missing or expired auth; ask media_conn for a fresh one")
        if request.query.get("token", token) != token:
            raise HttpError(400, "the token in the path and in the query differ")
        expected = _file_hash(token)
        if not request.body:
            raise HttpError(400, "an upload needs the encrypted file as its body")
        if not hmac.compare_digest(hashlib.sha256(request.body).digest(), expected):
            raise HttpError(400, "the file's SHA-256 does not match the upload token")
        direct_path = store.put(request.body)
        return Response.json({"url": store.url(direct_path), "direct_path": direct_path})

    async def download(request: Request) -> Response:
        query = "&".join(f"{k}={v}" for k, v in request.query.items())
        data = store.get(f"{request.path}?{query}")
        if data is None or store.is_expired(f"{request.path}?{query}"):
            raise HttpError(404, "no such media (or its path was altered)")
        return Response(200, data, "application/octet-stream")

    router = Router()
    router.add("POST", "/mms/{segment}/{token}", upload)
    router.add("GET", "/v/{bucket}/{name}", download)
    return router


async def serve_media(
    listener: Listener[SocketStream],
    store: MediaStore,
    tls: MediaTls,
    more_routes: Callable[[Router], None] | None = None,
) -> None:
    """Serve uploads and downloads over TLS on ``listener`` until cancelled; ``more_routes``
    adds other https routes (the version look-up, client_version.py)."""
    router = media_router(store)
    if more_routes is not None:
        more_routes(router)
    context = tls.server_context()

    async def handle(stream: ByteStream) -> None:
        try:
            with anyio.fail_after(http.READ_TIMEOUT):  # a silent peer must not hold a task
                secure = await TLSStream.wrap(
                    stream, server_side=True, ssl_context=context, standard_compatible=False
                )
        except (TimeoutError, OSError, anyio.BrokenResourceError, anyio.EndOfStream) as exc:
            log.info("media TLS handshake failed: %r", exc)
            await stream.aclose()
            return
        await http.handle_connection(secure, router, store.max_bytes)

    await listener.serve(handle)
