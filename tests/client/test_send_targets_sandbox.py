"""What `wacli send` does with ids the archive does not know, an empty file and a text
over WhatsApp's limit (issue 11, item 14; README "Commands", man/wacli.1): refused
with exit 2 and one line, or sent with one warning line, as WhatsApp's apps would. The
real CLI against the real sandbox."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import LINE_TIMEOUT, Wacli, new_account, run_with
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550009201"
PEER = "15550009202"
UNKNOWN = "3EB0000000000000DEAD"


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("targets") / "store"
    pair(sandbox, path, ME)
    new_account(sandbox, PEER, "Peer")
    return path


def send(sandbox: SandboxProcess, store: Path, *args: str, stdin: bytes = b"") -> tuple:
    return run_with(store, sandbox.url, sandbox.root_key, "send", *args, stdin=stdin)


def theirs(sandbox: SandboxProcess, store: Path) -> str:
    """A message the peer wrote to us, archived by a real `wacli listen`."""
    status, sent = sandbox.admin("POST", f"/accounts/{PEER}/send", {"to": ME, "text": "mine"})
    assert status == 200, sent
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen", "--type", "message")
    while listen.event()["data"]["info"]["id"] != sent["id"]:
        pass
    listen.proc.send_signal(signal.SIGTERM)
    assert listen.proc.wait(LINE_TIMEOUT) == 0
    return sent["id"]


@pytest.mark.parametrize(
    ("args", "consequence"),
    [
        (("--edit", UNKNOWN, "new text"), "WhatsApp applies the edit only if it is our message"),
        (("--revoke", UNKNOWN), "WhatsApp deletes it only if it is our message"),
        (("--reply-to", UNKNOWN, "a reply"), "recipients may show the reply without its quote"),
        (("--react", "👍", "--id", UNKNOWN), "recipients show the reaction only if they have"),
    ],
)
def test_an_unknown_id_is_sent_with_a_warning(
    sandbox: SandboxProcess, store: Path, args: tuple[str, ...], consequence: str
) -> None:
    code, out, err = send(sandbox, store, PEER, *args)
    assert code == ExitCode.OK, err
    assert out.decode().startswith("3EB0")
    (line,) = err.splitlines()
    assert line.startswith(f"wacli: warning: message {UNKNOWN} is not in the archive of {PEER}")
    assert consequence in line


def test_an_own_message_is_edited_and_revoked_without_a_word(
    sandbox: SandboxProcess, store: Path
) -> None:
    code, out, err = send(sandbox, store, PEER, "to be edited")
    assert code == 0, err
    own = out.decode().strip()
    for args in (("--edit", own, "edited"), ("--reply-to", own, "re"), ("--revoke", own)):
        code, _, err = send(sandbox, store, PEER, *args)
        assert (code, err) == (0, "")


@pytest.mark.parametrize("action", ["--edit", "--revoke"])
def test_someone_elses_message_cannot_be_edited_or_revoked(
    sandbox: SandboxProcess, store: Path, action: str
) -> None:
    other = theirs(sandbox, store)
    args = (action, other, "changed") if action == "--edit" else (action, other)
    code, out, err = send(sandbox, store, PEER, *args)
    assert (code, out) == (ExitCode.USAGE, b"")
    only = {
        "--edit": "WhatsApp lets only its sender edit a message",
        "--revoke": "wacli deletes only its own messages for everyone",
    }[action]
    assert err == (
        f"wacli: message {other} in {PEER}@s.whatsapp.net was sent by {PEER}@s.whatsapp.net, "
        f"not by us; {only}\n"
    )
    code, _, err = send(sandbox, store, PEER, "--reply-to", other, "a reply to theirs")
    assert (code, err) == (0, "")  # replying and reacting to it are fine


def test_an_empty_file_is_refused(sandbox: SandboxProcess, store: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = send(sandbox, store, PEER, "--file", str(empty))
    assert (code, out) == (ExitCode.USAGE, b"")
    assert err == "wacli: empty.txt is empty; WhatsApp does not send empty files\n"


def test_a_text_over_whatsapps_limit_is_refused(sandbox: SandboxProcess, store: Path) -> None:
    code, out, err = send(sandbox, store, PEER, "-", stdin="é".encode() * 65_537)
    assert (code, out) == (ExitCode.USAGE, b"")
    assert err == (
        "wacli: the text has 65,537 characters; WhatsApp sends at most 65,536 in one "
        "message: split it\n"
    )
    code, _, err = send(sandbox, store, PEER, "--edit", UNKNOWN, "x" * 65_537)
    assert code == ExitCode.USAGE and "at most 65,536" in err
    code, out, err = send(sandbox, store, PEER, "-", stdin="é".encode() * 65_536)
    assert code == 0, err  # the limit itself goes out
