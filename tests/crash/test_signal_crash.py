"""Kill a decrypting process at random points; it must always resume where it stood.

A receiver process decrypts Alice's messages from its real store file and answers
some of them (so both sides keep ratcheting). The test SIGKILLs it mid-stream
several times, restarts it and re-delivers every message it had not acknowledged,
as the server would. A message whose transaction did not commit is decrypted again;
none may ever fail, and in the end every plaintext is stored exactly once.
"""

from __future__ import annotations

import base64
import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.crash.receiver import REPLY_EVERY, TEST_MIGRATIONS
from wacli.signal import (
    CiphertextMessage,
    MessageType,
    ProtocolAddress,
    SessionCipher,
    ensure_identity,
    own_bundle,
    process_prekey_bundle,
)
from wacli.store import Store

ROOT = Path(__file__).resolve().parents[2]
TOTAL = 360
BATCH = 40
KILLS = 10


class Receiver:
    def __init__(self, directory: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.receiver", str(directory), "alice"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def start(self) -> list[list[str]]:
        """The lines it says before it is ready (its outbox)."""
        assert self.proc.stdout is not None
        lines = []
        while True:
            line = self.proc.stdout.readline()
            assert line, f"receiver exited with {self.proc.wait()}"
            parts = line.split()
            if parts[0] == "ready":
                return lines
            lines.append(parts)

    def send(self, seq: int, message: CiphertextMessage) -> None:
        assert self.proc.stdin is not None
        body = base64.b64encode(message.body).decode()
        self.proc.stdin.write(f"msg {seq} {int(message.type)} {body}\n")

    def kill_after(self, acks: int, delay: float) -> list[list[str]]:
        """SIGKILL ``delay`` seconds after its ``acks``-th ack; all it managed to say."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.flush()
        lines = []
        while acks > 0:
            parts = self.proc.stdout.readline().split()
            lines.append(parts)
            acks -= parts[0] == "ack"
        time.sleep(delay)
        os.kill(self.proc.pid, signal.SIGKILL)
        return lines + self._drain()

    def finish(self) -> list[list[str]]:
        """Let it work through its input and exit normally."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        lines = self._drain()
        assert self.proc.returncode == 0, lines[-1:]
        return lines

    def _drain(self) -> list[list[str]]:
        assert self.proc.stdout is not None
        text = self.proc.stdout.read()
        self.proc.wait(timeout=60)
        self.proc.stdout.close()
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.proc.stdin.close()
        # a line cut short by the kill is dropped, like a lost packet
        lines = [line.split() for line in text.splitlines(keepends=True) if line.endswith("\n")]
        return [parts for parts in lines if parts]


def test_a_killed_receiver_never_loses_its_ratchet(tmp_path: Path) -> None:
    rng = random.Random(20240611)
    alice = Store(tmp_path / "alice")
    ensure_identity(alice)
    bob_dir = tmp_path / "bob"
    bob = Store(bob_dir)
    ensure_identity(bob)
    bundle = own_bundle(bob, 1)
    bob.close()
    bob_address = ProtocolAddress("bob", 1)
    process_prekey_bundle(alice, bob_address, bundle)
    to_bob = SessionCipher(alice, bob_address)

    sent: dict[int, CiphertextMessage] = {}
    acked: set[int] = set()
    replies: dict[int, bytes] = {}
    kills = interrupted = 0
    next_seq = 0

    def handle(parts: list[str]) -> None:
        kind = parts[0]
        assert kind != "error", f"receiver failed: {' '.join(parts)}"
        if kind == "ack":
            acked.add(int(parts[1]))
        elif kind == "reply" and int(parts[1]) not in replies:
            reply = CiphertextMessage(MessageType(int(parts[2])), base64.b64decode(parts[3]))
            replies[int(parts[1])] = to_bob.decrypt(reply)  # alice ratchets on each answer

    while len(acked) < TOTAL:
        receiver = Receiver(bob_dir)
        for parts in receiver.start():
            handle(parts)
        # re-deliver everything unacknowledged, as the server would, then new messages
        todo = sorted(set(sent) - acked)
        while len(todo) < BATCH and next_seq < TOTAL:
            sent[next_seq] = to_bob.encrypt(b"message %d" % next_seq)
            todo.append(next_seq)
            next_seq += 1
        for seq in todo:
            receiver.send(seq, sent[seq])
        before = len(acked)
        assert set(todo) & acked == set()
        killed = kills < KILLS
        if killed:
            # somewhere inside the processing of the next few messages
            lines = receiver.kill_after(rng.randrange(len(todo)), rng.uniform(0.0, 0.002))
            kills += 1
        else:
            lines = receiver.finish()
        for parts in lines:
            handle(parts)
        if killed:
            interrupted += len(acked) - before < len(todo)

    assert interrupted >= KILLS // 2  # most kills cut a batch short (the others: idle)

    bob = Store(bob_dir, migrations=TEST_MIGRATIONS)
    rows = dict(bob._conn.execute("SELECT seq, plaintext FROM crash_received"))
    assert rows == {seq: b"message %d" % seq for seq in range(TOTAL)}
    outbox = {seq for (seq,) in bob._conn.execute("SELECT seq FROM crash_outbox")}
    assert outbox == {seq for seq in range(TOTAL) if seq % REPLY_EVERY == 0}
    assert replies == {seq: b"reply to %d" % seq for seq in outbox}
    bob.close()
    alice.close()
