"""`wacli status post` and statuses in `wacli listen`, end to end against the real sandbox.

A status goes to the address book (contacts the phone saved with a name, as whatsmeow
counts them: the sandbox's status privacy is "contacts") or to the users named with --to,
and to our own phone; the sandbox delivers it to exactly the devices the poster names,
as the real server does for whatsmeow and Baileys (docs/sandbox-admin.md, "Statuses").
A contact's status reaches `listen` as a `status` event, not as a chat message, and the
archive files no chat for it."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener
from tests.client.support import new_account, run, valid, wait_until
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550009301"
FRIEND = "15550009302"  # in our address book
STRANGER = "15550009303"  # not in it
STATUS = "status@broadcast"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    new_account(sandbox, FRIEND, "Friend")
    new_account(sandbox, STRANGER, "Stranger")
    me = tmp_path_factory.mktemp("status") / "me"
    pair(sandbox, me, ME)
    return me


def statuses(sandbox: SandboxProcess, phone: str) -> list[dict]:
    """The statuses the phone of ``phone`` read (its inbox entries in status@broadcast)."""
    status, inbox = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, inbox
    return [entry for entry in inbox if entry["chat"] == STATUS]


def post(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, bytes, str]:
    return run(store, sandbox.url, sandbox.root_key, "status", "post", *args)


def test_a_status_goes_to_the_address_book_and_named_viewers(
    sandbox: SandboxProcess, store: Path
) -> None:
    code, _, err = post(sandbox, store, "nobody sees this")
    assert code == ExitCode.USAGE and "--to" in err  # no contacts saved yet
    saved = {"chat": f"{FRIEND}@s.whatsapp.net", "contact": "Friend Saved"}
    status, body = sandbox.admin("POST", f"/accounts/{ME}/app-state", saved)
    assert status == 200, body
    listener = Listener(sandbox, store)  # takes the contact from the app state
    listener.lines.next_of("contact_update")
    listener.close()

    code, out, err = post(sandbox, store, "--json", "out for the weekend")
    assert code == 0, err
    posted = json.loads(out)
    assert posted["to"] == STATUS
    wait_until(lambda: bool(statuses(sandbox, FRIEND)), "the friend's phone reads the status")
    [seen] = statuses(sandbox, FRIEND)
    assert seen["id"] == posted["id"] and seen["text"] == "out for the weekend"
    assert seen["from"].startswith(f"{ME}:")
    assert not statuses(sandbox, STRANGER)
    wait_until(lambda: bool(statuses(sandbox, ME)), "our own phone gets it too")
    assert statuses(sandbox, ME)[0]["from_me"] is True

    code, out, err = post(sandbox, store, "--to", f"+{STRANGER}", "just for you")
    assert code == 0, err
    wait_until(lambda: bool(statuses(sandbox, STRANGER)), "the named viewer reads it")
    assert statuses(sandbox, STRANGER)[0]["text"] == "just for you"
    assert len(statuses(sandbox, FRIEND)) == 1


def privacy(sandbox: SandboxProcess, kind: str, *users: str) -> None:
    body = {"type": kind, "users": list(users)}
    status, answer = sandbox.admin("PUT", f"/accounts/{ME}/statusprivacy", body)
    assert status == 200, answer


def test_the_status_privacy_chooses_from_the_address_book(
    sandbox: SandboxProcess, store: Path
) -> None:
    """whatsmeow's rule (GetStatusPrivacy): a whitelist names the viewers, a blacklist
    takes users out of the address book; the friend is in it since the test above."""
    privacy(sandbox, "whitelist", STRANGER)
    code, out, err = post(sandbox, store, "only the listed")
    assert code == 0, err
    wait_until(
        lambda: any(e["id"] == out.decode().strip() for e in statuses(sandbox, STRANGER)), "it"
    )
    privacy(sandbox, "blacklist", FRIEND)
    code, _, err = post(sandbox, store, "nobody left")
    assert code == ExitCode.USAGE and "no one would see" in err
    privacy(sandbox, "contacts")
    assert all(e["text"] != "only the listed" for e in statuses(sandbox, FRIEND))


def test_listen_prints_a_contacts_status_apart_from_messages(
    sandbox: SandboxProcess, store: Path
) -> None:
    listener = Listener(sandbox, store)
    status, body = sandbox.admin(
        "POST", f"/accounts/{FRIEND}/status", {"text": "sunset pics soon", "to": [ME]}
    )
    assert status == 200, body
    line = valid(listener.lines.next_of("status"))
    data = line["data"]
    assert data["id"] == body["id"] and data["text"] == "sunset pics soon"
    assert data["sender"] == f"{FRIEND}@s.whatsapp.net" and data["is_from_me"] is False
    assert data["push_name"] == "Friend"
    assert data["message"]["extended_text_message"]["text"] == "sunset pics soon"

    def receipted() -> bool:  # the poster's phone hears that our device got it
        _, got = sandbox.admin("GET", f"/accounts/{FRIEND}/receipts")
        return any(r["from"] == STATUS and body["id"] in r["ids"] for r in got)

    wait_until(receipted, "the receipt of the status")
    listener.close()
    code, out, err = run(store, sandbox.url, sandbox.root_key, "chats", "--json")
    assert code == 0, err
    assert STATUS.encode() not in out  # a status is no chat


def test_an_image_status_reaches_the_viewer_decrypted(
    sandbox: SandboxProcess, store: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "beach.jpg"
    data = os.urandom(10_000)
    photo.write_bytes(data)
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    args = ("--to", f"+{FRIEND}", "--file", str(photo), "--caption", "the beach")
    code, out, err = post(sandbox, store, *ca, *args)
    assert code == 0, err
    posted = out.decode().strip()
    wait_until(lambda: any(e["id"] == posted for e in statuses(sandbox, FRIEND)), "the status")
    [seen] = [e for e in statuses(sandbox, FRIEND) if e["id"] == posted]
    assert seen["media_kind"] == "image"
    assert seen["message"]["imageMessage"]["caption"] == "the beach"
    assert seen["media_sha256"] == hashlib.sha256(data).hexdigest()
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(data)
    code, _, err = post(sandbox, store, *ca, "--to", f"+{FRIEND}", "--file", str(paper))
    assert code == ExitCode.USAGE and "image or a video" in err  # as the apps post none
    code, _, err = post(sandbox, store, "--file", str(photo), "--caption", "caf\udce9")
    assert code == ExitCode.USAGE and "--caption is not valid UTF-8" in err
    code, _, err = post(sandbox, store, "--to", "120363000000000001@g.us", "hi")
    assert code == ExitCode.USAGE and "not to a group" in err
