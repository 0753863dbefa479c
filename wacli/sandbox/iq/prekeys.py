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

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.jid import JID
from wacli.protocol.prekeys import (
    Bundle,
    OneTimeKey,
    bundle_user_node,
    digest_node,
    parse_signed_key,
    parse_upload,
)
from wacli.sandbox.stanzas import iq_error, iq_result, prekeys_low
from wacli.sandbox.state import Device

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

# Below this many one-time prekeys the server tells the device to upload more
# (whatsmeow's MinPreKeyCount).
LOW_PREKEYS = 5
MAX_UPLOAD = 2000  # prekeys per upload; clients send 30 to 812


async def upload_or_rotate(conn: Connection, node: Node) -> Node:
    assert conn.device_key is not None  # the router requires a login
    phone, device = conn.device_key
    state = conn.hub.state
    rotate = node.child("rotate")
    if rotate is not None:
        state.set_signed_prekey(phone, device, parse_signed_key(rotate.require_child("skey")))
        return iq_result(node)
    if len(node.require_child("list").children_named("key")) > MAX_UPLOAD:
        return iq_error(node, 406)
    upload = parse_upload(node, MAX_UPLOAD)
    known = state.device(phone, device)
    if known is None:
        return iq_error(node, 401)
    if upload.identity != known.identity_public:
        # The identity is the one the phone vouched for at pairing; it cannot change.
        return iq_error(node, 406)
    with state.transaction():
        state.set_registration(phone, device, upload.registration_id, upload.identity)
        state.set_signed_prekey(phone, device, upload.signed)
        state.add_prekeys(phone, device, [(key.key_id, key.public) for key in upload.keys])
    conn.hub.low_prekeys_notified.discard((phone, device))
    return iq_result(node)


async def count(conn: Connection, node: Node) -> Node:
    assert conn.device_key is not None
    phone, device = conn.device_key
    value = conn.hub.state.count_prekeys(phone, device)
    return iq_result(node, [Node("count", {"value": str(value)})])


async def digest(conn: Connection, node: Node) -> Node:
    assert conn.device_key is not None
    phone, device_id = conn.device_key
    state = conn.hub.state
    device = state.device(phone, device_id)
    if device is None or device.signed_prekey is None:
        return iq_error(node, 404)
    held = zip(
        state.prekey_ids(phone, device_id), state.prekey_publics(phone, device_id), strict=True
    )
    keys = [OneTimeKey(key_id, public) for key_id, public in held]
    answer = digest_node(device.registration_id, device.identity_public, device.signed_prekey, keys)
    return iq_result(node, [answer])


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
    taken = conn.hub.take_prekey(device.phone, device.device)
    if device.device:
        await _warn_if_low(conn, device.phone, device.device)
    bundle = Bundle(
        jid=jid,
        registration_id=device.registration_id,
        identity=device.identity_public,
        signed=device.signed_prekey,
        one_time=None if taken is None else OneTimeKey(*taken),
    )
    return bundle_user_node(bundle)


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
