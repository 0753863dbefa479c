"""Keeping one-time prekeys on the server (whatsmeow prekeys.go, Baileys socket.ts).

``<iq xmlns="encrypt" type="get"><count/></iq>`` answers ``<count value="N"/>``; when
N is low the client uploads fresh keys: ``<iq xmlns="encrypt" type="set">`` with
``registration`` (4 bytes), ``type`` (0x05), ``identity`` (32 bytes), ``list`` of
``<key><id>3 bytes</id><value>32 bytes</value></key>`` and the signed prekey as
``<skey><id/><value/><signature/></skey>``. The server also says when they run low:
``<notification type="encrypt" from="s.whatsapp.net"><count value="N"/></notification>``.
"""

from __future__ import annotations

import logging

from wacli.binary import Node
from wacli.client.connection import Connection
from wacli.client.dispatcher import Outcome
from wacli.signal.device import ensure_identity, new_prekeys, rotate_signed_prekey
from wacli.store import Store
from wacli.store.records import PreKeyRecord, SignedPreKeyRecord

log = logging.getLogger(__name__)

MIN_PREKEYS = 5
UPLOAD_COUNT = 50


def _key_node(record: PreKeyRecord) -> Node:
    return Node(
        "key",
        content=[
            Node("id", content=record.key_id.to_bytes(3, "big")),
            Node("value", content=record.key_pair.public),
        ],
    )


def _signed_key_node(record: SignedPreKeyRecord) -> Node:
    return Node(
        "skey",
        content=[
            Node("id", content=record.key_id.to_bytes(3, "big")),
            Node("value", content=record.key_pair.public),
            Node("signature", content=record.signature),
        ],
    )


def upload_nodes(
    registration_id: int,
    identity_public: bytes,
    prekeys: list[PreKeyRecord],
    signed: SignedPreKeyRecord,
) -> list[Node]:
    """The content of the upload IQ."""
    return [
        Node("registration", content=registration_id.to_bytes(4, "big")),
        Node("type", content=b"\x05"),
        Node("identity", content=identity_public),
        Node("list", content=[_key_node(record) for record in prekeys]),
        _signed_key_node(signed),
    ]


async def server_prekey_count(conn: Connection) -> int:
    answer = await conn.iq("encrypt", "get", [Node("count")])
    return answer.require_child("count").attr_int("value")


async def refill_prekeys(conn: Connection, store: Store, *, minimum: int = MIN_PREKEYS) -> int:
    """Upload UPLOAD_COUNT new prekeys when the server holds fewer than ``minimum``.

    Returns how many were uploaded (0 when the server had enough).
    """
    count = await server_prekey_count(conn)
    if count >= minimum:
        return 0
    return await upload_prekeys(conn, store, count)


async def upload_prekeys(conn: Connection, store: Store, server_count: int) -> int:
    own = ensure_identity(store)
    signed = store.latest_signed_prekey() or rotate_signed_prekey(store)
    records = new_prekeys(store, UPLOAD_COUNT)
    log.info("the server holds %d prekeys; uploading %d", server_count, len(records))
    await conn.iq(
        "encrypt",
        "set",
        upload_nodes(own.registration_id, own.identity.public, records, signed),
    )
    with store.transaction():
        store.mark_prekeys_uploaded([record.key_id for record in records])
    return len(records)


class PrekeyRefill:
    """The feature handler for the server's low-prekey notification: upload, then ack."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn: Connection | None = None

    def attach(self, conn: Connection) -> None:
        self._conn = conn

    async def handle(self, node: Node) -> Outcome | None:
        if node.tag != "notification" or node.attr("type") != "encrypt":
            return None
        count = node.child("count")
        sender = node.attr("from")
        if count is None or (sender is not None and sender != "s.whatsapp.net"):
            return None  # identity changes of contacts: a later wave's handler
        left = count.attr_int("value")
        if left < MIN_PREKEYS and self._conn is not None:
            await upload_prekeys(self._conn, self._store, left)
        return Outcome()  # the standard ack, once the upload was answered
