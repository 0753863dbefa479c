"""What wacli says on the wire as WhatsApp Web does (issue: "behave like the web client
where the anchors do"), seen by the sandbox's stanza recorder on the real CLI: after a
login the unified-session marker (counted by the sandbox as well formed); `listen`
announces its push name with an `unavailable` presence (the sandbox learns the name
from it, as the real server does) while a one-shot command says nothing of presence;
an incoming message is answered with an `inactive` delivery receipt and no `<ack>`
besides (the receipt settles the server's queue); prekey fetches carry
`reason="identity"`; the first login checks the server's prekey digest and fetches the
A/B props, and the next login within the day does neither again."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run, wait_until
from wacli.sandbox.process import SandboxProcess

ALICE = "15550007101"
BOB = "15550007102"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "store"
    status, body = sandbox.admin("POST", "/record", {"phase": "pair", "clear": True})
    assert status == 200, body
    pair(sandbox, path, ALICE, "Alice")
    new_account(sandbox, BOB, "Bob")
    return path


def phase(sandbox: SandboxProcess, name: str) -> None:
    status, body = sandbox.admin("POST", "/record", {"phase": name})
    assert status == 200, body


def shapes(sandbox: SandboxProcess, name: str) -> list[str]:
    status, body = sandbox.admin("GET", "/record")
    assert status == 200, body
    devices = body["accounts"].get(ALICE, {})
    return [shape for phases in devices.values() for shape in phases.get(name, [])]


def stats(sandbox: SandboxProcess) -> dict:
    status, body = sandbox.admin("GET", "/stats")
    assert status == 200, body
    return body


def test_the_first_login_checks_digest_props_and_says_its_session(
    sandbox: SandboxProcess, store: Path
) -> None:
    seen = shapes(sandbox, "pair")
    assert any("xmlns=encrypt><digest/>" in s for s in seen), seen
    assert any("xmlns=abt><props protocol=1/>" in s for s in seen), seen
    assert "<ib><unified_session id=id/></ib>" in seen, seen
    assert not any(s.startswith("<presence") for s in seen), seen  # one-shot: no presence
    assert stats(sandbox)["unified_sessions"] >= 1


def test_a_one_shot_send_within_the_day_asks_nothing_again(
    sandbox: SandboxProcess, store: Path
) -> None:
    phase(sandbox, "send")
    code, _, err = run(store, sandbox.url, sandbox.root_key, "send", BOB, "hello Bob")
    assert code == 0, err
    seen = shapes(sandbox, "send")
    assert not any("<digest/>" in s or "xmlns=abt" in s for s in seen), seen
    assert not any(s.startswith("<presence") for s in seen), seen
    fetches = [s for s in seen if "xmlns=encrypt><key>" in s]
    assert fetches and all("reason=identity" in s for s in fetches), seen
    assert "<ib><unified_session id=id/></ib>" in seen


def test_listen_announces_its_name_and_receipts_inactive_without_ack(
    sandbox: SandboxProcess, store: Path
) -> None:
    # The server holds another name than the store (set at the server only): it learns the
    # store's from listen's presence, as the real server does.
    status, body = sandbox.admin("POST", f"/accounts/{ALICE}/profile", {"push_name": "Old"})
    assert status == 200, body
    learnt = stats(sandbox).get("push_names_from_presence", 0)
    phase(sandbox, "listen")
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    try:
        listen.event_of("connected")
        status, sent = sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "yo"})
        assert status == 200, sent
        message = listen.event_of("message")
        assert message["data"]["info"]["id"] == sent["id"]
        wait_until(
            lambda: any(s.startswith("<receipt") for s in shapes(sandbox, "listen")), "a receipt"
        )
        # the receipt settled the server's queue
        wait_until(lambda: stats(sandbox)["acks_pending"] == 0, "an empty queue")
    finally:
        listen.proc.send_signal(signal.SIGTERM)
        listen.finish()
    seen = shapes(sandbox, "listen")
    assert "<presence name=text type=unavailable/>" in seen, seen
    assert stats(sandbox)["push_names_from_presence"] == learnt + 1
    status, accounts = sandbox.admin("GET", "/accounts")
    assert [a["push_name"] for a in accounts if a["jid"].startswith(ALICE)] == ["Alice"]
    receipts = [s for s in seen if s.startswith("<receipt")]
    assert receipts == ["<receipt id=id to=pn type=inactive/>"], seen
    assert not any(s.startswith("<ack class=message") for s in seen), seen
