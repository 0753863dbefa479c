"""`wacli check NUMBER…` end to end against the real sandbox: a usync contact query
(whatsmeow IsOnWhatsApp) answered for a registered number with its JID and LID, for an
unregistered one as not on WhatsApp, and exit 2 before any network for a non-number."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.client.accounts import pair
from tests.client.support import new_account, run
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ASKER = "15550007001"
REGISTERED = "15550007002"  # an account without any companion: the phone alone
UNKNOWN = "15550007099"


@pytest.fixture(scope="module")
def asker(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("check") / "asker"
    pair(sandbox, store, ASKER)
    return store


@pytest.fixture(scope="module")
def registered(sandbox: SandboxProcess) -> dict:
    return new_account(sandbox, REGISTERED)


def test_json_names_jid_and_lid_in_the_order_asked(
    sandbox: SandboxProcess, asker: Path, registered: dict
) -> None:
    typed = f"+1 555-000-{REGISTERED[-4:]}"
    code, out, err = run(asker, sandbox.url, sandbox.root_key, "check", UNKNOWN, typed, "--json")
    assert code == 0, err
    rows = [orjson.loads(line) for line in out.splitlines()]
    assert rows == [
        {
            "number": UNKNOWN,
            "jid": f"{UNKNOWN}@s.whatsapp.net",
            "on_whatsapp": False,
            "lid": None,
        },
        {
            "number": typed,
            "jid": registered["jid"],
            "on_whatsapp": True,
            "lid": registered["lid"],
        },
    ]


def test_text_lines_and_exit_0_when_nobody_is_on_whatsapp(
    sandbox: SandboxProcess, asker: Path, registered: dict
) -> None:
    code, out, err = run(asker, sandbox.url, sandbox.root_key, "check", f"+{REGISTERED}")
    assert code == 0, err
    assert out.decode() == (
        f"+{REGISTERED}  on WhatsApp  {registered['jid']}  lid {registered['lid']}\n"
    )
    code, out, err = run(asker, sandbox.url, sandbox.root_key, "check", UNKNOWN)
    assert code == 0, err
    assert out.decode() == f"{UNKNOWN}  not on WhatsApp  {UNKNOWN}@s.whatsapp.net\n"


def test_not_a_number_is_a_usage_error(sandbox: SandboxProcess, asker: Path) -> None:
    code, out, err = run(asker, sandbox.url, sandbox.root_key, "check", UNKNOWN, "bob")
    assert code == ExitCode.USAGE
    assert out == b"" and "'bob' is not a phone number" in err
