"""README's "Try it offline" script, run as written by bash with the real `wacli`, `jq` and
`curl`: it starts the sandbox, waits for its line, creates Alice's phone and pairs a store
by code. Afterwards the store says who it is linked as, and the sandbox is stopped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def try_it_offline() -> str:
    """The fenced script under "## Try it offline"."""
    section = (ROOT / "README.md").read_text().split("\n## Try it offline\n", 1)[1]
    return section.split("```sh\n", 1)[1].split("\n```", 1)[0]


@pytest.mark.skipif(
    shutil.which("jq") is None or shutil.which("curl") is None, reason="needs jq and curl"
)
def test_the_offline_demo_pairs_a_store(tmp_path: Path) -> None:
    script = try_it_offline()
    assert "sleep 1\n" not in script  # it waits for the sandbox's line, not a guess
    # What a person types next, and the clean-up: the store is Alice's, then stop.
    after = '\nwacli whoami --json > "$demo/whoami.json"\nkill "$sandbox"; wait "$sandbox"\n'
    env = {key: value for key, value in os.environ.items() if not key.startswith("WACLI_")} | {
        "TMPDIR": str(tmp_path),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script + after],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # curl's answer is a line of its own, then pair's events: the code, the success, then
    # those of the first login.
    account = json.loads(lines[0])
    assert account["jid"] == "15550001111@s.whatsapp.net", account
    events = [json.loads(line) for line in lines[1:]]
    types = [event["type"] for event in events]
    assert types[:2] == ["pairing_code", "pair_success"] and types[-1] == "connected", types
    (demo,) = tmp_path.glob("tmp*")
    whoami = json.loads((demo / "whoami.json").read_text())
    assert whoami["jid"].startswith("15550001111:")
