"""App-state sync on the server side, and the simulated phone's part in it.

The server (like the real one) cannot read app state: per account and collection
it keeps a version and the chain of patches its devices uploaded, each stamped
with the version it created. It answers ``w:sync:app:state`` fetches with the
patches after the asked version and tells the account's other devices about a
new patch with ``<notification type="server_sync">``. By default it serves whole
patch chains (Baileys and whatsmeow rebuild a collection just as well from version 0,
and unmodified Baileys downloads external blobs only from mmg.whatsapp.net). Once the
admin API compacts a collection (see compact), the phone has built a snapshot of it,
stored as an encrypted ``md-app-state`` blob in the media store, and a fetch asking
``return_snapshot`` for a version below it gets ``<snapshot>`` (the serialized
``ExternalBlobReference``) and the patches after the snapshot, as real servers answer.

The phone owns the sync key: it makes one when first needed and shares it with each
companion (``APP_STATE_SYNC_KEY_SHARE``, a peer message): right after linking once
the account uses app state, else on first use (see ensure_shared), and it
writes patches for the admin API with the same code a client uses
(wacli.protocol.appstate_patch), after catching up with what companions uploaded.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from google.protobuf.message import DecodeError

from wacli.binary import Attrs, Node
from wacli.proto import e2e_pb2, syncd_pb2
from wacli.protocol import AppStateError
from wacli.protocol.appstate_crypto import (
    MAC_LEN,
    AppStateHash,
    AppStateKeys,
    Mutation,
    Operation,
    expand_app_state_keys,
    value_mac_of,
)
from wacli.protocol.appstate_patch import KeyLookup, NewMutation, decode_patch, encode_patch
from wacli.protocol.appstate_snapshot import build_snapshot, live_records, seal_snapshot
from wacli.sandbox.delivery import deliver, device_jid, phone_bundle
from wacli.sandbox.phone import new_message_id, now
from wacli.sandbox.stanzas import SERVER_JID, new_id
from wacli.store.appstate_tables import AppStateKeyRecord, CollectionState

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub
    from wacli.sandbox.state import SandboxState

log = logging.getLogger(__name__)

COLLECTIONS = ("critical_block", "critical_unblock_low", "regular_high", "regular_low", "regular")
# Patches in one answer; more are announced with has_more_patches="true".
PATCHES_PER_ANSWER = 100
KEY_ID_LEN = 6  # what phones use


class AppStateConflict(Exception):
    """An upload based on another version than the server's (the real server's 409)."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the collection is at version {current}")
        self.current = current


# -- the server's patch log -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PatchLog:
    """The server's stored patches of every account: table appstate_patches of the
    sandbox state (its migration is in state.py; the queries live here, with the feature)."""

    state: SandboxState

    def version(self, phone: str, name: str) -> int:
        row = self.state._sql(
            "SELECT MAX(version) FROM appstate_patches WHERE phone = ? AND collection = ?",
            (phone, name),
        ).fetchone()
        return int(row[0] or 0)

    def since(self, phone: str, name: str, version: int, limit: int) -> list[bytes]:
        """Patches after ``version`` in order, each carrying its version."""
        rows = self.state._sql(
            "SELECT patch FROM appstate_patches WHERE phone = ? AND collection = ? "
            "AND version > ? ORDER BY version LIMIT ?",
            (phone, name, version, limit),
        ).fetchall()
        return [bytes(row[0]) for row in rows]

    def append(self, phone: str, name: str, based_on: int, patch: syncd_pb2.SyncdPatch) -> int:
        """Store a patch made on top of version ``based_on``; its new version, or
        AppStateConflict when the collection moved on meanwhile."""
        with self.state.transaction():
            current = self.version(phone, name)
            if based_on != current:
                raise AppStateConflict(current)
            stamped = syncd_pb2.SyncdPatch()
            stamped.CopyFrom(patch)
            stamped.version.version = current + 1
            self.state._sql(
                "INSERT INTO appstate_patches (phone, collection, version, patch, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (phone, name, current + 1, stamped.SerializeToString(), int(time.time())),
            )
        return current + 1


def server_sync(name: str, version: int) -> Node:
    """What tells a device that a collection has new patches."""
    return Node(
        "notification",
        {"from": SERVER_JID, "type": "server_sync", "id": new_id(), "t": str(now())},
        [Node("collection", {"name": name, "version": str(version)})],
    )


async def notify_devices(hub: Hub, phone: str, name: str, version: int, skip: int = -1) -> None:
    """Every companion of the account but ``skip`` learns of the new version (queued)."""
    for device, _ in hub.device_ids(phone):
        if device not in (0, skip):
            await deliver(hub, phone, device, server_sync(name, version))


# -- the phone's keys ---------------------------------------------------------------------------


def phone_key(hub: Hub, phone: str) -> AppStateKeyRecord:
    """The phone's current sync key (made on first use)."""
    store = hub.phone(phone).store
    record = store.latest_app_state_key()
    if record is None:
        record = AppStateKeyRecord(os.urandom(KEY_ID_LEN), os.urandom(32), int(time.time() * 1000))
        with store.transaction():
            store.save_app_state_key(record)
    return record


def _phone_lookup(hub: Hub, phone: str) -> KeyLookup:
    store = hub.phone(phone).store

    def lookup(key_id: bytes) -> AppStateKeys | None:
        data = store.app_state_key(key_id)
        return None if data is None else expand_app_state_keys(data)

    return lookup


def key_share_message(hub: Hub, phone: str) -> e2e_pb2.Message:
    record = phone_key(hub, phone)
    message = e2e_pb2.Message()
    protocol = message.protocol_message
    protocol.type = e2e_pb2.ProtocolMessage.APP_STATE_SYNC_KEY_SHARE
    key = protocol.app_state_sync_key_share.keys.add()
    key.key_id.key_id = record.key_id
    key.key_data.key_data = record.key_data
    key.key_data.timestamp = record.timestamp
    key.key_data.fingerprint.raw_id = hub.phone(phone).adv_raw_id
    key.key_data.fingerprint.current_index = 0
    key.key_data.fingerprint.device_indexes.append(0)
    return message


def _shared(hub: Hub, phone: str, device: int, key_id: bytes) -> bool:
    row = hub.state._sql(
        "SELECT 1 FROM appstate_key_shares WHERE phone = ? AND device = ? AND key_id = ?",
        (phone, device, key_id),
    ).fetchone()
    return row is not None


async def after_link(hub: Hub, phone: str, device: int) -> None:
    """A phone that already syncs app state shares its key with a new companion at once.
    (Until an account uses app state, its phone shares on first use instead: see
    ensure_shared. That keeps a new companion's first queue as it always was.)"""
    await ensure_shared(hub, phone, [device], create=False)


async def ensure_shared(
    hub: Hub, phone: str, devices: list[int] | None = None, *, create: bool = True
) -> None:
    """Every given companion (all by default) holds the phone's current sync key; without
    ``create`` nothing happens while the phone has no key yet."""
    if not create and hub.phone(phone).store.latest_app_state_key() is None:
        return
    record = phone_key(hub, phone)
    linked = [d for d, _ in hub.device_ids(phone) if d != 0]
    for device in linked if devices is None else [d for d in devices if d in linked]:
        if not _shared(hub, phone, device, record.key_id):
            await share_keys(hub, phone, device)


async def share_keys(hub: Hub, phone: str, device: int) -> bool:
    """The phone sends its sync key to one companion (a peer message, queued until acked)."""
    account = hub.state.account(phone)
    if account is None or device == 0:
        return False
    key_id = phone_key(hub, phone).key_id
    plain = key_share_message(hub, phone).SerializeToString()
    sim = hub.phone(phone)
    ciphertext = sim.encrypt_for(phone, device, plain, lambda: phone_bundle(hub, phone, device))
    if ciphertext is None:
        log.info("no bundle for %s:%d; app-state keys not shared", phone, device)
        return False
    attrs: Attrs = {
        "from": device_jid(hub, account, 0, False),
        "id": new_message_id(),
        "t": str(now()),
        "type": "text",
        "category": "peer",
    }
    enc = Node("enc", {"v": "2", "type": ciphertext.type.enc_type}, ciphertext.body)
    with hub.state.transaction():
        hub.state._sql(
            "INSERT OR IGNORE INTO appstate_key_shares (phone, device, key_id) VALUES (?, ?, ?)",
            (phone, device, key_id),
        )
    await deliver(hub, phone, device, Node("message", attrs, [enc]))
    hub.stats["app_state_key_shares"] += 1
    return True


# -- the phone as an app-state client -------------------------------------------------------------


def _hash_of(state: CollectionState | None) -> AppStateHash:
    if state is None:
        return AppStateHash()
    return AppStateHash(state.version, state.hash, dict(state.value_macs))


def _unverified(patch: syncd_pb2.SyncdPatch) -> list[Mutation]:
    """A patch's effect on the LTHash, read without keys (what cannot count is skipped)."""
    found = []
    for m in patch.mutations:
        index, blob = m.record.index.blob, m.record.value.blob
        if int(m.operation) == Operation.REMOVE:
            found.append(Mutation(Operation.REMOVE, index))
        elif int(m.operation) == Operation.SET and len(blob) >= MAC_LEN:
            found.append(Mutation(Operation.SET, index, value_mac_of(blob)))
    return found


def phone_state(hub: Hub, phone: str, name: str) -> AppStateHash:
    """The phone's view of a collection, caught up with every stored patch."""
    store = hub.phone(phone).store
    state = _hash_of(store.load_collection(name))
    log_ = PatchLog(hub.state)
    lookup = _phone_lookup(hub, phone)
    for raw in log_.since(phone, name, state.version, 1 << 30):
        patch = syncd_pb2.SyncdPatch()
        patch.ParseFromString(raw)  # stored by us, parsed before
        try:
            state, _ = decode_patch(name, patch, state, lookup)
        except AppStateError as exc:
            # A companion uploaded something the phone cannot verify: follow the hash
            # anyway, so the phone's next patch still matches what the server holds.
            log.warning(
                "the phone of %s cannot verify %s v%d: %s", phone, name, patch.version.version, exc
            )
            hub.stats["app_state_unverified"] += 1
            state.apply(_unverified(patch), patch.version.version)
    with store.transaction():
        store.save_collection(name, CollectionState(state.version, state.hash, state.value_macs))
    return state


async def phone_writes(hub: Hub, phone: str, name: str, changes: list[NewMutation]) -> int:
    """The phone makes a patch of ``changes``, the server stores it and tells the
    companions; the new version."""
    if name not in COLLECTIONS:
        raise ValueError(f"unknown collection {name!r}")
    state = phone_state(hub, phone, name)
    record = phone_key(hub, phone)
    keys = expand_app_state_keys(record.key_data)
    patch, new = encode_patch(name, state, record.key_id, keys, changes)
    version = PatchLog(hub.state).append(phone, name, state.version, patch)
    assert version == new.version
    store = hub.phone(phone).store
    with store.transaction():
        store.save_collection(name, CollectionState(new.version, new.hash, new.value_macs))
    hub.stats["app_state_patches"] += 1
    await ensure_shared(hub, phone)
    await notify_devices(hub, phone, name, version)
    return version


# -- what companions send ------------------------------------------------------------------------


def collection_error(name: str, code: int, text: str, version: int | None = None) -> Node:
    attrs: Attrs = {"name": name, "type": "error"}
    if version is not None:
        attrs["version"] = str(version)
    return Node("collection", attrs, [Node("error", {"code": str(code), "text": text})])


def fetch(hub: Hub, phone: str, name: str, version: int, snapshot: bool = False) -> Node:
    """``<collection name version [has_more_patches]>[<snapshot/>]<patches><patch/>…`` after
    ``version``; with ``snapshot`` (the client's return_snapshot) and a compacted collection
    past ``version``, the snapshot's reference and the patches after it."""
    held = Snapshots(hub.state).get(phone, name) if snapshot else None
    lead: list[Node] = []
    if held is not None and held[0] > version:
        version = held[0]
        lead.append(Node("snapshot", {}, held[1]))
        hub.stats["app_state_snapshots_served"] += 1
    patches = PatchLog(hub.state).since(phone, name, version, PATCHES_PER_ANSWER + 1)
    more = len(patches) > PATCHES_PER_ANSWER
    patches = patches[:PATCHES_PER_ANSWER]
    current = PatchLog(hub.state).version(phone, name)
    attrs: Attrs = {"name": name, "version": str(current), "type": "result"}
    if more:
        attrs["has_more_patches"] = "true"
    if patches:
        lead.append(Node("patches", {}, [Node("patch", {}, p) for p in patches]))
    return Node("collection", attrs, lead or None)


async def upload(
    hub: Hub, phone: str, device: int, name: str, version: int, raw: list[bytes]
) -> Node:
    """A companion's patches on top of ``version``: stored in order, then the account's
    other devices are told. A conflict or an unreadable patch stops there."""
    log_ = PatchLog(hub.state)
    for data in raw:
        patch = syncd_pb2.SyncdPatch()
        try:
            patch.ParseFromString(data)
        except DecodeError:
            return collection_error(name, 400, "bad-request", log_.version(phone, name))
        if not patch.mutations and not patch.HasField("external_mutations"):
            return collection_error(name, 400, "bad-request", log_.version(phone, name))
        try:
            version = log_.append(phone, name, version, patch)
        except AppStateConflict as exc:
            return collection_error(name, 409, "conflict", exc.current)
        hub.stats["app_state_patches"] += 1
        await ensure_shared(hub, phone)
        await notify_devices(hub, phone, name, version, skip=device)
    return Node("collection", {"name": name, "version": str(version), "type": "result"})


# -- compaction: the phone's snapshot of a collection, on the media hosts ----------------------


@dataclass(frozen=True, slots=True)
class Snapshots:
    """The newest snapshot reference per account and collection (appstate_snapshots)."""

    state: SandboxState

    def get(self, phone: str, name: str) -> tuple[int, bytes] | None:
        """(version, serialized ExternalBlobReference) of the collection's snapshot."""
        row = self.state._sql(
            "SELECT version, reference FROM appstate_snapshots WHERE phone = ? AND collection = ?",
            (phone, name),
        ).fetchone()
        return None if row is None else (int(row[0]), bytes(row[1]))

    def put(self, phone: str, name: str, version: int, reference: bytes) -> None:
        self.state._sql(
            "INSERT OR REPLACE INTO appstate_snapshots "
            "(phone, collection, version, reference, created_at) VALUES (?, ?, ?, ?, ?)",
            (phone, name, version, reference, int(time.time())),
        )


def compact(hub: Hub, phone: str, name: str, *, corrupt: bool = False) -> int:
    """The phone snapshots the collection at the server's current version: every record
    still set, as its last patch set it, with a snapshot MAC under the phone's current key;
    encrypted as an ``md-app-state`` blob into the media store. Returns the version.

    ``corrupt`` (a fault for tests) flips a byte of one record's value MAC inside the
    snapshot before encrypting it: the blob downloads fine but must not verify.
    ValueError for an unknown or empty collection."""
    if name not in COLLECTIONS:
        raise ValueError(f"unknown collection {name!r}")
    state = phone_state(hub, phone, name)
    if state.version == 0:
        raise ValueError(f"{name} has no patches to compact")
    chain = []
    for raw in PatchLog(hub.state).since(phone, name, 0, 1 << 30):
        patch = syncd_pb2.SyncdPatch()
        patch.ParseFromString(raw)  # stored by us, parsed before
        chain.append(patch)
    record = phone_key(hub, phone)
    keys = expand_app_state_keys(record.key_data)
    snapshot, built = build_snapshot(
        name, state.version, record.key_id, keys, live_records(chain).values()
    )
    if built.hash != state.hash:  # both follow the same rule; a mismatch is a sandbox bug
        raise AppStateError(f"the snapshot of {name} does not match the phone's LTHash")
    if corrupt:
        if not snapshot.records:
            raise ValueError(f"{name} holds no record to corrupt")
        blob = bytearray(snapshot.records[0].value.blob)
        blob[-1] ^= 0x01
        snapshot.records[0].value.blob = bytes(blob)
    sealed = seal_snapshot(snapshot)
    sealed.reference.direct_path = hub.media.put(sealed.data)
    Snapshots(hub.state).put(phone, name, state.version, sealed.reference.SerializeToString())
    hub.stats["app_state_compactions"] += 1
    return state.version
