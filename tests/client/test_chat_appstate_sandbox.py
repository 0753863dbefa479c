"""`wacli chat` writes app state against the real sandbox (subprocess), the CLI a subprocess
too: each change becomes the collection's next version at the server, the phone verifies
it (MACs and LTHash: nothing unverified) and ends at the LTHash wacli stored; a second
companion of the account running `wacli listen` prints the change; while our own listen
runs the command goes through it and our listen does not report our own change; a phone
change slipped in between our sync and our upload (a real 409) is fetched and the write
still lands; a listen whose fetch overlaps our write verifies what it gets, reports none
of it twice and never puts an older state over ours; bad input and a missing link or key
get their documented exit codes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import anyio
import pytest

from tests.client.accounts import pair
from tests.client.support import Lines, Wacli, new_account, run, stop
from wacli.binary import Node
from wacli.cli.exit_codes import ExitCode
from wacli.client import events as ev
from wacli.client.appstate import AppStateSync
from wacli.client.appstate_write import AppStateWriter, chat_change
from wacli.client.client import Client
from wacli.client.connection import Endpoint, Requests
from wacli.client.payload import configured_version
from wacli.jid import parse_jid
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive, Chat

ALICE = "15550007001"
BOB, CAROL, DAVE = "15550007002", "15550007003", "15550007004"
BOB_JID, CAROL_JID, DAVE_JID = (f"{p}@s.whatsapp.net" for p in (BOB, CAROL, DAVE))
APP_STATE_EVENTS = {"pin_update", "mute_update", "archive_update", "mark_chat_as_read_update"}


@pytest.fixture(scope="module")
def stores(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("chat")
    pair(sandbox, root / "first", ALICE)
    for phone in (BOB, CAROL, DAVE):
        new_account(sandbox, phone)
    return {"first": root / "first", "second": root / "second"}


def link(sandbox: SandboxProcess, store: Path, phone: str) -> None:
    """Link ``store`` as one more companion of the existing account ``phone``."""
    pairing = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--phone", f"+{phone}", "--json")
    first = pairing.event()
    assert first["type"] == "pairing_code"
    status, linked = sandbox.admin(
        "POST", f"/accounts/{phone}/link", {"code": first["data"]["code"]}
    )
    assert status == 200, linked
    code, _, err = pairing.finish()
    assert code == 0, err


async def quiet(event: ev.Event) -> None:
    del event


def endpoint(sandbox: SandboxProcess) -> Endpoint:
    return Endpoint(sandbox.url, bytes.fromhex(sandbox.root_key), configured_version())


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    return code, out.decode(), err


def chat(sandbox: SandboxProcess, store: Path, *args: str) -> dict:
    code, out, err = wacli(sandbox, store, "chat", *args, "--json")
    assert code == 0, err
    assert err == "" and len(out.splitlines()) == 1
    return json.loads(out)


def listen(sandbox: SandboxProcess, store: Path) -> Lines:
    return Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))


def phone_changes(sandbox: SandboxProcess, body: dict) -> dict:
    status, answer = sandbox.admin("POST", f"/accounts/{ALICE}/app-state", body)
    assert status == 200, answer
    return answer


def server_view(sandbox: SandboxProcess) -> dict:
    """Per collection: the server's version and the phone's LTHash, checked up to there."""
    status, shown = sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200, shown
    return shown


def stats(sandbox: SandboxProcess) -> dict:
    status, found = sandbox.admin("GET", "/stats")
    assert status == 200, found
    return found


def unverified(sandbox: SandboxProcess) -> int:
    return stats(sandbox).get("app_state_unverified", 0)


def stored(store: Path, name: str) -> tuple[int, str]:
    with Store(store) as opened:
        state = opened.load_collection(name)
    assert state is not None
    return state.version, state.hash.hex()


def chat_row(store: Path, jid: str) -> Chat:
    with Store(store) as opened:
        row = Archive(opened).chat(jid)
    assert row is not None
    return row


def same_as_phone(sandbox: SandboxProcess, store: Path, name: str, version: int) -> None:
    """The server is at ``version``, the phone verified every patch, and its LTHash is ours."""
    shown = server_view(sandbox)[name]
    assert shown["version"] == version
    assert unverified(sandbox) == 0
    assert stored(store, name) == (version, shown["hash"])


def next_update(lines: Lines, kind: str, jid: str) -> dict:
    while True:
        line = lines.next_of(kind)
        if line["data"]["jid"] == jid:
            return line["data"]


def rfc3339(text: str) -> int:
    """RFC 3339 (milliseconds or not) as whole unix seconds."""
    return int(datetime.fromisoformat(text).timestamp())


def test_usage_errors_and_not_paired(sandbox: SandboxProcess, tmp_path: Path) -> None:
    code, out, err = wacli(sandbox, tmp_path / "never", "chat", "pin", BOB_JID)
    assert code == ExitCode.NOT_PAIRED and out == ""
    assert len(err.splitlines()) == 1 and "not paired" in err
    for args in (("pin", "foo@bar"), ("pin", "12"), ("mute", BOB_JID, "--for", "3x")):
        code, out, err = wacli(sandbox, tmp_path / "never", "chat", *args)
        assert code == ExitCode.USAGE and out == ""
        assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_without_a_key_from_the_phone_nothing_is_written(
    sandbox: SandboxProcess, stores: dict[str, Path]
) -> None:
    # The account has not used app state: its phone has no sync key to share yet.
    code, out, err = wacli(sandbox, stores["first"], "chat", "pin", BOB_JID)
    assert code == ExitCode.NOT_PAIRED and out == ""
    assert len(err.splitlines()) == 1 and "app-state key" in err
    assert server_view(sandbox)["regular_low"]["version"] == 0


def test_changes_reach_the_phone_and_the_other_companion(
    sandbox: SandboxProcess, stores: dict[str, Path]
) -> None:
    first, second = stores["first"], stores["second"]
    # The phone's first change: it makes its key and shares it; our listen keeps it.
    phone_changes(sandbox, {"chat": CAROL_JID, "pin": True})
    ours = listen(sandbox, first)
    assert next_update(ours, "pin_update", CAROL_JID)["action"] == {"pinned": True}
    stop(ours)
    # A second companion linked now gets the key at once and catches up.
    link(sandbox, second, ALICE)
    other = listen(sandbox, second)
    assert next_update(other, "pin_update", CAROL_JID)["from_full_sync"] is True

    # pin, with our own login (no listen on our store)
    done = chat(sandbox, first, "pin", BOB)
    assert done == {"jid": BOB_JID, "action": "pin", "collection": "regular_low", "version": 2}
    same_as_phone(sandbox, first, "regular_low", 2)
    seen = next_update(other, "pin_update", BOB_JID)
    assert seen["action"] == {"pinned": True} and seen["from_full_sync"] is False
    assert chat_row(first, BOB_JID).pinned_at == rfc3339(seen["timestamp"])

    # mute, archive, read: through our running listen's connection
    ours = listen(sandbox, first)
    ours.next_of("connected")
    logins = stats(sandbox)["logins"]
    done = chat(sandbox, first, "mute", BOB_JID, "--for", "1w")
    assert done["collection"] == "regular_high" and done["version"] == 1
    assert done["forever"] is False
    same_as_phone(sandbox, first, "regular_high", 1)
    seen = next_update(other, "mute_update", BOB_JID)
    assert seen["action"]["muted"] is True
    end = int(seen["action"]["mute_end_timestamp"]) // 1000
    assert end == rfc3339(done["muted_until"]) == chat_row(first, BOB_JID).muted_until
    assert end - rfc3339(seen["timestamp"]) in range(7 * 86400 - 1, 7 * 86400 + 1)

    done = chat(sandbox, first, "archive", BOB_JID)
    assert (done["collection"], done["version"]) == ("regular_low", 3)
    same_as_phone(sandbox, first, "regular_low", 3)
    assert next_update(other, "archive_update", BOB_JID)["action"]["archived"] is True
    # archiving unpins (one patch, two mutations), as the phone does
    assert next_update(other, "pin_update", BOB_JID)["action"] == {"pinned": False}
    row = chat_row(first, BOB_JID)
    assert row.archived and row.pinned_at is None

    done = chat(sandbox, first, "unread", BOB_JID)
    assert done["version"] == 4
    assert next_update(other, "mark_chat_as_read_update", BOB_JID)["action"]["read"] is False
    assert chat_row(first, BOB_JID).unread_count == -1
    done = chat(sandbox, first, "read", BOB_JID)
    assert done["version"] == 5
    same_as_phone(sandbox, first, "regular_low", 5)
    assert next_update(other, "mark_chat_as_read_update", BOB_JID)["action"]["read"] is True
    assert chat_row(first, BOB_JID).unread_count == 0

    code, out, err = wacli(sandbox, first, "chat", "mute", BOB_JID, "--for", "forever")
    assert code == 0 and out == f"muted {BOB_JID} forever\n", err
    assert next_update(other, "mute_update", BOB_JID)["action"]["mute_end_timestamp"] == "-1"
    assert chat_row(first, BOB_JID).muted_until == -1

    # Our listen, whose connection carried all this, reports none of our own changes;
    # a phone change after them is reported once, and the other companion has it too.
    phone_changes(sandbox, {"chat": CAROL_JID, "pin": False})
    assert next_update(ours, "pin_update", CAROL_JID)["action"] == {"pinned": False}
    assert next_update(other, "pin_update", CAROL_JID)["action"] == {"pinned": False}
    assert stats(sandbox)["logins"] == logins  # every command went through our listen
    lines = stop(ours)
    assert [x for x in lines if x["type"] in APP_STATE_EVENTS] == []
    stop(other)
    same_as_phone(sandbox, first, "regular_low", 6)
    same_as_phone(sandbox, second, "regular_low", 6)
    same_as_phone(sandbox, second, "regular_high", 2)


class PhoneInBetween(AppStateWriter):
    """Our writer, with the phone writing the same collection right after our first sync:
    the upload built on that sync then meets the server's real 409."""

    def __init__(self, store: Store, sandbox: SandboxProcess) -> None:
        super().__init__(store)
        self.sandbox = sandbox
        self.syncs = 0

    async def prepare(self, name: str) -> None:
        await super().prepare(name)
        self.syncs += 1
        if self.syncs == 1:
            phone_changes(self.sandbox, {"chat": DAVE_JID, "pin": True})


def test_a_conflict_is_resynced_and_the_write_lands(
    sandbox: SandboxProcess, stores: dict[str, Path]
) -> None:
    first = stores["first"]
    before = server_view(sandbox)["regular_low"]["version"]

    async def main() -> tuple[int, int]:
        with Store(first) as store:
            writer = PhoneInBetween(store, sandbox)
            async with Client(store, endpoint(sandbox), quiet).login() as conn:
                written = await writer.write(conn, chat_change("pin", parse_jid(BOB_JID)))
            return written.version, writer.syncs

    version, syncs = anyio.run(main)
    assert syncs == 2  # the 409 made it sync again
    assert version == before + 2  # the phone's patch, then ours on top
    same_as_phone(sandbox, first, "regular_low", before + 2)
    assert chat_row(first, DAVE_JID).pinned_at is not None  # the phone's, fetched on resync
    assert chat_row(first, BOB_JID).pinned_at is not None  # ours


class CommandMeanwhile(Requests):
    """Listen's connection, with a `wacli chat` command (its own writer, the same store)
    writing while listen's fetch is under way: before the server answers it, or after."""

    def __init__(self, conn: Requests, writer: AppStateWriter, before: bool) -> None:
        self.conn = conn
        self.writer = writer
        self.before = before
        self.written: list[int] = []

    async def send(self, node: Node) -> None:
        await self.conn.send(node)

    async def request(self, node: Node, timeout: float | None = None) -> Node:
        if self.written or node.attr("xmlns") != "w:sync:app:state":
            return await self.conn.request(node, timeout)
        change = chat_change("unpin", parse_jid(DAVE_JID))
        if self.before:
            self.written.append((await self.writer.write(self.conn, change)).version)
            return await self.conn.request(node, timeout)
        reply = await self.conn.request(node, timeout)
        self.written.append((await self.writer.write(self.conn, change)).version)
        return reply


@pytest.mark.parametrize("before", [True, False], ids=["our-patch-in-its-fetch", "older-fetch"])
def test_listen_fetching_around_our_write_keeps_one_consistent_state(
    sandbox: SandboxProcess, stores: dict[str, Path], before: bool
) -> None:
    first = stores["first"]
    start = server_view(sandbox)["regular_low"]["version"]
    if not before:  # listen is about to fetch a phone change when our command writes
        phone_changes(sandbox, {"chat": CAROL_JID, "archive": True})

    async def main() -> tuple[list[ev.Event], list[int]]:
        with Store(first) as store:
            async with Client(store, endpoint(sandbox), quiet).login() as conn:
                listening = AppStateSync(store, quiet)
                meanwhile = CommandMeanwhile(conn, AppStateWriter(store), before)
                listening.use(meanwhile)
                return await listening.sync_collection("regular_low"), meanwhile.written

    reported, written = anyio.run(main)
    end = start + (1 if before else 2)
    assert written == [end]
    same_as_phone(sandbox, first, "regular_low", end)  # verified; nothing went back
    # Listen fetched and verified our own patch (or a state we had passed): no events.
    assert reported == []
    assert chat_row(first, DAVE_JID).pinned_at is None
