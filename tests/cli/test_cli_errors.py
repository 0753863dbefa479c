"""What a script sees when it calls wacli wrongly: one line on stderr, the documented code."""

import subprocess
import sys

import pytest

from wacli.cli.exit_codes import ExitCode


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wacli", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    "args",
    [
        ("send", "--foo"),
        ("nope",),
        ("send",),
        ("completion", "tcsh"),
        ("--store",),
        ("send", "not-a-number", "hi"),
        ("listen", "--type", "nope"),
        ("presence", "sleeping"),
        ("presence", "typing"),
        ("presence", "subscribe"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == ExitCode.USAGE
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wacli: ")
    assert "Traceback" not in result.stderr


def test_not_paired_is_one_line_exit_3(tmp_path) -> None:
    for args in (("send", "120363000000000001@g.us", "hi"), ("listen",), ("whoami",)):
        result = run("--store", str(tmp_path / "none"), *args)
        assert result.returncode == ExitCode.NOT_PAIRED, result.stderr
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "wacli pair" in result.stderr


def test_help_goes_to_stdout_and_exits_0() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("pair", "send", "listen", "presence", "history"):
        assert command in result.stdout
