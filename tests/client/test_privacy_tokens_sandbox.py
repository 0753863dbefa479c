"""Privacy tokens end to end: the real ``wacli`` against the real sandbox with the 2026
rule enforced (its default). A cold phone refuses us with 463 (exit 6, one line), our
token is issued back to it; once the phone has written, the same send carries its valid
``<tctoken>``; an expired token is never sent; a store paired with a history sync that
carries tokens can send at once, and issues its own token once per bucket; the
``<cstoken>`` fallback; a send through listen's relay that is refused shows in listen's
stream; the A/B props are fetched and kept."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run, wait_until
from wacli.cli.exit_codes import ExitCode
from wacli.jid import parse_jid
from wacli.protocol import privacy_token as pt
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.rule_tables import NCT_SALT, PROPS_HASH

ALICE = "15550007001"  # the account of the store
BOB = "15550007002"  # a phone that has never written to Alice
ERIN = "15550007003"
DAVE = "15550007004"  # a second account, paired after its phone talked to Carol
CAROL = "15550007005"
FRANK = "15550007006"
GINA = "15550007007"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    """The sandbox as it starts by default: enforcing the rule."""
    with SandboxProcess() as process:
        yield process


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tokens") / "store"
    pair(sandbox, path, ALICE, "Alice")
    for phone in (BOB, ERIN, FRANK, GINA):
        new_account(sandbox, phone, f"Phone {phone[-1]}")
    return path


def send(sandbox: SandboxProcess, store: Path, to: str, text: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", to, text)
    return code, out.decode().strip(), err


def tokens(sandbox: SandboxProcess, phone: str) -> dict:
    status, body = sandbox.admin("GET", f"/accounts/{phone}/privacy-tokens")
    assert status == 200, body
    return body


def record(sandbox: SandboxProcess, phone: str, message_id: str) -> dict:
    found = [m for m in tokens(sandbox, phone)["messages"] if m["id"] == message_id]
    assert len(found) == 1, tokens(sandbox, phone)["messages"]
    return found[0]


def issued_to(sandbox: SandboxProcess, phone: str, contact: str) -> list[dict]:
    return [i for i in tokens(sandbox, phone)["issued"] if contact in i["to"]]


def last_message(sandbox: SandboxProcess, phone: str) -> dict:
    return tokens(sandbox, phone)["messages"][-1]


def refused_line(code: int, err: str, number: str) -> None:
    assert code == ExitCode.REFUSED, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert f"{number} has not messaged this account yet" in lines[0]
    assert "error 463" in lines[0] and "Traceback" not in err


def test_cold_phone_refuses_then_accepts_once_it_wrote(
    sandbox: SandboxProcess, store: Path
) -> None:
    code, _, err = send(sandbox, store, BOB, "hello stranger")
    refused_line(code, err, BOB)
    refusal = last_message(sandbox, ALICE)
    assert refusal["outcome"] == "463" and refusal["tctoken"] is None
    # the recovery the official clients run: our own token goes to Bob (no resend)
    assert len(issued_to(sandbox, ALICE, BOB)) == 1
    assert not [e for e in inbox(sandbox, BOB) if e["text"] == "hello stranger"]

    # Bob writes to Alice: the server hands Alice's companion Bob's token.
    status, _ = sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "hi Alice"})
    assert status in (200, 201)
    code, message_id, err = send(sandbox, store, BOB, "hello Bob")
    assert code == 0, err
    carried = record(sandbox, ALICE, message_id)
    assert carried["tctoken_check"] == "valid" and carried["outcome"] == "delivered"
    assert [e["text"] for e in inbox(sandbox, BOB) if e["id"] == message_id] == ["hello Bob"]
    with Store(store) as opened:
        held = opened.privacy_token(parse_jid(f"{BOB}@s.whatsapp.net"))
        assert held is not None and held.jid.endswith("@lid") and held.token
        assert opened.setting_text(PROPS_HASH) == tokens_props_hash(sandbox)
    # Still the same bucket: sending again issues nothing more.
    code, _, err = send(sandbox, store, BOB, "and again")
    assert code == 0, err
    assert len(issued_to(sandbox, ALICE, BOB)) == 1


def tokens_props_hash(sandbox: SandboxProcess) -> str:
    status, body = sandbox.admin("GET", "/props")
    assert status == 200, body
    return body["hash"]


def inbox(sandbox: SandboxProcess, phone: str) -> list[dict]:
    status, entries = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, entries
    return entries


def test_an_expired_token_is_not_sent(sandbox: SandboxProcess, store: Path) -> None:
    old = pt.expiry_cutoff(int(time.time())) - 1
    status, body = sandbox.admin("POST", f"/accounts/{ERIN}/privacy-token", {"to": ALICE, "t": old})
    assert status in (200, 201) and body["notified"] >= 1, body
    code, _, err = send(sandbox, store, ERIN, "with an old token")
    refused_line(code, err, ERIN)
    refusal = last_message(sandbox, ALICE)
    assert refusal["tctoken"] is None and refusal["outcome"] == "463"
    with Store(store) as opened:  # received at login, found expired, forgotten, never sent
        held = opened.privacy_token(parse_jid(f"{ERIN}@s.whatsapp.net"))
    assert held is not None and held.token is None and held.sender_timestamp is not None


def test_history_brings_tokens_and_the_salt(
    sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory
) -> None:
    new_account(sandbox, DAVE, "Dave")
    new_account(sandbox, CAROL, "Carol")
    # Carol writes to Dave's phone before any companion exists: only the phone holds her
    # token, and the history bootstrap after linking is the one way it reaches the store.
    status, _ = sandbox.admin("POST", f"/accounts/{CAROL}/send", {"to": DAVE, "text": "hi Dave"})
    assert status in (200, 201)
    path = tmp_path_factory.mktemp("history") / "store"
    pair(sandbox, path, DAVE, "Dave", create=False)
    listen = Wacli(path, sandbox.url, sandbox.root_key, "listen", "--type", "history_sync")
    try:
        assert listen.event_of("history_sync")["data"]["conversations"] >= 1
    finally:
        listen.proc.send_signal(signal.SIGTERM)
        listen.finish()
    with Store(path) as opened:
        salt = opened.setting(NCT_SALT)
    assert salt is not None and len(salt) == 32
    for text in ("first", "second", "third"):
        code, message_id, err = send(sandbox, path, CAROL, text)
        assert code == 0, err
        assert record(sandbox, DAVE, message_id)["tctoken_check"] == "valid"
    assert len(issued_to(sandbox, DAVE, CAROL)) == 1  # once per bucket, not per message


def test_cstoken_stands_in_where_the_phone_accepts_it(sandbox: SandboxProcess, store: Path) -> None:
    # Alice's salt comes with the phone's history (her phone had no chat at linking, so no
    # bootstrap: a later push), which `listen` takes in.
    chat = {"id": f"{BOB}@s.whatsapp.net", "messages": [{"text": "an old one"}]}
    status, body = sandbox.admin("POST", f"/accounts/{ALICE}/history", {"conversations": [chat]})
    assert status in (200, 201), body
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "history_sync")
    try:
        listen.event_of("history_sync")
        wait_until(lambda: salt_of(store) is not None, "the NCT salt in the store")
    finally:
        listen.proc.send_signal(signal.SIGTERM)
        listen.finish()
    status, body = sandbox.admin("PATCH", f"/accounts/{FRANK}/privacy", {"accept_cstoken": True})
    assert status == 200 and body["accept_cstoken"], body
    code, message_id, err = send(sandbox, store, FRANK, "by cstoken")
    assert code == 0, err
    used = record(sandbox, ALICE, message_id)
    assert used["tctoken"] is None and used["cstoken_check"] == "valid"


def salt_of(store: Path) -> bytes | None:
    with Store(store) as opened:
        return opened.setting(NCT_SALT)


def test_a_refusal_through_listen_shows_in_its_stream(sandbox: SandboxProcess, store: Path) -> None:
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "message_refused")
    try:
        wait_until(lambda: (store / "relay.sock").exists(), "listen's relay socket")
        code, _, err = send(sandbox, store, GINA, "through the relay")
        refused_line(code, err, GINA)
        line = listen.event_of("message_refused")
        assert line["data"]["code"] == 463 and line["data"]["to"] == f"{GINA}@s.whatsapp.net"
        assert "privacy token" in line["data"]["reason"]
    finally:
        listen.proc.send_signal(signal.SIGTERM)
        listen.finish()
