"""Installing wacli as the README says, and the files that run it as a service.

- The README's install command (pipx) with the system interpreter, in a scratch HOME,
  then `wacli --version` and `wacli --help` from where pipx put it.
- A wheel and an sdist built with `python -m build` (the wheel from the sdist, so the
  sdist must carry everything), the wheel installed into a fresh venv, and the
  sandbox served from that install (`wacli sandbox serve`, `python -m wacli`).
- `systemd-analyze verify` over contrib/'s user unit for `wacli listen`.

These install wacli's dependencies from the package index, as a user's install does.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from wacli import __version__

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")
INSTALL_TIMEOUT = 600.0


def quick_start_install() -> str:
    """The install line of the README's Quick start (its first command)."""
    text = (ROOT / "README.md").read_text()
    block = text.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    first = block.strip().splitlines()[0]
    return first.split("#", 1)[0].strip()


def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        args, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False, **kwargs
    )
    assert done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done


@pytest.mark.skipif(shutil.which("pipx") is None, reason="no pipx (tests/run installs it)")
def test_the_readme_install_command_with_the_system_python(tmp_path: Path) -> None:
    line = quick_start_install()
    assert line == "pipx install .", line
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": f"{home}/.local/bin:/usr/bin:/bin",
        "PIPX_DEFAULT_PYTHON": str(SYSTEM_PYTHON),
        "LANG": "C.UTF-8",
    }
    run(["/bin/sh", "-c", line], cwd=ROOT, env=env)
    wacli = home / ".local" / "bin" / "wacli"
    assert wacli.exists(), "pipx put no wacli on the user's PATH"
    assert run([str(wacli), "--version"], env=env).stdout == f"wacli {__version__}\n"
    helped = run([str(wacli), "--help"], env=env).stdout
    assert "listen" in helped and "sandbox" in helped
    # Uninstall as the README says: nothing left on the PATH.
    run(["/bin/sh", "-c", "pipx uninstall wacli"], env=env)
    assert not wacli.exists()


def serve_once(program: list[str], state: Path) -> dict[str, str]:
    """Start `… sandbox serve` outside the checkout (so only the installed package can be
    imported), read its ready line, stop it with SIGTERM (exit 0)."""
    proc = subprocess.Popen(
        [*program, "sandbox", "serve", "--state", str(state)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=state.parent,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30.0)
        line = proc.stdout.readline() if ready else ""
        assert line, "the installed sandbox printed no ready line"
        endpoints: dict[str, str] = json.loads(line)
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=15)
    assert code == 0
    return endpoints


def test_the_wheel_and_sdist_carry_what_wacli_needs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # --sdist then the wheel from it: what the sdist leaves out, the wheel lacks.
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)])
    (wheel,) = dist.glob("wacli-*.whl")
    (sdist,) = dist.glob("wacli-*.tar.gz")
    assert wheel.name.startswith(f"wacli-{__version__}-") and sdist.name == (
        f"wacli-{__version__}.tar.gz"
    )
    names = zipfile.ZipFile(wheel).namelist()
    protos = {Path(name).name for name in names if name.endswith(".proto")}
    assert protos == {path.name for path in (ROOT / "wacli" / "proto").glob("*.proto")}
    assert any(name.endswith("data/share/man/man1/wacli.1") for name in names)
    assert not [name for name in names if name.startswith(("tests/", "bench/"))]
    # One source for the version: pyproject takes it from wacli.__version__.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" in project.get("dynamic", []) and "version" not in project

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)])
    python = str(venv / "bin" / "python")
    assert run([str(venv / "bin" / "wacli"), "-V"]).stdout == f"wacli {__version__}\n"
    assert run([python, "-m", "wacli", "--version"]).stdout == f"wacli {__version__}\n"
    man = venv / "share" / "man" / "man1" / "wacli.1"
    assert man.read_text() == (ROOT / "man" / "wacli.1").read_text()
    endpoints = serve_once([str(venv / "bin" / "wacli")], tmp_path / "state")
    assert endpoints["url"].startswith("ws://127.0.0.1:")
    assert re.fullmatch(r"[0-9a-f]{64}", endpoints["noise_root_public_key"])


UNIT = ROOT / "contrib" / "wacli-listen@.service"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_accepts_the_listen_unit(tmp_path: Path) -> None:
    """One instance of the template, as `systemctl --user enable wacli-listen@alice` makes
    it, verified in user mode against a HOME whose ~/.local/bin/wacli is the real one."""
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "wacli").symlink_to(Path(sys.executable).parent / "wacli")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    instance = tmp_path / "wacli-listen@alice.service"
    shutil.copy(UNIT, instance)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    done = subprocess.run(
        ["systemd-analyze", "verify", "--user", "--man=no", str(instance)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    text = UNIT.read_text()
    assert "ExecStart=%h/.local/bin/wacli --account %i listen --output %S/wacli/%i.ndjson" in text
    assert "ExecReload=kill -HUP $MAINPID" in text  # logrotate's reload: reopen the file
    assert "StandardOutput=append:" not in text  # the events are listen's to fsync
    assert "Restart=on-failure" in text and "RestartPreventExitStatus=2 3 7" in text
