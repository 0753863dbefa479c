"""What the server refuses, said in words a person can act on (issue 11, items 12 and 13;
README "Exit codes", man/wacli.1: EXIT STATUS), on the real CLI against the sandbox:
an unregistered number, an unknown group, a group this account is not in, a chat that
is no phone number, and a presence before the phone shared the account's push name.
Each ends with its documented code and exactly one line on stderr, nothing on stdout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Lines, Wacli, new_account, run, stop
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550099001"
FRIEND = "15550099002"
OTHER = "15550099003"
NOBODY = "15559999901"  # no account in the sandbox
NO_GROUP = "120363000000000099@g.us"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("refusals") / "me"
    pair(sandbox, directory, ME, push_name="")  # the phone has no name to share yet
    new_account(sandbox, FRIEND)
    new_account(sandbox, OTHER)
    return directory


@pytest.fixture(scope="module")
def their_group(sandbox: SandboxProcess, store: Path) -> str:
    """A group of two other accounts: this one is not in it."""
    spec = {"subject": "not ours", "creator": FRIEND, "participants": [OTHER]}
    status, made = sandbox.admin("POST", "/groups", spec)
    assert status == 201, made
    return str(made["jid"])


def one_line(sandbox: SandboxProcess, store: Path, code: ExitCode, *args: str) -> str:
    got, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    assert got == code, err
    assert out == b"" and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("wacli: "), err
    return lines[0]


def test_an_unregistered_number_is_not_on_whatsapp(sandbox: SandboxProcess, store: Path) -> None:
    line = one_line(sandbox, store, ExitCode.REFUSED, "send", NOBODY, "hello?")
    assert line.startswith(f"wacli: +{NOBODY} is not on WhatsApp ("), line


def test_a_chat_that_is_no_phone_number(sandbox: SandboxProcess, store: Path) -> None:
    line = one_line(sandbox, store, ExitCode.USAGE, "send", "nosuchchat", "hi")
    assert line.startswith("wacli: 'nosuchchat' is not a phone number: use digits"), line
    line = one_line(sandbox, store, ExitCode.USAGE, "send", "1555009900x", "hi")
    assert "('x' is not a digit)" in line


@pytest.mark.parametrize("command", [("groups", "info"), ("send",)])
def test_an_unknown_group(sandbox: SandboxProcess, store: Path, command: tuple[str, ...]) -> None:
    args = (*command, NO_GROUP, "hi") if command == ("send",) else (*command, NO_GROUP)
    line = one_line(sandbox, store, ExitCode.REFUSED, *args)
    assert line.startswith(f"wacli: no group {NO_GROUP} ("), line


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (("groups", "info"), "this account is not in"),
        (("send", "{group}", "hi"), "this account is not in"),
        (("groups", "leave"), "this account is not in"),
        (("groups", "subject", "{group}", "ours now"), "this account is not an admin of"),
        (("groups", "add", "{group}", FRIEND), "this account is not an admin of"),
    ],
)
def test_a_group_this_account_is_not_in(
    sandbox: SandboxProcess, store: Path, their_group: str, command: tuple[str, ...], words: str
) -> None:
    args = [part.format(group=their_group) for part in command]
    if their_group not in args:
        args.append(their_group)
    line = one_line(sandbox, store, ExitCode.REFUSED, *args)
    assert line.startswith(f"wacli: {words} {their_group}"), line


def test_presence_waits_for_the_push_name(sandbox: SandboxProcess, store: Path) -> None:
    line = one_line(sandbox, store, ExitCode.NOT_PAIRED, "presence", "available")
    assert "no push name yet" in line and "wacli listen" in line
    # What the line says to do: the phone names the account, listen brings it in.
    status, answer = sandbox.admin("POST", f"/accounts/{ME}/app-state", {"push_name": "Me"})
    assert status == 200, answer
    lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
    assert lines.next_of("self_push_name_updated")["data"]["new_name"] == "Me"
    stop(lines)
    got, out, err = run(store, sandbox.url, sandbox.root_key, "presence", "available")
    assert (got, out, err) == (0, b"", "")
