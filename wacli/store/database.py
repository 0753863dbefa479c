"""One SQLite file per store directory: permissions, WAL, migrations, nested transactions."""

from __future__ import annotations

import os
import sqlite3
import stat
import urllib.parse
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wacli.store import problems
from wacli.store.errors import StoreError
from wacli.store.migrations import MIGRATIONS, Migration, latest_version

if TYPE_CHECKING:
    from wacli.store.wal_checkpoints import Checkpointer

DB_NAME = "wacli.db"
_DIR_MODE = 0o700
_FILE_MODE = 0o600
_SIDE_FILES = ("-wal", "-shm", "-journal")
# Commits after which a writer checkpoints in a thread (wacli.store.wal_checkpoints): a
# command commits a few times, ``listen`` on every run of messages.
BACKGROUND_CHECKPOINTS_AFTER = 64
_MEMO_MAX = 4096  # reads kept by ``Database.remembered`` before it starts afresh


class Database:
    """A connection to ``<directory>/wacli.db`` with its schema brought up to date.

    Statements outside ``transaction()`` commit on their own; inside, everything
    commits together or not at all.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        *,
        migrations: list[Migration] | None = None,
        read_only: bool = False,
    ) -> None:
        """Open the store, creating it unless ``read_only``.

        ``read_only``: the caller only reads, so a store this user may not write still
        opens (SQLite's immutable mode when even its shared-memory file cannot be made);
        a database older than this wacli's schema is then a StoreError of kind
        "read_only", as it would have to be migrated. Every failure of the files is a
        StoreError naming the path (wacli.store.problems).
        """
        self.directory = Path(directory)
        self.path = self.directory / DB_NAME
        self._depth = 0
        self._read_only = read_only
        self._commits = 0
        self._checkpointer: Checkpointer | None = None
        # Reads that still hold (``remembered``), and the data_version they were read at.
        self._memo: dict[Hashable, Any] = {}
        self._memo_version: int | None = None
        self._memo_checked = False  # against data_version, in this transaction
        chosen = MIGRATIONS if migrations is None else migrations
        existing = problems.existing_database(self.directory, DB_NAME)
        if read_only:
            if existing is None:
                raise StoreError(f"no store database at {self.path}", self.path, "invalid")
            self._conn = self._connect_read_only()
            self._set_up(lambda: self._check_version(chosen))
            return
        if existing is None:
            _prepare_directory(self.directory)
            _create_private_file(self.path)
        old_umask = os.umask(0o077)  # -wal and -shm are created lazily by SQLite
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            os.umask(old_umask)
            raise self._problem(exc) from exc
        try:
            self._set_up(self._configure, lambda: self._migrate(chosen))
        finally:
            os.umask(old_umask)
        self._tighten_side_files()

    def _set_up(self, *steps: Callable[[], object]) -> None:
        """Run ``steps`` on the new connection, closing it when one fails (SQLite's errors
        as the StoreError they mean)."""
        try:
            for step in steps:
                step()
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise self._problem(exc) from exc
            raise

    def _connect_read_only(self) -> sqlite3.Connection:
        """A connection that does not write: the ordinary one where this user may write
        (SQLite then removes its -wal and -shm files on close, as after any command),
        else SQLite's read-only mode, else its immutable mode when SQLite may not even
        create the -shm file beside the database (a read-only directory)."""
        where = "file:" + urllib.parse.quote(str(self.path.resolve()))
        modes = ("mode=rw", "mode=ro", "mode=ro&immutable=1")
        for query in modes:
            old_umask = os.umask(0o077)
            try:
                conn = sqlite3.connect(f"{where}?{query}", uri=True, isolation_level=None)
            finally:
                os.umask(old_umask)
            try:
                conn.execute("PRAGMA busy_timeout = 5000")
                conn.execute("PRAGMA query_only = ON")
                conn.execute("PRAGMA user_version").fetchone()
                return conn
            except sqlite3.Error as exc:
                conn.close()
                problem = self._problem(exc)
                if problem.kind not in ("read_only", "denied") or query == modes[-1]:
                    raise problem from exc
        raise AssertionError("unreachable")

    def _problem(self, exc: sqlite3.Error) -> StoreError:
        """The StoreError for what SQLite said while opening this database."""
        found = problems.from_sqlite_error(exc, self.path)
        if found is not None:
            return found
        return StoreError(f"cannot open the store {self.path}: {exc}", self.path, "damaged")

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self._conn.close()

    def _committed(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.committed()
            return
        self._commits += 1
        if self._commits == BACKGROUND_CHECKPOINTS_AFTER and not self._read_only:
            from wacli.store.wal_checkpoints import Checkpointer  # only a busy writer needs it

            self._checkpointer = Checkpointer(self.path)
            self._conn.execute("PRAGMA wal_autocheckpoint = 0")  # the thread does them now

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

    def remembered(self) -> dict[Hashable, Any] | None:
        """Where a reader may keep what it read, for later reads; None outside a transaction.

        What is kept holds until this connection rolls anything back or another one commits
        (PRAGMA data_version, checked once per transaction: no other connection commits
        while one is open), or a writer of that data calls ``forget_remembered``."""
        if self._depth == 0:
            return None
        if not self._memo_checked:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._memo_version or len(self._memo) > _MEMO_MAX:
                self._memo.clear()
                self._memo_version = version
            self._memo_checked = True
        return self._memo

    def forget_remembered(self) -> None:
        self._memo.clear()

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
        current = self._check_version(migrations)
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

    def _check_version(self, migrations: list[Migration]) -> int:
        """The schema version, which this wacli must know (and, read-only, must not
        have to migrate)."""
        current = self.schema_version
        newest = latest_version(migrations)
        if current > newest:
            raise StoreError(
                f"the store {self.path} has schema version {current}, newer than this wacli "
                f"knows ({newest}); upgrade wacli",
                self.path,
                "newer",
            )
        if current < newest and self._read_only:  # only a writer may migrate it
            raise StoreError(
                f"the store {self.path} has schema version {current}, older than this "
                f"wacli's ({newest}); open it for writing once to upgrade it",
                self.path,
                "read_only",
            )
        return current

    def _tighten_side_files(self) -> None:
        """The database and its side files 0600, whoever loosened them (they hold keys)."""
        try:
            if stat.S_IMODE(self.path.stat().st_mode) & 0o077:
                os.chmod(self.path, _FILE_MODE)
        except OSError as exc:
            raise problems.from_os_error(exc, self.path, "protect") from exc
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
        if exc_type is not None:
            db._memo.clear()  # it may hold what is now undone
        name = self._savepoint
        if name is not None:
            if exc_type is not None:
                conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            return
        db._memo_checked = False  # others may commit once this transaction ends
        if exc_type is not None:
            conn.execute("ROLLBACK")
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            found = problems.from_sqlite_error(err, db.path)
            if found is not None:
                raise found from err
            raise StoreError(f"commit failed: {err}") from err
        db._committed()


def _prepare_directory(directory: Path) -> None:
    """Create the store directory 0700 (parents as needed); an existing one keeps its
    mode, which its owner chose (``loose_mode`` tells the CLI when to warn)."""
    try:
        if not directory.is_dir():
            directory.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
            if stat.S_IMODE(directory.stat().st_mode) != _DIR_MODE:  # the umask took bits
                os.chmod(directory, _DIR_MODE)
    except OSError as exc:
        raise problems.from_os_error(exc, directory, "create") from exc


def loose_mode(directory: Path) -> int | None:
    """The mode of an existing store directory when others (group or world) may use it."""
    try:
        found = directory.stat()
    except OSError:
        return None
    mode = stat.S_IMODE(found.st_mode)
    return mode if stat.S_ISDIR(found.st_mode) and mode & 0o077 else None


def _create_private_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (SQLite copies its mode to -wal/-shm)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, _FILE_MODE)
        os.close(fd)
        if stat.S_IMODE(path.stat().st_mode) != _FILE_MODE:
            os.chmod(path, _FILE_MODE)
    except OSError as exc:
        raise problems.from_os_error(exc, path, "create") from exc
