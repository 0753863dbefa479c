"""``<iq xmlns="w:sync:app:state" type="set"><sync><collection …/>…</sync></iq>``.

Each ``<collection name version [return_snapshot]>`` is a fetch (the patches after
``version``; with return_snapshot="true", a compacted collection's ``<snapshot>`` and
the patches after it) or, with ``<patch>`` children, an upload on top of ``version``. Every
collection is answered in its own ``<collection>``: ``type="result"``, or
``type="error"`` with ``<error code text>`` (409 when the version is not the
server's, 400 for an unknown collection or a patch that does not parse).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.sandbox import appstate
from wacli.sandbox.stanzas import iq_result

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection


async def sync(conn: Connection, node: Node) -> Node:
    assert conn.device_key is not None
    phone, device = conn.device_key
    request = node.require_child("sync")
    # A companion that syncs needs the key (if the account uses app state at all).
    await appstate.ensure_shared(conn.hub, phone, [device], create=False)
    answers: list[Node] = []
    seen: set[str] = set()
    for collection in request.children_named("collection"):
        name = collection.require_attr("name")
        if name not in appstate.COLLECTIONS or name in seen:
            answers.append(appstate.collection_error(name[:40], 400, "bad-request"))
            continue
        seen.add(name)
        version = collection.attr_int("version", 0)
        if not 0 <= version < 1 << 62:
            answers.append(appstate.collection_error(name, 400, "bad-request"))
            continue
        patches = collection.children_named("patch")
        if patches:
            raw = [p.content_bytes() for p in patches]
            answers.append(await appstate.upload(conn.hub, phone, device, name, version, raw))
        else:
            snapshot = collection.attr("return_snapshot") == "true"
            answers.append(appstate.fetch(conn.hub, phone, name, version, snapshot))
    return iq_result(node, [Node("sync", {}, answers)])
