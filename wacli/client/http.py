"""A small async HTTPS/1.1 client on anyio, for the media servers.

WebSockets carry the chat; media goes over plain HTTPS requests (one upload, one
download). This sends one request per connection (``Connection: close``) with a
Content-Length body and reads a Content-Length, chunked or until-close response,
every size bounded. The server's certificate is always verified: against the CA
file the caller gives (the sandbox's), else the system trust store.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

import anyio
from anyio.streams.buffered import BufferedByteReceiveStream

from wacli.client.errors import ClientError, ConnectError, RefusedError, RequestTimeout

MAX_HEADER_BYTES = 64 * 1024
DEFAULT_MAX_RESPONSE = 128 * 1024 * 1024
DEFAULT_TIMEOUT = 120.0
_SEND_CHUNK = 64 * 1024


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
    lines = [f"{method} {path} HTTP/1.1", f"Host: {netloc}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    try:
        with anyio.fail_after(timeout):
            response = await _exchange(host, port, head, body, context, max_response)
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


async def _exchange(
    host: str,
    port: int,
    head: bytes,
    body: bytes,
    context: ssl.SSLContext | None,
    max_response: int,
) -> HttpResponse:
    try:
        stream = await anyio.connect_tcp(
            host,
            port,
            tls=True,
            ssl_context=context or tls_context(),
            tls_hostname=host,
            tls_standard_compatible=False,
        )
    except ssl.SSLCertVerificationError as exc:
        raise HttpConnectError(
            f"{host}:{port}: certificate not trusted ({exc.verify_message})"
        ) from None
    except (OSError, anyio.BrokenResourceError) as exc:
        raise HttpConnectError(f"cannot connect to {host}:{port}: {exc}") from None
    async with stream:
        try:
            await stream.send(head)
            for start in range(0, len(body), _SEND_CHUNK):
                await stream.send(body[start : start + _SEND_CHUNK])
        except (OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
            pass  # the server may answer early (413) and close: read what it said
        try:
            return await _read_response(BufferedByteReceiveStream(stream), max_response)
        except (anyio.EndOfStream, anyio.IncompleteRead, anyio.BrokenResourceError, OSError):
            raise HttpConnectError(f"{host}:{port} closed the connection mid-answer") from None


async def _read_response(stream: BufferedByteReceiveStream, max_response: int) -> HttpResponse:
    try:
        raw = await stream.receive_until(b"\r\n\r\n", MAX_HEADER_BYTES)
    except anyio.DelimiterNotFound:
        raise HttpError("response headers too large") from None
    lines = raw.decode("latin-1").split("\r\n")
    status_line = lines[0].split(" ", 2)
    if (
        len(status_line) < 2
        or not status_line[0].startswith("HTTP/1.")
        or not (status_line[1].isdigit() and len(status_line[1]) == 3)
    ):
        raise HttpError(f"malformed status line {lines[0][:100]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            raise HttpError("malformed response header")
        headers[name.strip().lower()] = value.strip()
    status = int(status_line[1])
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = await _read_chunked(stream, max_response)
    elif "content-length" in headers:
        length = headers["content-length"]
        if not length.isdigit():
            raise HttpError("bad Content-Length in response")
        if int(length) > max_response:
            raise HttpError(f"response over {max_response} bytes")
        body = await stream.receive_exactly(int(length))
    else:
        body = await _read_to_end(stream, max_response)
    return HttpResponse(status, headers, body)


async def _read_chunked(stream: BufferedByteReceiveStream, max_response: int) -> bytes:
    body = bytearray()
    while True:
        try:
            size_line = await stream.receive_until(b"\r\n", 1024)
        except anyio.DelimiterNotFound:
            raise HttpError("malformed chunk size") from None
        try:
            size = int(size_line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise HttpError("malformed chunk size") from None
        if size < 0 or len(body) + size > max_response:
            raise HttpError(f"response over {max_response} bytes")
        if size == 0:
            while True:  # trailers, up to the empty line
                try:
                    if not await stream.receive_until(b"\r\n", MAX_HEADER_BYTES):
                        return bytes(body)
                except anyio.DelimiterNotFound:
                    raise HttpError("malformed chunked trailer") from None
        body += await stream.receive_exactly(size)
        if await stream.receive_exactly(2) != b"\r\n":
            raise HttpError("malformed chunk")


async def _read_to_end(stream: BufferedByteReceiveStream, max_response: int) -> bytes:
    body = bytearray()
    while True:
        try:
            body += await stream.receive()
        except anyio.EndOfStream:
            return bytes(body)
        if len(body) > max_response:
            raise HttpError(f"response over {max_response} bytes")
