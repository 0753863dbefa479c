"""What the server's 2026 rules need remembered (migration 6).

- privacy tokens per contact (wacli.protocol.privacy_token): the contact's token and its
  ``t``, and when we last issued ours to them; keyed by the bare LID, else the phone
  number, and looked up under either form through the LID mappings;
- the server's A/B props and their hash;
- small named account settings (bytes or text).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import NamedTuple

from wacli.jid import JID

# account_settings names
PROPS_HASH = "props_hash"
PROPS_FETCHED_AT = "props_fetched_at"
PROPS_REFRESH = "props_refresh"
NCT_SALT = "nct_salt"
WA_VERSION = "wa_version"
DIGEST_CHECKED_AT = "prekey_digest_checked_at"


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class PrivacyTokenRecord(NamedTuple):
    jid: str  # the key it is stored under (bare LID, or phone number)
    token: bytes | None  # the contact's token; None once pruned or never received
    timestamp: int | None
    sender_timestamp: int | None  # when we last issued our token to the contact


class RuleTables:
    _conn: sqlite3.Connection

    def lid_for_pn(self, pn: JID | str) -> str | None:  # from SendTables
        raise NotImplementedError

    def pn_for_lid(self, lid: JID | str) -> str | None:  # from SendTables
        raise NotImplementedError

    # -- privacy tokens -------------------------------------------------------------------

    def token_key(self, contact: JID) -> str:
        """The key a contact's token lives under: its bare LID when known."""
        user = contact.to_non_ad()
        if user.is_lid:
            return str(user)
        return self.lid_for_pn(user) or str(user)

    def _token_keys(self, contact: JID) -> list[str]:
        key = self.token_key(contact)
        other = self.pn_for_lid(key) if key.endswith("@lid") else None
        plain = str(contact.to_non_ad())
        return list(dict.fromkeys(k for k in (key, plain, other) if k))

    def privacy_token(self, contact: JID) -> PrivacyTokenRecord | None:
        """The newest record held for ``contact`` under its LID or phone-number form."""
        keys = self._token_keys(contact)
        marks = ",".join("?" * len(keys))
        row = self._conn.execute(
            f"SELECT jid, token, timestamp, sender_timestamp FROM privacy_tokens "
            f"WHERE jid IN ({marks}) ORDER BY (jid = ?) DESC, timestamp DESC LIMIT 1",
            (*keys, keys[0]),
        ).fetchone()
        return None if row is None else PrivacyTokenRecord(*row)

    def put_privacy_token(self, contact: JID, token: bytes, timestamp: int) -> bool:
        """Keep ``contact``'s token unless we hold a newer one (an equal ``t`` replaces it);
        our sender timestamp stays. Whether it was kept."""
        key = self.token_key(contact)
        held = self.privacy_token(contact)
        if held is not None and (held.timestamp or 0) > timestamp:
            return False
        sender = held.sender_timestamp if held is not None else None
        self._conn.execute(
            "INSERT OR REPLACE INTO privacy_tokens (jid, token, timestamp, sender_timestamp) "
            "VALUES (?, ?, ?, ?)",
            (key, token, timestamp, sender),
        )
        return True

    def set_token_issued(self, contact: JID, sender_timestamp: int) -> None:
        """Note that we issued our token to ``contact`` at ``sender_timestamp``."""
        key = self.token_key(contact)
        held = self.privacy_token(contact)
        token, t = (held.token, held.timestamp) if held is not None else (None, None)
        self._conn.execute(
            "INSERT OR REPLACE INTO privacy_tokens (jid, token, timestamp, sender_timestamp) "
            "VALUES (?, ?, ?, ?)",
            (key, token, t, sender_timestamp),
        )

    def prune_privacy_tokens(self, token_cutoff: int, sender_cutoff: int) -> int:
        """Forget tokens older than ``token_cutoff``, and rows whose token and issuance are
        both out of their windows; the number of rows changed."""
        cur = self._conn.execute(
            "UPDATE privacy_tokens SET token = NULL, timestamp = NULL "
            "WHERE token IS NOT NULL AND COALESCE(timestamp, 0) < ?",
            (token_cutoff,),
        )
        changed = cur.rowcount
        cur = self._conn.execute(
            "DELETE FROM privacy_tokens WHERE token IS NULL AND COALESCE(sender_timestamp, 0) < ?",
            (sender_cutoff,),
        )
        return changed + cur.rowcount

    # -- A/B props ------------------------------------------------------------------------

    def server_props(self) -> dict[int, str]:
        return dict(self._conn.execute("SELECT code, value FROM server_props").fetchall())

    def save_server_props(self, props: Mapping[int, str], *, replace: bool) -> None:
        """Store the props of an answer: all of them (``replace``) or merged (a delta)."""
        if replace:
            self._conn.execute("DELETE FROM server_props")
        self._conn.executemany(
            "INSERT OR REPLACE INTO server_props (code, value) VALUES (?, ?)", props.items()
        )

    # -- named settings -------------------------------------------------------------------

    def setting(self, name: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT value FROM account_settings WHERE name = ?", (name,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def setting_text(self, name: str) -> str | None:
        value = self.setting(name)
        return None if value is None else value.decode()

    def set_setting(self, name: str, value: bytes | str | None) -> None:
        if value is None:
            self._conn.execute("DELETE FROM account_settings WHERE name = ?", (name,))
            return
        data = value.encode() if isinstance(value, str) else value
        self._conn.execute(
            "INSERT OR REPLACE INTO account_settings (name, value) VALUES (?, ?)", (name, data)
        )
