"""Signal group (sender key) messages: wacli vs whatsapp-rust-bridge, per message.

Run: .venv/bin/python bench/bench_signal_group.py [--messages N] [--size BYTES] [--repeat N]

One sender encrypts N messages to a group; one receiver decrypts them in order, another
the same N shuffled. wacli runs twice: on a dict (the cipher alone) and on
its real SQLite store (a file, WAL; every message one committed write). The bridge keeps
serialized records in memory and times itself inside Node. Best of --repeat. (Baileys'
group cipher, also in js/group.mjs, is left out: it re-serializes a growing JSON record per
message, so its figures say more about that than about the protocol.)
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.node import NodeProcess  # noqa: E402
from wacli.signal.address import ProtocolAddress  # noqa: E402
from wacli.signal.group import (  # noqa: E402
    GroupCipher,
    GroupSessionBuilder,
    SenderKeyName,
    SenderKeyStore,
)
from wacli.store import Store  # noqa: E402

NAME = SenderKeyName("bench@g.us", ProtocolAddress("bench-sender", 1))


class DictStore:
    def __init__(self) -> None:
        self.records: dict[tuple[str, str], bytes] = {}

    def load_sender_key(self, group: str, sender: str) -> bytes | None:
        return self.records.get((group, sender))

    def store_sender_key(self, group: str, sender: str, record: bytes) -> None:
        self.records[(group, sender)] = record


def bench_wacli(
    sender: SenderKeyStore, receivers: list[SenderKeyStore], messages: int, size: int
) -> dict[str, float]:
    plaintext = b"a" * size
    skdm = GroupSessionBuilder(sender).create(NAME)
    for receiver in receivers:
        GroupSessionBuilder(receiver).process(NAME, skdm)
    out = GroupCipher(sender, NAME)
    start = time.perf_counter()
    sent = [out.encrypt(plaintext) for _ in range(messages)]
    encrypt = (time.perf_counter() - start) / messages
    into = GroupCipher(receivers[0], NAME)
    start = time.perf_counter()
    for message in sent:
        into.decrypt(message)
    decrypt = (time.perf_counter() - start) / messages
    random.Random(0).shuffle(sent)
    into = GroupCipher(receivers[1], NAME)
    start = time.perf_counter()
    for message in sent:
        into.decrypt(message)
    shuffled = (time.perf_counter() - start) / messages
    return {"encrypt": encrypt * 1e6, "decrypt": decrypt * 1e6, "shuffled": shuffled * 1e6}


def bench_sqlite(messages: int, size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        stores = [Store(Path(tmp) / name) for name in ("sender", "in-order", "shuffled")]
        try:
            return bench_wacli(stores[0], stores[1:], messages, size)
        finally:
            for store in stores:
                store.close()


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: min(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--size", type=int, default=100, help="plaintext bytes per message")
    parser.add_argument("--repeat", type=int, default=3, help="runs per side; the best counts")
    args = parser.parse_args()
    n, size = args.messages, args.size

    results = {
        "wacli (dict)": best(
            [
                bench_wacli(DictStore(), [DictStore(), DictStore()], n, size)
                for _ in range(args.repeat)
            ]
        ),
        "wacli (SQLite)": best([bench_sqlite(n, size) for _ in range(args.repeat)]),
    }
    with NodeProcess("group.mjs") as node:
        node.call("bench", kind="bridge", n=min(n, 200), size=size)  # warm the JIT
        runs = [node.call("bench", kind="bridge", n=n, size=size) for _ in range(args.repeat)]
        results["whatsapp-rust-bridge"] = best(runs)

    print(f"Signal group messages, {size}-byte plaintexts, {n} messages, best of {args.repeat}")
    print(f"{'µs per message':<24}{'encrypt':>10}{'decrypt':>10}{'shuffled':>10}")
    for label, r in results.items():
        print(f"{label:<24}{r['encrypt']:>10.1f}{r['decrypt']:>10.1f}{r['shuffled']:>10.1f}")


if __name__ == "__main__":
    main()
