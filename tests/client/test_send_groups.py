"""`wacli send GROUP` end to end against the real sandbox: the simulated phones of the
members decrypt what wacli sent (their inboxes, over the admin API); the sender key goes
pairwise to each device only once (the pairwise sessions do not move on later sends); a
member added later gets it, a member removed later makes wacli replace it; replies and
reactions name whose message they are about; a group we are not in is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.jid import parse_jid
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

SENDER = "15550004001"
BOB = "15550004002"
CAROL = "15550004003"
DAVE = "15550004004"


@pytest.fixture(scope="module")
def paired(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("group") / "store"
    pair(sandbox, store, SENDER)
    for phone in (BOB, CAROL, DAVE):
        new_account(sandbox, phone)
    return store


def inbox(sandbox: SandboxProcess, phone: str, chat: str) -> list[dict]:
    status, entries = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, entries
    return [e for e in entries if e["chat"] == chat]


def send(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", *args)
    assert code == 0, err
    return out.decode().strip()


def new_group(sandbox: SandboxProcess, creator: str, *members: str, mode: str = "lid") -> str:
    body = {
        "subject": "Team",
        "creator": creator,
        "participants": list(members),
        "addressing_mode": mode,
    }
    status, created = sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    return created["jid"]


def lid_of(sandbox: SandboxProcess, phone: str) -> str:
    status, accounts = sandbox.admin("GET", "/accounts")
    assert status == 200
    (found,) = [a["lid"] for a in accounts if a["jid"].startswith(phone)]
    return found


def session(store: Path, user_jid: str, device: int = 0) -> bytes | None:
    """The stored pairwise session with one device (it moves on with every encryption)."""
    name, _ = parse_jid(user_jid).signal_address()
    with Store(store) as opened:
        return opened.load_session(f"{name}.{device}")


def test_group_text_reaches_every_member_and_the_key_goes_once(
    sandbox: SandboxProcess, paired: Path
) -> None:
    group = new_group(sandbox, SENDER, BOB, CAROL)
    first = send(sandbox, paired, group, "hello group")
    for phone in (BOB, CAROL):
        got = inbox(sandbox, phone, group)
        assert [(e["id"], e["text"], e["from_me"]) for e in got] == [(first, "hello group", False)]
        assert got[0]["from"].startswith(lid_of(sandbox, SENDER).split("@")[0] + ":")
    # Our own phone reads it too (it got the sender key like every other device).
    assert [e["text"] for e in inbox(sandbox, SENDER, group)] == ["hello group"]
    with Store(paired) as store:
        holders = store.sender_key_holders(group)
        row = Archive(store).message(group, first)
    assert row is not None and row.from_me and row.text == "hello group"
    held = {(parse_jid(h).user, parse_jid(h).device) for h in holders}
    assert {(parse_jid(lid_of(sandbox, p)).user, 0) for p in (BOB, CAROL, SENDER)} <= held

    before = {phone: session(paired, lid_of(sandbox, phone)) for phone in (BOB, CAROL)}
    assert all(before.values())
    second = send(sandbox, paired, group, "again")
    # No pairwise message this time: the sessions with the phones did not move.
    assert {phone: session(paired, lid_of(sandbox, phone)) for phone in (BOB, CAROL)} == before
    for phone in (BOB, CAROL):
        assert [e["id"] for e in inbox(sandbox, phone, group)] == [first, second]

    # Dave joins: only he gets the sender key; he reads what follows, not what came before.
    status, _ = sandbox.admin(
        "POST",
        f"/groups/{group}/participants",
        {"by": SENDER, "action": "add", "participants": [DAVE]},
    )
    assert status == 200
    assert session(paired, lid_of(sandbox, DAVE)) is None
    third = send(sandbox, paired, group, "welcome Dave")
    assert session(paired, lid_of(sandbox, DAVE)) is not None
    assert {phone: session(paired, lid_of(sandbox, phone)) for phone in (BOB, CAROL)} == before
    assert [e["text"] for e in inbox(sandbox, DAVE, group)] == ["welcome Dave"]
    for phone in (BOB, CAROL):
        assert [e["id"] for e in inbox(sandbox, phone, group)] == [first, second, third]


def test_a_removed_member_makes_a_new_sender_key(sandbox: SandboxProcess, paired: Path) -> None:
    group = new_group(sandbox, SENDER, BOB, CAROL)
    send(sandbox, paired, group, "all of us")
    change = {"by": SENDER, "action": "remove", "participants": [CAROL]}
    assert sandbox.admin("POST", f"/groups/{group}/participants", change)[0] == 200
    before = session(paired, lid_of(sandbox, BOB))
    send(sandbox, paired, group, "without Carol")
    # Bob got the new key pairwise; Carol gets neither it nor the message.
    assert session(paired, lid_of(sandbox, BOB)) != before
    assert [e["text"] for e in inbox(sandbox, BOB, group)] == ["all of us", "without Carol"]
    assert [e["text"] for e in inbox(sandbox, CAROL, group)] == ["all of us"]
    with Store(paired) as store:
        holders = {parse_jid(h).user for h in store.sender_key_holders(group)}
    assert parse_jid(lid_of(sandbox, CAROL)).user not in holders


def test_reply_and_reaction_in_a_pn_group(sandbox: SandboxProcess, paired: Path) -> None:
    group = new_group(sandbox, BOB, SENDER, CAROL, mode="pn")
    status, sent = sandbox.admin("POST", f"/groups/{group}/send", {"from": BOB, "text": "hi"})
    assert status == 200, sent
    ours = send(sandbox, paired, group, "ours")
    reply = send(sandbox, paired, group, "a reply", "--reply-to", ours)
    got = [e for e in inbox(sandbox, CAROL, group) if e["id"] == reply]
    assert len(got) == 1
    context = got[0]["message"]["extendedTextMessage"]["contextInfo"]
    assert context["stanzaId"] == ours
    assert context["participant"] == f"{SENDER}@s.whatsapp.net"
    assert got[0]["from"].startswith(f"{SENDER}:")  # a pn group names us by phone number
    # The phone's message is not in our archive (no listen ran): the reaction names no
    # author then; one to our own message says it is ours.
    reaction = send(sandbox, paired, group, "--react", "👍", "--id", ours)
    got = [e for e in inbox(sandbox, BOB, group) if e["id"] == reaction]
    key = got[0]["message"]["reactionMessage"]["key"]
    assert key["id"] == ours and key["fromMe"] is True


def test_a_group_we_are_not_in_is_refused(sandbox: SandboxProcess, paired: Path) -> None:
    group = new_group(sandbox, BOB, CAROL)
    code, out, err = run(paired, sandbox.url, sandbox.root_key, "send", group, "let me in")
    assert code == ExitCode.REFUSED, err
    assert out == b"" and err.count("\n") == 1 and "Traceback" not in err
    assert inbox(sandbox, CAROL, group) == []


def test_edit_and_revoke_in_a_group(sandbox: SandboxProcess, paired: Path) -> None:
    group = new_group(sandbox, SENDER, BOB)
    ours = send(sandbox, paired, group, "typo")
    edit_id = send(sandbox, paired, group, "fixed", "--edit", ours)
    revoke_id = send(sandbox, paired, group, "--revoke", ours)
    by_id = {e["id"]: e["message"] for e in inbox(sandbox, BOB, group)}
    edit = by_id[edit_id]["protocolMessage"]
    assert edit["type"] == "MESSAGE_EDIT" and edit["key"]["id"] == ours
    assert edit["key"]["remoteJid"] == group and edit["editedMessage"] == {"conversation": "fixed"}
    revoke = by_id[revoke_id]["protocolMessage"]
    assert revoke["key"]["id"] == ours and revoke["key"]["fromMe"] is True
