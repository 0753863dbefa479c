"""Drive an independent implementation (an npm package) from a Node script.

Shared by the interop tests and the benchmarks. Each script under tests/interop/js/
reads one JSON request per line on stdin and answers one JSON line per request on
stdout; bytes travel as base64.
One Node process serves a whole test module, so the WebAssembly and module
load costs are paid once.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

INTEROP_DIR = Path(__file__).resolve().parents[1] / "tests" / "interop"
JS_DIR = INTEROP_DIR / "js"


class NodeError(RuntimeError):
    """The Node side answered with an error for one request."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


class NodeProcess:
    """A long-lived ``node js/<script>`` speaking NDJSON request/response."""

    def __init__(
        self, script: str, timeout: float = 60.0, env: dict[str, str] | None = None
    ) -> None:
        """``env`` adds to the environment (e.g. NODE_EXTRA_CA_CERTS for the sandbox's CA)."""
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node is not installed; the interop tests need Node.js")
        if not (INTEROP_DIR / "node_modules").is_dir():
            raise RuntimeError("tests/interop/node_modules is missing: run tests/run (npm ci)")
        self.timeout = timeout
        self.proc = subprocess.Popen(
            [node, str(JS_DIR / script)],
            cwd=INTEROP_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,
            text=True,
            bufsize=1,
            env={**os.environ, **(env or {})},
        )

    def call(self, op: str, **params: Any) -> Any:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"op": op, **params}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"node script exited (code {self.proc.poll()}) during {op!r}")
        reply = json.loads(line)
        if "error" in reply:
            raise NodeError(reply["error"])
        return reply.get("result")

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> NodeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
