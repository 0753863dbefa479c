"""The message archive: chats, contacts and messages in the store's one SQLite file.

``Archive(store)`` reads and writes through the store's own connection, so every
write joins the caller's ``store.transaction()`` (the receive path stores a
message in the same transaction as its Signal decrypt). Times are integer unix
seconds (UTC); JIDs are their string form.

Edits, revokes and reactions change what is archived (``apply_edit``,
``apply_revoke``, ``apply_reaction``; wacli.client.archiving calls them for every
message the receive path, history sync and ``wacli send`` archive). Their envelopes
are also stored with ``add_message`` (type ``protocol`` / ``reaction``) so that a
redelivered one is recognised; listings and searches leave those rows out. What type
and text a row gets is decided by wacli.protocol.message_model, not here.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final, NamedTuple

from wacli.store.database import Database

Seconds = int | datetime

# Rows that record a change to another message rather than content of their own.
NOT_CONTENT: Final = ("protocol", "reaction")
_NOT_CONTENT_SQL = f"m.type NOT IN ({', '.join(repr(kind) for kind in NOT_CONTENT)})"


class _Keep:
    """The default of an upsert field: leave the stored value as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class ArchivedMessage(NamedTuple):
    """One message as the archive keeps it (what ``add_message`` takes and listings return)."""

    chat: str
    id: str
    sender: str
    from_me: bool
    timestamp: int
    type: str  # text, image, video, audio, document, sticker, ..., reaction, protocol
    text: str | None = None  # plain text or caption
    raw: bytes | None = None  # the serialized wacli.e2e.Message
    push_name: str | None = None
    reply_to: str | None = None
    edited_at: int | None = None
    revoked_at: int | None = None


class Edit(NamedTuple):
    """A text a message had before an edit replaced it."""

    text: str | None
    raw: bytes | None
    replaced_at: int


class Reaction(NamedTuple):
    sender: str
    emoji: str
    timestamp: int


class Contact(NamedTuple):
    jid: str
    lid: str | None
    phone_jid: str | None
    push_name: str | None
    full_name: str | None
    first_name: str | None
    business_name: str | None
    updated_at: int


class Chat(NamedTuple):
    jid: str
    name: str | None
    last_message_at: int | None
    unread_count: int
    archived: bool
    pinned_at: int | None
    muted_until: int | None  # -1: muted for ever
    updated_at: int | None


_MESSAGE_COLUMNS = (
    "m.chat, m.id, m.sender, m.from_me, m.timestamp, m.type, m.text, m.raw, m.push_name, "
    "m.reply_to, m.edited_at, m.revoked_at"
)
_CONTACT_FIELDS = ("lid", "phone_jid", "push_name", "full_name", "first_name", "business_name")
_CHAT_FIELDS = ("name", "last_message_at", "unread_count", "archived", "pinned_at", "muted_until")


# Times the archive accepts: from the epoch to the end of year 9999, so every stored time
# has an RFC 3339 form (a timestamp from the network can be anything).
MAX_SECONDS: Final = 253_402_300_799


def _seconds(value: Seconds) -> int:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a naive datetime has no defined UTC time; give it a tzinfo")
        value = int(value.timestamp())
    seconds = int(value)
    if not 0 <= seconds <= MAX_SECONDS:
        raise ValueError(f"time {seconds} is outside 1970-01-01 .. 9999-12-31")
    return seconds


def _bound(value: Seconds) -> int:
    """A query's time bound: any time, clamped to what every stored time lies within."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a naive datetime has no defined UTC time; give it a tzinfo")
        value = int(value.timestamp())
    return min(max(int(value), -1), MAX_SECONDS + 1)


def _message(row: tuple[Any, ...]) -> ArchivedMessage:
    return ArchivedMessage(
        chat=row[0],
        id=row[1],
        sender=row[2],
        from_me=bool(row[3]),
        timestamp=row[4],
        type=row[5],
        text=row[6],
        raw=None if row[7] is None else bytes(row[7]),
        push_name=row[8],
        reply_to=row[9],
        edited_at=row[10],
        revoked_at=row[11],
    )


def _target(chat: str, message_id: str, sender: str | None) -> tuple[str, tuple[Any, ...]]:
    """WHERE clause for the message an edit/revoke points at (sender narrows it when known)."""
    if sender is None:
        return "chat = ? AND id = ?", (chat, message_id)
    return "chat = ? AND id = ? AND sender = ?", (chat, message_id, sender)


_INSERT_MESSAGES = (
    "INSERT INTO messages (chat, id, sender, from_me, timestamp, type, text, raw, "
    "push_name, reply_to, edited_at, revoked_at) VALUES "
)
_MESSAGE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_NEW_ONLY = " ON CONFLICT (chat, id, sender) DO NOTHING"
_ROWS_PER_INSERT = 500  # 12 parameters a row: far below SQLite's limit of 32766
_CHAT_IS_RECENT = (
    "INSERT INTO chats (jid, last_message_at) VALUES (?, ?) ON CONFLICT (jid) "
    "DO UPDATE SET last_message_at = max(coalesce(last_message_at, 0), excluded.last_message_at)"
)


def _message_values(message: ArchivedMessage) -> tuple[Any, ...]:
    """A message's values in the order of ``_INSERT_MESSAGES``."""
    return (
        message.chat,
        message.id,
        message.sender,
        int(message.from_me),
        _seconds(message.timestamp),
        message.type,
        message.text,
        message.raw,
        message.push_name,
        message.reply_to,
        None if message.edited_at is None else _seconds(message.edited_at),
        None if message.revoked_at is None else _seconds(message.revoked_at),
    )


class Archive:
    """Chats, contacts and messages of one store (see the module's docstring)."""

    def __init__(self, store: Database) -> None:
        # The store's connection, not a second one: writes must join its transactions.
        self._store = store
        self._conn: sqlite3.Connection = store._conn

    # -- messages ----------------------------------------------------------------------

    def add_message(self, message: ArchivedMessage) -> bool:
        """Store a message; False (and nothing changed) when it is already archived."""
        with self._store.transaction():  # a savepoint inside the caller's transaction
            return self._add_message(message)

    def add_messages(self, messages: list[ArchivedMessage]) -> list[bool]:
        """``add_message`` for several (whether each is new), a few hundred per statement:
        FTS5 writes the full-text entries pending at the start of every statement as a new
        index segment, so rows inserted one statement each cost a segment each."""
        inserted: set[tuple[str, str, str]] = set()
        with self._store.transaction():
            for start in range(0, len(messages), _ROWS_PER_INSERT):
                chunk = messages[start : start + _ROWS_PER_INSERT]
                rows = self._conn.execute(
                    _INSERT_MESSAGES
                    + ", ".join([_MESSAGE_ROW] * len(chunk))
                    + _NEW_ONLY
                    + " RETURNING chat, id, sender",
                    [value for message in chunk for value in _message_values(message)],
                ).fetchall()
                inserted.update((str(chat), str(id_), str(sender)) for chat, id_, sender in rows)
            added = []
            recent: dict[str, int] = {}  # chat -> its newest new message's time
            for message in messages:
                key = (message.chat, message.id, message.sender)
                added.append(key in inserted)
                if key in inserted and message.type != "protocol":
                    at = _seconds(message.timestamp)
                    recent[message.chat] = max(recent.get(message.chat, 0), at)
                inserted.discard(key)  # a repeat in ``messages`` is not new
            for chat, at in recent.items():
                self._conn.execute(_CHAT_IS_RECENT, (chat, at))
        return added

    def _add_message(self, message: ArchivedMessage) -> bool:
        cur = self._conn.execute(
            _INSERT_MESSAGES + _MESSAGE_ROW + _NEW_ONLY, _message_values(message)
        )
        if cur.rowcount != 1:
            return False
        if message.type != "protocol":  # key shares and sync notices do not make a chat recent
            self._conn.execute(_CHAT_IS_RECENT, (message.chat, _seconds(message.timestamp)))
        return True

    def message(
        self, chat: str, message_id: str, sender: str | None = None
    ) -> ArchivedMessage | None:
        where, args = _target(chat, message_id, sender)
        row = self._conn.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages m WHERE {where} ORDER BY m.pk LIMIT 1", args
        ).fetchone()
        return None if row is None else _message(row)

    def apply_edit(
        self,
        chat: str,
        message_id: str,
        text: str | None,
        *,
        edited_at: Seconds,
        raw: bytes | None = None,
        sender: str | None = None,
    ) -> bool:
        """Replace a message's text (the previous text goes to its edit history).

        Returns False when the message is not archived, was revoked, or already
        carries a newer edit (edits may be redelivered out of order). RAW is the
        edited body; without it the old body stays next to the new text.
        """
        with self._store.transaction():
            return self._apply_edit(chat, message_id, text, _seconds(edited_at), raw, sender)

    def _apply_edit(
        self,
        chat: str,
        message_id: str,
        text: str | None,
        when: int,
        raw: bytes | None,
        sender: str | None,
    ) -> bool:
        where, args = _target(chat, message_id, sender)
        rows = self._conn.execute(
            f"SELECT pk, text, raw, edited_at, revoked_at FROM messages WHERE {where}", args
        ).fetchall()
        changed = False
        for pk, old_text, old_raw, old_edited_at, revoked_at in rows:
            if revoked_at is not None or (old_edited_at is not None and old_edited_at > when):
                continue
            if old_text == text and (raw is None or bytes(old_raw or b"") == raw):
                continue  # the same edit again
            self._conn.execute(
                "INSERT INTO message_edits (message_pk, text, raw, replaced_at) "
                "VALUES (?, ?, ?, ?)",
                (pk, old_text, old_raw, when),
            )
            self._conn.execute(
                "UPDATE messages SET text = ?, raw = coalesce(?, raw), edited_at = ? WHERE pk = ?",
                (text, raw, when, pk),
            )
            changed = True
        return changed

    def edits(self, chat: str, message_id: str, sender: str | None = None) -> list[Edit]:
        """The texts a message had before its edits, oldest first."""
        where, args = _target(chat, message_id, sender)
        rows = self._conn.execute(
            "SELECT e.text, e.raw, e.replaced_at FROM message_edits e "
            f"WHERE e.message_pk IN (SELECT pk FROM messages WHERE {where}) "
            "ORDER BY e.replaced_at, e.rowid",
            args,
        ).fetchall()
        return [Edit(r[0], None if r[1] is None else bytes(r[1]), r[2]) for r in rows]

    def apply_revoke(
        self, chat: str, message_id: str, *, revoked_at: Seconds, sender: str | None = None
    ) -> bool:
        """Mark a message deleted for everyone: its text, body and edit history are dropped.

        Returns False when the message is not archived or was already revoked.
        """
        when = _seconds(revoked_at)
        where, args = _target(chat, message_id, sender)
        with self._store.transaction():
            pks = [
                r[0]
                for r in self._conn.execute(
                    f"SELECT pk FROM messages WHERE {where} AND revoked_at IS NULL", args
                )
            ]
            for pk in pks:
                self._conn.execute("DELETE FROM message_edits WHERE message_pk = ?", (pk,))
                self._conn.execute(
                    "UPDATE messages SET text = NULL, raw = NULL, revoked_at = ? WHERE pk = ?",
                    (when, pk),
                )
        return bool(pks)

    def apply_reaction(
        self, chat: str, message_id: str, sender: str, emoji: str, *, timestamp: Seconds
    ) -> bool:
        """Record SENDER's reaction to a message; an empty emoji withdraws it.

        A reaction older than the one stored (a late redelivery) is ignored;
        returns whether anything changed. The message itself need not be archived.
        """
        cur = self._conn.execute(
            "INSERT INTO reactions (chat, message_id, sender, emoji, timestamp) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat, message_id, sender) DO UPDATE SET "
            "emoji = excluded.emoji, timestamp = excluded.timestamp "
            "WHERE excluded.timestamp >= reactions.timestamp AND excluded.emoji != reactions.emoji",
            (chat, message_id, sender, emoji, _seconds(timestamp)),
        )
        return cur.rowcount == 1

    def reactions(self, chat: str, message_ids: Iterable[str]) -> dict[str, list[Reaction]]:
        """Current reactions to some messages of a chat, by message id (oldest first)."""
        ids = list(dict.fromkeys(message_ids))
        found: dict[str, list[Reaction]] = {}
        for start in range(0, len(ids), 500):  # stay far below SQLite's variable limit
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            for message_id, sender, emoji, ts in self._conn.execute(
                "SELECT message_id, sender, emoji, timestamp FROM reactions "
                f"WHERE chat = ? AND message_id IN ({marks}) AND emoji != '' "
                "ORDER BY timestamp, sender",
                (chat, *part),
            ):
                found.setdefault(message_id, []).append(Reaction(sender, emoji, ts))
        return found

    def set_starred(
        self, chat: str, message_id: str, from_me: bool, starred: bool, *, at: Seconds
    ) -> bool:
        """Star or unstar a message (app state ``star``; it need not be archived);
        whether anything changed."""
        if starred:
            cur = self._conn.execute(
                "INSERT INTO starred (chat, message_id, from_me, starred_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (chat, message_id, from_me) DO NOTHING",
                (chat, message_id, int(from_me), _seconds(at)),
            )
        else:
            cur = self._conn.execute(
                "DELETE FROM starred WHERE chat = ? AND message_id = ? AND from_me = ?",
                (chat, message_id, int(from_me)),
            )
        return cur.rowcount == 1

    def starred(self, chat: str, message_id: str, from_me: bool) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM starred WHERE chat = ? AND message_id = ? AND from_me = ?",
            (chat, message_id, int(from_me)),
        ).fetchone()
        return row is not None

    def delete_for_me(self, chat: str, message_id: str, from_me: bool) -> bool:
        """Drop a message from this archive only (app state ``deleteMessageForMe``): its
        row, edits, reactions and star; whether it was archived."""
        with self._store.transaction():
            pks = [
                r[0]
                for r in self._conn.execute(
                    "SELECT pk FROM messages WHERE chat = ? AND id = ? AND from_me = ?",
                    (chat, message_id, int(from_me)),
                )
            ]
            for pk in pks:
                self._conn.execute("DELETE FROM message_edits WHERE message_pk = ?", (pk,))
                self._conn.execute("DELETE FROM messages WHERE pk = ?", (pk,))
            self._conn.execute(
                "DELETE FROM reactions WHERE chat = ? AND message_id = ?", (chat, message_id)
            )
            self.set_starred(chat, message_id, from_me, False, at=0)
        return bool(pks)

    def messages(
        self, chat: str | None = None, *, limit: int = 20, before: Seconds | None = None
    ) -> list[ArchivedMessage]:
        """The newest messages (of one chat, or of all), newest first, older than BEFORE."""
        where = [_NOT_CONTENT_SQL]
        args: list[Any] = []
        if chat is not None:
            where.append("m.chat = ?")
            args.append(chat)
        if before is not None:
            where.append("m.timestamp < ?")
            args.append(_bound(before))
        return self._select(where, args, limit)

    def search(
        self,
        words: str,
        *,
        chat: str | None = None,
        limit: int = 20,
        before: Seconds | None = None,
    ) -> list[ArchivedMessage]:
        """Messages whose text holds every word (prefix match), newest first.

        Each word is quoted before it reaches FTS5, so user input cannot form
        FTS syntax (NEAR, -, *, parentheses, column filters). Words FTS5 cannot
        find as tokens (scripts written without spaces, such as Chinese, and
        words of punctuation only) are matched as substrings instead.
        """
        fts_terms, substrings = search_terms(words)
        if not fts_terms and not substrings:
            return []
        where = [_NOT_CONTENT_SQL]
        args: list[Any] = []
        if fts_terms:
            where.append("m.pk IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)")
            args.append(" ".join(fts_terms))
        for piece in substrings:
            where.append("instr(lower(m.text), ?) > 0")
            args.append(piece.lower())
        if chat is not None:
            where.append("m.chat = ?")
            args.append(chat)
        if before is not None:
            where.append("m.timestamp < ?")
            args.append(_bound(before))
        return self._select(where, args, limit)

    def _select(self, where: list[str], args: list[Any], limit: int) -> list[ArchivedMessage]:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        rows = self._conn.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages m WHERE {' AND '.join(where)} "
            "ORDER BY m.timestamp DESC, m.pk DESC LIMIT ?",
            (*args, limit),
        ).fetchall()
        return [_message(row) for row in rows]

    # -- contacts ----------------------------------------------------------------------

    def upsert_contact(
        self,
        jid: str,
        *,
        updated_at: Seconds,
        lid: str | _Keep | None = KEEP,
        phone_jid: str | _Keep | None = KEEP,
        push_name: str | _Keep | None = KEEP,
        full_name: str | _Keep | None = KEEP,
        first_name: str | _Keep | None = KEEP,
        business_name: str | _Keep | None = KEEP,
    ) -> None:
        """Create or update a contact; fields left at KEEP keep their stored value."""
        given = {
            "lid": lid,
            "phone_jid": phone_jid,
            "push_name": push_name,
            "full_name": full_name,
            "first_name": first_name,
            "business_name": business_name,
        }
        self._upsert("contacts", jid, _CONTACT_FIELDS, given, _seconds(updated_at))

    def contact(self, jid: str) -> Contact | None:
        row = self._conn.execute(
            f"SELECT jid, {', '.join(_CONTACT_FIELDS)}, updated_at FROM contacts WHERE jid = ?",
            (jid,),
        ).fetchone()
        return None if row is None else Contact(*row)

    def contact_by_lid(self, lid: str) -> Contact | None:
        row = self._conn.execute(
            f"SELECT jid, {', '.join(_CONTACT_FIELDS)}, updated_at FROM contacts WHERE lid = ? "
            "ORDER BY updated_at DESC LIMIT 1",
            (lid,),
        ).fetchone()
        return None if row is None else Contact(*row)

    def contacts(self) -> list[Contact]:
        rows = self._conn.execute(
            f"SELECT jid, {', '.join(_CONTACT_FIELDS)}, updated_at FROM contacts ORDER BY jid"
        ).fetchall()
        return [Contact(*row) for row in rows]

    # -- chats -------------------------------------------------------------------------

    def upsert_chat(
        self,
        jid: str,
        *,
        updated_at: Seconds | None = None,
        name: str | _Keep | None = KEEP,
        last_message_at: int | _Keep | None = KEEP,
        unread_count: int | _Keep = KEEP,
        archived: bool | _Keep = KEEP,
        pinned_at: int | _Keep | None = KEEP,
        muted_until: int | _Keep | None = KEEP,
    ) -> None:
        """Create or update a chat; fields left at KEEP keep their stored value."""
        given: dict[str, Any] = {
            "name": name,
            "last_message_at": last_message_at,
            "unread_count": unread_count,
            "archived": archived if isinstance(archived, _Keep) else int(archived),
            "pinned_at": pinned_at,
            "muted_until": muted_until,
        }
        stamp = None if updated_at is None else _seconds(updated_at)
        self._upsert("chats", jid, _CHAT_FIELDS, given, stamp)

    def chat(self, jid: str) -> Chat | None:
        row = self._conn.execute(
            f"SELECT jid, {', '.join(_CHAT_FIELDS)}, updated_at FROM chats WHERE jid = ?", (jid,)
        ).fetchone()
        return None if row is None else _chat(row)

    def chats(self, *, limit: int | None = None) -> list[Chat]:
        """Chats, pinned ones first, then the most recently active."""
        rows = self._conn.execute(
            f"SELECT jid, {', '.join(_CHAT_FIELDS)}, updated_at FROM chats "
            "ORDER BY pinned_at IS NULL, pinned_at DESC, last_message_at IS NULL, "
            "last_message_at DESC, jid LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
        return [_chat(row) for row in rows]

    def _upsert(
        self,
        table: str,
        jid: str,
        columns: tuple[str, ...],
        given: dict[str, Any],
        updated_at: int | None,
    ) -> None:
        # Column names come from the fixed tuples above, never from the caller.
        chosen = {c: v for c, v in given.items() if c in columns and not isinstance(v, _Keep)}
        if updated_at is not None:
            chosen["updated_at"] = updated_at
        names = ["jid", *chosen]
        marks = ", ".join("?" * len(names))
        sets = ", ".join(f"{c} = excluded.{c}" for c in chosen)
        tail = f"DO UPDATE SET {sets}" if sets else "DO NOTHING"
        self._conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks}) ON CONFLICT (jid) {tail}",
            (jid, *chosen.values()),
        )


def _chat(row: tuple[Any, ...]) -> Chat:
    return Chat(row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6], row[7])


# -- search terms ------------------------------------------------------------------------

# Scripts written without spaces between words: unicode61 sees a whole run as one token.
_UNSPACED_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)


def _unspaced(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _UNSPACED_RANGES)


def _has_token(word: str) -> bool:
    """Whether FTS5's unicode61 tokenizer finds a token in WORD (letters, digits, marks)."""
    return any(unicodedata.category(c)[0] in "LNM" for c in word)


def search_terms(words: str) -> tuple[list[str], list[str]]:
    """Split user input into quoted FTS5 prefix terms and plain substrings (see ``search``)."""
    fts_terms: list[str] = []
    substrings: list[str] = []
    for word in words.split():
        if not _has_token(word) or any(_unspaced(c) for c in word):
            substrings.append(word)
        else:
            fts_terms.append('"' + word.replace('"', '""') + '"*')
    return fts_terms, substrings
