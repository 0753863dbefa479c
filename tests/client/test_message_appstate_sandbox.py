"""`wacli chat star|unstar|delete-for-me` against the real sandbox (subprocesses): each is
one regular_high patch the phone verifies (MACs and LTHash) and our archive follows; the
phone's own star and delete-for-me reach `wacli listen` as star_update /
delete_for_me_update lines (validated against docs/events.schema.json) and change the
archive the same way. The sandbox phone writes the index as Baileys does (author "0").
A message the archive does not hold is a usage error (exit 2): WhatsApp's key needs to
know whose it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener, phone_sends
from tests.client.support import new_account, run, valid
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

ALICE, BOB = "15550007101", "15550007102"
BOB_JID = f"{BOB}@s.whatsapp.net"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ALICE's companion, holding the phone's app-state key and two of BOB's messages."""
    path = tmp_path_factory.mktemp("star") / "alice"
    pair(sandbox, path, ALICE)
    new_account(sandbox, BOB)
    phone_changes(sandbox, {"chat": BOB_JID, "pin": True})  # the phone shares its key
    listener = Listener(sandbox, path)
    listener.lines.next_of("pin_update")
    for text in ("first", "second"):
        sent = phone_sends(sandbox, BOB, ALICE, {"conversation": text})
        listener.message(sent)
    listener.close()
    return path


def phone_changes(sandbox: SandboxProcess, body: dict) -> dict:
    status, answer = sandbox.admin("POST", f"/accounts/{ALICE}/app-state", body)
    assert status == 200, answer
    return answer


def wacli_chat(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "chat", *args)
    return code, out.decode(), err


def received_ids(store: Path) -> list[str]:
    with Store(store) as opened:
        return [m.id for m in reversed(Archive(opened).messages(BOB_JID))]


def starred(store: Path, message_id: str) -> bool:
    with Store(store) as opened:
        return Archive(opened).starred(BOB_JID, message_id, False)


def phone_view(sandbox: SandboxProcess) -> dict:
    """regular_high at the server, and how many patches the phone could not verify."""
    status, shown = sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200, shown
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200, stats
    return {
        "version": shown["regular_high"]["version"],
        "unverified": stats.get("app_state_unverified", 0),
    }


def test_star_and_delete_for_me_reach_the_phone(sandbox: SandboxProcess, store: Path) -> None:
    first, second = received_ids(store)
    code, out, err = wacli_chat(sandbox, store, "star", BOB, first, "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "jid": BOB_JID,
        "action": "star",
        "collection": "regular_high",
        "version": 1,
        "id": first,
    }
    assert phone_view(sandbox) == {"version": 1, "unverified": 0}
    assert starred(store, first)

    code, out, err = wacli_chat(sandbox, store, "unstar", BOB_JID, first)
    assert (code, out) == (0, f"unstarred {first} in {BOB_JID}\n"), err
    assert not starred(store, first)

    code, out, err = wacli_chat(sandbox, store, "delete-for-me", BOB_JID, first)
    assert (code, out) == (0, f"deleted for me {first} in {BOB_JID}\n"), err
    assert received_ids(store) == [second]
    assert phone_view(sandbox) == {"version": 3, "unverified": 0}

    code, out, err = wacli_chat(sandbox, store, "star", BOB_JID, "3EB0NOTARCHIVED")
    assert code == ExitCode.USAGE and out == ""
    assert len(err.splitlines()) == 1 and "not in the archive" in err


def test_the_phones_star_and_delete_for_me_reach_listen(
    sandbox: SandboxProcess, store: Path
) -> None:
    message_id = received_ids(store)[-1]
    listener = Listener(sandbox, store)
    try:
        phone_changes(sandbox, {"chat": BOB_JID, "message": message_id, "star": True})
        seen = valid(listener.lines.next_of("star_update"))["data"]
        assert (seen["jid"], seen["message_id"]) == (BOB_JID, message_id)
        assert seen["from_me"] is False and seen["participant"] is None
        assert seen["action"] == {"starred": True} and seen["from_full_sync"] is False
        phone_changes(sandbox, {"chat": BOB_JID, "message": message_id, "delete_for_me": True})
        gone = valid(listener.lines.next_of("delete_for_me_update"))["data"]
        assert gone["message_id"] == message_id and gone["action"]["delete_media"] is True
    finally:
        listener.close()
    assert message_id not in received_ids(store)
    assert not starred(store, message_id)  # a deleted message keeps no star
