"""At least once, end to end under load: a simulated phone sends 500 messages while
`wacli listen` runs; listen is SIGKILLed partway, with lines already read and the phone
still sending, then started again. Every one of the 500 ids appears on stdout at least
once, and nothing shows up as undecryptable (a message decrypted and archived before
the kill but never acknowledged comes back and is written again from the archive).

At the kill the sandbox tells what the listener had acknowledged (GET …/acked): every
one of those ids must already be on stdout (an acknowledgement sent before its line is
written shows here, at once), and the kill must have landed mid-flight (a message
archived but not printed, or not yet acknowledged).

No step is timed: the waits are hang protection only."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import Wacli, assert_killed_mid_flight, kill_when_stuck, new_account
from wacli.sandbox.process import SandboxProcess

LISTENER = "15550008001"
PHONE = "15550008002"
COUNT = 500
KILL_AFTER_SENT = 250  # the kill comes halfway through the burst...
KILL_AFTER_SEEN = 20  # ...once this many lines were read
TYPES = "message,undecryptable_message,connected"


def listen(sandbox: SandboxProcess, store: Path) -> Wacli:
    return Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", TYPES)


def phone_sends(sandbox: SandboxProcess, n: int) -> tuple[str, str]:
    """(id, text) of message ``n`` the phone sent to the listener."""
    body = {"to": LISTENER, "text": f"load {n} " + "." * 200}  # long lines fill the pipe
    status, sent = sandbox.admin("POST", f"/accounts/{PHONE}/send", body)
    assert status == 200, sent
    return sent["id"], body["text"]


def take(line: dict, seen: dict[str, str]) -> None:
    """Record a message line of the phone (id -> text); anything undecryptable fails the
    test. (Our own phone's protocol messages after the pairing are not counted.)"""
    assert line["type"] != "undecryptable_message", line
    if line["type"] == "message" and line["data"]["info"]["chat"] == f"{PHONE}@s.whatsapp.net":
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
