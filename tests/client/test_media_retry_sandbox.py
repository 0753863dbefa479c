"""Expired media end to end against the real sandbox: `wacli media download` of a file
the media host dropped (POST /admin/media/expire: 404, docs/sandbox-admin.md "Media")
sends our phone a media retry receipt, the phone uploads the file again and names its new
path in a `mediaretry` notification, and the download then succeeds — on a login of its
own and through a running `listen` (whatsmeow SendMediaRetryReceipt, Baileys
updateMediaMessage: the phone answers as their servers' phones do)."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener
from tests.client.support import new_account, run
from wacli.sandbox.process import SandboxProcess

ME = "15550009401"
FRIEND = "15550009402"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    new_account(sandbox, FRIEND, "Friend")
    me = tmp_path_factory.mktemp("media-retry") / "me"
    pair(sandbox, me, ME)
    return me


def expired_photo(sandbox: SandboxProcess, store: Path, data: bytes) -> str:
    """A photo from the friend, archived by listen, whose file the host then dropped; its id."""
    listener = Listener(sandbox, store)
    image = {"data": base64.b64encode(data).decode(), "mimetype": "image/jpeg"}
    status, body = sandbox.admin("POST", f"/accounts/{FRIEND}/send", {"to": ME, "image": image})
    assert status == 200, body
    line = listener.message(body["id"])
    listener.close()
    path = line["message"]["image_message"]["direct_path"]
    status, answer = sandbox.admin("POST", "/media/expire", {"direct_path": path})
    assert status == 200, answer
    return body["id"]


def download(sandbox: SandboxProcess, store: Path, message_id: str, target: Path) -> None:
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    args = ("media", "download", f"+{FRIEND}", message_id, "-o", str(target), *ca)
    code, _, err = run(store, sandbox.url, sandbox.root_key, *args)
    assert code == 0, err


def reuploads(sandbox: SandboxProcess) -> int:
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200, stats
    return int(stats.get("phone_media_reuploads", 0))


def test_an_expired_file_is_uploaded_again_by_our_phone(
    sandbox: SandboxProcess, store: Path, tmp_path: Path
) -> None:
    data = os.urandom(30_000)
    message_id = expired_photo(sandbox, store, data)
    before = reuploads(sandbox)
    download(sandbox, store, message_id, tmp_path / "photo.jpg")
    assert (tmp_path / "photo.jpg").read_bytes() == data
    assert reuploads(sandbox) == before + 1


def test_through_a_running_listen_too(sandbox: SandboxProcess, store: Path, tmp_path: Path) -> None:
    data = os.urandom(20_000)
    message_id = expired_photo(sandbox, store, data)
    before = reuploads(sandbox)
    listener = Listener(sandbox, store)  # the command goes through its connection
    try:
        download(sandbox, store, message_id, tmp_path / "again.jpg")
    finally:
        listener.close()
    assert (tmp_path / "again.jpg").read_bytes() == data
    assert reuploads(sandbox) == before + 1


def test_a_file_we_sent_comes_back_too(
    sandbox: SandboxProcess, store: Path, tmp_path: Path
) -> None:
    """A photo this companion sent (``rmr from_me="true"``): our phone got its copy as
    one of our devices, and uploads it again like a received one."""
    data = os.urandom(5_000)
    photo = tmp_path / "mine.jpg"
    photo.write_bytes(data)
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    code, out, err = run(
        store, sandbox.url, sandbox.root_key, "send", f"+{FRIEND}", "--file", str(photo), *ca
    )
    assert code == 0, err
    sent = out.decode().strip()
    status, inbox = sandbox.admin("GET", f"/accounts/{FRIEND}/inbox")
    assert status == 200, inbox
    [entry] = [e for e in inbox if e["id"] == sent]
    path = entry["message"]["imageMessage"]["directPath"]
    status, answer = sandbox.admin("POST", "/media/expire", {"direct_path": path})
    assert status == 200, answer
    before = reuploads(sandbox)
    download(sandbox, store, sent, tmp_path / "back.jpg")
    assert (tmp_path / "back.jpg").read_bytes() == data
    assert reuploads(sandbox) == before + 1
