"""The store's schema history.

Each migration runs once, in order, inside the transaction that also bumps
``PRAGMA user_version``; adding a table later means appending one entry to
``MIGRATIONS`` (never editing an entry that has shipped).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import NamedTuple

from wacli.store.errors import StoreError


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class Migration(NamedTuple):
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
    Migration(
        4,
        "send: device lists, LID/phone mappings, recently sent messages, sender key holders",
        (
            # The usync answer per user (non-AD JID): "device:key_index,…", the signed key
            # index list's timestamp and when it was fetched (entries expire; a device
            # notification deletes one).
            """CREATE TABLE device_lists (
                user TEXT PRIMARY KEY,
                devices TEXT NOT NULL,
                key_index_ts INTEGER,
                fetched_at INTEGER NOT NULL
            )""",
            # LID user -> phone-number user, learnt from usync, group metadata and the
            # sender_lid/sender_pn/participant_pn/participant_lid attributes of stanzas.
            """CREATE TABLE lid_mappings (
                lid TEXT PRIMARY KEY,
                pn TEXT NOT NULL,
                source TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            )""",
            "CREATE INDEX lid_mappings_by_pn ON lid_mappings (pn)",
            # The plaintext Message of what we sent lately, to answer retry receipts; pruned.
            """CREATE TABLE sent_messages (
                chat TEXT NOT NULL,
                id TEXT NOT NULL,
                message BLOB NOT NULL,
                sent_at INTEGER NOT NULL,
                PRIMARY KEY (chat, id)
            )""",
            "CREATE INDEX sent_messages_by_time ON sent_messages (sent_at)",
            # Resends per message and asking device, so a peer cannot make us loop.
            """CREATE TABLE sent_retries (
                chat TEXT NOT NULL,
                id TEXT NOT NULL,
                device TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (chat, id, device),
                FOREIGN KEY (chat, id) REFERENCES sent_messages (chat, id) ON DELETE CASCADE
            )""",
            # The devices that hold our current sender key of a group (cleared on rotation).
            """CREATE TABLE sender_key_holders (
                group_jid TEXT NOT NULL,
                device TEXT NOT NULL,
                PRIMARY KEY (group_jid, device)
            )""",
        ),
    ),
    Migration(
        5,
        "app state: shared sync keys, per-collection version, LTHash and value MACs",
        (
            """CREATE TABLE appstate_keys (
                key_id BLOB PRIMARY KEY,
                key_data BLOB NOT NULL,
                timestamp INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE appstate_collections (
                name TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                hash BLOB NOT NULL
            )""",
            """CREATE TABLE appstate_macs (
                collection TEXT NOT NULL,
                index_mac BLOB NOT NULL,
                value_mac BLOB NOT NULL,
                PRIMARY KEY (collection, index_mac)
            )""",
        ),
    ),
    Migration(
        6,
        "server rules: privacy tokens per contact, A/B props, account settings",
        (
            # A contact's trusted-contact token (what we attach to our messages to them),
            # keyed by the contact's bare LID (its phone number while no LID is known), and
            # when we last issued our own token to them (sender_timestamp).
            """CREATE TABLE privacy_tokens (
                jid TEXT PRIMARY KEY,
                token BLOB,
                timestamp INTEGER,
                sender_timestamp INTEGER
            )""",
            # The server's A/B props as last fetched (code -> text value).
            "CREATE TABLE server_props (code INTEGER PRIMARY KEY, value TEXT NOT NULL)",
            # Small named values of the account: the props hash and fetch time, the NCT
            # salt, the WhatsApp Web version learnt after a client_outdated refusal.
            "CREATE TABLE account_settings (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
        ),
    ),
    Migration(
        7,
        "starred messages (app state star), keyed as WhatsApp's index: chat, id, from_me",
        (
            """CREATE TABLE starred (
                chat TEXT NOT NULL,
                message_id TEXT NOT NULL,
                from_me INTEGER NOT NULL,
                starred_at INTEGER NOT NULL,
                PRIMARY KEY (chat, message_id, from_me)
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
