"""The unmodified Baileys client of the sandbox interop tests (js/baileys_client.mjs):
one Node process per test, its multi-file auth state in the test's temp dir."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.node import NodeProcess
from tests.client.support import wait_until
from wacli.sandbox.process import SandboxProcess


class Baileys:
    def __init__(self, node: NodeProcess, auth_dir: Path) -> None:
        self.node = node
        self.auth_dir = auth_dir

    def call(self, op: str, **params: object) -> dict[str, Any]:
        answer: dict[str, Any] = self.node.call(op, **params)
        return answer

    def start(self, sandbox: SandboxProcess, **options: object) -> None:
        """A fresh Baileys with its multi-file auth state in a temp dir, pointed at us."""
        self.call(
            "start", url=sandbox.url, root_key=sandbox.root_key, dir=str(self.auth_dir), **options
        )

    def link(self, sandbox: SandboxProcess, phone: str) -> None:
        """Start without history and link as a companion of the existing account ``phone``
        by QR; returns once the connection is open."""
        self.start(sandbox, history=False)
        qr = self.call("wait_qr", timeout_ms=20000)["qr"]
        status, body = sandbox.admin("POST", f"/accounts/{phone}/link", {"qr": qr})
        assert status == 200, body
        self.call("wait_open", timeout_ms=30000)


@contextmanager
def running_baileys(auth_dir: Path, **node_options: object) -> Iterator[Baileys]:
    node = NodeProcess("baileys_client.mjs", timeout=90.0, **node_options)  # type: ignore[arg-type]
    try:
        yield Baileys(node, auth_dir)
    finally:
        try:
            node.call("stop")  # ends the socket; the process then exits
        finally:
            node.close()


# -- bounded polls of the sandbox's state (docs/sandbox-admin.md), never fixed delays -------


def stats_when(
    sandbox: SandboxProcess, check: Callable[[dict[str, Any]], bool], what: str
) -> dict[str, Any]:
    """``GET /admin/stats`` once ``check`` holds for it (AssertionError naming ``what``
    when it never does)."""
    seen: dict[str, Any] = {}

    def holds() -> bool:
        status, answer = sandbox.admin("GET", "/stats")
        assert status == 200, answer
        seen.update(answer)
        return check(answer)

    wait_until(holds, what)
    return seen


def settled(sandbox: SandboxProcess) -> dict[str, Any]:
    """The stats once every queued stanza was acked (``acks_pending`` 0)."""
    return stats_when(sandbox, lambda stats: stats["acks_pending"] == 0, "no acks pending")


def inbox_when(
    sandbox: SandboxProcess, phone: str, check: Callable[[list[dict[str, Any]]], bool], what: str
) -> list[dict[str, Any]]:
    """``phone``'s inbox once ``check`` holds for it."""
    seen: list[dict[str, Any]] = []

    def holds() -> bool:
        status, inbox = sandbox.admin("GET", f"/accounts/{phone}/inbox")
        assert status == 200, inbox
        seen[:] = inbox
        return check(inbox)

    wait_until(holds, what)
    return seen


def inbox_with_text(sandbox: SandboxProcess, phone: str, text: str) -> list[dict[str, Any]]:
    """``phone``'s inbox once a message with ``text`` is in it."""
    return inbox_when(
        sandbox,
        phone,
        lambda inbox: any(entry["text"] == text for entry in inbox),
        f"{text!r} in the inbox of {phone}",
    )


def nothing_pending(sandbox: SandboxProcess, phone: str) -> bool:
    """Whether every companion of ``phone`` has acked all that was queued for it."""
    status, devices = sandbox.admin("GET", f"/accounts/{phone}/acked")
    assert status == 200, devices
    return all(not device["pending"] for device in devices.values())
