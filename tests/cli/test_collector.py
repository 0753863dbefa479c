"""The cyclic garbage collector is held off while a command starts and back on once the
command has loaded what it runs (wacli.cli.collector), each case in a fresh interpreter
(the test process keeps its own collector as it is)."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


def run(program: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(program)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_held_off_turns_the_collector_back_on_however_the_run_ends() -> None:
    assert (
        run(
            """
        import gc
        from wacli.cli.collector import held_off
        seen = []
        try:
            with held_off():
                seen.append(gc.isenabled())
                raise SystemExit(3)
        except SystemExit:
            seen.append(gc.isenabled())
        gc.disable()
        with held_off():  # held off by someone else: left to them
            pass
        seen.append(gc.isenabled())
        print(seen)
        """
        )
        == "[False, True, False]"
    )


def test_making_a_commands_client_freezes_start_up_and_turns_the_collector_on(
    tmp_path: Path,
) -> None:
    """What every connecting command goes through (wacli.cli.context.client_of): from
    there on the collector runs (listen runs for days), never walking start-up's objects."""
    assert (
        run(
            f"""
        import gc
        from wacli.cli.collector import held_off
        from wacli.cli.context import client_of, endpoint
        from wacli.store import Store

        options = {{"server": "ws://127.0.0.1:9/ws/chat", "noise_root": "00" * 32}}
        with held_off(), Store({str(tmp_path)!r}) as store:
            assert not gc.isenabled()
            client_of(endpoint(options), store)
            print(gc.isenabled(), gc.get_freeze_count() > 10_000)
        """
        )
        == "True True"
    )


@pytest.mark.parametrize("argv", [["--help"], ["sandbox", "serve", "--help"]])
def test_the_program_leaves_the_collector_on_when_it_returns(argv: list[str]) -> None:
    """``main`` run in a process of its own caller (as these tests do) gives the collector
    back as it found it."""
    assert (
        run(
            f"""
        import contextlib, gc, io
        from wacli.cli.app import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            main({argv!r})
        print(gc.isenabled())
        """
        )
        == "True"
    )
