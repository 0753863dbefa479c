"""Posting a status update (whatsmeow broadcast.go and sendGroup; Baileys relayMessage to
``status@broadcast`` with a statusJidList).

1. the audience: the users named (``wacli status post --to``, Baileys' statusJidList), else
   the address book — archived contacts with a name of their own (from the phone's
   app-state contacts), not those known only by push name, as whatsmeow counts them —
   filtered by the account's status privacy (wacli.protocol.status_privacy); our own
   user is added so that our other devices see what we posted;
2. the status is encrypted once with our sender key for ``status@broadcast``
   (wacli.signal.group); the key goes pairwise to every device of the audience on every
   post: neither whatsmeow nor Baileys remember who holds a status key, and the server
   delivers a status to the devices it names;
3. ``<message to="status@broadcast" id type><participants><to jid><enc/></to>…
   </participants><enc v=2 type=skmsg/>[<device-identity/>]</message>``, settled by the
   server's ack. A status is not filed in the archive as a chat; its plaintext is kept
   for a while, as every sent message's is, to answer retry receipts.
"""

from __future__ import annotations

from pathlib import Path

from wacli.binary import Attrs, Node
from wacli.client.connection import Connection
from wacli.client.errors import IqError, RefusedError, Unsendable
from wacli.client.group_send import distribution_message, sender_key_name
from wacli.client.media import file_message_parts
from wacli.client.operations import Sent
from wacli.client.send import (
    ACK_TIMEOUT,
    encrypt_for,
    ensure_sessions,
    has_pkmsg,
    new_message_id,
    settle,
)
from wacli.client.usync import device_lists
from wacli.jid import JID, STATUS_BROADCAST_JID, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.outgoing_message import message_type
from wacli.protocol.padding import pad_message
from wacli.protocol.status_privacy import (
    CONTACTS,
    STATUS_XMLNS,
    StatusPrivacy,
    parse_status_privacy,
    privacy_request_content,
)
from wacli.signal.group import GroupCipher, GroupSessionBuilder
from wacli.store import Store
from wacli.store.archive import Archive

STATUS_MEDIA = ("image", "video")
MAX_AUDIENCE = 5000  # users one status goes to (an address book's order of size)


def check_status_file(name: str) -> None:
    """Unsendable unless ``name`` is an image or a video, what a status shows."""
    kind, mimetype = file_message_parts(Path(name))
    if kind not in STATUS_MEDIA:
        raise Unsendable(f"{name} is {mimetype}; a status shows an image or a video")


def address_book(store: Store) -> list[JID]:
    """The users of the address book: archived contacts with a name of their own."""
    users = []
    for contact in Archive(store).contacts():
        if not contact.full_name:
            continue  # known by push name only: not someone the user saved
        for text in (contact.jid, contact.phone_jid):
            try:
                jid = parse_jid(text).to_non_ad() if text else None
            except JIDError:
                jid = None
            if jid is not None and jid.is_pn:
                users.append(jid)
                break
    return users


async def status_privacy(conn: Connection) -> StatusPrivacy:
    """The account's status privacy; a server without one (404, or 501 from one that
    does not know the request) means "contacts", as whatsmeow reads it."""
    try:
        answer = await conn.iq(STATUS_XMLNS, "get", privacy_request_content())
    except IqError as exc:
        if exc.code in (404, 501):
            return CONTACTS
        raise
    return parse_status_privacy(answer)


async def audience(conn: Connection, store: Store, named: list[JID] | None) -> list[JID]:
    """The users who see the status: ``named``, else the address book as the account's
    status privacy filters it."""
    if named is not None:
        users = named
    else:
        users = (await status_privacy(conn)).audience(address_book(store))
    return list(dict.fromkeys(user.to_non_ad() for user in users))[:MAX_AUDIENCE]


async def post_status(
    conn: Connection,
    store: Store,
    own: JID,
    message: e2e_pb2.Message,
    named: list[JID] | None = None,
    *,
    timeout: float = ACK_TIMEOUT,
) -> Sent:
    """Send ``message`` as a status to its audience (see the module); Unsendable when no
    one would see it, RefusedError when none of them has a device or the server refuses."""
    viewers = await audience(conn, store, named)
    if not viewers:
        raise Unsendable(
            "no one would see this status: the address book has no contacts the status "
            "privacy allows; name its viewers with --to"
        )
    users = list(dict.fromkeys([*viewers, own.to_non_ad()]))
    lists = await device_lists(conn, store, users)
    devices = [
        jid for user in users for jid in lists.get(user) or [user.with_device(0)] if jid != own
    ]
    broadcast = STATUS_BROADCAST_JID
    name = sender_key_name(broadcast, own)
    message_id = new_message_id()
    plain = message.SerializeToString()
    with store.transaction():
        skdm = GroupSessionBuilder(store).create(name).serialize()
    reachable = await ensure_sessions(conn, store, devices)
    if not any(jid.user != own.user for jid in reachable):
        raise RefusedError("none of the status's viewers has a device to send it to")
    distribution = distribution_message(broadcast, skdm).SerializeToString()
    with store.transaction():
        tos = [
            Node("to", {"jid": jid}, [encrypt_for(store, jid, distribution)]) for jid in reachable
        ]
        skmsg = GroupCipher(store, name).encrypt(pad_message(plain))
        store.remember_sent(broadcast, message_id, plain)
    attrs: Attrs = {"id": message_id, "to": broadcast, "type": message_type(message)}
    content = [Node("participants", {}, tos), Node("enc", {"v": "2", "type": "skmsg"}, skmsg)]
    if has_pkmsg([to.children[0] for to in tos]):
        account = store.load_account()
        assert account is not None
        content.append(Node("device-identity", {}, account.signed_identity))
    ack = await conn.request(Node("message", attrs, content), timeout)
    return settle(ack, message_id, broadcast)
