"""The shipped completions and man page are what the program generates, and they work."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wacli.cli.app import app
from wacli.cli.commandtree import command_tree
from wacli.cli.completion import SHELLS, script
from wacli.cli.manpage import render

ROOT = Path(__file__).resolve().parents[2]
TREE = command_tree(app)


@pytest.mark.parametrize("shell", SHELLS)
def test_shipped_completion_is_generated_from_the_command_tree(shell: str) -> None:
    shipped = (ROOT / "completions" / f"wacli.{shell}").read_text()
    assert shipped == script(shell, TREE), (
        f"run: wacli completion {shell} > completions/wacli.{shell}"
    )


def test_completion_command_prints_the_script() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "wacli", "completion", "bash"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout == script("bash", TREE)


def _bash_complete(words: list[str]) -> list[str]:
    """Run the real bash completion function as bash would on <Tab>."""
    quoted = " ".join("'" + w + "'" for w in words)
    program = (
        f"source {ROOT / 'completions' / 'wacli.bash'}; "
        f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _wacli; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    out = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


def test_bash_completes_commands_and_their_options() -> None:
    assert set(_bash_complete(["wacli", ""])) >= {"pair", "send", "listen", "presence", "history"}
    assert _bash_complete(["wacli", "li"]) == ["listen"]
    assert "--phone" in _bash_complete(["wacli", "pair", "--"])
    assert "--phone" not in _bash_complete(["wacli", "listen", "--"])
    # a global option's value is skipped when finding the subcommand
    assert "--type" in _bash_complete(["wacli", "--store", "/tmp/x", "listen", "--"])
    assert _bash_complete(["wacli", "--server", ""]) == []


@pytest.mark.parametrize(
    "shell,check", [("zsh", ["zsh", "-n"]), ("fish", ["fish", "--no-execute"])]
)
def test_other_shells_parse_their_script(shell: str, check: list[str]) -> None:
    if shutil.which(check[0]) is None:
        pytest.fail(f"{shell} is not installed; tests/run installs it")
    path = ROOT / "completions" / f"wacli.{shell}"
    result = subprocess.run([*check, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_fish_completes_subcommand_options() -> None:
    if shutil.which("fish") is None:
        pytest.fail("fish is not installed; tests/run installs it")
    path = ROOT / "completions" / "wacli.fish"
    out = subprocess.run(
        ["fish", "-c", f"source {path}; complete -C 'wacli pair --'"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--phone" in out.stdout and "--type" not in out.stdout


def test_shipped_man_page_is_generated_and_renders() -> None:
    shipped = (ROOT / "man" / "wacli.1").read_text()
    assert shipped == render(TREE), "run: python -m wacli.cli.manpage > man/wacli.1"
    result = subprocess.run(
        ["man", "--warnings", "-l", str(ROOT / "man" / "wacli.1")],
        capture_output=True,
        text=True,
        env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
    )
    assert result.returncode == 0
    assert result.stderr == ""
    for command in ("pair", "send", "listen", "presence", "history"):
        assert f"wacli {command}" in result.stdout
    assert "EXIT STATUS" in result.stdout


def test_shells_complete_presence_states_and_shell_names() -> None:
    states = {"available", "unavailable", "subscribe", "typing", "recording", "paused"}
    assert set(_bash_complete(["wacli", "presence", ""])) >= states
    assert _bash_complete(["wacli", "presence", "su"]) == ["subscribe"]
    assert not states & set(_bash_complete(["wacli", "presence", "subscribe", ""]))
    assert set(_bash_complete(["wacli", "completion", ""])) >= {"bash", "zsh", "fish", "install"}
    assert set(_bash_complete(["wacli", "completion", "install", ""])) == {
        "bash",
        "zsh",
        "fish",
        "--help",
    }
    # zsh runs the real script with _describe answering what it was offered.
    zsh = subprocess.run(
        [
            "zsh",
            "-c",
            'words=(wacli presence ""); CURRENT=3; '
            '_describe() { print -rl -- "${(@P)4}" }; '
            f"source {ROOT / 'completions' / 'wacli.zsh'}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert set(zsh.stdout.split()) >= states
    fish = subprocess.run(
        [
            "fish",
            "-c",
            f"source {ROOT / 'completions' / 'wacli.fish'}; complete -C 'wacli completion '",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert set(fish.stdout.split()) == {"bash", "zsh", "fish", "install"}


def test_help_of_every_command_fits_80_columns_without_placeholders(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No `<bool>` on a flag and nothing cut with `…` at 80 columns (the presence states)."""
    from wacli.cli.app import main

    monkeypatch.setenv("COLUMNS", "80")
    for command in TREE.walk():
        with pytest.raises(SystemExit) as ended:
            main([*command.path, "--help"])
        shown = capsys.readouterr().out
        assert ended.value.code == 0, command.path
        assert "<bool>" not in shown, command.path
        cut = [line for line in shown.splitlines() if line.rstrip(" │").endswith("…")]
        assert cut == [], command.path
    main_help = subprocess.run(
        [sys.executable, "-m", "wacli", "presence", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert main_help.returncode == 0
    text = " ".join(main_help.stdout.split())
    assert "runs until Ctrl-C" in text
    for state in ("available", "unavailable", "subscribe", "typing", "recording", "paused"):
        assert state in text
