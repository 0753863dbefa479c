"""An HTTP CONNECT proxy on loopback for the tests, on the standard library's threaded
socket server: it reads the CONNECT head, checks the credentials it was told to want
(407 otherwise), joins the client to the target and copies bytes both ways until either
side closes. It records each request's target and Proxy-Authorization."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        client: socket.socket = self.request
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                return
            head += chunk
        lines = head.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        fields = dict(
            (name.strip().lower(), value.strip())
            for name, _, value in (line.partition(":") for line in lines[1:])
        )
        self.server.seen.append((target, fields.get("proxy-authorization")))
        if method != "CONNECT":
            client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        if (
            self.server.wanted is not None
            and fields.get("proxy-authorization") != self.server.wanted
        ):
            client.sendall(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                b'Proxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n'
            )
            return
        host, _, port = target.rpartition(":")
        try:
            upstream = socket.create_connection((host.strip("[]"), int(port)), timeout=10)
        except OSError:
            client.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        upstream.settimeout(None)
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        back = threading.Thread(target=_copy, args=(upstream, client), daemon=True)
        back.start()
        _copy(client, upstream)
        back.join(10)
        upstream.close()


def _copy(source: socket.socket, target: socket.socket) -> None:
    with suppress(OSError):
        while chunk := source.recv(65536):
            target.sendall(chunk)
    with suppress(OSError):
        target.shutdown(socket.SHUT_WR)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, wanted: str | None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.wanted = wanted
        self.seen: list[tuple[str, str | None]] = []


@contextmanager
def connect_proxy(wanted: str | None = None) -> Iterator[_Server]:
    """A running proxy; ``wanted``: the Proxy-Authorization value it requires."""
    server = _Server(wanted)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def url(server: _Server, credentials: str = "") -> str:
    port = server.server_address[1]
    return f"http://{credentials + '@' if credentials else ''}127.0.0.1:{port}"
