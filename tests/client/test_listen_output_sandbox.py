"""`wacli listen --output FILE` on the real CLI against the real sandbox (README: "Where
listen's events go").

- A 2,000-message burst with several SIGKILLs of listen: after each kill, every message
  id the sandbox says was acknowledged (GET …/acked) is already in FILE; after the last
  restart every id is there, and every line of FILE is a whole event line.
- logrotate's rename + SIGHUP in the middle of a burst: the renamed file and the new one
  together hold every message exactly once (no kill: each is delivered once).
- A FILE that cannot be written: exit 7 and one line naming the path and the reason;
  a write that fails midway (a file size limit) too, its message unacknowledged, and
  the next listen cuts the partial line.

WACLI_SOAK=1 adds a 10,000-message variant with eight kills (marked ``soak``).
No step is timed: the waits are hang protection only. The burst is sent from a thread
while listen runs, so the kills land while messages are on their way.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import signal
import subprocess
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.listen_load import TYPES, Burst, connected, ids_from, lines_of, listen
from tests.client.support import (
    command,
    environment,
    new_account,
    run,
    settled_at_kill,
    wait_until,
)
from wacli.sandbox.process import SandboxProcess

COUNT = 2000
KILLS = (300, 900, 1500)  # listen is SIGKILLed once FILE holds this many of the burst's ids
# (the soak variant: 10,000 messages and eight kills)
ROTATE_COUNT = 600
ROTATE_AT = 200  # FILE is renamed and listen HUPed once it holds this many ids
SOAK = os.environ.get("WACLI_SOAK") == "1"


PHONES = itertools.count(15550009001, 2)  # two new numbers per test on the module's sandbox


@pytest.fixture
def accounts(sandbox: SandboxProcess, tmp_path: Path) -> Iterator[tuple[Path, str, str]]:
    """(store, listener phone, sender phone): a paired store and a phone to write to it."""
    first = next(PHONES)
    listener, phone = str(first), str(first + 1)
    store = tmp_path / "listener"
    pair(sandbox, store, listener)
    new_account(sandbox, phone)
    yield store, listener, phone


@pytest.mark.parametrize(
    "count,kills",
    [
        (COUNT, KILLS),
        pytest.param(
            10_000,
            tuple(range(800, 9_000, 1_100)),
            marks=[
                pytest.mark.soak,
                pytest.mark.skipif(not SOAK, reason="soak test: set WACLI_SOAK=1"),
            ],
        ),
    ],
    ids=["2000", "10000-soak"],
)
def test_every_acked_id_is_in_the_file_at_each_sigkill(
    sandbox: SandboxProcess,
    tmp_path: Path,
    accounts: tuple[Path, str, str],
    count: int,
    kills: tuple[int, ...],
) -> None:
    store, listener, phone = accounts
    output = tmp_path / "events.ndjson"
    wacli = listen(sandbox, store, output)
    connected(wacli, output, 0)
    burst = Burst(sandbox, phone, listener, count)

    def written_at_least(n: int) -> bool:
        return len(set(ids_from(phone, lines_of(output, check=False)))) >= n

    owed_at_kills: list[int] = []
    for round_, kill_at in enumerate(kills):
        wait_until(partial(written_at_least, kill_at), f"{kill_at} messages in {output}")
        wacli.proc.send_signal(signal.SIGKILL)
        wacli.finish()
        sent = set(burst.ids)  # each of these is now acknowledged or still owed
        acked, pending = settled_at_kill(sandbox, listener)
        written = set(ids_from(phone, lines_of(output)))  # read back after the kill
        early = (acked & sent) - written
        assert not early, f"kill {round_ + 1}: acknowledged, not in the file: {sorted(early)}"
        assert sent - acked <= pending  # what was not acknowledged is still owed
        owed_at_kills.append(len(sent - acked))
        wacli = listen(sandbox, store, output)
        connected(wacli, output, round_ + 1)
    sent = burst.done()
    wait_until(
        lambda: set(ids_from(phone, lines_of(output, check=False))) >= sent, "every id in the file"
    )
    wacli.proc.send_signal(signal.SIGTERM)
    code, _, err = wacli.finish()
    assert code == 0, err
    assert len(sent) == count and set(ids_from(phone, lines_of(output))) >= sent
    assert any(owed_at_kills), "every kill came after the burst was acknowledged"
    assert (output.stat().st_mode & 0o777) == 0o600


def test_logrotate_rename_and_sighup_lose_nothing(
    sandbox: SandboxProcess, tmp_path: Path, accounts: tuple[Path, str, str]
) -> None:
    store, listener, phone = accounts
    output = tmp_path / "events.ndjson"
    rotated = tmp_path / "events.ndjson.1"
    wacli = listen(sandbox, store, output)
    connected(wacli, output, 0)
    burst = Burst(sandbox, phone, listener, ROTATE_COUNT)
    wait_until(
        lambda: len(ids_from(phone, lines_of(output, check=False))) >= ROTATE_AT, "the first lines"
    )
    os.rename(output, rotated)  # logrotate's default: rename, then postrotate's HUP
    wacli.proc.send_signal(signal.SIGHUP)
    sent = burst.done()
    wait_until(
        lambda: set(ids_from(phone, lines_of(rotated, output, check=False))) >= sent,
        "every id in the two files",
    )
    wacli.proc.send_signal(signal.SIGTERM)
    code, _, err = wacli.finish()
    assert code == 0, err
    before, after = ids_from(phone, lines_of(rotated)), ids_from(phone, lines_of(output))
    assert before and after, "the rotation fell outside the burst"
    assert sorted(before + after) == sorted(sent)  # each once, in one file or the other


@pytest.mark.parametrize("kind", ["directory", "under a file"])
def test_a_file_that_cannot_be_written_is_exit_7(
    sandbox: SandboxProcess, tmp_path: Path, accounts: tuple[Path, str, str], kind: str
) -> None:
    store, _, _ = accounts
    if kind == "directory":
        output, reason = tmp_path / "a-directory", "Is a directory"
        output.mkdir()
    else:
        (tmp_path / "plain").write_text("")
        output, reason = tmp_path / "plain" / "events.ndjson", "Not a directory"
    code, out, err = run(store, sandbox.url, sandbox.root_key, "listen", "--output", str(output))
    assert code == 7
    assert out == b""
    assert err == f"wacli: cannot write {output}: {reason}\n"


def test_a_write_that_fails_midway_is_exit_7_and_not_acknowledged(
    sandbox: SandboxProcess, tmp_path: Path, accounts: tuple[Path, str, str]
) -> None:
    """A file size limit (RLIMIT_FSIZE: EFBIG, as a full disk's ENOSPC) stops a write in
    the middle of a line: listen ends with exit 7 and one line, the message of that line
    is not acknowledged, and the next listen cuts the partial line and writes it whole.
    FILE starts a few KiB short of the limit, far above the store's size."""
    store, listener, phone = accounts
    output = tmp_path / "events.ndjson"
    limit = 8 << 20
    filler = b'{"type":"connected","ts":"2026-01-01T00:00:00Z","data":{}}\n'
    output.write_bytes(filler * ((limit - 4096) // len(filler)))

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    argv = command(store, sandbox.url, sandbox.root_key, "listen", "--type", TYPES)
    proc = subprocess.Popen(
        [*argv, "--output", str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment(None),
        preexec_fn=small_files,
    )
    burst = Burst(sandbox, phone, listener, 40)  # far more than 4 KiB of lines
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 7, err
    assert err.decode() == f"wacli: cannot write {output}: File too large\n"
    sent = burst.done()
    acked, _ = settled_at_kill(sandbox, listener)
    data = output.read_bytes()
    assert len(data) == limit and not data.endswith(b"\n")  # cut short in a line
    whole = data[: data.rfind(b"\n") + 1]
    written = set(ids_from(phone, [json.loads(line) for line in whole.splitlines()]))
    assert written and not (acked & sent) - written  # nothing acked beyond the whole lines

    wacli = listen(sandbox, store, output)
    wait_until(
        lambda: set(ids_from(phone, lines_of(output, check=False))) >= sent, "every id in the file"
    )
    wacli.proc.send_signal(signal.SIGTERM)
    code, _, err = wacli.finish()
    assert code == 0, err
    data = output.read_bytes()
    assert data.endswith(b"\n") and data.startswith(whole)  # the partial line cut, no more
    assert set(ids_from(phone, [json.loads(line) for line in data.splitlines()])) >= sent
