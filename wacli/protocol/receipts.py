"""Retry receipts, both sides (whatsmeow retry.go, Baileys messages-recv.ts sendRetryRequest).

A device that cannot decrypt a message asks its sender for it again:
``<receipt type="retry" id …><retry count id t v="1"/><registration>4 bytes
</registration>[<keys><type>0x05</type><identity/><key><id/><value/></key><skey><id/>
<value/><signature/></skey><device-identity/></keys>]</receipt>``; ``keys`` (from the
second retry on) offer a fresh session, so the sender need not fetch a bundle. The sender
encrypts the message once more, with ``count`` on its ``<enc>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.binary import Node
from wacli.jid import JID
from wacli.protocol.prekeys import (
    KEY_BUNDLE_TYPE,
    OneTimeKey,
    SignedKey,
    fixed_uint,
    key32,
    one_time_key_node,
    parse_one_time_key,
    parse_signed_key,
    signed_key_node,
)


@dataclass(frozen=True, slots=True)
class RetryRequest:
    """What a retry receipt asks for: message ``message_id``, the ``count``-th time."""

    message_id: str
    count: int
    t: str | None  # the time of the message as the asking device saw it


@dataclass(frozen=True, slots=True)
class RetryKeys:
    """The keys a retry receipt offers for a fresh session."""

    identity: bytes  # 32-byte public identity key
    one_time: OneTimeKey | None
    signed: SignedKey
    device_identity: bytes  # the asking device's signed ADV identity (a phone has none)


def retry_content(
    request: RetryRequest, registration_id: int, keys: RetryKeys | None
) -> list[Node]:
    """The children of a retry receipt."""
    attrs: dict[str, str | JID | None] = {
        "count": str(request.count),
        "id": request.message_id,
        "t": request.t or "",
        "v": "1",
    }
    content = [
        Node("retry", attrs),
        Node("registration", {}, registration_id.to_bytes(4, "big")),
    ]
    if keys is not None:
        content.append(retry_keys_node(keys))
    return content


def retry_keys_node(keys: RetryKeys) -> Node:
    parts = [Node("type", {}, KEY_BUNDLE_TYPE), Node("identity", {}, keys.identity)]
    if keys.one_time is not None:
        parts.append(one_time_key_node(keys.one_time))
    parts += [signed_key_node(keys.signed), Node("device-identity", {}, keys.device_identity)]
    return Node("keys", {}, parts)


def parse_retry(receipt: Node) -> RetryRequest:
    """The request of a ``<receipt type="retry">``; BinaryError when it has no ``<retry>``."""
    retry = receipt.require_child("retry")
    return RetryRequest(
        message_id=retry.attr("id") or receipt.require_attr("id"),
        count=retry.attr_int("count", 1),
        t=retry.attr("t"),
    )


def parse_retry_keys(receipt: Node) -> tuple[int, RetryKeys] | None:
    """The registration id and the keys a retry receipt offers; None without ``<keys>``.
    BinaryError when they are malformed."""
    keys = receipt.child("keys")
    if keys is None:
        return None
    identity = keys.require_child("identity")
    raw = identity.content_bytes()
    if len(raw) == 33 and raw[:1] == KEY_BUNDLE_TYPE:  # the type byte some clients keep
        identity = Node("identity", {}, raw[1:])
    key = keys.child("key")
    device_identity = keys.child("device-identity")
    offered = RetryKeys(
        identity=key32(identity),
        one_time=None if key is None else parse_one_time_key(key),
        signed=parse_signed_key(keys.require_child("skey")),
        device_identity=b"" if device_identity is None else device_identity.content_bytes(),
    )
    return fixed_uint(receipt.require_child("registration"), 4), offered
