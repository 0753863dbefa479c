"""Reading the fields of WhatsApp's schema that wacli.proto predates.

wacli.proto matches the Baileys 7.0.0-rc14 schema field for field (the interop tests
check it); a few newer fields (wacli/proto/newer_fields.proto) arrive as unknown fields,
which protobuf keeps. These functions find them in a parsed message.
"""

from __future__ import annotations

from typing import Final

from google.protobuf.message import DecodeError
from google.protobuf.message import Message as PbMessage
from google.protobuf.unknown_fields import UnknownFieldSet

from wacli.proto import history_sync_pb2, newer_fields_pb2, sync_action_pb2

_LENGTH_DELIMITED: Final = 2  # protobuf's wire type of bytes and messages
HISTORY_NCT_SALT: Final = 19  # HistorySync.nct_salt
ACTION_NCT_SALT: Final = 80  # SyncActionValue.nct_salt_sync_action
# The app-state record (collection regular_high) that carries the account's cstoken salt.
NCT_SALT_INDEX: Final = "nct_salt_sync"


def newer_field(message: PbMessage, number: int) -> bytes | None:
    """The bytes of length-delimited field ``number`` that ``message``'s schema lacks."""
    fields = UnknownFieldSet(message)
    for index in range(len(fields)):
        field = fields[index]
        if field.field_number == number and field.wire_type == _LENGTH_DELIMITED:
            return bytes(field.data)
    return None


def history_nct_salt(sync: history_sync_pb2.HistorySync) -> bytes | None:
    """The account's cstoken salt a history-sync chunk carries, if any."""
    return newer_field(sync, HISTORY_NCT_SALT) or None


def action_nct_salt(action: sync_action_pb2.SyncActionValue) -> bytes | None:
    """The salt of an ``nct_salt_sync`` app-state action, if it carries one."""
    data = newer_field(action, ACTION_NCT_SALT)
    if data is None:
        return None
    try:
        return newer_fields_pb2.NctSaltSyncAction.FromString(data).salt or None
    except DecodeError:
        return None
