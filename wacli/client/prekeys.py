"""Keeping one-time prekeys on the server (whatsmeow prekeys.go, Baileys socket.ts).

``<iq xmlns="encrypt" type="get"><count/></iq>`` answers ``<count value="N"/>``; when
N is low the client uploads fresh keys: ``<iq xmlns="encrypt" type="set">`` with
``registration`` (4 bytes), ``type`` (0x05), ``identity`` (32 bytes), ``list`` of
``<key><id>3 bytes</id><value>32 bytes</value></key>`` and the signed prekey as
``<skey><id/><value/><signature/></skey>``. The server also says when they run low:
``<notification type="encrypt" from="s.whatsapp.net"><count value="N"/></notification>``.
Once a day a login also checks the server's digest of our bundle (wacli.protocol.
prekeys) and uploads again when it is missing or does not match.
"""

from __future__ import annotations

import logging
import time

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.client.dispatcher import Outcome
from wacli.client.errors import IqError
from wacli.protocol.prekeys import (
    Digest,
    OneTimeKey,
    SignedKey,
    Upload,
    digest_hash,
    parse_digest,
    upload_content,
)
from wacli.signal.device import ensure_identity, new_prekeys, rotate_signed_prekey
from wacli.store import Store
from wacli.store.records import PreKeyRecord, SignedPreKeyRecord
from wacli.store.rule_tables import DIGEST_CHECKED_AT

log = logging.getLogger(__name__)

MIN_PREKEYS = 5
UPLOAD_COUNT = 50


def upload_nodes(
    registration_id: int,
    identity_public: bytes,
    prekeys: list[PreKeyRecord],
    signed: SignedPreKeyRecord,
) -> list[Node]:
    """The content of the upload IQ."""
    upload = Upload(
        registration_id,
        identity_public,
        tuple(OneTimeKey(record.key_id, record.key_pair.public) for record in prekeys),
        SignedKey(signed.key_id, signed.key_pair.public, signed.signature),
    )
    return upload_content(upload)


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


DIGEST_EVERY = 24 * 3600  # seconds between two digest checks of one store


async def check_digest(conn: Connection, store: Store, *, at: int | None = None) -> bool:
    """Compare what the server holds of our key bundle with what we hold (at most once a
    day); a bundle the server lacks or holds wrongly is uploaded again. Whether it was."""
    now = int(time.time()) if at is None else at
    checked = store.setting_text(DIGEST_CHECKED_AT)
    if checked and checked.isdigit() and 0 <= now - int(checked) < DIGEST_EVERY:
        return False
    try:
        answer: Digest | None = parse_digest(await conn.iq("encrypt", "get", [Node("digest")]))
    except IqError as exc:
        if exc.code != 404:
            log.warning("the server did not give the prekey digest: %s", exc)
            return False
        answer = None  # it holds no bundle of ours
    except BinaryError as exc:
        log.warning("the server's prekey digest is malformed: %s", exc)
        return False
    repair = answer is None or not _digest_matches(store, answer)
    if repair:
        log.warning("the server's copy of our prekeys is wrong or missing; uploading again")
        await upload_prekeys(conn, store, 0)
    with store.transaction():
        store.set_setting(DIGEST_CHECKED_AT, str(now))
    return repair


def _digest_matches(store: Store, digest: Digest) -> bool:
    own = store.load_device_identity()
    signed = store.load_signed_prekey(digest.signed.key_id)
    if own is None or signed is None:
        return False
    if digest.registration_id != own.registration_id or digest.identity != own.identity.public:
        return False
    if (signed.key_pair.public, signed.signature) != (
        digest.signed.public,
        digest.signed.signature,
    ):
        return False
    publics = []
    for key_id in digest.prekey_ids:
        record = store.load_prekey(key_id)
        if record is None:
            return False
        publics.append(record.key_pair.public)
    expected = digest_hash(own.identity.public, signed.key_pair.public, signed.signature, publics)
    return expected == digest.hash
