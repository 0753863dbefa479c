"""Polls through the real sandbox: `wacli send --poll` reaches a phone with its secret,
the phone's vote reaches `wacli listen` as a ``poll_vote`` naming the option, and
`wacli send --vote` reaches the phone sealed for the phone's poll.

The sandbox's phones have no poll logic of their own (the server only relays the
encrypted messages), so the phone's side is sealed and opened here with the poll secret
the phone received, with the key derivation of whatsmeow's DecryptPollVote;
tests/interop/test_client_baileys_kinds.py has Baileys' own derivation on the other side.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener, history, phone_received, phone_sends
from tests.client.support import new_account, run, valid
from wacli.proto import e2e_pb2
from wacli.protocol.polls import open_vote, option_hash, seal_vote
from wacli.sandbox.process import SandboxProcess

ME, BOB = "15550007301", "15550007302"
ME_JID, BOB_JID = f"{ME}@s.whatsapp.net", f"{BOB}@s.whatsapp.net"
OUR_LID: list[str] = []  # the LID of our account, once paired


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("polls") / "me"
    user, server = pair(sandbox, path, ME)["lid"].split("@")
    OUR_LID.append(f"{user.split(':')[0]}@{server}")
    new_account(sandbox, BOB, "Bob")
    return path


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    return code, out.decode(), err


def test_our_poll_and_bobs_vote(sandbox: SandboxProcess, store: Path) -> None:
    listener = Listener(sandbox, store)
    try:
        code, out, err = wacli(
            sandbox, store, "send", BOB, "--poll", "Lunch?", "--option", "Soup",
            "--option", "Salad", "--option", "Stew", "--multi", "2", "--json",
        )  # fmt: skip
        assert code == 0, err
        poll_id = json.loads(out)["id"]
        got = phone_received(sandbox, BOB, poll_id)["message"]
        poll = got["pollCreationMessage"]  # V3 is for single-choice polls only
        assert poll["name"] == "Lunch?" and poll["selectableOptionsCount"] == 2
        assert [o["optionName"] for o in poll["options"]] == ["Soup", "Salad", "Stew"]
        secret = base64.b64decode(got["messageContextInfo"]["messageSecret"])
        assert len(secret) == 32
        sealed = seal_vote(
            secret, poll_id, ME_JID, BOB_JID, [option_hash("Salad"), option_hash("Stew")]
        )
        key = {"remoteJid": ME_JID, "fromMe": False, "id": poll_id}
        update = {"pollCreationMessageKey": key, "vote": _json(sealed), "senderTimestampMs": "1"}
        vote_id = phone_sends(sandbox, BOB, ME, {"pollUpdateMessage": update})
        shown = listener.message(vote_id)
        assert (shown["kind"], shown["details"]) == ("poll_update", {"poll_id": poll_id})
        line = valid(listener.lines.next_of("poll_vote"))
        assert line["data"]["poll_id"] == poll_id and line["data"]["voter"] == BOB_JID
        assert line["data"]["options"] == ["Salad", "Stew"]
        assert line["data"]["info"]["id"] == vote_id
    finally:
        listener.close()
    (row,) = [r for r in history(sandbox, store, BOB) if r["id"] == poll_id]
    assert (row["type"], row["text"]) == ("poll", "Lunch?")


def test_bobs_poll_and_our_vote(sandbox: SandboxProcess, store: Path) -> None:
    secret = bytes(range(32))
    poll = {
        "pollCreationMessageV3": {
            "name": "Sail today?",
            "options": [{"optionName": "Yes"}, {"optionName": "No"}],
            "selectableOptionsCount": 1,
        },
        "messageContextInfo": {"messageSecret": base64.b64encode(secret).decode()},
    }
    listener = Listener(sandbox, store)
    try:
        poll_id = phone_sends(sandbox, BOB, ME, poll)
        shown = listener.message(poll_id)
        assert shown["kind"] == "poll" and shown["text"] is None
        assert shown["details"] == {
            "question": "Sail today?",
            "options": ["Yes", "No"],
            "selectable": 1,
        }
        assert "messageSecret" not in json.dumps(shown["message"])  # no secrets on stdout
    finally:
        listener.close()
    code, _, err = wacli(sandbox, store, "send", BOB, "--vote", poll_id, "--option", "Maybe")
    assert code == 2 and "no option 'Maybe'" in err
    code, _, err = wacli(
        sandbox, store, "send", BOB, "--vote", poll_id, "--option", "Yes", "--option", "No"
    )
    assert code == 2 and "at most 1" in err
    code, out, err = wacli(sandbox, store, "send", BOB, "--vote", poll_id, "--option", "Yes")
    assert code == 0, err
    update = phone_received(sandbox, BOB, out.strip())["message"]["pollUpdateMessage"]
    assert update["pollCreationMessageKey"] == {
        "remoteJid": BOB_JID,
        "fromMe": False,
        "id": poll_id,
    }
    sealed = e2e_pb2.PollEncValue(
        enc_payload=base64.b64decode(update["vote"]["encPayload"]),
        enc_iv=base64.b64decode(update["vote"]["encIv"]),
    )
    # Sealed as Baileys 7 opens it: the poll's author by number, the voter (we) by LID.
    assert open_vote(secret, poll_id, BOB_JID, OUR_LID[0], sealed) == [option_hash("Yes")]


def test_refused_polls(sandbox: SandboxProcess, store: Path) -> None:
    """What WhatsApp's apps would not send is refused with exit 2 and nothing sent."""
    cases = [
        (("--poll", "One?", "--option", "Only"), "2 to 12 options"),
        (("--poll", "Twice?", "--option", "A", "--option", "A"), "distinct"),
        (("--poll", "Q", "--option", "A", "--option", "B", "--multi", "3"), "--multi"),
        (("--vote", "3EB0000000000000FFFF", "--option", "A"), "not in the archive"),
        (("--poll", "Q", "--option", "A", "--option", "B", "--file", "x"), "stands alone"),
        (("--option", "A", "hello"), "--option is for --poll or --vote"),
    ]
    for args, words in cases:
        code, _, err = wacli(sandbox, store, "send", BOB, *args)
        assert code == 2 and words in err, (args, err)


def _json(sealed: e2e_pb2.PollEncValue) -> dict[str, str]:
    return {
        "encPayload": base64.b64encode(sealed.enc_payload).decode(),
        "encIv": base64.b64encode(sealed.enc_iv).decode(),
    }
