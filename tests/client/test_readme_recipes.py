"""The `wacli listen | jq …` recipes of README.md's "Recipes" section, run with the real
`jq` on real `wacli listen` output from the sandbox, each with its exact expected output.

The recipes are read from the README itself (each ``# what it does`` comment line and
the ``wacli listen [ARGS] | jq [FLAGS] 'FILTER'`` line under it); a recipe the test does
not know, or one it knows that the README lost, fails. For every distinct ``ARGS`` one
real capture runs, in a sandbox of its own: phones Bob and Carol write to Alice (the
README's own account, linked to a wacli store), Alice answers Bob with `wacli send`, and
Bob's linked companion (wacli's client library on a second store) marks that answer read.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import anyio
import pytest

from tests.client.accounts import pair
from tests.client.support import LINE_TIMEOUT, Wacli, new_account, run, valid
from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.client import Client
from wacli.client.connection import Endpoint
from wacli.client.payload import configured_version
from wacli.jid import parse_jid
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store

README = Path(__file__).resolve().parents[2] / "README.md"
ALICE, BOB, CAROL = "15550001111", "15550002222", "15550003333"  # as in the README
RECIPE = re.compile(r"wacli listen(?P<args>(?: --?[\w-]+(?: [\w,]+)?)*) \| jq (?P<jq>.+)")


@dataclass(frozen=True)
class Recipe:
    title: str
    listen_args: tuple[str, ...]
    jq_args: tuple[str, ...]  # flags and the filter, as the shell would split them


def readme_recipes() -> list[Recipe]:
    """Every recipe in the fenced block under "## Recipes"."""
    text = README.read_text()
    section = text.split("\n## Recipes\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("\n```", 1)[0]
    recipes, title = [], None
    for line in block.splitlines():
        if line.startswith("# "):
            title = line[2:]
            continue
        found = RECIPE.fullmatch(line)
        assert found and title, f"not a recipe line: {line!r}"
        recipes.append(Recipe(title, tuple(found["args"].split()), tuple(shlex.split(found["jq"]))))
        title = None
    return recipes


@dataclass(frozen=True)
class Capture:
    ndjson: bytes  # exactly what `wacli listen ARGS` wrote
    from_bob: tuple[str, str]  # the ids of Bob's two messages
    from_carol: str  # id of Carol's
    to_bob: str  # id of Alice's answer
    reader: str  # the JID of Bob's companion device that read it


BOB_TEXTS = ("hi Alice", "lunch\tat noon?")  # a tab, escaped by @tsv
CAROL_TEXT = "Carol here"

# What each recipe prints for a capture, by its README title.
EXPECTED: dict[str, Callable[[Capture], str]] = {
    "the text of every incoming message": lambda c: (
        f"{BOB_TEXTS[0]}\n{BOB_TEXTS[1]}\n{CAROL_TEXT}\n"
    ),
    "who wrote what, as tab-separated columns": lambda c: (
        "Bob\thi Alice\nBob\tlunch\\tat noon?\nCarol\tCarol here\n"
    ),
    "only one chat": lambda c: f"{BOB_TEXTS[0]}\n{BOB_TEXTS[1]}\n",
    "the ids of incoming messages (delivery is at least once: after a crash an id may repeat)": (
        lambda c: f"{c.from_bob[0]}\n{c.from_bob[1]}\n{c.from_carol}\n"
    ),
    "which of my messages were read, and by which device": lambda c: (
        f'{{"by":"{c.reader}","ids":["{c.to_bob}"]}}\n'
    ),
}


@dataclass
class World:
    sandbox: SandboxProcess
    alice: Path
    bob_companion: Path
    bob_device: str


def new_world(sandbox: SandboxProcess, base: Path) -> World:
    """Alice and Bob linked to wacli stores, Carol a phone only."""
    pair(sandbox, base / "alice", ALICE, "Alice")
    linked = pair(sandbox, base / "bob", BOB, "Bob")
    new_account(sandbox, CAROL, "Carol")
    return World(sandbox, base / "alice", base / "bob", linked["jid"])


def phone_sends(sandbox: SandboxProcess, phone: str, text: str) -> str:
    status, sent = sandbox.admin("POST", f"/accounts/{phone}/send", {"to": ALICE, "text": text})
    assert status == 200, sent
    return sent["id"]


def mark_read(world: World, chat: str, message_id: str) -> None:
    """Bob's companion reads Alice's message: ``<receipt id to type="read" t>``, what a
    WhatsApp client sends when its user opens the chat, answered by the server's ack."""

    async def quiet(event: ev.Event) -> None:
        pass

    async def main() -> None:
        sandbox = world.sandbox
        endpoint = Endpoint(sandbox.url, bytes.fromhex(sandbox.root_key), configured_version())
        with Store(world.bob_companion) as store:
            async with Client(store, endpoint, quiet).login() as conn:
                attrs = {"id": message_id, "to": parse_jid(chat), "type": "read"}
                ack = await conn.request(Node("receipt", {**attrs, "t": str(int(time.time()))}))
                assert ack.tag == "ack" and ack.attr("error") is None, ack

    anyio.run(main)


def capture(world: World, listen_args: tuple[str, ...]) -> Capture:
    """What `wacli listen ARGS` prints for one round of the scenario. The round happens
    first, while no listen runs: the server queues all of it for Alice's device and
    hands it over on login (so `wacli send` logs in on its own, with nobody to replace)."""
    sandbox = world.sandbox
    first = phone_sends(sandbox, BOB, BOB_TEXTS[0])
    second = phone_sends(sandbox, BOB, BOB_TEXTS[1])
    carol = phone_sends(sandbox, CAROL, CAROL_TEXT)
    code, out, err = run(world.alice, sandbox.url, sandbox.root_key, "send", BOB, "sure!")
    assert code == 0, err
    answer = out.decode().strip()
    mark_read(world, f"{ALICE}@s.whatsapp.net", answer)

    listen = Wacli(world.alice, sandbox.url, sandbox.root_key, "listen", *listen_args)
    # Read until the last of these has been printed (what --type keeps of them).
    kinds = set(listen_args[1].split(",")) if listen_args else {"message", "receipt"}
    wanted: set[str | tuple[str, str]] = set()
    if "message" in kinds:
        wanted |= {first, second, carol}
    if "receipt" in kinds:
        wanted.add(("read", answer))
    raw = b""
    while wanted:
        line = listen.stdout.line(LINE_TIMEOUT)
        assert line is not None, listen.finish()
        raw += line + b"\n"
        event = valid(json.loads(line))
        if event["type"] == "message":
            wanted.discard(event["data"]["info"]["id"])
        elif event["type"] == "receipt" and event["data"]["type"] == "read":
            wanted -= {("read", message_id) for message_id in event["data"]["message_ids"]}
    listen.proc.send_signal(signal.SIGTERM)
    raw += listen.stdout.drain()
    assert listen.proc.wait(LINE_TIMEOUT) == 0
    return Capture(raw, (first, second), carol, answer, world.bob_device)


RECIPES = readme_recipes()


def test_the_readme_and_this_test_know_the_same_recipes() -> None:
    assert [recipe.title for recipe in RECIPES] == list(EXPECTED)


@pytest.mark.parametrize("recipe", RECIPES, ids=[recipe.title for recipe in RECIPES])
def test_recipe_on_real_output(
    recipe: Recipe,
    captures: dict[tuple[str, ...], Capture],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    jq = shutil.which("jq")
    assert jq is not None, "the recipes test needs jq"
    if recipe.listen_args not in captures:
        # A sandbox of its own for each capture: what an earlier listen printed but had
        # not acknowledged when it was stopped comes again (at least once), and would
        # show up in the next capture.
        with SandboxProcess() as sandbox:
            world = new_world(sandbox, tmp_path_factory.mktemp("recipes"))
            captures[recipe.listen_args] = capture(world, recipe.listen_args)
    got = captures[recipe.listen_args]
    result = subprocess.run(
        [jq, *recipe.jq_args], input=got.ndjson, capture_output=True, timeout=LINE_TIMEOUT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == EXPECTED[recipe.title](got)


@pytest.fixture(scope="module")
def captures() -> dict[tuple[str, ...], Capture]:
    """One real capture per distinct `wacli listen` arguments, shared by the recipes."""
    return {}
