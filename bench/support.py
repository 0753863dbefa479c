"""A sandbox with accounts and a store paired with it, for the benchmarks.

``Sandbox`` is wacli.sandbox.process's ``wacli sandbox serve`` child plus the few admin
steps the benchmarks take (docs/sandbox-admin.md): accounts, linking a store by
pairing code through the real ``wacli pair``, privacy tokens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.node import NodeProcess
from wacli.sandbox.process import SandboxProcess

WACLI = [sys.executable, "-m", "wacli"]


class Sandbox(SandboxProcess):
    """``wacli sandbox serve`` (privacy tokens enforced, as by default)."""

    def env(self, store: Path) -> dict[str, str]:
        """The environment that points a wacli command at this sandbox and ``store``."""
        return {
            **os.environ,
            "WACLI_STORE": str(store),
            "WACLI_SERVER": self.url,
            "WACLI_NOISE_ROOT": self.root_key,
        }

    def account(self, phone: str, push_name: str) -> None:
        status, body = self.admin("POST", "/accounts", {"phone": phone, "push_name": push_name})
        if status not in (200, 201):
            raise RuntimeError(f"cannot create account {phone}: {body}")

    def pair(self, store: Path, phone: str, push_name: str = "Bench") -> None:
        """Create account ``phone`` and link ``store`` to it with a pairing code."""
        self.account(phone, push_name)
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

    def link_baileys(self, directory: Path, phone: str, push_name: str = "Baileys") -> None:
        """Create account ``phone`` and link an unmodified Baileys 7 to it by QR, its
        credentials saved in ``directory`` (useMultiFileAuthState) for later runs."""
        self.account(phone, push_name)
        baileys = NodeProcess("bench_baileys.mjs", timeout=120.0)
        try:
            baileys.call("start", url=self.url, root_key=self.root_key, dir=str(directory))
            qr = baileys.call("wait_qr")["qr"]
            status, body = self.admin("POST", f"/accounts/{phone}/link", {"qr": qr})
            if status != 200:
                raise RuntimeError(f"link refused: {body}")
            baileys.call("wait_open")
            baileys.call("stop")
        finally:
            baileys.close()
