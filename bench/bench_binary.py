"""Binary node codec: wacli vs whatsapp-rust-bridge (WASM, run from Node), µs per node.

Run: .venv/bin/python bench/bench_binary.py [--repeat N] [--budget SECONDS]

Each side times only its own work (Node measures inside Node, after a warm-up);
the best of --repeat rounds counts. The bridge's decodeNode is lazy: it parses
the bytes but builds the JS attrs/content only when read, so its decode is
shown twice: the call alone, and the call plus reading every attribute and
child (what wacli's decode, which builds everything, compares with).
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.node import NodeProcess  # noqa: E402
from bench.stanza_corpus import Gen, enc, to_js, usync_result  # noqa: E402
from wacli.binary import Node, decode, encode  # noqa: E402
from wacli.jid import JID  # noqa: E402


def cases() -> dict[str, Node]:
    g = Gen(7)
    sender = g.pn()
    message = Node(
        "message",
        {
            "from": sender,
            "id": g.msg_id(),
            "t": g.ts(),
            "type": "text",
            "notify": "Alice",
        },
        [enc(g, "msg", 180)],
    )
    group_message = Node(
        "message",
        {
            "from": g.group(),
            "participant": g.lid(0),
            "addressing_mode": "lid",
            "id": g.msg_id(),
            "t": g.ts(),
            "type": "text",
            "notify": "Bob",
        },
        [enc(g, "pkmsg", 600), enc(g, "skmsg", 200)],
    )
    receipt = Node(
        "receipt",
        {"from": g.user(3), "id": g.msg_id(), "t": g.ts(), "type": "read"},
        [Node("list", {}, [Node("item", {"id": g.msg_id()}) for _ in range(5)])],
    )
    ack = Node("ack", {"class": "message", "id": g.msg_id(), "to": g.pn(), "type": "text"})
    ping = Node(
        "iq",
        {"id": g.iq_id(), "to": JID("", "s.whatsapp.net"), "type": "get", "xmlns": "w:p"},
        [Node("ping")],
    )
    return {
        "message (1:1, msg)": message,
        "message (group)": group_message,
        "receipt (5 items)": receipt,
        "ack": ack,
        "iq ping": ping,
        "usync result (60 users)": usync_result(g, 60),
    }


def per_call_us(fn, budget_s: float, repeat: int) -> float:
    """Best of ``repeat`` rounds of about ``budget_s`` each, in µs per call."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    number = max(1, int(number * budget_s / 0.2))
    return min(timer.repeat(number=number, repeat=repeat)) / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=0.3, help="seconds per timing round")
    args = parser.parse_args()

    rows = []
    with NodeProcess("binary.mjs", timeout=600) as node:
        for name, stanza in cases().items():
            payload = encode(stanza)
            assert decode(payload) == stanza
            ours_enc = per_call_us(lambda s=stanza: encode(s), args.budget, args.repeat)
            ours_dec = per_call_us(lambda p=payload: decode(p), args.budget, args.repeat)
            theirs = node.call(
                "bench", node=to_js(stanza), budget_ms=args.budget * 1000, repeat=args.repeat
            )
            assert theirs["size"] == len(payload)
            rows.append((name, len(payload), ours_enc, theirs, ours_dec))

    head = (
        f"{'stanza':<26}{'bytes':>7}  {'encode µs':>22}  {'decode µs':>32}  {'wacli decode ÷':>19}"
    )
    sub = (
        f"{'':<26}{'':>7}  {'wacli':>10} {'bridge':>11}  {'wacli':>10} {'bridge':>10} "
        f"{'+read':>10}  {'vs bridge':>9} {'vs +read':>9}"
    )
    print(head)
    print(sub)
    for name, size, ours_enc, theirs, ours_dec in rows:
        bare, full = theirs["decode_us"], theirs["decode_full_us"]
        print(
            f"{name:<26}{size:>7}  {ours_enc:>10.2f} {theirs['encode_us']:>11.2f}  "
            f"{ours_dec:>10.2f} {bare:>10.2f} {full:>10.2f}"
            f"  {ours_dec / bare:>8.2f}x {ours_dec / full:>8.2f}x"
        )
    print(
        "\nbridge = whatsapp-rust-bridge 0.5.4 (WASM) timed inside Node; +read = decodeNode "
        "and reading every attrs/content object it hands out."
    )


if __name__ == "__main__":
    main()
