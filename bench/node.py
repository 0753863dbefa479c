"""Drive an independent implementation (an npm package) from a Node script.

Shared by the interop tests and the benchmarks. Each script under tests/interop/js/
reads one JSON request per line on stdin and answers one JSON line per request on
stdout; bytes travel as base64.
One Node process serves a whole test module, so the WebAssembly and module
load costs are paid once. Every answer is waited for at most ``timeout`` seconds: a
script that says nothing for that long is killed and the call raises NodeTimeout.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

INTEROP_DIR = Path(__file__).resolve().parents[1] / "tests" / "interop"
JS_DIR = INTEROP_DIR / "js"


class NodeError(RuntimeError):
    """The Node side answered with an error for one request."""


class NodeTimeout(TimeoutError):
    """The Node script gave no answer within NodeProcess.timeout (it was killed)."""


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
            env={**os.environ, **(env or {})},
        )
        self._script = script
        self._pending = b""  # read from stdout, not yet a whole line

    def call(self, op: str, **params: Any) -> Any:
        """Send one request and return its result (NodeError for the script's error)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"op": op, **params}).encode() + b"\n")
        self.proc.stdin.flush()
        reply = json.loads(self._answer(op))
        if "error" in reply:
            raise NodeError(reply["error"])
        return reply.get("result")

    def _answer(self, op: str) -> bytes:
        """The next line on stdout, waited for at most ``timeout`` seconds."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + self.timeout
        chunks = [self._pending]
        while b"\n" not in chunks[-1]:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.proc.kill()
                self.proc.wait()
                raise NodeTimeout(f"{self._script}: no answer to {op!r} in {self.timeout:g} s")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise RuntimeError(f"node script exited (code {self.proc.wait()}) during {op!r}")
            chunks.append(chunk)
        line, _, self._pending = b"".join(chunks).partition(b"\n")
        return line

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
