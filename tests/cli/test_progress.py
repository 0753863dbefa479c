"""Progress on stderr (README "Exit codes", below the table): drawn only when stderr is a
terminal. `wacli history backfill` against a server that accepts and never answers waits
out WACLI_TIMEOUT: on a pty its stderr shows a progress line, wiped before the one error
line; on a pipe stderr is that one line and nothing else."""

from __future__ import annotations

import errno
import os
import pty
import subprocess
from pathlib import Path

import pytest

from tests.client.fault_support import listening_socket
from tests.client.support import command, environment, run_with
from tests.unit.accounts import made_up_account
from wacli.cli.exit_codes import ExitCode
from wacli.store import Store

ME = "15550012001"
PEER = "15550012002"
ROOT = "00" * 32  # no handshake gets that far
SILENT = {"WACLI_TIMEOUT": "2"}  # long enough to be drawn, short for the suite
ASKING = f"asking the phone for 50 older messages of {PEER}@s.whatsapp.net"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store that looks paired: the command gets as far as its login."""
    directory = tmp_path_factory.mktemp("progress") / "me"
    with Store(directory) as opened:
        opened.save_account(made_up_account(f"{ME}:9@s.whatsapp.net"))
    return directory


def read_all(fd: int) -> bytes:
    """What the other side of a pty wrote, until it closed (EIO on Linux)."""
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            return seen
        if not chunk:
            return seen
        seen += chunk


def test_backfill_draws_progress_on_a_terminal(store: Path) -> None:
    master, slave = pty.openpty()
    with listening_socket() as (_, url):
        proc = subprocess.Popen(
            command(store, url, ROOT, "history", "backfill", PEER),
            stdout=subprocess.PIPE,
            stderr=slave,
            env=environment(SILENT),
        )
        os.close(slave)
        try:
            shown = read_all(master).decode()
            out, _ = proc.communicate(timeout=30)
        finally:
            os.close(master)
    assert proc.returncode == ExitCode.TIMED_OUT
    assert out == b""
    assert f"\r{ASKING}: 1s" in shown  # redrawn in place, the seconds counting
    drawn, wiped, rest = shown.rpartition("\r\x1b[K")
    assert drawn and wiped  # wiped before the error line, which stands alone
    assert rest.startswith("wacli: ") and rest.count("\n") == 1


def test_backfill_draws_nothing_when_stderr_is_not_a_terminal(store: Path) -> None:
    with listening_socket() as (_, url):
        code, out, err = run_with(store, url, ROOT, "history", "backfill", PEER, env=SILENT)
    assert code == ExitCode.TIMED_OUT and out == b""
    assert err.startswith("wacli: ") and err.count("\n") == 1
    assert "\r" not in err and ASKING not in err


def test_the_line_of_a_transfer() -> None:
    from wacli.cli.progress import Progress, size_text

    assert [size_text(n) for n in (512, 12_600, 4 << 20, 3 << 30)] == [
        "512 B",
        "12.3 kB",
        "4.0 MB",
        "3.0 GB",
    ]
    progress = Progress("downloading report.pdf")
    progress.update(5 << 20, 10 << 20)  # what wacli.client.http tells as the body comes
    assert progress.line() == "downloading report.pdf: 5.0 MB of 10.0 MB (50%), 0s"
    progress.update(700, None)  # no Content-Length
    assert progress.line() == "downloading report.pdf: 700 B, 0s"
