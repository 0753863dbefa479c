"""`wacli read` and `wacli listen --mark-read` end to end against the real sandbox: the
sender's phone gets `<receipt type="read">` (docs/sandbox-admin.md: GET
/admin/accounts/{phone}/receipts), our own phone hears of it too, and with the account's
read receipts turned off (PUT …/readreceipts) only our own devices do, as `read-self`
(whatsmeow MarkRead and Baileys readMessages read the privacy setting the same way)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.client.accounts import Lines, pair
from tests.client.support import Wacli, new_account, run, stop, wait_until
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550009201"
FRIEND = "15550009202"
QUIET = "15550009203"  # an account whose user turned read receipts off
GROUP_PEER = "15550009204"


@pytest.fixture(scope="module")
def stores(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("read")
    new_account(sandbox, FRIEND)
    new_account(sandbox, GROUP_PEER)
    pair(sandbox, base / "me", ME)
    pair(sandbox, base / "quiet", QUIET)
    return base / "me", base / "quiet"


def sent_to(sandbox: SandboxProcess, to: str, text: str, sender: str = FRIEND) -> str:
    status, body = sandbox.admin("POST", f"/accounts/{sender}/send", {"to": to, "text": text})
    assert status == 200, body
    return body["id"]


def receipts(sandbox: SandboxProcess, phone: str, kind: str) -> list[dict]:
    status, body = sandbox.admin("GET", f"/accounts/{phone}/receipts")
    assert status == 200, body
    return [receipt for receipt in body if receipt["type"] == kind]


def read_by(sandbox: SandboxProcess, phone: str, kind: str, message_id: str) -> list[dict]:
    return [r for r in receipts(sandbox, phone, kind) if message_id in r["ids"]]


def test_read_marks_messages_read_at_the_sender_and_our_phone(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    me, _ = stores
    first, second = sent_to(sandbox, ME, "one"), sent_to(sandbox, ME, "two")
    code, out, err = run(me, sandbox.url, sandbox.root_key, "read", f"+{FRIEND}", first, second)
    assert code == 0, err
    assert out == b"" and err == ""
    [told] = read_by(sandbox, FRIEND, "read", first)
    assert told["ids"] == [first, second]  # one receipt, the second id in its <list>
    assert told["from"].startswith(f"{ME}:")  # from our companion device
    [own] = read_by(sandbox, ME, "read", first)  # our phone turns the chat read
    assert own["recipient"] is not None and own["ids"] == [first, second]


def test_read_receipts_off_tells_only_our_own_devices(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    _, quiet = stores
    status, body = sandbox.admin("PUT", f"/accounts/{QUIET}/readreceipts", {"value": "none"})
    assert status == 200, body
    message = sent_to(sandbox, QUIET, "unseen")
    code, _, err = run(quiet, sandbox.url, sandbox.root_key, "read", f"+{FRIEND}", message)
    assert code == 0, err
    assert "read receipts are off" in err
    assert read_by(sandbox, QUIET, "read-self", message)
    assert not read_by(sandbox, FRIEND, "read", message)


def test_listen_mark_read_marks_what_it_printed(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    me, _ = stores
    listen = Lines(Wacli(me, sandbox.url, sandbox.root_key, "listen", "--mark-read"))
    listen.next_of("connected")
    message = sent_to(sandbox, ME, "mark me")
    line = listen.next_of("message")
    while line["data"]["info"]["id"] != message:
        line = listen.next_of("message")
    wait_until(lambda: bool(read_by(sandbox, FRIEND, "read", message)), "the read receipt")
    # `wacli read` beside a running listen goes through its connection (the relay).
    code, _, err = run(me, sandbox.url, sandbox.root_key, "read", f"+{FRIEND}", message)
    assert code == 0, err
    assert len(read_by(sandbox, FRIEND, "read", message)) == 2
    stop(listen)


def test_group_read_names_the_author(sandbox: SandboxProcess, stores: tuple[Path, Path]) -> None:
    me, _ = stores
    status, group = sandbox.admin(
        "POST", "/groups", {"subject": "Reads", "creator": GROUP_PEER, "participants": [ME]}
    )
    assert status == 201, group
    status, body = sandbox.admin(
        "POST", f"/groups/{group['jid']}/send", {"from": GROUP_PEER, "text": "hi all"}
    )
    assert status == 200, body
    args = ("read", group["jid"], body["id"])
    code, _, err = run(me, sandbox.url, sandbox.root_key, *args)
    assert code == ExitCode.USAGE and "--sender" in err
    code, _, err = run(me, sandbox.url, sandbox.root_key, *args, "--sender", f"+{GROUP_PEER}")
    assert code == 0, err
    [told] = read_by(sandbox, GROUP_PEER, "read", body["id"])
    assert told["from"] == group["jid"]
