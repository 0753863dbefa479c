"""The Event base and the events of a connection's life: connected, disconnected, and
what ``<ib>`` tells on any connection (docs/events.schema.json); the events of its end
(stream errors, login failures, logged out) are in wacli.client.failure_events.

Apart from wacli.client.events (which names these too) so that a one-shot command,
whose connection emits only these, does not build the dataclasses of every event.

Events are plain frozen dataclasses; orjson serialises them natively, and
`_default` covers the protocol types (JIDs, bytes, protobuf messages). A field
the protocol did not carry is None and is written as null, never left out.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

import orjson
from google.protobuf.message import Message as ProtoMessage

from wacli.jid import JID

Jid = JID | str  # written as its text form


# The field names of each dataclass written so far (``fields`` per value is slow).
_field_names: dict[type, tuple[str, ...]] = {}


def _default(value: Any) -> Any:
    names = _field_names.get(type(value))
    if names is not None:  # events and their parts: their fields, one level at a time
        return {name: getattr(value, name) for name in names}
    if isinstance(value, JID):  # a dataclass too, but written as its text form
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(value).decode()
    if isinstance(value, ProtoMessage):
        from google.protobuf.json_format import MessageToDict  # only listen writes one

        return MessageToDict(value, preserving_proto_field_name=True)
    if is_dataclass(value) and not isinstance(value, type):
        _field_names[type(value)] = tuple(f.name for f in fields(value))
        return _default(value)
    raise TypeError(f"cannot write {type(value).__name__} in an event")


def renamed(event: Event, field: str, key: str) -> dict[str, Any]:
    """Fields as a dict, one renamed where Python reserves the JSON key's name."""
    data = {f.name: getattr(event, f.name) for f in fields(event)}
    data[key] = data.pop(field)
    return data


@dataclass(frozen=True, slots=True)
class Event:
    type: ClassVar[str]

    def data(self) -> Any:
        """What goes under "data"; orjson writes the dataclass fields as they are."""
        return self

    def line(self, now: datetime | None = None) -> bytes:
        """The NDJSON line (with its newline) for this event."""
        record = {"type": self.type, "ts": now or datetime.now(UTC), "data": self.data()}
        return orjson.dumps(
            record,
            default=_default,
            # Dataclasses go through _default so that a JID (a dataclass) is written as text.
            option=orjson.OPT_UTC_Z | orjson.OPT_APPEND_NEWLINE | orjson.OPT_PASSTHROUGH_DATACLASS,
        )


# -- connection -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Connected(Event):
    type: ClassVar[str] = "connected"


@dataclass(frozen=True, slots=True)
class Disconnected(Event):
    type: ClassVar[str] = "disconnected"
    reason: str | None


# -- what <ib> tells on any connection (offline sync; a QR scanned by an old phone) --


@dataclass(frozen=True, slots=True)
class QrScannedWithoutMultidevice(Event):
    type: ClassVar[str] = "qr_scanned_without_multidevice"


@dataclass(frozen=True, slots=True)
class OfflineSyncPreview(Event):
    type: ClassVar[str] = "offline_sync_preview"
    total: int
    app_data_changes: int
    messages: int
    notifications: int
    receipts: int


@dataclass(frozen=True, slots=True)
class OfflineSyncCompleted(Event):
    type: ClassVar[str] = "offline_sync_completed"
    count: int
