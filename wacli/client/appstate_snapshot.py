"""Download an app-state snapshot the server points to (``<snapshot>`` in a sync answer).

The ``<snapshot>`` node holds an ExternalBlobReference; the blob is an encrypted
``md-app-state`` media file on the hosts media_conn names. It is fetched over https
(certificates checked against ``media_ca`` when given, as for other media), its MAC and
both SHA-256s checked, decrypted and parsed (wacli.protocol.appstate_snapshot); what it
holds is verified by the caller with appstate_patch.decode_snapshot.
"""

from __future__ import annotations

import time

from wacli.binary import BinaryError, Node
from wacli.client.connection import Requests
from wacli.client.media import MediaConnError, fetch_encrypted, parse_media_conn
from wacli.proto import syncd_pb2
from wacli.protocol.appstate_snapshot import MEDIA_TYPE, open_snapshot, parse_reference
from wacli.protocol.errors import AppStateError
from wacli.protocol.media_message import blob_ref

MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024  # a whole collection; real ones are far smaller


async def media_hosts(conn: Requests) -> tuple[str, ...]:
    result = await conn.iq("w:m", "set", [Node("media_conn", {}, [])])
    try:
        info = parse_media_conn(result, time.monotonic())
    except BinaryError as exc:
        raise MediaConnError(f"malformed media_conn answer: {exc}") from None
    return tuple(host.hostname for host in info.hosts)


async def fetch_snapshot(
    conn: Requests, node: Node, media_ca: str | None = None
) -> syncd_pb2.SyncdSnapshot:
    """The SyncdSnapshot a ``<snapshot>`` node points to. AppStateError when the reference
    or the blob is bad; the client's own errors (http, media_conn) when it cannot be had."""
    try:
        raw = node.content_bytes()
    except BinaryError as exc:
        raise AppStateError(f"the <snapshot> holds no reference: {exc}") from None
    ref = parse_reference(raw)
    media = blob_ref(
        "app-state",
        MEDIA_TYPE,
        ref.direct_path,
        ref.media_key,
        ref.file_sha256,
        ref.file_enc_sha256,
        ref.file_size_bytes,
    )
    hosts = await media_hosts(conn)
    blob = await fetch_encrypted(
        media, media_ca=media_ca, hosts=hosts, max_bytes=MAX_SNAPSHOT_BYTES
    )
    return open_snapshot(blob, ref)  # checked (MAC, both SHA-256s), decrypted, parsed
