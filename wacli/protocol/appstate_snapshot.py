"""App-state snapshots as the server hands them out: an external blob on the media hosts.

When a collection has grown long the server compacts it: the records still set
at some version go into one ``SyncdSnapshot`` (version, records, key id, and the
snapshot MAC over the LTHash of their value MACs), which is encrypted like any
media file under the ``md-app-state`` type ("WhatsApp App State Keys") and
uploaded. A fetch asking ``return_snapshot`` then gets ``<snapshot>`` holding the
serialized ``ExternalBlobReference`` (media key, direct path, sizes and both
SHA-256s) and the patches after the snapshot's version (whatsmeow appstate/
decode.go parseSnapshotInternal, Baileys chat-utils.ts downloadExternalBlob).

A snapshot keeps each record exactly as its last patch set it (same IV, same
value MAC), so its LTHash is the one every device reached by applying the chain;
only the snapshot MAC is new. Verifying what was downloaded is
appstate_patch.decode_snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from google.protobuf.message import DecodeError

from wacli.proto import syncd_pb2
from wacli.protocol.appstate_crypto import (
    MAC_LEN,
    AppStateHash,
    AppStateKeys,
    Mutation,
    Operation,
    value_mac_of,
)
from wacli.protocol.errors import AppStateError, MediaError
from wacli.protocol.media_crypto import MEDIA_KEY_LEN, decrypt_media, encrypt_media

MEDIA_TYPE = "md-app-state"
SHA256_LEN = 32
MAX_DIRECT_PATH = 4096


def live_records(
    patches: Iterable[syncd_pb2.SyncdPatch],
) -> dict[bytes, syncd_pb2.SyncdRecord]:
    """The records a chain of patches leaves set, by index MAC, in first-set order.

    Read without keys, as the server would: a REMOVE drops the record, a SET replaces
    it; a SET whose value is too short to carry a MAC, or an unknown operation, counts
    for nothing (the same rule the sandbox's phone uses to follow what it cannot verify).
    """
    live: dict[bytes, syncd_pb2.SyncdRecord] = {}
    for patch in patches:
        for m in patch.mutations:
            index = bytes(m.record.index.blob)
            if int(m.operation) == Operation.REMOVE:
                live.pop(index, None)
            elif int(m.operation) == Operation.SET and len(m.record.value.blob) >= MAC_LEN:
                live[index] = m.record
    return live


def build_snapshot(
    name: str,
    version: int,
    key_id: bytes,
    keys: AppStateKeys,
    records: Iterable[syncd_pb2.SyncdRecord],
) -> tuple[syncd_pb2.SyncdSnapshot, AppStateHash]:
    """A snapshot of existing records at ``version``, its MAC under ``keys`` (the key
    ``key_id`` names); returns it with the state it stands for."""
    snapshot = syncd_pb2.SyncdSnapshot()
    hashed: list[Mutation] = []
    for record in records:
        snapshot.records.add().CopyFrom(record)
        hashed.append(
            Mutation(Operation.SET, bytes(record.index.blob), value_mac_of(record.value.blob))
        )
    state = AppStateHash()
    state.apply(hashed, version)
    snapshot.version.version = version
    snapshot.key_id.id = key_id
    snapshot.mac = state.snapshot_mac(keys, name)
    return snapshot, state


@dataclass(frozen=True, slots=True)
class SealedSnapshot:
    """A snapshot encrypted for the media hosts, and the reference to it (its
    ``direct_path`` is filled in once the blob is stored)."""

    data: bytes
    reference: syncd_pb2.ExternalBlobReference


def seal_snapshot(
    snapshot: syncd_pb2.SyncdSnapshot, media_key: bytes | None = None
) -> SealedSnapshot:
    """Encrypt a snapshot as an ``md-app-state`` media file (a fresh media key unless given)."""
    plain = snapshot.SerializeToString()
    encrypted = encrypt_media(plain, MEDIA_TYPE, media_key)
    ref = syncd_pb2.ExternalBlobReference()
    ref.media_key = encrypted.media_key
    ref.file_size_bytes = encrypted.digests.file_length
    ref.file_sha256 = encrypted.digests.file_sha256
    ref.file_enc_sha256 = encrypted.digests.file_enc_sha256
    return SealedSnapshot(encrypted.data, ref)


def parse_reference(raw: bytes) -> syncd_pb2.ExternalBlobReference:
    """The ``<snapshot>`` content: an ExternalBlobReference with everything a download
    needs to be checked (AppStateError otherwise)."""
    ref = syncd_pb2.ExternalBlobReference()
    try:
        ref.ParseFromString(raw)
    except DecodeError as exc:
        raise AppStateError(f"malformed snapshot reference: {exc}") from None
    if len(ref.media_key) != MEDIA_KEY_LEN:
        raise AppStateError("the snapshot reference has no valid media key")
    path = ref.direct_path
    if not path.startswith("/") or len(path) > MAX_DIRECT_PATH or any(c in path for c in "\r\n "):
        raise AppStateError("the snapshot reference has no valid direct path")
    if len(ref.file_sha256) != SHA256_LEN or len(ref.file_enc_sha256) != SHA256_LEN:
        raise AppStateError("the snapshot reference lacks the file's SHA-256s")
    return ref


def open_snapshot(
    encrypted: bytes, ref: syncd_pb2.ExternalBlobReference
) -> syncd_pb2.SyncdSnapshot:
    """Check (media MAC, both SHA-256s) and decrypt a downloaded snapshot blob, then parse it."""
    try:
        plain = decrypt_media(
            encrypted, ref.media_key, MEDIA_TYPE, ref.file_enc_sha256, ref.file_sha256
        )
    except MediaError as exc:
        raise AppStateError(f"the snapshot blob does not check out: {exc}") from None
    return parse_snapshot(plain)


def parse_snapshot(plain: bytes) -> syncd_pb2.SyncdSnapshot:
    """A decrypted snapshot blob; it must name its version and key (AppStateError)."""
    snapshot = syncd_pb2.SyncdSnapshot()
    try:
        snapshot.ParseFromString(plain)
    except DecodeError as exc:
        raise AppStateError(f"malformed SyncdSnapshot: {exc}") from None
    if not snapshot.HasField("version") or not snapshot.key_id.id or not snapshot.mac:
        raise AppStateError("the snapshot lacks its version, key id or MAC")
    return snapshot
