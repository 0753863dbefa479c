"""What sending needs to remember between runs (migration 4).

- device lists per user as usync gave them, with the time they were fetched, so a send
  asks the server only about users it does not know or knew too long ago;
- LID <-> phone-number mappings the server revealed;
- the plaintext of recently sent messages, to answer a retry receipt with the same message
  (kept at most SENT_KEEP_SECONDS and SENT_KEEP_COUNT), and how often each device asked;
- which devices hold our current sender key of each group.

Users and devices are JID strings; a user is always stored without its device part.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, NamedTuple

from wacli.jid import JID, JIDError, parse_jid

SENT_KEEP_SECONDS = 14 * 24 * 3600
SENT_KEEP_COUNT = 1000


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class DeviceList(NamedTuple):
    user: str  # the user JID without a device, e.g. "15551234567@s.whatsapp.net"
    devices: tuple[tuple[int, int], ...]  # (device id, key index), as usync listed them
    key_index_ts: int | None
    fetched_at: int  # unix seconds


def _user(user: JID | str) -> str:
    """The non-AD form of a user JID given as a JID or its text."""
    if isinstance(user, JID):
        return str(user.to_non_ad())
    try:
        return str(parse_jid(user).to_non_ad())
    except JIDError:
        return user


def _encode_devices(devices: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> str:
    return ",".join(f"{device}:{index}" for device, index in devices)


def _decode_devices(text: str) -> tuple[tuple[int, int], ...]:
    found = []
    for item in text.split(","):
        device, _, index = item.partition(":")
        if device.isdigit():
            found.append((int(device), int(index) if index.isdigit() else 0))
    return tuple(found)


class SendTables:
    _conn: sqlite3.Connection
    if TYPE_CHECKING:  # Database's, which the Store mixes in after this class

        def remembered(self) -> dict[Hashable, Any] | None: ...
        def forget_remembered(self) -> None: ...

    # -- device lists ---------------------------------------------------------------------

    def load_device_list(self, user: JID | str) -> DeviceList | None:
        key = _user(user)
        row = self._conn.execute(
            "SELECT devices, key_index_ts, fetched_at FROM device_lists WHERE user = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        return DeviceList(key, _decode_devices(row[0]), row[1], row[2])

    def save_device_list(
        self,
        user: JID | str,
        devices: list[tuple[int, int]] | tuple[tuple[int, int], ...],
        key_index_ts: int | None = None,
        fetched_at: int | None = None,
    ) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO device_lists (user, devices, key_index_ts, fetched_at) "
            "VALUES (?, ?, ?, ?)",
            (
                _user(user),
                _encode_devices(devices),
                key_index_ts,
                int(time.time()) if fetched_at is None else fetched_at,
            ),
        )

    def forget_devices(self, user: JID | str) -> None:
        """Drop the cached device list of ``user`` (a device notification changed it), under
        its phone number and its LID alike; the next send asks usync again."""
        key = _user(user)
        keys = {key}
        other = self.pn_for_lid(key) if key.endswith("@lid") else self.lid_for_pn(key)
        if other is not None:
            keys.add(other)
        self._conn.executemany("DELETE FROM device_lists WHERE user = ?", [(k,) for k in keys])

    # -- LID <-> phone number -----------------------------------------------------------------

    def put_lid_mapping(self, lid: JID | str, pn: JID | str, source: str) -> None:
        """Remember that LID user ``lid`` is phone-number user ``pn`` (both without device)."""
        lid_key, pn_key = _user(lid), _user(pn)
        if not lid_key.endswith("@lid") or lid_key == pn_key:
            return
        self.forget_remembered()
        self._conn.execute(
            "INSERT INTO lid_mappings (lid, pn, source, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (lid) DO UPDATE SET pn = excluded.pn, source = excluded.source, "
            "updated_at = excluded.updated_at WHERE pn != excluded.pn",
            (lid_key, pn_key, source, int(time.time())),
        )

    def pn_for_lid(self, lid: JID | str) -> str | None:
        return self._mapping("SELECT pn FROM lid_mappings WHERE lid = ?", _user(lid))

    def lid_for_pn(self, pn: JID | str) -> str | None:
        return self._mapping(
            "SELECT lid FROM lid_mappings WHERE pn = ? ORDER BY updated_at DESC LIMIT 1",
            _user(pn),
        )

    def _mapping(self, query: str, user: str) -> str | None:
        """The other address of ``user`` by ``query``; within a transaction, as read
        before (nearly every stanza of a burst asks again) while that still holds."""
        memo = self.remembered()
        key = (query, user)
        if memo is not None and key in memo:
            found: str | None = memo[key]
            return found
        row = self._conn.execute(query, (user,)).fetchone()
        found = None if row is None else row[0]
        if memo is not None:
            memo[key] = found
        return found

    # -- recently sent messages ---------------------------------------------------------------

    def remember_sent(
        self, chat: JID | str, message_id: str, message: bytes, sent_at: int | None = None
    ) -> None:
        """Keep the serialized Message we sent (for retry receipts) and prune old ones."""
        now = int(time.time()) if sent_at is None else sent_at
        self._conn.execute(
            "INSERT OR REPLACE INTO sent_messages (chat, id, message, sent_at) VALUES (?, ?, ?, ?)",
            (_user(chat), message_id, message, now),
        )
        self._conn.execute(
            "DELETE FROM sent_messages WHERE sent_at < ? OR rowid NOT IN "
            "(SELECT rowid FROM sent_messages ORDER BY sent_at DESC, rowid DESC LIMIT ?)",
            (now - SENT_KEEP_SECONDS, SENT_KEEP_COUNT),
        )

    def load_sent(self, chat: JID | str, message_id: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT message FROM sent_messages WHERE chat = ? AND id = ?",
            (_user(chat), message_id),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def count_sent_retry(self, chat: JID | str, message_id: str, device: JID | str) -> int:
        """Count one more resend of a kept message to ``device``; returns the new count
        (0 when the message is not kept)."""
        key = (_user(chat), message_id, str(device))
        if self.load_sent(key[0], message_id) is None:
            return 0
        self._conn.execute(
            "INSERT INTO sent_retries (chat, id, device, count) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (chat, id, device) DO UPDATE SET count = count + 1",
            key,
        )
        row = self._conn.execute(
            "SELECT count FROM sent_retries WHERE chat = ? AND id = ? AND device = ?", key
        ).fetchone()
        return int(row[0])

    # -- who holds our sender key -----------------------------------------------------------

    def sender_key_holders(self, group: JID | str) -> set[str]:
        rows = self._conn.execute(
            "SELECT device FROM sender_key_holders WHERE group_jid = ?", (str(group),)
        )
        return {row[0] for row in rows}

    def add_sender_key_holders(self, group: JID | str, devices: list[JID] | list[str]) -> None:
        self._conn.executemany(
            "INSERT OR IGNORE INTO sender_key_holders (group_jid, device) VALUES (?, ?)",
            [(str(group), str(device)) for device in devices],
        )

    def clear_sender_key_holders(self, group: JID | str) -> None:
        """Nobody holds our sender key of ``group`` any more (it was rotated)."""
        self._conn.execute("DELETE FROM sender_key_holders WHERE group_jid = ?", (str(group),))
