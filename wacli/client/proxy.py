"""The way out to a server: straight, or through the HTTP proxy the environment names.

As curl and gh do, wacli reads ``HTTPS_PROXY`` for TLS destinations (``wss://`` chat,
``https://`` media), ``HTTP_PROXY`` for plain ones (a ``ws://`` sandbox), ``ALL_PROXY``
for either when those are unset (each also in lower case, which wins), and
``NO_PROXY``: a comma-separated list of hosts and domains reached straight (``*`` for
all; ``example.com`` and ``.example.com`` cover its subdomains too; an entry may carry
``:port``). A proxy is an ``http://[user:password@]host[:port]`` URL (port 80 by
default): wacli asks it for a tunnel (``CONNECT host:port``, with basic credentials when
the URL has them) and speaks TLS, or the WebSocket, through the tunnel, so the proxy
sees where it goes and nothing of what is said. Other kinds (``socks5://``,
``https://`` to the proxy itself) are refused in words.

A proxy that cannot be reached or refuses the tunnel is a ``ProxyError``, an OSError
as any failure to connect is, naming the proxy (never its credentials).
"""

from __future__ import annotations

import base64
import os
import ssl
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import anyio
import anyio.abc
from anyio.streams.tls import TLSStream

MAX_ANSWER = 64 * 1024  # a proxy's answer to CONNECT, head and body


class ProxyError(OSError):
    """The proxy is unusable: misconfigured, unreachable, or it refused the tunnel."""


class Proxy(NamedTuple):
    host: str
    port: int
    authorization: str | None  # the Proxy-Authorization value, when the URL has credentials
    shown: str  # the proxy as messages name it: scheme, host and port only


def _environment(*names: str) -> tuple[str, str] | None:
    """The first of ``names`` set (the lower-case spelling first), with its value."""
    for name in names:
        for spelling in (name.lower(), name):
            value = os.environ.get(spelling, "").strip()
            if value:
                return spelling, value
    return None


def _bypassed(host: str, port: int) -> bool:
    found = _environment("NO_PROXY")
    if found is None:
        return False
    host = host.lower().rstrip(".")
    for entry in found[1].lower().split(","):
        name, entry_port = _host_port(entry.strip())
        if name == "*":
            return True
        if entry_port is not None and entry_port != port:
            continue
        name = name.lstrip(".").rstrip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def _host_port(entry: str) -> tuple[str, int | None]:
    """A NO_PROXY entry's host and port: ``name``, ``name:port``, ``[v6]:port``, ``v6``."""
    if entry.startswith("["):
        name, _, rest = entry[1:].partition("]")
        return name, int(rest[1:]) if rest[1:].isdigit() else None
    name, colon, port = entry.rpartition(":")
    if colon and ":" not in name and port.isdigit():
        return name, int(port)
    return entry, None


def proxy_for(host: str, port: int, *, tls: bool) -> Proxy | None:
    """The proxy to reach ``host:port`` through, per the environment; None: straight."""
    found = _environment("HTTPS_PROXY" if tls else "HTTP_PROXY", "ALL_PROXY")
    if found is None or _bypassed(host, port):
        return None
    name, value = found
    parts = urlsplit(value if "://" in value else f"http://{value}")
    if parts.scheme != "http":
        raise ProxyError(
            f"{name} names a {parts.scheme}:// proxy; wacli tunnels through http:// "
            "proxies only (CONNECT)"
        )
    try:
        proxy_port = parts.port or 80
    except ValueError:
        proxy_port = 0
    if not parts.hostname or not proxy_port:
        raise ProxyError(f"{name} is not a proxy URL (http://host:port)")
    authorization = None
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        authorization = "Basic " + base64.b64encode(credentials.encode()).decode()
    shown = f"http://{_netloc(parts.hostname, proxy_port)}"
    return Proxy(parts.hostname, proxy_port, authorization, shown)


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


async def open_stream(
    host: str, port: int, *, ssl_context: ssl.SSLContext | None
) -> anyio.abc.ByteStream:
    """A stream to ``host:port``, TLS (verified by ``ssl_context``) when one is given,
    through the environment's proxy when it names one; the caller bounds the time."""
    proxy = proxy_for(host, port, tls=ssl_context is not None)
    if proxy is None:
        if ssl_context is None:
            return await anyio.connect_tcp(host, port)
        # The protocol on top ends the conversation (close frames, Content-Length):
        # closing must not wait on, or require, the server's TLS close_notify as well.
        return await anyio.connect_tcp(
            host,
            port,
            tls=True,
            ssl_context=ssl_context,
            tls_hostname=host,
            tls_standard_compatible=False,
        )
    tunnel = await _tunnel(proxy, host, port)
    if ssl_context is None:
        return tunnel
    try:
        return await TLSStream.wrap(
            tunnel, hostname=host, ssl_context=ssl_context, standard_compatible=False
        )
    except BaseException:
        await anyio.aclose_forcefully(tunnel)
        raise


async def _tunnel(proxy: Proxy, host: str, port: int) -> anyio.abc.SocketStream:
    """A TCP stream to the proxy that it has joined to ``host:port``."""
    import h11  # HTTP framing, as for media; loaded only when a proxy is used

    try:
        stream = await anyio.connect_tcp(proxy.host, proxy.port)
    except OSError as exc:
        raise ProxyError(f"cannot reach the proxy {proxy.shown}: {exc}") from None
    target = _netloc(host, port)
    exchange = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_ANSWER)
    fields = [("Host", target)]
    if proxy.authorization is not None:
        fields.append(("Proxy-Authorization", proxy.authorization))
    try:
        request = h11.Request(method="CONNECT", target=target, headers=fields)
        await stream.send(
            (exchange.send(request) or b"") + (exchange.send(h11.EndOfMessage()) or b"")
        )
        while True:
            event = exchange.next_event()
            if event is h11.NEED_DATA:
                exchange.receive_data(await stream.receive())
            elif isinstance(event, h11.InformationalResponse):
                continue
            else:
                break
    except (anyio.EndOfStream, anyio.BrokenResourceError, OSError, h11.ProtocolError) as exc:
        await anyio.aclose_forcefully(stream)
        why = str(exc) or type(exc).__name__
        raise ProxyError(
            f"the proxy {proxy.shown} broke off the tunnel to {target}: {why}"
        ) from None
    if not isinstance(event, h11.Response) or not 200 <= event.status_code < 300:
        await anyio.aclose_forcefully(stream)
        status = (
            f"{event.status_code} {event.reason.decode('latin-1')}"
            if isinstance(event, h11.Response)
            else "no answer"
        )
        raise ProxyError(f"the proxy {proxy.shown} refused a tunnel to {target}: {status}")
    leftover, _ = exchange.trailing_data
    if leftover:  # the server speaks after us (TLS, the upgrade): nothing may come first
        await anyio.aclose_forcefully(stream)
        raise ProxyError(f"the proxy {proxy.shown} sent data before the tunnel was used")
    return stream
