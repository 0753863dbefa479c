"""`wacli send --file` end to end against the real sandbox over its TLS media listener: the
recipient's simulated phone downloads and decrypts what wacli uploaded, and its inbox
shows the SHA-256 of the decrypted bytes; the archive keeps the message; verification is
never off (without the sandbox's CA the upload fails with the connect exit code)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

SENDER = "15550007001"
PEER = "15550007002"


@pytest.fixture(scope="module")
def paired(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("media") / "store"
    pair(sandbox, store, SENDER)
    new_account(sandbox, PEER)
    return store


def inbox_entry(sandbox: SandboxProcess, message_id: str) -> dict:
    status, entries = sandbox.admin("GET", f"/accounts/{PEER}/inbox")
    assert status == 200, entries
    found = [e for e in entries if e["id"] == message_id]
    assert len(found) == 1, entries
    return found[0]


def send_file(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", PEER, *ca, *args)
    return code, out.decode().strip(), err


@pytest.mark.parametrize(
    ("name", "field", "mimetype", "kind"),
    [
        ("photo.jpg", "imageMessage", "image/jpeg", "image"),
        ("paper.pdf", "documentMessage", "application/pdf", "document"),
    ],
)
def test_send_file_reaches_the_phone_decrypted(
    sandbox: SandboxProcess,
    paired: Path,
    tmp_path: Path,
    name: str,
    field: str,
    mimetype: str,
    kind: str,
) -> None:
    path = tmp_path / name
    data = os.urandom(20_000) + b"end"
    path.write_bytes(data)
    code, message_id, err = send_file(sandbox, paired, "--file", str(path), "--caption", "see")
    assert code == 0, err
    entry = inbox_entry(sandbox, message_id)
    assert entry["media_kind"] == kind
    assert entry["media_sha256"] == hashlib.sha256(data).hexdigest()
    assert entry["media_size"] == len(data)
    sent = entry["message"][field]
    assert sent["mimetype"] == mimetype and sent["caption"] == "see"
    assert sent["url"].startswith("https://127.0.0.1:")
    if kind == "document":
        assert sent["fileName"] == name
    with Store(paired) as store:
        row = Archive(store).message(f"{PEER}@s.whatsapp.net", message_id)
    assert row is not None and row.from_me and row.type == kind


def test_send_file_failures(sandbox: SandboxProcess, paired: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"plain text file")
    # Without the sandbox's CA the system trust store is used, and it does not trust it.
    code, _, err = run(paired, sandbox.url, sandbox.root_key, "send", PEER, "--file", str(path))
    assert code == ExitCode.CANNOT_CONNECT, err
    assert "certificate" in err
    code, _, err = send_file(sandbox, paired, "--file", str(tmp_path / "missing.png"))
    assert code == ExitCode.USAGE and "cannot read" in err
    code, _, err = send_file(sandbox, paired, "--file", str(path), "some text")
    assert code == ExitCode.USAGE, err
    code, _, err = send_file(sandbox, paired, "--caption", "alone", "text")
    assert code == ExitCode.USAGE, err
    # A plain-text file goes as a document.
    code, message_id, err = send_file(sandbox, paired, "--file", str(path))
    assert code == 0, err
    entry = inbox_entry(sandbox, message_id)
    assert entry["media_kind"] == "document"
    assert entry["media_sha256"] == hashlib.sha256(b"plain text file").hexdigest()
