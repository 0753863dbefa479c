"""History sync end to end with the real CLI against the real sandbox: after `wacli pair`
the phone's bootstrap reaches `wacli listen` (history_sync events, schema-valid; the
messages go to the archive, where `wacli history CHAT` shows them), history the admin
API pushes arrives the same way and a second delivery adds nothing, and
`wacli history backfill CHAT` fetches older messages from the phone."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.client.accounts import Lines, pair, valid
from tests.client.support import Wacli, new_account, run
from wacli.sandbox.process import SandboxProcess

ME, BOB, CAROL = "15550005001", "15550005002", "15550005009"
CAROL_JID = f"{CAROL}@s.whatsapp.net"
BASE = 1_700_000_000


def carol(n: int, prefix: str = "c", base: int = BASE) -> dict:
    messages = [
        {"id": f"{prefix.upper()}{i:03d}", "text": f"{prefix}{i}", "timestamp": base + i}
        for i in range(n)
    ]
    return {"conversations": [{"id": CAROL, "name": "Carol", "messages": messages}]}


def pair_after_history(sandbox: SandboxProcess, store: Path) -> None:
    """The phone has history before it links this store (by pairing code)."""
    new_account(sandbox, ME)
    status, _ = sandbox.admin("POST", "/accounts", {"phone": BOB, "push_name": "Bob"})
    assert status == 201
    status, _ = sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ME, "text": "hi from bob"})
    assert status == 200
    status, answer = sandbox.admin("POST", f"/accounts/{ME}/history", carol(80))
    assert status == 200 and answer["added"] == 80 and answer["sent"] == [], answer
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--phone", f"+{ME}", "--json")
    code = wacli.event_of("pairing_code")["data"]["code"]
    status, linked = sandbox.admin("POST", f"/accounts/{ME}/link", {"code": code})
    assert status == 200, linked
    exit_code, _, err = wacli.finish()
    assert exit_code == 0, err


def history_events(lines: Lines, count: int) -> list[dict]:
    return [valid(lines.next_of("history_sync"))["data"] for _ in range(count)]


def archived(sandbox: SandboxProcess, store: Path) -> list[dict]:
    code, out, err = run(
        store, sandbox.url, sandbox.root_key, "history", CAROL, "--json", "--limit", "1000"
    )
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def stop(lines: Lines) -> list[dict]:
    lines.wacli.proc.send_signal(signal.SIGTERM)
    rest = lines.rest()
    assert lines.wacli.proc.returncode == 0
    return rest


def test_history_sync_reaches_the_archive_and_backfill(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "me"
    pair_after_history(sandbox, store)

    lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
    boot, names, recent = history_events(lines, 3)
    assert boot == {
        "sync_type": "INITIAL_BOOTSTRAP",
        "progress": 50,
        "chunk_order": 0,
        "conversations": 2,  # Bob's chat and Carol's
        "messages": 21,  # Bob's one and Carol's newest 20
    }
    assert names["sync_type"] == "PUSH_NAME" and names["messages"] == 0
    assert recent == {
        "sync_type": "RECENT",
        "progress": 100,
        "chunk_order": 1,
        "conversations": 1,
        "messages": 30,
    }
    # Pushed while listening, then the same again: the archive keeps one of each.
    pushed = carol(3, "p", BASE + 1000)
    for _ in range(2):
        status, answer = sandbox.admin("POST", f"/accounts/{ME}/history", pushed)
        assert status == 200 and len(answer["sent"]) == 1, answer
        event = valid(lines.next_of("history_sync"))["data"]
        assert event["sync_type"] == "RECENT" and event["messages"] == 3
    rest = stop(lines)
    # The history went to the archive, not out as message events (only the notices did).
    texts = [line["data"]["text"] for line in rest if line["type"] == "message"]
    assert not [t for t in texts if t]

    rows = archived(sandbox, store)
    assert [r["text"] for r in rows] == [f"c{i}" for i in range(30, 80)] + ["p0", "p1", "p2"]
    assert len({r["id"] for r in rows}) == len(rows) == 53
    first = rows[0]
    assert first["id"] == "C030" and first["chat"] == CAROL_JID and first["sender"] == CAROL_JID
    assert first["timestamp"] == "2023-11-14T22:13:50Z" and not first["is_from_me"]
    assert first["message"] == {"conversation": "c30"}

    # Older messages on request: 20 while listen runs (through its connection: it archives
    # the phone's answer), then the last 10 and none with a login of backfill's own.
    lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
    seen = [lines.next()]
    while seen[-1]["type"] != "connected":
        seen.append(lines.next())
    assert backfill(sandbox, store, 20) == {"received": 20, "added": 20}
    seen.append(lines.next_of("history_sync"))
    seen += stop(lines)
    synced = [line["data"] for line in seen if line["type"] == "history_sync"]
    assert [(s["sync_type"], s["messages"]) for s in synced] == [("ON_DEMAND", 20)]  # no repeats
    assert backfill(sandbox, store, 100) == {"received": 10, "added": 10}
    assert backfill(sandbox, store, 5) == {"received": 0, "added": 0}
    rows = archived(sandbox, store)
    assert [r["text"] for r in rows] == [f"c{i}" for i in range(80)] + ["p0", "p1", "p2"]
    code, out, err = run(store, sandbox.url, sandbox.root_key, "history", "backfill", CAROL)
    assert code == 0 and out.decode().startswith("0 messages added to "), err


def backfill(sandbox: SandboxProcess, store: Path, count: int) -> dict:
    code, out, err = run(
        store,
        sandbox.url,
        sandbox.root_key,
        "history",
        "backfill",
        CAROL,
        "--count",
        str(count),
        "--json",
    )
    assert code == 0, err
    answer = json.loads(out)
    assert (answer.pop("chat"), answer.pop("requested")) == (CAROL_JID, count)
    return answer


def test_history_as_a_blob_from_the_media_server(
    sandbox: SandboxProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chunk uploaded to the media server: listen downloads it (TLS checked against the
    sandbox's CA, which OpenSSL takes from SSL_CERT_FILE) and checks its hashes."""
    phone = "15550005101"
    store = tmp_path / "blob"
    pair(sandbox, store, phone)
    monkeypatch.setenv("SSL_CERT_FILE", sandbox.endpoints["media_ca"])
    lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
    lines.next_of("connected")
    body = carol(40, "b", BASE) | {"blob": True, "sync_type": "FULL", "chunk_order": 2}
    status, answer = sandbox.admin("POST", f"/accounts/{phone}/history", body)
    assert status == 200 and len(answer["sent"]) == 1, answer
    event = valid(lines.next_of("history_sync"))["data"]
    assert event == {
        "sync_type": "FULL",
        "progress": 100,
        "chunk_order": 2,
        "conversations": 1,
        "messages": 40,
    }
    stop(lines)
    assert [r["text"] for r in archived(sandbox, store)] == [f"b{i}" for i in range(40)]


def test_backfill_needs_a_paired_store(sandbox: SandboxProcess, tmp_path: Path) -> None:
    code, out, err = run(
        tmp_path / "none", sandbox.url, sandbox.root_key, "history", "backfill", CAROL
    )
    assert code == 3 and out == b"" and "wacli pair" in err
    code, out, err = run(
        tmp_path / "none", sandbox.url, sandbox.root_key, "history", "backfill", "not a chat"
    )
    assert code == 2 and out == b""
