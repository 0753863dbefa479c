"""Whole-process start-up of wacli commands, against a bare interpreter start.

Each row is a fresh process run ``--runs`` times (median and p95 wall time),
with its ratio to ``python -c pass`` measured in the same run. The networked
rows use a ``wacli sandbox serve`` on loopback: ``send`` in a fresh process with
saved credentials until the server's ack, ``send`` while a ``wacli listen`` holds the
connection (the command hands the send to it), and the same one-off send by Baileys 7
in a fresh Node process (tests/interop/js/baileys_send_once.mjs), with wacli/Baileys.

wacli runs as installed: pip compiles the bytecode of what it installs, so this
script compiles the checkout's first (an editable install under
PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start).

    python bench/bench_startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.node import INTEROP_DIR, JS_DIR
from bench.support import WACLI, Sandbox
from wacli.store import Store
from wacli.store.archive import Archive, ArchivedMessage

ME = "15550001001"
PHONE = "15550001002"
BAILEYS = "15550001003"
ARCHIVED = 10_000


def wall(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds from spawn to exit of one process; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{argv[3:]} exited {done.returncode}: {done.stderr.decode()}")
    return took


def timed(argv: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    wall(argv, env)  # warm the page cache and .pyc files
    return [wall(argv, env) for _ in range(runs)]


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def row(what: str, times: list[float], bare: float, note: str = "") -> None:
    median = statistics.median(times)
    print(
        f"| {what} | {1000 * median:.0f} | {1000 * p95(times):.0f} | {median / bare:.1f}x |"
        f" {note} |",
        flush=True,
    )


def archive(store: Path, count: int) -> None:
    """A store holding ``count`` text messages in 50 chats, written through the archive API."""
    with Store(store) as db:
        archive = Archive(db)
        with db.transaction():
            for n in range(count):
                chat = f"1555{n % 50:07d}@s.whatsapp.net"
                archive.add_message(
                    ArchivedMessage(
                        chat=chat,
                        id=f"BENCH{n:08d}",
                        sender=chat,
                        from_me=False,
                        timestamp=1_760_000_000 + n,
                        type="text",
                        text=f"message number {n} of the start-up benchmark",
                        push_name="Bench",
                    )
                )


def wait_for_listen(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """A ``wacli listen`` that is connected (it prints a first event once logged in)."""
    proc = subprocess.Popen([*WACLI, "listen"], env=env, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    if not proc.stdout.readline():
        raise RuntimeError("wacli listen printed nothing")
    return proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs

    compileall.compile_dir(Path(__file__).resolve().parents[1] / "wacli", quiet=1)
    bare_times = timed([sys.executable, "-c", "pass"], runs)
    bare = statistics.median(bare_times)
    print(f"CPython {sys.version.split()[0]}, {os.cpu_count()} cores, {runs} runs per row")
    print("| command | median ms | p95 ms | vs python -c pass | |")
    print("|---|---|---|---|---|")
    row("`python -c pass`", bare_times, bare)
    row("`wacli --version`", timed([*WACLI, "--version"], runs), bare)
    row("`wacli --help`", timed([*WACLI, "--help"], runs), bare)

    with Sandbox() as sandbox, tempfile.TemporaryDirectory() as scratch:
        store = Path(scratch) / "me"
        sandbox.pair(store, ME)
        sandbox.account(PHONE, "Phone")
        sandbox.give_token(PHONE, ME)
        env = sandbox.env(store)
        row("`wacli whoami` (paired store, no network)", timed([*WACLI, "whoami"], runs, env), bare)

        big = Path(scratch) / "archive"
        archive(big, ARCHIVED)
        history = [*WACLI, "--store", str(big), "history", "--json", "--limit", str(ARCHIVED)]
        row(f"`wacli history --json` ({ARCHIVED:,} messages)", timed(history, runs), bare)

        node = shutil.which("node")
        baileys: list[float] = []
        if node is not None and (INTEROP_DIR / "node_modules").is_dir():
            sandbox.link_baileys(Path(scratch) / "baileys", BAILEYS)
            sandbox.give_token(PHONE, BAILEYS)
            request = {
                "url": sandbox.url,
                "root_key": sandbox.root_key,
                "dir": str(Path(scratch) / "baileys"),
                "to": f"{PHONE}@s.whatsapp.net",
                "text": "bench",
            }
            once = [node, str(JS_DIR / "baileys_send_once.mjs"), json.dumps(request)]
            baileys = timed(once, runs)

        send = [*WACLI, "send", f"+{PHONE}", "bench"]
        ours = timed(send, runs, env)
        versus = (
            f"{statistics.median(ours) / statistics.median(baileys):.2f}x Baileys"
            if baileys
            else "Baileys not measured: no node or tests/interop/node_modules"
        )
        row("`wacli send` (fresh process, until acked)", ours, bare, versus)
        if baileys:
            row("Baileys 7 one-off send (fresh `node`, until acked)", baileys, bare)

        listen = wait_for_listen(env)
        try:
            row("`wacli send` through a running `listen`", timed(send, runs, env), bare)
        finally:
            listen.send_signal(signal.SIGINT)
            try:
                listen.wait(10)
            except subprocess.TimeoutExpired:
                listen.kill()
                listen.wait()


if __name__ == "__main__":
    main()
