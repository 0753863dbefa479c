"""Every `<enc>` type and version the receiver reads, sent by a simulated phone and printed
by the real `wacli listen`, byte for byte.

`v="2"` plaintexts carry WhatsApp's random padding; `v="3"` ones carry none (whatsmeow's
unpadMessage returns them whole; its FB/Armadillo sender sends them), so a receiver
that strips padding from a v=3 plaintext cuts off its last bytes. The sandbox sends
either on request (`"enc_version"` of the send routes, docs/sandbox-admin.md) and
counts what it sent (`phone_enc_<type>_v<version>` in /admin/stats), so each step below
proves which kind went out: pkmsg before the listener ever wrote back, msg after, and a
group's pairwise sender key with its skmsg. The texts end in bytes a padding reader
would take for padding (0x01, 0x02 0x02), so a v=3 plaintext unpadded by mistake
loses them silently or fails as undecryptable; either way the line differs."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run
from wacli.sandbox.process import SandboxProcess

LISTENER = "15550010001"
PHONE = "15550010002"


def enc_counts(sandbox: SandboxProcess) -> dict[str, int]:
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200, stats
    return {k: v for k, v in stats.items() if k.startswith("phone_enc_")}


def sent_kinds(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """The <enc> kinds the phones sent between two looks at the stats."""
    kinds = {k.removeprefix("phone_enc_"): v - before.get(k, 0) for k, v in after.items()}
    return {k: n for k, n in kinds.items() if n}


def test_each_enc_type_and_version_is_printed_exactly(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "listener"
    pair(sandbox, store, LISTENER)
    new_account(sandbox, PHONE)
    status, body = sandbox.admin("POST", "/groups", {
        "subject": "versions", "creator": PHONE, "participants": [LISTENER],
    })  # fmt: skip
    assert status == 201, body
    group = body["jid"]
    status, refused = sandbox.admin(
        "POST", f"/accounts/{PHONE}/send", {"to": LISTENER, "text": "x", "enc_version": 4}
    )
    assert status == 400 and "enc_version" in refused["error"]

    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "message,connected")
    try:
        listen.event_of("connected")

        def step(route: str, body: dict, expected: dict[str, int]) -> None:
            before = enc_counts(sandbox)
            status, answer = sandbox.admin("POST", route, body)
            assert status == 200, answer
            line = listen.event_of("message")
            assert line["data"]["info"]["id"] == answer["id"]
            assert line["data"]["text"] == body["text"]  # every byte, none taken as padding
            assert line["data"]["message"] == {"conversation": body["text"]}
            assert sent_kinds(before, enc_counts(sandbox)) == expected

        direct = f"/accounts/{PHONE}/send"
        # No session yet: the phone's messages are PreKeySignalMessages until we answer.
        step(direct, {"to": LISTENER, "text": "pkmsg v2 \x01"}, {"pkmsg_v2": 1})
        step(direct, {"to": LISTENER, "text": "pkmsg v3 \x01", "enc_version": 3}, {"pkmsg_v3": 1})
        code, _, err = run(store, sandbox.url, sandbox.root_key, "send", PHONE, "answer")
        assert code == 0, err
        step(direct, {"to": LISTENER, "text": "msg v2 \x02\x02"}, {"msg_v2": 1})
        step(direct, {"to": LISTENER, "text": "msg v3 \x02\x02", "enc_version": 3}, {"msg_v3": 1})
        # A group: the sender key goes pairwise with the first message, then skmsg alone.
        to_group = f"/groups/{group}/send"
        first = {"from": PHONE, "text": "skmsg v3 \x01", "enc_version": 3}
        step(to_group, first, {"msg_v3": 1, "skmsg_v3": 1})
        step(to_group, {"from": PHONE, "text": "skmsg v2 \x01"}, {"skmsg_v2": 1})
        step(to_group, {"from": PHONE, "text": "skmsg v3 again \x01", "enc_version": 3}, {
            "skmsg_v3": 1
        })  # fmt: skip
    finally:
        listen.proc.send_signal(signal.SIGTERM)
        rest = listen.rest()
    assert listen.proc.returncode == 0
    assert [line for line in rest if line["type"] != "message"] == []
