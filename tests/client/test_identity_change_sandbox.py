"""A contact reinstalls WhatsApp, end to end against the real sandbox: after the phone's
``reinstall`` (new identity key, registration id and prekeys; companions unlinked) the
server's notice reaches ``wacli listen`` as an ``identity_change`` line, after which
``wacli send`` reaches the new install first time (the phone's inbox shows the text) and
the phone's messages decrypt without a second event. The peer's companion is unlinked by
the reinstall (logged out; contacts see a devices remove)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.client.accounts import Lines, pair, valid
from tests.client.support import Wacli, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store

ME = "15550009101"
PEER = "15550009102"
PEER_PHONE = f"{PEER}@s.whatsapp.net"


@pytest.fixture(scope="module")
def stores(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Our store, and a companion of the peer (which the reinstall unlinks)."""
    base = tmp_path_factory.mktemp("identity")
    pair(sandbox, base / "me", ME)
    pair(sandbox, base / "peer", PEER)
    return base / "me", base / "peer"


def phone_sends(sandbox: SandboxProcess, text: str) -> str:
    status, body = sandbox.admin("POST", f"/accounts/{PEER}/send", {"to": ME, "text": text})
    assert status == 200, body
    return body["id"]


def wacli_sends(sandbox: SandboxProcess, store: Path, text: str) -> None:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", f"+{PEER}", text)
    assert code == 0, err
    status, inbox = sandbox.admin("GET", f"/accounts/{PEER}/inbox")
    assert status == 200, inbox
    assert [e["text"] for e in inbox if e["id"] == out.decode().strip()] == [text]


def until_message(lines: Lines) -> list[dict]:
    """The lines up to and including the next message."""
    seen = [valid(lines.next())]
    while seen[-1]["type"] != "message":
        seen.append(valid(lines.next()))
    return seen


def known_identity(store: Path) -> bytes | None:
    with Store(store) as opened:
        lid = opened.lid_for_pn(PEER_PHONE)
        names = [f"{lid.split('@')[0]}_1.0"] if lid else []
        found = [opened.load_identity(name) for name in [*names, f"{PEER}.0"]]
    return next((key for key in found if key is not None), None)


def test_reinstalled_contact_is_trusted_and_reachable(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    store, companion = stores
    lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
    lines.next_of("connected")
    before = phone_sends(sandbox, "before the reinstall")
    seen = until_message(lines)
    assert seen[-1]["data"]["info"]["id"] == before
    assert "identity_change" not in [line["type"] for line in seen]  # first contact: no event
    wacli_sends(sandbox, store, "hello before")
    old_identity = known_identity(store)
    assert old_identity is not None

    status, body = sandbox.admin("POST", f"/accounts/{PEER}/reinstall")
    assert status == 200, body
    assert bytes.fromhex(body["identity"]) != old_identity
    assert body["unlinked"] == 1  # the peer's companion: its ADV identity is void now
    code, _, err = run(companion, sandbox.url, sandbox.root_key, "send", f"+{ME}", "hi")
    assert code == ExitCode.NOT_PAIRED and "logged_out" in err, err

    # The server's notice reaches listen first; it drops the sessions with the old key.
    seen = [valid(lines.next())]
    while seen[-1]["type"] != "identity_change":
        seen.append(valid(lines.next()))
    removed = [line for line in seen if line["type"] == "device_list_update"]
    assert [line["data"]["update_type"] for line in removed] == ["remove"], seen
    change = seen[-1]["data"]
    assert change["jid"] == PEER_PHONE and change["implicit"] is False, seen
    assert known_identity(store) is None

    # Sending first reaches the reinstalled phone: a fresh bundle, not the stale session.
    wacli_sends(sandbox, store, "hello after")
    assert known_identity(store) == bytes.fromhex(body["identity"])

    after = phone_sends(sandbox, "after the reinstall")
    seen = until_message(lines)
    assert "identity_change" not in [line["type"] for line in seen], seen  # told once
    assert seen[-1]["data"]["info"]["id"] == after
    assert seen[-1]["data"]["text"] == "after the reinstall"

    lines.wacli.proc.send_signal(signal.SIGTERM)
    rest = lines.rest()
    assert lines.wacli.proc.returncode == 0
    assert "identity_change" not in [line["type"] for line in rest]


def test_reinstall_unknown_account_is_404(sandbox: SandboxProcess) -> None:
    status, body = sandbox.admin("POST", "/accounts/15550009199/reinstall")
    assert status == 404, body
