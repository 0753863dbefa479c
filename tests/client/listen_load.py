"""Shared by the tests that load `wacli listen --output FILE` (README: "Where listen's
events go"): simulated phones sending bursts, reading FILE back, random connection drops
(docs/sandbox-admin.md, ``{"drop": phone}``) and cron-style `wacli send` processes."""

from __future__ import annotations

import json
import random
import subprocess
import threading
import time
from pathlib import Path

from tests.client.support import (
    STARTED,
    Wacli,
    command,
    environment,
    valid,
    wait_until,
)
from wacli.sandbox.process import SandboxProcess

TYPES = "message,undecryptable_message,connected"


def listen(sandbox: SandboxProcess, store: Path, output: Path) -> Wacli:
    return Wacli(
        store, sandbox.url, sandbox.root_key, "listen", "--type", TYPES, "--output", str(output)
    )


def lines_of(*files: Path, check: bool = True) -> list[dict]:
    """Every line of ``files`` (missing ones are empty), each a whole event; ``check``:
    valid against docs/events.schema.json too (left out by the polls, for speed)."""
    found = []
    for path in files:
        if path.exists():
            data = path.read_bytes()
            if check:
                assert not data or data.endswith(b"\n"), f"{path} ends in a partial line"
            else:  # listen may be writing the last line right now
                data = data[: data.rfind(b"\n") + 1]
            found += [json.loads(line) for line in data.splitlines()]
    return [valid(line) for line in found] if check else found


def ids_from(phone: str, lines: list[dict]) -> list[str]:
    """The ids of the messages ``phone`` sent, in the order of ``lines`` (repeats kept);
    anything undecryptable fails the test."""
    chat = f"{phone}@s.whatsapp.net"
    ids = []
    for line in lines:
        assert line["type"] != "undecryptable_message", line
        if line["type"] == "message" and line["data"]["info"]["chat"] == chat:
            ids.append(line["data"]["info"]["id"])
    return ids


def connected(wacli: Wacli, output: Path, seen_before: int) -> None:
    """Wait for the ``connected`` line a fresh listen appends after ``seen_before`` ones."""

    def up() -> bool:
        assert wacli.proc.poll() is None, wacli.finish()
        kinds = [line["type"] for line in lines_of(output, check=False)]
        return kinds.count("connected") > seen_before

    wait_until(up, "listen to connect")


class Burst:
    """``count`` messages from ``phone`` to ``to``, sent by a thread; ``ids`` grows as the
    sandbox accepts them."""

    def __init__(self, sandbox: SandboxProcess, phone: str, to: str, count: int) -> None:
        self.ids: list[str] = []
        self.failure: str | None = None
        self._thread = threading.Thread(
            target=self._send, args=(sandbox, phone, to, count), daemon=True
        )
        self._thread.start()

    def _send(self, sandbox: SandboxProcess, phone: str, to: str, count: int) -> None:
        for n in range(count):
            try:
                status, sent = sandbox.admin(
                    "POST", f"/accounts/{phone}/send", {"to": to, "text": f"burst {n}"}
                )
            except OSError as exc:  # the sandbox went away: the test failed already
                self.failure = f"send {n}: {exc}"
                return
            if status != 200:
                self.failure = f"send {n}: {status} {sent}"
                return
            self.ids.append(sent["id"])

    def done(self, timeout: float = 120) -> set[str]:
        self._thread.join(timeout)
        assert self.failure is None, self.failure
        assert len(self.ids) == len(set(self.ids))
        return set(self.ids)


class Tail:
    """FILE as listen appends to it, read on from where the last look stopped (a soak's
    FILE grows to thousands of lines: reading it whole at every poll would cost more than
    listen). Only whole lines are taken: the next listen cuts a partial one a kill left."""

    def __init__(self, path: Path, phones: list[str]) -> None:
        self.path = path
        self._chats = {f"{phone}@s.whatsapp.net" for phone in phones}
        self._offset = 0
        self.ids: set[str] = set()  # of the phones' messages, each once however often written
        self.connects = 0

    def poll(self) -> Tail:
        if not self.path.exists():
            return self
        with self.path.open("rb") as file:
            file.seek(self._offset)
            data = file.read()
        whole = data[: data.rfind(b"\n") + 1]
        self._offset += len(whole)
        for raw in whole.splitlines():
            line = json.loads(raw)
            assert line["type"] != "undecryptable_message", line
            if line["type"] == "connected":
                self.connects += 1
            elif line["type"] == "message" and line["data"]["info"]["chat"] in self._chats:
                self.ids.add(line["data"]["info"]["id"])
        return self


class Drops:
    """A thread that drops the connections of ``phone``'s devices at random moments (seeded:
    a failing run can be repeated) until stopped; ``count`` says how many it dropped,
    ``tries`` how often it tried (a device between two logins has nothing to drop)."""

    def __init__(
        self, sandbox: SandboxProcess, phone: str, seed: int, gap: tuple[float, float]
    ) -> None:
        self.count = 0
        self.tries = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._drop, args=(sandbox, phone, random.Random(seed), gap), daemon=True
        )
        self._thread.start()

    def _drop(
        self, sandbox: SandboxProcess, phone: str, rng: random.Random, gap: tuple[float, float]
    ) -> None:
        while not self._stop.wait(rng.uniform(*gap)):
            self.tries += 1
            try:
                status, answer = sandbox.admin("POST", "/faults", {"drop": phone})
            except OSError:  # the sandbox went away: the test failed already
                return
            if status == 200:
                self.count += answer["dropped"]

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(30)
        return self.count


class CronSend:
    """One `wacli send` as cron starts it: nobody reads its output until it ends, and its
    only guard is ``WACLI_TIMEOUT``. A thread waits for it, so ``elapsed`` is the time it
    took however late ``join`` is called; after ``limit`` seconds it is SIGKILLed (hang
    protection: ``code`` -9 then)."""

    def __init__(
        self,
        sandbox: SandboxProcess,
        store: Path,
        to: str,
        text: str,
        timeout: float,
        limit: float,
    ) -> None:
        self.text = text
        self.code: int | None = None
        self.err = ""
        self.elapsed = 0.0
        started = time.monotonic()
        self.proc = subprocess.Popen(
            command(store, sandbox.url, sandbox.root_key, "send", to, text),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=environment({"WACLI_TIMEOUT": f"{timeout:g}"}),
        )
        STARTED.append(self.proc)
        self._thread = threading.Thread(target=self._wait, args=(started, limit), daemon=True)
        self._thread.start()

    def _wait(self, started: float, limit: float) -> None:
        try:
            _, err = self.proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        self.elapsed = time.monotonic() - started
        self.code, self.err = self.proc.returncode, err.decode()

    def join(self) -> CronSend:
        self._thread.join()
        return self
