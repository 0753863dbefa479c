"""Read receipts between wacli and an unmodified Baileys over the sandbox: `wacli read`
of a Baileys message turns it READ for Baileys (its messages.update status 4), and
Baileys' readMessages of a wacli message reaches `wacli listen` as a `receipt` of type
`read` (docs/events.schema.json)."""

# ruff: noqa: F811 (the tests take the fixtures imported from client_baileys_support)
from __future__ import annotations

from pathlib import Path

from tests.client.support import Lines, Wacli, run, stop
from tests.interop.baileys import Baileys
from tests.interop.client_baileys_support import (  # noqa: F401 (fixtures)
    BAILEYS_PHONE,
    WACLI_PHONE,
    peers,
    sandbox,
    wacli_send,
)
from wacli.sandbox.process import SandboxProcess

READ = 4  # Baileys' WAMessageStatus.READ


def test_wacli_read_turns_a_baileys_message_read(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, _, store, wacli_account = peers
    sent = baileys.call("send_text", to=wacli_account["jid"], text="read me")
    code, _, err = run(
        store, sandbox.url, sandbox.root_key, "read", f"+{BAILEYS_PHONE}", sent["id"]
    )
    assert code == 0, err
    baileys.call("wait_status", id=sent["id"], status=READ, timeout_ms=20000)


def test_baileys_read_messages_reaches_wacli_listen(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, _, store, _ = peers
    sent = wacli_send(sandbox, store, BAILEYS_PHONE, "for Baileys to read")
    got = baileys.call("wait_message", text="for Baileys to read", timeout_ms=20000)["message"]
    listen = Lines(
        Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "receipt,connected")
    )
    try:
        listen.next_of("connected")
        baileys.call("read_messages", keys=[got["key"]])
        receipt = listen.next_of("receipt")["data"]
        while receipt["type"] != "read" or sent not in receipt["message_ids"]:
            receipt = listen.next_of("receipt")["data"]
        assert receipt["source"]["is_from_me"] is False
        assert receipt["source"]["chat"].split("@")[0] != WACLI_PHONE
    finally:
        stop(listen)
