"""A command's side of handing an operation to listen (wacli.client.relay_perform), against
listeners that answer as the relay protocol allows: none, a stale socket, an older
wacli's that does not know operations, one that never answers, one that dies, errors.

The listener here is a Unix socket answering the frames a listener would; the real
listener is tested end to end in tests/client/test_relay_sandbox.py."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from wacli.binary import Node, decode
from wacli.client.errors import RequestTimeout, Unsendable
from wacli.client.operations import SendText, Sent, read_operation, result_body
from wacli.client.relay_perform import hand_over
from wacli.client.relay_socket import LENGTH, SOCKET_NAME, RelayError, error_node, frame
from wacli.client.timing import Timing
from wacli.jid import parse_jid

QUICK = Timing(connect=0.5, iq=0.5)
HELLO = SendText(parse_jid("15550001234@s.whatsapp.net"), "hello", None)


def read_request(conn: socket.socket) -> Node:
    (length,) = LENGTH.unpack(conn.recv(LENGTH.size, socket.MSG_WAITALL))
    return decode(conn.recv(length, socket.MSG_WAITALL))


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[Callable[[Callable[[socket.socket], None]], None]]:
    """Serve the store's relay socket with ``answer`` (given the accepted connection)."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(tmp_path / SOCKET_NAME))
    server.listen(1)
    threads: list[threading.Thread] = []

    def serve(answer: Callable[[socket.socket], None]) -> None:
        def one() -> None:
            conn, _ = server.accept()
            with conn:
                answer(conn)

        thread = threading.Thread(target=one, daemon=True)
        thread.start()
        threads.append(thread)

    yield serve
    for thread in threads:
        thread.join(5)
    server.close()


def test_no_listener_means_the_command_does_it_itself(tmp_path: Path) -> None:
    assert hand_over(tmp_path, HELLO, QUICK) is None
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(tmp_path / SOCKET_NAME))  # a killed listener's socket: nobody listens
    stale.close()
    assert hand_over(tmp_path, HELLO, QUICK) is None


def test_the_listeners_result_and_warnings(tmp_path: Path, listener) -> None:
    seen: list[Node] = []

    def answer(conn: socket.socket) -> None:
        request = read_request(conn)
        seen.append(request)
        sent = Sent("3EB0AB", parse_jid("15550001234@s.whatsapp.net"), 1_800_000_000)
        conn.sendall(frame(Node("relay", {"op": "done"}, result_body(sent, ["unchecked"]))))

    listener(answer)
    sent, warnings = hand_over(tmp_path, HELLO, QUICK) or (None, None)
    assert sent == Sent("3EB0AB", HELLO.chat, 1_800_000_000) and warnings == ["unchecked"]
    request = seen[0]
    assert request.attr("op") == "perform" and float(request.attr("timeout") or 0) == 1.0
    assert isinstance(request.content, bytes)
    assert read_operation(request.attr("what") or "", request.content) == HELLO


def test_an_older_listener_leaves_it_to_the_command(tmp_path: Path, listener) -> None:
    def answer(conn: socket.socket) -> None:
        read_request(conn)  # wacli 0.1 said this of any request it did not know
        refusal = Node("relay", {"op": "error", "kind": "client"})
        refusal.attrs["text"] = "unknown relay request 'perform'"
        conn.sendall(frame(refusal))

    listener(answer)
    assert hand_over(tmp_path, HELLO, QUICK) is None


def test_the_operations_error_is_raised_as_its_own_kind(tmp_path: Path, listener) -> None:
    def answer(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(frame(error_node(Unsendable("the text is too long"))))

    listener(answer)
    with pytest.raises(Unsendable, match="the text is too long"):
        hand_over(tmp_path, HELLO, QUICK)


def test_a_silent_listener_is_named_not_waited_on(tmp_path: Path, listener) -> None:
    done = threading.Event()
    listener(lambda conn: (read_request(conn), done.wait(5)))
    try:
        with pytest.raises(RequestTimeout, match="did not answer within 1 s"):
            hand_over(tmp_path, HELLO, QUICK)
    finally:
        done.set()


def test_a_listener_that_dies_may_have_sent_it(tmp_path: Path, listener) -> None:
    listener(read_request)  # reads the operation, then closes without an answer
    with pytest.raises(RelayError, match="may or may not have reached the server"):
        hand_over(tmp_path, HELLO, QUICK)
