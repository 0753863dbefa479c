"""Two accounts on one machine against the real sandbox: `--account a` and `--account b`
are paired to two simulated phones, each sends as itself, and `wacli accounts --json`
shows both paired with the devices the sandbox linked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.client.accounts import pair
from tests.client.support import LINE_TIMEOUT, Pipe, new_account
from wacli.sandbox.process import SandboxProcess

PHONE_A = "15550009101"
PHONE_B = "15550009102"
PEER = "15550009103"


def command(sandbox: SandboxProcess, data: Path, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "wacli", "--server", sandbox.url, "--noise-root", sandbox.root_key,
        *args,
    ]  # fmt: skip


def environment(data: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WACLI_")}
    return {**clean, "XDG_DATA_HOME": str(data)}


def wacli(sandbox: SandboxProcess, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(sandbox, data, *args),
        capture_output=True,
        text=True,
        env=environment(data),
        timeout=LINE_TIMEOUT,
    )


def pair_by_name(sandbox: SandboxProcess, data: Path, name: str, phone: str) -> dict:
    """`wacli --account NAME pair --phone` (the store path is never spelled out)."""
    new_account(sandbox, phone)
    args = command(sandbox, data, "--account", name, "pair", "--phone", f"+{phone}", "--json")
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(data)
    )
    assert proc.stdout is not None
    try:
        line = Pipe(proc.stdout.fileno()).line()
        assert line is not None, "no pairing code"
        first = json.loads(line)
        assert first["type"] == "pairing_code", first
        status, linked = sandbox.admin(
            "POST", f"/accounts/{phone}/link", {"code": first["data"]["code"]}
        )
        assert status == 200, linked
        _, err = proc.communicate(timeout=LINE_TIMEOUT)
        assert proc.returncode == 0, err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return linked


def inbox_entry(sandbox: SandboxProcess, phone: str, message_id: str) -> dict:
    status, entries = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, entries
    found = [e for e in entries if e["id"] == message_id]
    assert len(found) == 1, entries
    return found[0]


def test_two_accounts_side_by_side(sandbox: SandboxProcess, tmp_path: Path) -> None:
    data = tmp_path / "data"
    # a: paired through the computed path, b: through --account itself
    linked_a = pair(sandbox, data / "wacli" / "accounts" / "a", PHONE_A, push_name="Alpha")
    linked_b = pair_by_name(sandbox, data, "b", PHONE_B)
    new_account(sandbox, PEER)

    for name, phone in (("a", PHONE_A), ("b", PHONE_B)):
        sent = wacli(sandbox, data, "--account", name, "send", f"+{PEER}", f"from {name}")
        assert sent.returncode == 0, sent.stderr
        got = inbox_entry(sandbox, PEER, sent.stdout.strip())
        assert got["text"] == f"from {name}"
        assert got["from"].startswith(f"{phone}:")

    listed = wacli(sandbox, data, "accounts", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["name"]: row for row in map(json.loads, listed.stdout.splitlines())}
    assert sorted(rows) == ["a", "b", "default"]
    assert rows["default"]["paired"] is False
    for name, linked in (("a", linked_a), ("b", linked_b)):
        row = rows[name]
        assert row["paired"] is True and "error" not in row
        assert row["jid"] == linked["jid"]
        assert row["lid"] is not None and row["lid"].endswith("@lid")
        assert row["store"] == str(data / "wacli" / "accounts" / name)
        assert row["paired_at"].endswith("Z")
    assert rows["a"]["jid"].startswith(f"{PHONE_A}:") and rows["b"]["jid"].startswith(f"{PHONE_B}:")
    whoami = wacli(sandbox, data, "--account", "b", "whoami", "--json")
    assert whoami.returncode == 0, whoami.stderr
    assert json.loads(whoami.stdout)["jid"] == linked_b["jid"]
    # a paired account is not removed without --force
    refused = wacli(sandbox, data, "accounts", "remove", "a")
    assert refused.returncode == 2 and linked_a["jid"] in refused.stderr
    assert rows["a"]["store"] and (data / "wacli" / "accounts" / "a").is_dir()
