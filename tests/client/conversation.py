"""A running `wacli listen` that a sandbox phone talks to, and what `wacli history` then says:
for the end-to-end tests of how messages are archived."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

from tests.client.support import Lines, Wacli, run, valid
from wacli.sandbox.process import SandboxProcess


class Listener:
    """`wacli listen` on one store, waited on until it is connected."""

    def __init__(self, sandbox: SandboxProcess, store: Path) -> None:
        self.lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
        self.lines.next_of("connected")

    def message(self, message_id: str) -> dict:
        """The ``message`` line of ``message_id`` (the lines before it are passed over),
        checked against docs/events.schema.json."""
        while True:
            line = self.lines.next_of("message")
            if line["data"]["info"]["id"] == message_id:
                return valid(line)["data"]

    def close(self) -> None:
        """SIGTERM, and a clean exit 0."""
        proc = self.lines.wacli.proc
        proc.send_signal(signal.SIGTERM)
        self.lines.rest()
        assert proc.returncode == 0
        assert proc.stderr is not None and b"Traceback" not in proc.stderr.read()


def phone_sends(sandbox: SandboxProcess, phone: str, to: str, message: dict[str, Any]) -> str:
    """The sandbox phone ``phone`` sends a Message (protobuf JSON) to ``to``; its id."""
    status, body = sandbox.admin("POST", f"/accounts/{phone}/send", {"to": to, "message": message})
    assert status == 200, body
    return body["id"]


def phone_received(sandbox: SandboxProcess, phone: str, message_id: str) -> dict:
    """The inbox entry of ``message_id`` as the sandbox phone ``phone`` decrypted it (its
    ``message`` as protobuf JSON, and what the phone found of its file)."""
    status, entries = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, entries
    return next(entry for entry in entries if entry["id"] == message_id)


def history(sandbox: SandboxProcess, store: Path, *args: str) -> list[dict]:
    """`wacli history --json ARGS…` as rows, oldest first."""
    code, out, err = run(store, sandbox.url, sandbox.root_key, "history", "--json", *args)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def history_lines(sandbox: SandboxProcess, store: Path, *args: str) -> list[str]:
    """`wacli history ARGS…` as its plain lines."""
    code, out, err = run(store, sandbox.url, sandbox.root_key, "history", *args)
    assert code == 0, err
    return out.decode().splitlines()
