"""The store's schema history.

Each migration runs once, in order, inside the transaction that also bumps
``PRAGMA user_version``; adding a table later means appending one entry to
``MIGRATIONS`` (never editing an entry that has shipped).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


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
]


def latest_version(migrations: list[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0
