"""A small async HTTPS/1.1 client on anyio, for the media servers.

WebSockets carry the chat; media goes over plain HTTPS requests (one upload, one
download). This sends one request per connection (``Connection: close``) with a
Content-Length body and reads a Content-Length, chunked or until-close response,
every size bounded; h11 does the HTTP/1.1 framing. The server's certificate is always
verified: against the CA file the caller gives (the sandbox's), else the system trust
store. A proxy the environment names is tunnelled through (wacli.client.proxy).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlsplit

import anyio
import h11
from anyio.abc import ByteReceiveStream

from wacli.client.errors import ClientError, ConnectError, RefusedError, RequestTimeout
from wacli.client.proxy import open_stream

MAX_HEADER_BYTES = 64 * 1024
DEFAULT_MAX_RESPONSE = 128 * 1024 * 1024
DEFAULT_TIMEOUT = 120.0
_SEND_CHUNK = 64 * 1024

# Told (bytes done, bytes in all or None) as a request goes out and as its answer comes
# in: the progress line of the CLI on a terminal (wacli.cli.progress). Unset, nothing is.
transfer_watcher: ContextVar[Callable[[int, int | None], None] | None] = ContextVar(
    "transfer_watcher", default=None
)


class HttpError(ClientError):
    """An HTTP exchange failed; a malformed or oversized response is this base itself."""


class HttpConnectError(HttpError, ConnectError):
    """The server could not be reached, or its TLS certificate did not verify."""


class HttpTimeout(HttpError, RequestTimeout):
    """The server did not answer in time."""


class HttpStatusError(HttpError, RefusedError):
    """The server answered with a status other than 2xx."""

    def __init__(self, message: str, status: int, body: bytes = b"") -> None:
        super().__init__(message, status)
        self.status = status
        self.body = body


@dataclass(frozen=True, slots=True)
class HttpResponse:
    status: int
    headers: dict[str, str]  # names lower-cased
    body: bytes


def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """Verification against ``ca_file`` alone when given, else the system trust store."""
    try:
        return ssl.create_default_context(cafile=ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise HttpConnectError(f"cannot load the CA file {ca_file}: {exc}") from None


def _target(url: str) -> tuple[str, int, str]:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise HttpError(f"not an https URL: {url[:200]!r}")
    try:
        port = parts.port or 443
    except ValueError:
        raise HttpError(f"bad port in {url[:200]!r}") from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.hostname, port, path


async def request(
    method: str,
    url: str,
    *,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    context: ssl.SSLContext | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_response: int = DEFAULT_MAX_RESPONSE,
) -> HttpResponse:
    """One request; HttpStatusError unless the answer is 2xx."""
    host, port, path = _target(url)
    netloc = host if port == 443 else f"{host}:{port}"
    if ":" in host:
        netloc = f"[{host}]" if port == 443 else f"[{host}]:{port}"
    exchange, outgoing = _start(method, netloc, path, headers or {}, body)
    try:
        with anyio.fail_after(timeout):
            response = await _exchange(host, port, exchange, outgoing, context, max_response)
    except TimeoutError:
        raise HttpTimeout(f"{method} {url.split('?')[0]} got no answer in time") from None
    if not 200 <= response.status < 300:
        raise HttpStatusError(
            f"{method} {url.split('?')[0]} answered {response.status}: "
            f"{response.body[:300].decode('utf-8', 'replace')}",
            response.status,
            response.body[:4096],
        )
    return response


def _start(
    method: str, netloc: str, path: str, headers: dict[str, str], body: bytes
) -> tuple[h11.Connection, list[bytes]]:
    """The state of one exchange and the pieces of its request (the body not copied)."""
    fields = [("Host", netloc), ("Connection", "close"), *headers.items()]
    if body or method in ("POST", "PUT"):
        fields.append(("Content-Length", str(len(body))))
    exchange = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEADER_BYTES)
    try:
        head = exchange.send(h11.Request(method=method, target=path, headers=fields))
        pieces = exchange.send_with_data_passthrough(h11.Data(data=body)) or []
        end = exchange.send(h11.EndOfMessage())
    except h11.LocalProtocolError as exc:
        raise HttpError(f"cannot send {method} {path[:200]!r}: {exc}") from None
    return exchange, [head, *pieces, end]


async def _exchange(
    host: str,
    port: int,
    exchange: h11.Connection,
    outgoing: list[bytes],
    context: ssl.SSLContext | None,
    max_response: int,
) -> HttpResponse:
    try:
        stream = await open_stream(host, port, ssl_context=context or tls_context())
    except ssl.SSLCertVerificationError as exc:
        raise HttpConnectError(
            f"{host}:{port}: certificate not trusted ({exc.verify_message})"
        ) from None
    except (OSError, anyio.BrokenResourceError) as exc:
        raise HttpConnectError(f"cannot connect to {host}:{port}: {exc}") from None
    watch = transfer_watcher.get()
    size, sent = sum(map(len, outgoing)), 0
    async with stream:
        try:
            for piece in outgoing:
                for start in range(0, len(piece), _SEND_CHUNK):
                    chunk = piece[start : start + _SEND_CHUNK]
                    await stream.send(chunk)
                    sent += len(chunk)
                    if watch is not None:
                        watch(sent, size)
        except (OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
            pass  # the server may answer early (413) and close: read what it said
        try:
            return await _read_response(stream, exchange, max_response)
        except (anyio.EndOfStream, anyio.IncompleteRead, anyio.BrokenResourceError, OSError):
            raise HttpConnectError(f"{host}:{port} closed the connection mid-answer") from None


async def _read_response(
    stream: ByteReceiveStream, exchange: h11.Connection, max_response: int
) -> HttpResponse:
    """The answer to the request ``exchange`` sent (1xx interim answers skipped)."""
    head = await _next_event(stream, exchange)
    while isinstance(head, h11.InformationalResponse):
        head = await _next_event(stream, exchange)
    if not isinstance(head, h11.Response):
        raise HttpError(f"expected a response, got {type(head).__name__}")
    headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in head.headers}
    if int(headers.get("content-length", "0")) > max_response:  # h11 checked the digits
        raise HttpError(f"response over {max_response} bytes")
    body = bytearray()
    watch = transfer_watcher.get()
    expected = int(headers["content-length"]) if "content-length" in headers else None
    while not isinstance(event := await _next_event(stream, exchange), h11.EndOfMessage):
        if not isinstance(event, h11.Data):
            raise HttpError(f"expected the response body, got {type(event).__name__}")
        body += event.data
        if watch is not None:
            watch(len(body), expected)
        if len(body) > max_response:
            raise HttpError(f"response over {max_response} bytes")
    return HttpResponse(head.status_code, headers, bytes(body))


async def _next_event(stream: ByteReceiveStream, exchange: h11.Connection) -> h11.Event:
    """The next response event, reading as h11 needs; a close before the response is
    whole is anyio.IncompleteRead, a malformed response HttpError."""
    closed = False
    while True:
        try:
            event = exchange.next_event()
        except h11.RemoteProtocolError as exc:
            if closed:
                raise anyio.IncompleteRead from None
            raise HttpError(f"malformed response: {exc}") from None
        if isinstance(event, h11.Event):
            return event
        if event is h11.PAUSED:
            raise HttpError("the server answered more than once")
        try:
            data = await stream.receive()
        except anyio.EndOfStream:
            data, closed = b"", True
        exchange.receive_data(data)
