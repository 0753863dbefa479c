"""The sandbox under load: start-up time, N concurrent companions, 1:1 messages routed.

Run: .venv/bin/python bench/bench_sandbox.py [--clients 50] [--messages N] [--seconds S]
     [--profile FILE]  (the sandbox runs under cProfile; top functions printed at the end)

It spawns the real ``python -m wacli sandbox serve`` (start-up = spawn to its JSON line),
creates one account per client through the admin API, links and logs in every client at
once (companions on wacli's client: real WebSocket, Noise and Signal, see
bench/companion.py), then pairs of clients message each other: each message is
Signal-encrypted, sent, and waited on until the server acks it; the receiver decrypts it
and acks it. Each client sends --messages messages or stops at --seconds, whichever comes
first. Loopback only; privacy tokens off (routing is measured, not the token rule).
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import anyio

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.local_sandbox import Running, attached  # noqa: E402
from bench.sandbox_clients import BenchClient, Tally  # noqa: E402
from wacli.sandbox.process import SandboxProcess  # noqa: E402
from wacli.sandbox.server import Endpoints  # noqa: E402

STARTUP_TIMEOUT = 20.0
SETUP_TIMEOUT = 120.0
DRAIN_SECONDS = 10.0


def spawn(profile: Path | None) -> tuple[SandboxProcess, float]:
    """Start ``wacli sandbox serve``; (it, seconds from spawn to its JSON line)."""
    runner = ["-m", "cProfile", "-o", str(profile)] if profile else []
    started = time.perf_counter()
    try:
        # Routing is measured, not the privacy-token rule: companions write to each
        # other without tokens.
        server = SandboxProcess(
            None, "--privacy-tokens", "off", python_args=runner, startup_timeout=STARTUP_TIMEOUT
        )
    except RuntimeError as exc:
        raise SystemExit(str(exc)) from None
    return server, time.perf_counter() - started


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of this process, or of ``pid`` from /proc."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def exchange(
    endpoints: Endpoints, server_pid: int, args: argparse.Namespace, scratch: Path
) -> None:
    async with attached(endpoints) as sandbox:
        await run_clients(sandbox, server_pid, args, scratch)


async def run_clients(
    sandbox: Running, server_pid: int, args: argparse.Namespace, scratch: Path
) -> None:
    tally = Tally()
    clients = [
        BenchClient(i, f"1555{i:07d}", scratch / f"c{i}", tally) for i in range(args.clients)
    ]
    for i in range(0, len(clients) - 1, 2):
        clients[i].partner, clients[i + 1].partner = clients[i + 1], clients[i]

    started = time.perf_counter()
    for client in clients:
        status, _ = await sandbox.admin(
            "POST", "/accounts", {"phone": client.phone, "push_name": f"Bench {client.index}"}
        )
        if status != 201:
            tally.error("create account", f"HTTP {status}")
    accounts_time = time.perf_counter() - started

    connected: list[BenchClient] = []

    async def connect(client: BenchClient) -> None:
        try:
            await client.connect(sandbox)
            connected.append(client)
        except Exception as exc:
            tally.error("link/login", exc)

    started = time.perf_counter()
    with anyio.move_on_after(SETUP_TIMEOUT):
        async with anyio.create_task_group() as tg:
            for client in clients:
                tg.start_soon(connect, client)
    setup_time = time.perf_counter() - started
    print(f"accounts created:   {len(clients)} in {accounts_time:.2f} s")
    print(
        f"clients connected:  {len(connected)}/{len(clients)} (linked by QR, logged in, "
        f"prekeys uploaded) in {setup_time:.2f} s"
    )

    ready = {id(c) for c in connected}
    pairs = [c for c in connected if c.partner is not None and id(c.partner) in ready]
    for client in pairs:
        try:
            await client.prepare()
        except Exception as exc:
            tally.error("prekey fetch", exc)

    async def sender(client: BenchClient, deadline: float) -> None:
        try:
            await client.send_loop(args.messages, deadline)
        except Exception as exc:
            tally.error("send", exc)

    async def reader(client: BenchClient) -> None:
        try:
            await client.read()
        except Exception as exc:
            tally.error("receive", exc)

    expected = 0
    cpu_before = cpu_seconds(), cpu_seconds(server_pid)
    started = time.perf_counter()
    async with anyio.create_task_group() as readers:
        for client in pairs:
            readers.start_soon(reader, client)
        async with anyio.create_task_group() as senders:
            for client in pairs:
                senders.start_soon(sender, client, started + args.seconds)
        send_time = time.perf_counter() - started
        expected = sum(c.sent for c in pairs)
        with anyio.move_on_after(DRAIN_SECONDS):
            while tally.delivered + sum(tally.errors.values()) < expected:
                await anyio.sleep(0.02)
        deliver_time = time.perf_counter() - started
        readers.cancel_scope.cancel()
    bench_cpu = cpu_seconds() - cpu_before[0]
    server_cpu = cpu_seconds(server_pid) - cpu_before[1]
    for client in connected:
        assert client.session is not None
        with anyio.move_on_after(2):
            await client.session.close()
    status, stats = await sandbox.admin("GET", "/stats")

    print(f"messaging clients:  {len(pairs)} ({len(pairs) // 2} pairs, both ways)")
    print(f"messages sent:      {expected} in {send_time:.2f} s")
    print(f"server-acked:       {tally.acked}  -> {tally.acked / send_time:,.0f} msg/s routed")
    print(
        f"delivered (e2e):    {tally.delivered}  -> "
        f"{tally.delivered / deliver_time:,.0f} msg/s decrypted by the receivers"
    )
    ms = 1000.0
    print(
        f"server-ack latency: p50 {percentile(tally.ack_latency, 0.5) * ms:.1f} ms, "
        f"p95 {percentile(tally.ack_latency, 0.95) * ms:.1f} ms"
    )
    print(
        f"end-to-end latency: p50 {percentile(tally.e2e_latency, 0.5) * ms:.1f} ms, "
        f"p95 {percentile(tally.e2e_latency, 0.95) * ms:.1f} ms"
        + (f", mean {statistics.fmean(tally.e2e_latency) * ms:.1f} ms" if tally.e2e_latency else "")
    )
    print(
        f"errors:             {sum(tally.errors.values())}"
        + "".join(f"\n  {n} x {what}" for what, n in tally.errors.most_common())
    )
    print(
        f"CPU while messaging: sandbox {server_cpu:.2f} s, bench clients {bench_cpu:.2f} s "
        f"over {deliver_time:.2f} s wall (2 cores shared)"
    )
    if tally.acked and server_cpu > 0:
        per = server_cpu / tally.acked
        print(
            f"sandbox CPU/message: {per * 1e6:.0f} us -> about {1 / per:,.0f} msg/s "
            "per core for the sandbox alone"
        )
    if status == 200:
        print(f"sandbox /stats:     {json.dumps(stats, sort_keys=True)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="companions (even, >= 2)")
    parser.add_argument("--messages", type=int, default=40, help="messages per client")
    parser.add_argument("--seconds", type=float, default=30.0, help="cap on the sending phase")
    parser.add_argument("--profile", type=Path, help="run the sandbox under cProfile into FILE")
    parser.add_argument("--top", type=int, default=25, help="profile lines to print")
    args = parser.parse_args()
    if args.clients < 2 or args.messages < 1 or not 0 < args.seconds <= 600:
        parser.error("need --clients >= 2, --messages >= 1, 0 < --seconds <= 600")

    server, startup = spawn(args.profile)
    print(
        f"sandbox start-up:   {startup * 1000:.0f} ms (spawn to JSON line)"
        + (" [under cProfile]" if args.profile else "")
    )
    try:
        with tempfile.TemporaryDirectory(prefix="wacli-bench-sandbox-") as scratch:
            endpoints = Endpoints(**server.endpoints)
            anyio.run(exchange, endpoints, server.pid, args, Path(scratch))
    finally:
        code = server.stop(timeout=30)
    if code != 0:
        print(f"sandbox exited with {code}")
    if args.profile and args.profile.exists():
        print(f"\nsandbox profile ({args.profile}), by own time:")
        pstats.Stats(str(args.profile)).strip_dirs().sort_stats("tottime").print_stats(args.top)
        pstats.Stats(str(args.profile)).strip_dirs().sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
