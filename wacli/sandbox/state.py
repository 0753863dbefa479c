"""What the sandbox server keeps across restarts: keys, accounts, devices, uploaded prekeys.

One SQLite file (wacli.store.Database with the sandbox's own migrations) in the
``--state`` directory, or in a temporary directory that lives as long as the
server. The simulated phones keep their Signal state in their own stores under
``phones/<phone>/`` (see wacli.sandbox.phone).
"""

from __future__ import annotations

import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wacli.crypto import KeyPair, generate_key_pair, key_pair_from_private
from wacli.protocol.prekeys import SignedKey
from wacli.store.database import Database
from wacli.store.migrations import Migration

MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "sandbox: server keys, accounts, devices, prekeys",
        (
            "CREATE TABLE server_keys (name TEXT PRIMARY KEY, private BLOB NOT NULL)",
            """CREATE TABLE accounts (
                phone TEXT PRIMARY KEY,
                lid TEXT NOT NULL UNIQUE,
                push_name TEXT NOT NULL DEFAULT '',
                next_device INTEGER NOT NULL DEFAULT 1,
                next_key_index INTEGER NOT NULL DEFAULT 1,
                created_at INTEGER NOT NULL
            )""",
            """CREATE TABLE devices (
                phone TEXT NOT NULL REFERENCES accounts(phone) ON DELETE CASCADE,
                device INTEGER NOT NULL,
                noise_public BLOB NOT NULL,
                identity_public BLOB NOT NULL,
                registration_id INTEGER NOT NULL,
                platform TEXT NOT NULL DEFAULT '',
                key_index INTEGER NOT NULL,
                signed_identity BLOB NOT NULL DEFAULT x'',
                skey_id INTEGER,
                skey_public BLOB,
                skey_signature BLOB,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (phone, device)
            )""",
            """CREATE TABLE prekeys (
                phone TEXT NOT NULL,
                device INTEGER NOT NULL,
                key_id INTEGER NOT NULL,
                public BLOB NOT NULL,
                PRIMARY KEY (phone, device, key_id),
                FOREIGN KEY (phone, device) REFERENCES devices(phone, device) ON DELETE CASCADE
            )""",
        ),
    ),
    Migration(
        2,
        "sandbox: per-device offline queues",
        (
            # One row per stanza a device has not acked yet, in delivery order. ``sender``
            # is the stanza's from (what the device's <ack to=…> names), ``class`` the tag.
            """CREATE TABLE queue (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                phone TEXT NOT NULL,
                device INTEGER NOT NULL,
                class TEXT NOT NULL,
                id TEXT NOT NULL,
                sender TEXT NOT NULL,
                stanza BLOB NOT NULL
            )""",
            "CREATE INDEX queue_device ON queue (phone, device, class, id)",
            # What each simulated phone received and decrypted (GET …/inbox).
            """CREATE TABLE inbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                phone TEXT NOT NULL,
                id TEXT NOT NULL,
                sender TEXT NOT NULL,
                chat TEXT NOT NULL,
                timestamp INTEGER NOT NULL,
                from_me INTEGER NOT NULL,
                message BLOB NOT NULL
            )""",
            "CREATE INDEX inbox_phone ON inbox (phone, seq)",
        ),
    ),
    Migration(
        3,
        "sandbox: groups, their participants, and which devices hold a phone's sender key",
        (
            """CREATE TABLE groups (
                jid TEXT PRIMARY KEY,
                subject TEXT NOT NULL,
                creator TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                subject_owner TEXT NOT NULL,
                subject_time INTEGER NOT NULL,
                addressing_mode TEXT NOT NULL
            )""",
            # ``admin`` is '' for a plain member, 'admin' or 'superadmin' (the creator).
            """CREATE TABLE group_participants (
                group_jid TEXT NOT NULL REFERENCES groups(jid) ON DELETE CASCADE,
                phone TEXT NOT NULL,
                admin TEXT NOT NULL DEFAULT '',
                seq INTEGER NOT NULL,
                PRIMARY KEY (group_jid, phone)
            )""",
            # A simulated phone's "sender key memory": devices it gave its sender key to.
            """CREATE TABLE sender_key_memory (
                phone TEXT NOT NULL,
                group_jid TEXT NOT NULL,
                member TEXT NOT NULL,
                device INTEGER NOT NULL,
                PRIMARY KEY (phone, group_jid, member, device)
            )""",
        ),
    ),
    Migration(
        4,
        "sandbox: profiles (about, picture, business) that notifications announce",
        (
            # One row per account that changed its profile through the admin API; ``picture``
            # is the image as set (NULL once deleted), ``picture_id`` increases per change.
            """CREATE TABLE profiles (
                phone TEXT PRIMARY KEY REFERENCES accounts(phone) ON DELETE CASCADE,
                about TEXT,
                about_at INTEGER,
                picture_id INTEGER NOT NULL DEFAULT 0,
                picture BLOB,
                picture_at INTEGER,
                verified_name TEXT,
                business INTEGER NOT NULL DEFAULT 0
            )""",
        ),
    ),
    Migration(
        5,
        "sandbox: app-state patches per account and collection, stamped with their version",
        (
            # What the server keeps of app state: the patches as uploaded (opaque to it),
            # each with the collection version it made; the latest version is the max.
            """CREATE TABLE appstate_patches (
                phone TEXT NOT NULL,
                collection TEXT NOT NULL,
                version INTEGER NOT NULL,
                patch BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (phone, collection, version)
            )""",
            # Which companion got which of its phone's sync keys (shared once each).
            """CREATE TABLE appstate_key_shares (
                phone TEXT NOT NULL,
                device INTEGER NOT NULL,
                key_id BLOB NOT NULL,
                PRIMARY KEY (phone, device, key_id)
            )""",
        ),
    ),
    Migration(
        6,
        "sandbox: group descriptions",
        (
            """CREATE TABLE group_descriptions (
                group_jid TEXT PRIMARY KEY,
                id TEXT NOT NULL,
                body TEXT NOT NULL,
                owner TEXT NOT NULL,
                t INTEGER NOT NULL
            )""",
        ),
    ),
    Migration(
        7,
        "sandbox: app-state snapshots (the newest per account and collection)",
        (
            """CREATE TABLE appstate_snapshots (
                phone TEXT NOT NULL,
                collection TEXT NOT NULL,
                version INTEGER NOT NULL,
                reference BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (phone, collection)
            )""",
        ),
    ),
    Migration(
        8,
        "sandbox: privacy tokens (settings, issuances, what each 1:1 stanza carried), props",
        (
            # Per account: whether its contacts need its token to message it, whether a
            # <cstoken> will do instead, and the account's NCT salt (the cstoken key).
            """CREATE TABLE privacy_settings (
                phone TEXT PRIMARY KEY REFERENCES accounts(phone) ON DELETE CASCADE,
                require_token INTEGER NOT NULL,
                accept_cstoken INTEGER NOT NULL DEFAULT 0,
                nct_salt BLOB NOT NULL
            )""",
            # The latest time ``issuer`` gave its token to ``holder`` (phones of accounts).
            """CREATE TABLE privacy_issuances (
                issuer TEXT NOT NULL,
                holder TEXT NOT NULL,
                t INTEGER NOT NULL,
                PRIMARY KEY (issuer, holder)
            )""",
            # What each 1:1 message a companion sent carried, and what the server did.
            """CREATE TABLE privacy_stanzas (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                sender TEXT NOT NULL,
                device INTEGER NOT NULL,
                recipient TEXT NOT NULL,
                id TEXT NOT NULL,
                tctoken BLOB,
                tctoken_check TEXT,
                cstoken BLOB,
                cstoken_check TEXT,
                outcome TEXT NOT NULL,
                t INTEGER NOT NULL
            )""",
            "CREATE INDEX privacy_stanzas_sender ON privacy_stanzas (sender, seq)",
            # Server-wide settings by name (the A/B props as JSON).
            "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
    ),
]

# LIDs are opaque 15-digit numbers on the real network.
_LID_DIGITS = 15


@dataclass(frozen=True, slots=True)
class Description:
    """A group's description; ``id`` is the client's id for this version (the next change
    names it as ``prev``)."""

    id: str
    text: str
    owner: str  # phone
    time: int


@dataclass(frozen=True, slots=True)
class Account:
    phone: str
    lid: str  # the LID user part (digits)
    push_name: str
    created_at: int


@dataclass(frozen=True, slots=True)
class InboxEntry:
    """A message a simulated phone decrypted; ``message`` is the serialized Message."""

    id: str
    sender: str  # the sending device's JID
    chat: str
    timestamp: int
    from_me: bool
    message: bytes


@dataclass(frozen=True, slots=True)
class Group:
    jid: str  # "<digits>@g.us"
    subject: str
    creator: str  # the creator's phone
    created_at: int
    subject_owner: str  # phone
    subject_time: int
    addressing_mode: str  # "lid" or "pn"
    participants: tuple[tuple[str, str], ...]  # (phone, '' | 'admin' | 'superadmin')

    def members(self) -> list[str]:
        return [phone for phone, _ in self.participants]

    def admin_of(self, phone: str) -> str | None:
        """'' for a plain member, 'admin'/'superadmin', or None for a non-member."""
        return dict(self.participants).get(phone)


@dataclass(frozen=True, slots=True)
class PrivacySettings:
    """Whether an account's contacts need its privacy token (or, when accepted, a
    <cstoken>) to message it 1:1, and its NCT salt (the key of the cstokens it sends)."""

    require_token: bool
    accept_cstoken: bool
    nct_salt: bytes


@dataclass(frozen=True, slots=True)
class PrivacyStanza:
    """What a 1:1 message from a companion carried and what the server made of it:
    a check is ``valid``, ``expired``, ``invalid`` (wrong bytes), ``not_accepted`` (a
    cstoken the recipient does not take) or None (not carried); the outcome is
    ``delivered`` or the ack's error code."""

    sender: str  # phone
    device: int
    recipient: str  # phone
    id: str
    tctoken: bytes | None
    tctoken_check: str | None
    cstoken: bytes | None
    cstoken_check: str | None
    outcome: str
    t: int


@dataclass(frozen=True, slots=True)
class Device:
    phone: str
    device: int
    noise_public: bytes
    identity_public: bytes
    registration_id: int
    platform: str
    key_index: int
    signed_identity: bytes
    signed_prekey: SignedKey | None


class SandboxState(Database):
    """The server's tables, with plain methods for the handful of queries it needs."""

    def __init__(self, directory: str | Path) -> None:
        super().__init__(directory, migrations=MIGRATIONS)
        self.root_key = self._server_key("noise_root")
        self.server_static = self._server_key("noise_static")
        # Accounts by ("phone"|"lid", value): routing looks them up for every message, and
        # only set_push_name changes a row once it exists.
        self._accounts: dict[tuple[str, str], Account] = {}

    @property
    def phones_dir(self) -> Path:
        return self.directory / "phones"

    def _sql(self, statement: str, args: tuple[object, ...] = ()) -> sqlite3.Cursor:
        return self._conn.execute(statement, args)

    def _server_key(self, name: str) -> KeyPair:
        with self.transaction():
            row = self._sql("SELECT private FROM server_keys WHERE name = ?", (name,)).fetchone()
            if row is not None:
                return key_pair_from_private(bytes(row[0]))
            pair = generate_key_pair()
            self._sql("INSERT INTO server_keys VALUES (?, ?)", (name, pair.private))
            return pair

    # -- accounts -----------------------------------------------------------------------

    def create_account(self, phone: str, push_name: str, lid: str | None = None) -> Account:
        """A new account; ValueError when the phone or LID is taken."""
        with self.transaction():
            if self.account(phone) is not None:
                raise ValueError(f"account {phone} exists already")
            if lid is None:
                lid = self._fresh_lid()
            elif self.account_by_lid(lid) is not None:
                raise ValueError(f"LID {lid} is taken")
            now = int(time.time())
            self._sql(
                "INSERT INTO accounts (phone, lid, push_name, created_at) VALUES (?, ?, ?, ?)",
                (phone, lid, push_name, now),
            )
            return Account(phone, lid, push_name, now)

    def _fresh_lid(self) -> str:
        while True:
            lid = str(secrets.randbelow(9 * 10 ** (_LID_DIGITS - 1)) + 10 ** (_LID_DIGITS - 1))
            if self.account_by_lid(lid) is None:
                return lid

    def _account(self, where: str, value: str) -> Account | None:
        found = self._accounts.get((where, value))
        if found is None:
            row = self._sql(
                f"SELECT phone, lid, push_name, created_at FROM accounts WHERE {where} = ?",
                (value,),
            ).fetchone()
            if row is None:
                return None
            found = self._accounts[(where, value)] = Account(*row)
        return found

    def set_push_name(self, phone: str, name: str) -> None:
        self._sql("UPDATE accounts SET push_name = ? WHERE phone = ?", (name, phone))
        self._accounts.clear()

    def account(self, phone: str) -> Account | None:
        return self._account("phone", phone)

    def account_by_lid(self, lid: str) -> Account | None:
        return self._account("lid", lid)

    def accounts(self) -> list[Account]:
        rows = self._sql("SELECT phone, lid, push_name, created_at FROM accounts ORDER BY phone")
        return [Account(*row) for row in rows]

    # -- devices -------------------------------------------------------------------------

    def allocate_device(self, phone: str) -> tuple[int, int]:
        """The next (device id, key index) for a companion of ``phone``; never reused."""
        with self.transaction():
            row = self._sql(
                "SELECT next_device, next_key_index FROM accounts WHERE phone = ?", (phone,)
            ).fetchone()
            if row is None:
                raise KeyError(phone)
            device, key_index = row
            self._sql(
                "UPDATE accounts SET next_device = ?, next_key_index = ? WHERE phone = ?",
                (device + 1, key_index + 1, phone),
            )
            return int(device), int(key_index)

    def add_device(self, device: Device) -> None:
        skey = device.signed_prekey
        self._sql(
            """INSERT INTO devices (phone, device, noise_public, identity_public,
                registration_id, platform, key_index, signed_identity,
                skey_id, skey_public, skey_signature, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                device.phone,
                device.device,
                device.noise_public,
                device.identity_public,
                device.registration_id,
                device.platform,
                device.key_index,
                device.signed_identity,
                None if skey is None else skey.key_id,
                None if skey is None else skey.public,
                None if skey is None else skey.signature,
                int(time.time()),
            ),
        )

    _DEVICE_COLUMNS = (
        "phone, device, noise_public, identity_public, registration_id, platform, key_index, "
        "signed_identity, skey_id, skey_public, skey_signature"
    )

    @staticmethod
    def _device_row(row: tuple[Any, ...]) -> Device:
        # sqlite3 rows are untyped; the conversions pin each column to its type.
        skey = None
        if row[8] is not None:
            skey = SignedKey(int(row[8]), bytes(row[9]), bytes(row[10]))
        return Device(
            str(row[0]),
            int(row[1]),
            bytes(row[2]),
            bytes(row[3]),
            int(row[4]),
            str(row[5]),
            int(row[6]),
            bytes(row[7]),
            skey,
        )

    def device(self, phone: str, device: int) -> Device | None:
        row = self._sql(
            f"SELECT {self._DEVICE_COLUMNS} FROM devices WHERE phone = ? AND device = ?",
            (phone, device),
        ).fetchone()
        return None if row is None else self._device_row(row)

    def devices(self, phone: str) -> list[Device]:
        rows = self._sql(
            f"SELECT {self._DEVICE_COLUMNS} FROM devices WHERE phone = ? ORDER BY device", (phone,)
        )
        return [self._device_row(row) for row in rows]

    def remove_device(self, phone: str, device: int) -> None:
        """Forget a device, with its offline queue (nobody will ever ack it now)."""
        with self.transaction():
            self._sql("DELETE FROM devices WHERE phone = ? AND device = ?", (phone, device))
            self.drop_queue(phone, device)

    def set_signed_prekey(self, phone: str, device: int, skey: SignedKey) -> None:
        self._sql(
            "UPDATE devices SET skey_id = ?, skey_public = ?, skey_signature = ? "
            "WHERE phone = ? AND device = ?",
            (skey.key_id, skey.public, skey.signature, phone, device),
        )

    def set_registration(
        self, phone: str, device: int, registration_id: int, identity_public: bytes
    ) -> None:
        self._sql(
            "UPDATE devices SET registration_id = ?, identity_public = ? "
            "WHERE phone = ? AND device = ?",
            (registration_id, identity_public, phone, device),
        )

    # -- one-time prekeys ---------------------------------------------------------------

    def add_prekeys(self, phone: str, device: int, keys: list[tuple[int, bytes]]) -> None:
        with self.transaction():
            for key_id, public in keys:
                self._sql(
                    "INSERT OR REPLACE INTO prekeys VALUES (?, ?, ?, ?)",
                    (phone, device, key_id, public),
                )

    def count_prekeys(self, phone: str, device: int) -> int:
        row = self._sql(
            "SELECT count(*) FROM prekeys WHERE phone = ? AND device = ?", (phone, device)
        ).fetchone()
        return int(row[0])

    def prekey_ids(self, phone: str, device: int) -> list[int]:
        rows = self._sql(
            "SELECT key_id FROM prekeys WHERE phone = ? AND device = ? ORDER BY key_id",
            (phone, device),
        )
        return [int(row[0]) for row in rows]

    def prekey_publics(self, phone: str, device: int) -> list[bytes]:
        rows = self._sql(
            "SELECT public FROM prekeys WHERE phone = ? AND device = ? ORDER BY key_id",
            (phone, device),
        )
        return [bytes(row[0]) for row in rows]

    def take_prekey(self, phone: str, device: int) -> tuple[int, bytes] | None:
        """Hand out one one-time prekey, removing it: it is never given twice."""
        with self.transaction():
            row = self._sql(
                "SELECT key_id, public FROM prekeys WHERE phone = ? AND device = ? "
                "ORDER BY key_id LIMIT 1",
                (phone, device),
            ).fetchone()
            if row is None:
                return None
            self._sql(
                "DELETE FROM prekeys WHERE phone = ? AND device = ? AND key_id = ?",
                (phone, device, row[0]),
            )
            return int(row[0]), bytes(row[1])

    # -- per-device offline queues --------------------------------------------------------

    def enqueue(
        self, phone: str, device: int, kind: str, stanza_id: str, sender: str, stanza: bytes
    ) -> int:
        """Keep an encoded stanza for a device until it acks it; returns its sequence number."""
        cursor = self._sql(
            "INSERT INTO queue (phone, device, class, id, sender, stanza) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (phone, device, kind, stanza_id, sender, stanza),
        )
        return int(cursor.lastrowid or 0)

    def queued(self, phone: str, device: int) -> list[bytes]:
        """The device's unacked stanzas, oldest first."""
        rows = self._sql(
            "SELECT stanza FROM queue WHERE phone = ? AND device = ? ORDER BY seq", (phone, device)
        )
        return [bytes(row[0]) for row in rows]

    def queued_ids(self, phone: str, device: int) -> list[tuple[str, str]]:
        """(class, id) of the device's unacked stanzas, oldest first."""
        rows = self._sql(
            "SELECT class, id FROM queue WHERE phone = ? AND device = ? ORDER BY seq",
            (phone, device),
        )
        return [(str(row[0]), str(row[1])) for row in rows]

    def dequeue(
        self, phone: str, device: int, kind: str, stanza_id: str, sender: str | None
    ) -> int:
        """Drop what an ack names (by class, id and, when the ack says it, the sender)."""
        statement = "DELETE FROM queue WHERE phone = ? AND device = ? AND class = ? AND id = ?"
        args: tuple[object, ...] = (phone, device, kind, stanza_id)
        if sender is not None:
            statement += " AND sender = ?"
            args += (sender,)
        return self._sql(statement, args).rowcount

    def drop_queue(self, phone: str, device: int) -> None:
        self._sql("DELETE FROM queue WHERE phone = ? AND device = ?", (phone, device))

    def pending_count(self) -> int:
        return int(self._sql("SELECT count(*) FROM queue").fetchone()[0])

    # -- the simulated phones' inboxes -----------------------------------------------------

    def keep_inbox(self, phone: str, entry: InboxEntry) -> None:
        self._sql(
            "INSERT INTO inbox (phone, id, sender, chat, timestamp, from_me, message) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                phone,
                entry.id,
                entry.sender,
                entry.chat,
                entry.timestamp,
                int(entry.from_me),
                entry.message,
            ),
        )

    def inbox(self, phone: str) -> list[InboxEntry]:
        rows = self._sql(
            "SELECT id, sender, chat, timestamp, from_me, message FROM inbox WHERE phone = ? "
            "ORDER BY seq",
            (phone,),
        )
        return [
            InboxEntry(str(r[0]), str(r[1]), str(r[2]), int(r[3]), bool(r[4]), bytes(r[5]))
            for r in rows
        ]

    # -- groups -------------------------------------------------------------------------

    def create_group(self, group: Group) -> None:
        with self.transaction():
            self._sql(
                "INSERT INTO groups VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    group.jid,
                    group.subject,
                    group.creator,
                    group.created_at,
                    group.subject_owner,
                    group.subject_time,
                    group.addressing_mode,
                ),
            )
            for phone, admin in group.participants:
                self.set_participant(group.jid, phone, admin)

    def group(self, jid: str) -> Group | None:
        row = self._sql(
            "SELECT jid, subject, creator, created_at, subject_owner, subject_time, "
            "addressing_mode FROM groups WHERE jid = ?",
            (jid,),
        ).fetchone()
        if row is None:
            return None
        members = self._sql(
            "SELECT phone, admin FROM group_participants WHERE group_jid = ? ORDER BY seq", (jid,)
        )
        return Group(
            str(row[0]),
            str(row[1]),
            str(row[2]),
            int(row[3]),
            str(row[4]),
            int(row[5]),
            str(row[6]),
            tuple((str(p), str(a)) for p, a in members),
        )

    def groups_of(self, phone: str) -> list[Group]:
        rows = self._sql(
            "SELECT group_jid FROM group_participants WHERE phone = ? ORDER BY group_jid", (phone,)
        ).fetchall()
        return [g for (jid,) in rows if (g := self.group(str(jid))) is not None]

    def set_participant(self, jid: str, phone: str, admin: str) -> None:
        """Add a participant, or change its admin flag (its place in the list is kept)."""
        updated = self._sql(
            "UPDATE group_participants SET admin = ? WHERE group_jid = ? AND phone = ?",
            (admin, jid, phone),
        ).rowcount
        if not updated:
            self._sql(
                "INSERT INTO group_participants (group_jid, phone, admin, seq) VALUES (?, ?, ?, "
                "(SELECT coalesce(max(seq), 0) + 1 FROM group_participants WHERE group_jid = ?))",
                (jid, phone, admin, jid),
            )

    def remove_participant(self, jid: str, phone: str) -> None:
        with self.transaction():
            self._sql(
                "DELETE FROM group_participants WHERE group_jid = ? AND phone = ?", (jid, phone)
            )
            # Everyone's sender key must reach the group again without the one who left.
            self._sql("DELETE FROM sender_key_memory WHERE group_jid = ?", (jid,))

    def description(self, jid: str) -> Description | None:
        row = self._sql(
            "SELECT id, body, owner, t FROM group_descriptions WHERE group_jid = ?", (jid,)
        ).fetchone()
        return None if row is None else Description(*row)

    def set_description(self, jid: str, description: Description | None) -> None:
        if description is None:
            self._sql("DELETE FROM group_descriptions WHERE group_jid = ?", (jid,))
            return
        self._sql(
            "INSERT OR REPLACE INTO group_descriptions (group_jid, id, body, owner, t) "
            "VALUES (?, ?, ?, ?, ?)",
            (jid, description.id, description.text, description.owner, description.time),
        )

    def set_subject(self, jid: str, subject: str, owner: str, when: int) -> None:
        self._sql(
            "UPDATE groups SET subject = ?, subject_owner = ?, subject_time = ? WHERE jid = ?",
            (subject, owner, when, jid),
        )

    def sender_key_holders(self, phone: str, jid: str) -> set[tuple[str, int]]:
        rows = self._sql(
            "SELECT member, device FROM sender_key_memory WHERE phone = ? AND group_jid = ?",
            (phone, jid),
        )
        return {(str(m), int(d)) for m, d in rows}

    def remember_sender_key_holder(self, phone: str, jid: str, member: str, device: int) -> None:
        self._sql(
            "INSERT OR IGNORE INTO sender_key_memory VALUES (?, ?, ?, ?)",
            (phone, jid, member, device),
        )

    # -- privacy tokens -----------------------------------------------------------------

    def server_secret(self, name: str) -> bytes:
        """32 random bytes kept under ``name`` (made on first use): the server's own keys."""
        with self.transaction():
            row = self._sql("SELECT private FROM server_keys WHERE name = ?", (name,)).fetchone()
            if row is not None:
                return bytes(row[0])
            secret = secrets.token_bytes(32)
            self._sql("INSERT INTO server_keys VALUES (?, ?)", (name, secret))
            return secret

    def privacy_settings(self, phone: str, require_token: bool) -> PrivacySettings:
        """The account's privacy settings; made (with ``require_token`` and a fresh NCT
        salt) the first time they are asked for."""
        with self.transaction():
            row = self._sql(
                "SELECT require_token, accept_cstoken, nct_salt FROM privacy_settings "
                "WHERE phone = ?",
                (phone,),
            ).fetchone()
            if row is not None:
                return PrivacySettings(bool(row[0]), bool(row[1]), bytes(row[2]))
            salt = secrets.token_bytes(32)
            self._sql(
                "INSERT INTO privacy_settings (phone, require_token, nct_salt) VALUES (?, ?, ?)",
                (phone, int(require_token), salt),
            )
            return PrivacySettings(require_token, False, salt)

    def set_privacy_settings(self, phone: str, settings: PrivacySettings) -> None:
        self._sql(
            "INSERT OR REPLACE INTO privacy_settings (phone, require_token, accept_cstoken, "
            "nct_salt) VALUES (?, ?, ?, ?)",
            (phone, int(settings.require_token), int(settings.accept_cstoken), settings.nct_salt),
        )

    def issuance(self, issuer: str, holder: str) -> int | None:
        """When ``issuer`` last gave its token to ``holder`` (None: never)."""
        row = self._sql(
            "SELECT t FROM privacy_issuances WHERE issuer = ? AND holder = ?", (issuer, holder)
        ).fetchone()
        return None if row is None else int(row[0])

    def set_issuance(self, issuer: str, holder: str, t: int) -> None:
        self._sql(
            "INSERT OR REPLACE INTO privacy_issuances (issuer, holder, t) VALUES (?, ?, ?)",
            (issuer, holder, t),
        )

    def issuances(self, phone: str) -> list[tuple[str, str, int]]:
        """(issuer, holder, t) of every issuance by or to ``phone``."""
        rows = self._sql(
            "SELECT issuer, holder, t FROM privacy_issuances WHERE issuer = ? OR holder = ? "
            "ORDER BY issuer, holder",
            (phone, phone),
        )
        return [(str(i), str(h), int(t)) for i, h, t in rows]

    def log_privacy_stanza(self, entry: PrivacyStanza, keep: int = 1000) -> None:
        """Record what a 1:1 message carried (the newest ``keep`` per sender stay)."""
        with self.transaction():
            self._sql(
                "INSERT INTO privacy_stanzas (sender, device, recipient, id, tctoken, "
                "tctoken_check, cstoken, cstoken_check, outcome, t) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.sender,
                    entry.device,
                    entry.recipient,
                    entry.id,
                    entry.tctoken,
                    entry.tctoken_check,
                    entry.cstoken,
                    entry.cstoken_check,
                    entry.outcome,
                    entry.t,
                ),
            )
            self._sql(
                "DELETE FROM privacy_stanzas WHERE sender = ? AND seq NOT IN (SELECT seq FROM "
                "privacy_stanzas WHERE sender = ? ORDER BY seq DESC LIMIT ?)",
                (entry.sender, entry.sender, keep),
            )

    def privacy_stanzas(self, phone: str) -> list[PrivacyStanza]:
        rows = self._sql(
            "SELECT sender, device, recipient, id, tctoken, tctoken_check, cstoken, "
            "cstoken_check, outcome, t FROM privacy_stanzas WHERE sender = ? ORDER BY seq",
            (phone,),
        )
        return [
            PrivacyStanza(
                str(r[0]),
                int(r[1]),
                str(r[2]),
                str(r[3]),
                None if r[4] is None else bytes(r[4]),
                r[5],
                None if r[6] is None else bytes(r[6]),
                r[7],
                str(r[8]),
                int(r[9]),
            )
            for r in rows
        ]

    # -- server-wide settings -------------------------------------------------------------

    def setting(self, name: str) -> str | None:
        row = self._sql("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, name: str, value: str) -> None:
        self._sql("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", (name, value))
