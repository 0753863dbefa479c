from __future__ import annotations

from wacli.store.appstate_tables import AppStateTables
from wacli.store.database import Database
from wacli.store.device_tables import DeviceTables
from wacli.store.rule_tables import RuleTables
from wacli.store.send_tables import SendTables
from wacli.store.signal_tables import SignalTables


class Store(DeviceTables, SignalTables, AppStateTables, SendTables, RuleTables, Database):
    """wacli's persistent state: one SQLite file in the store directory.

    Later parts of wacli add their tables through new entries in
    ``wacli.store.migrations.MIGRATIONS`` and their accessors as further mixins.
    """
