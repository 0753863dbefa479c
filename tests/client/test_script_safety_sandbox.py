"""Where a cron job or a pipeline meets the unexpected (issue 11, items 1-8): a stopped
listener, a server gone while listen runs, a long store path, a closed stdout, bytes
that are not UTF-8, echo's newline, a full disk. The real CLI against the real sandbox;
each case asserts the exit code and the one line on stderr."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import LINE_TIMEOUT, Wacli, new_account, run, run_with
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550008001"
PEER = "15550008002"
QUICK = {"WACLI_TIMEOUT": "3"}  # a command gives up after this; no test times it


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scripts") / "store"
    pair(sandbox, path, ME)
    new_account(sandbox, PEER)
    return path


def inbox_texts(sandbox: SandboxProcess, phone: str = PEER) -> list[str]:
    status, entries = sandbox.admin("GET", f"/accounts/{phone}/inbox")
    assert status == 200, entries
    return [e["text"] for e in entries]


def logins(sandbox: SandboxProcess) -> int:
    status, stats = sandbox.admin("GET", "/stats")
    assert status == 200, stats
    return stats["logins"]


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("wacli: "), err
    return err


def stop(listen: Wacli) -> None:
    listen.proc.send_signal(signal.SIGTERM)
    listen.rest()
    assert listen.proc.returncode == 0


def test_a_stopped_listener_is_named_not_waited_on(sandbox: SandboxProcess, store: Path) -> None:
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    listen.event_of("connected")
    os.kill(listen.proc.pid, signal.SIGSTOP)
    try:
        code, out, err = run_with(
            store, sandbox.url, sandbox.root_key, "send", PEER, "to a stopped listener", env=QUICK
        )
    finally:
        os.kill(listen.proc.pid, signal.SIGCONT)
    assert code == ExitCode.TIMED_OUT, err
    assert out == b""
    line = one_line(err)
    assert f"'wacli listen' (pid {listen.proc.pid})" in line and "did not answer" in line, line
    # Resumed, the same listener serves commands again.
    code, _, err = run_with(store, sandbox.url, sandbox.root_key, "send", PEER, "resumed")
    assert code == 0, err
    stop(listen)


def test_a_closed_stdout_ends_listen_quietly(sandbox: SandboxProcess, store: Path) -> None:
    listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    listen.event_of("connected")
    assert listen.proc.stdout is not None
    listen.proc.stdout.close()  # `wacli listen | head -n1`: head has its line and is gone
    status, sent = sandbox.admin(
        "POST", f"/accounts/{PEER}/send", {"to": ME, "text": "nobody reads this"}
    )
    assert status == 200, sent
    code = listen.proc.wait(LINE_TIMEOUT)
    assert listen.proc.stderr is not None
    err = listen.proc.stderr.read().decode()
    assert code == 0 and err == "", err
    # Its line was never written, so it was never acknowledged: the next listen gets it.
    again = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    while (message := again.event_of("message"))["data"]["info"]["id"] != sent["id"]:
        pass
    assert message["data"]["text"] == "nobody reads this"
    stop(again)


def test_text_that_is_not_utf8_is_a_usage_error(sandbox: SandboxProcess, store: Path) -> None:
    code, out, err = run_with(
        store, sandbox.url, sandbox.root_key, "send", PEER, "-", stdin=b"a\xffb"
    )
    assert code == ExitCode.USAGE and out == b""
    assert "stdin is not valid UTF-8 text (byte 0xff at offset 1)" in one_line(err)


def test_stdin_loses_only_its_last_newline(sandbox: SandboxProcess, store: Path) -> None:
    for given, expected in ((b"hi\n", "hi"), (b"two lines\n\nand a blank\n\n", None)):
        code, _, err = run_with(store, sandbox.url, sandbox.root_key, "send", PEER, stdin=given)
        assert code == 0, err
        assert inbox_texts(sandbox)[-1] == (expected or given.decode()[:-1])


def test_a_sent_message_never_looks_failed(sandbox: SandboxProcess, store: Path) -> None:
    code, _, err = run_with(
        store, sandbox.url, sandbox.root_key, "send", PEER, "to /dev/full", stdout=Path("/dev/full")
    )
    assert code == ExitCode.OK, err
    line = one_line(err)
    assert "warning: message " in line and "was sent, but stdout could not take it" in line
    assert inbox_texts(sandbox)[-1] == "to /dev/full"


def test_the_relay_works_at_a_long_store_path(
    sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory
) -> None:
    me = "15550008003"
    deep = tmp_path_factory.mktemp("long") / ("a-store-path-too-long-for-a-socket-" * 3)
    assert len(os.fsencode(deep / "relay.sock")) > 107
    pair(sandbox, deep, me)
    listen = Wacli(deep, sandbox.url, sandbox.root_key, "listen")
    listen.event_of("connected")
    before = logins(sandbox)
    code, out, err = run(deep, sandbox.url, sandbox.root_key, "send", PEER, "from deep down")
    assert code == 0 and out.strip(), err
    assert logins(sandbox) == before  # it went through listen, nobody logged in beside it
    assert inbox_texts(sandbox)[-1] == "from deep down"
    # A second listen finds the first one at the same address.
    code, _, err = run(deep, sandbox.url, sandbox.root_key, "listen")
    assert code == ExitCode.CANNOT_CONNECT and "already running" in one_line(err)
    listen.proc.send_signal(signal.SIGTERM)
    lines = listen.rest()
    assert listen.proc.returncode == 0
    assert not any(line["type"] in ("stream_replaced", "disconnected") for line in lines)


def test_with_the_server_down_send_answers_as_without_listen(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    path = tmp_path_factory.mktemp("down") / "store"
    with SandboxProcess(None, "--privacy-tokens", "off") as own:
        server, root = own.url, own.root_key
        pair(own, path, ME)
        new_account(own, PEER)
        listen = Wacli(path, server, root, "listen")
        listen.event_of("connected")
        own.stop()
    try:
        listen.event_of("disconnected")
        relayed = run_with(path, server, root, "send", PEER, "nobody takes it", env=QUICK)
    finally:
        stop(listen)
    direct = run_with(path, server, root, "send", PEER, "nobody takes it", env=QUICK)
    assert relayed[0] == direct[0] == ExitCode.CANNOT_CONNECT, (relayed, direct)
    assert "wacli listen has no connection to the server" in one_line(relayed[2])
    one_line(direct[2])


@pytest.mark.parametrize("how", ["code", "qr"])
def test_a_pairing_that_runs_out_says_so(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server keeps an unlinked companion for as long as its pair-device refs live
    # (WhatsApp: 60 s, then 20 s each; here a fraction of a second), then closes it.
    monkeypatch.setenv("WACLI_SANDBOX_REF_SECONDS", "0.5,0.2")
    with SandboxProcess(None, "--privacy-tokens", "off") as short:
        new_account(short, "15550008009")
        phone = ("--phone", "+15550008009") if how == "code" else ()
        pairing = Wacli(tmp_path / "store", short.url, short.root_key, "pair", *phone, "--json")
        code, out, err = pairing.finish()
    shown = [json.loads(line) for line in out.splitlines()]
    assert shown and shown[0]["type"] == ("pairing_code" if how == "code" else "pairing_qr_code")
    assert code == ExitCode.TIMED_OUT, err
    expected = (
        "the pairing code was not entered on the phone in time; run 'wacli pair --phone' again"
        if how == "code"
        else "no phone scanned the QR code before it expired; run 'wacli pair' again"
    )
    assert one_line(err) == f"wacli: {expected}\n"
