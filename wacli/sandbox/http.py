"""A small HTTP/1.1 server on anyio for the sandbox's admin API and media.

The admin API is a handful of JSON routes on loopback; a web framework would
be a heavy dependency for that, so this module serves just enough HTTP over h11
(which does the framing): one request per connection, Content-Length bodies,
bounded sizes everywhere.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import anyio
import h11
import orjson
from anyio.abc import ByteReceiveStream, ByteStream, Listener, SocketAttribute, SocketStream

MAX_HEADER_BYTES = 64 * 1024
DEFAULT_MAX_BODY = 64 * 1024 * 1024
log = logging.getLogger(__name__)
READ_TIMEOUT = 30.0


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


Guard = Callable[[Request], None]  # raises HttpError for a request it turns away


class Router:
    """Routes ``METHOD /path/{param}`` patterns to handlers, each request first through
    ``guard`` when one is set (the admin API's: wacli.sandbox.admin_guard)."""

    def __init__(self, guard: Guard | None = None) -> None:
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.guard = guard

    def add(self, method: str, pattern: str, handler: Handler) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern.rstrip("/") or "/")
        self._routes.append((method.upper(), re.compile(f"^{regex}/?$"), handler))

    async def dispatch(self, request: Request) -> Response:
        if self.guard is not None:
            self.guard(request)
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


async def _read_request(
    stream: ByteReceiveStream, exchange: h11.Connection, max_body: int
) -> Request:
    head = await _next_event(stream, exchange)
    if isinstance(head, h11.ConnectionClosed):
        raise anyio.EndOfStream  # the peer left without asking anything
    if not isinstance(head, h11.Request):
        raise HttpError(400, f"expected a request, got {type(head).__name__}")
    headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in head.headers}
    if "chunked" in headers.get("transfer-encoding", "").lower():
        raise HttpError(400, "chunked request bodies are not supported; send Content-Length")
    if int(headers.get("content-length", "0")) > max_body:  # h11 checked the digits
        raise HttpError(413, f"request body over {max_body} bytes")
    body = bytearray()
    while not isinstance(event := await _next_event(stream, exchange), h11.EndOfMessage):
        if not isinstance(event, h11.Data):
            raise HttpError(400, f"expected the request body, got {type(event).__name__}")
        body += event.data
    url = urlsplit(head.target.decode("latin-1"))
    method = head.method.decode("latin-1").upper()
    return Request(method, url.path, dict(parse_qsl(url.query)), headers, bytes(body))


async def _next_event(stream: ByteReceiveStream, exchange: h11.Connection) -> h11.Event:
    """The next request event, reading as h11 needs; a close mid-request is
    anyio.IncompleteRead, a malformed request HttpError."""
    closed = False
    while True:
        try:
            event = exchange.next_event()
        except h11.RemoteProtocolError as exc:
            if closed:
                raise anyio.IncompleteRead from None
            if exc.error_status_hint == 431:  # h11's buffer limit: MAX_HEADER_BYTES
                raise HttpError(413, "request headers too large") from None
            raise HttpError(400, f"malformed request: {exc}") from None
        if isinstance(event, h11.Event):
            return event
        if event is h11.PAUSED:
            raise HttpError(400, "one request per connection")
        try:
            data = await stream.receive()
        except anyio.EndOfStream:
            data, closed = b"", True
        exchange.receive_data(data)


def _encode(exchange: h11.Connection, response: Response) -> bytes:
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = "Status"
    head = h11.Response(
        status_code=response.status,
        reason=reason,
        headers=[
            ("Content-Type", response.content_type),
            ("Content-Length", str(len(response.body))),
            ("Connection", "close"),
        ],
    )
    return (
        exchange.send(head)
        + exchange.send(h11.Data(data=response.body))
        + exchange.send(h11.EndOfMessage())
    )


async def handle_connection(stream: ByteStream, router: Router, max_body: int) -> None:
    """Serve one request on ``stream`` and close it."""
    async with stream:
        exchange = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEADER_BYTES)
        try:
            with anyio.fail_after(READ_TIMEOUT):
                request = await _read_request(stream, exchange, max_body)
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
            await stream.send(_encode(exchange, response))
        except (anyio.BrokenResourceError, anyio.ClosedResourceError):
            return


async def open_listener(host: str, port: int) -> Listener[SocketStream]:
    return await anyio.create_tcp_listener(local_host=host, local_port=port)


def listener_port(listener: Listener[SocketStream]) -> int:
    return int(listener.extra(SocketAttribute.local_port))


async def serve(
    listener: Listener[SocketStream], router: Router, max_body: int = DEFAULT_MAX_BODY
) -> None:
    """Serve until cancelled."""

    async def handle(stream: ByteStream) -> None:
        await handle_connection(stream, router, max_body)

    await listener.serve(handle)
