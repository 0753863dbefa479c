"""Receiving media end to end against the real sandbox over its TLS media listener: a
simulated phone sends an image and two PDFs of one name, `wacli listen --download-media`
archives them, saves their files under the names `media download --dir` gives (the second
PDF behind its id) and tells where in `media_saved` events; `wacli media download`
fetches, checks and writes them again (0600, -o / --dir / --force / --json); a message
without a file, an unknown id, a wrong media key, a tampered hash or a directory that
cannot be written end with their documented exit codes and leave no file behind; a
message naming only its direct_path is fetched from the hosts media_conn gives. Last,
`wacli send --file --caption --reply-to` files the caption and the quote in the archive."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import select
import signal
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.proto import e2e_pb2
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive, ArchivedMessage

OWNER = "15550008001"
PHONE = "15550008002"
CHAT = f"{PHONE}@s.whatsapp.net"
HANG_GUARD = 60.0  # only against a hang: no assertion depends on how long anything takes

PICTURE = os.urandom(30_000) + b"\xff\xd9"
PAPER = b"%PDF-1.4\n" + os.urandom(12_345) + b"\n%%EOF\n"
ANOTHER_PAPER = b"%PDF-1.4\n" + os.urandom(2_345) + b"\n%%EOF\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    return code, out.decode(), err


def download(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    return wacli(sandbox, store, "media", "download", *args, *ca)


def phone_sends(sandbox: SandboxProcess, body: dict) -> str:
    status, sent = sandbox.admin("POST", f"/accounts/{PHONE}/send", {"to": OWNER, **body})
    assert status == 200, sent
    return sent["id"]


def private_file(path: Path) -> bytes:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return path.read_bytes()


def pdf(data: bytes) -> dict:
    return {
        "data": base64.b64encode(data).decode(),
        "mimetype": "application/pdf",
        "file_name": "report.pdf",
    }


# The media_saved events of the fixture's listen, by message id.
SAVED_EVENTS: dict[str, dict] = {}


@pytest.fixture(scope="module")
def received(
    sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str], Path]:
    """The phone sends an image, two PDFs named report.pdf and a text while listen
    --download-media runs: (store, ids by name, the download directory)."""
    base = tmp_path_factory.mktemp("media-download")
    store, saved = base / "store", base / "saved"
    pair(sandbox, store, OWNER)
    new_account(sandbox, PHONE)
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    listener = Wacli(
        store, sandbox.url, sandbox.root_key, "listen", "--download-media", str(saved), *ca
    )
    try:
        listener.event_of("connected")
        picture = {"data": base64.b64encode(PICTURE).decode(), "mimetype": "image/jpeg"}
        ids = {
            "image": phone_sends(sandbox, {"image": {**picture, "caption": "a picture"}}),
            "document": phone_sends(sandbox, {"document": pdf(PAPER)}),
            "same_name": phone_sends(sandbox, {"document": pdf(ANOTHER_PAPER)}),
            "text": phone_sends(sandbox, {"text": "no file here"}),
        }
        seen: set[str] = set()
        while len(seen) < len(ids) or len(SAVED_EVENTS) < 3:
            line = listener.event()
            if line["type"] == "message":
                seen.add(line["data"]["info"]["id"])
            elif line["type"] == "media_saved":
                assert line["data"]["id"] in seen  # after its message's line
                SAVED_EVENTS[line["data"]["id"]] = line["data"]
        assert seen == set(ids.values())
    finally:
        listener.proc.send_signal(signal.SIGTERM)
        code, _, err = listener.finish()
    assert code == 0, err
    assert "Traceback" not in err
    return store, ids, saved


def test_listen_saves_each_media_message_s_file_and_tells_where(
    received: tuple[Path, dict[str, str], Path],
) -> None:
    _, ids, saved = received
    files = {
        "image": (saved / f"{ids['image']}.jpg", PICTURE, "image/jpeg"),
        "document": (saved / "report.pdf", PAPER, "application/pdf"),
        "same_name": (saved / f"{ids['same_name']}-report.pdf", ANOTHER_PAPER, "application/pdf"),
    }
    for name, (path, data, mimetype) in files.items():
        assert private_file(path) == data
        assert SAVED_EVENTS[ids[name]] == {
            "chat": CHAT,
            "id": ids[name],
            "path": str(path.absolute()),
            "mimetype": mimetype,
            "size": len(data),
            "sha256": sha(data),
        }
    # Nothing for the text message, and no temporary file left over.
    assert sorted(p.name for p in saved.iterdir()) == sorted(p.name for p, _, _ in files.values())


def test_download_default_names_and_json(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    store, ids, _ = received
    before = logins(sandbox)
    code, out, err = download(sandbox, store, PHONE, ids["image"], "--dir", str(tmp_path))
    assert code == 0 and err == "", err  # stderr is no terminal: no progress line
    assert logins(sandbox) == before  # the message's url is enough: no connection
    assert out.strip() == str(tmp_path / f"{ids['image']}.jpg")
    assert private_file(Path(out.strip())) == PICTURE
    code, out, err = download(
        sandbox, store, CHAT, ids["document"], "--dir", str(tmp_path), "--json"
    )
    assert code == 0, err
    answer = json.loads(out)
    assert answer == {
        "path": str(tmp_path / "report.pdf"),
        "mimetype": "application/pdf",
        "size": len(PAPER),
        "sha256": sha(PAPER),
    }
    assert sha(private_file(tmp_path / "report.pdf")) == sha(PAPER)


def test_download_output_and_force(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    store, ids, _ = received
    target = tmp_path / "picture.jpeg"
    code, out, err = download(sandbox, store, PHONE, ids["image"], "-o", str(target))
    assert code == 0, err
    assert out.strip() == str(target) and private_file(target) == PICTURE
    target.write_bytes(b"mine")
    code, _, err = download(sandbox, store, PHONE, ids["image"], "-o", str(target))
    assert code == ExitCode.USAGE and "--force" in err
    assert target.read_bytes() == b"mine"
    code, _, err = download(sandbox, store, PHONE, ids["image"], "-o", str(target), "--force")
    assert code == 0, err
    assert private_file(target) == PICTURE
    code, _, err = download(sandbox, store, PHONE, ids["image"], "-o", "x", "--dir", "y")
    assert code == ExitCode.USAGE, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["picture.jpeg"]


def test_download_refusals(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    store, ids, _ = received
    code, _, err = download(sandbox, store, PHONE, ids["text"], "--dir", str(tmp_path))
    assert code == ExitCode.USAGE and "not media" in err
    code, _, err = download(sandbox, store, PHONE, "NO-SUCH-ID", "--dir", str(tmp_path))
    assert code == ExitCode.USAGE and "not in the archive" in err
    code, _, err = download(sandbox, store, "not a chat", ids["image"], "--dir", str(tmp_path))
    assert code == ExitCode.USAGE, err
    assert list(tmp_path.iterdir()) == []


def test_a_directory_that_cannot_be_written_is_exit_7(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    """README "Exit codes": 7 when a file or directory wacli must write cannot be: here a
    regular file stands where the directory should be."""
    store, ids, _ = received
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, out, err = download(sandbox, store, PHONE, ids["image"], "--dir", str(blocker / "in"))
    assert code == ExitCode.STORE and out == ""
    assert err == f"wacli: cannot create {blocker / 'in'}: Not a directory\n"
    code, out, err = download(sandbox, store, PHONE, ids["image"], "-o", str(blocker / "x.jpg"))
    assert code == ExitCode.STORE and out == ""
    assert err == f"wacli: cannot write {blocker / 'x.jpg'}: Not a directory\n"
    code, out, err = wacli(sandbox, store, "listen", "--download-media", str(blocker / "in"))
    assert code == ExitCode.STORE and out == ""
    assert err == f"wacli: cannot create {blocker / 'in'}: Not a directory\n"


def archived_copy(
    store: Path, message_id: str, new_id: str, change: Callable[[e2e_pb2.Message], None]
) -> None:
    """Archive a copy of a message under ``new_id`` with its body changed by ``change``."""
    with Store(store) as opened:
        archive = Archive(opened)
        found = archive.message(CHAT, message_id)
        assert found is not None and found.raw is not None
        body = e2e_pb2.Message.FromString(found.raw)
        change(body)
        row = ArchivedMessage(
            chat=found.chat,
            id=new_id,
            sender=found.sender,
            from_me=found.from_me,
            timestamp=found.timestamp,
            type=found.type,
            raw=body.SerializeToString(),
        )
        assert archive.add_message(row)


def test_download_of_a_file_that_does_not_check_out(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    store, ids, _ = received

    def wrong_key(body: e2e_pb2.Message) -> None:
        body.image_message.media_key = os.urandom(32)

    def tampered_hash(body: e2e_pb2.Message) -> None:
        body.image_message.file_sha256 = hashlib.sha256(b"another file").digest()

    for new_id, change in (("WRONGKEY1", wrong_key), ("TAMPERED1", tampered_hash)):
        archived_copy(store, ids["image"], new_id, change)
        code, out, err = download(sandbox, store, PHONE, new_id, "--dir", str(tmp_path))
        assert code == ExitCode.REFUSED, err
        assert out == "" and "does not check out" in err
        assert list(tmp_path.iterdir()) == []  # neither the file nor a temporary one


def logins(sandbox: SandboxProcess) -> int:
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200, stats
    return stats["logins"]


def test_download_of_a_direct_path_only_message(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    """No url: the hosts come from media_conn, over a login of the command's own, or over
    listen's connection (its relay) while listen runs."""
    store, ids, _ = received

    def no_url(body: e2e_pb2.Message) -> None:
        body.document_message.ClearField("url")

    archived_copy(store, ids["document"], "NOURL1", no_url)
    before = logins(sandbox)
    code, _, err = download(sandbox, store, PHONE, "NOURL1", "-o", str(tmp_path / "p.pdf"))
    assert code == 0, err
    assert private_file(tmp_path / "p.pdf") == PAPER
    assert logins(sandbox) == before + 1

    listener = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    try:
        listener.event_of("connected")
        before = logins(sandbox)
        code, _, err = download(sandbox, store, PHONE, "NOURL1", "-o", str(tmp_path / "q.pdf"))
        assert code == 0, err
        assert private_file(tmp_path / "q.pdf") == PAPER
        assert logins(sandbox) == before  # listen's connection asked media_conn
    finally:
        listener.proc.send_signal(signal.SIGTERM)
        code, _, err = listener.finish()
    assert code == 0, err


def stderr_until(process: Wacli, text: str) -> str:
    """What the process writes on stderr, until ``text`` appears (hang guard only)."""
    assert process.proc.stderr is not None
    fd, seen = process.proc.stderr.fileno(), b""
    deadline = time.monotonic() + HANG_GUARD
    while text.encode() not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"never written on stderr: {text!r}; got {seen!r}"
        ready, _, _ = select.select([fd], [], [], left)
        chunk = os.read(fd, 65536) if ready else b""
        assert chunk or not ready, f"stderr closed before {text!r}: {seen!r}"
        seen += chunk
    return seen.decode()


def test_listen_goes_on_when_a_download_fails(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    """Without the sandbox's CA the media server's certificate does not verify: a warning,
    no file, and listen keeps going."""
    store, _, _ = received
    saved = tmp_path / "saved"
    listener = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--download-media", str(saved))
    try:
        listener.event_of("connected")
        picture = {"data": base64.b64encode(PICTURE).decode(), "mimetype": "image/jpeg"}
        image_id = phone_sends(sandbox, {"image": picture})
        assert listener.event_of("message")["data"]["info"]["id"] == image_id
        warning = stderr_until(listener, f"could not save the file of message {image_id}")
        assert "certificate" in warning
        text_id = phone_sends(sandbox, {"text": "still listening?"})
        assert listener.event_of("message")["data"]["info"]["id"] == text_id
    finally:
        listener.proc.send_signal(signal.SIGTERM)
        code, _, err = listener.finish()
    assert code == 0, err
    assert list(saved.iterdir()) == []


def test_send_file_files_caption_and_quote(
    sandbox: SandboxProcess, received: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    store, ids, _ = received
    photo = tmp_path / "reply.png"
    photo.write_bytes(os.urandom(5_000))
    code, out, err = wacli(
        sandbox,
        store,
        "send",
        PHONE,
        "--file",
        str(photo),
        "--caption",
        "my answer",
        "--reply-to",
        ids["image"],
        "--media-ca",
        sandbox.endpoints["media_ca"],
    )
    assert code == 0, err
    sent_id = out.strip()
    code, out, err = wacli(sandbox, store, "history", PHONE, "--json")
    assert code == 0, err
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    row = rows[sent_id]
    assert row["is_from_me"] and row["type"] == "image"
    assert row["text"] == "my answer" and row["reply_to"] == ids["image"]
    quote = row["message"]["image_message"]["context_info"]
    assert quote["stanza_id"] == ids["image"] and quote["participant"] == CHAT
    status, inbox = sandbox.admin("GET", f"/accounts/{PHONE}/inbox")
    assert status == 200, inbox
    entry = next(e for e in inbox if e["id"] == sent_id)
    assert entry["media_sha256"] == sha(photo.read_bytes())
    assert entry["message"]["imageMessage"]["contextInfo"]["stanzaId"] == ids["image"]
    assert entry["message"]["imageMessage"]["caption"] == "my answer"
