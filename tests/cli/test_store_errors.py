"""A store wacli cannot use ends the command with exit 7 and one line naming the path and
what to do (README "Exit codes", man/wacli.1: EXIT STATUS); a store this user may only
read still serves the commands that only read. Real CLI, real files, no network.

The permission cases run the CLI as the user nobody (``setpriv``): root passes every
permission check, so they are skipped where that user cannot be taken on.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.accounts import link_by_code
from tests.client.support import new_account
from tests.unit.accounts import made_up_account
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess
from wacli.store import DB_NAME, Store
from wacli.store.archive import Archive, ArchivedMessage

ME = "15550077001:3@s.whatsapp.net"
ALICE = "15550077002@s.whatsapp.net"
T0 = 1_795_600_000
NOBODY = 65534
SETPRIV = shutil.which("setpriv")
NO_SERVER = "ws://127.0.0.1:9/ws/chat"  # never reached: the store fails first


def wacli(
    store: Path, *args: str, as_nobody: bool = False, data: Path | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "wacli", "--store", str(store), "--server", NO_SERVER, *args]
    if as_nobody:
        assert SETPRIV is not None
        command = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = {**os.environ, "XDG_DATA_HOME": str(data or store.parent / "data")}
    env.pop("WACLI_STORE", None)
    env.pop("WACLI_ACCOUNT", None)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def refused(result: subprocess.CompletedProcess[str], path: Path, *words: str) -> None:
    """Exit 7, nothing on stdout, one line on stderr naming ``path`` and holding ``words``."""
    assert result.returncode == ExitCode.STORE, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("wacli: "), result.stderr
    assert str(path) in lines[0]
    for word in words:
        assert word in lines[0]


def paired_with_a_message(directory: Path) -> None:
    with Store(directory) as store:
        store.save_account(made_up_account(ME, None, "Me")._replace(paired_at=T0))
        archive = Archive(store)
        message = ArchivedMessage(
            chat=ALICE,
            id="M1",
            sender=ALICE,
            from_me=False,
            timestamp=T0,
            type="text",
            text="read me",
        )
        archive.add_message(message)
        archive.upsert_chat(ALICE, last_message_at=T0, name="Alice")
        archive.upsert_contact(ALICE, updated_at=T0, push_name="Alice")


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A directory the user nobody may enter (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="wacli-store-errors-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for inner in path.rglob("*"):  # give root's tools back what the test locked
            if inner.is_dir() and not inner.is_symlink():
                inner.chmod(0o700)
        shutil.rmtree(path)


def nobody_can_run_wacli() -> bool:
    if SETPRIV is None or os.geteuid() != 0:
        return False
    probe = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    done = subprocess.run([*probe, sys.executable, "-m", "wacli", "--version"], capture_output=True)
    return done.returncode == 0


needs_nobody = pytest.mark.skipif(
    not nobody_can_run_wacli(),
    reason="permission checks need root to run wacli as the user nobody (setpriv)",
)


# -- files that cannot be a store ------------------------------------------------------------


@pytest.mark.parametrize("command", [("whoami",), ("history",), ("pair",), ("listen",)])
def test_a_store_path_that_is_a_regular_file(tmp_path: Path, command: tuple[str, ...]) -> None:
    store = tmp_path / "store"
    store.write_text("not a directory\n")
    refused(wacli(store, *command), store, "is not a directory", "move")
    assert store.read_text() == "not a directory\n"


@pytest.mark.parametrize("command", [("whoami",), ("pair",)])
def test_a_file_above_the_store_is_named(tmp_path: Path, command: tuple[str, ...]) -> None:
    blocking = tmp_path / "store"
    blocking.write_text("a file\n")
    store = blocking / "inner"
    result = wacli(store, *command)
    refused(result, blocking, "is a file, where the store", str(store), "move it away")


@pytest.mark.parametrize("command", [("whoami",), ("chats",), ("pair",), ("send", ALICE, "x")])
def test_an_empty_database_is_damaged_not_new(tmp_path: Path, command: tuple[str, ...]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / DB_NAME).touch()
    refused(wacli(store, *command), store / DB_NAME, "damaged", "empty", "wacli pair")
    assert (store / DB_NAME).stat().st_size == 0  # left as it was, for whoever looks into it


def test_a_corrupted_database_is_damaged(tmp_path: Path) -> None:
    store = tmp_path / "store"
    paired_with_a_message(store)
    database = store / DB_NAME
    size = database.stat().st_size
    with database.open("r+b") as file:  # every page but the first (the header) is garbage
        file.seek(4096)
        file.write(b"\xa5" * (size - 4096))
    for command in (("whoami",), ("history",), ("chats",), ("pair",)):
        refused(wacli(store, *command), database, "damaged", "malformed", "wacli pair")


def test_a_foreign_file_is_damaged(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / DB_NAME).write_bytes(b"no SQLite here " * 100)
    refused(wacli(store, "whoami"), store / DB_NAME, "damaged", "not a database")


# -- permissions ------------------------------------------------------------------------------


@needs_nobody
@pytest.mark.parametrize("command", [("whoami",), ("history",), ("pair",)])
def test_a_store_whose_parent_cannot_be_entered(shared_tmp: Path, command: tuple[str, ...]) -> None:
    closed = shared_tmp / "closed"
    store = closed / "store"
    paired_with_a_message(store)
    closed.chmod(0o700)  # root's, and nobody may not enter it
    refused(wacli(store, *command, as_nobody=True), store, "permission denied")


@needs_nobody
def test_a_read_only_store_serves_the_commands_that_only_read(shared_tmp: Path) -> None:
    store = shared_tmp / "store"
    paired_with_a_message(store)
    for path in (store, *store.iterdir()):
        os.chown(path, NOBODY, NOBODY)
    (store / DB_NAME).chmod(0o400)
    store.chmod(0o500)  # nobody's own store, read-only for nobody too
    before = sorted(store.iterdir())

    def read(*args: str) -> str:
        result = wacli(store, *args, as_nobody=True, data=shared_tmp / "data")
        assert result.returncode == 0 and result.stderr == "", result.stderr
        return result.stdout

    assert "device " + ME in read("whoami")
    assert "read me" in read("history")
    assert "Alice" in read("chats")
    assert "Alice" in read("contacts")
    assert ME in read("accounts")
    assert sorted(store.iterdir()) == before
    for command in (("pair",), ("send", ALICE, "x"), ("listen",)):
        result = wacli(store, *command, as_nobody=True)
        refused(result, store, "read-only", "whoami, history")
    mode = stat.S_IMODE(store.stat().st_mode)
    assert mode == 0o500


# -- the store directory's mode (pair) ----------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess(None, "--privacy-tokens", "off") as process:
        yield process


def paired_by_code(sandbox: SandboxProcess, store: Path, phone: str) -> str:
    """Pair ``store`` to a new account ``phone``; pair's stderr."""
    new_account(sandbox, phone)
    return link_by_code(sandbox, store, phone)[1]


def test_pair_keeps_a_shared_directory_mode_and_says_so(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    store = tmp_path / "shared"
    store.mkdir()
    store.chmod(0o2775)  # a group's directory, on purpose
    err = paired_by_code(sandbox, store, "15550077101")
    assert stat.S_IMODE(store.stat().st_mode) == 0o2775
    warnings = [line for line in err.splitlines() if line.startswith("wacli: warning:")]
    assert warnings == [
        f"wacli: warning: the store {store} has mode 2775: others may list and replace its "
        f"files (the keys in them stay 0600); to keep it private run 'chmod 700 {store}'"
    ]
    assert stat.S_IMODE((store / DB_NAME).stat().st_mode) == 0o600


def test_pair_makes_a_new_directory_private(sandbox: SandboxProcess, tmp_path: Path) -> None:
    store = tmp_path / "new" / "store"
    old = os.umask(0o022)
    try:
        err = paired_by_code(sandbox, store, "15550077102")
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.stat().st_mode) == 0o700
    assert "warning" not in err


# -- accounts lists the store --store chose ------------------------------------------------------


@pytest.mark.parametrize("how", ["option", "variable"])
def test_accounts_lists_the_store_chosen_by_path(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    elsewhere = tmp_path / "elsewhere"
    paired_with_a_message(elsewhere)
    command = [sys.executable, "-m", "wacli", "accounts", "--json"]
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    env.pop("WACLI_ACCOUNT", None)
    if how == "option":
        env.pop("WACLI_STORE", None)
        command[3:3] = ["--store", str(elsewhere)]
    else:
        env["WACLI_STORE"] = str(elsewhere)
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["name"], row["store"], row["current"]) for row in rows] == [
        ("default", str(data / "wacli"), False),
        (None, str(elsewhere), True),
    ]
    assert rows[1]["paired"] is True and rows[1]["jid"] == ME
    text = subprocess.run(command[:-1], capture_output=True, text=True, env=env, timeout=60)
    assert text.stdout.splitlines()[1].startswith(f"* (--store)  {elsewhere}  paired ")
