"""Sending a 1:1 message (whatsmeow send.go, Baileys messages-send.ts).

1. the devices of the recipient and of our own account come from usync (usync.py);
2. a device without a Signal session gets one from its fetched prekey bundle
   (``<iq xmlns="encrypt" type="get"><key><user jid/>…</key></iq>``);
3. the padded Message is encrypted for each recipient device, and a DeviceSentMessage
   copy for each of our other devices;
4. ``<message id to type><participants><to jid><enc v=2 type/></to>…</participants>
   [<device-identity/> when any enc is a pkmsg][<tctoken/>|<cstoken/>]</message>`` goes
   out (the contact's privacy token last: wacli.client.privacy_tokens) and the server's
   ``<ack class="message" id>`` settles it; an ``error`` attribute is a refusal (463: no
   valid privacy token, after which our own token is issued to the contact);
5. once accepted, our own privacy token goes to the contact when it is due.

The Message builders are pure functions.
"""

from __future__ import annotations

import logging
import os
import time

from wacli.binary import Attrs, BinaryError, Node
from wacli.client import privacy_tokens
from wacli.client.connection import Connection
from wacli.client.errors import PrivacyTokenRequired, RefusedError, refused_message
from wacli.client.identity import accept_identity
from wacli.client.operations import Sent
from wacli.client.sessions import session_address
from wacli.client.usync import device_lists
from wacli.jid import JID, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.outgoing_message import device_sent_copy, edit_attr, message_type
from wacli.protocol.padding import pad_message
from wacli.protocol.prekeys import OneTimeKey, SignedKey, parse_bundle_user
from wacli.signal import PreKeyBundle, SessionCipher, process_prekey_bundle
from wacli.signal.errors import SignalError, UntrustedIdentityError
from wacli.store import Store

log = logging.getLogger(__name__)

# How long the server may take to acknowledge a message (seconds).
ACK_TIMEOUT = 30.0


def new_message_id() -> str:
    """A message id as WhatsApp Web makes them: ``3EB0`` and upper-case hex."""
    return "3EB0" + os.urandom(8).hex().upper()


# -- the Message protobufs (pure) -------------------------------------------------------------


def text_message(
    text: str,
    reply_to: str | None = None,
    quoted: e2e_pb2.Message | None = None,
    quoted_sender: str | None = None,
) -> e2e_pb2.Message:
    """Plain text, or an extendedTextMessage quoting ``reply_to`` (its id, and the quoted
    Message itself when we have it, so that the recipient can show it)."""
    message = e2e_pb2.Message()
    if reply_to is None:
        message.conversation = text
        return message
    extended = message.extended_text_message
    extended.text = text
    extended.context_info.stanza_id = reply_to
    if quoted_sender:
        extended.context_info.participant = quoted_sender
    if quoted is not None:
        extended.context_info.quoted_message.CopyFrom(quoted)
    return message


def _key(chat: JID, message_id: str, from_me: bool) -> dict[str, object]:
    return {"remote_jid": str(chat), "from_me": from_me, "id": message_id}


def reaction_message(
    chat: JID, message_id: str, emoji: str, from_me: bool = False
) -> e2e_pb2.Message:
    """A reaction to ``message_id`` in ``chat`` (an empty emoji removes it)."""
    message = e2e_pb2.Message()
    reaction = message.reaction_message
    for name, value in _key(chat, message_id, from_me).items():
        setattr(reaction.key, name, value)
    reaction.text = emoji
    reaction.sender_timestamp_ms = int(time.time() * 1000)
    return message


def edit_message(chat: JID, message_id: str, text: str) -> e2e_pb2.Message:
    """protocolMessage MESSAGE_EDIT of one of our own messages."""
    message = e2e_pb2.Message()
    protocol = message.protocol_message
    for name, value in _key(chat, message_id, True).items():
        setattr(protocol.key, name, value)
    protocol.type = e2e_pb2.ProtocolMessage.MESSAGE_EDIT
    protocol.edited_message.conversation = text
    protocol.timestamp_ms = int(time.time() * 1000)
    return message


def revoke_message(chat: JID, message_id: str) -> e2e_pb2.Message:
    """protocolMessage REVOKE ("delete for everyone") of one of our own messages."""
    message = e2e_pb2.Message()
    protocol = message.protocol_message
    for name, value in _key(chat, message_id, True).items():
        setattr(protocol.key, name, value)
    protocol.type = e2e_pb2.ProtocolMessage.REVOKE
    return message


# -- prekey bundles ---------------------------------------------------------------------------


def signal_bundle(
    device: int,
    registration_id: int,
    identity: bytes,
    signed: SignedKey,
    one_time: OneTimeKey | None,
) -> PreKeyBundle:
    """The keys a fetch answer or a retry receipt gave for ``device``, as Signal takes them."""
    return PreKeyBundle(
        registration_id=registration_id,
        device_id=device,
        identity_key=identity,
        signed_prekey_id=signed.key_id,
        signed_prekey=signed.public,
        signed_prekey_signature=signed.signature,
        prekey_id=None if one_time is None else one_time.key_id,
        prekey=None if one_time is None else one_time.public,
    )


def parse_bundle(user: Node) -> PreKeyBundle:
    """One ``<user jid>`` of a prekey fetch answer; BinaryError or SignalError when malformed."""
    bundle = parse_bundle_user(user)
    return signal_bundle(
        bundle.jid.device, bundle.registration_id, bundle.identity, bundle.signed, bundle.one_time
    )


async def fetch_bundles(conn: Connection, devices: list[JID]) -> dict[JID, PreKeyBundle]:
    """Prekey bundles of ``devices``; a device the server has none for is left out."""
    if not devices:
        return {}
    # reason="identity" on every fetch, as whatsmeow's fetchPreKeys sends it.
    users = [Node("user", {"jid": jid, "reason": "identity"}) for jid in devices]
    request = [Node("key", {}, users)]
    answer = await conn.iq("encrypt", "get", request)
    found: dict[JID, PreKeyBundle] = {}
    listing = answer.child("list")
    for user in listing.children_named("user") if listing is not None else []:
        if user.child("error") is not None:
            continue
        try:
            found[user.attr_jid("jid")] = parse_bundle(user)
        except (BinaryError, SignalError, JIDError):
            continue
    return found


# -- sending ---------------------------------------------------------------------------------


async def ensure_sessions(conn: Connection, store: Store, devices: list[JID]) -> list[JID]:
    """Start sessions with the devices that have none; returns the devices we can reach."""
    missing = [jid for jid in devices if not has_session(store, jid)]
    bundles = await fetch_bundles(conn, missing)
    reachable = []
    for jid in devices:
        if jid in missing:
            bundle = bundles.get(jid)
            if bundle is None:
                continue
            try:
                start_session(store, jid, bundle)
            except UntrustedIdentityError as exc:  # a key the device left: refused
                log.warning("not sending to %s: %s", jid, exc)
                continue
        reachable.append(jid)
    return reachable


def has_session(store: Store, jid: JID) -> bool:
    return SessionCipher(store, session_address(store, jid)).has_session()


def start_session(store: Store, jid: JID, bundle: PreKeyBundle) -> None:
    """A fresh session with ``jid`` from ``bundle``, replacing the current one."""
    address = session_address(store, jid)
    try:
        process_prekey_bundle(store, address, bundle)
    except UntrustedIdentityError:
        # -- identity change (wacli.client.identity): the bundle comes from the server,
        # which knows the device's current key (it reinstalled); trust it as phones do.
        if accept_identity(store, address, bundle.identity_key, jid):
            log.info("%s has a new identity key; trusted", jid)
        process_prekey_bundle(store, address, bundle)


def encrypt_for(store: Store, jid: JID, plaintext: bytes, **attrs: str) -> Node:
    """``<enc v=2 type=pkmsg|msg>`` of the padded ``plaintext`` for one device."""
    ciphertext = SessionCipher(store, session_address(store, jid)).encrypt(pad_message(plaintext))
    return Node("enc", {"v": "2", "type": ciphertext.type.enc_type, **attrs}, ciphertext.body)


def has_pkmsg(encs: list[Node]) -> bool:
    """Whether the stanza needs our ``<device-identity>`` (a pkmsg starts a session)."""
    return any(enc.attr("type") == "pkmsg" for enc in encs)


def settle(ack: Node, message_id: str, chat: JID) -> Sent:
    """The result of the server's ack; RefusedError when it carries an error."""
    refused_message(ack, message_id, chat)
    t = ack.attr("t")
    return Sent(message_id, chat, int(t) if t and t.isdigit() else int(time.time()))


async def send_message(
    conn: Connection,
    store: Store,
    own: JID,
    to: JID,
    message: e2e_pb2.Message,
    *,
    message_id: str | None = None,
    timeout: float = ACK_TIMEOUT,
) -> Sent:
    """Encrypt ``message`` for every device of ``to`` and our other devices, send it and
    wait for the server's ack. RefusedError on a negative ack, RequestTimeout without one."""
    chat = to.to_non_ad()
    message_id = message_id or new_message_id()
    account = store.load_account()
    assert account is not None
    lists = await device_lists(conn, store, [chat, own.to_non_ad()])
    theirs = lists.get(chat) or [chat.with_device(0)]
    ours = [jid for jid in lists.get(own.to_non_ad(), []) if jid.device != own.device]
    if chat.user == own.user:  # a note to ourselves: every device gets the plain message
        theirs, ours = theirs + ours, []
        theirs = [jid for jid in theirs if jid.device != own.device]
    reachable = set(await ensure_sessions(conn, store, theirs + ours))
    plain = message.SerializeToString()
    copy = device_sent_copy(chat, message).SerializeToString()
    participants = []
    with store.transaction():
        for jid in theirs:
            if jid in reachable:
                participants.append(Node("to", {"jid": jid}, [encrypt_for(store, jid, plain)]))
        for jid in ours:
            if jid in reachable:
                participants.append(Node("to", {"jid": jid}, [encrypt_for(store, jid, copy)]))
        # Kept before it goes out: a retry receipt may follow the ack at once.
        store.remember_sent(chat, message_id, plain)
    if not participants:
        raise RefusedError(f"{chat} has no device this account can encrypt for")
    attrs: Attrs = {"id": message_id, "to": chat, "type": message_type(message)}
    edit = edit_attr(message)
    if edit is not None:
        attrs["edit"] = edit
    content = [Node("participants", {}, participants)]
    if has_pkmsg([p.children[0] for p in participants]):
        content.append(Node("device-identity", {}, account.signed_identity))
    own_users = {own.user, parse_jid(account.lid).user if account.lid else own.user}
    to_contact = chat.user not in own_users  # not a note to our own devices
    token = privacy_tokens.message_child(store, chat) if to_contact else None
    if token is not None:
        content.append(token)
    ack = await conn.request(Node("message", attrs, content), timeout)
    try:
        sent = settle(ack, message_id, chat)
    except PrivacyTokenRequired:
        # What the official clients do: hand the contact our token (so they can reach us
        # and the next exchange has one), never resend on our own.
        await privacy_tokens.issue_quietly(conn, store, chat, force=True)
        raise
    if to_contact:
        await privacy_tokens.issue_quietly(conn, store, chat)
    return sent
