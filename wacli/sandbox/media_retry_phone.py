"""Expired media, and the phone that uploads it again (docs/sandbox-admin.md, "Media").

``POST /admin/media/expire {"direct_path"}`` makes the media host drop a file: a GET of
that path answers 404, as WhatsApp's hosts do for old files. A companion that wants it
sends its account a media retry receipt (wacli.protocol.media_retry); the server relays
it to the account's devices like any receipt, and the account's phone — which keeps every
message it sent or received, media keys and all, as a phone does — opens it with the
message's media key, uploads the file again (a new direct path) and answers the asking
device with ``<notification type="mediaretry">`` naming the new path. A message the phone
does not have is answered NOT_FOUND; a receipt that does not open, DECRYPTION_ERROR (the
``<error code>`` whatsmeow and Baileys read).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.jid import JIDError
from wacli.proto import e2e_pb2
from wacli.protocol.errors import MediaError
from wacli.protocol.media_message import MediaRef
from wacli.protocol.media_retry import (
    MessageKey,
    Result,
    open_retry_receipt,
    parse_key,
    retry_notification,
)
from wacli.protocol.message_model import classify
from wacli.sandbox.delivery import deliver, resolve, user_jid
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.phone import now

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)


def add_routes(router: Router, hub: Hub) -> None:
    async def expire(request: Request) -> Response:
        body = request.json()
        path = body.get("direct_path") if isinstance(body, dict) else None
        if not isinstance(path, str) or not hub.media.expire(path):
            raise HttpError(404, "'direct_path' names no media of this sandbox")
        return Response.json({"expired": path})

    router.add("POST", "/admin/media/expire", expire)


def is_media_retry(node: Node) -> bool:
    """Whether a receipt for a phone asks it to upload a file again."""
    return node.tag == "receipt" and node.attr("type") == "server-error"


def _kept_media(hub: Hub, phone: str, message_id: str) -> MediaRef | None:
    """The file of a message the phone sent or received, by id."""
    sent = hub.phone(phone).sent.get(message_id)
    kept = [sent.plain] if sent is not None else []
    kept += [entry.message for entry in hub.state.inbox(phone) if entry.id == message_id]
    for plain in kept:
        try:
            media = classify(e2e_pb2.Message.FromString(plain)).media
        except DecodeError:
            continue
        if media is not None and media.ref is not None:
            return media.ref
    return None


async def phone_answers_media_retry(hub: Hub, phone: str, node: Node) -> None:
    """The phone of ``phone`` gets a companion's media retry receipt (see the module)."""
    account = hub.state.account(phone)
    assert account is not None
    try:
        asking = node.attr_jid("from")
        key = parse_key(node)
        resolve(hub, asking.to_non_ad())
    except (BinaryError, JIDError, MediaError) as exc:
        log.info("the phone of %s ignores a media retry receipt: %s", phone, exc)
        return
    if asking.user not in (account.phone, account.lid):
        return  # only our own companions ask our phone
    ref = _kept_media(hub, phone, key.id)
    answer = await _reupload(hub, key, ref, node)
    own = user_jid(account, asking.is_lid)
    result, media_key, direct_path = answer
    notification = retry_notification(own, key, media_key, direct_path, result, now())
    await deliver(hub, phone, asking.device, notification)
    hub.stats["phone_media_reuploads"] += int(result == Result.SUCCESS)


async def _reupload(
    hub: Hub, key: MessageKey, ref: MediaRef | None, node: Node
) -> tuple[Result, bytes | None, str | None]:
    """(result, the media key to seal the answer with or None for an <error>, new path)."""
    if ref is None:
        return Result.NOT_FOUND, None, None
    try:
        open_retry_receipt(node, ref.media_key)
    except MediaError as exc:
        log.info("media retry of %s does not open: %s", key.id, exc)
        return Result.DECRYPTION_ERROR, None, None
    renewed = hub.media.renew(ref.direct_path)
    if renewed is None:
        return Result.NOT_FOUND, ref.media_key, None
    return Result.SUCCESS, ref.media_key, renewed
