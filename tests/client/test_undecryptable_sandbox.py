"""A message that does not decrypt, end to end: the phone sends a damaged ciphertext
(admin send with "corrupt"), `wacli listen` prints undecryptable_message and answers with
a retry receipt, the phone resends from a fresh session, and the message line follows."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account
from wacli.sandbox.process import SandboxProcess

ME = "15550008301"
PHONE = "15550008302"


def test_undecryptable_then_resent(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "store"
    pair(sandbox, store, ME)
    new_account(sandbox, PHONE, push_name="Pat")
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    listen.event_of("connected")

    for n, first in enumerate((True, False)):  # from a new session (pkmsg), then an old one
        status, body = sandbox.admin(
            "POST", f"/accounts/{PHONE}/send", {"to": ME, "text": f"damaged {n}", "corrupt": True}
        )
        assert status == 200, body
        failed = listen.event_of("undecryptable_message")["data"]
        assert failed["info"]["id"] == body["id"]
        assert failed["info"]["sender"].startswith(f"{PHONE}")
        assert failed["info"]["push_name"] == "Pat"
        resent = listen.event_of("message")["data"]
        assert resent["info"]["id"] == body["id"] and resent["text"] == f"damaged {n}", first

    status, body = sandbox.admin("POST", "/accounts/15550008302/send", {"to": ME, "corrupt": 1})
    assert status == 400, body
    listen.proc.send_signal(signal.SIGTERM)
    listen.rest()
    assert listen.proc.returncode == 0
