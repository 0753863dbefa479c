"""App-state helpers the sandbox tests (and the Baileys snapshot interop test) share: a
companion of ALICE that keeps its app-state keys and verified hashes."""

from __future__ import annotations

from pathlib import Path

from bench.companion import Companion, Session, connect, iq, link
from bench.local_sandbox import Running
from wacli.binary import Node
from wacli.binary.node import Attrs
from wacli.client import http
from wacli.proto import e2e_pb2, syncd_pb2
from wacli.protocol.appstate_crypto import AppStateHash, AppStateKeys
from wacli.protocol.appstate_crypto import expand_app_state_keys as expand
from wacli.protocol.appstate_patch import decode_patch

ALICE, BOB = "15550001111", "15550002222"
BOB_JID = f"{BOB}@s.whatsapp.net"


class Synced:
    """A scripted companion's app state: its keys, and per collection the verified hash."""

    def __init__(self, companion: Companion, session: Session, keys: dict[bytes, bytes]) -> None:
        self.companion = companion
        self.session = session
        self.keys = keys
        self.states: dict[str, AppStateHash] = {}

    def lookup(self, key_id: bytes) -> AppStateKeys | None:
        data = self.keys.get(key_id)
        return None if data is None else expand(data)

    async def fetch(self, name: str, version: int | None = None) -> tuple[Node, list]:
        """Fetch and verify the patches after our version; (the answer, decoded mutations)."""
        state = self.states.get(name, AppStateHash())
        asked = state.version if version is None else version
        reply = await self.session.query(sync_iq(collection(name, asked, asked == 0)))
        answer = reply.require_child("sync").require_child("collection")
        found = []
        patches = answer.child("patches")
        for node in [] if patches is None else patches.children_named("patch"):
            patch = syncd_pb2.SyncdPatch()
            patch.ParseFromString(node.content_bytes())
            state, mutations = decode_patch(name, patch, state, self.lookup)
            found += mutations
        self.states[name] = state
        return answer, found


def collection(name: str, version: int, snapshot: bool = False, *patches: bytes) -> Node:
    attrs: Attrs = {"name": name, "version": str(version), "return_snapshot": str(snapshot).lower()}
    return Node("collection", attrs, [Node("patch", {}, p) for p in patches] or None)


def sync_iq(*collections: Node) -> Node:
    return iq("w:sync:app:state", "set", Node("sync", {}, list(collections)))


def key_share(companion: Companion, node: Node) -> dict[bytes, bytes]:
    """The keys of the phone's APP_STATE_SYNC_KEY_SHARE peer message."""
    assert node.attr("category") == "peer" and node.attr("from") == f"{ALICE}@s.whatsapp.net"
    protocol = companion.decrypt(node).protocol_message
    assert protocol.type == e2e_pb2.ProtocolMessage.APP_STATE_SYNC_KEY_SHARE
    keys = {k.key_id.key_id: k.key_data.key_data for k in protocol.app_state_sync_key_share.keys}
    assert len(keys) == 1 and all(len(k) == 6 and len(v) == 32 for k, v in keys.items())
    return keys


async def online(sandbox: Running, directory: Path) -> tuple[Synced, list[Node]]:
    """Link a companion to ALICE and log in; (it, what its offline queue held)."""
    companion = Companion(directory)
    await link(sandbox, companion, ALICE)
    session, _, queued = await connect(sandbox, companion)
    return Synced(companion, session, {}), queued


async def take_keys(synced: Synced) -> None:
    """The phone's key share, the first time it uses app state."""
    node = await synced.session.receive_tag("message")
    synced.keys.update(key_share(synced.companion, node))
    await synced.session.send(Node("receipt", {"id": node.require_attr("id"), "to": ALICE}))


async def change(sandbox: Running, body: dict) -> dict:
    status, answer = await sandbox.admin("POST", f"/accounts/{ALICE}/app-state", body)
    assert status == 200, answer
    return dict(answer)


async def fetch_raw(synced: Synced, name: str, version: int, snapshot: bool) -> Node:
    reply = await synced.session.query(sync_iq(collection(name, version, snapshot)))
    return reply.require_child("sync").require_child("collection")


async def download(sandbox: Running, synced: Synced, ref: syncd_pb2.ExternalBlobReference) -> bytes:
    """GET the blob from the host media_conn names, over TLS checked with the sandbox's CA."""
    reply = await synced.session.query(iq("w:m", "set", Node("media_conn", {}, [])))
    host = reply.require_child("media_conn").require_child("host").require_attr("hostname")
    context = http.tls_context(sandbox.endpoints.media_ca)
    response = await http.request("GET", f"https://{host}{ref.direct_path}", context=context)
    return response.body


def reference(answer: Node) -> syncd_pb2.ExternalBlobReference:
    ref = syncd_pb2.ExternalBlobReference()
    ref.ParseFromString(answer.require_child("snapshot").content_bytes())
    assert len(ref.media_key) == 32 and ref.direct_path.startswith("/v/")
    return ref
