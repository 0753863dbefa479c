"""A small HTTP/1.1 server on anyio for the sandbox's admin API and media.

The admin API is a handful of JSON routes on loopback; a web framework would
be a heavy dependency for that, so this module parses just enough HTTP: one
request per connection, Content-Length bodies, bounded sizes everywhere.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import anyio
import orjson
from anyio.abc import ByteStream, SocketAttribute, SocketListener
from anyio.streams.buffered import BufferedByteReceiveStream

MAX_HEADER_BYTES = 64 * 1024
DEFAULT_MAX_BODY = 64 * 1024 * 1024
log = logging.getLogger(__name__)
READ_TIMEOUT = 30.0

_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    409: "Conflict",
    413: "Payload Too Large",
    500: "Internal Server Error",
}


class HttpError(Exception):
    """Ends a request with ``status`` and ``{"error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    params: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        if not self.body:
            return {}
        try:
            return orjson.loads(self.body)
        except orjson.JSONDecodeError as exc:
            raise HttpError(400, f"the request body is not JSON: {exc}") from None


@dataclass(slots=True)
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"

    @classmethod
    def json(cls, value: Any, status: int = 200) -> Response:
        return cls(status, orjson.dumps(value))


Handler = Callable[[Request], Awaitable[Response]]


class Router:
    """Routes ``METHOD /path/{param}`` patterns to handlers."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []

    def add(self, method: str, pattern: str, handler: Handler) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern.rstrip("/") or "/")
        self._routes.append((method.upper(), re.compile(f"^{regex}/?$"), handler))

    async def dispatch(self, request: Request) -> Response:
        allowed = False
        for method, regex, handler in self._routes:
            match = regex.match(request.path)
            if match is None:
                continue
            if method != request.method:
                allowed = True
                continue
            request.params = {k: unquote(v) for k, v in match.groupdict().items()}
            return await handler(request)
        if allowed:
            raise HttpError(405, f"{request.method} is not allowed on {request.path}")
        raise HttpError(404, f"no such endpoint: {request.path}")


async def _read_request(stream: BufferedByteReceiveStream, max_body: int) -> Request:
    try:
        head = await stream.receive_until(b"\r\n\r\n", MAX_HEADER_BYTES)
    except anyio.DelimiterNotFound:
        raise HttpError(413, "request headers too large") from None
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise HttpError(400, "malformed request line")
    method, target, _ = parts
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            raise HttpError(400, "malformed header line")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        raise HttpError(400, "chunked request bodies are not supported; send Content-Length")
    try:
        length = int(headers.get("content-length", "0"))
    except ValueError:
        raise HttpError(400, "Content-Length is not a number") from None
    if not 0 <= length <= max_body:
        raise HttpError(413, f"request body over {max_body} bytes")
    body = await stream.receive_exactly(length) if length else b""
    url = urlsplit(target)
    return Request(method.upper(), url.path, dict(parse_qsl(url.query)), headers, body)


def _encode(response: Response) -> bytes:
    reason = _REASONS.get(response.status, "Status")
    head = (
        f"HTTP/1.1 {response.status} {reason}\r\n"
        f"Content-Type: {response.content_type}\r\n"
        f"Content-Length: {len(response.body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + response.body


async def handle_connection(stream: ByteStream, router: Router, max_body: int) -> None:
    """Serve one request on ``stream`` and close it."""
    async with stream:
        buffered = BufferedByteReceiveStream(stream)
        try:
            with anyio.fail_after(READ_TIMEOUT):
                request = await _read_request(buffered, max_body)
            response = await router.dispatch(request)
        except HttpError as exc:
            response = Response.json({"error": exc.message}, exc.status)
        except TimeoutError:
            response = Response.json({"error": "request not received in time"}, 408)
        except (anyio.EndOfStream, anyio.IncompleteRead, anyio.BrokenResourceError):
            return
        except Exception:  # a bug in one handler must not take the server down
            log.exception("admin request failed")
            response = Response.json({"error": "internal error; see the sandbox log"}, 500)
        try:
            await stream.send(_encode(response))
        except (anyio.BrokenResourceError, anyio.ClosedResourceError):
            return


async def open_listener(host: str, port: int) -> SocketListener:
    return await anyio.create_tcp_listener(local_host=host, local_port=port)


def listener_port(listener: SocketListener) -> int:
    return int(listener.extra(SocketAttribute.local_port))


async def serve(listener: SocketListener, router: Router, max_body: int = DEFAULT_MAX_BODY) -> None:
    """Serve until cancelled."""

    async def handle(stream: ByteStream) -> None:
        await handle_connection(stream, router, max_body)

    await listener.serve(handle)
