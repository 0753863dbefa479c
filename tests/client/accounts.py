"""Paired stores for the send/listen/presence tests: an account made and linked by code."""

from __future__ import annotations

from pathlib import Path

from tests.client.support import Lines, Wacli, new_account, valid
from wacli.sandbox.process import SandboxProcess

__all__ = ["Lines", "link_by_code", "pair", "valid"]


def pair(
    sandbox: SandboxProcess,
    store: Path,
    phone: str,
    push_name: str = "Tester",
    *,
    create: bool = True,
) -> dict:
    """Create the account ``phone`` (unless it exists: ``create=False``) and link ``store``
    to it with a pairing code."""
    if create:
        new_account(sandbox, phone, push_name)
    return link_by_code(sandbox, store, phone)[0]


def link_by_code(sandbox: SandboxProcess, store: Path, phone: str) -> tuple[dict, str]:
    """Link ``store`` to the existing account ``phone`` with a pairing code: the linked
    device, and what ``wacli pair`` wrote on stderr."""
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--phone", f"+{phone}", "--json")
    first = wacli.event()
    assert first["type"] == "pairing_code"
    code = first["data"]["code"]
    status, linked = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": code})
    assert status == 200, linked
    exit_code, _, err = wacli.finish()
    assert exit_code == 0, err
    return linked, err
