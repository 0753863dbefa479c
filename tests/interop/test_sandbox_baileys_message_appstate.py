"""Star and delete-for-me between wacli and an unmodified Baileys 7, both linked to one
sandbox account: `wacli chat star|delete-for-me` reach Baileys as messages.update
(starred) and messages.delete (Baileys verifying MACs and the LTHash itself); Baileys'
chatModify star / deleteForMe reach `wacli listen` as star_update and
delete_for_me_update lines (docs/events.schema.json), and wacli's archive follows."""

from __future__ import annotations

import time
from pathlib import Path

from tests.client.accounts import pair
from tests.client.conversation import Listener, phone_sends
from tests.client.support import run
from tests.interop.baileys import Baileys
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

ALICE, BOB = "15550006201", "15550006202"
BOB_JID = f"{BOB}@s.whatsapp.net"


def archived(store: Path, message_id: str) -> tuple[bool, bool]:
    """(whether the archive holds BOB's message, whether it is starred)."""
    with Store(store) as opened:
        archive = Archive(opened)
        return (
            archive.message(BOB_JID, message_id) is not None,
            archive.starred(BOB_JID, message_id, False),
        )


def wacli_chat(sandbox: SandboxProcess, store: Path, *args: str) -> None:
    code, _, err = run(store, sandbox.url, sandbox.root_key, "chat", *args)
    assert code == 0, err


def test_star_and_delete_for_me_both_ways(
    sandbox: SandboxProcess, baileys: Baileys, tmp_path: Path
) -> None:
    for phone, name in ((ALICE, "Alice"), (BOB, "Bob")):
        status, body = sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": name})
        assert status == 201, body
    baileys.link(sandbox, ALICE)
    store = tmp_path / "wacli"
    pair(sandbox, store, ALICE, create=False)

    # The phone's first change makes and shares its app-state key with both companions.
    status, body = sandbox.admin(
        "POST", f"/accounts/{ALICE}/app-state", {"chat": BOB_JID, "pin": True}
    )
    assert status == 200, body
    baileys.call("wait_chat_update", jid=BOB_JID, field="pinned")
    listener = Listener(sandbox, store)
    listener.lines.next_of("pin_update")
    ids = []
    for text in ("keep me", "drop me"):
        ids.append(phone_sends(sandbox, BOB, ALICE, {"conversation": text}))
        listener.message(ids[-1])
        baileys.call("wait_message", text=text)
    listener.close()

    wacli_chat(sandbox, store, "star", BOB_JID, ids[0])
    assert baileys.call("wait_star", id=ids[0], starred=True)["star"]["remoteJid"] == BOB_JID
    wacli_chat(sandbox, store, "delete-for-me", BOB_JID, ids[1])
    assert baileys.call("wait_delete", id=ids[1])["deleted"]["remoteJid"] == BOB_JID
    assert archived(store, ids[1]) == (False, False)

    listener = Listener(sandbox, store)
    key = {"id": ids[0], "fromMe": False, "remoteJid": BOB_JID}
    baileys.call("chat_modify", jid=BOB_JID, mod={"star": {"messages": [key], "star": False}})
    seen = listener.lines.next_of("star_update")["data"]
    assert (seen["message_id"], seen["action"]) == (ids[0], {"starred": False})
    deleting = {"key": key, "timestamp": int(time.time()), "deleteMedia": True}
    baileys.call("chat_modify", jid=BOB_JID, mod={"deleteForMe": deleting})
    gone = listener.lines.next_of("delete_for_me_update")["data"]
    assert gone["message_id"] == ids[0] and gone["from_me"] is False
    listener.close()
    assert archived(store, ids[0]) == (False, False)
