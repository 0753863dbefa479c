"""A ``wacli sandbox serve`` subprocess and a store paired with it, for the benchmarks.

The benchmarks do not import the test suite; this is their own small version of
what tests/sandbox/harness.py and tests/client/accounts.py do.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

WACLI = [sys.executable, "-m", "wacli"]


class Sandbox:
    """``wacli sandbox serve`` (privacy tokens enforced, as by default)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [*WACLI, "sandbox", "serve"], stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], 60.0)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            raise RuntimeError("wacli sandbox serve printed no endpoint line")
        self.endpoints: dict[str, str] = json.loads(line)

    def env(self, store: Path) -> dict[str, str]:
        """The environment that points a wacli command at this sandbox and ``store``."""
        return {
            **os.environ,
            "WACLI_STORE": str(store),
            "WACLI_SERVER": self.endpoints["url"],
            "WACLI_NOISE_ROOT": self.endpoints["noise_root_public_key"],
        }

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.endpoints["admin_url"] + path, data=data, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=30.0) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def account(self, phone: str, push_name: str) -> None:
        status, body = self.admin("POST", "/accounts", {"phone": phone, "push_name": push_name})
        if status not in (200, 201):
            raise RuntimeError(f"cannot create account {phone}: {body}")

    def pair(self, store: Path, phone: str) -> None:
        """Create account ``phone`` and link ``store`` to it with a pairing code."""
        self.account(phone, "Bench")
        proc = subprocess.Popen(
            [*WACLI, "pair", "--phone", f"+{phone}", "--json"],
            stdout=subprocess.PIPE,
            env=self.env(store),
            text=True,
        )
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        if first.get("type") != "pairing_code":
            proc.kill()
            raise RuntimeError(f"pair printed {first}")
        status, body = self.admin(
            "POST", f"/accounts/{phone}/link", {"code": first["data"]["code"]}
        )
        if status != 200:
            proc.kill()
            raise RuntimeError(f"link refused: {body}")
        proc.stdout.read()
        if proc.wait(60) != 0:
            raise RuntimeError("wacli pair failed")

    def give_token(self, phone: str, to: str) -> None:
        """The phone hands ``to`` its privacy token (as when it wrote first)."""
        status, body = self.admin("POST", f"/accounts/{phone}/privacy-token", {"to": to})
        if status != 200:
            raise RuntimeError(f"privacy token refused: {body}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
