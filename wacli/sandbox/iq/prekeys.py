"""Signal prekeys (xmlns encrypt): upload, signed prekey rotation, count, digest, fetch.

Shapes (whatsmeow prekeys.go, Baileys, whatsapp-rust wacore/iq/prekeys.rs):
upload ``<registration>4B</registration><type>5</type><identity>32B</identity>
<list><key><id>3B</id><value>32B</value></key>…</list><skey><id/><value/><signature/></skey>``;
count answers ``<count value="N"/>``; digest answers the bundle the server holds
with ``<hash>`` = SHA-1(identity ‖ skey ‖ skey signature ‖ each prekey); fetch
answers ``<list><user jid=…><registration/><type/><identity/><skey/>[<key/>]</user>``
and hands each one-time prekey out once. A device left with fewer than five
gets ``<notification type="encrypt"><count value="N"/></notification>``.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from wacli.binary import Node, NodeError
from wacli.jid import JID
from wacli.sandbox.stanzas import iq_error, iq_result, prekeys_low
from wacli.sandbox.state import Device, SignedPreKey

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

KEY_BUNDLE_TYPE = b"\x05"
# Below this many one-time prekeys the server tells the device to upload more
# (whatsmeow's MinPreKeyCount).
LOW_PREKEYS = 5
MAX_UPLOAD = 2000  # prekeys per upload; clients send 30 to 812


def _uint(node: Node, size: int) -> int:
    data = node.content_bytes()
    if len(data) != size:
        raise NodeError(f"<{node.tag}> is {len(data)} bytes, not {size}")
    return int.from_bytes(data, "big")


def _key32(node: Node) -> bytes:
    data = node.content_bytes()
    if len(data) != 32:
        raise NodeError(f"<{node.tag}> is not a 32-byte key")
    return data


def _signed_prekey(node: Node) -> SignedPreKey:
    signature = node.require_child("signature").content_bytes()
    if len(signature) != 64:
        raise NodeError("<skey><signature> is not 64 bytes")
    return SignedPreKey(
        _uint(node.require_child("id"), 3), _key32(node.require_child("value")), signature
    )


async def upload_or_rotate(conn: Connection, node: Node) -> Node:
    phone, device = conn.device_key  # type: ignore[misc]  # the router requires a login
    state = conn.hub.state
    rotate = node.child("rotate")
    if rotate is not None:
        state.set_signed_prekey(phone, device, _signed_prekey(rotate.require_child("skey")))
        return iq_result(node)
    registration = _uint(node.require_child("registration"), 4)
    identity = _key32(node.require_child("identity"))
    skey = _signed_prekey(node.require_child("skey"))
    keys = [
        (_uint(key.require_child("id"), 3), _key32(key.require_child("value")))
        for key in node.require_child("list").children_named("key")
    ]
    if len(keys) > MAX_UPLOAD:
        return iq_error(node, 406)
    known = state.device(phone, device)
    if known is None:
        return iq_error(node, 401)
    if identity != known.identity_public:
        # The identity is the one the phone vouched for at pairing; it cannot change.
        return iq_error(node, 406)
    with state.transaction():
        state.set_registration(phone, device, registration, identity)
        state.set_signed_prekey(phone, device, skey)
        state.add_prekeys(phone, device, keys)
    conn.hub.low_prekeys_notified.discard((phone, device))
    return iq_result(node)


async def count(conn: Connection, node: Node) -> Node:
    phone, device = conn.device_key  # type: ignore[misc]
    value = conn.hub.state.count_prekeys(phone, device)
    return iq_result(node, [Node("count", {"value": str(value)})])


def _skey_node(skey: SignedPreKey) -> Node:
    return Node(
        "skey",
        {},
        [
            Node("id", {}, skey.key_id.to_bytes(3, "big")),
            Node("value", {}, skey.public),
            Node("signature", {}, skey.signature),
        ],
    )


async def digest(conn: Connection, node: Node) -> Node:
    phone, device_id = conn.device_key  # type: ignore[misc]
    state = conn.hub.state
    device = state.device(phone, device_id)
    if device is None or device.signed_prekey is None:
        return iq_error(node, 404)
    skey = device.signed_prekey
    ids = state.prekey_ids(phone, device_id)
    publics = state.prekey_publics(phone, device_id)
    hashed = hashlib.sha1(
        device.identity_public + skey.public + skey.signature + b"".join(publics),
        usedforsecurity=False,
    ).digest()
    return iq_result(
        node,
        [
            Node(
                "digest",
                {},
                [
                    Node("registration", {}, device.registration_id.to_bytes(4, "big")),
                    Node("type", {}, KEY_BUNDLE_TYPE),
                    Node("identity", {}, device.identity_public),
                    _skey_node(skey),
                    Node("list", {}, [Node("id", {}, i.to_bytes(3, "big")) for i in ids]),
                    Node("hash", {}, hashed),
                ],
            )
        ],
    )


async def _warn_if_low(conn: Connection, phone: str, device: int) -> None:
    """Tell a device once that its one-time prekeys run low (until it uploads more)."""
    hub = conn.hub
    left = hub.state.count_prekeys(phone, device)
    key = (phone, device)
    target = hub.logged_in.get(key)
    if left >= LOW_PREKEYS or target is None or key in hub.low_prekeys_notified:
        return
    hub.low_prekeys_notified.add(key)
    await target.send(prekeys_low(left))


async def bundle_node(conn: Connection, jid: JID, device: Device) -> Node:
    """One device's prekey bundle, taking one of its one-time prekeys if any is left."""
    assert device.signed_prekey is not None
    content = [
        Node("registration", {}, device.registration_id.to_bytes(4, "big")),
        Node("type", {}, KEY_BUNDLE_TYPE),
        Node("identity", {}, device.identity_public),
        _skey_node(device.signed_prekey),
    ]
    taken = conn.hub.take_prekey(device.phone, device.device)
    if device.device:
        await _warn_if_low(conn, device.phone, device.device)
    if taken is not None:
        key_id, public = taken
        content.append(
            Node("key", {}, [Node("id", {}, key_id.to_bytes(3, "big")), Node("value", {}, public)])
        )
    return Node("user", {"jid": jid}, content)


async def fetch(conn: Connection, node: Node) -> Node:
    hub = conn.hub
    users = []
    for request in node.require_child("key").children_named("user"):
        jid = request.attr_jid("jid")
        account = hub.account_of(jid)
        device = None if account is None else hub.device_record(account.phone, jid.device)
        if device is None or device.signed_prekey is None:
            error = Node("error", {"code": "404", "text": "item-not-found"})
            users.append(Node("user", {"jid": jid}, [error]))
            continue
        users.append(await bundle_node(conn, jid, device))
    return iq_result(node, [Node("list", {}, users)])
