"""The real CLI refused as outdated (405, client_outdated) by the real sandbox.

The sandbox accepts only versions from a minimum on and names the current one on its
https look-up (``PUT /admin/client-version``, ``version_url``). `wacli send` with an
older version looks the current one up, says so in one line, retries, succeeds and keeps
the version in the store, so the next run needs no look-up. An unreachable look-up, or a
current version the server still refuses, ends it with exit 6 and one line naming
WACLI_WA_VERSION; WACLI_WA_VERSION set is never looked past.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account
from wacli.cli.exit_codes import ExitCode
from wacli.client.payload import WA_WEB_VERSION
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.rule_tables import WA_VERSION

BUILT_IN = ".".join(map(str, WA_WEB_VERSION))
MINIMUM = f"2.3000.{WA_WEB_VERSION[2] + 1}"
CURRENT = f"2.3000.{WA_WEB_VERSION[2] + 7}"


def versions(sandbox: SandboxProcess, **body: str | None) -> dict:
    status, answer = sandbox.admin("PUT", "/client-version", body)
    assert status == 200, answer
    return answer


def lookups(sandbox: SandboxProcess) -> int:
    status, answer = sandbox.admin("GET", "/client-version")
    assert status == 200, answer
    return answer["lookups"]


def stats(sandbox: SandboxProcess) -> dict:
    status, answer = sandbox.admin("GET", "/stats")
    assert status == 200, answer
    return answer


@pytest.fixture(autouse=True)
def any_version(sandbox: SandboxProcess) -> Iterator[None]:
    """Each test pairs with no minimum set, and leaves none behind."""
    versions(sandbox, minimum=None, current=None)
    yield
    versions(sandbox, minimum=None, current=None)


def send(sandbox: SandboxProcess, store: Path, text: str, **env: str) -> tuple[int, str, str]:
    """`wacli send` to the account's own phone (a note to self: no contact, no privacy
    token involved), looking the version up at the sandbox."""
    lookup = {
        "WACLI_VERSION_URL": sandbox.endpoints["version_url"],
        "WACLI_MEDIA_CA": sandbox.endpoints["media_ca"],
        "WACLI_TIMEOUT": "10",
    }
    with Store(store) as opened:
        account = opened.load_account()
    assert account is not None
    me = account.jid.split(":")[0].split("@")[0]
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "send", me, text, env={**lookup, **env})
    code, out, err = wacli.finish()
    return code, out.decode(), err


def stored_version(store: Path) -> str | None:
    with Store(store) as opened:
        return opened.setting_text(WA_VERSION)


def test_an_outdated_version_is_looked_up_kept_and_retried(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "me"
    pair(sandbox, store, "15550007901")
    answer = versions(sandbox, minimum=MINIMUM, current=CURRENT)
    assert answer["version_url"] == sandbox.endpoints["version_url"]
    before, refused = lookups(sandbox), stats(sandbox).get("logins_outdated", 0)

    code, out, err = send(sandbox, store, "after the look-up")
    assert code == ExitCode.OK, err
    assert out.strip(), "the message id"
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert f"WhatsApp Web {BUILT_IN} is outdated; retrying as {CURRENT}" in lines[0]
    assert lookups(sandbox) == before + 1
    assert stats(sandbox)["logins_outdated"] == refused + 1
    assert stored_version(store) == CURRENT

    # The next run announces the stored version at once: no 405, no look-up, no line.
    code, out, err = send(sandbox, store, "with the stored version")
    assert (code, err) == (ExitCode.OK, ""), err
    assert lookups(sandbox) == before + 1
    assert stats(sandbox)["logins_outdated"] == refused + 1
    status, inbox = sandbox.admin("GET", "/accounts/15550007901/inbox")
    assert status == 200
    texts = [entry["text"] for entry in inbox]
    assert "after the look-up" in texts and "with the stored version" in texts


def test_a_failed_look_up_or_a_refused_retry_is_one_line_exit_6(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "me"
    pair(sandbox, store, "15550007902")
    versions(sandbox, minimum=MINIMUM, current=CURRENT)

    # Nothing listens where the look-up goes.
    code, out, err = send(sandbox, store, "never", WACLI_VERSION_URL="https://127.0.0.1:9/sw.js")
    assert (code, out) == (ExitCode.REFUSED, ""), err
    assert len(err.splitlines()) == 1, err
    assert f"{BUILT_IN} is outdated" in err and "looking up the current version failed" in err
    assert "WACLI_WA_VERSION=2.3000.N" in err
    assert stored_version(store) is None

    # The look-up names a version the server refuses too: one retry, then the same end.
    versions(sandbox, current=BUILT_IN)
    code, out, err = send(sandbox, store, "never")
    assert (code, out) == (ExitCode.REFUSED, ""), err
    assert len(err.splitlines()) == 1 and "names that same version" in err, err
    stale = f"2.3000.{WA_WEB_VERSION[2] + 5}"  # newer than the built-in, still under the minimum
    versions(sandbox, minimum=CURRENT, current=stale)
    before = stats(sandbox)["logins_outdated"]
    code, out, err = send(sandbox, store, "never")
    assert (code, out) == (ExitCode.REFUSED, ""), err
    lines = err.splitlines()
    assert len(lines) == 2, err  # the retry line, then the refusal
    assert f"retrying as {stale}" in lines[0]
    assert f"refused WhatsApp Web {BUILT_IN} and also {stale}" in lines[1]
    assert "WACLI_WA_VERSION=2.3000.N" in lines[1]
    assert stats(sandbox)["logins_outdated"] == before + 2
    assert stored_version(store) == stale  # kept: newer than the built-in


def test_the_environment_override_is_never_looked_past(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "me"
    pair(sandbox, store, "15550007903")
    versions(sandbox, minimum=MINIMUM, current=CURRENT)
    before = lookups(sandbox)

    code, out, err = send(sandbox, store, "never", WACLI_WA_VERSION=BUILT_IN)
    assert (code, out) == (ExitCode.REFUSED, ""), err
    assert len(err.splitlines()) == 1 and "WACLI_WA_VERSION" in err, err
    code, _, err = send(sandbox, store, "as told", WACLI_WA_VERSION=MINIMUM)
    assert (code, err) == (ExitCode.OK, ""), err
    assert lookups(sandbox) == before
    assert stored_version(store) is None


def test_pairing_under_a_minimum_looks_the_version_up_too(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    phone = "15550007904"
    new_account(sandbox, phone)
    versions(sandbox, minimum=MINIMUM, current=CURRENT)
    store = tmp_path / "me"
    env = {
        "WACLI_VERSION_URL": sandbox.endpoints["version_url"],
        "WACLI_MEDIA_CA": sandbox.endpoints["media_ca"],
    }
    wacli = Wacli(
        store, sandbox.url, sandbox.root_key, "pair", "--phone", f"+{phone}", "--json", env=env
    )
    code = wacli.event_of("pairing_code")["data"]["code"]
    status, linked = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": code})
    assert status == 200, linked
    exit_code, _, err = wacli.finish()
    assert exit_code == ExitCode.OK, err
    assert f"retrying as {CURRENT}" in err and len(err.splitlines()) == 1, err
    assert stored_version(store) == CURRENT


def test_the_admin_route_checks_what_it_is_given(sandbox: SandboxProcess) -> None:
    for body in (
        {"minimum": "2.3000"},
        {"minimum": 2},
        {"current": "2.2412.1"},  # the look-up names only a revision of 2.3000
        {"latest": "2.3000.1"},
        ["2.3000.1"],
    ):
        status, answer = sandbox.admin("PUT", "/client-version", body)
        assert status == 400 and "error" in answer, (body, answer)
    assert versions(sandbox, minimum="2.3000.5") == {
        "minimum": "2.3000.5",
        "current": None,
        "version_url": sandbox.endpoints["version_url"],
        "lookups": lookups(sandbox),
    }
    assert versions(sandbox, current="2.3000.9")["minimum"] == "2.3000.5"  # kept
