"""At least once, end to end under load: a simulated phone sends 500 messages while
`wacli listen` runs; listen is SIGKILLed partway, with lines already read and the phone
still sending, then started again. Every one of the 500 ids appears on stdout at least
once, and nothing shows up as undecryptable (a message decrypted and archived before
the kill but never acknowledged comes back and is written again from the archive).

At the kill the sandbox tells what the listener had acknowledged (GET …/acked): every
one of those ids must already be on stdout (an acknowledgement sent before its line is
written shows here, at once), and the kill must have landed mid-flight (a message
archived but not printed, or not yet acknowledged).

A second test sends one message at a time to a listen nobody reads, until it blocks
writing a line: that message must not be acknowledged. With the sandbox idle, an
acknowledgement sent before its line shows at every run (the burst test sees it only
when the busy sandbox handled it before the kill).

No step is timed: the waits are hang protection only."""

from __future__ import annotations

import signal
from functools import partial
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import (
    Wacli,
    acked_message_ids,
    assert_killed_mid_flight,
    kill_when_stuck,
    new_account,
    wait_until,
)
from tests.client.tcp_queues import all_read_by_peers
from wacli.sandbox.process import SandboxProcess

LISTENER = "15550008001"
PHONE = "15550008002"
COUNT = 500
KILL_AFTER_SENT = 250  # the kill comes halfway through the burst...
KILL_AFTER_SEEN = 20  # ...once this many lines were read
TYPES = "message,undecryptable_message,connected"


def listen(sandbox: SandboxProcess, store: Path) -> Wacli:
    return Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", TYPES)


def phone_sends(
    sandbox: SandboxProcess, n: int, phone: str = PHONE, to: str = LISTENER, size: int = 200
) -> tuple[str, str]:
    """(id, text) of message ``n`` the phone sent to the listener."""
    body = {"to": to, "text": f"load {n} " + "." * size}  # long lines fill the pipe
    status, sent = sandbox.admin("POST", f"/accounts/{phone}/send", body)
    assert status == 200, sent
    return sent["id"], body["text"]


def take(line: dict, seen: dict[str, str], phone: str = PHONE) -> None:
    """Record a message line of the phone (id -> text); anything undecryptable fails the
    test. (Our own phone's protocol messages after the pairing are not counted.)"""
    assert line["type"] != "undecryptable_message", line
    if line["type"] == "message" and line["data"]["info"]["chat"] == f"{phone}@s.whatsapp.net":
        assert not line["data"]["info"]["is_from_me"]
        seen[line["data"]["info"]["id"]] = line["data"]["text"]


def test_every_message_seen_at_least_once_across_sigkill(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "listener"
    pair(sandbox, store, LISTENER)
    new_account(sandbox, PHONE)
    wacli = listen(sandbox, store)
    seen: dict[str, str] = {}
    while (line := wacli.event())["type"] != "connected":
        take(line, seen)

    # The first half of the burst, with nobody reading: a slow consumer. Once the pipe is
    # full, listen blocks writing a line whose message is decrypted and archived but not
    # acknowledged, while the server holds the rest of the burst for it.
    sent = dict(phone_sends(sandbox, n) for n in range(KILL_AFTER_SENT))
    for _ in range(KILL_AFTER_SEEN):
        take(wacli.event(), seen)
    # Kill once listen is stuck on a line the pipe has no room for (it decrypted and
    # archived that message, and must not have acknowledged it).
    acked = kill_when_stuck(sandbox, LISTENER, wacli)
    for line in wacli.rest():  # what reached the pipe before the kill was printed: seen
        take(line, seen)
    assert wacli.proc.returncode == -signal.SIGKILL
    chat = f"{PHONE}@s.whatsapp.net"
    assert_killed_mid_flight(sandbox, LISTENER, store, chat, set(sent), set(seen), acked)
    # The kill fell inside the burst: lines had been read, and messages were still on
    # their way to listen (a 64 KiB pipe holds about 100 of these lines).
    assert KILL_AFTER_SEEN <= len(seen) < KILL_AFTER_SENT
    # The phone goes on while no listen runs.
    sent.update(phone_sends(sandbox, n) for n in range(KILL_AFTER_SENT, COUNT))

    wacli = listen(sandbox, store)
    while not sent.keys() <= seen.keys():
        take(wacli.event(), seen)
    wacli.proc.send_signal(signal.SIGTERM)
    for line in wacli.rest():
        take(line, seen)
    assert wacli.proc.returncode == 0

    assert len(sent) == COUNT and seen.keys() >= sent.keys()
    assert all(seen[message_id] == text for message_id, text in sent.items())


STEP_LISTENER = "15550008101"
STEP_PHONE = "15550008102"
STEP_LIMIT = 200  # 4 KiB lines fill a 64 KiB pipe long before this


def test_no_message_is_acknowledged_before_its_line_is_written(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    """One message at a time, and nobody reads: each is acknowledged once its line is in
    the pipe, until the pipe is full and listen blocks writing the last one's line, which
    must then be unacknowledged. In lockstep the sandbox is never busy sending, so what
    listen sent before it blocked is handled once it was read (all_read_by_peers): an
    acknowledgement sent before the line shows at every run, no timing involved."""
    store = tmp_path / "listener"
    pair(sandbox, store, STEP_LISTENER)
    new_account(sandbox, STEP_PHONE)
    wacli = listen(sandbox, store)
    seen: dict[str, str] = {}
    sent: set[str] = set()
    while (line := wacli.event())["type"] != "connected":
        take(line, seen, STEP_PHONE)
    pid = wacli.proc.pid

    def blocked() -> bool:
        return wacli.stuck_writing_stdout() and all_read_by_peers(pid)

    def settled(message_id: str) -> bool:
        return message_id in acked_message_ids(sandbox, STEP_LISTENER) or blocked()

    for n in range(STEP_LIMIT):
        last, _ = phone_sends(sandbox, n, STEP_PHONE, STEP_LISTENER, size=4096)
        sent.add(last)
        wait_until(
            partial(settled, last),
            f"message {n} to be acknowledged, or listen to block writing its line",
        )
        if blocked():
            break
    else:
        raise AssertionError(f"{STEP_LIMIT} lines went into a pipe nobody read")
    acked = kill_when_stuck(sandbox, STEP_LISTENER, wacli)
    assert last not in acked, "the message whose line listen could not write was acknowledged"
    for line in wacli.rest():
        take(line, seen, STEP_PHONE)
    chat = f"{STEP_PHONE}@s.whatsapp.net"
    assert_killed_mid_flight(sandbox, STEP_LISTENER, store, chat, sent, set(seen), acked)
