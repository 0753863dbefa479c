"""A snapshot made from new records, for the tests of snapshot decoding (ours and
Baileys'): the records sealed as a patch would seal them, then taken as a snapshot."""

from __future__ import annotations

from collections.abc import Iterable

from wacli.proto import syncd_pb2
from wacli.protocol.appstate_crypto import AppStateHash, AppStateKeys
from wacli.protocol.appstate_patch import NewMutation, encode_patch
from wacli.protocol.appstate_snapshot import build_snapshot


def snapshot_of(
    name: str, version: int, key_id: bytes, keys: AppStateKeys, changes: Iterable[NewMutation]
) -> tuple[syncd_pb2.SyncdSnapshot, AppStateHash]:
    """A snapshot at ``version`` holding ``changes`` (SETs) and the state it stands for."""
    patch, _ = encode_patch(name, AppStateHash(), key_id, keys, changes)
    return build_snapshot(name, version, key_id, keys, [m.record for m in patch.mutations])
