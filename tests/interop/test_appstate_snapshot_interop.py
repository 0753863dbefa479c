"""The sandbox's app-state snapshots as Baileys reads them: a companion fetches a
compacted collection (``<snapshot>`` + the patches after it), downloads the blob from the
https media host, and Baileys opens it with its own media keys (md-app-state), decodes it
with decodeSyncdSnapshot (value MACs, LTHash, snapshot MAC: no warning) and the patches
after it with decodePatches; both LTHashes are the phone's and wacli's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.companion import account
from bench.local_sandbox import Running, served
from bench.node import NodeProcess, b64
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
from wacli.proto import syncd_pb2
from wacli.protocol.appstate_crypto import AppStateHash
from wacli.protocol.appstate_patch import decode_patch, decode_snapshot
from wacli.protocol.appstate_snapshot import open_snapshot

pytestmark = [pytest.mark.interop, pytest.mark.anyio]


@pytest.fixture
async def inproc(tmp_path: Path) -> AsyncIterator[Running]:
    async with served(tmp_path / "state") as running:
        yield running


async def test_baileys_verifies_the_sandboxs_snapshot(inproc: Running, tmp_path: Path) -> None:
    await account(inproc, ALICE, "Alice")
    await account(inproc, BOB, "Bob")
    alice, _ = await online(inproc, tmp_path / "a1")
    await change(inproc, {"chat": BOB, "pin": True})
    await take_keys(alice)
    await change(inproc, {"chat": BOB, "archive": True})
    await change(inproc, {"chat": "15550003333", "read": True})
    await change(inproc, {"chat": BOB, "archive": False})
    status, _ = await inproc.admin(
        "POST", f"/accounts/{ALICE}/app-state/compact", {"collection": "regular_low"}
    )
    assert status == 200
    await change(inproc, {"chat": BOB, "pin": False})

    answer = await fetch_raw(alice, "regular_low", 0, True)
    ref = reference(answer)
    blob = await download(inproc, alice, ref)
    patches = [p.content_bytes() for p in answer.require_child("patches").children_named("patch")]
    ((key_id, key),) = alice.keys.items()
    with NodeProcess("appstate_snapshot.mjs") as node:
        theirs = node.call(
            "open_snapshot",
            name="regular_low",
            reference=b64(ref.SerializeToString()),
            blob=b64(blob),
            key_id=b64(key_id),
            key=b64(key),
            patches=[b64(p) for p in patches],
        )
    assert theirs["warnings"] == []
    assert theirs["indexes"] == [
        f"archive|{BOB_JID}",
        "markChatAsRead|15550003333@s.whatsapp.net",
        f"pin_v1|{BOB_JID}",
    ]

    ours, _ = decode_snapshot("regular_low", open_snapshot(blob, ref), alice.lookup)
    assert theirs["snapshot"] == {"version": 4, "hash": b64(ours.hash), "records": 3}
    state: AppStateHash = ours
    for raw in patches:
        patch = syncd_pb2.SyncdPatch()
        patch.ParseFromString(raw)
        state, _ = decode_patch("regular_low", patch, state, alice.lookup)
    _, shown = await inproc.admin("GET", f"/accounts/{ALICE}/app-state")
    assert theirs["after"] == {"version": 5, "hash": b64(state.hash), "records": 3}
    assert state.hash.hex() == shown["regular_low"]["hash"]


async def test_baileys_refuses_a_corrupt_snapshot_too(inproc: Running, tmp_path: Path) -> None:
    """The fault the client tests use (one record's value MAC flipped) is one Baileys
    notices as well: wacli's refusal of it is not a quirk of our own."""
    await account(inproc, ALICE, "Alice")
    alice, _ = await online(inproc, tmp_path / "a1")
    await change(inproc, {"chat": BOB, "mute_until": -1})
    await take_keys(alice)
    body = {"collection": "regular_high", "corrupt": True}
    status, _ = await inproc.admin("POST", f"/accounts/{ALICE}/app-state/compact", body)
    assert status == 200
    ref = reference(await fetch_raw(alice, "regular_high", 0, True))
    blob = await download(inproc, alice, ref)
    ((key_id, key),) = alice.keys.items()
    with NodeProcess("appstate_snapshot.mjs") as node:
        theirs = node.call(
            "open_snapshot",
            name="regular_high",
            reference=b64(ref.SerializeToString()),
            blob=b64(blob),
            key_id=b64(key_id),
            key=b64(key),
            patches=[],
        )
    # Baileys logs the mismatch and goes on with the state (wacli refuses it outright).
    assert any("LTHash verification failed" in w for w in theirs["warnings"])
