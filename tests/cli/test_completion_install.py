"""`wacli completion install [SHELL]` in a scratch HOME: it writes the script where each
real shell loads a user's completions by itself, says where, and the shell then
completes wacli's commands from it (README: "Shell completion")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wacli.cli.app import app
from wacli.cli.commandtree import command_tree
from wacli.cli.completion import script

TREE = command_tree(app)


def scratch_env(home: Path, shell: str | None) -> dict[str, str]:
    """Our environment in the scratch ``home``: no XDG_* or BASH_COMPLETION_* of ours."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "BASH_COMPLETION", "WACLI_", "ZDOTDIR"))
    }
    env["HOME"] = str(home)
    env.pop("SHELL", None)
    if shell is not None:
        env["SHELL"] = f"/usr/bin/{shell}"
    return env


def install(home: Path, *args: str, shell: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wacli", "completion", "install", *args],
        capture_output=True,
        text=True,
        env=scratch_env(home, shell),
    )


def in_shell(home: Path, argv: list[str]) -> str:
    """``argv`` run in ``home`` with ``wacli`` on PATH, as after an install (fish loads a
    command's completion only for a command it finds)."""
    if shutil.which(argv[0]) is None:
        pytest.fail(f"{argv[0]} is not installed; tests/run installs it")
    bin_dir = home / ".local" / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    shim = bin_dir / "wacli"
    shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m wacli "$@"\n')
    shim.chmod(0o755)
    env = scratch_env(home, None)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(argv, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def written(out: str) -> Path:
    first = out.splitlines()[0]
    assert first.startswith("wrote "), out
    return Path(first.removeprefix("wrote "))


def test_bash_from_shell_variable(tmp_path: Path) -> None:
    done = install(tmp_path, shell="bash")  # SHELL names bash: no argument needed
    assert done.returncode == 0, done.stderr
    target = written(done.stdout)
    assert target == tmp_path / ".local/share/bash-completion/completions/wacli"
    assert target.read_text() == script("bash", TREE)
    # Where bash-completion's loader looks for a user's completion of `wacli`, as bash
    # itself expands it in this HOME; sourcing that file completes wacli.
    program = (
        'dir="${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion}"'
        '; source "$dir/completions/wacli"'
        "; COMP_WORDS=(wacli li); COMP_CWORD=1; _wacli"
        '; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    assert in_shell(tmp_path, ["bash", "-c", program]).split() == ["listen"]


def test_zsh_without_a_user_fpath_gets_zfunc_and_the_line_to_add(tmp_path: Path) -> None:
    done = install(tmp_path, "zsh", shell="bash")  # the argument wins over $SHELL
    assert done.returncode == 0, done.stderr
    target = written(done.stdout)
    assert target == tmp_path / ".zfunc" / "_wacli"
    assert "fpath=(~/.zfunc $fpath)" in done.stdout.splitlines()[1]
    # With the printed line in ~/.zshrc, an interactive zsh's compinit finds _wacli.
    (tmp_path / ".zshrc").write_text(done.stdout.splitlines()[1].split(": ", 1)[1] + "\n")
    out = in_shell(tmp_path, ["zsh", "-i", "-c", "print -r -- ${_comps[wacli]}"])
    assert out.strip().splitlines()[-1] == "_wacli"


def test_zsh_uses_a_directory_already_on_the_users_fpath(tmp_path: Path) -> None:
    mine = tmp_path / ".zsh" / "completions"
    (tmp_path / ".zshenv").write_text(f"fpath=({mine} $fpath)\n")
    done = install(tmp_path, "zsh")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote {mine / '_wacli'}\n"  # nothing to add
    assert (mine / "_wacli").read_text() == script("zsh", TREE)


def test_fish_autoloads_it(tmp_path: Path) -> None:
    done = install(tmp_path, "fish")
    assert done.returncode == 0, done.stderr
    target = written(done.stdout)
    assert target == tmp_path / ".config/fish/completions/wacli.fish"
    out = in_shell(tmp_path, ["fish", "-c", "complete -C 'wacli pair --'"])
    assert "--phone" in out


def test_install_again_replaces_the_script(tmp_path: Path) -> None:
    target = tmp_path / ".config/fish/completions/wacli.fish"
    target.parent.mkdir(parents=True)
    target.write_text("# an older wacli's\n")
    assert install(tmp_path, "fish").returncode == 0
    assert target.read_text() == script("fish", TREE)
    assert sorted(p.name for p in target.parent.iterdir()) == ["wacli.fish"]


def test_unknown_shell_is_a_usage_error(tmp_path: Path) -> None:
    done = install(tmp_path, shell="tcsh")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "tcsh" in done.stderr
    assert not any(tmp_path.iterdir())


def test_unwritable_directory_is_exit_7(tmp_path: Path) -> None:
    (tmp_path / ".config").write_text("")  # a file where the directory must go
    done = install(tmp_path, "fish")
    assert done.returncode == 7
    assert done.stderr.count("\n") == 1 and str(tmp_path / ".config") in done.stderr
