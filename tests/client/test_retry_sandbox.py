"""Retry receipts end to end against the real sandbox: a simulated phone loses its session
with wacli's device and asks for a message again (the sandbox's retry fault); a running
`wacli listen` finds the message among those it sent, starts a fresh session (from the
keys in the receipt, or a fetched bundle) and sends it again to that device alone, which
reads it. A group message comes back with the sender key, one of our own devices gets it
as a sent copy, and receipts over the limit or for unknown messages are not answered."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run, wait_until
from wacli.sandbox.process import SandboxProcess

SENDER = "15550005001"
PEER = "15550005002"
MEMBER = "15550005003"


@pytest.fixture(scope="module")
def paired(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The store and its device JID."""
    store = tmp_path_factory.mktemp("retry") / "store"
    linked = pair(sandbox, store, SENDER)
    new_account(sandbox, PEER)
    new_account(sandbox, MEMBER)
    return store, linked["jid"]


@pytest.fixture
def listening(sandbox: SandboxProcess, paired: tuple[Path, str]) -> Iterator[Wacli]:
    wacli = Wacli(paired[0], sandbox.url, sandbox.root_key, "listen")
    wacli.event_of("connected")
    yield wacli
    wacli.proc.send_signal(signal.SIGTERM)
    code, _, err = wacli.finish()
    assert code == 0, err


def send(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", *args)
    assert code == 0, err
    return out.decode().strip()


def copies(sandbox: SandboxProcess, phone: str, message_id: str) -> list[dict]:
    status, entries = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, entries
    return [e for e in entries if e["id"] == message_id]


def ask_again(sandbox: SandboxProcess, phone: str, **body: object) -> None:
    status, answer = sandbox.admin("POST", f"/accounts/{phone}/retry", body)
    assert status == 200, answer


def decrypt_failures(sandbox: SandboxProcess) -> int:
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200
    return stats.get("phone_decrypt_failures", 0)


def test_a_phone_that_lost_its_session_reads_the_resend(
    sandbox: SandboxProcess, paired: tuple[Path, str], listening: Wacli
) -> None:
    store, device = paired
    message_id = send(sandbox, store, PEER, "lost once")
    assert len(copies(sandbox, PEER, message_id)) == 1
    failures = decrypt_failures(sandbox)

    # Second retry: the receipt carries the phone's keys; wacli starts over from them.
    ask_again(sandbox, PEER, id=message_id, device=device, count=2)
    wait_until(lambda: len(copies(sandbox, PEER, message_id)) == 2, "the resend")
    # Without keys from the second retry on, wacli fetches a bundle itself.
    ask_again(sandbox, PEER, id=message_id, device=device, count=3, keys=False)
    wait_until(lambda: len(copies(sandbox, PEER, message_id)) == 3, "the second resend")
    assert [e["text"] for e in copies(sandbox, PEER, message_id)] == ["lost once"] * 3
    assert all(
        not e["from_me"] and e["from"].startswith(f"{SENDER}:")
        for e in copies(sandbox, PEER, message_id)
    )
    assert decrypt_failures(sandbox) == failures

    # Over the limit, or a message wacli never sent: no answer. The receipts are handled
    # in order, so once the valid one after them was answered, they were passed over.
    ask_again(sandbox, PEER, id=message_id, device=device, count=6)
    ask_again(sandbox, PEER, id="3EB0000000000000DEAD", device=device, count=2)
    ask_again(sandbox, PEER, id=message_id, device=device, count=4)
    wait_until(lambda: len(copies(sandbox, PEER, message_id)) == 4, "the third resend")
    assert copies(sandbox, PEER, "3EB0000000000000DEAD") == []
    assert decrypt_failures(sandbox) == failures


def test_resends_per_device_are_bounded(
    sandbox: SandboxProcess, paired: tuple[Path, str], listening: Wacli
) -> None:
    store, device = paired
    message_id = send(sandbox, store, PEER, "ask me five times")
    for _ in range(7):  # a peer that keeps sending count=2 gets five answers, no more
        ask_again(sandbox, PEER, id=message_id, device=device, count=2)
    # A retry for a message to someone else, asked last: once it is answered, every retry
    # receipt before it was handled (in order).
    marker = send(sandbox, store, MEMBER, "marker")
    ask_again(sandbox, MEMBER, id=marker, device=device, count=2)
    wait_until(lambda: len(copies(sandbox, MEMBER, marker)) == 2, "the marker's resend")
    assert len(copies(sandbox, PEER, message_id)) == 1 + 5


def test_group_retry_brings_the_sender_key(
    sandbox: SandboxProcess, paired: tuple[Path, str], listening: Wacli
) -> None:
    store, device = paired
    body = {"subject": "Retry", "creator": SENDER, "participants": [MEMBER]}
    status, created = sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    group = created["jid"]
    message_id = send(sandbox, store, group, "group once")
    assert len(copies(sandbox, MEMBER, message_id)) == 1
    failures = decrypt_failures(sandbox)
    ask_again(sandbox, MEMBER, id=message_id, device=device, count=2, group=group)
    wait_until(lambda: len(copies(sandbox, MEMBER, message_id)) == 2, "the group resend")
    again = copies(sandbox, MEMBER, message_id)[1]
    assert again["chat"] == group and again["text"] == "group once"
    assert len(copies(sandbox, SENDER, message_id)) == 1  # to the asking device alone
    assert decrypt_failures(sandbox) == failures


def test_our_own_phone_gets_the_sent_copy_again(
    sandbox: SandboxProcess, paired: tuple[Path, str], listening: Wacli
) -> None:
    store, device = paired
    friend = "15550005004"  # untouched by the other tests' faults
    new_account(sandbox, friend)
    message_id = send(sandbox, store, friend, "for my phone too")
    (own,) = copies(sandbox, SENDER, message_id)
    assert own["from_me"] and own["chat"] == f"{friend}@s.whatsapp.net"
    recipient = f"{friend}@s.whatsapp.net"
    ask_again(sandbox, SENDER, id=message_id, device=device, count=2, recipient=recipient)
    wait_until(lambda: len(copies(sandbox, SENDER, message_id)) == 2, "the own resend")
    again = copies(sandbox, SENDER, message_id)[1]
    assert again["from_me"] and again["chat"] == recipient and again["text"] == "for my phone too"
    assert len(copies(sandbox, friend, message_id)) == 1  # not to the chat again


@pytest.mark.parametrize(
    ("phone", "body", "status"),
    [
        ("15550005999", {"id": "X", "device": "1@s.whatsapp.net"}, 404),
        (PEER, {"device": f"{SENDER}:1@s.whatsapp.net"}, 400),
        (PEER, {"id": "X"}, 400),
        (PEER, {"id": "X", "device": "@@"}, 400),
        (PEER, {"id": "X", "device": f"{SENDER}:1@s.whatsapp.net", "count": 0}, 400),
        (PEER, {"id": "X", "device": f"{SENDER}:1@s.whatsapp.net", "keys": "yes"}, 400),
        (PEER, {"id": "X", "device": "15550005998@s.whatsapp.net"}, 404),
        (PEER, {"id": "X", "device": f"{SENDER}:1@s.whatsapp.net", "group": "1@g.us"}, 404),
    ],
)
def test_the_retry_fault_refuses_bad_requests(
    sandbox: SandboxProcess, paired: tuple[Path, str], phone: str, body: dict, status: int
) -> None:
    got, answer = sandbox.admin("POST", f"/accounts/{phone}/retry", body)
    assert got == status, answer
