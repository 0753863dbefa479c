"""wacli's persistent store: one SQLite database (WAL, 0600) in the store directory.

``Store(directory)`` opens or creates ``<directory>/wacli.db`` and migrates it;
``with store.transaction():`` groups writes atomically and nests safely.
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
