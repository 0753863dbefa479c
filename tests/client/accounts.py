"""Paired stores for the send/listen/presence tests: an account made and linked by code."""

from __future__ import annotations

import json
import os
import select
from pathlib import Path

import jsonschema

from tests.client.support import LINE_TIMEOUT, Wacli, new_account
from tests.sandbox.harness import SandboxProcess

SCHEMA = jsonschema.Draft202012Validator(
    json.loads((Path(__file__).resolve().parents[2] / "docs" / "events.schema.json").read_text()),
    format_checker=jsonschema.FormatChecker(),
)


def pair(sandbox: SandboxProcess, store: Path, phone: str) -> dict:
    """Create the account ``phone`` and link ``store`` to it with a pairing code."""
    new_account(sandbox, phone)
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--phone", f"+{phone}", "--json")
    first = wacli.event()
    assert first["type"] == "pairing_code"
    code = first["data"]["code"]
    status, linked = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": code})
    assert status == 200, linked
    exit_code, _, err = wacli.finish()
    assert exit_code == 0, err
    return linked


def valid(line: dict) -> dict:
    """The event line, after checking it against docs/events.schema.json."""
    SCHEMA.validate(line)
    return line


class Lines:
    """NDJSON lines of a running ``wacli`` read straight from the pipe (select() on the fd
    would miss lines a buffered reader already took in)."""

    def __init__(self, wacli: Wacli) -> None:
        self.wacli = wacli
        assert wacli.proc.stdout is not None
        self._fd = wacli.proc.stdout.fileno()
        self._buffer = b""

    def next(self, timeout: float = LINE_TIMEOUT) -> dict:
        """The next line, validated against the schema."""
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([self._fd], [], [], timeout)
            chunk = os.read(self._fd, 65536) if ready else b""
            if not chunk:
                _, _, err = self.wacli.finish()
                raise AssertionError(f"no event line; stderr: {err!r}")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return valid(json.loads(line))

    def next_of(self, kind: str) -> dict:
        while True:
            line = self.next()
            if line["type"] == kind:
                return line

    def rest(self) -> list[dict]:
        """Every line still to come until the process ends (after a kill or a signal)."""
        while chunk := os.read(self._fd, 65536):
            self._buffer += chunk
        self.wacli.proc.wait()
        lines, self._buffer = self._buffer.split(b"\n"), b""
        return [valid(json.loads(line)) for line in lines if line]
