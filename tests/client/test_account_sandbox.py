"""`wacli whoami` and `wacli logout` against the real sandbox: who the store is linked as,
then unlinking it at the server (the phone's device list loses it, the store forgets it,
the archive stays)."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from tests.client.accounts import Lines, pair
from tests.client.support import Wacli, new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

ME = "15550004001"
PEER = "15550004002"


def devices(sandbox: SandboxProcess, phone: str) -> list[int]:
    status, accounts = sandbox.admin("GET", "/accounts")
    assert status == 200, accounts
    return next(a["devices"] for a in accounts if a["jid"] == f"{phone}@s.whatsapp.net")


def test_whoami_then_logout(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "store"
    server, root = sandbox.url, sandbox.root_key
    code, _, err = run(store, server, root, "whoami")
    assert code == ExitCode.NOT_PAIRED and err.count("\n") == 1, err

    linked = pair(sandbox, store, ME)
    code, out, err = run(store, server, root, "whoami", "--json")
    assert code == 0, err
    me = json.loads(out)
    assert me["phone"] == ME
    assert me["jid"].startswith(f"{ME}:") and me["jid"].endswith("@s.whatsapp.net")
    assert me["lid"] is not None and me["lid"].endswith("@lid")
    assert me["paired_at"].endswith("Z")
    device = int(me["jid"].split(":")[1].split("@")[0])
    assert device in devices(sandbox, ME), linked
    code, out, err = run(store, server, root, "whoami")
    assert code == 0, err
    assert out.decode().startswith(f"+{ME}  device {me['jid']}  lid {me['lid']}")

    new_account(sandbox, PEER)
    code, out, err = run(store, server, root, "send", PEER, "before logout")
    assert code == 0, err
    sent_id = out.decode().strip()

    code, out, err = run(store, server, root, "logout")
    assert code == 0, err
    assert out == b""
    assert f"logged out {me['jid']}" in err
    assert device not in devices(sandbox, ME)

    code, _, err = run(store, server, root, "whoami")
    assert code == ExitCode.NOT_PAIRED, err
    code, _, err = run(store, server, root, "send", PEER, "after logout")
    assert code == ExitCode.NOT_PAIRED and err.count("\n") == 1, err
    code, _, err = run(store, server, root, "logout")
    assert code == ExitCode.NOT_PAIRED, err
    with Store(store) as opened:  # what was archived before stays readable
        assert Archive(opened).message(f"{PEER}@s.whatsapp.net", sent_id) is not None


NAMELESS, NAMED, FRIEND = "15550004003", "15550004004", "15550004005"


def test_whoami_shows_the_push_name_after_code_pairing(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    """The name comes with the login after the pairing (<success display_name>); a store
    whose server named none takes it from the first message of our own phone."""
    server, root = sandbox.url, sandbox.root_key
    named = tmp_path / "named"
    pair(sandbox, named, NAMED, "Nora")
    code, out, err = run(named, server, root, "whoami", "--json")
    assert code == 0 and json.loads(out)["push_name"] == "Nora", err
    code, out, err = run(named, server, root, "whoami")
    assert code == 0 and "  name 'Nora'  " in out.decode(), err

    store = tmp_path / "nameless"
    pair(sandbox, store, NAMELESS, "")  # the phone has no name yet
    code, out, err = run(store, server, root, "whoami", "--json")
    assert code == 0 and json.loads(out)["push_name"] is None, err
    new_account(sandbox, FRIEND)
    listener = Lines(Wacli(store, server, root, "listen"))
    try:
        listener.next_of("connected")  # its login named no one: the phone had no name then
        status, body = sandbox.admin("POST", f"/accounts/{NAMELESS}/profile", {"push_name": "Nina"})
        assert status == 200, body
        status, body = sandbox.admin(
            "POST", f"/accounts/{NAMELESS}/send", {"to": FRIEND, "text": "hi"}
        )
        assert status == 200, body
        update = listener.next_of("self_push_name_updated")["data"]
        assert update == {"from_server": False, "old_name": None, "new_name": "Nina"}
    finally:
        listener.wacli.proc.send_signal(signal.SIGTERM)
        listener.rest()
    code, out, err = run(store, server, root, "whoami")
    assert code == 0 and "  name 'Nina'  " in out.decode(), err
