"""Media between an unmodified Baileys 7, the sandbox's phones and wacli, over the sandbox's
https media listener (Baileys trusts its CA through NODE_EXTRA_CA_CERTS; nothing turns
certificate checks off).

- a simulated phone sends an image: Baileys downloads and decrypts it itself
  (downloadMediaMessage) and gets the very bytes;
- wacli sends an image (``wacli send --file``): Baileys downloads and decrypts it too;
- Baileys sends an image (its own media_conn, encryption and upload): the phone's inbox
  shows the SHA-256 of the bytes it decrypted.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.node import NodeProcess
from tests.client.accounts import pair
from tests.client.support import run
from tests.interop.baileys import inbox_when
from wacli.sandbox.process import SandboxProcess

ALICE = "15550008001"  # Baileys is linked to her
BOB = "15550008002"  # a simulated phone
CAROL = "15550008003"  # wacli is linked to her


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess() as server:
        yield server


@pytest.fixture(scope="module")
def baileys(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    env = {"NODE_EXTRA_CA_CERTS": sandbox.endpoints["media_ca"]}
    node = NodeProcess("baileys_client.mjs", timeout=90.0, env=env)
    try:
        assert sandbox.admin("POST", "/accounts", {"phone": ALICE, "push_name": "Alice"})[0] == 201
        assert sandbox.admin("POST", "/accounts", {"phone": BOB, "push_name": "Bob"})[0] == 201
        auth = tmp_path_factory.mktemp("baileys") / "auth"
        node.call("start", url=sandbox.url, root_key=sandbox.root_key, dir=str(auth))
        qr = node.call("wait_qr", timeout_ms=20000)["qr"]
        status, linked = sandbox.admin("POST", f"/accounts/{ALICE}/link", {"qr": qr})
        assert status == 200, linked
        node.call("wait_open", timeout_ms=30000)
        yield node
    finally:
        try:
            node.call("stop")
        finally:
            node.close()


def test_baileys_downloads_a_phones_image(sandbox: SandboxProcess, baileys: NodeProcess) -> None:
    picture = os.urandom(40_000)
    body = {
        "to": ALICE,
        "image": {
            "data": base64.b64encode(picture).decode(),
            "mimetype": "image/jpeg",
            "caption": "from Bob",
        },
    }
    status, sent = sandbox.admin("POST", f"/accounts/{BOB}/send", body)
    assert status == 200, sent
    got = baileys.call("download_media", id=sent["id"], timeout_ms=30000)
    assert got["sha256"] == hashlib.sha256(picture).hexdigest()
    assert got["size"] == len(picture)
    assert got["caption"] == "from Bob" and got["mimetype"] == "image/jpeg"


def test_baileys_downloads_wacli_s_image(
    sandbox: SandboxProcess, baileys: NodeProcess, tmp_path: Path
) -> None:
    store = tmp_path / "wacli"
    pair(sandbox, store, CAROL)
    # Alice has written to Carol from her phone: Carol's store holds Alice's privacy token
    # (the sandbox enforces the rule; without it the send is refused with 463).
    status, issued = sandbox.admin("POST", f"/accounts/{ALICE}/privacy-token", {"to": CAROL})
    assert status in (200, 201) and issued["notified"] == 1, issued
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(30_000))
    code, out, err = run(
        store,
        sandbox.url,
        sandbox.root_key,
        *("send", ALICE, "--file", str(picture), "--caption", "from wacli"),
        *("--media-ca", sandbox.endpoints["media_ca"]),
    )
    assert code == 0, err
    got = baileys.call("download_media", id=out.decode().strip(), timeout_ms=30000)
    assert got["sha256"] == hashlib.sha256(picture.read_bytes()).hexdigest()
    assert got["mimetype"] == "image/png" and got["caption"] == "from wacli"


def test_a_phone_decrypts_baileys_image(sandbox: SandboxProcess, baileys: NodeProcess) -> None:
    picture = os.urandom(25_000)
    sent = baileys.call(
        "send_image",
        to=f"{BOB}@s.whatsapp.net",
        data=base64.b64encode(picture).decode(),
        mimetype="image/jpeg",
        caption="from Baileys",
    )
    assert sent["url"].startswith("https://127.0.0.1:")
    inbox = inbox_when(
        sandbox,
        BOB,
        lambda inbox: any(e["id"] == sent["id"] for e in inbox),
        "Baileys' image in the phone's inbox",
    )
    found = [e for e in inbox if e["id"] == sent["id"]]
    entry = found[0]
    assert entry["media_kind"] == "image", entry
    assert entry["media_sha256"] == hashlib.sha256(picture).hexdigest()
    assert entry["media_size"] == len(picture)
    assert entry["message"]["imageMessage"]["caption"] == "from Baileys"


def test_baileys_gets_an_expired_image_uploaded_again(
    sandbox: SandboxProcess, baileys: NodeProcess
) -> None:
    """updateMediaMessage against the sandbox: its media retry receipt reaches Alice's
    phone, which uploads the file again and names the new path (wacli's own retry:
    tests/client/test_media_retry_sandbox.py)."""
    picture = os.urandom(25_000)
    image = {"data": base64.b64encode(picture).decode(), "mimetype": "image/jpeg"}
    status, sent = sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "image": image})
    assert status == 200, sent
    status, inbox = sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    assert status == 200, inbox
    [entry] = [e for e in inbox if e["id"] == sent["id"]]
    path = entry["message"]["imageMessage"]["directPath"]
    assert sandbox.admin("POST", "/media/expire", {"direct_path": path})[0] == 200
    got = baileys.call("redownload_media", id=sent["id"], timeout_ms=30000)
    assert got["sha256"] == hashlib.sha256(picture).hexdigest()
