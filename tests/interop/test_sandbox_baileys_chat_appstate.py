"""An independent check of what `wacli chat` writes: unmodified Baileys 7 and wacli are both
linked to one sandbox account; wacli pins and mutes a chat, and Baileys (verifying MACs
and the LTHash itself: appStateMacVerification on) emits chats.update with exactly the
pin time and mute end wacli wrote, ending at the LTHash wacli and the phone hold."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import Lines, Wacli, run, stop
from tests.interop.baileys import Baileys
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

ALICE, BOB, CAROL = "15550006101", "15550006102", "15550006103"
BOB_JID, CAROL_JID = f"{BOB}@s.whatsapp.net", f"{CAROL}@s.whatsapp.net"


def wacli_chat(sandbox: SandboxProcess, store: Path, *args: str) -> dict:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "chat", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def stored(store: Path, name: str) -> tuple[int, str]:
    with Store(store) as opened:
        state = opened.load_collection(name)
    assert state is not None
    return state.version, state.hash.hex()


def test_baileys_sees_what_wacli_writes(
    sandbox: SandboxProcess, baileys: Baileys, tmp_path: Path
) -> None:
    for phone, name in ((ALICE, "Alice"), (BOB, "Bob")):
        status, body = sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": name})
        assert status == 201, body
    baileys.start(sandbox, history=False)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    status, body = sandbox.admin("POST", f"/accounts/{ALICE}/link", {"qr": qr})
    assert status == 200, body
    baileys.call("wait_open", timeout_ms=30000)

    # The phone's first change makes and shares its key; both companions sync it.
    status, body = sandbox.admin(
        "POST", f"/accounts/{ALICE}/app-state", {"chat": CAROL_JID, "pin": True}
    )
    assert status == 200, body
    baileys.call("wait_chat_update", jid=CAROL_JID, field="pinned")
    store = tmp_path / "wacli"
    pair(sandbox, store, ALICE, create=False)
    listening = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
    while listening.next_of("pin_update")["data"]["jid"] != CAROL_JID:
        pass
    stop(listening)

    done = wacli_chat(sandbox, store, "pin", BOB_JID)
    update = baileys.call("wait_chat_update", jid=BOB_JID, field="pinned")["update"]
    assert done["version"] == 2
    with Store(store) as opened:
        chat = Archive(opened).chat(BOB_JID)
    # Baileys' pinned is the action's timestamp (ms); wacli's archive keeps its seconds.
    assert chat is not None and chat.pinned_at == update["pinned"] // 1000

    done = wacli_chat(sandbox, store, "mute", BOB_JID, "--for", "1w")
    update = baileys.call("wait_chat_update", jid=BOB_JID, field="muteEndTime")["update"]
    until = int(datetime.fromisoformat(done["muted_until"]).timestamp())
    assert update["muteEndTime"] // 1000 == until

    status, shown = sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200
    for name, version in (("regular_low", 2), ("regular_high", 1)):
        state = baileys.call("app_state", name=name)
        assert state["version"] == version == shown[name]["version"]
        assert state["hash"] == shown[name]["hash"] == stored(store, name)[1]
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200 and stats.get("app_state_unverified", 0) == 0
