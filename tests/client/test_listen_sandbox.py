"""`wacli listen` end to end against the real sandbox: messages from a simulated phone and
from another wacli (pkmsg then msg), chat states, the offline queue on reconnect, the
`--type` filter, SIGTERM → exit 0, and every message id seen at least once across a
SIGKILL that lands while listen is stuck writing to a full pipe (nothing acknowledged
before its line is out, nothing undecryptable when the unacknowledged come back).
Every line printed is validated against docs/events.schema.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.client.accounts import Lines, pair, valid
from tests.client.support import Wacli, assert_killed_mid_flight, kill_when_stuck, run, stop
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

LISTENER = "15550004001"
OTHER = "15550004002"


@pytest.fixture(scope="module")
def stores(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("listen")
    pair(sandbox, base / "listener", LISTENER)
    pair(sandbox, base / "other", OTHER)
    return base / "listener", base / "other"


def listen(sandbox: SandboxProcess, store: Path, *args: str) -> Lines:
    return Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen", *args))


def phone_sends(sandbox: SandboxProcess, phone: str, to: str, text: str) -> str:
    status, body = sandbox.admin("POST", f"/accounts/{phone}/send", {"to": to, "text": text})
    assert status == 200, body
    return body["id"]


def test_messages_from_a_phone_and_from_wacli(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    listener, other = stores
    wacli = listen(sandbox, listener)
    wacli.next_of("connected")
    sent = phone_sends(sandbox, OTHER, LISTENER, "hello from the phone")
    line = wacli.next_of("message")
    info = line["data"]["info"]
    assert info["id"] == sent
    assert line["data"]["text"] == "hello from the phone"
    assert line["data"]["message"] == {"conversation": "hello from the phone"}
    assert info["chat"] == f"{OTHER}@s.whatsapp.net"
    assert info["sender"] == f"{OTHER}@s.whatsapp.net"  # device 0, the phone
    assert info["is_from_me"] is False and info["is_group"] is False
    assert info["push_name"] == "Tester"
    for n in range(2):  # the first a pkmsg, the second a msg on the same session
        code, out, err = run(other, sandbox.url, sandbox.root_key, "send", LISTENER, f"wacli {n}")
        assert code == 0, err
        line = wacli.next_of("message")
        assert line["data"]["info"]["id"] == out.decode().strip()
        assert line["data"]["text"] == f"wacli {n}"
        assert line["data"]["info"]["sender"].startswith(f"{OTHER}:")
    status, body = sandbox.admin(
        "POST", f"/accounts/{OTHER}/chatstate", {"to": LISTENER, "state": "composing"}
    )
    assert status == 200, body
    line = wacli.next_of("chat_presence")
    assert line["data"]["state"] == "composing" and line["data"]["media"] == "text"
    assert line["data"]["source"]["sender"] == f"{OTHER}@s.whatsapp.net"
    stop(wacli)
    with Store(listener) as store:
        row = Archive(store).message(f"{OTHER}@s.whatsapp.net", sent)
    assert row is not None and row.text == "hello from the phone" and not row.from_me


def test_offline_messages_arrive_on_login_and_type_filter(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    listener, _ = stores
    ids = [phone_sends(sandbox, OTHER, LISTENER, f"offline {n}") for n in range(3)]
    wacli = listen(sandbox, listener, "--type", "message")
    seen = [wacli.next() for _ in ids]
    lines = seen + stop(wacli)
    assert all(valid(line)["type"] == "message" for line in lines)
    # jq '.data | select(.text | startswith("offline")) | .info.id'
    picked = [
        line["data"]["info"]["id"]
        for line in lines
        if (line["data"]["text"] or "").startswith("offline")
    ]
    assert picked[:3] == ids


def test_every_message_seen_at_least_once_across_sigkill(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    listener, _ = stores
    kinds = "message,undecryptable_message,connected"
    seen: set[str] = set()

    def take(line: dict) -> None:  # a message that came back must decrypt from the archive
        assert line["type"] != "undecryptable_message", line
        if line["type"] == "message":
            seen.add(line["data"]["info"]["id"])

    wacli = listen(sandbox, listener, "--type", kinds)
    wacli.next_of("connected")
    # 40 lines of 4 KiB: far more than a 64 KiB pipe holds, so with 5 read listen stops
    # at a line with no room, its message archived and (rightly) not acknowledged.
    text = "." * 4096
    ids = {phone_sends(sandbox, OTHER, LISTENER, f"burst {n} {text}") for n in range(40)}
    for _ in range(5):
        take(wacli.next_of("message"))
    acked = kill_when_stuck(sandbox, LISTENER, wacli.wacli)
    for line in wacli.rest():  # what reached the pipe before the kill was written out
        take(line)
    chat = f"{OTHER}@s.whatsapp.net"
    assert_killed_mid_flight(sandbox, LISTENER, listener, chat, ids, seen, acked)
    wacli = listen(sandbox, listener, "--type", kinds)
    connected = False  # once it is, a SIGTERM ends it with exit 0
    while not (connected and ids <= seen):
        line = wacli.next()
        connected = connected or line["type"] == "connected"
        take(line)
    for line in stop(wacli):
        take(line)


def test_unknown_type_is_a_usage_error(sandbox: SandboxProcess, stores: tuple[Path, Path]) -> None:
    code, out, err = run(stores[0], sandbox.url, sandbox.root_key, "listen", "--type", "nope")
    assert code == ExitCode.USAGE and out == b""
    assert "nope" in err and err.count("\n") == 1


def test_not_paired(sandbox: SandboxProcess, tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "empty", sandbox.url, sandbox.root_key, "listen")
    assert code == ExitCode.NOT_PAIRED and out == b"" and "wacli pair" in err
