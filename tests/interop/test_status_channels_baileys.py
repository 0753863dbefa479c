"""Statuses and channels — WhatsApp's one-to-many messages — between wacli and an
unmodified Baileys over the sandbox, on one sandbox and one Baileys for the module:

- `wacli status post --to` reaches Baileys as a message of status@broadcast
  (messages.upsert), and a status Baileys posts with a statusJidList naming wacli's
  account reaches `wacli listen` as a `status` event, not as a chat message;
- Baileys follows a channel with its own `w:mex` query (newsletterFollow) and gets wacli's
  post to it (`wacli channels send`, in plain) as a message of the channel, and a post
  Baileys sends as a channel's admin (sendMessage to the newsletter JID) reaches `wacli
  listen` as a `channel_message` event (docs/sandbox-admin.md, "Statuses", "Channels").
"""

# ruff: noqa: F811 (the tests take the fixtures imported from client_baileys_support)
from __future__ import annotations

from pathlib import Path

from tests.client.support import Lines, Wacli, run, stop, valid
from tests.interop.baileys import Baileys
from tests.interop.client_baileys_support import (  # noqa: F401 (fixtures)
    BAILEYS_PHONE,
    WACLI_PHONE,
    peers,
    sandbox,
)
from wacli.sandbox.process import SandboxProcess

STATUS = "status@broadcast"


def test_wacli_status_reaches_baileys(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, _, store, _ = peers
    code, out, err = run(
        store,
        sandbox.url,
        sandbox.root_key,
        *("status", "post", "--to", f"+{BAILEYS_PHONE}", "a status for Baileys"),
    )
    assert code == 0, err
    got = baileys.call("wait_message", text="a status for Baileys", timeout_ms=20000)["message"]
    assert got["key"]["remoteJid"] == STATUS
    assert got["key"]["id"] == out.decode().strip()
    assert got["key"]["participant"].split("@")[0].split(":")[0] == WACLI_PHONE


def test_baileys_status_reaches_wacli_listen(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, _, store, wacli_account = peers
    listen = Lines(
        Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "status,message,connected")
    )
    try:
        listen.next_of("connected")
        sent = baileys.call(
            "post_status", text="Baileys on a status", viewers=[wacli_account["jid"]]
        )
        line = valid(listen.next_of("status"))
        data = line["data"]
        assert data["id"] == sent["id"] and data["text"] == "Baileys on a status"
        assert data["sender"].split("@")[0].split(":")[0] == BAILEYS_PHONE
    finally:
        seen = stop(listen)
    assert not [x for x in seen if x["type"] == "message" and x["data"]["info"]["chat"] == STATUS]


# -- channels ---------------------------------------------------------------------------------


def channel(sandbox: SandboxProcess, name: str, owner: str, **more: list[str]) -> str:
    status, body = sandbox.admin("POST", "/channels", {"name": name, "owner": owner, **more})
    assert status == 201, body
    return body["jid"]


def test_baileys_follows_and_reads_wacli_s_post(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, _, store, _ = peers
    jid = channel(sandbox, "wacli news", WACLI_PHONE)
    baileys.call("follow_channel", jid=jid)
    status, shown = sandbox.admin("GET", f"/channels/{jid}")
    assert status == 200 and shown["followers"] == [BAILEYS_PHONE], shown
    code, out, err = run(
        store, sandbox.url, sandbox.root_key, "channels", "send", jid, "hello followers"
    )
    assert code == 0, err
    got = baileys.call("wait_message", text="hello followers", timeout_ms=20000)["message"]
    assert got["key"]["remoteJid"] == jid and got["key"]["id"] == out.decode().strip()


def test_baileys_post_reaches_wacli_listen(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, _, store, _ = peers
    jid = channel(sandbox, "Baileys news", BAILEYS_PHONE, followers=[WACLI_PHONE])
    listen = Lines(
        Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "channel_message,connected")
    )
    try:
        listen.next_of("connected")
        baileys.call("send_content", to=jid, content={"text": "from Baileys' channel"})
        data = valid(listen.next_of("channel_message"))["data"]
    finally:
        stop(listen)
    assert data["channel"] == jid and data["text"] == "from Baileys' channel"
