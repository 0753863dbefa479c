"""App-state snapshots and patches: verify and decode them, or build them.

Decoding follows the real clients: a patch first moves the collection's
LTHash (subtract what each mutation replaces, add what it sets), then the
snapshot MAC over the new hash and the patch MAC over the value MACs must
match, then each record's value MAC is checked, its value decrypted, and its
index MAC checked against the decrypted index. Nothing changes the caller's
state unless the whole patch checks out. Building is the same in reverse
(what a client sends, and what the sandbox's phone produces).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from google.protobuf.message import DecodeError

from wacli.proto import sync_action_pb2, syncd_pb2
from wacli.protocol.appstate_crypto import (
    AppStateHash,
    AppStateKeys,
    Mutation,
    Operation,
    index_mac,
    open_record_value,
    patch_mac,
    seal_record_value,
    value_mac_of,
)
from wacli.protocol.errors import AppStateError

KeyLookup = Callable[[bytes], AppStateKeys | None]


class MissingKeyError(AppStateError):
    """The patch is encrypted with an app-state sync key we do not have (yet)."""

    def __init__(self, key_id: bytes) -> None:
        super().__init__(f"app-state sync key {key_id.hex()} is missing")
        self.key_id = key_id


@dataclass(frozen=True, slots=True)
class DecodedMutation:
    operation: Operation
    index: list[str]
    action: sync_action_pb2.SyncActionValue
    api_version: int
    index_mac: bytes
    value_mac: bytes


@dataclass(frozen=True, slots=True)
class NewMutation:
    """A change to send: the index (e.g. ["mute", jid]) and its action value."""

    operation: Operation
    index: list[str]
    action: sync_action_pb2.SyncActionValue
    api_version: int = 2


def _keys(lookup: KeyLookup, key_id: bytes) -> AppStateKeys:
    keys = lookup(bytes(key_id))
    if keys is None:
        raise MissingKeyError(bytes(key_id))
    return keys


_WIRE_OPERATION: Final = {
    Operation.SET: syncd_pb2.SyncdMutation.SET,
    Operation.REMOVE: syncd_pb2.SyncdMutation.REMOVE,
}


def _operation(value: int) -> Operation:
    try:
        return Operation(value)
    except ValueError:
        raise AppStateError(f"unknown syncd operation {value}") from None


def _decode_record(
    lookup: KeyLookup, operation: Operation, record: syncd_pb2.SyncdRecord
) -> DecodedMutation:
    keys = _keys(lookup, record.key_id.id)
    blob = record.value.blob
    plain = open_record_value(keys, record.key_id.id, operation, blob)
    data = sync_action_pb2.SyncActionData()
    try:
        data.ParseFromString(plain)
    except DecodeError as exc:
        raise AppStateError(f"malformed SyncActionData: {exc}") from None
    if not hmac.compare_digest(index_mac(keys.index, data.index), record.index.blob):
        raise AppStateError("app-state index MAC mismatch")
    try:
        index = json.loads(data.index)
    except (UnicodeDecodeError, ValueError):
        raise AppStateError("app-state index is not JSON") from None
    if not isinstance(index, list) or not all(isinstance(part, str) for part in index):
        raise AppStateError("app-state index is not a list of strings")
    return DecodedMutation(
        operation, index, data.value, data.version, bytes(record.index.blob), value_mac_of(blob)
    )


def _check(expected: bytes, actual: bytes, what: str) -> None:
    if not hmac.compare_digest(expected, actual):
        raise AppStateError(f"{what} mismatch")


def decode_snapshot(
    name: str, snapshot: syncd_pb2.SyncdSnapshot, lookup: KeyLookup
) -> tuple[AppStateHash, list[DecodedMutation]]:
    """A whole collection at one version: every record is a SET from an empty state."""
    records = list(snapshot.records)
    mutations = [(Operation.SET, r) for r in records]
    state = AppStateHash()
    state.apply(
        [Mutation(op, r.index.blob, value_mac_of(r.value.blob)) for op, r in mutations],
        snapshot.version.version,
    )
    keys = _keys(lookup, snapshot.key_id.id)
    _check(state.snapshot_mac(keys, name), snapshot.mac, "snapshot MAC")
    return state, [_decode_record(lookup, op, r) for op, r in mutations]


def decode_patch(
    name: str, patch: syncd_pb2.SyncdPatch, state: AppStateHash, lookup: KeyLookup
) -> tuple[AppStateHash, list[DecodedMutation]]:
    """Verify and decode one patch on top of ``state``; returns the new state (the
    given one is left as it was). External mutations must have been inlined."""
    if patch.HasField("external_mutations") and not patch.mutations:
        raise AppStateError("patch mutations are external: download and inline them first")
    if not patch.HasField("version"):
        raise AppStateError("patch carries no version (the server stamps it when relaying)")
    ops = [(_operation(m.operation), m.record) for m in patch.mutations]
    new = state.copy()
    new.apply(
        [Mutation(op, r.index.blob, value_mac_of(r.value.blob)) for op, r in ops],
        patch.version.version,
    )
    keys = _keys(lookup, patch.key_id.id)
    _check(new.snapshot_mac(keys, name), patch.snapshot_mac, "snapshot MAC")
    value_macs = [value_mac_of(r.value.blob) for _, r in ops]
    expected = patch_mac(keys.patch_mac, patch.snapshot_mac, value_macs, new.version, name)
    _check(expected, patch.patch_mac, "patch MAC")
    return new, [_decode_record(lookup, op, r) for op, r in ops]


def _seal(
    keys: AppStateKeys, key_id: bytes, change: NewMutation
) -> tuple[syncd_pb2.SyncdRecord, bytes]:
    index = json.dumps(change.index, separators=(",", ":"), ensure_ascii=False).encode()
    data = sync_action_pb2.SyncActionData(index=index, version=change.api_version)
    data.value.CopyFrom(change.action)
    data.padding = b""
    blob = seal_record_value(keys, key_id, change.operation, data.SerializeToString())
    record = syncd_pb2.SyncdRecord()
    record.index.blob = index_mac(keys.index, index)
    record.value.blob = blob
    record.key_id.id = key_id
    return record, value_mac_of(blob)


def encode_patch(
    name: str,
    state: AppStateHash,
    key_id: bytes,
    keys: AppStateKeys,
    changes: Iterable[NewMutation],
) -> tuple[syncd_pb2.SyncdPatch, AppStateHash]:
    """Build the next patch of a collection and the state it leads to (version + 1).

    Like Baileys and whatsmeow, the patch itself carries no version: its MACs are
    computed for ``state.version + 1`` and the server stamps that version on the
    patch when it stores and relays it.
    """
    patch = syncd_pb2.SyncdPatch()
    macs: list[bytes] = []
    hashed: list[Mutation] = []
    for change in changes:
        record, mac = _seal(keys, key_id, change)
        m = patch.mutations.add()
        m.operation = _WIRE_OPERATION[change.operation]
        m.record.CopyFrom(record)
        macs.append(mac)
        hashed.append(Mutation(change.operation, record.index.blob, mac))
    new = state.copy()
    new.apply(hashed, state.version + 1)
    patch.key_id.id = key_id
    patch.snapshot_mac = new.snapshot_mac(keys, name)
    patch.patch_mac = patch_mac(keys.patch_mac, patch.snapshot_mac, macs, new.version, name)
    return patch, new
