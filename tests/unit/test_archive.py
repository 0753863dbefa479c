"""The message archive: dedup, edits, revokes, reactions, search, paging, transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wacli.proto import e2e_pb2
from wacli.store import Store, StoreError
from wacli.store.archive import Archive, ArchivedMessage, search_terms
from wacli.store.migrations import require_fts5

ALICE = "15551234567@s.whatsapp.net"
BOB = "15557654321@s.whatsapp.net"
ME = "15550000000@s.whatsapp.net"
GROUP = "120363000000000001@g.us"
T0 = 1_795_600_000  # 2026-11-25


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path)
    yield s
    s.close()


@pytest.fixture
def archive(store: Store) -> Archive:
    return Archive(store)


def text_message(
    msg_id: str,
    text: str | None,
    *,
    chat: str = ALICE,
    sender: str | None = None,
    ts: int = T0,
    kind: str = "text",
) -> ArchivedMessage:
    raw = e2e_pb2.Message(conversation=text).SerializeToString() if text is not None else None
    sender = sender or chat
    return ArchivedMessage(
        chat=chat,
        id=msg_id,
        sender=sender,
        from_me=sender == ME,
        timestamp=ts,
        type=kind,
        text=text,
        raw=raw,
        push_name="Alice" if sender == ALICE else None,
    )


def ids(messages: list[ArchivedMessage]) -> list[str]:
    return [m.id for m in messages]


def fts_consistent(store: Store) -> None:
    """FTS5's own check that the index matches the messages table (raises if not)."""
    store._conn.execute("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")


# -- storing and dedup ---------------------------------------------------------------------


def test_a_redelivered_message_is_stored_once(archive: Archive, store: Store) -> None:
    first = text_message("3EB0A1", "hello there")
    assert archive.add_message(first) is True
    again = text_message("3EB0A1", "hello there (a different body must not overwrite)")
    assert archive.add_message(again) is False
    assert archive.messages(ALICE) == [first]
    assert store._conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 1
    assert ids(archive.search("hello")) == ["3EB0A1"]
    fts_consistent(store)


def test_same_id_from_another_sender_is_another_message(archive: Archive) -> None:
    assert archive.add_message(text_message("ID1", "from alice", chat=GROUP, sender=ALICE))
    assert archive.add_message(text_message("ID1", "from bob", chat=GROUP, sender=BOB))
    assert archive.add_message(text_message("ID1", "other chat", chat=BOB))
    assert sorted(m.text or "" for m in archive.messages()) == [
        "from alice",
        "from bob",
        "other chat",
    ]


def test_message_round_trips_every_field(archive: Archive) -> None:
    original = ArchivedMessage(
        chat=GROUP,
        id="ABC",
        sender=ME,
        from_me=True,
        timestamp=T0,
        type="image",
        text="a caption",
        raw=b"\x00\x01raw",
        push_name="Me",
        reply_to="QUOTED",
    )
    archive.add_message(original)
    assert archive.message(GROUP, "ABC") == original
    assert archive.message(GROUP, "ABC", ME) == original
    assert archive.message(GROUP, "ABC", ALICE) is None


def test_timestamps_may_be_aware_datetimes(archive: Archive) -> None:
    when = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    archive.add_message(text_message("D", "dated")._replace(timestamp=when))  # type: ignore[arg-type]
    stored = archive.message(ALICE, "D")
    assert stored is not None and stored.timestamp == int(when.timestamp())
    with pytest.raises(ValueError):
        archive.messages(before=datetime(2026, 11, 25))


def test_times_outside_rfc3339_years_are_refused_but_bounds_clamp(archive: Archive) -> None:
    for bad in (-1, 10**12, 2**70):
        with pytest.raises(ValueError):
            archive.add_message(text_message("X", "from a hostile clock", ts=bad))
        with pytest.raises(ValueError):
            archive.apply_reaction(ALICE, "X", BOB, "👍", timestamp=bad)
    assert archive.messages() == []
    archive.add_message(text_message("OK", "fine"))
    assert ids(archive.messages(before=2**80)) == ["OK"]
    assert ids(archive.search("fine", before=2**80)) == ["OK"]
    assert archive.messages(before=-(2**80)) == []


def test_new_messages_make_their_chat_recent(archive: Archive) -> None:
    archive.add_message(text_message("A", "one", ts=T0 + 50))
    archive.add_message(text_message("B", "older, from history sync", ts=T0))
    archive.add_message(text_message("C", "bob", chat=BOB, ts=T0 + 10))
    archive.add_message(text_message("P", None, chat=BOB, ts=T0 + 99, kind="protocol"))
    chat = archive.chat(ALICE)
    assert chat is not None and chat.last_message_at == T0 + 50
    bob = archive.chat(BOB)
    assert bob is not None and bob.last_message_at == T0 + 10  # a protocol row does not count
    assert [c.jid for c in archive.chats()] == [ALICE, BOB]


def test_messages_added_together_are_kept_as_if_one_at_a_time(archive: Archive) -> None:
    rows = [
        text_message("A", "one", ts=T0 + 50),
        text_message("B", "older, from history sync", ts=T0),
        text_message("A", "one again", ts=T0 + 60),  # a repeat within the call: not new
        text_message("C", "bob", chat=BOB, ts=T0 + 10),
        text_message("P", None, chat=BOB, ts=T0 + 99, kind="protocol"),
    ]
    assert archive.add_messages(rows) == [True, True, False, True, True]
    assert archive.add_messages(rows[:1]) == [False]
    alice, bob = archive.chat(ALICE), archive.chat(BOB)
    assert alice is not None and alice.last_message_at == T0 + 50
    assert bob is not None and bob.last_message_at == T0 + 10
    assert ids(archive.search("one")) == ["A"] and ids(archive.search("history")) == ["B"]


# -- edits, revokes, reactions -----------------------------------------------------------


def test_edit_replaces_the_text_and_keeps_the_original(archive: Archive, store: Store) -> None:
    archive.add_message(text_message("E", "teh original typo"))
    new_raw = e2e_pb2.Message(conversation="the fixed text").SerializeToString()
    assert archive.apply_edit(ALICE, "E", "the fixed text", raw=new_raw, edited_at=T0 + 60)
    edited = archive.message(ALICE, "E")
    assert edited is not None
    assert (edited.text, edited.raw, edited.edited_at) == ("the fixed text", new_raw, T0 + 60)
    history = archive.edits(ALICE, "E")
    assert [(e.text, e.replaced_at) for e in history] == [("teh original typo", T0 + 60)]
    # the index follows the edit: the new words are found, the old ones are not
    assert ids(archive.search("fixed")) == ["E"]
    assert archive.search("teh") == []
    fts_consistent(store)


def test_edits_redelivered_or_out_of_order_do_not_regress(archive: Archive) -> None:
    archive.add_message(text_message("E", "v1"))
    assert archive.apply_edit(ALICE, "E", "v3", edited_at=T0 + 30)
    assert not archive.apply_edit(ALICE, "E", "v2", edited_at=T0 + 20)  # older edit, late
    assert not archive.apply_edit(ALICE, "E", "v3", edited_at=T0 + 30)  # the same edit again
    stored = archive.message(ALICE, "E")
    assert stored is not None and stored.text == "v3"
    assert [e.text for e in archive.edits(ALICE, "E")] == ["v1"]
    assert not archive.apply_edit(ALICE, "missing", "x", edited_at=T0)


def test_revoke_drops_the_content_everywhere(archive: Archive, store: Store) -> None:
    archive.add_message(text_message("R", "something regrettable", sender=ALICE))
    archive.apply_edit(ALICE, "R", "something worse", edited_at=T0 + 5)
    assert archive.apply_revoke(ALICE, "R", revoked_at=T0 + 9, sender=ALICE)
    stored = archive.message(ALICE, "R")
    assert stored is not None
    assert (stored.text, stored.raw, stored.revoked_at) == (None, None, T0 + 9)
    assert archive.edits(ALICE, "R") == []
    assert archive.search("regrettable") == [] and archive.search("worse") == []
    assert not archive.apply_revoke(ALICE, "R", revoked_at=T0 + 10)  # already revoked
    assert not archive.apply_edit(ALICE, "R", "back again", edited_at=T0 + 11)
    assert not archive.apply_revoke(ALICE, "unknown", revoked_at=T0)
    fts_consistent(store)


def test_reactions_replace_withdraw_and_ignore_late_redelivery(archive: Archive) -> None:
    archive.add_message(text_message("M", "react to me", chat=GROUP, sender=ALICE))
    assert archive.apply_reaction(GROUP, "M", BOB, "👍", timestamp=T0 + 1)
    assert archive.apply_reaction(GROUP, "M", ME, "❤️", timestamp=T0 + 2)
    assert not archive.apply_reaction(GROUP, "M", BOB, "👍", timestamp=T0 + 1)  # repeat
    assert archive.apply_reaction(GROUP, "M", BOB, "😂", timestamp=T0 + 3)
    assert not archive.apply_reaction(GROUP, "M", BOB, "👍", timestamp=T0 + 1)  # late, older
    got = archive.reactions(GROUP, ["M"])["M"]
    assert [(r.sender, r.emoji) for r in got] == [(ME, "❤️"), (BOB, "😂")]
    assert archive.apply_reaction(GROUP, "M", ME, "", timestamp=T0 + 4)  # withdrawn
    assert not archive.apply_reaction(GROUP, "M", ME, "❤️", timestamp=T0 + 2)  # cannot revive
    assert [r.emoji for r in archive.reactions(GROUP, ["M"])["M"]] == ["😂"]
    assert archive.reactions(GROUP, ["nothing"]) == {}


def test_protocol_and_reaction_rows_dedup_but_stay_out_of_listings(archive: Archive) -> None:
    archive.add_message(text_message("M", "content"))
    envelope = text_message("EDIT-ENVELOPE", None, kind="protocol", ts=T0 + 1)
    assert archive.add_message(envelope)
    assert not archive.add_message(envelope)  # the receive path sees the repeat
    archive.add_message(text_message("REACT", None, kind="reaction", ts=T0 + 2))
    assert ids(archive.messages(ALICE)) == ["M"]


# -- search --------------------------------------------------------------------------------


@pytest.fixture
def filled(archive: Archive) -> Archive:
    texts = [
        "Lunch tomorrow at noon?",
        "near the station (exit 3) - see you",
        'She said "hello" and left',
        "Привет, как дела?",
        "Καλημέρα κόσμε",
        "今日は良い天気ですね",
        "我们明天见面吧",
        "café au lait, s'il vous plaît",
        "price: 5*3 = 15 :)",
        "NOT a drill AND not OR test",
    ]
    for n, text in enumerate(texts):
        archive.add_message(text_message(f"S{n}", text, ts=T0 + n))
    return archive


@pytest.mark.parametrize(
    "query,expected",
    [
        ("lunch", ["S0"]),
        ("LUNCH NOON", ["S0"]),
        ("lun", ["S0"]),  # words match as prefixes
        ("lunch station", []),  # every word must be there
        ("near", ["S1"]),  # FTS5's NEAR keyword is a plain word here
        ("NEAR(station exit)", []),  # not the NEAR operator: the quoted text is one phrase
        ("(exit", ["S1"]),
        ("exit)", ["S1"]),
        ("-", ["S1"]),  # punctuation alone is a substring search
        ("- see", ["S1"]),
        ('"hello"', ["S2"]),
        ('"hello', ["S2"]),
        ('said "hello" and', ["S2"]),
        ("*", ["S8"]),
        ("5*3", ["S8"]),
        ("hel*", ["S2"]),
        (":)", ["S8"]),
        ("привет", ["S3"]),  # case folding beyond ASCII
        ("ДЕЛА", ["S3"]),
        ("καλημέρα", ["S4"]),
        ("cafe", ["S7"]),  # diacritics folded
        ("plait", ["S7"]),
        ("天気", ["S5"]),  # CJK: a substring of an unspaced run
        ("明天", ["S6"]),
        ("NOT", ["S9"]),
        ("AND OR", ["S9"]),
        ("text:lunch", []),  # no column filter syntax
        ("^lunch", ["S0"]),
        ("   ", []),
        ("", []),
    ],
)
def test_search_treats_user_words_as_words(filled: Archive, query: str, expected: list[str]):
    assert ids(filled.search(query)) == expected


def test_search_never_raises_on_fts_syntax(filled: Archive) -> None:
    hostile = ['"', '""', "'", "(", ")", "*", "NEAR", "NEAR/2", "-x", "+", "^", ":", "{a b}", "\\"]
    for one in hostile:
        filled.search(one)
    filled.search(" ".join(hostile))


def test_search_terms_are_quoted_prefixes_or_substrings() -> None:
    fts, subs = search_terms('a"b NEAR 天気 :) x')
    assert fts == ['"a""b"*', '"NEAR"*', '"x"*']
    assert subs == ["天気", ":)"]


def test_search_filters_by_chat_and_pages(archive: Archive) -> None:
    for n in range(5):
        archive.add_message(text_message(f"A{n}", f"meeting {n}", ts=T0 + n))
        archive.add_message(text_message(f"B{n}", f"meeting {n}", chat=BOB, ts=T0 + n))
    assert ids(archive.search("meeting", chat=BOB, limit=2)) == ["B4", "B3"]
    assert ids(archive.search("meeting", chat=BOB, before=T0 + 3)) == ["B2", "B1", "B0"]
    assert len(archive.search("meeting")) == 10


# -- paging ----------------------------------------------------------------------------------


def test_listing_is_newest_first_with_limit_and_before(archive: Archive) -> None:
    for n in range(30):
        archive.add_message(text_message(f"A{n:02}", f"a{n}", ts=T0 + 10 * n))
    archive.add_message(text_message("B", "bob's", chat=BOB, ts=T0 + 95))
    page = archive.messages(ALICE, limit=5)
    assert ids(page) == ["A29", "A28", "A27", "A26", "A25"]
    older = archive.messages(ALICE, limit=5, before=page[-1].timestamp)
    assert ids(older) == ["A24", "A23", "A22", "A21", "A20"]
    assert ids(archive.messages(ALICE, before=T0 + 25)) == ["A02", "A01", "A00"]
    assert ids(archive.messages(ALICE, before=T0)) == []
    assert ids(archive.messages(limit=3, before=T0 + 100)) == ["B", "A09", "A08"]
    assert len(archive.messages(ALICE, limit=1000)) == 30
    with pytest.raises(ValueError):
        archive.messages(limit=0)


# -- transactions ------------------------------------------------------------------------------


def test_writes_in_a_rolled_back_transaction_leave_nothing(archive: Archive, store: Store):
    archive.add_message(text_message("KEEP", "kept before"))
    with pytest.raises(RuntimeError), store.transaction():
        assert archive.add_message(text_message("GONE", "rolled back words"))
        archive.apply_edit(ALICE, "KEEP", "edited inside", edited_at=T0 + 1)
        archive.apply_reaction(ALICE, "KEEP", BOB, "👍", timestamp=T0 + 2)
        archive.upsert_contact(BOB, push_name="Bob", updated_at=T0)
        archive.upsert_chat(BOB, name="Bob", updated_at=T0)
        raise RuntimeError("decrypt failed after the archive write")
    assert ids(archive.messages()) == ["KEEP"]
    kept = archive.message(ALICE, "KEEP")
    assert kept is not None and kept.text == "kept before" and kept.edited_at is None
    assert archive.search("rolled") == [] and archive.search("edited") == []
    assert ids(archive.search("kept")) == ["KEEP"]
    assert archive.reactions(ALICE, ["KEEP"]) == {}
    assert archive.contact(BOB) is None and archive.chat(BOB) is None
    assert archive.edits(ALICE, "KEEP") == []
    fts_consistent(store)
    # and a nested (savepoint) level rolls back alone
    with store.transaction():
        archive.add_message(text_message("OUTER", "outer"))
        with pytest.raises(RuntimeError), store.transaction():
            archive.add_message(text_message("INNER", "inner"))
            raise RuntimeError
    assert sorted(ids(archive.messages())) == ["KEEP", "OUTER"]


def test_the_archive_survives_reopening(tmp_path: Path) -> None:
    with Store(tmp_path) as s:
        Archive(s).add_message(text_message("P", "persisted words"))
    with Store(tmp_path) as s:
        again = Archive(s)
        assert ids(again.search("persisted")) == ["P"]
        assert not again.add_message(text_message("P", "persisted words"))


# -- contacts and chats --------------------------------------------------------------------------


def test_contact_upsert_keeps_fields_not_given(archive: Archive) -> None:
    archive.upsert_contact(ALICE, push_name="Ali", updated_at=T0)
    archive.upsert_contact(
        ALICE, lid="123456789@lid", phone_jid=ALICE, full_name="Alice A.", updated_at=T0 + 1
    )
    archive.upsert_contact(ALICE, push_name="Alice", business_name=None, updated_at=T0 + 2)
    contact = archive.contact(ALICE)
    assert contact is not None
    assert (contact.push_name, contact.full_name, contact.lid) == (
        "Alice",
        "Alice A.",
        "123456789@lid",
    )
    assert contact.updated_at == T0 + 2
    assert archive.contact_by_lid("123456789@lid") == contact
    assert archive.contact_by_lid("0@lid") is None
    archive.upsert_contact(BOB, updated_at=T0)
    assert [c.jid for c in archive.contacts()] == [ALICE, BOB]


def test_chat_state_from_app_state(archive: Archive) -> None:
    archive.add_message(text_message("A", "hi", ts=T0))
    archive.add_message(text_message("B", "hi", chat=BOB, ts=T0 + 5))
    archive.upsert_chat(ALICE, name="Alice", pinned_at=T0 + 100, muted_until=-1, unread_count=3)
    archive.upsert_chat(BOB, archived=True, updated_at=T0 + 7)
    alice = archive.chat(ALICE)
    assert alice is not None
    assert (alice.name, alice.pinned_at, alice.muted_until, alice.unread_count) == (
        "Alice",
        T0 + 100,
        -1,
        3,
    )
    assert alice.last_message_at == T0  # kept: not given
    assert [c.jid for c in archive.chats()] == [ALICE, BOB]  # pinned first
    archive.upsert_chat(ALICE, pinned_at=None, unread_count=0)
    assert [c.jid for c in archive.chats()] == [BOB, ALICE]  # then by recency
    bob = archive.chat(BOB)
    assert bob is not None and bob.archived is True and bob.updated_at == T0 + 7
    assert len(archive.chats(limit=1)) == 1


# -- FTS5 availability -------------------------------------------------------------------------


def test_missing_fts5_is_a_clear_store_error() -> None:
    class NoFts5:
        """A connection whose SQLite lacks FTS5 answers CREATE VIRTUAL TABLE like this."""

        def execute(self, sql: str) -> None:
            raise sqlite3.OperationalError("no such module: fts5")

    with pytest.raises(StoreError, match="FTS5"):
        require_fts5(NoFts5())  # type: ignore[arg-type]
    require_fts5(sqlite3.connect(":memory:"))  # this Python has it
