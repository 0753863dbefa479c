"""For the fault tests: `wacli` with a chosen environment (short timeouts), and servers that
misbehave below the protocol (a socket that never answers, one that hangs up mid-handshake)."""

from __future__ import annotations

import base64
import hashlib
import socket
from collections.abc import Iterator
from contextlib import contextmanager

WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455


@contextmanager
def listening_socket() -> Iterator[tuple[socket.socket, str]]:
    """A TCP port whose connections the kernel accepts (its backlog) and a ws:// URL for
    it; nothing answers unless the test does (``hang_up_mid_handshake``)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield listener, f"ws://127.0.0.1:{listener.getsockname()[1]}/ws/chat"


def hang_up_mid_handshake(listener: socket.socket, timeout: float = 30.0) -> bytes:
    """Serve one client: complete the WebSocket upgrade, read its first Noise frame, then
    close the TCP connection without a word. Returns the frame bytes read."""
    listener.settimeout(timeout)
    conn, _ = listener.accept()
    with conn:
        conn.settimeout(timeout)
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            assert chunk, "the client hung up before its WebSocket upgrade"
            request += chunk
        key = next(
            line.split(b":", 1)[1].strip()
            for line in request.split(b"\r\n")
            if line.lower().startswith(b"sec-websocket-key:")
        )
        accept = base64.b64encode(hashlib.sha1(key + WS_GUID).digest())
        conn.sendall(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        return conn.recv(4096)  # the client's ClientHello (in a WebSocket frame)
