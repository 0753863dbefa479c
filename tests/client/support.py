"""Shared by the end-to-end client tests: `wacli` as a subprocess, sandbox accounts."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

from tests.sandbox.harness import SandboxProcess

LINE_TIMEOUT = 60.0


class Wacli:
    """``python -m wacli --store … --server … --noise-root …`` as a running subprocess."""

    def __init__(self, store: Path, server: str, root: str, *args: str) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wacli",
                "--store",
                str(store),
                "--server",
                server,
                "--noise-root",
                root,
                *args,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={k: v for k, v in os.environ.items() if not k.startswith("WACLI_")},
        )

    def event(self) -> dict:
        """The next NDJSON line on stdout."""
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], LINE_TIMEOUT)
        line = self.proc.stdout.readline() if ready else b""
        assert line, f"no event line; stderr: {self.finish()[2]!r}"
        return json.loads(line)

    def finish(self) -> tuple[int, bytes, str]:
        out, err = self.proc.communicate(timeout=LINE_TIMEOUT)
        return self.proc.returncode, out, err.decode()


def run(store: Path, server: str, root: str, *args: str) -> tuple[int, bytes, str]:
    return Wacli(store, server, root, *args).finish()


def new_account(sandbox: SandboxProcess, phone: str) -> dict:
    status, body = sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": "Tester"})
    assert status in (200, 201), body
    return body
