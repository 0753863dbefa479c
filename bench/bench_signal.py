"""Signal 1:1 sessions: wacli vs libsignal-node, per message and per session setup.

Run: .venv/bin/python bench/bench_signal.py [--messages N] [--setups N] [--size BYTES]

wacli runs on its real SQLite store (a file, WAL; every message is one committed
transaction); libsignal-node keeps serialized records in memory, as Baileys does.
Both sides time only their own work (Node measures inside Node); the best of
--repeat runs counts for each side.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.node import NodeProcess  # noqa: E402
from wacli.signal import (  # noqa: E402
    ProtocolAddress,
    SessionCipher,
    ensure_identity,
    own_bundle,
    process_prekey_bundle,
)
from wacli.store import Store  # noqa: E402

ALICE = ProtocolAddress("bench-alice", 1)
BOB = ProtocolAddress("bench-bob", 1)


def _pair(tmp: Path, tag: str) -> tuple[Store, Store]:
    alice, bob = Store(tmp / f"{tag}-alice"), Store(tmp / f"{tag}-bob")
    ensure_identity(alice)
    ensure_identity(bob)
    return alice, bob


def bench_wacli(messages: int, setups: int, size: int) -> dict[str, float]:
    plaintext = b"a" * size
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pairs = [(*_pair(tmp, str(i)),) for i in range(setups)]
        bundles = [own_bundle(bob, BOB.device_id) for _, bob in pairs]
        start = time.perf_counter()
        for (alice, bob), bundle in zip(pairs, bundles, strict=True):
            process_prekey_bundle(alice, BOB, bundle)
            first = SessionCipher(alice, BOB).encrypt(plaintext)
            SessionCipher(bob, ALICE).decrypt(first)
        setup = (time.perf_counter() - start) / setups

        alice, bob = pairs[0]
        to_alice, to_bob = SessionCipher(bob, ALICE), SessionCipher(alice, BOB)
        to_bob.decrypt(to_alice.encrypt(plaintext))
        start = time.perf_counter()
        sent = [to_bob.encrypt(plaintext) for _ in range(messages)]
        encrypt = (time.perf_counter() - start) / messages
        start = time.perf_counter()
        for message in sent:
            to_alice.decrypt(message)
        decrypt = (time.perf_counter() - start) / messages
        for a, b in pairs:
            a.close()
            b.close()
    return {"setup": setup * 1e6, "encrypt": encrypt * 1e6, "decrypt": decrypt * 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--setups", type=int, default=200)
    parser.add_argument("--size", type=int, default=100, help="plaintext bytes per message")
    parser.add_argument("--repeat", type=int, default=3, help="runs per side; the best counts")
    args = parser.parse_args()

    runs = [bench_wacli(args.messages, args.setups, args.size) for _ in range(args.repeat)]
    ours = {key: min(run[key] for run in runs) for key in runs[0]}
    with NodeProcess("signal.mjs") as node:
        node.call("bench", n=min(args.messages, 200), setups=5, size=args.size)  # warm the JIT
        node_runs = [
            node.call("bench", n=args.messages, setups=args.setups, size=args.size)
            for _ in range(args.repeat)
        ]
    theirs = {key: min(run[key] for run in node_runs) for key in node_runs[0]}

    print(
        f"Signal 1:1, {args.size}-byte plaintexts, {args.messages} messages, "
        f"{args.setups} setups, best of {args.repeat}"
    )
    print(f"{'µs per operation':<34}{'wacli':>10}{'libsignal-node':>16}{'ratio':>8}")
    rows = [
        ("encrypt (established session)", "encrypt"),
        ("decrypt (established session)", "decrypt"),
        ("session setup (X3DH + 1st message)", "setup"),
    ]
    for label, key in rows:
        ratio = theirs[key] / ours[key]
        print(f"{label:<34}{ours[key]:>10.1f}{theirs[key]:>16.1f}{ratio:>7.2f}x")
    print("(ratio > 1: wacli is faster)")


if __name__ == "__main__":
    main()
