"""Break small, important behaviours of wacli one at a time and see which tests notice.

Run: .venv/bin/python bench/mutations.py [--only NAME ...] [--list] [--no-baseline]

Each mutation below is a literal source patch (the text it replaces must occur exactly
once, so a patch that no longer applies fails loudly instead of testing nothing). The
tree is copied to a temporary directory (without .git, .venv and node_modules, which are
linked), the patch is applied to the copy, never to the working tree, and the named
tests run there with PYTHONPATH pointing at the copy, so the `wacli` subprocesses the
tests start run the mutated code too. A mutation is caught by a test group when pytest
fails there (exit 1); it survives when the group passes. First every group runs on the
unmutated copy: a group that fails there makes its verdicts meaningless and stops the run.

Not part of the default test run: about five minutes on two cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN_TIMEOUT = 900  # one pytest group; hang protection only

SIGKILL_TESTS = (
    "tests/client/test_listen_kill.py",
    "tests/client/test_listen_sandbox.py::test_every_message_seen_at_least_once_across_sigkill",
)


@dataclass(frozen=True)
class Mutation:
    name: str
    what: str
    path: str
    old: str
    new: str
    unit: tuple[str, ...]
    end_to_end: tuple[str, ...]


MUTATIONS = (
    Mutation(
        "early-ack",
        "the receipt and ack sent before the event line is written (client/dispatcher.py)",
        "wacli/client/dispatcher.py",
        "                outcome = await self._handle(node)\n"
        "                for event in outcome.events:\n"
        "                    await self._sink(event)\n"
        "                handled.append((node, outcome))\n",
        "                outcome = await self._handle(node)\n"
        "                await self._reply(node, outcome)\n"
        "                for event in outcome.events:\n"
        "                    await self._sink(event)\n"
        "                handled.append((node, Outcome(reply=None, end=outcome.end)))\n",
        ("tests/unit/test_client_dispatcher.py",),
        SIGKILL_TESTS,
    ),
    Mutation(
        "leaf-not-static",
        "a certificate leaf that is not the server's static key accepted (noise/certs.py)",
        "wacli/noise/certs.py",
        "    if not hmac.compare_digest(leaf.key, server_static):\n",
        "    if False:\n",
        ("tests/unit/test_noise_certs.py",),
        ("tests/interop/test_noise_interop.py::test_wacli_initiator_refuses_bad_chains",),
    ),
    Mutation(
        "pairing-hmac",
        "the pairing HMAC check skipped (protocol/adv.py)",
        "wacli/protocol/adv.py",
        "    if not hmac.compare_digest(_hmac(adv_secret, container.details, hosted), "
        "container.hmac):\n",
        "    if False:\n",
        ("tests/unit/test_protocol_adv.py",),
        ("tests/client/test_pair_refusals_sandbox.py",),
    ),
    Mutation(
        "enc-v-ignored",
        'enc v ignored, so v="3" (unpadded) plaintexts are unpadded too (client/receive.py)',
        "wacli/client/receive.py",
        'unpad_message(padded, enc.attr_int("v", 2))',
        "unpad_message(padded)",
        ("tests/unit/test_client_receive.py",),
        ("tests/client/test_enc_versions_sandbox.py",),
    ),
    Mutation(
        "no-archive-dedup",
        "the already-archived duplicate check turned off (client/receive.py)",
        "wacli/client/receive.py",
        "        if known is not None and known.raw is not None:\n",
        "        if False:\n",
        ("tests/unit/test_client_receive.py",),
        SIGKILL_TESTS,
    ),
    Mutation(
        "timeout-exit-4",
        "a timeout mapped to exit 4 instead of 5 (cli/app.py)",
        "wacli/cli/app.py",
        "(errors.RequestTimeout, ExitCode.TIMED_OUT)",
        "(errors.RequestTimeout, ExitCode.CANNOT_CONNECT)",
        ("tests/unit/test_client_basics.py",),
        (
            "tests/client/test_exit_codes_sandbox.py",
            "tests/client/test_faults_sandbox.py::test_a_silent_server_times_out",
        ),
    ),
)

_SKIPPED = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".mypy_cache"}


def copy_tree(target: Path) -> Path:
    """The working tree copied under ``target`` (node_modules linked, not copied)."""
    tree = target / "tree"
    shutil.copytree(ROOT, tree, ignore=lambda _dir, names: [n for n in names if n in _SKIPPED])
    for modules in ROOT.glob("tests/**/node_modules"):
        if modules.is_dir() and "node_modules" not in modules.parent.parts:
            (tree / modules.relative_to(ROOT)).symlink_to(modules)
    return tree


def unpatched_text(tree: Path, mutation: Mutation) -> str:
    """The text of the file ``mutation`` patches; SystemExit unless the patched text
    occurs exactly once in it."""
    path = tree / mutation.path
    text = path.read_text()
    found = text.count(mutation.old)
    if found != 1:
        raise SystemExit(f"{mutation.name}: the patched text occurs {found} times in {path}")
    return text


def patched(tree: Path, mutation: Mutation) -> str:
    """Apply ``mutation`` to the copy; returns the original text to put back."""
    text = unpatched_text(tree, mutation)
    (tree / mutation.path).write_text(text.replace(mutation.old, mutation.new))
    return text


def run_group(tree: Path, tests: tuple[str, ...]) -> tuple[str, float]:
    """("pass" | "fail" | "error <code>", seconds) of one pytest run in the copy."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
    argv = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    start = time.monotonic()
    try:
        done = subprocess.run(
            argv, cwd=tree, env=env, capture_output=True, timeout=RUN_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return "error timeout", time.monotonic() - start
    seconds = time.monotonic() - start
    verdict = {0: "pass", 1: "fail"}.get(done.returncode, f"error {done.returncode}")
    return verdict, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only these mutations (by name)")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated run")
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if not args.only or m.name in args.only]
    if args.list or not chosen:
        for mutation in MUTATIONS:
            print(f"{mutation.name:18} {mutation.what}")
        return 0 if args.list else 2
    with tempfile.TemporaryDirectory(prefix="wacli-mutations-") as scratch:
        tree = copy_tree(Path(scratch))
        where = subprocess.run(
            [sys.executable, "-c", "import wacli; print(wacli.__file__)"],
            cwd=tree / "tests",
            env={**os.environ, "PYTHONPATH": str(tree)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not Path(where).is_relative_to(tree):  # the mutants would never run
            raise SystemExit(f"wacli imports from {where}, not from the copy {tree}")
        for mutation in chosen:  # a stale patch stops the run before minutes of tests
            unpatched_text(tree, mutation)
        if not args.no_baseline:
            groups = sorted({t for m in chosen for t in (*m.unit, *m.end_to_end)})
            verdict, seconds = run_group(tree, tuple(groups))
            print(f"baseline (unmutated): {verdict} in {seconds:.0f} s", flush=True)
            if verdict != "pass":
                return 1
        survived = 0
        print(f"{'mutation':18} {'unit':8} {'end-to-end':11} caught")
        for mutation in chosen:
            original = patched(tree, mutation)
            try:
                unit, _ = run_group(tree, mutation.unit)
                e2e, _ = run_group(tree, mutation.end_to_end)
            finally:
                (tree / mutation.path).write_text(original)
            caught = unit == "fail" and e2e == "fail"
            survived += not caught
            verdicts = [f"{'caught' if v == 'fail' else v:8}" for v in (unit, e2e)]
            print(f"{mutation.name:18} {verdicts[0]} {verdicts[1]:11} "
                  f"{'yes' if caught else 'NO'}", flush=True)  # fmt: skip
    print(f"{len(chosen) - survived} of {len(chosen)} caught by both a unit and an end-to-end test")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
