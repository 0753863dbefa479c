"""Retry receipts (whatsmeow retry.go, Baileys messages-recv sendRetryRequest /
message-retry-manager).

A device that could not decrypt one of our messages answers with ``<receipt
type="retry" from=DEVICE [participant] [recipient] id><retry count id t v/>
<registration/>[<keys><type/><identity/><key/><skey/><device-identity/></keys>]
</receipt>``. We look the message up among those we sent lately (the store keeps
their plaintext), start a fresh session when the receipt brings a prekey bundle (or
fetch one when we have no session or it is not the first retry), and send the message
again to that one device: ``<message to=DEVICE|GROUP id type t [participant]
[recipient] [device_fanout=false]><enc v=2 type count/>[<device-identity/>]</message>``.
A group message comes back with our SenderKeyDistributionMessage inside; one of our own
devices gets it wrapped as a DeviceSentMessage. Each device is answered at most
MAX_RETRIES times per message.

On the receiving side, from the second retry receipt of a message on we offer our
keys in it (``retry_keys``) so that the sender can start over without a prekey fetch.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import anyio
from google.protobuf.message import DecodeError

from wacli.binary import Attrs, BinaryError, Node
from wacli.client.connection import Connection
from wacli.client.dispatcher import Outcome
from wacli.client.errors import ClientError
from wacli.client.group_send import distribution_message, sender_key_name
from wacli.client.send import (
    encrypt_for,
    fetch_bundles,
    has_session,
    signal_bundle,
    start_session,
)
from wacli.jid import JID, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.message_source import parse_source
from wacli.protocol.outgoing_message import device_sent_copy, edit_attr, message_type
from wacli.protocol.prekeys import OneTimeKey, SignedKey
from wacli.protocol.receipts import RetryKeys, parse_retry, parse_retry_keys
from wacli.signal import PreKeyBundle, SignalError
from wacli.signal.device import new_prekeys
from wacli.signal.group import GroupSessionBuilder
from wacli.store import Store

log = logging.getLogger(__name__)

MAX_RETRIES = 5  # resends per message and device; a higher count in a receipt is ignored
CONNECTION_WAIT = 30.0  # how long a retry waits for the login to finish before a key fetch

Fallback = Callable[[Node], Awaitable[Outcome | None]]


class RetryError(ProtocolError):
    """A retry receipt whose keys are malformed (a ProtocolError, like every malformed
    stanza the client reads)."""


# -- the keys we offer in our own retry receipts ------------------------------------------------


def retry_keys(store: Store) -> RetryKeys | None:
    """The keys for a retry receipt: identity, a fresh one-time prekey, the signed prekey
    and our device identity; None when the store is not paired."""
    identity = store.load_device_identity()
    signed = store.latest_signed_prekey()
    account = store.load_account()
    if identity is None or signed is None or account is None:
        return None
    prekey = new_prekeys(store, 1)[0]
    return RetryKeys(
        identity=identity.identity.public,
        one_time=OneTimeKey(prekey.key_id, prekey.key_pair.public),
        signed=SignedKey(signed.key_id, signed.key_pair.public, signed.signature),
        device_identity=account.signed_identity,
    )


def bundle_from_retry(receipt: Node, device: int) -> PreKeyBundle | None:
    """The prekey bundle a retry receipt offers in ``<keys>``, or None without one;
    RetryError when the keys are malformed."""
    try:
        offered = parse_retry_keys(receipt)
    except BinaryError as exc:
        raise RetryError(f"malformed keys in a retry receipt: {exc}") from None
    if offered is None:
        return None
    registration_id, keys = offered
    return signal_bundle(device, registration_id, keys.identity, keys.signed, keys.one_time)


# -- answering retry receipts for what we sent -------------------------------------------------


class RetryHandler:
    """The feature handler for ``<receipt type="retry">``. Its events come from
    ``fallback`` (the Receiver, which turns every receipt into a ``receipt`` event); the
    resend goes out before the dispatcher acks the receipt."""

    def __init__(
        self,
        store: Store,
        own: Callable[[], tuple[JID, JID | None]],
        fallback: Fallback | None = None,
    ) -> None:
        self.store = store
        self._own = own  # (our device JID, our LID) as the store knows them now
        self._fallback = fallback
        self._conn: Connection | None = None
        self._connected = anyio.Event()

    async def attach(self, conn: Connection) -> None:
        """The on_connect hook: prekey fetches go through the newest connection."""
        self._conn = conn
        self._connected.set()

    async def handle(self, node: Node) -> Outcome | None:
        if node.tag != "receipt" or node.attr("type") != "retry":
            return None
        outcome = (await self._fallback(node) if self._fallback else None) or Outcome()
        try:
            resend = await self._resend(node)
        except (BinaryError, JIDError, ValueError, SignalError, DecodeError) as exc:
            log.warning("cannot answer retry receipt %s: %s", node.attr("id"), exc)
            resend = None
        except ClientError as exc:  # the prekey fetch failed; the peer will ask again
            log.warning("cannot answer retry receipt %s now: %s", node.attr("id"), exc)
            resend = None
        if resend is not None:
            outcome.also = (*outcome.also, resend)
        return outcome

    def _load(self, chat: JID, message_id: str) -> tuple[JID, bytes] | None:
        """The kept message, under the chat as named or its other address (LID or PN)."""
        store = self.store
        plain = store.load_sent(chat, message_id)
        if plain is not None:
            return chat, plain
        other = store.pn_for_lid(chat) if chat.is_lid else store.lid_for_pn(chat)
        if other is not None:
            plain = store.load_sent(other, message_id)
            if plain is not None:
                return parse_jid(other), plain
        return None

    async def _bundle(self, device: JID) -> PreKeyBundle | None:
        if self._conn is None:
            with anyio.move_on_after(CONNECTION_WAIT):
                await self._connected.wait()
        if self._conn is None:
            return None
        return (await fetch_bundles(self._conn, [device])).get(device)

    async def _resend(self, node: Node) -> Node | None:
        request = parse_retry(node)
        message_id, count = request.message_id, request.count
        if not 1 <= count <= MAX_RETRIES:
            log.info("retry #%d of %s: not answered (limit %d)", count, message_id, MAX_RETRIES)
            return None
        own, lid = self._own()
        source = parse_source(node, own, lid)
        device, from_me, is_group = source.sender, source.is_from_me, source.is_group
        kept = self._load(source.chat, message_id)
        if kept is None:
            log.info("retry for %s in %s: no such message kept", message_id, source.chat)
            return None
        chat, plain = kept
        bundle = bundle_from_retry(node, device.device)  # malformed keys: no retry is counted
        with self.store.transaction():
            asked = self.store.count_sent_retry(chat, message_id, device)
        if asked > MAX_RETRIES:
            log.info("retry for %s from %s: answered %d times already", message_id, device, asked)
            return None
        original = e2e_pb2.Message()
        original.ParseFromString(plain)
        message = original
        if is_group:
            message = e2e_pb2.Message()
            message.CopyFrom(original)
            me = lid.to_non_ad().with_device(own.device) if device.is_lid and lid else own
            name = sender_key_name(chat, me)
            skdm = GroupSessionBuilder(self.store).create(name).serialize()
            message.MergeFrom(distribution_message(chat, skdm))
        elif from_me:
            message = device_sent_copy(chat, original)
        known = has_session(self.store, device)
        if bundle is None and (count >= 2 or not known):
            bundle = await self._bundle(device)
        if bundle is None and not known:
            log.info("retry for %s from %s: no session and no prekey bundle", message_id, device)
            return None
        with self.store.transaction():
            if bundle is not None:
                start_session(self.store, device, bundle)
            enc = encrypt_for(self.store, device, message.SerializeToString(), count=str(count))
        attrs: Attrs = {
            "to": node.attrs["from"],
            "type": message_type(original),
            "id": message_id,
        }
        if request.t:
            attrs["t"] = request.t
        if not is_group:
            attrs["device_fanout"] = "false"
        for passed in ("participant", "recipient"):
            if node.attr(passed):
                attrs[passed] = node.attrs[passed]
        edit = edit_attr(original)
        if edit is not None:
            attrs["edit"] = edit
        content = [enc]
        if enc.attr("type") == "pkmsg":
            account = self.store.load_account()
            if account is not None:
                content.append(Node("device-identity", {}, account.signed_identity))
        return Node("message", attrs, content)
