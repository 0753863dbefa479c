"""``wacli sandbox serve`` as a child process: start it, read its ready line, drive its
admin API (docs/sandbox-admin.md), stop it.

The one way the tests, the interop tests and the benchmarks run a sandbox out of
process. The ready line is the JSON object ``serve`` prints once it listens (the
``Endpoints`` of wacli.sandbox.server).
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

STARTUP_TIMEOUT = 20.0


def admin_headers(token: str | None) -> dict[str, str]:
    """What every admin request carries (docs/sandbox-admin.md, "Who may call it"): its
    body's type, and the bearer token when the ready line has one."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


class SandboxProcess:
    """``wacli sandbox serve`` as a subprocess; ``.endpoints`` is its ready line.

    ``extra`` are more ``serve`` arguments, e.g. ``"--privacy-tokens", "off"`` (the
    default is the server's: tokens enforced). ``python_args`` go between the
    interpreter and ``-m wacli`` (e.g. ``-m cProfile -o FILE``).
    """

    def __init__(
        self,
        state: Path | None = None,
        *extra: str,
        python_args: Sequence[str] = (),
        startup_timeout: float = STARTUP_TIMEOUT,
    ) -> None:
        args = [sys.executable, *python_args, "-m", "wacli", "sandbox", "serve", *extra]
        if state is not None:
            args += ["--state", str(state)]
        self.proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=None, text=True, env={**os.environ}
        )
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], startup_timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.stop()
            raise RuntimeError("wacli sandbox serve printed no endpoint line")
        self.endpoints: dict[str, str] = json.loads(line)

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def url(self) -> str:
        return self.endpoints["url"]

    @property
    def root_key(self) -> str:
        return self.endpoints["noise_root_public_key"]

    def admin(self, method: str, path: str, body: Any = None, timeout: float = 30.0) -> Any:
        """(status, JSON) of an admin request; 4xx/5xx are returned, not raised."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.endpoints["admin_url"] + path,
            data=data,
            method=method,
            headers=admin_headers(self.endpoints.get("admin_token")),
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> int:
        """Signal the server and wait for its exit code (killed when it overstays)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
        finally:
            if self.proc.stdout is not None:
                self.proc.stdout.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.stop()
