"""What `wacli history` shows of messages a phone sent through the real sandbox to a running
`wacli listen`: a reply keeps what it quotes, disappearing and view-once texts are found
by --search, and the phone's edits, revokes and reactions change the archived messages as
they change the chat; `wacli send --edit/--revoke/--react` change our own rows alike."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener, history, history_lines, phone_sends
from tests.client.support import new_account, run
from wacli.sandbox.process import SandboxProcess

ME, BOB = "15550007101", "15550007102"
ME_JID, BOB_JID = f"{ME}@s.whatsapp.net", f"{BOB}@s.whatsapp.net"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("model") / "me"
    pair(sandbox, path, ME)
    new_account(sandbox, BOB, "Bob")
    return path


def bobs_key(message_id: str) -> dict:
    """The key of one of Bob's own messages, as Bob's phone names it."""
    return {"remoteJid": ME_JID, "fromMe": True, "id": message_id}


def now_ms() -> str:
    return str(int(time.time() * 1000))


def test_reply_ephemeral_and_view_once(sandbox: SandboxProcess, store: Path) -> None:
    listener = Listener(sandbox, store)
    try:
        first = phone_sends(sandbox, BOB, ME, {"conversation": "where shall we meet"})
        listener.message(first)
        quoting = {
            "stanzaId": first,
            "participant": BOB_JID,
            "quotedMessage": {"conversation": "x"},
        }
        answer = phone_sends(
            sandbox,
            BOB,
            ME,
            {"extendedTextMessage": {"text": "at the harbour", "contextInfo": quoting}},
        )
        listener.message(answer)
        fading = phone_sends(
            sandbox,
            BOB,
            ME,
            {"ephemeralMessage": {"message": {"conversation": "vanishing lighthouse"}}},
        )
        # The event's text is the text inside the envelope too.
        assert listener.message(fading)["text"] == "vanishing lighthouse"
        once = phone_sends(
            sandbox,
            BOB,
            ME,
            {"viewOnceMessageV2": {"message": {"conversation": "glimpsed albatross"}}},
        )
        listener.message(once)
    finally:
        listener.close()
    rows = {row["id"]: row for row in history(sandbox, store, BOB)}
    assert rows[answer]["reply_to"] == first and rows[answer]["text"] == "at the harbour"
    assert rows[first]["reply_to"] is None
    found = history(sandbox, store, "--search", "lighthouse")
    assert [(r["id"], r["type"], r["text"]) for r in found] == [
        (fading, "text", "vanishing lighthouse")
    ]
    found = history(sandbox, store, "--search", "albatross")
    assert [(r["id"], r["text"]) for r in found] == [(once, "glimpsed albatross")]


def test_the_phones_edit_revoke_and_reaction(sandbox: SandboxProcess, store: Path) -> None:
    listener = Listener(sandbox, store)
    try:
        typo = phone_sends(sandbox, BOB, ME, {"conversation": "see you at nine"})
        listener.message(typo)
        regret = phone_sends(sandbox, BOB, ME, {"conversation": "something to take back"})
        listener.message(regret)
        edit = {
            "type": "MESSAGE_EDIT",
            "key": bobs_key(typo),
            "editedMessage": {"conversation": "see you at ten"},
            "timestampMs": now_ms(),
        }
        listener.message(phone_sends(sandbox, BOB, ME, {"protocolMessage": edit}))
        revoke = {"type": "REVOKE", "key": bobs_key(regret)}
        listener.message(phone_sends(sandbox, BOB, ME, {"protocolMessage": revoke}))
        reaction = {"key": bobs_key(typo), "text": "👍", "senderTimestampMs": now_ms()}
        listener.message(phone_sends(sandbox, BOB, ME, {"reactionMessage": reaction}))
    finally:
        listener.close()
    rows = {row["id"]: row for row in history(sandbox, store, BOB)}
    assert rows[typo]["text"] == "see you at ten" and rows[typo]["edited_at"] is not None
    assert rows[typo]["message"] == {"conversation": "see you at ten"}
    assert [(r["sender"], r["emoji"]) for r in rows[typo]["reactions"]] == [(BOB_JID, "👍")]
    assert rows[regret]["revoked_at"] is not None and rows[regret]["text"] is None
    assert {r["type"] for r in rows.values()} <= {"text"}  # the changes are not rows of their own
    lines = history_lines(sandbox, store, BOB)
    # Bob's push name, from his messages, beside his JID
    assert any(line.endswith(f"Bob ({BOB_JID}): see you at ten (edited)") for line in lines)
    assert any(line.endswith(f"Bob ({BOB_JID}): [deleted]") for line in lines)
    assert not [line for line in lines if "something to take back" in line]
    assert history(sandbox, store, "--search", "nine") == []


def test_our_own_edit_revoke_and_reaction(sandbox: SandboxProcess, store: Path) -> None:
    def send(*args: str) -> str:
        code, out, err = run(store, sandbox.url, sandbox.root_key, "send", BOB, *args)
        assert code == 0, err
        return out.decode().strip()

    draft = send("the meeting is on monday")
    mistake = send("a message for someone else")
    send("the meeting is on tuesday", "--edit", draft)
    send("--revoke", mistake)
    send("--react", "🙏", "--id", draft)
    rows = {row["id"]: row for row in history(sandbox, store, BOB)}
    assert rows[draft]["text"] == "the meeting is on tuesday" and rows[draft]["is_from_me"]
    assert rows[draft]["edited_at"] is not None
    assert [(r["sender"], r["emoji"]) for r in rows[draft]["reactions"]] == [(ME_JID, "🙏")]
    assert rows[mistake]["revoked_at"] is not None and rows[mistake]["text"] is None
