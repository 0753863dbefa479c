"""A command's operation handed to the running ``listen`` whole (README "Performance").

When a ``wacli listen`` serves the store, ``send`` needs neither a connection nor a
client of its own: it hands the listener the operation (wacli.client.operations) over
the relay socket and waits for its answer. This side is a blocking socket with deadlines,
no event loop, so such a command loads the CLI, this module and the node codec, and
nothing of the client (Signal, protobuf, the store, anyio).

When no listener serves the store (no socket, or one left behind by a killed listener),
``hand_over`` returns None and the command performs the operation with a client of its
own (wacli.cli.context.perform). Every wait is bounded: the connect by ``timing.connect``,
the answer by the budget given to the listener, which answers a little before it
(wacli.client.relay).
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from wacli.binary import Attrs, Node
from wacli.client.errors import ConnectError, RequestTimeout
from wacli.client.operations import Operation, Sent, operation_body, read_result
from wacli.client.relay_socket import (
    LENGTH,
    UNKNOWN_REQUEST,
    RelayError,
    frame,
    frame_length,
    frame_node,
    gone,
    not_accepting,
    other_user,
    peer_of,
    raise_from,
    relay_holder,
    socket_address,
    unanswered,
)
from wacli.client.timing import Timing


def budget(timing: Timing) -> float:
    """How long the listener may take for one operation: what a command of its own would
    wait to log in and then for its requests (device lists, prekeys, the message's ack)."""
    return timing.connect + timing.iq


def hand_over(
    directory: Path, operation: Operation, timing: Timing
) -> tuple[Sent, list[str]] | None:
    """The listener's result for ``operation`` (the sent message, and the warnings it
    had for this command's stderr); None when no listener serves ``directory``.

    RequestTimeout when the listener does not accept or answer in time (stopped, hung),
    RelayError when it ends before answering, ConnectError when another user holds the
    socket, and whatever error the operation itself met, as its own class."""
    address = socket_address(directory)
    if address is None or (isinstance(address, Path) and not address.exists()):
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timing.connect)
        try:
            sock.connect(os.fsdecode(address) if isinstance(address, Path) else address)
        except TimeoutError:
            raise RequestTimeout(not_accepting(address, timing.connect)) from None
        except OSError:
            return None  # nobody serves it: the command logs in itself
        peer = peer_of(sock)
        if peer is not None and peer[1] != os.getuid():
            raise ConnectError(other_user(address, peer[0], peer[1]))
        holder = relay_holder(peer[0] if peer else None)
        seconds = budget(timing)
        what = type(operation).__name__
        attrs: Attrs = {"op": "perform", "tag": "1", "what": what, "timeout": repr(seconds)}
        request = Node("relay", attrs, operation_body(operation))
        deadline = time.monotonic() + seconds
        try:
            sock.sendall(frame(request))
            answer = _answer(sock, deadline)
        except TimeoutError:
            raise RequestTimeout(unanswered(holder, seconds)) from None
        except OSError:
            raise gone(holder, handed_change=True) from None
    if answer.attr("op") == "error":
        if (answer.attr("text") or "").startswith(UNKNOWN_REQUEST):
            return None  # an older listener: the command does it itself, through its relay
        raise_from(answer)
    if answer.attr("op") != "done" or not isinstance(answer.content, bytes):
        raise RelayError(f"{holder} answered the operation with {answer.tag} {answer.attrs}")
    return read_result(answer.content)


def _answer(sock: socket.socket, deadline: float) -> Node:
    """The listener's one answer frame, read by ``deadline`` (TimeoutError otherwise);
    OSError when the socket closes first."""
    length = frame_length(_exactly(sock, LENGTH.size, deadline))
    return frame_node(_exactly(sock, length, deadline))


def _exactly(sock: socket.socket, size: int, deadline: float) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        sock.settimeout(left)
        chunk = sock.recv(size - len(chunks))
        if not chunk:
            raise ConnectionResetError("the relay closed")
        chunks += chunk
    return bytes(chunks)
