"""Media retry: asking the phone to upload an expired file again (whatsmeow mediaretry.go,
Baileys encryptMediaRetryRequest / decodeMediaRetryNode), built and read here for the
client and the sandbox's phones alike.

The request is a receipt to our own account, which our phone takes:

    <receipt id=MESSAGE_ID to=OWN_USER type="server-error">
      <encrypt><enc_p>SEALED</enc_p><enc_iv>IV</enc_iv></encrypt>
      <rmr jid=CHAT from_me=true|false [participant=SENDER]/>
    </receipt>

SEALED is a ServerErrorReceipt {stanza_id} under AES-256-GCM with the key
HKDF-SHA256(media key, info "WhatsApp Media Retry Notification") and the message id as
associated data. The phone answers with

    <notification type="mediaretry" id=MESSAGE_ID from=OWN_USER t>
      <rmr jid from_me [participant]/>
      <encrypt><enc_p/><enc_iv/></encrypt> | <error code=RESULT/>
    </notification>

whose sealed MediaRetryNotification {stanza_id, direct_path, result} names where the
file lies now (result SUCCESS), or why it cannot be had (NOT_FOUND, DECRYPTION_ERROR,
GENERAL_ERROR).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from google.protobuf.message import DecodeError

from wacli.binary import Attrs, BinaryError, Node
from wacli.crypto.kdf import hkdf_sha256
from wacli.jid import JID, JIDError
from wacli.proto import e2e_pb2
from wacli.protocol.errors import MediaError

RETRY_INFO: Final = b"WhatsApp Media Retry Notification"
Result = e2e_pb2.MediaRetryNotification.ResultType


@dataclass(frozen=True, slots=True)
class MessageKey:
    """Which message's file: its id, its chat, whether we sent it, its sender in a group."""

    id: str
    chat: JID
    from_me: bool
    participant: JID | None = None


def retry_key(media_key: bytes) -> bytes:
    return hkdf_sha256(media_key, 32, info=RETRY_INFO)


def _seal(media_key: bytes, message_id: str, plain: bytes) -> tuple[bytes, bytes]:
    iv = os.urandom(12)
    return AESGCM(retry_key(media_key)).encrypt(iv, plain, message_id.encode()), iv


def _open(media_key: bytes, message_id: str, sealed: bytes, iv: bytes) -> bytes:
    try:
        return AESGCM(retry_key(media_key)).decrypt(iv, sealed, message_id.encode())
    except (InvalidTag, ValueError):
        raise MediaError(f"the media retry of {message_id} does not open with its key") from None


def _rmr(key: MessageKey) -> Node:
    attrs: Attrs = {"jid": key.chat, "from_me": "true" if key.from_me else "false"}
    if key.participant is not None:
        attrs["participant"] = key.participant
    return Node("rmr", attrs)


def _encrypt_node(sealed: bytes, iv: bytes) -> Node:
    return Node("encrypt", {}, [Node("enc_p", {}, sealed), Node("enc_iv", {}, iv)])


def parse_key(node: Node) -> MessageKey:
    """The message a retry receipt or notification is about (its id and ``<rmr>``)."""
    rmr = node.require_child("rmr")
    participant = rmr.attr("participant")
    return MessageKey(
        node.require_attr("id"),
        rmr.attr_jid("jid"),
        rmr.attr("from_me") == "true",
        rmr.attr_jid("participant") if participant else None,
    )


def _sealed_parts(node: Node) -> tuple[bytes, bytes]:
    encrypt = node.require_child("encrypt")
    return (
        encrypt.require_child("enc_p").content_bytes(),
        encrypt.require_child("enc_iv").content_bytes(),
    )


# -- the request (client) and what the phone reads of it -----------------------------------


def retry_receipt(own_user: JID, key: MessageKey, media_key: bytes) -> Node:
    """The server-error receipt asking our phone to upload ``key``'s file again."""
    request = e2e_pb2.ServerErrorReceipt(stanza_id=key.id).SerializeToString()
    sealed, iv = _seal(media_key, key.id, request)
    attrs: Attrs = {"id": key.id, "to": own_user, "type": "server-error"}
    return Node("receipt", attrs, [_encrypt_node(sealed, iv), _rmr(key)])


def open_retry_receipt(node: Node, media_key: bytes) -> MessageKey:
    """The message a retry receipt asks for, checked against ``media_key`` (MediaError
    when it does not open or names another message)."""
    try:
        key = parse_key(node)
        sealed, iv = _sealed_parts(node)
        request = e2e_pb2.ServerErrorReceipt.FromString(_open(media_key, key.id, sealed, iv))
    except (BinaryError, JIDError, DecodeError) as exc:
        raise MediaError(f"malformed media retry receipt: {exc}") from None
    if request.stanza_id != key.id:
        raise MediaError(f"the media retry receipt of {key.id} names {request.stanza_id}")
    return key


# -- the phone's answer and what the client reads of it --------------------------------------


def retry_notification(
    own_user: JID,
    key: MessageKey,
    media_key: bytes | None,
    direct_path: str | None,
    result: Result,
    t: int,
) -> Node:
    """The phone's answer: the new ``direct_path`` sealed under ``media_key``, or (without
    a key) ``<error code=result/>``."""
    attrs: Attrs = {"id": key.id, "from": own_user, "type": "mediaretry", "t": str(t)}
    if media_key is None:
        return Node("notification", attrs, [_rmr(key), Node("error", {"code": str(result)})])
    answer = e2e_pb2.MediaRetryNotification(stanza_id=key.id, result=result)
    if direct_path is not None:
        answer.direct_path = direct_path
    sealed, iv = _seal(media_key, key.id, answer.SerializeToString())
    return Node("notification", attrs, [_rmr(key), _encrypt_node(sealed, iv)])


@dataclass(frozen=True, slots=True)
class Reuploaded:
    direct_path: str | None  # where the file lies now (result SUCCESS)
    result: int  # a MediaRetryNotification.ResultType


def open_retry_notification(node: Node, media_key: bytes) -> Reuploaded:
    """What a mediaretry notification says (MediaError when it is malformed or does not
    open with ``media_key``)."""
    try:
        key = parse_key(node)
        error = node.child("error")
        if error is not None:
            return Reuploaded(None, int(error.attr("code") or Result.GENERAL_ERROR))
        sealed, iv = _sealed_parts(node)
        answer = e2e_pb2.MediaRetryNotification.FromString(_open(media_key, key.id, sealed, iv))
    except (BinaryError, JIDError, DecodeError, ValueError) as exc:
        raise MediaError(f"malformed mediaretry notification: {exc}") from None
    if answer.stanza_id and answer.stanza_id != key.id:
        raise MediaError(f"the mediaretry notification of {key.id} names {answer.stanza_id}")
    return Reuploaded(answer.direct_path or None, answer.result)
