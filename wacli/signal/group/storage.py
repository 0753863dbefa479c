"""What group sessions need from a store: one opaque record per (group, sender)."""

from __future__ import annotations

from typing import Protocol


class SenderKeyStore(Protocol):
    """Sender key records by group id and sender address (``name.device``).

    ``store_sender_key`` must replace the record atomically: GroupCipher stores a record
    only after a message decrypted (or was encrypted), so a crash in between leaves the
    previous record, never a half-advanced one.
    """

    def load_sender_key(self, group: str, sender: str) -> bytes | None: ...

    def store_sender_key(self, group: str, sender: str, record: bytes) -> None: ...
