"""Shared by the end-to-end client tests: `wacli` as a subprocess, sandbox accounts, and the
one reader of its NDJSON stdout."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jsonschema

from tests.client.tcp_queues import all_read_by_peers
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

LINE_TIMEOUT = 60.0  # hang protection only: no test asserts on how long anything takes
POLL_INTERVAL = 0.1


def wait_until(check: Callable[[], bool], what: str, timeout: float = LINE_TIMEOUT) -> None:
    """Poll ``check`` until it holds; AssertionError naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what}")
        time.sleep(POLL_INTERVAL)


SCHEMA = jsonschema.Draft202012Validator(
    json.loads((Path(__file__).resolve().parents[2] / "docs" / "events.schema.json").read_text()),
    format_checker=jsonschema.FormatChecker(),
)


def valid(line: dict) -> dict:
    """The event line, after checking it against docs/events.schema.json."""
    SCHEMA.validate(line)
    return line


class Pipe:
    """Lines of a child's stdout, read straight from the file descriptor.

    select() only knows what the kernel still holds: a buffered reader in between may
    already have taken in the next line, and select() would then wait for nothing.
    So bytes go from os.read() into this one buffer, and lines are cut from it."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buffer = b""
        self.eof = False

    def _fill(self, timeout: float) -> bool:
        """Read what arrives within ``timeout``; False on timeout or end of file."""
        if self.eof:
            return False
        ready, _, _ = select.select([self._fd], [], [], timeout)
        chunk = os.read(self._fd, 65536) if ready else b""
        if ready and not chunk:
            self.eof = True
        self._buffer += chunk
        return bool(chunk)

    def line(self, timeout: float = LINE_TIMEOUT) -> bytes | None:
        """The next complete line (without its newline), or None at end of file or when
        nothing came for ``timeout`` seconds."""
        while b"\n" not in self._buffer:
            if not self._fill(timeout):
                return None
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line

    def drain(self, timeout: float = LINE_TIMEOUT) -> bytes:
        """Everything left until end of file (each read bounded by ``timeout``)."""
        while self._fill(timeout):
            pass
        rest, self._buffer = self._buffer, b""
        return rest


def command(store: Path, server: str, root: str, *args: str) -> list[str]:
    """The argv of ``python -m wacli`` on this store and server."""
    return [
        sys.executable,
        "-m",
        "wacli",
        "--store",
        str(store),
        "--server",
        server,
        "--noise-root",
        root,
        *args,
    ]


PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def environment(env: dict[str, str] | None) -> dict[str, str]:
    """Our environment without its WACLI_* and proxy variables (the sandbox is on
    loopback, reached straight unless a test names a proxy), plus ``env``."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("WACLI_") and k.lower() not in PROXY_VARIABLES
    }
    return {**clean, **(env or {})}


# Every wacli process started; the conftest fixture ``no_process_left_behind`` ends
# those a test started and left running (end_leftovers), so a failing test leaves
# nothing running.
STARTED: list[subprocess.Popen] = []


def end_leftovers(since: int = 0) -> None:
    """SIGKILL and reap the wacli processes started after the first ``since`` that are
    still running (those of a wider-scoped fixture stay: it owns them)."""
    while len(STARTED) > since:
        proc = STARTED.pop()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


class Wacli:
    """``python -m wacli --store … --server … --noise-root …`` as a running subprocess."""

    def __init__(
        self, store: Path, server: str, root: str, *args: str, env: dict[str, str] | None = None
    ) -> None:
        """``env``: WACLI_* variables for this run (the caller's own are never passed on)."""
        self.proc = subprocess.Popen(
            command(store, server, root, *args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(env),
        )
        STARTED.append(self.proc)
        assert self.proc.stdout is not None
        self.stdout = Pipe(self.proc.stdout.fileno())

    def event(self, timeout: float = LINE_TIMEOUT) -> dict:
        """The next NDJSON line on stdout, validated against the schema."""
        line = self.stdout.line(timeout)
        if line is None:
            if not self.stdout.eof:  # nothing for LINE_TIMEOUT seconds: it hangs
                self.proc.kill()
            _, _, err = self.finish()
            raise AssertionError(f"no event line; stderr: {err!r}")
        return valid(json.loads(line))

    def stuck_writing_stdout(self) -> bool:
        """Whether the process sleeps in a write to its stdout pipe, which it cannot finish
        until we read (Linux: /proc/PID/wchan names the pipe write, /proc/PID/syscall has
        fd 1 as the call's first argument). A slow consumer, observed, not waited for."""
        proc = Path("/proc") / str(self.proc.pid)
        try:
            wchan = (proc / "wchan").read_text()
            call = (proc / "syscall").read_text().split()
        except OSError:  # it has exited
            return False
        return "pipe" in wchan and len(call) > 1 and call[1] == "0x1"

    def ready(self) -> list[dict]:
        """The lines already written, without waiting for more."""
        found = []
        while (line := self.stdout.line(0)) is not None:
            found.append(valid(json.loads(line)))
        return found

    def event_of(self, kind: str, timeout: float = LINE_TIMEOUT) -> dict:
        """The next line of type ``kind`` (the others are skipped)."""
        while True:
            line = self.event(timeout)
            if line["type"] == kind:
                return line

    def rest(self) -> list[dict]:
        """Every line still to come until stdout closes (after a kill or a signal). A
        line a SIGKILL cut short (no newline: it was never printed whole) is left out."""
        lines = self.stdout.drain().split(b"\n")[:-1]
        self.proc.wait(LINE_TIMEOUT)
        return [valid(json.loads(line)) for line in lines if line]

    def finish(self) -> tuple[int, bytes, str]:
        """Wait for the exit: (exit code, the stdout not yet read, stderr)."""
        pending = self.stdout.drain(0)  # communicate() closes the pipe: take ours first
        out, err = self.proc.communicate(timeout=LINE_TIMEOUT)
        self.stdout.eof = True  # and closed
        return self.proc.returncode, pending + out, err.decode()


class Lines:
    """The event lines of a running ``wacli`` (a view: the reading is Wacli's own)."""

    def __init__(self, wacli: Wacli) -> None:
        self.wacli = wacli

    def next(self, timeout: float = LINE_TIMEOUT) -> dict:
        return self.wacli.event(timeout)

    def next_of(self, kind: str) -> dict:
        return self.wacli.event_of(kind)

    def rest(self) -> list[dict]:
        return self.wacli.rest()


def stop(lines: Lines) -> list[dict]:
    """SIGTERM: exit 0 without a traceback; the lines written until then."""
    lines.wacli.proc.send_signal(signal.SIGTERM)
    rest = lines.rest()
    assert lines.wacli.proc.returncode == 0
    assert lines.wacli.proc.stderr is not None
    assert b"Traceback" not in lines.wacli.proc.stderr.read()
    return rest


def run(store: Path, server: str, root: str, *args: str) -> tuple[int, bytes, str]:
    return Wacli(store, server, root, *args).finish()


def run_with(
    store: Path,
    server: str,
    root: str,
    *args: str,
    stdin: bytes = b"",
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
) -> tuple[int, bytes, str]:
    """A finished run fed ``stdin``, its stdout a pipe or the file ``stdout`` (e.g.
    /dev/full): (exit code, what stdout's pipe got, stderr)."""
    with open(stdout or os.devnull, "wb") as target:
        done = subprocess.run(
            command(store, server, root, *args),
            input=stdin,
            stdout=subprocess.PIPE if stdout is None else target,
            stderr=subprocess.PIPE,
            env=environment(env),
            timeout=LINE_TIMEOUT,
        )
    return done.returncode, done.stdout or b"", done.stderr.decode()


def new_account(sandbox: SandboxProcess, phone: str, push_name: str = "Tester") -> dict:
    status, body = sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": push_name})
    assert status in (200, 201), body
    return body


# -- at least once: what the server had settled when a listener was killed ------------------


def _companion(sandbox: SandboxProcess, phone: str) -> dict:
    """GET …/acked of the one companion of ``phone``."""
    status, answer = sandbox.admin("GET", f"/accounts/{phone}/acked")
    assert status == 200 and len(answer) == 1, answer
    return next(iter(answer.values()))


def _message_ids(entries: list[dict]) -> set[str]:
    return {entry["id"] for entry in entries if entry["class"] == "message"}


def acked_message_ids(sandbox: SandboxProcess, phone: str) -> set[str]:
    """The message ids the one companion of ``phone`` has acknowledged so far."""
    return _message_ids(_companion(sandbox, phone)["acked"])


def queued_message_ids(sandbox: SandboxProcess, phone: str) -> set[str]:
    """The message ids the sandbox still holds for the one companion of ``phone``."""
    return _message_ids(_companion(sandbox, phone)["pending"])


def kill_when_stuck(sandbox: SandboxProcess, phone: str, wacli: Wacli) -> set[str]:
    """SIGKILL ``phone``'s listener once it is stuck on a full stdout pipe (killed in any
    case: a failing wait leaves nothing running); the message ids the server had settled
    just before, over the live connection. (After the kill the connection is reset, and
    the server may drop what it had not read yet: an early receipt could go unseen. So
    the kill waits until the sandbox has read all listen sent; a sandbox still busy
    sending to the blocked listener may not have handled it yet, which is why
    test_listen_kill.py's lockstep test sends one message at a time.)"""
    try:
        wait_until(wacli.stuck_writing_stdout, "listen to block on its full stdout pipe")
        # What it sent before blocking must have reached the sandbox's process: the reset a
        # SIGKILL causes may discard bytes still in the sandbox's receive queue.
        pid = wacli.proc.pid
        wait_until(lambda: all_read_by_peers(pid), "the sandbox to read what listen sent")
        return acked_message_ids(sandbox, phone)
    finally:
        wacli.proc.send_signal(signal.SIGKILL)
        # Dead before anyone reads stdout again: reading would let a blocked line through.
        wacli.proc.wait(LINE_TIMEOUT)


def settled_at_kill(sandbox: SandboxProcess, phone: str) -> tuple[set[str], set[str]]:
    """(message ids acknowledged, message ids still owed) by the one companion of
    ``phone``, after a SIGKILL, once the server saw the connection end (GET …/acked)."""
    wait_until(
        lambda: not _companion(sandbox, phone)["online"], "the server to see the listener die"
    )
    device = _companion(sandbox, phone)
    return _message_ids(device["acked"]), _message_ids(device["pending"])


def archived_ids(store: Path, chat: str, ids: set[str]) -> set[str]:
    """Which of ``ids`` the (stopped) listener's archive holds in ``chat``."""
    with Store(store) as opened:
        archive = Archive(opened)
        return {i for i in ids if archive.message(chat, i) is not None}


def assert_killed_mid_flight(
    sandbox: SandboxProcess,
    phone: str,
    store: Path,
    chat: str,
    sent: set[str],
    printed: set[str],
    acked_before: set[str],
) -> None:
    """The at-least-once contract at a SIGKILL of ``phone``'s listener: nothing of ``sent``
    was acknowledged before its line reached stdout (``printed``: every line read, with
    what was still in the pipe; ``acked_before``: kill_when_stuck's look), and the kill
    landed mid-flight: some message was archived but not printed, or not yet
    acknowledged (so the restart has something to redo)."""
    acked, pending = settled_at_kill(sandbox, phone)
    acked |= acked_before
    early = (acked & sent) - printed
    assert not early, f"acknowledged before its line was written: {sorted(early)}"
    assert sent - acked <= pending  # what was not acknowledged is still owed
    unprinted = archived_ids(store, chat, sent) - printed
    assert unprinted or sent - acked, "the kill came after every message was printed and acked"
