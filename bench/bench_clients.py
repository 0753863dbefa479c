"""wacli vs Baileys as clients, side by side against one sandbox in one run.

Run: .venv/bin/python bench/bench_clients.py [--messages N] [--logins N]

Both clients are linked to their own account of the same `wacli sandbox serve`, and a
simulated phone is the other party. Each side is timed in its own process (wacli's
client in this one, Baileys 7.0.0-rc14 in Node), so the channel between them is never
part of a figure:

- login: connect with the saved credentials until the session is usable (wacli: after
  <success>, the prekey check and <active/>; Baileys: connection "open");
- send: N texts to the phone one after the other, each until the server acked it;
- drain: the phone sent N messages while the client was offline; from connecting until
  all N were decrypted and handed to the application (wacli also archives each one and
  acks it only after its event was written, as `listen` does).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import anyio

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from bench.node import NodeProcess  # noqa: E402
from bench.support import Sandbox  # noqa: E402
from wacli.client import events as ev  # noqa: E402
from wacli.client.client import Client  # noqa: E402
from wacli.client.connection import Endpoint  # noqa: E402
from wacli.client.payload import configured_version  # noqa: E402
from wacli.client.receive import Receiver  # noqa: E402
from wacli.client.routes import ANY  # noqa: E402
from wacli.client.send import send_message, text_message  # noqa: E402
from wacli.jid import parse_jid  # noqa: E402
from wacli.store import Store  # noqa: E402

PHONE = "15550009000"
WACLI = "15550009001"
BAILEYS = "15550009002"


class Counter:
    """The application side of wacli's client: counts the message events it is handed."""

    def __init__(self) -> None:
        self.messages = 0
        self.changed = anyio.Event()

    async def __call__(self, event: ev.Event) -> None:
        if isinstance(event, ev.MessageEvent):
            self.messages += 1
            self.changed.set()
            self.changed = anyio.Event()

    async def wait_for(self, count: int) -> None:
        while self.messages < count:
            await self.changed.wait()


def wacli_client(store: Store, sandbox: Sandbox, sink: Counter) -> Client:
    endpoint = Endpoint(sandbox.url, bytes.fromhex(sandbox.root_key), configured_version())
    receiver = Receiver(store, lambda: own(store))
    return Client(store, endpoint, sink, routes={("message", ANY, ANY): receiver.handle})


def own(store: Store) -> tuple:
    account = store.load_account()
    assert account is not None
    return parse_jid(account.jid), parse_jid(account.lid) if account.lid else None


async def wacli_logins(client: Client, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        async with client.login():
            times.append((time.perf_counter() - started) * 1000)
    return times


async def wacli_sends(client: Client, store: Store, count: int) -> list[float]:
    me, _ = own(store)
    to = parse_jid(f"{PHONE}@s.whatsapp.net")
    times = []
    async with client.login() as conn:
        for n in range(count):
            started = time.perf_counter()
            await send_message(conn, store, me, to, text_message(f"bench from wacli {n}"))
            times.append((time.perf_counter() - started) * 1000)
    return times


async def wacli_drain(client: Client, sink: Counter, count: int) -> float:
    sink.messages = 0
    started = time.perf_counter()
    async with client.login():
        with anyio.fail_after(120):
            await sink.wait_for(count)
        return (time.perf_counter() - started) * 1000


def phone_sends(sandbox: Sandbox, to: str, count: int) -> None:
    for n in range(count):
        status, body = sandbox.admin("POST", f"/accounts/{PHONE}/send", {"to": to, "text": f"m{n}"})
        assert status == 200, body


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered):7.2f} ms  p95 {p95:7.2f} ms"


def row(what: str, ours: str, theirs: str) -> None:
    print(f"{what:<34} {ours:<36} {theirs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--logins", type=int, default=10)
    args = parser.parse_args()

    with Sandbox() as sandbox, tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        status, body = sandbox.admin("POST", "/accounts", {"phone": PHONE, "push_name": "Phone"})
        assert status == 201, body
        sandbox.pair(base / "wacli", WACLI)
        status, body = sandbox.admin("POST", "/accounts", {"phone": BAILEYS, "push_name": "B"})
        assert status == 201, body
        baileys = NodeProcess("bench_baileys.mjs", timeout=300.0)
        try:
            baileys.call("start", url=sandbox.url, root_key=sandbox.root_key, dir=str(base / "b"))
            qr = baileys.call("wait_qr")["qr"]
            status, body = sandbox.admin("POST", f"/accounts/{BAILEYS}/link", {"qr": qr})
            assert status == 200, body
            baileys.call("wait_open")
            # The sandbox enforces WhatsApp's privacy-token rule: the phone hands both
            # accounts its token (as when it wrote first), so every send carries it.
            for account in (WACLI, BAILEYS):
                status, body = sandbox.admin(
                    "POST", f"/accounts/{PHONE}/privacy-token", {"to": account}
                )
                assert status == 200, body

            store = Store(base / "wacli")
            sink = Counter()
            client = wacli_client(store, sandbox, sink)
            n = args.messages
            print(f"sandbox on loopback, {n} messages, {args.logins} logins; times per side")
            row("", "wacli", "Baileys 7.0.0-rc14")

            ours = anyio.run(wacli_logins, client, args.logins)
            theirs = baileys.call("login_ms", rounds=args.logins)["times"]
            row("login (saved credentials)", summary(ours), summary(theirs))

            ours = anyio.run(wacli_sends, client, store, n)
            theirs = baileys.call("send_ms", to=f"{PHONE}@s.whatsapp.net", count=n, text="b")[
                "times"
            ]
            row("send text, until acked", summary(ours), summary(theirs))
            row(
                "  sends per second",
                f"{1000 * n / sum(ours):7.1f}",
                f"{1000 * n / sum(theirs):7.1f}",
            )

            baileys.call("go_offline")
            phone_sends(sandbox, f"{WACLI}@s.whatsapp.net", n)
            phone_sends(sandbox, f"{BAILEYS}@s.whatsapp.net", n)
            ours_ms = anyio.run(wacli_drain, client, sink, n)
            theirs_ms = baileys.call("drain_ms", count=n)["ms"]
            row(
                f"drain {n} offline messages",
                f"{ours_ms:8.1f} ms ({1000 * n / ours_ms:6.1f} msg/s)",
                f"{theirs_ms:8.1f} ms ({1000 * n / theirs_ms:6.1f} msg/s)",
            )
            store.close()
        finally:
            try:
                baileys.call("stop")
            finally:
                baileys.close()


if __name__ == "__main__":
    main()
