"""The Signal tables: own identity, prekeys, sessions, remote identities, sender keys.

Records are opaque bytes here; wacli.signal owns their format.
"""

from __future__ import annotations

import sqlite3

from wacli.crypto import KeyPair
from wacli.store.errors import StoreError
from wacli.store.records import DeviceIdentity, PreKeyRecord, SignedPreKeyRecord


class SignalTables:
    _conn: sqlite3.Connection

    # -- own identity ------------------------------------------------------------------

    def load_device_identity(self) -> DeviceIdentity | None:
        row = self._conn.execute(
            "SELECT registration_id, identity_private, identity_public FROM device WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return DeviceIdentity(row[0], KeyPair(bytes(row[1]), bytes(row[2])))

    def save_device_identity(self, identity: DeviceIdentity) -> None:
        """Set this device's identity once; replacing it would orphan every session."""
        try:
            self._conn.execute(
                "INSERT INTO device (id, registration_id, identity_private, identity_public) "
                "VALUES (1, ?, ?, ?)",
                (identity.registration_id, identity.identity.private, identity.identity.public),
            )
        except sqlite3.IntegrityError:
            raise StoreError("this store already holds a device identity") from None

    def _device_counter(self, column: str) -> int:
        row = self._conn.execute(f"SELECT {column} FROM device WHERE id = 1").fetchone()
        if row is None:
            raise StoreError("the store has no device identity yet")
        return int(row[0])

    def next_prekey_id(self) -> int:
        return self._device_counter("next_prekey_id")

    def set_next_prekey_id(self, key_id: int) -> None:
        self._conn.execute("UPDATE device SET next_prekey_id = ? WHERE id = 1", (key_id,))

    def next_signed_prekey_id(self) -> int:
        return self._device_counter("next_signed_prekey_id")

    def set_next_signed_prekey_id(self, key_id: int) -> None:
        self._conn.execute("UPDATE device SET next_signed_prekey_id = ? WHERE id = 1", (key_id,))

    # -- one-time prekeys ----------------------------------------------------------------

    def store_prekey(self, record: PreKeyRecord) -> None:
        self._conn.execute(
            "INSERT INTO prekeys (id, private, public) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET private = excluded.private, public = excluded.public",
            (record.key_id, record.key_pair.private, record.key_pair.public),
        )

    def load_prekey(self, key_id: int) -> PreKeyRecord | None:
        row = self._conn.execute(
            "SELECT private, public FROM prekeys WHERE id = ?", (key_id,)
        ).fetchone()
        return None if row is None else PreKeyRecord(key_id, KeyPair(bytes(row[0]), bytes(row[1])))

    def remove_prekey(self, key_id: int) -> None:
        self._conn.execute("DELETE FROM prekeys WHERE id = ?", (key_id,))

    def count_prekeys(self, *, uploaded: bool | None = None) -> int:
        if uploaded is None:
            return int(self._conn.execute("SELECT count(*) FROM prekeys").fetchone()[0])
        return int(
            self._conn.execute(
                "SELECT count(*) FROM prekeys WHERE uploaded = ?", (int(uploaded),)
            ).fetchone()[0]
        )

    def mark_prekeys_uploaded(self, key_ids: list[int]) -> None:
        self._conn.executemany(
            "UPDATE prekeys SET uploaded = 1 WHERE id = ?", [(i,) for i in key_ids]
        )

    # -- signed prekeys ------------------------------------------------------------------

    def store_signed_prekey(self, record: SignedPreKeyRecord) -> None:
        self._conn.execute(
            "INSERT INTO signed_prekeys (id, private, public, signature, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET private = excluded.private, "
            "public = excluded.public, signature = excluded.signature, "
            "created_at = excluded.created_at",
            (
                record.key_id,
                record.key_pair.private,
                record.key_pair.public,
                record.signature,
                record.created_at,
            ),
        )

    def load_signed_prekey(self, key_id: int) -> SignedPreKeyRecord | None:
        row = self._conn.execute(
            "SELECT private, public, signature, created_at FROM signed_prekeys WHERE id = ?",
            (key_id,),
        ).fetchone()
        if row is None:
            return None
        return SignedPreKeyRecord(
            key_id, KeyPair(bytes(row[0]), bytes(row[1])), bytes(row[2]), row[3]
        )

    def latest_signed_prekey(self) -> SignedPreKeyRecord | None:
        row = self._conn.execute(
            "SELECT id FROM signed_prekeys ORDER BY created_at DESC, id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else self.load_signed_prekey(row[0])

    def remove_signed_prekey(self, key_id: int) -> None:
        self._conn.execute("DELETE FROM signed_prekeys WHERE id = ?", (key_id,))

    # -- sessions (keyed by the protocol address "name.device") ---------------------------

    def load_session(self, address: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT record FROM sessions WHERE address = ?", (address,)
        ).fetchone()
        return None if row is None else row[0]

    def store_session(self, address: str, record: bytes) -> None:
        self._conn.execute(
            # An upsert rewrites the row in place; INSERT OR REPLACE would delete and re-insert
            # it, several times slower on the per-message path.
            "INSERT INTO sessions (address, record) VALUES (?, ?) "
            "ON CONFLICT (address) DO UPDATE SET record = excluded.record",
            (address, record),
        )

    def load_session_and_identity(self, address: str) -> tuple[bytes | None, bytes | None]:
        """The session record and the known identity key of ``address``, in one query."""
        row: tuple[bytes | None, bytes | None] = self._conn.execute(
            "SELECT (SELECT record FROM sessions WHERE address = ?1), "
            "(SELECT identity FROM identities WHERE address = ?1)",
            (address,),
        ).fetchone()
        return row

    def delete_session(self, address: str) -> None:
        self._conn.execute("DELETE FROM sessions WHERE address = ?", (address,))

    def addresses_of(self, name: str) -> list[str]:
        """Every address ``name.<device>`` holding a session or a known identity."""
        # A range on the keys ('/' follows '.'): LIKE would read the '_' of a LID name
        # ("123_1") as a wildcard, and a range uses the primary-key index.
        low, high = f"{name}.", f"{name}/"
        rows = self._conn.execute(
            "SELECT address FROM sessions WHERE address >= ?1 AND address < ?2 "
            "UNION SELECT address FROM identities WHERE address >= ?1 AND address < ?2",
            (low, high),
        ).fetchall()
        return [row[0] for row in rows]

    # -- remote identities ---------------------------------------------------------------

    def load_identity(self, address: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT identity FROM identities WHERE address = ?", (address,)
        ).fetchone()
        return None if row is None else row[0]

    def save_identity(self, address: str, identity: bytes) -> None:
        self._conn.execute(
            "INSERT INTO identities (address, identity) VALUES (?, ?) "
            "ON CONFLICT (address) DO UPDATE SET identity = excluded.identity",
            (address, identity),
        )

    def delete_identity(self, address: str) -> None:
        self._conn.execute("DELETE FROM identities WHERE address = ?", (address,))

    # -- sender keys (group sessions; record format owned by wacli.signal.group) -----------

    def load_sender_key(self, group: str, sender: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT record FROM sender_keys WHERE group_id = ? AND sender = ?", (group, sender)
        ).fetchone()
        return None if row is None else row[0]

    def store_sender_key(self, group: str, sender: str, record: bytes) -> None:
        self._conn.execute(
            "INSERT INTO sender_keys (group_id, sender, record) VALUES (?, ?, ?) "
            "ON CONFLICT (group_id, sender) DO UPDATE SET record = excluded.record",
            (group, sender, record),
        )

    def delete_sender_key(self, group: str, sender: str) -> None:
        self._conn.execute(
            "DELETE FROM sender_keys WHERE group_id = ? AND sender = ?", (group, sender)
        )
