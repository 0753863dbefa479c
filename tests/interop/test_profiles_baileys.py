"""Profiles and blocking between wacli and an unmodified Baileys over the sandbox: what
Baileys sets (updateProfileStatus, updateProfilePicture) `wacli profile` reads, what
`wacli profile set-about` sets Baileys' fetchStatus reads, and once wacli blocked
Baileys' account, Baileys' message is acked (Baileys sees it sent) but not delivered to
wacli, as the real server treats a blocked sender; after `wacli unblock` it is."""

# ruff: noqa: F811 (the tests take the fixtures imported from client_baileys_support)
from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import orjson

from tests.client.support import run, wait_until
from tests.interop.baileys import Baileys
from tests.interop.client_baileys_support import (  # noqa: F401 (fixtures)
    BAILEYS_PHONE,
    WACLI_PHONE,
    peers,
    sandbox,
)
from wacli.sandbox.process import SandboxProcess


def png(width: int = 4, height: int = 4) -> bytes:
    """A small grey PNG, an image Baileys' resizer (sharp) reads."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    assert code == 0, err
    return out.decode()


def test_wacli_reads_what_baileys_set_and_back(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict], tmp_path: Path
) -> None:
    baileys, account, store, wacli_account = peers
    baileys.call("update_profile_status", text="Baileys here")
    baileys.call("update_profile_picture", image=base64.b64encode(png()).decode())
    shown = orjson.loads(wacli(sandbox, store, "profile", "show", f"+{BAILEYS_PHONE}", "--json"))
    assert shown["about"] == "Baileys here" and shown["picture_id"] is not None
    out = tmp_path / "baileys.jpg"
    media_ca = sandbox.endpoints["media_ca"]
    wacli(
        sandbox, store, "profile", "picture", account["jid"], "-o", str(out), "--media-ca", media_ca
    )
    status, kept = sandbox.admin("GET", f"/accounts/{BAILEYS_PHONE}/profile")
    assert status == 200 and kept["picture"] is not None
    assert out.read_bytes() == base64.b64decode(kept["picture"])
    assert out.read_bytes().startswith(b"\xff\xd8")  # the JPEG Baileys made of the PNG
    wacli(sandbox, store, "profile", "set-about", "wacli here")
    found = baileys.call("fetch_status", jid=wacli_account["jid"])
    assert found["status"] == "wacli here"


def _reached_wacli(sandbox: SandboxProcess, message_id: str) -> bool:
    status, devices = sandbox.admin("GET", f"/accounts/{WACLI_PHONE}/acked")
    assert status == 200, devices
    return any(
        entry["id"] == message_id
        for device in devices.values()
        for entry in device["acked"] + device["pending"]
    )


def test_a_blocked_baileys_is_not_delivered(
    sandbox: SandboxProcess, peers: tuple[Baileys, dict, Path, dict]
) -> None:
    baileys, account, store, wacli_account = peers
    # Not about privacy tokens: Baileys may write to wacli's account without one.
    status, body = sandbox.admin(
        "PATCH", f"/accounts/{WACLI_PHONE}/privacy", {"require_token": False}
    )
    assert status == 200, body
    assert wacli(sandbox, store, "block", f"+{BAILEYS_PHONE}") == f"{account['jid']}\n"
    unwanted = baileys.call("send_text", to=wacli_account["jid"], text="blocked?")["id"]
    wacli(sandbox, store, "unblock", f"+{BAILEYS_PHONE}")
    wanted = baileys.call("send_text", to=wacli_account["jid"], text="unblocked")["id"]
    wait_until(lambda: _reached_wacli(sandbox, wanted), "the message after unblock")
    # The server handles one connection's stanzas in order: the first was dropped.
    assert not _reached_wacli(sandbox, unwanted)
