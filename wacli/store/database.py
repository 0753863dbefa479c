"""One SQLite file per store directory: permissions, WAL, migrations, nested transactions."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from wacli.store.errors import StoreError
from wacli.store.migrations import MIGRATIONS, Migration, latest_version

DB_NAME = "wacli.db"
_DIR_MODE = 0o700
_FILE_MODE = 0o600
_SIDE_FILES = ("-wal", "-shm", "-journal")


class Database:
    """A connection to ``<directory>/wacli.db`` with its schema brought up to date.

    Statements outside ``transaction()`` commit on their own; inside, everything
    commits together or not at all.
    """

    def __init__(
        self, directory: str | os.PathLike[str], *, migrations: list[Migration] | None = None
    ) -> None:
        self.directory = Path(directory)
        self.path = self.directory / DB_NAME
        self._depth = 0
        _prepare_directory(self.directory)
        _create_private_file(self.path)
        old_umask = os.umask(0o077)  # -wal and -shm are created lazily by SQLite
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            os.umask(old_umask)
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        try:
            self._configure()
            self._migrate(MIGRATIONS if migrations is None else migrations)
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
            raise
        finally:
            os.umask(old_umask)
        self._tighten_side_files()

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- transactions ---------------------------------------------------------------

    def transaction(self) -> _Transaction:
        """Commit everything done inside at once; nested uses become savepoints.

        An exception rolls back this level (and only this level) and propagates.
        """
        return _Transaction(self)

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    # -- setup ------------------------------------------------------------------------

    def _configure(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA busy_timeout = 5000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{self.path}: SQLite refused WAL mode (got {mode!r})")
        # In WAL mode NORMAL never corrupts and a killed process loses nothing committed;
        # only a power cut may roll back the newest transactions, as a unit.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")

    def _migrate(self, migrations: list[Migration]) -> None:
        versions = [m.version for m in migrations]
        if versions != sorted(set(versions)) or (versions and versions[0] < 1):
            raise StoreError(
                "migrations must have strictly increasing versions starting at 1 or later"
            )
        current = self.schema_version
        newest = latest_version(migrations)
        if current > newest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this wacli knows "
                f"({newest}); upgrade wacli"
            )
        for migration in migrations:
            if migration.version <= current:
                continue
            with self.transaction():
                if callable(migration.steps):
                    migration.steps(self._conn)
                else:
                    for statement in migration.steps:
                        self._conn.execute(statement)
                # PRAGMA user_version is transactional: it moves with the schema or not at all.
                self._conn.execute(f"PRAGMA user_version = {int(migration.version)}")

    def _tighten_side_files(self) -> None:
        for suffix in _SIDE_FILES:
            side = self.path.with_name(self.path.name + suffix)
            try:
                if stat.S_IMODE(side.stat().st_mode) != _FILE_MODE:
                    os.chmod(side, _FILE_MODE)
            except FileNotFoundError:
                pass


class _Transaction:
    """The context manager behind ``Database.transaction()`` (a class: it is on the hot path)."""

    __slots__ = ("_db", "_savepoint")

    def __init__(self, db: Database) -> None:
        self._db = db
        self._savepoint: str | None = None

    def __enter__(self) -> None:
        db = self._db
        if db._depth == 0:
            db._conn.execute("BEGIN IMMEDIATE")
        else:
            self._savepoint = f"wacli_sp{db._depth}"
            db._conn.execute(f"SAVEPOINT {self._savepoint}")
        db._depth += 1

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        db = self._db
        conn = db._conn
        db._depth -= 1
        name = self._savepoint
        if name is not None:
            if exc_type is not None:
                conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            return
        if exc_type is not None:
            conn.execute("ROLLBACK")
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"commit failed: {err}") from err


def _prepare_directory(directory: Path) -> None:
    try:
        directory.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
        if stat.S_IMODE(directory.stat().st_mode) != _DIR_MODE:
            os.chmod(directory, _DIR_MODE)
    except OSError as exc:
        raise StoreError(f"cannot prepare the store directory {directory}: {exc}") from exc


def _create_private_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (SQLite copies its mode to -wal/-shm)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, _FILE_MODE)
        os.close(fd)
        if stat.S_IMODE(path.stat().st_mode) != _FILE_MODE:
            os.chmod(path, _FILE_MODE)
    except OSError as exc:
        raise StoreError(f"cannot create the store file {path}: {exc}") from exc
