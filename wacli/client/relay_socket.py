"""Where a store's relay socket is, what goes over it, and who is at its other end.

Shared by both ends of the relay (wacli.client.relay_server: the listener;
wacli.client.relay: commands that hand it stanzas) and by a command that hands it a
whole operation (wacli.client.relay_perform), which runs no event loop: so this module
needs nothing but the standard library and the node codec.

The socket lives in the store when its path fits a socket address (107 bytes), else on
Linux it is an abstract socket named after the user and a hash of the store's resolved
path: the store path alone decides, so every process finds it (cron included). Frames
are a 4-byte big-endian length and one binary node (wacli.binary), the wire's codec.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
from pathlib import Path
from typing import Any

from wacli.binary import BinaryError, Node, decode, encode
from wacli.client.errors import (
    ClientError,
    ConnectError,
    ConnectionLost,
    IqError,
    NotPairedError,
    RefusedError,
    RequestTimeout,
    Unsendable,
)

SOCKET_NAME = "relay.sock"
# sockaddr_un holds 108 bytes with its NUL; a longer store path needs another address.
MAX_SOCKET_PATH = 107
MAX_FRAME = 1 << 25  # the largest stanza the wire itself carries
LENGTH = struct.Struct(">I")

# Errors crossing the socket: their kind, and the class that raises them again; the most
# specific first, so the first isinstance match names the family the CLI maps to an exit code.
_KINDS: dict[str, type[ClientError]] = {
    "iq": IqError,
    "refused": RefusedError,
    "timeout": RequestTimeout,
    "lost": ConnectionLost,
    "connect": ConnectError,
    "not_paired": NotPairedError,
    "unsendable": Unsendable,
    "client": ClientError,
}


# How a listener says it does not know what it was asked (wacli 0.1's said it so for
# "perform"): the command then does it itself, as with no listener.
UNKNOWN_REQUEST = "unknown relay request"


class RelayError(ConnectionLost):
    """The listener went away or answered something that is not the relay protocol."""


def socket_path(directory: Path) -> Path | None:
    """The relay socket in the store; None when the path is too long for a socket."""
    path = Path(directory).absolute() / SOCKET_NAME
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH else None


def socket_address(directory: Path) -> Path | str | None:
    """Where the store's relay is served: the socket in the store, else (Linux) an
    abstract socket keyed by the user and the store's resolved path; None when neither."""
    path = socket_path(directory)
    if path is not None:
        return path
    if not sys.platform.startswith("linux"):
        return None
    import hashlib  # only for a store path too long for a socket file

    digest = hashlib.sha256(os.fsencode(Path(directory).resolve())).hexdigest()[:32]
    return f"\0wacli-{os.getuid()}-{digest}"


def describe_address(address: Path | str) -> str:
    return str(address) if isinstance(address, Path) else f"@{address[1:]} (abstract)"


def frame(node: Node) -> bytes:
    """One node as a relay frame: its length, then its encoding."""
    body = encode(node)
    return LENGTH.pack(len(body)) + body


def frame_length(header: bytes) -> int:
    """The length a frame's 4-byte header announces (RelayError when over MAX_FRAME)."""
    (length,) = LENGTH.unpack(header)
    if length > MAX_FRAME:
        raise RelayError(f"a relay frame of {length} bytes is too large")
    return int(length)


def frame_node(body: bytes) -> Node:
    """The node a frame's body holds (RelayError when it is not one)."""
    try:
        return decode(body)
    except BinaryError as exc:
        raise RelayError(f"the relay sent a bad frame: {exc}") from None


def error_node(exc: ClientError, text: str | None = None) -> Node:
    """The answer that carries ``exc`` to the command, which raises it again (raise_from)."""
    kind = next(kind for kind, cls in _KINDS.items() if isinstance(exc, cls))
    attrs: dict[str, Any] = {"op": "error", "kind": kind, "text": text or str(exc)}
    code = getattr(exc, "code", None)
    if isinstance(code, int):
        attrs["code"] = str(code)
    if isinstance(exc, IqError) and exc.text:
        attrs["reason"] = exc.text
    return Node("relay", attrs)


def raise_from(node: Node) -> None:
    """Raise the error an ``op="error"`` answer carries, as the class it was."""
    cls = _KINDS.get(node.attr("kind") or "", ClientError)
    text = node.attr("text") or "the listener reported an error"
    code_text = node.attr("code")
    code = int(code_text) if code_text and code_text.isdigit() else None
    if cls is IqError:
        raise IqError(text, code, node.attr("reason"))
    if code is not None and issubclass(cls, RefusedError):
        raise cls(text, code)
    raise cls(text)


def gone(holder: str, handed_change: bool) -> RelayError:
    """The listener ended (killed, say) before it answered: like a connection of our own
    that drops, what it was handed may or may not be sent."""
    if not handed_change:
        outcome = "nothing was sent: run the command again"
    else:
        outcome = "what this command sent may or may not have reached the server"
    return RelayError(f"{holder} ended before it answered; {outcome}")


def peer_of(raw: socket.socket) -> tuple[int, int] | None:
    """(pid, uid) of the process at the other end of a Unix socket, where the OS says.
    An abstract socket has no file mode, so both ends check the other's uid with it."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    size = struct.calcsize("3i")
    try:
        pid, uid, _gid = struct.unpack("3i", raw.getsockopt(socket.SOL_SOCKET, option, size))
    except OSError:
        return None
    return pid, uid


def describe_process(pid: int | None, otherwise: str) -> str:
    """How a line a person acts on names process ``pid``: a running listen as such, any
    other as ``otherwise`` with its pid."""
    if pid is None or pid <= 0:
        return otherwise
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        args = []
    if b"listen" in args and any(b"wacli" in arg for arg in args):
        return f"'wacli listen' (pid {pid})"
    return f"{otherwise} (pid {pid})"


def relay_holder(pid: int | None) -> str:
    """How a command names the process serving the relay, for a line a person acts on."""
    if pid is None or pid <= 0:
        return "the 'wacli listen' serving this store"
    return describe_process(pid, "the process holding this store's relay socket")


def unanswered(holder: str, seconds: float) -> str:
    """The line for a listener that took a request and did not answer it in time."""
    return (
        f"{holder} holds this store's relay but did not answer within {seconds:g} s; "
        "it is stopped or hung: resume it (kill -CONT) or stop it"
    )


def not_accepting(address: Path | str, seconds: float) -> str:
    """The line for a listener that did not even accept the connection in time."""
    return (
        f"the 'wacli listen' serving this store did not accept a connection on "
        f"{describe_address(address)} within {seconds:g} s; it is stopped or hung: resume "
        "it (kill -CONT) or stop it"
    )


def other_user(address: Path | str, pid: int, uid: int) -> str:
    """The line for a relay socket held by another user's process."""
    return (
        f"the relay {describe_address(address)} of this store is held by another user "
        f"(uid {uid}, pid {pid}); not handing it anything"
    )
