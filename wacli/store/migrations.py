"""The store's schema history.

Each migration runs once, in order, inside the transaction that also bumps
``PRAGMA user_version``; adding a table later means appending one entry to
``MIGRATIONS`` (never editing an entry that has shipped).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from wacli.store.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    # SQL statements run in order, or a function for data migrations.
    steps: tuple[str, ...] | Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "signal: own identity, prekeys, sessions, identities, sender keys",
        (
            """CREATE TABLE device (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                registration_id INTEGER NOT NULL,
                identity_private BLOB NOT NULL,
                identity_public BLOB NOT NULL,
                next_prekey_id INTEGER NOT NULL DEFAULT 1,
                next_signed_prekey_id INTEGER NOT NULL DEFAULT 1
            )""",
            """CREATE TABLE prekeys (
                id INTEGER PRIMARY KEY,
                private BLOB NOT NULL,
                public BLOB NOT NULL,
                uploaded INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE signed_prekeys (
                id INTEGER PRIMARY KEY,
                private BLOB NOT NULL,
                public BLOB NOT NULL,
                signature BLOB NOT NULL,
                created_at INTEGER NOT NULL
            )""",
            "CREATE TABLE sessions (address TEXT PRIMARY KEY, record BLOB NOT NULL)",
            "CREATE TABLE identities (address TEXT PRIMARY KEY, identity BLOB NOT NULL)",
            """CREATE TABLE sender_keys (
                group_id TEXT NOT NULL,
                sender TEXT NOT NULL,
                record BLOB NOT NULL,
                PRIMARY KEY (group_id, sender)
            )""",
        ),
    ),
    Migration(
        2,
        "archive: chats, contacts, messages with full-text search, edits, reactions",
        lambda conn: _create_archive(conn),
    ),
    Migration(
        3,
        "account: this companion's login identity (JID, LID, noise key, ADV), server key for IK",
        (
            # One row, written in the transaction that completes pairing; its presence is what
            # "paired" means. server_static is refreshed after each full (XX) handshake.
            """CREATE TABLE account (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                jid TEXT NOT NULL,
                lid TEXT,
                noise_private BLOB NOT NULL,
                noise_public BLOB NOT NULL,
                adv_secret BLOB NOT NULL,
                account_signature_key BLOB NOT NULL,
                signed_identity BLOB NOT NULL,
                key_index INTEGER NOT NULL DEFAULT 0,
                platform TEXT,
                business_name TEXT,
                push_name TEXT,
                server_static BLOB,
                paired_at INTEGER NOT NULL
            )""",
        ),
    ),
]


def latest_version(migrations: list[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


# -- migration 2: the message archive ---------------------------------------------------------

_ARCHIVE_SCHEMA = (
    # App state (pin, mute, archive, mark-read) and history sync set these columns.
    """CREATE TABLE chats (
        jid TEXT PRIMARY KEY,
        name TEXT,
        last_message_at INTEGER,
        unread_count INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        pinned_at INTEGER,
        muted_until INTEGER,
        updated_at INTEGER
    )""",
    """CREATE TABLE contacts (
        jid TEXT PRIMARY KEY,
        lid TEXT,
        phone_jid TEXT,
        push_name TEXT,
        full_name TEXT,
        first_name TEXT,
        business_name TEXT,
        updated_at INTEGER NOT NULL
    )""",
    "CREATE INDEX contacts_by_lid ON contacts (lid)",
    # pk is the rowid the full-text index points at; (chat, id, sender) is the message's
    # identity, so a redelivered message cannot be stored twice.
    """CREATE TABLE messages (
        pk INTEGER PRIMARY KEY,
        chat TEXT NOT NULL,
        id TEXT NOT NULL,
        sender TEXT NOT NULL,
        from_me INTEGER NOT NULL,
        timestamp INTEGER NOT NULL,
        push_name TEXT,
        type TEXT NOT NULL,
        text TEXT,
        raw BLOB,
        reply_to TEXT,
        edited_at INTEGER,
        revoked_at INTEGER,
        UNIQUE (chat, id, sender)
    )""",
    "CREATE INDEX messages_by_chat_time ON messages (chat, timestamp)",
    "CREATE INDEX messages_by_time ON messages (timestamp)",
    """CREATE TABLE message_edits (
        message_pk INTEGER NOT NULL REFERENCES messages (pk) ON DELETE CASCADE,
        text TEXT,
        raw BLOB,
        replaced_at INTEGER NOT NULL
    )""",
    "CREATE INDEX message_edits_by_message ON message_edits (message_pk)",
    # An empty emoji is a withdrawn reaction, kept so an older redelivery cannot revive it.
    """CREATE TABLE reactions (
        chat TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sender TEXT NOT NULL,
        emoji TEXT NOT NULL,
        timestamp INTEGER NOT NULL,
        PRIMARY KEY (chat, message_id, sender)
    )""",
    # External-content index over messages.text; the triggers keep it in step.
    """CREATE VIRTUAL TABLE messages_fts USING fts5 (
        text, content = 'messages', content_rowid = 'pk',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, text) VALUES (new.pk, new.text);
    END""",
    """CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.pk, old.text);
    END""",
    """CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.pk, old.text);
        INSERT INTO messages_fts (rowid, text) VALUES (new.pk, new.text);
    END""",
)


def require_fts5(conn: sqlite3.Connection) -> None:
    """Fail clearly when this Python's SQLite was built without FTS5 (history search needs it)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.wacli_fts5_probe USING fts5 (x)")
        conn.execute("DROP TABLE temp.wacli_fts5_probe")
    except sqlite3.OperationalError as exc:
        raise StoreError(
            f"this Python's SQLite ({sqlite3.sqlite_version}) lacks the FTS5 extension "
            f"that the message archive needs ({exc}); use a Python built with FTS5"
        ) from exc


def _create_archive(conn: sqlite3.Connection) -> None:
    require_fts5(conn)
    for statement in _ARCHIVE_SCHEMA:
        conn.execute(statement)
