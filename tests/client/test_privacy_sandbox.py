"""`wacli privacy`, `wacli block`/`unblock`/`blocklist` end to end against the real sandbox:
settings read and changed per account (``<iq xmlns="privacy">``), a blocked contact's
messages acked to its phone but delivered to none of our devices (as the real server
does: one tick for the sender), and a second companion of the account hearing of both
changes as ``account_sync`` notifications (whatsmeow's Blocklist and PrivacySettings
events), shown by `wacli listen` as ``blocklist_update`` / ``privacy_settings_update``;
read receipts turned off there make a running ``listen --mark-read`` send ``read-self``."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.client.accounts import Lines, pair
from tests.client.support import Wacli, new_account, run, stop, wait_until
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550009401"
PEST = "15550009402"  # its phone alone
PEER = "15550009403"  # an account with a companion, to see our picture


@pytest.fixture(scope="module")
def stores(
    sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("privacy")
    pair(sandbox, base / "me", ME)
    pair(sandbox, base / "other", ME, create=False)  # a second companion of ours
    pair(sandbox, base / "peer", PEER)
    new_account(sandbox, PEST)
    return base / "me", base / "other", base / "peer"


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    assert code == 0, err
    return out.decode()


def companion_got(sandbox: SandboxProcess, message_id: str) -> bool:
    status, devices = sandbox.admin("GET", f"/accounts/{ME}/acked")
    assert status == 200, devices
    queued = [e for d in devices.values() for e in d["acked"] + d["pending"]]
    return any(entry["id"] == message_id for entry in queued)


def receipts_of(sandbox: SandboxProcess, phone: str, kind: str, message_id: str) -> list[dict]:
    status, body = sandbox.admin("GET", f"/accounts/{phone}/receipts")
    assert status == 200, body
    return [r for r in body if r["type"] == kind and message_id in r["ids"]]


def phone_sends(sandbox: SandboxProcess, text: str) -> str:
    status, body = sandbox.admin("POST", f"/accounts/{PEST}/send", {"to": ME, "text": text})
    assert status == 200, body
    return body["id"]


def test_settings_shown_and_changed(
    sandbox: SandboxProcess, stores: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    me, _, peer = stores
    shown = orjson.loads(wacli(sandbox, me, "privacy", "--json"))
    assert shown == {
        "last-seen": "all",
        "online": "all",
        "picture": "all",
        "about": "all",
        "groups": "all",
        "read-receipts": "all",
    }
    assert wacli(sandbox, me, "privacy", "set", "last-seen", "contacts") == ""
    assert "last-seen      contacts\n" in wacli(sandbox, me, "privacy")
    code, _, err = run(me, sandbox.url, sandbox.root_key, "privacy", "set", "online", "none")
    assert code == ExitCode.USAGE and "all, match_last_seen" in err
    code, _, err = run(me, sandbox.url, sandbox.root_key, "privacy", "set", "mood", "all")
    assert code == ExitCode.USAGE and "no privacy category" in err
    # The picture hidden from everyone: a contact asking for it is refused (401).
    wacli(sandbox, me, "privacy", "set", "picture", "none")
    code, _, err = run(
        peer,
        sandbox.url,
        sandbox.root_key,
        "profile",
        "picture",
        f"+{ME}",
        "-o",
        str(tmp_path / "x.jpg"),
    )
    assert code == ExitCode.REFUSED and "hides its profile picture" in err
    wacli(sandbox, me, "privacy", "set", "picture", "all")
    # Read receipts off here is what `wacli read` honours.
    wacli(sandbox, me, "privacy", "set", "read-receipts", "none")
    code, _, err = run(me, sandbox.url, sandbox.root_key, "read", f"+{PEST}", "3EB0AA")
    assert code == 0 and "read receipts are off" in err
    wacli(sandbox, me, "privacy", "set", "read-receipts", "all")


def test_a_blocked_contact_is_not_delivered(
    sandbox: SandboxProcess, stores: tuple[Path, Path, Path]
) -> None:
    me, _, _ = stores
    assert wacli(sandbox, me, "blocklist") == ""
    assert wacli(sandbox, me, "block", f"+{PEST}") == f"{PEST}@s.whatsapp.net\n"
    status, body = sandbox.admin("GET", f"/accounts/{ME}/blocklist")
    assert status == 200 and body == {"blocked": [f"{PEST}@s.whatsapp.net"]}
    assert orjson.loads(wacli(sandbox, me, "blocklist", "--json")) == {
        "jid": f"{PEST}@s.whatsapp.net"
    }
    unwanted = phone_sends(sandbox, "let me in")
    assert wacli(sandbox, me, "unblock", f"{PEST}@s.whatsapp.net") == ""
    wanted = phone_sends(sandbox, "thanks")
    assert companion_got(sandbox, wanted)  # queued for our companions: delivered
    assert not companion_got(sandbox, unwanted)
    code, _, err = run(me, sandbox.url, sandbox.root_key, "block", "120363000000000001@g.us")
    assert code == ExitCode.USAGE and "not a person" in err
    code, _, err = run(me, sandbox.url, sandbox.root_key, "block", f"+{ME}")
    assert code == ExitCode.USAGE and err == "wacli: an account cannot block itself\n"


def next_data(listen: Lines, kind: str, wanted: dict) -> dict:
    """The next ``kind`` event whose data is ``wanted`` (the changes made while this
    companion was offline come first, queued by the server)."""
    while (data := listen.next_of(kind)["data"]) != wanted:
        pass
    return data


def test_other_devices_hear_of_changes(
    sandbox: SandboxProcess, stores: tuple[Path, Path, Path]
) -> None:
    me, other, _ = stores
    listen = Lines(Wacli(other, sandbox.url, sandbox.root_key, "listen", "--mark-read"))
    listen.next_of("connected")
    wacli(sandbox, me, "block", "+15550009499")
    blocked = {"changes": [{"jid": "15550009499@s.whatsapp.net", "action": "block"}]}
    update = listen.next_of("blocklist_update")["data"]
    while update["changes"] != blocked["changes"]:
        update = listen.next_of("blocklist_update")["data"]
    assert update["dhash"]
    wacli(sandbox, me, "privacy", "set", "about", "contact_blacklist")
    next_data(listen, "privacy_settings_update", {"changed": {"about": "contact_blacklist"}})
    # Read receipts turned off elsewhere: listen --mark-read tells only our own devices.
    wacli(sandbox, me, "privacy", "set", "read-receipts", "none")
    next_data(listen, "privacy_settings_update", {"changed": {"read-receipts": "none"}})
    unseen = phone_sends(sandbox, "read quietly")
    wait_until(lambda: bool(receipts_of(sandbox, ME, "read-self", unseen)), "the read-self")
    assert not receipts_of(sandbox, PEST, "read", unseen)
    wacli(sandbox, me, "privacy", "set", "read-receipts", "all")
    stop(listen)
    wacli(sandbox, me, "unblock", "+15550009499")
