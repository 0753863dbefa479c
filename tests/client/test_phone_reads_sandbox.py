"""A phone reads what wacli sent (docs/sandbox-admin.md: ``POST
/admin/accounts/{phone}/read``): the real `wacli listen` prints the `receipt` event of
type read, and the README's read-receipt recipe (section "Recipes") picks it out."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import LINE_TIMEOUT, Wacli, new_account, run
from wacli.sandbox.process import SandboxProcess

ME = "15550009101"
PHONE = "15550009102"
READER = "15550009103"
GROUP_ME, GROUP_PEER = "15550009104", "15550009105"
README = Path(__file__).resolve().parents[2] / "README.md"


def read_recipe() -> list[str]:
    """The jq arguments of the README's "which of my messages were read" recipe."""
    text = README.read_text()
    found = re.search(r"# which of my messages were read.*\n(wacli listen [^|]*)\| jq (.*)\n", text)
    assert found is not None, "the README lost its read-receipt recipe"
    return shlex.split(found.group(2))


def read_receipt(sandbox: SandboxProcess, store: Path) -> tuple[bytes, dict]:
    """What `wacli listen --type receipt` printed up to its first read receipt, and that."""
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "receipt")
    raw = b""
    while True:
        line = listen.stdout.line(LINE_TIMEOUT)
        assert line is not None, listen.finish()
        raw += line + b"\n"
        data = json.loads(line)["data"]
        if data["type"] == "read":
            break
    listen.proc.send_signal(signal.SIGTERM)
    assert listen.proc.wait(LINE_TIMEOUT) == 0
    return raw, data


def test_a_phone_reads_and_listen_shows_it(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "store"
    pair(sandbox, store, ME)
    new_account(sandbox, PHONE, "Reader")
    sent = []
    for text in ("one", "two"):
        code, out, err = run(store, sandbox.url, sandbox.root_key, "send", PHONE, text)
        assert code == 0, err
        sent.append(out.decode().strip())

    status, answer = sandbox.admin("POST", f"/accounts/{PHONE}/read", {"chat": ME, "ids": sent})
    assert status == 200, answer
    assert answer == {"chat": f"{ME}@s.whatsapp.net", "ids": sent}

    raw, data = read_receipt(sandbox, store)
    assert data["message_ids"] == sent
    assert data["source"]["chat"] == f"{PHONE}@s.whatsapp.net"
    reader = data["source"]["sender"]
    assert reader.split("@")[0].split(":")[0] == PHONE

    jq = shutil.which("jq")
    if jq is None:
        pytest.skip("the recipe needs jq")
    recipe = subprocess.run([jq, *read_recipe()], input=raw, capture_output=True, timeout=30)
    assert recipe.returncode == 0, recipe.stderr
    ids = ",".join(f'"{one}"' for one in sent)
    assert recipe.stdout.decode() == f'{{"by":"{reader}","ids":[{ids}]}}\n'


def test_a_group_member_reads(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "store"
    pair(sandbox, store, GROUP_ME)
    new_account(sandbox, GROUP_PEER, "Member")
    status, group = sandbox.admin(
        "POST", "/groups", {"subject": "Reads", "creator": GROUP_PEER, "participants": [GROUP_ME]}
    )
    assert status == 201, group
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", group["jid"], "all")
    assert code == 0, err
    sent = out.decode().strip()
    body = {"chat": group["jid"], "author": GROUP_ME, "ids": [sent]}
    assert sandbox.admin("POST", f"/accounts/{GROUP_PEER}/read", body)[0] == 200
    _, data = read_receipt(sandbox, store)
    assert data["message_ids"] == [sent]
    assert data["source"]["chat"] == group["jid"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"chat": ME, "ids": []}, 400),
        ({"chat": ME, "ids": "3EB0"}, 400),
        ({"chat": "no@such@jid", "ids": ["3EB0"]}, 400),
        ({"chat": "120363000000000001@g.us", "author": ME, "ids": ["3EB0"]}, 404),
        ({"chat": "15550009199", "ids": ["3EB0"]}, 404),  # nobody has that number
    ],
)
def test_a_bad_read_is_refused(sandbox: SandboxProcess, body: dict, status: int) -> None:
    if not any(a["jid"].startswith(READER) for a in sandbox.admin("GET", "/accounts")[1]):
        new_account(sandbox, READER, "Checker")
    answer = sandbox.admin("POST", f"/accounts/{READER}/read", body)
    assert answer[0] == status, answer
