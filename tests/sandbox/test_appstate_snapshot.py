"""App-state compaction on the sandbox: the admin API makes the phone snapshot a
collection; a fetch asking return_snapshot then gets ``<snapshot>`` (an
ExternalBlobReference to an encrypted md-app-state blob on the https media host) and the
patches after it. The blob is fetched over TLS and checked here with independent code
(HKDF, AES-CBC, HMAC and the LTHash written out in this file), then with wacli's core."""

from __future__ import annotations

import hashlib
import hmac
import struct
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bench.companion import account
from bench.local_sandbox import Running
from tests.sandbox.appstate_support import (
    ALICE,
    BOB,
    BOB_JID,
    change,
    download,
    fetch_raw,
    online,
    reference,
    take_keys,
)
from wacli.binary import Node
from wacli.proto import syncd_pb2
from wacli.protocol import AppStateError
from wacli.protocol.appstate_crypto import AppStateHash
from wacli.protocol.appstate_patch import decode_patch, decode_snapshot

pytestmark = pytest.mark.anyio


def hkdf(key: bytes, length: int, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), length, None, info).derive(key)


def media_decrypt(data: bytes, ref: syncd_pb2.ExternalBlobReference) -> bytes:
    """The media file format, written out: iv ‖ cipher key ‖ MAC key from HKDF under
    "WhatsApp App State Keys"; ciphertext ‖ first 10 bytes of HMAC(iv ‖ ciphertext)."""
    assert hashlib.sha256(data).digest() == ref.file_enc_sha256
    expanded = hkdf(ref.media_key, 112, b"WhatsApp App State Keys")
    iv, cipher_key, mac_key = expanded[:16], expanded[16:48], expanded[48:80]
    body, mac = data[:-10], data[-10:]
    assert hmac.new(mac_key, iv + body, hashlib.sha256).digest()[:10] == mac
    dec = Cipher(algorithms.AES(cipher_key), modes.CBC(iv)).decryptor()
    unpad = padding.PKCS7(128).unpadder()
    plain = unpad.update(dec.update(body) + dec.finalize()) + unpad.finalize()
    assert hashlib.sha256(plain).digest() == ref.file_sha256
    assert len(plain) == ref.file_size_bytes
    return plain


def check_snapshot(name: str, snapshot: syncd_pb2.SyncdSnapshot, sync_key: bytes) -> bytes:
    """Every record's value MAC, then the LTHash and the snapshot MAC; the LTHash."""
    keys = hkdf(sync_key, 160, b"WhatsApp Mutation Keys")
    value_mac_key, snapshot_mac_key = keys[64:96], keys[96:128]
    lanes = [0] * 64
    for record in snapshot.records:
        key_id, blob = record.key_id.id, record.value.blob
        mac = hmac.new(value_mac_key, b"\x01" + key_id + blob[:-32], hashlib.sha512)
        mac.update(struct.pack(">Q", len(key_id) + 1))
        assert mac.digest()[:32] == blob[-32:], "value MAC"
        stretched = hkdf(blob[-32:], 128, b"WhatsApp Patch Integrity")
        for i, lane in enumerate(struct.unpack("<64H", stretched)):
            lanes[i] = (lanes[i] + lane) & 0xFFFF
    lthash = struct.pack("<64H", *lanes)
    version = struct.pack(">Q", snapshot.version.version)
    expected = hmac.new(snapshot_mac_key, lthash + version + name.encode(), hashlib.sha256)
    assert expected.digest() == snapshot.mac, "snapshot MAC"
    return lthash


def patch_versions(answer: Node) -> list[int]:
    patches = answer.child("patches")
    found = []
    for node in [] if patches is None else patches.children_named("patch"):
        patch = syncd_pb2.SyncdPatch()
        patch.ParseFromString(node.content_bytes())
        found.append(patch.version.version)
    return found


async def test_a_compacted_collection_is_served_as_a_verifiable_snapshot(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    alice, _ = await online(sandbox, tmp_path / "a1")
    await change(sandbox, {"chat": BOB, "pin": True})
    await take_keys(alice)
    await change(sandbox, {"chat": BOB, "archive": True})
    await change(sandbox, {"chat": "15550003333", "read": False})
    await change(sandbox, {"chat": BOB, "pin": False})  # replaces the first pin record

    status, compacted = await sandbox.admin(
        "POST", f"/accounts/{ALICE}/app-state/compact", {"collection": "regular_low"}
    )
    assert status == 200 and compacted == {"collection": "regular_low", "version": 4}
    _, shown = await sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert shown["regular_low"]["snapshot"] == 4 and shown["regular_low"]["records"] == 3
    assert "snapshot" not in shown["regular_high"]
    await change(sandbox, {"chat": BOB, "archive": False})  # version 5, after the snapshot

    # Asked with return_snapshot from version 0: the snapshot and only the patch after it.
    answer = await fetch_raw(alice, "regular_low", 0, True)
    assert answer.attrs == {"name": "regular_low", "version": "5", "type": "result"}
    assert patch_versions(answer) == [5]
    ref = reference(answer)
    plain = media_decrypt(await download(sandbox, alice, ref), ref)
    snapshot = syncd_pb2.SyncdSnapshot()
    snapshot.ParseFromString(plain)
    assert snapshot.version.version == 4 and len(snapshot.records) == 3
    ((key_id, sync_key),) = alice.keys.items()
    assert snapshot.key_id.id == key_id
    lthash = check_snapshot("regular_low", snapshot, sync_key)

    # The snapshot's LTHash is the one the chain reaches: the same records, the same MACs.
    chain_answer = await fetch_raw(alice, "regular_low", 0, False)
    assert chain_answer.child("snapshot") is None
    assert patch_versions(chain_answer) == [1, 2, 3, 4, 5]
    chained = AppStateHash()
    for node in chain_answer.require_child("patches").children_named("patch"):
        patch = syncd_pb2.SyncdPatch()
        patch.ParseFromString(node.content_bytes())
        chained, _ = decode_patch("regular_low", patch, chained, alice.lookup)
        if chained.version == 4:
            assert chained.hash == lthash  # every patch verified, from scratch, up to here
    state, mutations = decode_snapshot("regular_low", snapshot, alice.lookup)
    assert state.version == 4 and state.hash == lthash
    indexes = sorted((m.index[0], m.index[1]) for m in mutations)
    assert indexes == [
        ("archive", BOB_JID),
        ("markChatAsRead", "15550003333@s.whatsapp.net"),
        ("pin_v1", BOB_JID),
    ]
    pin = next(m for m in mutations if m.index[0] == "pin_v1")
    assert not pin.action.pin_action.pinned  # the latest value, not the first
    # After the snapshot the patch that follows it verifies on top of it: the phone's hash.
    after = await fetch_raw(alice, "regular_low", 0, True)
    patch = syncd_pb2.SyncdPatch()
    patch.ParseFromString(after.require_child("patches").require_child("patch").content_bytes())
    state, _ = decode_patch("regular_low", patch, state, alice.lookup)
    _, shown = await sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert bytes.fromhex(shown["regular_low"]["hash"]) == state.hash == chained.hash

    # No snapshot for one who did not ask, nor for one already at or past it.
    assert (await fetch_raw(alice, "regular_low", 4, True)).child("snapshot") is None
    assert patch_versions(await fetch_raw(alice, "regular_low", 3, False)) == [4, 5]
    assert (await fetch_raw(alice, "regular_high", 0, True)).child("snapshot") is None
    _, stats = await sandbox.admin("GET", "/stats")
    assert stats["app_state_snapshots_served"] == 2 and stats["app_state_compactions"] == 1


async def test_a_corrupt_snapshot_downloads_but_does_not_verify(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    alice, _ = await online(sandbox, tmp_path / "a1")
    await change(sandbox, {"chat": BOB, "mute_until": -1})
    await take_keys(alice)
    status, _ = await sandbox.admin(
        "POST",
        f"/accounts/{ALICE}/app-state/compact",
        {"collection": "regular_high", "corrupt": True},
    )
    assert status == 200
    answer = await fetch_raw(alice, "regular_high", 0, True)
    ref = reference(answer)
    snapshot = syncd_pb2.SyncdSnapshot()
    snapshot.ParseFromString(media_decrypt(await download(sandbox, alice, ref), ref))
    with pytest.raises(AssertionError, match="value MAC"):
        check_snapshot("regular_high", snapshot, next(iter(alice.keys.values())))
    with pytest.raises(AppStateError, match="MAC mismatch"):
        decode_snapshot("regular_high", snapshot, alice.lookup)


async def test_bad_compact_requests_are_refused(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    await change(sandbox, {"chat": BOB, "pin": True})
    path = f"/accounts/{ALICE}/app-state/compact"
    for body in (
        {"collection": "nonsense"},
        {"collection": "regular"},  # nothing to compact yet
        {"collection": "regular_low", "corrupt": "yes"},
        {"name": "regular_low"},
        [1],
    ):
        status, _ = await sandbox.admin("POST", path, body)
        assert status == 400, body
    status, _ = await sandbox.admin("POST", "/accounts/15559999999/app-state/compact", {})
    assert status == 404
    _, shown = await sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert all("snapshot" not in c for c in shown.values())
