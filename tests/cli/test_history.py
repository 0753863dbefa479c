"""`wacli history` run as a program on a store filled through the archive API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonschema
import orjson
import pytest

from wacli.cli.exit_codes import ExitCode
from wacli.client.archiving import archive_message, archived_row
from wacli.proto import e2e_pb2
from wacli.store import Store
from wacli.store.archive import Archive

ALICE = "15551234567@s.whatsapp.net"
BOB = "15557654321@s.whatsapp.net"
ME = "15550000000@s.whatsapp.net"
GROUP = "120363000000000001@g.us"
T0 = 1_795_600_000  # 2026-11-25T09:46:40Z

ROW_KEYS = {
    "id",
    "chat",
    "sender",
    "sender_name",
    "is_from_me",
    "timestamp",
    "push_name",
    "type",
    "text",
    "message",
    "reply_to",
    "edited_at",
    "revoked_at",
    "reactions",
}


_TIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"}
_JID = {"type": "string", "pattern": "^[^@\\s]+@[a-z.]+$"}
ROW_SCHEMA = {
    "type": "object",
    "required": sorted(ROW_KEYS),
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "chat": _JID,
        "sender": _JID,
        "sender_name": {"type": ["string", "null"]},
        "is_from_me": {"type": "boolean"},
        "timestamp": _TIME,
        "push_name": {"type": ["string", "null"]},
        "type": {"type": "string"},
        "text": {"type": ["string", "null"]},
        "message": {"type": ["object", "null"]},
        "reply_to": {"type": ["string", "null"]},
        "edited_at": {"anyOf": [_TIME, {"type": "null"}]},
        "revoked_at": {"anyOf": [_TIME, {"type": "null"}]},
        "reactions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["sender", "emoji", "timestamp"],
                "additionalProperties": False,
                "properties": {"sender": _JID, "emoji": {"type": "string"}, "timestamp": _TIME},
            },
        },
    },
}


def run(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wacli", "--store", str(store), "history", *args],
        capture_output=True,
        text=True,
    )


def add(
    archive: Archive,
    msg_id: str,
    message: e2e_pb2.Message,
    *,
    chat: str,
    sender: str,
    ts: int,
    push_name: str | None = None,
) -> None:
    row = archived_row(
        message,
        chat=chat,
        message_id=msg_id,
        sender=sender,
        from_me=sender == ME,
        timestamp=ts,
        push_name=push_name,
    )
    archive_message(archive, *row)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("store")
    with Store(directory) as store:
        archive = Archive(store)
        m = e2e_pb2.Message
        add(
            archive,
            "A1",
            m(conversation="Lunch tomorrow?"),
            chat=ALICE,
            sender=ALICE,
            ts=T0,
            push_name="Alice",
        )
        reply = e2e_pb2.ExtendedTextMessage(
            text="Yes, noon (near the station)",
            context_info=e2e_pb2.ContextInfo(stanza_id="A1"),
        )
        add(archive, "A2", m(extended_text_message=reply), chat=ALICE, sender=ME, ts=T0 + 60)
        add(
            archive,
            "A3",
            m(image_message=e2e_pb2.ImageMessage(caption="the menu")),
            chat=ALICE,
            sender=ALICE,
            ts=T0 + 120,
            push_name="Alice",
        )
        add(
            archive,
            "A4",
            m(conversation="Привет\nline two \x1b[31m"),
            chat=ALICE,
            sender=ALICE,
            ts=T0 + 180,
            push_name="Alice",
        )
        add(archive, "B1", m(conversation="bob's lunch note"), chat=BOB, sender=BOB, ts=T0 + 90)
        add(archive, "G1", m(conversation="group lunch vote"), chat=GROUP, sender=BOB, ts=T0 + 240)
        archive.apply_reaction(ALICE, "A1", ME, "👍", timestamp=T0 + 61)
        archive.apply_edit(ALICE, "A2", "Yes, 12:30 (near the station)", edited_at=T0 + 70)
        add(archive, "A5", m(conversation="oops"), chat=ALICE, sender=ALICE, ts=T0 + 200)
        archive.apply_revoke(ALICE, "A5", revoked_at=T0 + 201)
        archive.upsert_contact(BOB, updated_at=T0, push_name="bob", full_name="Bob Builder")
    return directory


def rows(stdout: str) -> list[dict[str, object]]:
    """The NDJSON rows, each checked against the row schema."""
    found = [orjson.loads(line) for line in stdout.splitlines()]
    for row in found:
        jsonschema.validate(row, ROW_SCHEMA)
    return found


def test_plain_lines_for_one_chat_oldest_first(store_dir: Path) -> None:
    result = run(store_dir, "+1 555 123 4567")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    # Alice's push name (from her messages, also for the one that carried none)
    assert result.stdout.splitlines() == [
        f"2026-11-25T09:46:40Z  {ALICE}  Alice ({ALICE}): Lunch tomorrow?",
        f"2026-11-25T09:47:40Z  {ALICE}  me: Yes, 12:30 (near the station) (edited)",
        f"2026-11-25T09:48:40Z  {ALICE}  Alice ({ALICE}): the menu",
        # a newline and a terminal escape from the network stay on one inert line
        f"2026-11-25T09:49:40Z  {ALICE}  Alice ({ALICE}): Привет\\nline two \\x1b[31m",
        f"2026-11-25T09:50:00Z  {ALICE}  Alice ({ALICE}): [deleted]",
    ]


def test_plain_lines_name_senders_by_their_contact(store_dir: Path) -> None:
    """The contact's address-book name wins over a push name; our own lines stay "me"."""
    result = run(store_dir, GROUP)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"2026-11-25T09:50:40Z  {GROUP}  Bob Builder ({BOB}): group lunch vote"
    ]
    bob = rows(run(store_dir, BOB, "--json").stdout)
    assert [(r["sender_name"], r["push_name"]) for r in bob] == [("Bob Builder", None)]


def test_a_jid_works_like_the_phone_number(store_dir: Path) -> None:
    by_phone = run(store_dir, "15551234567").stdout
    assert by_phone != ""
    assert run(store_dir, ALICE).stdout == by_phone
    assert run(store_dir, "15551234567:3@s.whatsapp.net").stdout == by_phone  # a device's account


def test_all_chats_newest_page_with_limit(store_dir: Path) -> None:
    result = run(store_dir, "--limit", "2")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(": [deleted]") and lines[1].endswith(": group lunch vote")


def test_json_rows(store_dir: Path) -> None:
    result = run(store_dir, ALICE, "--json")
    assert result.returncode == 0, result.stderr
    got = rows(result.stdout)
    assert [r["id"] for r in got] == ["A1", "A2", "A3", "A4", "A5"]
    for row in got:
        assert set(row) == ROW_KEYS
        assert row["chat"] == ALICE
        assert isinstance(row["timestamp"], str) and row["timestamp"].endswith("Z")
    first, second, image, _, revoked = got
    assert first == {
        "id": "A1",
        "chat": ALICE,
        "sender": ALICE,
        "sender_name": "Alice",
        "is_from_me": False,
        "timestamp": "2026-11-25T09:46:40Z",
        "push_name": "Alice",
        "type": "text",
        "text": "Lunch tomorrow?",
        "message": {"conversation": "Lunch tomorrow?"},
        "reply_to": None,
        "edited_at": None,
        "revoked_at": None,
        "reactions": [{"sender": ME, "emoji": "👍", "timestamp": "2026-11-25T09:47:41Z"}],
    }
    assert second["is_from_me"] is True and second["reply_to"] == "A1"
    assert second["sender_name"] is None
    assert second["text"] == "Yes, 12:30 (near the station)"
    assert second["edited_at"] == "2026-11-25T09:47:50Z"
    assert image["type"] == "image" and image["text"] == "the menu"
    assert image["message"] == {"image_message": {"caption": "the menu"}}
    assert revoked["text"] is None and revoked["message"] is None
    assert revoked["revoked_at"] == "2026-11-25T09:50:01Z"


def test_search_across_chats_and_in_one(store_dir: Path) -> None:
    everywhere = rows(run(store_dir, "--search", "lunch", "--json").stdout)
    assert [r["id"] for r in everywhere] == ["A1", "B1", "G1"]
    in_group = rows(run(store_dir, GROUP, "--search", "LUNCH", "--json").stdout)
    assert [r["id"] for r in in_group] == ["G1"]
    plain = run(store_dir, "--search", "привет").stdout.splitlines()
    assert len(plain) == 1 and "Привет" in plain[0]


@pytest.mark.parametrize("words", ['"(near', "NEAR(a b)", "*", "-", "station) OR", "'"])
def test_search_with_fts_syntax_in_the_words_never_fails(store_dir: Path, words: str) -> None:
    result = run(store_dir, "--search", words, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for row in rows(result.stdout):
        assert set(row) == ROW_KEYS


def test_before_pages_back(store_dir: Path) -> None:
    newest = rows(run(store_dir, ALICE, "--limit", "2", "--json").stdout)
    assert [r["id"] for r in newest] == ["A4", "A5"]
    older = rows(
        run(store_dir, ALICE, "--limit", "2", "--before", newest[0]["timestamp"], "--json").stdout
    )
    assert [r["id"] for r in older] == ["A2", "A3"]
    assert run(store_dir, "--before", "2026-11-25").stdout == ""  # a date: its start, UTC
    assert len(run(store_dir, "--before", "2026-11-26").stdout.splitlines()) == 7
    far = run(store_dir, "--before", "9999-12-31T23:59:59.999-12:00", "--limit", "100")
    assert far.returncode == 0 and len(far.stdout.splitlines()) == 7
    offset = run(store_dir, ALICE, "--before", "2026-11-25T10:47:41+01:00", "--json").stdout
    assert [r["id"] for r in rows(offset)] == ["A1", "A2"]


def one_line_error(result: subprocess.CompletedProcess[str], code: ExitCode) -> str:
    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("wacli: ")
    return lines[0]


@pytest.mark.parametrize(
    "chat", ["not-a-number", "123@nowhere", "+1 555 abc", "@", "@s.whatsapp.net", "123"]
)
def test_bad_chat_is_a_usage_error(store_dir: Path, chat: str) -> None:
    line = one_line_error(run(store_dir, chat), ExitCode.USAGE)
    assert chat in line


@pytest.mark.parametrize(
    "before",
    ["yesterday", "2026-13-01", "2026-11-25T10:00:00", "2026-11-25T25:00:00Z", "1795600000"],
)
def test_bad_before_is_a_usage_error(store_dir: Path, before: str) -> None:
    line = one_line_error(run(store_dir, "--before", before), ExitCode.USAGE)
    assert "--before" in line


def test_bad_limit_and_extra_words_are_usage_errors(store_dir: Path) -> None:
    one_line_error(run(store_dir, "--limit", "0"), ExitCode.USAGE)
    one_line_error(run(store_dir, "--limit", str(2**64)), ExitCode.USAGE)
    one_line_error(run(store_dir, "--limit", "ten"), ExitCode.USAGE)
    one_line_error(run(store_dir, ALICE, BOB), ExitCode.USAGE)


def test_missing_store_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "never" / "made"
    line = one_line_error(run(missing), ExitCode.NOT_PAIRED)
    assert "no archive yet" in line
    assert not missing.exists() and not missing.parent.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    one_line_error(run(empty, "--json"), ExitCode.NOT_PAIRED)
    assert list(empty.iterdir()) == []


def test_an_empty_archive_prints_nothing(tmp_path: Path) -> None:
    Store(tmp_path).close()
    result = run(tmp_path, "--json")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_backfill_needs_a_paired_store_and_a_chat(store_dir: Path) -> None:
    # An archive without an account: backfill asks the phone, so it needs to be paired
    # (tests/client/test_history_sync_sandbox.py runs it against the sandbox).
    line = one_line_error(run(store_dir, "backfill", ALICE, "--count", "10"), ExitCode.NOT_PAIRED)
    assert "wacli pair" in line
    one_line_error(run(store_dir, "backfill", ALICE, "--count", "0"), ExitCode.USAGE)
    one_line_error(run(store_dir, "backfill"), ExitCode.USAGE)
    one_line_error(run(store_dir, "backfill", "nonsense"), ExitCode.USAGE)


def test_help_shows_the_listing_and_the_subcommand(store_dir: Path) -> None:
    result = run(store_dir, "--help")
    assert result.returncode == 0
    for word in ("--limit", "--before", "--search", "--json", "backfill"):
        assert word in result.stdout


def test_a_reader_that_leaves_early_ends_it_quietly(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        archive = Archive(store)
        with store.transaction():
            for n in range(3000):  # ~400 kB of lines: far more than a pipe holds
                add(
                    archive,
                    f"P{n}",
                    e2e_pb2.Message(conversation="x" * 80),
                    chat=ALICE,
                    sender=ALICE,
                    ts=T0 + n,
                )
    proc = subprocess.Popen(
        [sys.executable, "-m", "wacli", "--store", str(tmp_path), "history", "--limit", "3000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().endswith(b"x" * 80 + b"\n")
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read()
    assert proc.wait() == 141  # 128 + SIGPIPE, as git ends
    assert stderr == b""
