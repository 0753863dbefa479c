"""The account row: who this companion is once paired, and what it needs to log in again.

The row is written once, in the transaction that completes pairing; its
presence is what "paired" means. Only the server's static key (remembered for
Noise IK), the LID and the push name change afterwards.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from wacli.crypto import KeyPair
from wacli.store.errors import StoreError


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class AccountRecord(NamedTuple):
    jid: str  # this device, e.g. "15551234567:3@s.whatsapp.net"
    lid: str | None
    noise_key: KeyPair
    adv_secret: bytes
    account_signature_key: bytes  # the phone's identity key that vouched for this device
    signed_identity: bytes  # our ADVSignedDeviceIdentity (with both signatures)
    key_index: int
    platform: str | None
    business_name: str | None
    push_name: str | None
    server_static: bytes | None
    paired_at: int  # unix seconds

    def __repr__(self) -> str:  # the ADV secret stays out of logs
        shown = ", ".join(
            f"{name}={value!r}"
            for name, value in zip(self._fields, self, strict=True)
            if name != "adv_secret"
        )
        return f"AccountRecord({shown})"


_COLUMNS = (
    "jid, lid, noise_private, noise_public, adv_secret, account_signature_key, signed_identity, "
    "key_index, platform, business_name, push_name, server_static, paired_at"
)


class DeviceTables:
    _conn: sqlite3.Connection

    def load_account(self) -> AccountRecord | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM account WHERE id = 1").fetchone()
        if row is None:
            return None
        return AccountRecord(
            jid=row[0],
            lid=row[1],
            noise_key=KeyPair(bytes(row[2]), bytes(row[3])),
            adv_secret=bytes(row[4]),
            account_signature_key=bytes(row[5]),
            signed_identity=bytes(row[6]),
            key_index=row[7],
            platform=row[8],
            business_name=row[9],
            push_name=row[10],
            server_static=None if row[11] is None else bytes(row[11]),
            paired_at=row[12],
        )

    def save_account(self, account: AccountRecord) -> None:
        """Record the paired account; a store holds one, so a second is a StoreError."""
        try:
            self._conn.execute(
                f"INSERT INTO account (id, {_COLUMNS}) "
                "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    account.jid,
                    account.lid,
                    account.noise_key.private,
                    account.noise_key.public,
                    account.adv_secret,
                    account.account_signature_key,
                    account.signed_identity,
                    account.key_index,
                    account.platform,
                    account.business_name,
                    account.push_name,
                    account.server_static,
                    account.paired_at,
                ),
            )
        except sqlite3.IntegrityError:
            raise StoreError("this store is already paired with an account") from None

    def _update_account(self, column: str, value: object) -> None:
        cursor = self._conn.execute(f"UPDATE account SET {column} = ? WHERE id = 1", (value,))
        if cursor.rowcount != 1:
            raise StoreError("the store is not paired")

    def set_server_static(self, key: bytes) -> None:
        self._update_account("server_static", key)

    def set_account_lid(self, lid: str) -> None:
        self._update_account("lid", lid)

    def set_push_name(self, name: str | None) -> None:
        self._update_account("push_name", name)

    def delete_account(self) -> None:
        """Forget the pairing (after a logout); Signal keys stay for a later re-pair to replace."""
        self._conn.execute("DELETE FROM account WHERE id = 1")
