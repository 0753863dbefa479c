"""App-state (syncd) tables: the sync keys our phone shared, and per collection the
version, LTHash and each live record's value MAC (what the next patch is checked against).

The bytes are opaque here; wacli.protocol.appstate_crypto gives them meaning.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class AppStateKeyRecord(NamedTuple):
    key_id: bytes
    key_data: bytes
    timestamp: int  # as the sharing phone stamped it (milliseconds)


class CollectionState(NamedTuple):
    version: int
    hash: bytes
    value_macs: dict[bytes, bytes]  # index MAC -> value MAC


class AppStateTables:
    _conn: sqlite3.Connection

    # -- sync keys -------------------------------------------------------------------------

    def save_app_state_key(self, record: AppStateKeyRecord) -> bool:
        """Keep a shared key; False when it was known already (shares repeat)."""
        cursor = self._conn.execute(
            "INSERT OR IGNORE INTO appstate_keys (key_id, key_data, timestamp) VALUES (?, ?, ?)",
            (record.key_id, record.key_data, record.timestamp),
        )
        return cursor.rowcount > 0

    def app_state_key(self, key_id: bytes) -> bytes | None:
        row = self._conn.execute(
            "SELECT key_data FROM appstate_keys WHERE key_id = ?", (key_id,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def latest_app_state_key(self) -> AppStateKeyRecord | None:
        row = self._conn.execute(
            "SELECT key_id, key_data, timestamp FROM appstate_keys "
            "ORDER BY timestamp DESC, rowid DESC LIMIT 1"
        ).fetchone()
        return None if row is None else AppStateKeyRecord(bytes(row[0]), bytes(row[1]), row[2])

    # -- collections -----------------------------------------------------------------------

    def load_collection(self, name: str) -> CollectionState | None:
        row = self._conn.execute(
            "SELECT version, hash FROM appstate_collections WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            return None
        macs = self._conn.execute(
            "SELECT index_mac, value_mac FROM appstate_macs WHERE collection = ?", (name,)
        )
        return CollectionState(row[0], bytes(row[1]), {bytes(i): bytes(v) for i, v in macs})

    def save_collection(self, name: str, state: CollectionState) -> None:
        """Replace the collection's state (call inside a transaction)."""
        self._conn.execute(
            "INSERT INTO appstate_collections (name, version, hash) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET version = excluded.version, hash = excluded.hash",
            (name, state.version, state.hash),
        )
        self._conn.execute("DELETE FROM appstate_macs WHERE collection = ?", (name,))
        self._conn.executemany(
            "INSERT INTO appstate_macs (collection, index_mac, value_mac) VALUES (?, ?, ?)",
            [(name, index, value) for index, value in state.value_macs.items()],
        )

    def forget_collection(self, name: str) -> None:
        self._conn.execute("DELETE FROM appstate_collections WHERE name = ?", (name,))
        self._conn.execute("DELETE FROM appstate_macs WHERE collection = ?", (name,))

    def own_protocol_messages(self, chats: list[str], limit: int = 100) -> list[bytes]:
        """Raw protocol messages our own devices sent to ``chats`` (the archive's rows),
        newest first: where a key share another command received can still be found."""
        marks = ", ".join("?" * len(chats))
        rows = self._conn.execute(
            f"SELECT raw FROM messages WHERE chat IN ({marks}) AND from_me = 1 "
            "AND type = 'protocol' AND raw IS NOT NULL ORDER BY timestamp DESC LIMIT ?",
            (*chats, limit),
        ).fetchall()
        return [bytes(row[0]) for row in rows]
