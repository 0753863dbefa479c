"""What is wrong with a store, in one line a person can act on (README: exit code 7).

The store's files are checked before SQLite opens them, so that a path that is not
a directory, a directory that may not be entered, or an empty database file is
reported as such, never taken for a store that does not exist yet.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

from wacli.store.errors import StoreError

ELSEWHERE = "or choose another --store"


def denied(path: Path, doing: str) -> StoreError:
    return StoreError(
        f"cannot {doing} the store {path}: permission denied; let this user read and write "
        f"it and enter every directory above it, {ELSEWHERE}",
        path,
        "denied",
    )


def not_a_directory(path: Path) -> StoreError:
    """``path``, or a directory above it, is a file (the error names that file)."""
    found = _first_file(path)
    if found == path:
        message = f"the store {path} is not a directory; move that file away, {ELSEWHERE}"
    else:
        message = (
            f"{found} is a file, where the store {path} needs a directory; move it away, "
            f"{ELSEWHERE}"
        )
    return StoreError(message, found, "not_a_directory")


def damaged(path: Path, why: str) -> StoreError:
    return StoreError(
        f"the store database {path} is damaged ({why}); move it away and run 'wacli pair' again",
        path,
        "damaged",
    )


def read_only(path: Path) -> StoreError:
    return StoreError(
        f"the store {path} is read-only and this command writes to it; make it writable for "
        "this user (whoami, history, chats and contacts work on it as it is)",
        path,
        "read_only",
    )


def io_failure(path: Path, why: str) -> StoreError:
    return StoreError(
        f"cannot write the store {path} ({why}); free some disk space or check the disk",
        path,
        "io",
    )


def from_os_error(exc: OSError, path: Path, doing: str) -> StoreError:
    """The StoreError for ``exc``, raised while ``doing`` (e.g. "create") ``path``."""
    if isinstance(exc, PermissionError):
        return denied(path, doing)
    if isinstance(exc, (NotADirectoryError, FileExistsError)):
        return not_a_directory(path)
    if exc.errno == errno.EROFS:
        return read_only(path)
    return io_failure(path, exc.strerror or type(exc).__name__)


def from_sqlite_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The StoreError for what SQLite said about the database ``path``; None for a
    failure that is not the file's (a bug in a statement, a busy database)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return damaged(path, str(exc))
    if name.startswith("SQLITE_READONLY"):
        return read_only(path)
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return denied(path, "open")
    if name.startswith(("SQLITE_IOERR", "SQLITE_FULL")):
        return io_failure(path, str(exc))
    return None


def existing_database(directory: Path, name: str) -> Path | None:
    """``directory/name`` when it exists and may hold a store; None when the store (or
    its database) was never created. StoreError for anything that cannot be a store."""
    try:
        if not stat.S_ISDIR(os.stat(directory).st_mode):
            raise not_a_directory(directory)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise from_os_error(exc, directory, "enter") from exc
    path = directory / name
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise from_os_error(exc, directory, "enter") from exc
    if not stat.S_ISREG(found.st_mode):
        raise damaged(path, "not a regular file")
    if found.st_size == 0 and _empty(path.with_name(path.name + "-wal")):
        # wacli writes the schema before anything else: an empty file was cut short or
        # truncated, and taking it for a new store would hide that an account was lost.
        raise damaged(path, "the file is empty")
    return path


def _first_file(path: Path) -> Path:
    """The part of ``path`` that is a file where a directory must be (``path`` itself when
    none above it is)."""
    for part in reversed(path.parents):
        if part.is_file():
            return part
    return path


def _empty(path: Path) -> bool:
    try:
        return os.stat(path).st_size == 0
    except OSError:
        return True
