"""The unmodified Baileys client of the sandbox interop tests (js/baileys_client.mjs):
one Node process per test, its multi-file auth state in the test's temp dir."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.node import NodeProcess
from wacli.sandbox.process import SandboxProcess


class Baileys:
    def __init__(self, node: NodeProcess, auth_dir: Path) -> None:
        self.node = node
        self.auth_dir = auth_dir

    def call(self, op: str, **params: object) -> dict:
        return self.node.call(op, **params)

    def start(self, sandbox: SandboxProcess, **options: object) -> None:
        """A fresh Baileys with its multi-file auth state in a temp dir, pointed at us."""
        self.call(
            "start", url=sandbox.url, root_key=sandbox.root_key, dir=str(self.auth_dir), **options
        )


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
