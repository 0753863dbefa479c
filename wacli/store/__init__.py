"""wacli's persistent store: one SQLite database (WAL, 0600) in the store directory.

``Store(directory)`` opens or creates ``<directory>/wacli.db`` and migrates it
(``read_only=True``: opens an existing one without writing, for commands that only
read); ``with store.transaction():`` groups writes atomically and nests safely. A
store that cannot be used is a StoreError naming the path and what is wrong
(wacli.store.problems), never taken for a new, empty one.
Imports only the wire layer.
"""

from wacli.store.database import DB_NAME, Database
from wacli.store.errors import StoreError
from wacli.store.migrations import MIGRATIONS, Migration
from wacli.store.records import DeviceIdentity, PreKeyRecord, SignedPreKeyRecord
from wacli.store.store import Store

__all__ = [
    "DB_NAME",
    "MIGRATIONS",
    "Database",
    "DeviceIdentity",
    "Migration",
    "PreKeyRecord",
    "SignedPreKeyRecord",
    "Store",
    "StoreError",
]
