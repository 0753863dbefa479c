"""The real CLI against the sandbox's faults (docs/sandbox-admin.md, POST /admin/faults) and against
servers that misbehave below the protocol.

`wacli listen` while a simulated phone keeps sending: dropped connections, stream error
515 and 503, a frame that does not decode, a slow server, and one too slow to accept the
login within WACLI_TIMEOUT only cost a disconnected / stream_error line and a reconnect
(backoff); it never exits, never prints a traceback, and every message id sent shows up
on stdout at least once. The server's final words end it with the documented code
(README, "Exit codes"): a replaced stream → stream_replaced, exit 6 (another client took over:
reconnecting would only fight it, so wacli does not, like whatsmeow); logout →
logged_out, exit 3; a ban → temporary_ban, exit 6; 405 at login → client_outdated +
connect_failure, exit 6, one line naming WACLI_WA_VERSION.

`wacli send` under a drop, with its own login or through a running listen's relay,
either exits 0 (and the phone has the message) or 4/5 with one line. A server that
accepts TCP and stays silent ends send and listen (which retries only once the server
has accepted a login) with exactly exit 5, a wait that ran out; one that hangs up
mid-handshake with exit 4; one line each.

WACLI_SOAK=1 runs a longer listen variant (marked ``soak``)"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.fault_support import hang_up_mid_handshake, listening_socket
from tests.client.support import LINE_TIMEOUT, Wacli, new_account, wait_until
from wacli.cli.exit_codes import ExitCode
from wacli.client.timing import Timing, TimingError, configured_timing
from wacli.sandbox.process import SandboxProcess

# Short waits for the server (WACLI_TIMEOUT, connection.py) so a lost answer costs
# seconds, not the default 20-30 s; generous enough for a loaded 2-core machine. Against a
# server that never answers anything, shorter still: that wait always runs out.
FAST = {"WACLI_TIMEOUT": "4"}
SILENT = {"WACLI_TIMEOUT": "2"}
SOAK = os.environ.get("WACLI_SOAK") == "1"


def wacli(sandbox: SandboxProcess, store: Path, *args: str, server: str | None = None) -> Wacli:
    # After a 405 wacli looks up the current version: at the sandbox, never on the internet
    # (it names none unless told, so the look-up fails and the refusal stands).
    lookup = {
        "WACLI_VERSION_URL": sandbox.endpoints["version_url"],
        "WACLI_MEDIA_CA": sandbox.endpoints["media_ca"],
    }
    env = {**(SILENT if server else FAST), **lookup}
    return Wacli(store, server or sandbox.url, sandbox.root_key, *args, env=env)


def fault(sandbox: SandboxProcess, body: dict) -> dict:
    status, answer = sandbox.admin("POST", "/faults", body)
    assert status == 200, answer
    return answer


def phone_sends(sandbox: SandboxProcess, phone: str, to: str, text: str) -> str:
    status, body = sandbox.admin("POST", f"/accounts/{phone}/send", {"to": to, "text": text})
    assert status == 200, body
    return body["id"]


def stderr_of(proc: subprocess.Popen) -> str:
    assert proc.stderr is not None
    return proc.stderr.read().decode()


def one_line(err: str) -> str:
    """The one line a failing command prints (README: no traceback, one line)."""
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


class Listener:
    """A running `wacli listen` and every line it printed so far."""

    def __init__(self, sandbox: SandboxProcess, store: Path) -> None:
        self.cli = wacli(sandbox, store, "listen")
        self.lines: list[dict] = []

    def next(self) -> dict:
        line = self.cli.event()
        self.lines.append(line)
        return line

    def until(self, kind: str) -> dict:
        while (line := self.next())["type"] != kind:
            pass
        return line

    def count(self, kind: str) -> int:
        return sum(line["type"] == kind for line in self.lines)

    def message_ids(self) -> set[str]:
        return {line["data"]["info"]["id"] for line in self.lines if line["type"] == "message"}

    def until_seen(self, ids: set[str]) -> None:
        while not ids <= self.message_ids():
            self.next()

    def reconnect(self, connected_before: int) -> None:
        """Wait until listen logged in again after a fault."""
        while self.count("connected") <= connected_before:
            self.next()

    def stop(self) -> str:
        """SIGTERM → exit 0; its stderr (must hold no traceback)."""
        assert self.cli.proc.poll() is None, "listen exited on its own"
        self.cli.proc.send_signal(signal.SIGTERM)
        self.lines += self.cli.rest()
        assert self.cli.proc.returncode == ExitCode.OK
        err = stderr_of(self.cli.proc)
        assert "Traceback" not in err, err
        return err

    def ends(self) -> tuple[int, str]:
        """Read to the end of stdout: (exit code, the one stderr line)."""
        self.lines += self.cli.rest()
        return self.cli.proc.returncode, one_line(stderr_of(self.cli.proc))


def survive(sandbox: SandboxProcess, tmp_path: Path, me: str, peer: str, rounds: int) -> None:
    pair(sandbox, tmp_path / "me", me)
    new_account(sandbox, peer)
    listen = Listener(sandbox, tmp_path / "me")
    listen.until("connected")
    sent: set[str] = set()
    serial = iter(range(1_000_000))

    def burst(count: int) -> None:
        for _ in range(count):
            sent.add(phone_sends(sandbox, peer, me, f"steady {next(serial)}"))

    faults: list[tuple[dict, str]] = [
        ({"drop": "all"}, "disconnected"),
        ({"stream_error": "515", "phone": me}, "disconnected"),
        ({"stream_error": "503", "phone": me}, "stream_error"),
        ({"drop": "all"}, "disconnected"),
    ]
    for _ in range(rounds):
        for body, line in faults:
            before, lines_before = listen.count("connected"), listen.count(line)
            burst(3)  # delivered live
            fault(sandbox, body)
            burst(3)  # sent while listen is away: offline queue, or the next connection
            listen.reconnect(before)
            assert listen.count(line) > lines_before
        # A frame that does not decode is dropped; the connection carries on.
        before = listen.count("connected")
        assert fault(sandbox, {"garbage": me})["sent"] == 1
        burst(3)
        listen.until_seen(sent)
        assert listen.count("connected") == before
        # A slow server: every stanza it sends comes late.
        fault(sandbox, {"delay_ms": 300})
        try:
            burst(3)
            listen.until_seen(sent)
        finally:
            fault(sandbox, {"delay_ms": 0})
    listen.until_seen(sent)
    listen.stop()
    assert listen.count("disconnected") >= len(faults) * rounds
    assert sent <= listen.message_ids()
    reasons = [line["data"]["reason"] for line in listen.lines if line["type"] == "disconnected"]
    assert any("515" in reason for reason in reasons), reasons
    codes = [line["data"]["code"] for line in listen.lines if line["type"] == "stream_error"]
    assert "503" in codes


def test_listen_survives_drops_restarts_garbage_and_delay(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    survive(sandbox, tmp_path, "15550009001", "15550009002", rounds=1)


@pytest.mark.soak
@pytest.mark.skipif(not SOAK, reason="soak test: set WACLI_SOAK=1")
def test_listen_soak(sandbox: SandboxProcess, tmp_path: Path) -> None:
    survive(sandbox, tmp_path, "15550009011", "15550009012", rounds=15)


def test_a_server_too_slow_at_login_is_retried(sandbox: SandboxProcess, tmp_path: Path) -> None:
    me, peer = "15550009009", "15550009010"
    pair(sandbox, tmp_path / "me", me)
    new_account(sandbox, peer)
    listen = Listener(sandbox, tmp_path / "me")
    listen.until("connected")
    # Slower than WACLI_TIMEOUT: the next login's <success> comes too late.
    fault(sandbox, {"delay_ms": 6000})
    try:
        fault(sandbox, {"drop": "all"})
        while not any(
            "in time" in line["data"]["reason"]
            for line in listen.lines
            if line["type"] == "disconnected"
        ):
            listen.next()
    finally:
        fault(sandbox, {"delay_ms": 0})
    sent = {phone_sends(sandbox, peer, me, "after the slow spell")}
    listen.until_seen(sent)
    listen.stop()


def test_a_replaced_stream_ends_listen(sandbox: SandboxProcess, tmp_path: Path) -> None:
    me = "15550009003"
    pair(sandbox, tmp_path / "me", me)
    listen = Listener(sandbox, tmp_path / "me")
    listen.until("connected")
    fault(sandbox, {"stream_error": "conflict", "phone": me})
    code, err = listen.ends()
    assert code == ExitCode.REFUSED, err
    assert [line["type"] for line in listen.lines][-1] == "stream_replaced"
    assert "replaced" in err


def test_logout_ends_listen_with_exit_3(sandbox: SandboxProcess, tmp_path: Path) -> None:
    me = "15550009004"
    pair(sandbox, tmp_path / "me", me)
    listen = Listener(sandbox, tmp_path / "me")
    listen.until("connected")
    fault(sandbox, {"logout": me})
    code, err = listen.ends()
    assert code == ExitCode.NOT_PAIRED, err
    logged_out = [line for line in listen.lines if line["type"] == "logged_out"]
    assert [line["data"]["reason"] for line in logged_out] == ["device_removed"]
    assert "wacli pair" in err
    # The account is forgotten (the archive stays): the next listen says to pair again.
    code, out, err = wacli(sandbox, tmp_path / "me", "listen").finish()
    assert code == ExitCode.NOT_PAIRED and out == b""
    assert "wacli pair" in one_line(err)


def test_a_ban_ends_listen_with_exit_6(sandbox: SandboxProcess, tmp_path: Path) -> None:
    me = "15550009005"
    pair(sandbox, tmp_path / "me", me)
    listen = Listener(sandbox, tmp_path / "me")
    listen.until("connected")
    fault(sandbox, {"ban": {"phone": me, "code": 101, "expire": 600}})
    code, err = listen.ends()
    assert code == ExitCode.REFUSED, err
    bans = [line["data"] for line in listen.lines if line["type"] == "temporary_ban"]
    assert [(ban["code"], ban["expire"]) for ban in bans] == [(101, 600)]
    assert "banned" in err


def test_an_outdated_version_is_refused_with_a_hint(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    me = "15550009006"
    pair(sandbox, tmp_path / "me", me)
    fault(sandbox, {"connect_failure": {"phone": me, "reason": 405}})
    listen = Listener(sandbox, tmp_path / "me")
    code, err = listen.ends()
    assert code == ExitCode.REFUSED, err
    assert [line["type"] for line in listen.lines] == ["client_outdated", "connect_failure"]
    failure = listen.lines[1]["data"]
    assert (failure["reason"], failure["code"]) == ("client_outdated", 405)
    assert "WACLI_WA_VERSION" in err
    # The same for a command: one line naming the variable, exit 6.
    fault(sandbox, {"connect_failure": {"phone": me, "reason": 405}})
    send = wacli(sandbox, tmp_path / "me", "send", "15550009002", "hello")
    code, out, err = send.finish()
    assert code == ExitCode.REFUSED and out == b""
    assert "WACLI_WA_VERSION" in one_line(err)


DROP_POLL = 0.01  # seconds between looks at what the server received


def stanzas_sent(sandbox: SandboxProcess, phone: str, phase: str) -> list[str]:
    """The shapes of the stanzas ``phone``'s devices sent during the recorder's ``phase``
    (docs/sandbox-admin.md, "Stanza recorder"), in arrival order."""
    status, answer = sandbox.admin("GET", "/record")
    assert status == 200, answer
    devices = answer["accounts"].get(phone, {}).values()
    return [shape for phases in devices for shape in phases.get(phase, [])]


def drop_when(
    sandbox: SandboxProcess, send: Wacli, phone: str, ready: Callable[[list[str]], bool]
) -> bool:
    """Close every connection as soon as the stanzas ``phone`` sent since ``send`` started
    make ``ready`` true (the server then holds back its answer to the last: delay_ms),
    unless ``send`` finished before; whether it dropped. Bounded, like every wait here."""
    phase = f"send {send.proc.pid}"
    status, answer = sandbox.admin("POST", "/record", {"phase": phase, "clear": True})
    assert status == 200, answer
    deadline = time.monotonic() + LINE_TIMEOUT
    while not ready(stanzas_sent(sandbox, phone, phase)):
        if send.proc.poll() is not None:
            return False
        assert time.monotonic() < deadline, "the send's stanzas never reached the server"
        time.sleep(DROP_POLL)
    fault(sandbox, {"drop": "all"})
    return True


def has_message(shapes: list[str]) -> bool:
    return any(shape.startswith("<message") for shape in shapes)


@pytest.mark.parametrize("through_listen", [False, True], ids=["own-login", "via-listen"])
def test_sends_under_a_drop_exit_0_only_when_delivered(
    sandbox: SandboxProcess, tmp_path: Path, through_listen: bool
) -> None:
    """Drops at points the server observed: once the message is in (its ack held back:
    the send fails, the phone has it all the same), then after the 1st, 2nd, … stanza of
    a send until one finishes before its drop point. A dropped send exits 0 only with
    the message delivered, else 4/5 with one line; both outcomes happen."""
    me, peer = ("15550009017", "15550009018") if through_listen else ("15550009007", "15550009008")
    pair(sandbox, tmp_path / "me", me)
    new_account(sandbox, peer)
    listen = None
    if through_listen:  # the sends go over listen's connection (the relay socket)
        listen = Listener(sandbox, tmp_path / "me")
        listen.until("connected")

    def send_dropped(text: str, ready: Callable[[list[str]], bool]) -> tuple[bool, int, str]:
        """(dropped, exit code, message id or "") of one send with a drop at ``ready``."""
        send = wacli(sandbox, tmp_path / "me", "send", peer, text)
        try:
            dropped = drop_when(sandbox, send, me, ready)
        finally:
            code, out, err = send.finish()  # never left running
        assert "Traceback" not in err, err
        if listen is not None and dropped:  # its next login, before the next send
            listen.until("connected")
        if code == ExitCode.OK:
            return dropped, code, out.decode().strip()
        assert dropped, err  # nothing went wrong, so it had to go through
        assert code in (ExitCode.CANNOT_CONNECT, ExitCode.TIMED_OUT), err
        one_line(err)
        return dropped, code, ""

    # Each stanza from the server comes late, so a drop lands while the server holds back
    # its answer to the stanza seen last: during the login, the device and prekey
    # queries, or between the message and its ack.
    fault(sandbox, {"delay_ms": 250})
    try:
        held_back = send_dropped("under a drop: the ack held back", has_message)
        outcomes = [held_back]
        for n in range(1, 40):
            outcomes.append(send_dropped(f"under a drop {n}", lambda sent, n=n: len(sent) >= n))
            if not outcomes[-1][0]:
                break
        else:
            raise AssertionError(f"every send was dropped: {outcomes}")
    finally:
        fault(sandbox, {"delay_ms": 0})
        sandbox.admin("POST", "/record", {"phase": None, "clear": True})

    def delivered() -> dict[str, str]:
        """The phone's inbox: id -> text."""
        status, inbox = sandbox.admin("GET", f"/accounts/{peer}/inbox")
        assert status == 200, inbox
        return {entry["id"]: entry["text"] for entry in inbox}

    # Both outcomes: the message went out but its ack never came (a failure), and the
    # last send got through. The server acks a message before it hands it to the phone:
    # what was acked is delivered soon after (a bounded poll).
    assert held_back[0] and held_back[1] != ExitCode.OK, outcomes
    assert outcomes[-1][1] == ExitCode.OK, outcomes
    acked = {message_id for _, code, message_id in outcomes if code == ExitCode.OK}
    wait_until(lambda: acked <= delivered().keys(), f"the phone to have {acked}")
    wait_until(
        lambda: "under a drop: the ack held back" in delivered().values(),
        "the phone to have the message whose ack was held back",
    )
    # And with the server back to normal, a send goes through.
    code, out, err = wacli(sandbox, tmp_path / "me", "send", peer, "after").finish()
    assert code == ExitCode.OK, err
    wait_until(lambda: out.decode().strip() in delivered(), "the phone to have 'after'")
    if listen is not None:
        listen.stop()  # it rode out every drop
        assert listen.count("disconnected") > 0


@pytest.mark.parametrize(
    "command", [("send", "15550009002", "hi"), ("listen",)], ids=["send", "listen"]
)
def test_a_silent_server_times_out(
    sandbox: SandboxProcess, tmp_path: Path, command: tuple[str, ...]
) -> None:
    pair(sandbox, tmp_path / "me", f"1555000902{len(command)}")
    with listening_socket() as (_, url):
        code, out, err = wacli(sandbox, tmp_path / "me", *command, server=url).finish()
    # A server that never answers is a wait that runs out: exactly 5 (README), never
    # "cannot connect", whose 4 is for a refused or broken connection.
    assert code == ExitCode.TIMED_OUT, err
    assert out == b""
    assert url in one_line(err) and "timed out" in one_line(err)


@pytest.mark.parametrize(
    "command", [("send", "15550009002", "hi"), ("listen",)], ids=["send", "listen"]
)
def test_a_server_hanging_up_mid_handshake(
    sandbox: SandboxProcess, tmp_path: Path, command: tuple[str, ...]
) -> None:
    pair(sandbox, tmp_path / "me", f"1555000903{len(command)}")
    with listening_socket() as (listener, url):
        cli = wacli(sandbox, tmp_path / "me", *command, server=url)
        first = hang_up_mid_handshake(listener, LINE_TIMEOUT)
        assert first  # the client had started its Noise handshake
        code, out, err = cli.finish()
    assert code == ExitCode.CANNOT_CONNECT, err
    assert out == b""
    assert "handshake" in one_line(err)


@pytest.mark.parametrize("value", ["soon", "0", "-1", "nan", "inf"])
def test_a_bad_timeout_setting_is_a_usage_error(
    sandbox: SandboxProcess, tmp_path: Path, value: str
) -> None:
    cli = Wacli(tmp_path, sandbox.url, sandbox.root_key, "listen", env={"WACLI_TIMEOUT": value})
    code, out, err = cli.finish()
    assert code == ExitCode.USAGE and out == b""
    assert "WACLI_TIMEOUT" in one_line(err)


def test_the_timeout_setting_shortens_connect_and_requests() -> None:
    assert configured_timing({}) == Timing()
    assert configured_timing({"WACLI_TIMEOUT": " "}) == Timing()
    short = configured_timing({"WACLI_TIMEOUT": "2.5"})
    assert (short.connect, short.iq) == (2.5, 2.5)
    assert short.keepalive_min == Timing().keepalive_min  # pacing is not a wait
    with pytest.raises(TimingError, match="WACLI_TIMEOUT"):
        configured_timing({"WACLI_TIMEOUT": "1e999"})
