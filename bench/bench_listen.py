"""`wacli listen` vs Baileys 7 draining a burst from several phones, in one run.

Run: .venv/bin/python bench/bench_listen.py [--messages 20000] [--phones 8] [--live 2000]
                                            [--output] [--profile FILE] [--no-baileys]

One `wacli sandbox serve`; wacli and Baileys 7.0.0-rc14 are linked to their own
accounts of it, and ``--phones`` simulated phones (docs/sandbox-admin.md, ``…/send``)
message both. Two phases per client:

- burst: while the client is offline, the phones queue ``--messages`` texts for it
  (spread over the phones); then the client connects and drains them. wacli is the real
  program, `wacli listen --type message` in a subprocess, each line read from its stdout
  pipe (``--output``: from the file it appends and fsyncs) by this process as it comes;
  a message counts once its line is there (listen decrypted, archived and wrote it, and
  acknowledges it right after; the run checks the sandbox holds no unacked stanza at the
  end). Baileys counts a message when ``messages.upsert`` hands it over. Rate: the
  messages after the first over the time from the first to the last; per CPU-second:
  over the CPU time (user + system) the client process used meanwhile, the figure that
  holds when other jobs share the machine's cores. The sandbox's CPU time meanwhile, as
  a share of one core, tells whether the server side kept up (it has one core to itself
  only on an otherwise idle two-core machine).
- live: with the client online, the phones send ``--live`` more, one request after the
  other, each text starting with the wall-clock time just before its ``…/send`` request;
  latency is from then to the line's arrival (listen) or the upsert (Baileys). The
  sandbox sends the stanza before it answers the request, so latency also holds part of
  that round trip (the phone's encryption, HTTP): its median is printed too.

Peak RSS is VmHWM of the listen process at the end, and of the Node process (which also
linked Baileys). ``--profile FILE`` runs listen under cProfile (slower: for where the time
goes, not for the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.node import NodeProcess  # noqa: E402
from bench.support import WACLI as WACLI_COMMAND  # noqa: E402
from bench.support import Sandbox  # noqa: E402

WACLI = "15550008001"
BAILEYS = "15550008002"
PHONE_BASE = 15550008100
MESSAGE_LINE = b'{"type":"message"'


def phones(count: int) -> list[str]:
    return [str(PHONE_BASE + n) for n in range(count)]


def send_all(
    sandbox: Sandbox, senders: list[str], to: list[str], count: int, *, live: bool = False
) -> list[float]:
    """``count`` texts from ``senders`` (round robin) to each of ``to``; the round trip of
    each ``…/send`` request (s). A burst sends from one thread per phone, as fast as the
    sandbox takes them; ``live`` from one thread, one request after the other, each text
    starting with the wall-clock time (ms) just before its request."""
    workers = 1 if live else len(senders)
    round_trips: list[float] = []

    def one_worker(index: int) -> None:
        for n in range(index, count, workers):
            phone = senders[n % len(senders)]
            for account in to:
                started = time.time()
                text = f"{started * 1000:.3f} " if live else ""
                text += f"message {n} from {phone}, about as long as a chat line"
                status, body = sandbox.admin(
                    "POST", f"/accounts/{phone}/send", {"to": account, "text": text}
                )
                assert status == 200, body
                round_trips.append(time.time() - started)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one_worker, range(workers)))
    return round_trips


@dataclass
class Phase:
    """What one client did in one phase: arrival times (wall clock, s) and texts."""

    arrivals: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    cpu_seconds: float = float("nan")  # the client process's, from the first to the last
    server_cpu_seconds: float = float("nan")  # the sandbox's meanwhile (wacli's run only)

    def per_cpu_second(self) -> float:
        return (len(self.arrivals) - 1) / self.cpu_seconds

    def rate(self) -> float:
        span = self.arrivals[-1] - self.arrivals[0]
        return (len(self.arrivals) - 1) / span if span > 0 else float("nan")

    def latencies_ms(self) -> list[float]:
        return [
            arrived * 1000 - float(text.split(" ", 1)[0])
            for arrived, text in zip(self.arrivals, self.texts, strict=True)
        ]


@dataclass
class Result:
    burst: Phase
    live: Phase
    round_trips: list[float]  # of the live phase's …/send requests, s
    peak_rss_kb: int
    settled: str = ""  # what the sandbox said of the acks after the burst


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vm_hwm_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for {pid}")


class Lines:
    """The message lines of a running listen, each noted with its arrival time by a thread
    of this process (from the stdout pipe, or by following ``--output`` FILE)."""

    def __init__(self, next_line: Callable[[], bytes], pid: int, server_pid: int) -> None:
        self._next_line = next_line
        self._pid = pid
        self._server_pid = server_pid
        # The CPU times of the process and the sandbox at a phase's first line.
        self.first_cpu: tuple[float, float] | None = None
        self.seen: list[tuple[float, bytes]] = []
        self._lock = threading.Condition()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while line := self._next_line():
            if line.startswith(MESSAGE_LINE):
                arrived = time.time()
                if self.first_cpu is None:
                    self.first_cpu = (cpu_seconds(self._pid), cpu_seconds(self._server_pid))
                with self._lock:
                    self.seen.append((arrived, line))
                    self._lock.notify_all()
        with self._lock:
            self.seen.append((0.0, b""))  # the end
            self._lock.notify_all()

    def _arrived(self, count: int) -> bool:
        return len(self.seen) >= count or (bool(self.seen) and self.seen[-1][1] == b"")

    def take(self, count: int, timeout: float) -> Phase:
        """Wait for ``count`` message lines and hand them over as a phase."""
        with self._lock:
            if not self._lock.wait_for(lambda: self._arrived(count), timeout):
                raise TimeoutError(f"{len(self.seen)} of {count} lines within {timeout} s")
            taken, self.seen = self.seen[:count], self.seen[count:]
            if taken[-1][1] == b"":
                raise RuntimeError(f"listen ended early, after {len(taken) - 1} of {count} lines")
            assert self.first_cpu is not None and not self.seen, "phases do not overlap"
            used = cpu_seconds(self._pid) - self.first_cpu[0]
            server_used = cpu_seconds(self._server_pid) - self.first_cpu[1]
            self.first_cpu = None
        phase = Phase(cpu_seconds=used, server_cpu_seconds=server_used)
        for arrived, line in taken:
            phase.arrivals.append(arrived)
            phase.texts.append(_text_of(line))
        return phase


def _text_of(line: bytes) -> str:
    return str(json.loads(line)["data"]["text"])


def follow(path: Path, stopped: threading.Event) -> Callable[[], bytes]:
    """``next_line`` for a file another process appends to (b"" once ``stopped``)."""
    deadline = time.monotonic() + 60
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"listen did not create {path}")
        time.sleep(0.001)
    handle = path.open("rb")
    pending = b""

    def next_line() -> bytes:
        nonlocal pending
        while b"\n" not in pending:
            chunk = handle.read(1 << 16)
            if not chunk:
                if stopped.is_set():
                    return b""
                time.sleep(0.0005)
            pending += chunk
        line, _, pending = pending.partition(b"\n")
        return line + b"\n"

    return next_line


def pending_acks(sandbox: Sandbox, phone: str) -> int:
    status, body = sandbox.admin("GET", f"/accounts/{phone}/acked")
    assert status == 200, body
    return sum(len(device["pending"]) for device in body.values())


def run_wacli(
    sandbox: Sandbox, store: Path, senders: list[str], args: argparse.Namespace
) -> Result:
    python = [sys.executable, "-m", "cProfile", "-o", args.profile] if args.profile else []
    command = [*(python or WACLI_COMMAND[:1]), *WACLI_COMMAND[1:], "listen", "--type", "message"]
    output = store.parent / "events.ndjson"
    if args.output:
        command += ["--output", str(output)]
    stopped = threading.Event()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, env=sandbox.env(store))
    assert proc.stdout is not None
    try:
        next_line = follow(output, stopped) if args.output else proc.stdout.readline
        lines = Lines(next_line, proc.pid, sandbox.pid)
        burst = lines.take(args.messages, timeout=600)
        deadline = time.monotonic() + 30
        while (left := pending_acks(sandbox, WACLI)) and time.monotonic() < deadline:
            time.sleep(0.05)
        settled = "every message acked" if not left else f"{left} stanzas still unacked"
        round_trips = send_all(sandbox, senders, [WACLI], args.live, live=True)
        live = lines.take(args.live, timeout=600)
        peak = vm_hwm_kb(proc.pid)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        finally:
            stopped.set()
    return Result(burst, live, round_trips, peak, settled)


def run_baileys(
    sandbox: Sandbox, baileys: NodeProcess, senders: list[str], args: argparse.Namespace
) -> Result:
    baileys.call("record")  # connects: the queued burst comes in
    burst = _phase(baileys.call("arrivals", count=args.messages))
    baileys.call("record")
    round_trips = send_all(sandbox, senders, [BAILEYS], args.live, live=True)
    live = _phase(baileys.call("arrivals", count=args.live))
    return Result(burst, live, round_trips, vm_hwm_kb(baileys.proc.pid))


def _phase(answer: dict) -> Phase:
    phase = Phase(cpu_seconds=answer["cpu_s"])
    for arrived_ms, text in answer["seen"]:
        phase.arrivals.append(arrived_ms / 1000)
        phase.texts.append(text)
    return phase


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def report(args: argparse.Namespace, ours: Result, theirs: Result | None) -> None:
    def row(what: str, mine: str, other: str = "", ratio: str = "") -> None:
        print(f"| {what} | {mine} | {other} | {ratio} |")

    print(
        f"\n{args.messages} messages from {args.phones} phones, then {args.live} live; "
        f"load {os.getloadavg()[0]:.2f}"
    )
    print("| | wacli listen | Baileys 7.0.0-rc14 | wacli/Baileys |")
    print("|---|---|---|---|")
    rate = ours.burst.rate()
    other_rate = theirs.burst.rate() if theirs else None
    row(
        f"burst of {args.messages}: messages/s",
        f"{rate:,.0f}",
        f"{other_rate:,.0f}" if other_rate else "",
        f"{rate / other_rate:.2f}x" if other_rate else "",
    )
    per_cpu = ours.burst.per_cpu_second()
    other_per_cpu = theirs.burst.per_cpu_second() if theirs else None
    row(
        "  the same per CPU-second of the client process",
        f"{per_cpu:,.0f}",
        f"{other_per_cpu:,.0f}" if other_per_cpu else "",
        f"{per_cpu / other_per_cpu:.2f}x" if other_per_cpu else "",
    )
    busy = ours.burst.server_cpu_seconds / (ours.burst.arrivals[-1] - ours.burst.arrivals[0])
    row("  the sandbox's CPU meanwhile, share of one core", f"{busy:.0%}")
    mine = ours.live.latencies_ms()
    other = theirs.live.latencies_ms() if theirs else []
    for name, fraction in (("p50", 0.5), ("p99", 0.99)):
        ours_ms = percentile(mine, fraction)
        theirs_ms = percentile(other, fraction) if other else None
        row(
            f"live, send to line: {name} ms",
            f"{ours_ms:.1f}",
            f"{theirs_ms:.1f}" if theirs_ms is not None else "",
            f"{ours_ms / theirs_ms:.2g}x" if theirs_ms else "",
        )
    ours_trip = statistics.median(ours.round_trips) * 1000
    theirs_trip = statistics.median(theirs.round_trips) * 1000 if theirs else None
    row(
        "  of which the …/send round trip, median ms",
        f"{ours_trip:.1f}",
        f"{theirs_trip:.1f}" if theirs_trip is not None else "",
    )
    row(
        "peak RSS (VmHWM), MB",
        f"{ours.peak_rss_kb / 1024:.1f}",
        f"{theirs.peak_rss_kb / 1024:.1f}" if theirs else "",
        f"{ours.peak_rss_kb / theirs.peak_rss_kb:.2f}x" if theirs else "",
    )
    print(
        f"\nwacli after the burst: {ours.settled}; median live latency "
        f"{statistics.median(mine):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000, help="the burst's size")
    parser.add_argument("--phones", type=int, default=8)
    parser.add_argument("--live", type=int, default=2_000, help="messages in the live phase")
    parser.add_argument("--output", action="store_true", help="listen --output FILE")
    parser.add_argument("--profile", metavar="FILE", help="run listen under cProfile")
    parser.add_argument("--no-baileys", action="store_true")
    args = parser.parse_args()
    sys.setswitchinterval(0.0002)  # the reader thread notes arrivals promptly

    senders = phones(args.phones)
    with Sandbox() as sandbox, tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        for phone in senders:
            sandbox.account(phone, f"Phone {phone}")
        sandbox.pair(base / "wacli" / "store", WACLI)
        targets = [WACLI]
        baileys = None if args.no_baileys else NodeProcess("bench_baileys.mjs", timeout=900.0)
        try:
            if baileys is not None:
                sandbox.account(BAILEYS, "Baileys")
                baileys.call(
                    "start", url=sandbox.url, root_key=sandbox.root_key, dir=str(base / "b")
                )
                qr = baileys.call("wait_qr")["qr"]
                status, body = sandbox.admin("POST", f"/accounts/{BAILEYS}/link", {"qr": qr})
                assert status == 200, body
                baileys.call("wait_open")
                baileys.call("go_offline")
                targets.append(BAILEYS)
            for phone in senders:
                for account in targets:
                    sandbox.give_token(phone, account)
            started = time.perf_counter()
            send_all(sandbox, senders, targets, args.messages)
            seconds = time.perf_counter() - started
            print(
                f"queued {args.messages} messages for each of {len(targets)} clients "
                f"in {seconds:.1f} s",
                flush=True,
            )
            ours = run_wacli(sandbox, base / "wacli" / "store", senders, args)
            theirs = run_baileys(sandbox, baileys, senders, args) if baileys else None
        finally:
            if baileys is not None:
                try:
                    baileys.call("stop")
                finally:
                    baileys.close()
        report(args, ours, theirs)


if __name__ == "__main__":
    main()
