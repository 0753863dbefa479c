"""The store's one failure type, saying which file is at fault and what is wrong with it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

# What is wrong with ``StoreError.path``:
#   denied           the file or a directory above it may not be read, entered or written
#   not_a_directory  the store path (or a directory above it) is a regular file
#   damaged          the database is not an intact SQLite file (malformed, empty, foreign)
#   read_only        the command must write, but the store may only be read
#   io               the disk failed or is full
#   newer            the database was written by a newer wacli
#   invalid          what the caller asked does not fit the store's contents (a bug or a
#                    second pairing; no file is at fault)
StoreProblem = Literal[
    "denied", "not_a_directory", "damaged", "read_only", "io", "newer", "invalid"
]


class StoreError(Exception):
    """The store cannot be opened, migrated or written (a wacli-level failure, not a bug).

    ``path`` names the file or directory at fault and ``kind`` what is wrong with it; the
    message is one line a person can act on (README, man/wacli.1: EXIT STATUS 7).
    """

    def __init__(
        self, message: str, path: Path | None = None, kind: StoreProblem = "invalid"
    ) -> None:
        super().__init__(message)
        self.path = path
        self.kind: StoreProblem = kind

    @property
    def unusable(self) -> bool:
        """Whether a file is at fault (exit 7), rather than the caller's request."""
        return self.kind != "invalid"
