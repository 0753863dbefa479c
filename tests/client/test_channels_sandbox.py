"""`wacli channels` and channel posts in `wacli listen`, end to end against the real sandbox:
channels are admin-created objects there (docs/sandbox-admin.md, "Channels") answering the
`w:mex` queries and `newsletter` IQs whatsmeow and Baileys send; following one makes its
posts reach `listen` as `channel_message` events (in plain, not filed in the archive),
and a channel we administer takes our posts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener
from tests.client.support import new_account, run, valid
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550009501"
EDITOR = "15550009502"  # owns the news channel


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    new_account(sandbox, EDITOR, "Editor")
    me = tmp_path_factory.mktemp("channels") / "me"
    pair(sandbox, me, ME)
    return me


def channels(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "channels", *args)
    return code, out.decode(), err


def create(sandbox: SandboxProcess, name: str, owner: str, **more: list[str]) -> str:
    status, body = sandbox.admin("POST", "/channels", {"name": name, "owner": owner, **more})
    assert status == 201, body
    return body["jid"]


def rows(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_follow_read_and_unfollow_a_channel(sandbox: SandboxProcess, store: Path) -> None:
    news = create(sandbox, "Daily News", EDITOR)
    for text in ("first", "second", "third"):
        status, body = sandbox.admin("POST", f"/channels/{news}/post", {"text": text})
        assert status == 200, body
    code, out, err = channels(sandbox, store, "list", "--json")
    assert code == 0 and out == "", err
    assert channels(sandbox, store, "follow", news)[0] == 0
    code, out, err = channels(sandbox, store, "list", "--json")
    assert code == 0, err
    [row] = rows(out)
    assert row["jid"] == news and row["name"] == "Daily News" and row["role"] == "subscriber"
    code, out, err = channels(sandbox, store, "messages", news, "--count", "2", "--json")
    assert code == 0, err
    posts = rows(out)
    assert [p["text"] for p in posts] == ["second", "third"]
    code, out, _ = channels(
        sandbox, store, "messages", news, "--before", str(posts[0]["server_id"])
    )
    assert out.split("\t")[-1].strip() == "first"
    assert channels(sandbox, store, "unfollow", news)[0] == 0
    assert channels(sandbox, store, "list")[1] == ""
    code, _, err = channels(sandbox, store, "follow", "120363999999999999@newsletter")
    assert code == ExitCode.REFUSED and "no such channel" in err
    code, _, err = channels(sandbox, store, "messages", "120363999999999999@newsletter")
    assert code == ExitCode.REFUSED and err == "wacli: no channel 120363999999999999@newsletter\n"


def test_listen_prints_posts_of_followed_channels(sandbox: SandboxProcess, store: Path) -> None:
    sport = create(sandbox, "Sport", EDITOR, followers=[ME])
    listener = Listener(sandbox, store)
    status, body = sandbox.admin("POST", f"/channels/{sport}/post", {"text": "goal!"})
    assert status == 200, body
    data = valid(listener.lines.next_of("channel_message"))["data"]
    listener.close()
    assert data["channel"] == sport and data["server_id"] == body["server_id"]
    assert data["text"] == "goal!" and data["message"]["conversation"] == "goal!"
    code, out, err = run(store, sandbox.url, sandbox.root_key, "chats", "--json")
    assert code == 0, err
    assert sport.encode() not in out  # a channel post is no chat message


def test_send_to_a_channel_we_administer(sandbox: SandboxProcess, store: Path) -> None:
    ours = create(sandbox, "Our updates", EDITOR, admins=[ME])
    theirs = create(sandbox, "Not ours", EDITOR, followers=[ME])
    code, out, err = channels(sandbox, store, "send", "--json", ours, "we shipped it")
    assert code == 0, err
    sent = json.loads(out)
    status, shown = sandbox.admin("GET", f"/channels/{ours}")
    assert status == 200, shown
    assert shown["posts"] == [
        {"server_id": sent["server_id"], "id": sent["id"], "text": "we shipped it"}
    ]
    code, _, err = channels(sandbox, store, "send", theirs, "hijack")
    assert (
        code == ExitCode.REFUSED
        and err == f"wacli: only the admins of {theirs} may post to it (error 403)\n"
    )
    code, _, err = channels(sandbox, store, "send", "120363999999999999@newsletter", "lost")
    assert code == ExitCode.REFUSED and "no channel 120363999999999999@newsletter" in err
    code, _, err = channels(sandbox, store, "send", f"+{EDITOR}", "not a channel")
    assert code == ExitCode.USAGE


def test_text_rows_escape_what_the_owner_wrote(sandbox: SandboxProcess, store: Path) -> None:
    # A channel's name and posts are a stranger's text: a terminal must not obey them.
    loud = create(sandbox, "Loud\x1b[2J", EDITOR, followers=[ME])
    status, body = sandbox.admin("POST", f"/channels/{loud}/post", {"text": "two\nlines"})
    assert status == 200, body
    code, out, err = channels(sandbox, store, "list")
    assert code == 0, err
    assert f"{loud}\tsubscriber\t1\tLoud\\x1b[2J\n" in out
    code, out, err = channels(sandbox, store, "messages", loud)
    assert code == 0, err
    [line] = out.splitlines()
    server_id, stamp, text = line.split("\t")
    assert server_id == str(body["server_id"]) and stamp.endswith("Z")
    assert text == "two\\nlines"
