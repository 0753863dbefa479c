"""Secrets stay off stdout (issue 11, item 17): every line the real `wacli listen` writes
while the phone shares its app-state key, pushes history through the media server and a
contact writes is free of the store's key material — the app-state keys, the Signal
and Noise private keys, the ADV secret — in any of the encodings a line could hold it
(base64, base64url, hex). The message lines still come (docs/events.schema.json), with
the key fields left out."""

from __future__ import annotations

import base64
import json
import signal
import sqlite3
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import LINE_TIMEOUT, Wacli, new_account, valid
from wacli.sandbox.process import SandboxProcess
from wacli.store import DB_NAME

ME = "15550009301"
PEER = "15550009302"
KEY_COLUMNS = {  # table: the columns that hold secrets
    "appstate_keys": ("key_data",),
    "device": ("identity_private",),
    "prekeys": ("private",),
    "signed_prekeys": ("private",),
    "account": ("noise_private", "adv_secret"),
}


def key_material(store: Path) -> set[bytes]:
    """Every secret the store holds in the columns above."""
    found: set[bytes] = set()
    with sqlite3.connect(f"file:{store / DB_NAME}?mode=ro", uri=True) as db:
        for table, columns in KEY_COLUMNS.items():
            for row in db.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                found.update(bytes(value) for value in row)
    return found


def spellings(secret: bytes) -> set[str]:
    """How a line could spell ``secret``: base64 (padded or not), base64url, hex."""
    padded = base64.b64encode(secret).decode()
    url = base64.urlsafe_b64encode(secret).decode()
    return {padded, padded.rstrip("="), url.rstrip("="), secret.hex(), secret.hex().upper()}


class Stream:
    """Every line a running `wacli listen` writes, kept as written."""

    def __init__(self, wacli: Wacli) -> None:
        self.wacli = wacli
        self.lines: list[bytes] = []

    def until(self, kind: str, message_id: str | None = None) -> None:
        """Read on until a line of type ``kind`` (about ``message_id``, if given)."""
        while True:
            raw = self.wacli.stdout.line(LINE_TIMEOUT)
            assert raw is not None, self.wacli.finish()
            self.lines.append(raw)
            event = valid(json.loads(raw))
            if event["type"] == kind and (
                message_id is None or event["data"]["info"]["id"] == message_id
            ):
                return

    def stop(self) -> bytes:
        """SIGTERM; the whole stream, the lines written meanwhile included."""
        self.wacli.proc.send_signal(signal.SIGTERM)
        rest = self.wacli.stdout.drain()
        assert self.wacli.proc.wait(LINE_TIMEOUT) == 0
        return b"\n".join(self.lines) + b"\n" + rest


def test_listen_writes_no_key_material(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "store"
    pair(sandbox, store, ME)
    new_account(sandbox, PEER, "Peer")
    ca = sandbox.endpoints["media_ca"]
    listen = Stream(Wacli(store, sandbox.url, sandbox.root_key, "listen", "--media-ca", ca))
    listen.until("connected")
    chat = f"{PEER}@s.whatsapp.net"
    status, _ = sandbox.admin("POST", f"/accounts/{ME}/app-state", {"chat": chat, "pin": True})
    assert status == 200  # the phone shares its app-state key first
    listen.until("pin_update")
    history = {
        "conversations": [{"id": PEER, "messages": [{"id": "OLD1", "text": "from before"}]}],
        "blob": True,  # a notification with a media key, as the real phone sends it
    }
    assert sandbox.admin("POST", f"/accounts/{ME}/history", history)[0] == 200
    listen.until("history_sync")
    status, sent = sandbox.admin("POST", f"/accounts/{PEER}/send", {"to": ME, "text": "hello"})
    assert status == 200
    listen.until("message", sent["id"])
    stream = listen.stop()

    secrets = key_material(store)
    assert any(len(secret) == 32 for secret in secrets)  # an app-state key among them
    assert stream.count(b"\n") >= 5
    text = stream.decode()
    leaked = [s for secret in secrets for s in spellings(secret) if s in text]
    assert leaked == []

    protocol = [
        json.loads(raw)["data"]["message"]["protocol_message"]
        for raw in stream.splitlines()
        if b'"type":"message"' in raw and b'"protocol_message"' in raw
    ]
    shares = [p["app_state_sync_key_share"] for p in protocol if "app_state_sync_key_share" in p]
    notes = [p["history_sync_notification"] for p in protocol if "history_sync_notification" in p]
    assert shares and notes  # both still shown, without their keys
    assert all("key_data" not in key.get("key_data", {}) for s in shares for key in s["keys"])
    assert all("key_id" in key for s in shares for key in s["keys"])
    assert all("media_key" not in note and note["direct_path"] for note in notes)
