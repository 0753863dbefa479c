"""wacli.store: file permissions, WAL, migrations, transactions, the Signal tables."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from wacli.crypto import generate_key_pair
from wacli.store import (
    DB_NAME,
    MIGRATIONS,
    DeviceIdentity,
    Migration,
    PreKeyRecord,
    SignedPreKeyRecord,
    Store,
    StoreError,
)
from wacli.store.database import BACKGROUND_CHECKPOINTS_AFTER, loose_mode


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "store")
    yield s
    s.close()


def test_directory_is_0700_and_every_file_0600(tmp_path: Path) -> None:
    directory = tmp_path / "deep" / "store"
    old_umask = os.umask(0o022)  # a permissive umask must not leak into the store
    try:
        s = Store(directory)
        with s.transaction():
            s.store_session("a.1", b"x" * 5000)
    finally:
        os.umask(old_umask)
    names = sorted(p.name for p in directory.iterdir())
    assert names == [DB_NAME, DB_NAME + "-shm", DB_NAME + "-wal"]
    assert mode(directory) == 0o700
    for name in names:
        assert mode(directory / name) == 0o600, name
    s.close()


def test_a_loose_database_is_tightened_and_the_directory_kept(tmp_path: Path) -> None:
    directory = tmp_path / "store"
    Store(directory).close()
    os.chmod(directory, 0o2775)  # its owner's choice (wacli pair warns about it)
    os.chmod(directory / DB_NAME, 0o644)
    Store(directory).close()
    assert mode(directory) == 0o2775 and loose_mode(directory) == 0o2775
    assert mode(directory / DB_NAME) == 0o600


def test_wal_mode_and_schema_version(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert store.schema_version == MIGRATIONS[-1].version


def test_reopening_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    s = Store(tmp_path)
    s.store_session("peer.1", b"record")
    version = s.schema_version
    s.close()
    for _ in range(3):
        s = Store(tmp_path)
        assert s.schema_version == version
        assert s.load_session("peer.1") == b"record"
        s.close()


def test_a_new_migration_applies_once_on_an_existing_store(tmp_path: Path) -> None:
    Store(tmp_path).close()
    calls: list[int] = []

    def backfill(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("INSERT INTO notes (jid) VALUES ('seed@s.whatsapp.net')")

    newer = [
        *MIGRATIONS,
        Migration(MIGRATIONS[-1].version + 1, "notes", ("CREATE TABLE notes (jid TEXT)",)),
        Migration(MIGRATIONS[-1].version + 2, "seed notes", backfill),
    ]
    for _ in range(2):
        s = Store(tmp_path, migrations=newer)
        assert s.schema_version == newer[-1].version
        s.close()
    assert calls == [1]
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 1
    conn.close()


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    Store(tmp_path).close()
    broken = [
        *MIGRATIONS,
        Migration(
            MIGRATIONS[-1].version + 1,
            "half",
            ("CREATE TABLE half_done (x)", "THIS IS NOT SQL"),
        ),
    ]
    with pytest.raises(StoreError):
        Store(tmp_path, migrations=broken)
    s = Store(tmp_path)
    assert s.schema_version == MIGRATIONS[-1].version
    tables = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    s.close()


def test_a_store_from_a_newer_wacli_is_refused(tmp_path: Path) -> None:
    Store(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {MIGRATIONS[-1].version + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path)


def test_migrations_must_be_ordered(tmp_path: Path) -> None:
    bad = [Migration(2, "b", ()), Migration(1, "a", ())]
    with pytest.raises(StoreError):
        Store(tmp_path, migrations=bad)


def test_an_unusable_directory_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError):
        Store(blocker / "store")


def test_transaction_commits_together(store: Store) -> None:
    other = sqlite3.connect(store.path)
    with store.transaction():
        store.store_session("a.1", b"1")
        store.save_identity("a.1", b"k")
        # another connection sees nothing until the commit
        assert other.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    assert other.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    assert other.execute("SELECT count(*) FROM identities").fetchone()[0] == 1
    other.close()


def test_transaction_rolls_back_on_error(store: Store) -> None:
    store.store_session("a.1", b"before")
    with pytest.raises(RuntimeError), store.transaction():
        store.store_session("a.1", b"after")
        store.save_identity("a.1", b"k")
        raise RuntimeError("crash in the middle")
    assert store.load_session("a.1") == b"before"
    assert store.load_identity("a.1") is None
    assert not store.in_transaction


def test_a_busy_writer_checkpoints_in_a_thread(store: Store) -> None:
    """After BACKGROUND_CHECKPOINTS_AFTER commits the WAL is copied into the database
    file by wacli.store.wal_checkpoints' thread, not by a commit; close ends the thread."""
    record = os.urandom(64 * 1024)
    before = set(threading.enumerate())  # other tests' stores in this worker may have theirs
    for n in range(BACKGROUND_CHECKPOINTS_AFTER + 32):
        with store.transaction():
            store.store_session(f"busy.{n}", record)
    assert store._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    checkpointers = [
        t for t in set(threading.enumerate()) - before if t.name == "wacli-wal-checkpoint"
    ]
    assert len(checkpointers) == 1
    deadline = time.monotonic() + 10
    while store.path.stat().st_size < 64 * 1024 * (BACKGROUND_CHECKPOINTS_AFTER + 32):
        assert time.monotonic() < deadline, "the sessions never reached the database file"
        time.sleep(0.05)
    store.close()
    assert not checkpointers[0].is_alive()


def test_nested_transactions_are_savepoints(store: Store) -> None:
    with store.transaction():
        store.store_session("outer.1", b"o")
        with pytest.raises(ValueError), store.transaction():
            store.store_session("inner.1", b"i")
            raise ValueError
        assert store.load_session("inner.1") is None  # only the inner level rolled back
        with store.transaction(), store.transaction():
            store.store_session("deep.1", b"d")
    assert store.load_session("outer.1") == b"o"
    assert store.load_session("deep.1") == b"d"

    with pytest.raises(KeyError), store.transaction():
        with store.transaction():
            store.store_session("committed-inner.1", b"x")
        raise KeyError  # the outer rollback takes the released savepoint with it
    assert store.load_session("committed-inner.1") is None


def test_device_identity_is_set_once(store: Store) -> None:
    assert store.load_device_identity() is None
    identity = DeviceIdentity(1234, generate_key_pair())
    store.save_device_identity(identity)
    assert store.load_device_identity() == identity
    with pytest.raises(StoreError):
        store.save_device_identity(DeviceIdentity(99, generate_key_pair()))
    assert store.load_device_identity() == identity
    assert store.next_prekey_id() == 1
    store.set_next_prekey_id(77)
    assert store.next_prekey_id() == 77


def test_counters_need_an_identity(store: Store) -> None:
    with pytest.raises(StoreError):
        store.next_prekey_id()


def test_prekeys_and_signed_prekeys(store: Store) -> None:
    records = [PreKeyRecord(i, generate_key_pair()) for i in (1, 2, 0xFFFFFE)]
    for r in records:
        store.store_prekey(r)
    assert store.count_prekeys() == 3
    assert store.load_prekey(0xFFFFFE) == records[2]
    store.mark_prekeys_uploaded([1, 2])
    assert store.count_prekeys(uploaded=False) == 1
    store.remove_prekey(1)
    assert store.load_prekey(1) is None
    assert store.count_prekeys() == 2

    older = SignedPreKeyRecord(1, generate_key_pair(), b"s" * 64, 1000)
    newer = SignedPreKeyRecord(2, generate_key_pair(), b"t" * 64, 2000)
    store.store_signed_prekey(older)
    store.store_signed_prekey(newer)
    assert store.load_signed_prekey(1) == older
    assert store.latest_signed_prekey() == newer
    store.remove_signed_prekey(2)
    assert store.latest_signed_prekey() == older


def test_sessions_identities_and_sender_keys(store: Store) -> None:
    store.store_session("x.1", b"one")
    store.store_session("x.1", b"two")
    assert store.load_session("x.1") == b"two"
    store.save_identity("x.1", b"id")
    assert store.load_session_and_identity("x.1") == (b"two", b"id")
    assert store.load_session_and_identity("y.2") == (None, None)
    store.delete_session("x.1")
    store.delete_identity("x.1")
    assert store.load_session_and_identity("x.1") == (None, None)

    assert store.load_sender_key("g@g.us", "x.1") is None
    store.store_sender_key("g@g.us", "x.1", b"r1")
    store.store_sender_key("g@g.us", "x.1", b"r2")
    store.store_sender_key("g@g.us", "y.2", b"other sender")
    store.store_sender_key("h@g.us", "x.1", b"other group")
    assert store.load_sender_key("g@g.us", "x.1") == b"r2"
    assert store.load_sender_key("h@g.us", "x.1") == b"other group"
    store.delete_sender_key("g@g.us", "x.1")
    assert store.load_sender_key("g@g.us", "x.1") is None
    assert store.load_sender_key("g@g.us", "y.2") == b"other sender"
