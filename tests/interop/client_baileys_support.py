"""What the wacli-and-Baileys client tests share: one sandbox per module, and Baileys and a
wacli store each linked to their own account of it (``peers``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.node import NodeProcess
from tests.client.accounts import pair
from tests.client.support import run
from tests.interop.baileys import Baileys
from wacli.sandbox.process import SandboxProcess

BAILEYS_PHONE = "15550007001"
WACLI_PHONE = "15550007002"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess() as server:
        yield server


@pytest.fixture(scope="module")
def peers(
    sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Baileys, dict, Path, dict]]:
    """(Baileys linked to BAILEYS_PHONE by QR, its account, the wacli store linked to
    WACLI_PHONE by code, that account)."""
    base = tmp_path_factory.mktemp("client-baileys")
    status, account = sandbox.admin(
        "POST", "/accounts", {"phone": BAILEYS_PHONE, "push_name": "Bailey"}
    )
    assert status == 201, account
    # Baileys trusts the sandbox's media host, to upload and download files.
    env = {"NODE_EXTRA_CA_CERTS": sandbox.endpoints["media_ca"]}
    node = NodeProcess("baileys_client.mjs", timeout=90.0, env=env)
    try:
        baileys = Baileys(node, base / "baileys-auth")
        # No history sync comes from the sandbox's phones: don't let Baileys wait for one.
        baileys.start(sandbox, history=False)
        qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
        status, linked = sandbox.admin("POST", f"/accounts/{BAILEYS_PHONE}/link", {"qr": qr})
        assert status == 200, linked
        baileys.call("wait_open", timeout_ms=30000)
        store = base / "wacli"
        linked_wacli = pair(sandbox, store, WACLI_PHONE)
        wacli_account = {key: bare(linked_wacli[key]) for key in ("jid", "lid")}
        yield baileys, account, store, wacli_account
    finally:
        try:
            node.call("stop")
        finally:
            node.close()


def bare(jid: str) -> str:
    """The account JID of a device JID (``user:device@server`` -> ``user@server``)."""
    user, server = jid.split("@")
    return f"{user.split(':')[0]}@{server}"


def wacli_send(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", *args)
    assert code == 0, err
    return out.decode().strip()
