"""What the sandbox keeps of an account's profile (about text, picture, business name) and
whom it counts as the account's contacts, the ones notifications about it go to.

The rows live in the sandbox state's ``profiles`` table (migration 4); like the
message archive on the client, this reads and writes through the state's own
connection so that a write joins any transaction around it.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from wacli.sandbox.state import Account, SandboxState

MAX_ABOUT = 139  # characters, as WhatsApp limits the about text
MAX_PICTURE = 1 << 20  # bytes of a profile picture the sandbox keeps
MAX_NAME = 25  # characters of a push name


@dataclass(frozen=True, slots=True)
class Profile:
    phone: str
    about: str | None = None
    about_at: int | None = None
    picture_id: int = 0  # increases with every change, the id notifications carry
    picture: bytes | None = None
    picture_at: int | None = None
    verified_name: str | None = None
    business: bool = False


class Profiles:
    """The profile rows of one sandbox state."""

    def __init__(self, state: SandboxState) -> None:
        self._state = state
        self._conn: sqlite3.Connection = state._conn

    def get(self, phone: str) -> Profile:
        row = self._conn.execute(
            "SELECT phone, about, about_at, picture_id, picture, picture_at, verified_name, "
            "business FROM profiles WHERE phone = ?",
            (phone,),
        ).fetchone()
        if row is None:
            return Profile(phone)
        picture = None if row[4] is None else bytes(row[4])
        return Profile(row[0], row[1], row[2], row[3], picture, row[5], row[6], bool(row[7]))

    def _ensure(self, phone: str) -> None:
        self._conn.execute("INSERT OR IGNORE INTO profiles (phone) VALUES (?)", (phone,))

    def set_about(self, phone: str, text: str) -> Profile:
        with self._state.transaction():
            self._ensure(phone)
            self._conn.execute(
                "UPDATE profiles SET about = ?, about_at = ? WHERE phone = ?",
                (text, int(time.time()), phone),
            )
            return self.get(phone)

    def set_picture(self, phone: str, image: bytes | None) -> Profile:
        """A new picture (or none): the picture id moves on either way."""
        with self._state.transaction():
            self._ensure(phone)
            self._conn.execute(
                "UPDATE profiles SET picture = ?, picture_id = picture_id + 1, picture_at = ? "
                "WHERE phone = ?",
                (image, int(time.time()), phone),
            )
            return self.get(phone)

    def set_business(self, phone: str, business: bool, verified_name: str | None) -> Profile:
        with self._state.transaction():
            self._ensure(phone)
            self._conn.execute(
                "UPDATE profiles SET business = ?, verified_name = ? WHERE phone = ?",
                (int(business), verified_name, phone),
            )
            return self.get(phone)

    def set_push_name(self, phone: str, name: str) -> None:
        self._state.set_push_name(phone, name)

    def correspondents(self, account: Account) -> list[str]:
        """The JIDs (as stored) of everyone whose messages this account's phone received,
        and the phones of everyone who received one of its messages on their phone."""
        senders = [
            str(row[0])
            for row in self._conn.execute(
                "SELECT DISTINCT sender FROM inbox WHERE phone = ? AND from_me = 0",
                (account.phone,),
            )
        ]
        patterns = [f"{user}{tail}" for user in (account.phone, account.lid) for tail in "@:"]
        where = " OR ".join("sender LIKE ? || '%'" for _ in patterns)
        receivers = [
            str(row[0])
            for row in self._conn.execute(
                f"SELECT DISTINCT phone FROM inbox WHERE phone != ? AND ({where})",
                (account.phone, *patterns),
            )
        ]
        return senders + receivers
