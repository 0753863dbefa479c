"""Putting a Message into the archive: its own row, and what it changes in another row.

The receive path, history sync and ``wacli send`` all make their rows with
``archived_row``, which reads the Message with ``wacli.protocol.message_model.classify``
(so a message is filed alike whichever way it came), and archive them with
``archive_message``, which applies the edit, revoke or reaction a message carries with
``Archive.apply_edit`` / ``apply_revoke`` / ``apply_reaction``. The change's own envelope
is archived too (type ``protocol`` or ``reaction``, left out of listings), so a
redelivered one is recognised; applying it a second time changes nothing.

Only a message's author edits it. A revoke names the author's own message, or in a group
another member's (an admin deleting it: the key's ``participant``). A reaction is the
reactor's, on any message, archived or not.
"""

from __future__ import annotations

from wacli.jid import JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.message_model import Change, MessageModel, classify
from wacli.store.archive import MAX_SECONDS, Archive, ArchivedMessage


def archived_row(
    message: e2e_pb2.Message,
    *,
    chat: str,
    message_id: str,
    sender: str,
    from_me: bool,
    timestamp: int,
    push_name: str | None = None,
) -> tuple[ArchivedMessage, MessageModel]:
    """The archive's row for ``message`` (SENDER: its author's account JID, without a
    device; the body kept whole, envelopes and all), and what the message is."""
    model = classify(message)
    row = ArchivedMessage(
        chat=chat,
        id=message_id,
        sender=sender,
        from_me=from_me,
        timestamp=timestamp,
        type=model.kind,
        text=model.searchable,
        raw=message.SerializeToString(),
        push_name=push_name,
        reply_to=model.reply_to,
    )
    return row, model


def archive_message(archive: Archive, row: ArchivedMessage, model: MessageModel) -> bool:
    """Archive a row from ``archived_row`` and apply the change its message makes to
    another message; whether the row is new."""
    added = archive.add_message(row)
    if model.change is not None:
        apply_change(archive, row.chat, row.sender, row.timestamp, model.change)
    return added


def apply_change(archive: Archive, chat: str, author: str, timestamp: int, change: Change) -> bool:
    """Apply an edit, revoke or reaction AUTHOR sent in CHAT at TIMESTAMP (unix seconds);
    whether the archive changed."""
    when = _when(change, timestamp)
    if change.action == "reaction":
        emoji = change.emoji or ""
        return archive.apply_reaction(chat, change.message_id, author, emoji, timestamp=when)
    target = _target_author(chat, author, change)
    if target is None:
        return False
    if change.action == "revoke":
        return archive.apply_revoke(chat, change.message_id, revoked_at=when, sender=target)
    edited = change.edited
    if edited is None:
        return False
    original = archive.message(chat, change.message_id, target)
    # The new body replaces the old one when it is the same kind of message; a caption's
    # edit carries only the caption, and the file must stay downloadable.
    same_kind = original is not None and original.type == edited.kind
    raw = edited.content.SerializeToString() if same_kind else None
    return archive.apply_edit(
        chat, change.message_id, edited.searchable, edited_at=when, raw=raw, sender=target
    )


def _when(change: Change, timestamp: int) -> int:
    """When the change was made: the sender's own time when it gives a sane one."""
    if change.timestamp_ms is not None and 0 < change.timestamp_ms // 1000 <= MAX_SECONDS:
        return change.timestamp_ms // 1000
    return timestamp


def _target_author(chat: str, author: str, change: Change) -> str | None:
    """Whose message an edit or revoke names (None: one AUTHOR may not change)."""
    if change.from_me:
        return author
    if change.action != "revoke" or change.participant is None:
        return None
    try:  # an admin deleting a member's message
        return str(parse_jid(change.participant).to_non_ad()) if parse_jid(chat).is_group else None
    except JIDError:
        return None
