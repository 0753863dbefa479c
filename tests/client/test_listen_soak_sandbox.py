"""The soak of issue 11 ("Proven by"): cron jobs and a listener that is killed, stopped
and cut off, on the real CLI against the real sandbox. Only with WACLI_SOAK=1 (marked
``soak``); it takes minutes, and prints one figure line. In the default run, what the
soak found first: cron sends started together with no listener, and a listen started
while they run, take turns on the store's connection (README: commands that log in on
their own take turns) instead of replacing each other's (exit 6); and one that waits
longer than WACLI_TIMEOUT for such a command exits 5 naming it.

While `wacli listen --output FILE` takes a 5,000-message burst from four simulated
phones, it is SIGKILLed ten times (restarted each time), the sandbox drops its
connection at random moments (``{"drop": phone}``, docs/sandbox-admin.md; seeded by
WACLI_SOAK_SEED, printed), and 20 cron-style `wacli send` processes (each with
WACLI_TIMEOUT) run, in waves of parallel ones: one wave while listen is dead (killed,
not yet restarted), two while it runs, and one send while it is stopped (SIGSTOP).
Then:

- each send ended within its steps' timeouts with a code README's "Exit codes" gives
  it: 0 (the peer has the message once), 5 (one line; the send to the stopped
  listener exactly that, naming its pid), or 4 when a kill or a drop took away the
  connection the send used, listen's or its own (one line saying so); never a
  replaced connection (6);
- at each kill, every id the sandbox says was acknowledged is already in FILE, and at
  the end every id of the burst is there: 0 lost;
- the archive (`wacli history --json`) holds each message exactly once.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import history
from tests.client.listen_load import Burst, CronSend, Drops, Tail, lines_of, listen
from tests.client.support import Wacli, new_account, settled_at_kill, wait_until
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

SOAK = os.environ.get("WACLI_SOAK") == "1"

LISTENER = "15550011000"
PHONES = [f"1555001100{n}" for n in range(1, 5)]  # the four phones of the burst
PEER = "15550011009"  # whom the cron jobs write to
COUNT = 5000
KILLS = 10
WAVES = (5, 7, 7)  # cron sends started together; and one more while listen is stopped
TIMEOUT = 8.0  # each send's WACLI_TIMEOUT
# A send takes a handful of steps (the relay's connect and <success>, the recipient's
# devices and keys, the message), each within TIMEOUT; beyond that it hangs.
SEND_LIMIT = 4 * TIMEOUT + 10
DROP_GAP = (1.5, 4.0)  # seconds between two drops of listen's connection
PROGRESS = 120.0  # hang protection for each step of the burst (reconnects back off)


def inbox_texts(sandbox: SandboxProcess, peer: str = PEER) -> list[str]:
    status, entries = sandbox.admin("GET", f"/accounts/{peer}/inbox")
    assert status == 200, entries
    return [entry["text"] for entry in entries]


class Soak:
    """The listener, what it wrote, and what the cron jobs did, as the plan runs."""

    def __init__(self, sandbox: SandboxProcess, store: Path, output: Path) -> None:
        self.sandbox, self.store, self.output = sandbox, store, output
        self.tail = Tail(output, PHONES)
        self.bursts: list[Burst] = []
        self.sends: list[CronSend] = []
        self.stopped_send: CronSend | None = None
        self.stopped_pid = 0
        self.kills = 0
        self.wacli = self._start()

    def _start(self) -> Wacli:
        wacli = listen(self.sandbox, self.store, self.output)
        before = self.tail.poll().connects

        def up() -> bool:
            assert wacli.proc.poll() is None, wacli.finish()
            return self.tail.poll().connects > before

        wait_until(up, "listen to connect", PROGRESS)
        return wacli

    def written(self, count: int) -> Callable[[], bool]:
        def check() -> bool:
            assert self.wacli.proc.poll() is None, self.wacli.finish()
            return len(self.tail.poll().ids) >= count

        return check

    def cron(self, count: int) -> None:
        for _ in range(count):
            text = f"cron {len(self.sends)}"
            self.sends.append(CronSend(self.sandbox, self.store, PEER, text, TIMEOUT, SEND_LIMIT))

    def kill(self, then: Callable[[], None] = lambda: None) -> None:
        """SIGKILL listen; every id acknowledged by then must be in FILE; ``then`` runs
        while no listen runs, before the restart."""
        self.wacli.proc.send_signal(signal.SIGKILL)
        self.wacli.finish()
        self.kills += 1
        sent = {i for burst in self.bursts for i in burst.ids}
        acked, pending = settled_at_kill(self.sandbox, LISTENER)
        early = (acked & sent) - self.tail.poll().ids
        assert not early, f"kill {self.kills}: acknowledged, not in FILE: {sorted(early)[:5]}"
        assert sent - acked <= pending  # what was not acknowledged is still owed
        then()
        self.wacli = self._start()

    def stop_for_one_send(self) -> None:
        """SIGSTOP listen while one send runs to its end, then SIGCONT."""
        self.stopped_pid = self.wacli.proc.pid
        os.kill(self.stopped_pid, signal.SIGSTOP)
        try:
            send = CronSend(
                self.sandbox, self.store, PEER, "to a stopped listen", TIMEOUT, SEND_LIMIT
            )
            self.stopped_send = send.join()
        finally:
            os.kill(self.stopped_pid, signal.SIGCONT)


@pytest.mark.soak
@pytest.mark.skipif(not SOAK, reason="soak test: set WACLI_SOAK=1")
def test_listen_soak(sandbox: SandboxProcess, tmp_path: Path) -> None:
    seed = int(os.environ.get("WACLI_SOAK_SEED") or random.randrange(1 << 32))
    began = time.monotonic()
    store = tmp_path / "listener"
    pair(sandbox, store, LISTENER)
    for phone in [*PHONES, PEER]:
        new_account(sandbox, phone)
    soak = Soak(sandbox, store, tmp_path / "events.ndjson")
    soak.bursts = [Burst(sandbox, phone, LISTENER, COUNT // len(PHONES)) for phone in PHONES]
    drops = Drops(sandbox, LISTENER, seed, DROP_GAP)

    # What happens once FILE holds this many of the burst's ids; kills evenly spread.
    plan: list[tuple[int, Callable[[], None]]] = [
        (COUNT * (k + 1) // (KILLS + 1), soak.kill) for k in range(KILLS)
    ]
    plan[2] = (plan[2][0], lambda: soak.kill(then=lambda: soak.cron(WAVES[0])))
    plan += [
        (COUNT * 5 // 11 + COUNT // 22, lambda: soak.cron(WAVES[1])),
        (COUNT * 7 // 11 + COUNT // 22, soak.stop_for_one_send),
        (COUNT * 9 // 11 + COUNT // 22, lambda: soak.cron(WAVES[2])),
    ]
    try:
        for threshold, action in sorted(plan, key=lambda step: step[0]):
            wait_until(soak.written(threshold), f"{threshold} ids in FILE", PROGRESS)
            action()
        sent = set().union(*(burst.done(PROGRESS) for burst in soak.bursts))
        wait_until(lambda: soak.tail.poll().ids >= sent, "every id in FILE", PROGRESS)
    finally:
        dropped = drops.stop()
    sends = [send.join() for send in soak.sends]
    soak.wacli.proc.send_signal(signal.SIGTERM)
    code, _, err = soak.wacli.finish()
    assert code == 0, err
    elapsed = time.monotonic() - began

    stopped = soak.stopped_send
    assert stopped is not None
    codes = Counter(send.code for send in [*sends, stopped])
    print(
        f"\nsoak: {COUNT} messages from {len(PHONES)} phones, {soak.kills} kills, "
        f"{dropped} drops (of {drops.tries} tries), {len(sends) + 1} sends by exit code "
        f"{dict(sorted(codes.items(), key=lambda kv: str(kv[0])))}, slowest send "
        f"{max(s.elapsed for s in [*sends, stopped]):.1f} s (WACLI_TIMEOUT={TIMEOUT:g}), "
        f"elapsed {elapsed:.0f} s, seed {seed}"
    )

    # The send to the stopped listener: exit 5, one line naming it.
    assert stopped.code == ExitCode.TIMED_OUT, stopped.err
    assert stopped.err.count("\n") == 1 and f"(pid {soak.stopped_pid})" in stopped.err
    # The cron jobs: each ended in time with a documented code; what exited 0 arrived once,
    # and nothing twice.
    inbox = Counter(inbox_texts(sandbox))
    for send in [*sends, stopped]:
        assert send.elapsed < SEND_LIMIT and inbox[send.text] <= 1, (send.text, send.elapsed)
    for send in sends:
        if send.code == ExitCode.OK:
            assert send.err == "" and inbox[send.text] == 1, (send.text, send.err)
            continue
        print(f"{send.text}: exit {send.code} after {send.elapsed:.1f} s: {send.err}", end="")
        assert send.err.count("\n") == 1 and send.err.startswith("wacli: "), send.err
        lost = ("ended before it answered", "the server closed the connection")
        assert send.code == ExitCode.TIMED_OUT or (
            send.code == ExitCode.CANNOT_CONNECT and any(words in send.err for words in lost)
        ), (send.text, send.code, send.err)
    # Kills and drops land on some sends (those exit 4), but a soak where cron hardly ever
    # gets through is no soak.
    assert codes[ExitCode.OK] >= len(sends) // 4, codes

    # 0 lost, every line whole and valid; the archive holds each message once.
    assert len(sent) == COUNT
    assert {
        line["data"]["info"]["id"] for line in lines_of(soak.output) if line["type"] == "message"
    } >= sent
    chats = {f"{phone}@s.whatsapp.net" for phone in PHONES}
    archived = [
        row["id"] for row in history(sandbox, store, "--limit", "100000") if row["chat"] in chats
    ]
    assert sorted(archived) == sorted(sent), Counter(archived).most_common(3)


NUMBERS = itertools.count(15550011100, 100)  # the short tests' accounts, two each


@pytest.fixture
def paired(sandbox: SandboxProcess, tmp_path: Path) -> tuple[Path, str]:
    """A paired store, and a peer account to send to."""
    me = next(NUMBERS)
    store, peer = tmp_path / "store", str(me + 9)
    pair(sandbox, store, str(me))
    new_account(sandbox, peer)
    return store, peer


def test_cron_sends_and_a_starting_listen_take_turns(
    sandbox: SandboxProcess, paired: tuple[Path, str]
) -> None:
    store, peer = paired
    sends = [CronSend(sandbox, store, peer, f"turn {n}", TIMEOUT, SEND_LIMIT) for n in range(3)]
    listener = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "connected")
    for send in sends:
        send.join()
        assert (send.code, send.err) == (ExitCode.OK, ""), send.text
    assert Counter(inbox_texts(sandbox, peer)) == {send.text: 1 for send in sends}
    listener.event_of("connected")  # it was not replaced: its stream is still up
    listener.proc.send_signal(signal.SIGTERM)
    code, out, err = listener.finish()
    assert code == 0 and b"stream_replaced" not in out, err


def test_a_command_logged_in_on_its_own_is_named_not_replaced(
    sandbox: SandboxProcess, paired: tuple[Path, str]
) -> None:
    store, peer = paired
    follow = Wacli(store, sandbox.url, sandbox.root_key, "presence", "subscribe", peer)
    assert follow.event()["type"] == "presence"  # logged in: it holds the store's connection
    send = CronSend(sandbox, store, peer, "while subscribed", 2, SEND_LIMIT).join()
    assert (send.code, send.err) == (
        ExitCode.TIMED_OUT,
        f"wacli: another wacli command (pid {follow.proc.pid}) is logged in on this store "
        "and did not finish within 2 s; try again once it has\n",
    )
    assert "while subscribed" not in inbox_texts(sandbox, peer)
    follow.proc.send_signal(signal.SIGTERM)
    code, _, err = follow.finish()
    assert code == 0, err  # it was not replaced
