"""`wacli presence` end to end against the real sandbox: following a contact's presence
(the sandbox's admin API and another wacli change it), and typing/recording/paused seen by
a `wacli listen` on the other account."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.client.accounts import Lines, pair
from tests.client.support import Wacli, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

WATCHER = "15550006001"
WATCHED = "15550006002"


@pytest.fixture(scope="module")
def stores(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("presence")
    pair(sandbox, base / "watcher", WATCHER)
    pair(sandbox, base / "watched", WATCHED)
    return base / "watcher", base / "watched"


def end(lines: Lines) -> None:
    """SIGINT (Ctrl-C) ends the follow with exit 0, as SIGTERM ends listen."""
    lines.wacli.proc.send_signal(signal.SIGINT)
    assert all(line["type"] == "presence" for line in lines.rest())
    assert lines.wacli.proc.returncode == 0


def test_subscribe_follows_the_contact(sandbox: SandboxProcess, stores: tuple[Path, Path]) -> None:
    watcher, watched = stores
    follow = Lines(Wacli(watcher, sandbox.url, sandbox.root_key, "presence", "subscribe", WATCHED))
    first = follow.next()
    assert first["type"] == "presence"
    assert first["data"]["from"] == f"{WATCHED}@s.whatsapp.net"
    status, body = sandbox.admin("POST", f"/accounts/{WATCHED}/presence", {"available": False})
    assert status == 200, body
    line = follow.next()
    assert line["data"]["unavailable"] is True and line["data"]["last_seen"] is not None
    code, _, err = run(watched, sandbox.url, sandbox.root_key, "presence", "available")
    assert code == 0, err
    line = follow.next()
    assert line["data"] == {
        "from": f"{WATCHED}@s.whatsapp.net",
        "unavailable": False,
        "last_seen": line["data"]["last_seen"],
    }
    code, _, err = run(watched, sandbox.url, sandbox.root_key, "presence", "unavailable")
    assert code == 0, err
    assert follow.next()["data"]["unavailable"] is True
    end(follow)


def test_chat_states_reach_the_other_side(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    watcher, watched = stores
    listen = Lines(
        Wacli(watcher, sandbox.url, sandbox.root_key, "listen", "--type", "chat_presence,connected")
    )
    listen.next_of("connected")
    for state, expected in (
        ("typing", ("composing", "text")),
        ("recording", ("composing", "audio")),
        ("paused", ("paused", "text")),
    ):
        code, _, err = run(
            watched, sandbox.url, sandbox.root_key, "presence", state, "--to", f"+{WATCHER}"
        )
        assert code == 0, err
        line = listen.next_of("chat_presence")["data"]
        assert (line["state"], line["media"]) == expected
        assert line["source"]["chat"] == f"{WATCHED}@s.whatsapp.net"
        assert line["source"]["is_from_me"] is False
    listen.wacli.proc.send_signal(signal.SIGTERM)
    listen.rest()
    assert listen.wacli.proc.returncode == 0


def test_following_leaves_messages_for_listen(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    watcher, _ = stores
    follow = Lines(Wacli(watcher, sandbox.url, sandbox.root_key, "presence", "subscribe", WATCHED))
    follow.next()
    status, sent = sandbox.admin("POST", f"/accounts/{WATCHED}/send", {"to": WATCHER, "text": "hi"})
    assert status == 200, sent
    status, body = sandbox.admin("POST", f"/accounts/{WATCHED}/presence", {"available": True})
    assert status == 200, body
    follow.next()  # the message came before this presence, and was left alone
    end(follow)
    listen = Lines(Wacli(watcher, sandbox.url, sandbox.root_key, "listen", "--type", "message"))
    line = listen.next_of("message")
    assert line["data"]["info"]["id"] == sent["id"] and line["data"]["text"] == "hi"
    listen.wacli.proc.send_signal(signal.SIGTERM)
    listen.rest()


def test_not_paired(sandbox: SandboxProcess, tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "none", sandbox.url, sandbox.root_key, "presence", "available")
    assert code == ExitCode.NOT_PAIRED and out == b"" and err.count("\n") == 1
