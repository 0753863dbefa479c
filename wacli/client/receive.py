"""Incoming messages, receipts, presence and chat states (whatsmeow message.go, receipt.go,
presence.go; Baileys messages-recv.ts).

A ``<message from id t [participant] [notify] [recipient]><enc v type>…</enc>…</message>``
is decrypted (pkmsg/msg pairwise; skmsg with the sender key its author distributed in a
SenderKeyDistributionMessage), unpadded and parsed. The ratchet step and the archive row
(with what an edit, revoke or reaction changes in the message it names, see
wacli.client.archiving) commit in one transaction (``listen``'s receiver takes the
messages queued behind in the same one, see ``Receiver._opened``); the dispatcher then
writes the ``message`` line and only after it sends the delivery ``<receipt>``
(``type="inactive"`` while we have not announced ourselves available), which is the
message's acknowledgement: no ``<ack>`` follows.
If wacli dies after the commit but before the line is out, the server delivers the
stanza again: the archive already has it (the ratchet would refuse a second
decryption), so the line is written again from the archive. Consumers see every
message at least once; ``info.id`` tells repeats.

A message that does not decrypt becomes ``undecryptable_message`` and is answered
with a retry receipt (``<receipt type="retry"><retry count id t v/><registration/>``),
as phones then resend it from a fresh session.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import NamedTuple

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.client import events as ev
from wacli.client.archiving import archive_message, archived_row
from wacli.client.connection import Connection
from wacli.client.dispatcher import Batch, Outcome, current_batch
from wacli.client.identity import accept_identity
from wacli.client.retry import retry_keys
from wacli.client.sessions import session_address
from wacli.client.usync import learn_addresses
from wacli.jid import JID, STATUS_BROADCAST_JID, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.message_kinds import details
from wacli.protocol.message_model import MessageModel, classify
from wacli.protocol.message_source import StanzaSource, parse_source
from wacli.protocol.newsletters import parse_post
from wacli.protocol.padding import unpad_message
from wacli.protocol.receipts import RetryRequest, retry_content
from wacli.signal import (
    CiphertextMessage,
    MessageType,
    ProtocolAddress,
    SessionCipher,
    SignalError,
    UntrustedIdentityError,
)
from wacli.signal.group import GroupCipher, GroupSessionBuilder, SenderKeyName
from wacli.store import Store
from wacli.store.archive import Archive, ArchivedMessage

log = logging.getLogger(__name__)

HISTORY_SYNC_NOTIFICATION = e2e_pb2.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION
# Receipt types on the wire -> the names docs/events.schema.json gives them.
_RECEIPT_TYPES = {
    "delivery": "delivery",
    "read": "read",
    "read-self": "read_self",
    "played": "played",
    "sender": "sender",
    "retry": "retry",
    "server-error": "server_error",
    "inactive": "inactive",
}
_KEPT_CIPHERS = 1024  # peer devices whose parsed session record is kept between messages
MAX_RETRIES = 5  # retry receipts per message before giving up (whatsmeow's limit)

# A feature that also reads every decrypted message (app-state key shares, history sync
# notifications, push-name changes, ...) and answers with further events. It runs after the
# message is archived and before anything is acknowledged, also for a redelivered message,
# so it must be idempotent.
MessageHook = Callable[[ev.MessageInfo, e2e_pb2.Message], Awaitable[Sequence[ev.Event]]]


class UndecryptableError(Exception):
    """A message whose payload could not be decrypted or parsed."""


class _Filing:
    """The archive rows of a run of messages, written at its end in their order: those
    in a row that change no other message together (one full-text index segment for
    them all), one that edits, revokes or reacts in its turn, as if each came alone."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self._rows: list[tuple[ArchivedMessage, MessageModel]] = []

    def add(self, row: ArchivedMessage, model: MessageModel) -> None:
        self._rows.append((row, model))

    def flush(self) -> None:
        plain: list[ArchivedMessage] = []
        for row, model in self._rows:
            if model.change is None:
                plain.append(row)
                continue
            if plain:
                self._archive.add_messages(plain)
                plain = []
            archive_message(self._archive, row, model)
        if plain:
            self._archive.add_messages(plain)
        self._rows = []


class _Opened(NamedTuple):
    """A message decrypted and archived: its info (the chat a sent message went to), the
    message and what it is, and the identity changes noticed on the way (written before it)."""

    info: ev.MessageInfo
    message: e2e_pb2.Message
    model: MessageModel
    changes: list[ev.Event]


def _address(jid: JID) -> ProtocolAddress:
    name, device = jid.signal_address()
    return ProtocolAddress(name, device)


def _time(node: Node) -> datetime:
    t = node.attr("t")
    return datetime.fromtimestamp(int(t) if t and t.isdigit() else time.time(), UTC)


class Receiver:
    """The feature handler ``listen`` puts in front of the router."""

    def __init__(
        self,
        store: Store,
        own: Callable[[], tuple[JID, JID | None]],
        hooks: Sequence[MessageHook] = (),
        *,
        lookahead: bool = False,
    ) -> None:
        """``lookahead``: every message stanza reaches this receiver (listen's routes), so it
        may decrypt those queued behind the one it handles (see ``_opened``)."""
        self.store = store
        self.archive = Archive(store)
        self._own = own  # (our device JID, our LID) as the store knows them now
        self._hooks = tuple(hooks)
        self._lookahead = lookahead
        # What a run did for the messages queued behind its first, by id() of the nodes.
        self._ahead: dict[int, tuple[ev.MessageInfo, _Opened | Exception]] = {}
        self._ahead_batch: Batch | None = None  # holds those nodes (ids stay theirs)
        self._retries: Counter[str] = Counter()
        # Our JIDs, read once per dispatcher batch (the store's account row, per message else).
        self._own_seen: tuple[Batch | None, tuple[JID, JID | None]] | None = None
        # A cipher per peer device (and the LID of its phone number), kept so that each
        # reuses the session record it last wrote (SessionCipher checks the store still
        # holds exactly those bytes).
        self._ciphers: dict[tuple[JID, str | None], SessionCipher] = {}
        self._available: Callable[[], bool] = lambda: False

    async def attach(self, conn: Connection) -> None:
        """An on-connect hook: delivery receipts follow what this connection last said of
        our presence (``type="inactive"`` until we announce ``available``, as WhatsApp Web,
        whatsmeow and Baileys do; a phone shows no "delivered" for those)."""
        self._available = lambda: conn.available

    async def handle(self, node: Node) -> Outcome | None:
        try:
            if node.tag == "message":
                return await self._message(node)
            if node.tag == "receipt":
                return self._receipt(node)
            if node.tag == "presence":
                return self._presence(node)
            if node.tag == "chatstate":
                return self._chatstate(node)
        except (JIDError, ValueError) as exc:
            raise ProtocolError(f"malformed <{node.tag}>: {exc}") from None
        return None

    # -- who and where -----------------------------------------------------------------

    def _own_jids(self) -> tuple[JID, JID | None]:
        batch = current_batch.get()
        seen = self._own_seen
        if batch is None or seen is None or seen[0] is not batch:
            seen = self._own_seen = (batch, self._own())
        return seen[1]

    def _source(self, node: Node, *, require_participant: bool = True) -> StanzaSource:
        device, lid = self._own_jids()
        return parse_source(node, device, lid, require_participant=require_participant)

    def _info(self, node: Node) -> tuple[ev.MessageInfo, JID]:
        """The message's info, and the device that sent it."""
        source = self._source(node)
        info = ev.MessageInfo(
            id=node.require_attr("id"),
            chat=source.chat,
            sender=source.sender,
            is_from_me=source.is_from_me,
            is_group=source.is_group,
            is_bot=source.sender.is_bot,
            timestamp=_time(node),
            push_name=node.attr("notify"),
            category=node.attr("category"),
        )
        return info, source.sender

    # -- messages ------------------------------------------------------------------------

    def _decrypt(
        self,
        node: Node,
        info: ev.MessageInfo,
        sender: JID,
        changes: list[ev.Event] | None = None,
    ) -> e2e_pb2.Message:
        """Every <enc> of the stanza: pairwise ones first (they carry sender keys); an
        identity change noticed on a pkmsg is trusted and reported in ``changes``."""
        encs = node.children_named("enc")
        if not encs:
            raise UndecryptableError("no <enc> in the message")
        found: e2e_pb2.Message | None = None
        for enc in sorted(encs, key=lambda e: e.attr("type") == "skmsg"):
            kind = enc.require_attr("type")
            body = enc.content_bytes()
            if kind == "skmsg":
                name = SenderKeyName(str(info.chat), _address(sender))
                padded = GroupCipher(self.store, name).decrypt(body)
            else:
                cipher = self._cipher(sender)
                address = cipher.address
                ciphertext = CiphertextMessage(MessageType.from_enc_type(kind), body)
                try:
                    padded = cipher.decrypt(ciphertext)
                except UntrustedIdentityError as exc:
                    # -- identity change (wacli.client.identity): the sender reinstalled --
                    if kind != "pkmsg":
                        raise
                    if accept_identity(self.store, address, exc.identity_key, sender):
                        log.info("%s has a new identity key; trusted", sender)
                        if changes is not None:
                            changes.append(ev.IdentityChange(sender, info.timestamp, True))
                    padded = cipher.decrypt(ciphertext)
            message = e2e_pb2.Message()
            message.ParseFromString(unpad_message(padded, enc.attr_int("v", 2)))
            if message.HasField("sender_key_distribution_message"):
                skdm = message.sender_key_distribution_message
                group = skdm.group_id or str(info.chat)
                GroupSessionBuilder(self.store).process(
                    SenderKeyName(group, _address(sender)),
                    skdm.axolotl_sender_key_distribution_message,
                )
                message.ClearField("sender_key_distribution_message")
            if message.ListFields():
                found = message
        if found is None:
            raise UndecryptableError("the message carried only a sender key")
        return found

    def _cipher(self, sender: JID) -> SessionCipher:
        """The cipher of the session with the device ``sender``, kept with where that session
        lives (wacli.client.sessions), which is looked up again only when the LID mapping
        of its phone number changes."""
        lid = self.store.lid_for_pn(sender.to_non_ad()) if sender.is_pn else None
        cipher = self._ciphers.get((sender, lid))
        if cipher is None:
            if len(self._ciphers) >= _KEPT_CIPHERS:
                self._ciphers.clear()
            cipher = SessionCipher(self.store, session_address(self.store, sender))
            self._ciphers[sender, lid] = cipher
        return cipher

    # -- decrypting and archiving, a run of queued messages per commit ---------------------

    def _opened(self, node: Node, info: ev.MessageInfo, sender: JID) -> _Opened | Exception:
        """The message decrypted and archived, or the error it did not decrypt with.

        A lookahead receiver also decrypts and archives the plain messages queued right
        behind this one in the dispatcher's batch, all in one transaction: the run shares
        one commit (and one full-text index segment) and is on disk before the first of
        their lines is written, as a single message would be."""
        batch = current_batch.get()
        if not self._lookahead or batch is None:
            return self._open(node, info, sender, None)
        ahead: dict[int, tuple[ev.MessageInfo, _Opened | Exception]] = {}
        with self.store.transaction():
            filing = _Filing(self.archive)
            opened = self._open(node, info, sender, filing)
            ids = {info.id}
            for queued in batch.following(node):
                done_ahead = self._open_queued(queued, ids, filing)
                if done_ahead is None:
                    break  # the run ends: what follows is handled in its turn
                ahead[id(queued)] = done_ahead
            filing.flush()
        self._ahead.update(ahead)  # once the run is committed
        return opened

    def _done_ahead(self, node: Node) -> tuple[ev.MessageInfo, _Opened | Exception] | None:
        """What the run of an earlier message of this batch did for ``node``, if anything."""
        batch = current_batch.get()
        if batch is not self._ahead_batch:  # a new batch: the old one's nodes are gone
            self._ahead_batch, self._ahead = batch, {}
        return self._ahead.pop(id(node), None)

    def _open_queued(
        self, node: Node, ids: set[str], filing: _Filing
    ) -> tuple[ev.MessageInfo, _Opened | Exception] | None:
        """``_open`` for a stanza queued behind the one being handled (``ids``: those of
        the run so far); None, with nothing done, when it is not a new message for
        ``_open`` or fails otherwise than by not decrypting (then its own turn meets the
        same error, as without lookahead)."""
        if node.tag != "message":
            return None
        try:
            learn_addresses(self.store, node)  # as the routes' observer will, before it
            info, sender = self._info(node)
            if info.chat == STATUS_BROADCAST_JID or sender.is_newsletter or info.id in ids:
                return None
            if self.archive.message(str(info.chat), info.id, str(sender.to_non_ad())):
                return None  # delivered again: its turn answers from the archive
            ids.add(info.id)
            return info, self._open(node, info, sender, filing)
        except Exception:  # left for its turn, which meets the same error
            return None

    def _open(
        self, node: Node, info: ev.MessageInfo, sender: JID, filing: _Filing | None
    ) -> _Opened | Exception:
        """Decrypt one message in one transaction (a savepoint within a run's) and archive
        it there, or hand its row to the run's ``filing``."""
        changes: list[ev.Event] = []  # identity changes, written before the message
        try:
            with self.store.transaction():
                message = self._decrypt(node, info, sender, changes)
                if info.is_from_me and message.HasField("device_sent_message"):
                    sent = message.device_sent_message
                    if sent.destination_jid:
                        info = replace(info, chat=parse_jid(sent.destination_jid).to_non_ad())
                    message = sent.message
                row = archived_row(
                    message,
                    chat=str(info.chat),
                    message_id=info.id,
                    sender=str(sender.to_non_ad()),
                    from_me=info.is_from_me,
                    timestamp=int(info.timestamp.timestamp()),
                    push_name=info.push_name,
                )
                if filing is None:
                    archive_message(self.archive, *row)
                else:
                    filing.add(*row)  # written when the run ends, before it commits
                model = row[1]
        except (SignalError, ProtocolError, BinaryError, DecodeError, UndecryptableError) as exc:
            return exc
        return _Opened(info, message, model, changes)

    async def _message(self, node: Node) -> Outcome:
        ahead = self._done_ahead(node)
        if ahead is not None:  # opened in the run of an earlier message (its info too)
            info, opened = ahead
        else:
            info, sender = self._info(node)
            if info.chat == STATUS_BROADCAST_JID:
                return self._status(node, info, sender)
            if sender.is_newsletter:
                return self._channel_post(node, sender)
            known = self.archive.message(str(info.chat), info.id, str(sender.to_non_ad()))
            if known is not None and known.raw is not None:
                # Delivered again: decrypted and stored before, perhaps never written out.
                message = e2e_pb2.Message()
                message.ParseFromString(known.raw)
                return await self._delivered(node, info, message)
            opened = self._opened(node, info, sender)
        if isinstance(opened, Exception):
            log.warning("cannot decrypt message %s from %s: %s", info.id, info.sender, opened)
            return self._undecryptable(node, info)
        info, message, model, changes = opened
        outcome = await self._delivered(node, info, message, model)
        if changes:
            outcome.events = [*changes, *outcome.events]
        return outcome

    def _channel_post(self, node: Node, channel: JID) -> Outcome:
        """A post in a followed channel (wacli.protocol.newsletters): in plain, acked, told
        as a ``channel_message`` event, not filed in the archive (no receipt: whatsmeow and
        Baileys send none for channel messages)."""
        post = parse_post(node)  # ProtocolError: acked, logged, no event
        event = ev.ChannelMessage(
            channel=channel,
            server_id=post.server_id,
            id=post.id,
            timestamp=datetime.fromtimestamp(post.timestamp, UTC),
            message=post.message,
            text=classify(post.message).text,
        )
        return Outcome(events=(event,))

    def _status(self, node: Node, info: ev.MessageInfo, sender: JID) -> Outcome:
        """A status (wacli.client.status posts ours): read as a group message is, told as a
        ``status`` event and never filed in the archive. A redelivered one no longer
        decrypts (its sender key step is taken) and is asked again with a retry receipt."""
        try:
            with self.store.transaction():
                message = self._decrypt(node, info, sender)
        except (SignalError, ProtocolError, BinaryError, DecodeError, UndecryptableError) as exc:
            log.warning("cannot decrypt status %s from %s: %s", info.id, sender, exc)
            return self._undecryptable(node, info)
        event = ev.StatusUpdate(
            id=info.id,
            sender=sender,
            is_from_me=info.is_from_me,
            timestamp=info.timestamp,
            push_name=info.push_name,
            message=message,
            text=classify(message).text,
        )
        return Outcome(events=(event,), also=(self._receipt_for(node, info),), reply=None)

    async def _delivered(
        self,
        node: Node,
        info: ev.MessageInfo,
        message: e2e_pb2.Message,
        model: MessageModel | None = None,
    ) -> Outcome:
        """The message's events and receipts (``model``: what classify made of it, if known)."""
        if model is None:
            model = classify(message)
        events: list[ev.Event] = [
            ev.MessageEvent(info, message, model.text, model.kind, details(model))
        ]
        for hook in self._hooks:
            events.extend(await hook(info, message))
        # Our own phone's protocol messages (key shares, history) are "peer" messages, and a
        # history chunk is confirmed once more with "hist_sync", as the official clients do.
        peer = node.attr("category") == "peer"
        receipts = [self._receipt_for(node, info, "peer_msg" if peer else None)]
        if message.protocol_message.type == HISTORY_SYNC_NOTIFICATION:
            receipts.append(Node("receipt", {"id": info.id, "to": info.chat, "type": "hist_sync"}))
        # The receipt is the acknowledgement of a message we could read: no <ack> follows
        # it (whatsmeow and Baileys send none; the server settles the message on it).
        return Outcome(events=events, also=receipts, reply=None)

    def _receipt_for(self, node: Node, info: ev.MessageInfo, kind: str | None = None) -> Node:
        attrs: dict[str, object] = {"id": info.id, "to": node.attrs["from"]}
        if node.attr("participant"):
            attrs["participant"] = node.attrs["participant"]
        if info.is_from_me and not info.is_group:
            attrs["type"] = "sender"
            if node.attr("recipient"):
                attrs["recipient"] = node.attrs["recipient"]
        if kind is not None:
            attrs["type"] = kind
        elif "type" not in attrs and not self._available():
            attrs["type"] = "inactive"
        return Node("receipt", attrs)  # type: ignore[arg-type]

    def _undecryptable(self, node: Node, info: ev.MessageInfo) -> Outcome:
        event = ev.UndecryptableMessage(
            info=info, is_unavailable=False, unavailable_type=None, decrypt_fail_mode=None
        )
        self._retries[info.id] += 1
        count = self._retries[info.id]
        encs = node.children_named("enc")
        if count == 1 and len(encs) == 1 and (encs[0].attr("count") or "").isdigit():
            # A resend answering a retry receipt of an earlier run: continue its count.
            count = self._retries[info.id] = int(encs[0].attrs["count"]) + 1  # type: ignore[arg-type]
        if count > MAX_RETRIES:
            return Outcome(events=(event,))
        receipt = self._receipt_for(node, info, "retry")
        registration = self.store.load_device_identity()
        if registration is None:  # not paired: nothing to offer for a retry
            return Outcome(events=(event,))
        # From the second retry on the sender may have lost our session too: offer a fresh one.
        keys = retry_keys(self.store) if count >= 2 else None
        request = RetryRequest(info.id, count, node.attr("t"))
        receipt.content = retry_content(request, registration.registration_id, keys)
        return Outcome(events=(event,), also=(receipt,))

    # -- receipts, presence, chat states ----------------------------------------------------

    def _receipt(self, node: Node) -> Outcome:
        kind = _RECEIPT_TYPES.get(node.attr("type") or "delivery")
        if kind is None:
            # Our own devices confirming protocol messages (peer_msg, hist_sync), or a kind
            # docs/events.schema.json has no name for: acknowledged, but nothing to tell a consumer.
            log.debug("receipt of type %s taken without an event", node.attr("type"))
            return Outcome()
        source = self._source(node, require_participant=False)
        ids = [node.require_attr("id")]
        for listing in node.children_named("list"):
            ids += [item.require_attr("id") for item in listing.children_named("item")]
        event = ev.Receipt(
            source=_event_source(source),
            message_ids=tuple(ids),
            timestamp=_time(node),
            type_=kind,
            message_sender=None,
        )
        return Outcome(events=(event,))

    def _presence(self, node: Node) -> Outcome:
        last = node.attr("last")
        seen = None
        if last and last.isdigit():
            seen = datetime.fromtimestamp(int(last), UTC)
        event = ev.Presence(
            from_=node.attr_jid("from"),
            unavailable=node.attr("type") == "unavailable",
            last_seen=seen,
        )
        return Outcome(events=(event,), reply=None)

    def _chatstate(self, node: Node) -> Outcome:
        source = self._source(node, require_participant=False)
        if not node.children:
            return Outcome(reply=None)
        state = node.children[0]
        media = "audio" if state.attr("media") == "audio" else "text"
        event = ev.ChatPresence(
            source=_event_source(source),
            state="composing" if state.tag == "composing" else "paused",
            media=media,
        )
        return Outcome(events=(event,), reply=None)


def _event_source(source: StanzaSource) -> ev.MessageSource:
    """The part of a stanza's source events carry (docs/events.schema.json)."""
    return ev.MessageSource(source.chat, source.sender, source.is_from_me, source.is_group)
