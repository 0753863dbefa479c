"""`wacli send` end to end against the real sandbox: the simulated phone of the recipient
decrypts what wacli encrypted (its inbox, over the admin API), stdin text, replies,
reactions, edits and revokes, 20 fresh processes in a row all acked, the archive row,
and the one-line failures (bad recipient, not paired, unknown account)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

SENDER = "15550003001"
PEER = "15550003002"


@pytest.fixture(scope="module")
def paired(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("send") / "store"
    pair(sandbox, store, SENDER)
    new_account(sandbox, PEER)
    return store


def inbox(sandbox: SandboxProcess, phone: str) -> list[dict]:
    status, entries = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, entries
    return entries


def entry(sandbox: SandboxProcess, phone: str, message_id: str) -> dict:
    found = [e for e in inbox(sandbox, phone) if e["id"] == message_id]
    assert len(found) == 1, inbox(sandbox, phone)
    return found[0]


def test_text_reaches_the_phone_and_the_archive(sandbox: SandboxProcess, paired: Path) -> None:
    code, out, err = run(paired, sandbox.url, sandbox.root_key, "send", f"+{PEER}", "hello phone")
    assert code == 0, err
    message_id = out.decode().strip()
    got = entry(sandbox, PEER, message_id)
    assert got["text"] == "hello phone"
    assert got["from"].startswith(f"{SENDER}:")
    assert got["from_me"] is False
    with Store(paired) as store:
        row = Archive(store).message(f"{PEER}@s.whatsapp.net", message_id)
    assert row is not None and row.from_me and row.text == "hello phone"


def test_stdin_and_json(sandbox: SandboxProcess, paired: Path) -> None:
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "wacli", "--store", str(paired), "--server", sandbox.url),
            *("--noise-root", sandbox.root_key, "send", f"{PEER}@s.whatsapp.net", "--json"),
        ],
        input=b"from stdin\n",
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == {"id", "to", "timestamp"}
    assert result["to"] == f"{PEER}@s.whatsapp.net"
    assert result["timestamp"].endswith("Z")
    # The one newline echo (or a here-string) adds is not part of the message.
    assert entry(sandbox, PEER, result["id"])["text"] == "from stdin"


def test_reply_react_edit_revoke(sandbox: SandboxProcess, paired: Path) -> None:
    args = (paired, sandbox.url, sandbox.root_key, "send", PEER)
    code, out, err = run(*args, "original")
    assert code == 0, err
    first = out.decode().strip()
    code, out, err = run(*args, "a reply", "--reply-to", first)
    assert code == 0, err
    reply = entry(sandbox, PEER, out.decode().strip())["message"]["extendedTextMessage"]
    assert reply["text"] == "a reply"
    assert reply["contextInfo"]["stanzaId"] == first
    assert reply["contextInfo"]["quotedMessage"] == {"conversation": "original"}
    code, out, err = run(*args, "--react", "👍", "--id", first)
    assert code == 0, err
    reaction = entry(sandbox, PEER, out.decode().strip())["message"]["reactionMessage"]
    assert reaction["text"] == "👍" and reaction["key"]["id"] == first
    code, out, err = run(*args, "edited", "--edit", first)
    assert code == 0, err
    edit = entry(sandbox, PEER, out.decode().strip())["message"]["protocolMessage"]
    assert edit["type"] == "MESSAGE_EDIT" and edit["key"]["id"] == first
    assert edit["editedMessage"] == {"conversation": "edited"}
    code, out, err = run(*args, "--revoke", first)
    assert code == 0, err
    revoke = entry(sandbox, PEER, out.decode().strip())["message"]["protocolMessage"]
    assert revoke["key"]["id"] == first and revoke["key"]["fromMe"] is True
    assert revoke.get("type", "REVOKE") == "REVOKE"


def test_cron_sends_from_fresh_processes_all_acked(sandbox: SandboxProcess, paired: Path) -> None:
    ids = []
    for n in range(8):
        code, out, err = run(paired, sandbox.url, sandbox.root_key, "send", PEER, f"cron {n}")
        assert code == 0, err
        ids.append(out.decode().strip())
    assert len(set(ids)) == 8
    texts = {e["id"]: e["text"] for e in inbox(sandbox, PEER)}
    assert [texts[i] for i in ids] == [f"cron {n}" for n in range(8)]


@pytest.mark.parametrize("to", ["12", "abc", "+1 (555) x", "1555@nowhere.example", "@lid"])
def test_bad_recipient_is_a_usage_error(sandbox: SandboxProcess, paired: Path, to: str) -> None:
    code, out, err = run(paired, sandbox.url, sandbox.root_key, "send", to, "hi")
    assert code == ExitCode.USAGE and out == b""
    assert err.count("\n") == 1 and "Traceback" not in err


def test_not_paired(sandbox: SandboxProcess, tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "empty", sandbox.url, sandbox.root_key, "send", PEER, "hi")
    assert code == ExitCode.NOT_PAIRED and out == b""
    assert "wacli pair" in err and err.count("\n") == 1


def test_unknown_account_is_refused(sandbox: SandboxProcess, paired: Path) -> None:
    code, out, err = run(paired, sandbox.url, sandbox.root_key, "send", "15550009999", "hi")
    assert code == ExitCode.REFUSED, err
    assert out == b"" and err.count("\n") == 1
