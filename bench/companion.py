"""A companion device on wacli's real client, to drive the sandbox with exact stanzas.

Pairing, login, the ClientPayloads, the connection (WebSocket, Noise, node codec) and
the Signal sessions are wacli.client's own: ``Pairing`` links the companion's store,
``open_connection`` carries every login, wacli.client.send encrypts. On top, a
``Session`` only hands the test every stanza the server sends, unanswered (no ack, no
receipt: the test sends those itself, as raw ``Node``s) and lets it wait for the
answer to one stanza. The sandbox tests (tests/sandbox) and bench/sandbox_clients.py
use it.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from bench.local_sandbox import Running
from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.connection import Connection, Endpoint
from wacli.client.direct_connection import DirectConnection, open_connection
from wacli.client.dispatcher import Outcome
from wacli.client.errors import ClientError, ConnectionLost, RequestTimeout, RestartRequired
from wacli.client.pairing import Pairing, PairingKeys
from wacli.client.payload import configured_version, login_payload, registration_payload
from wacli.client.prekeys import upload_nodes
from wacli.client.send import encrypt_for, has_session, parse_bundle, start_session
from wacli.client.sessions import session_address
from wacli.client.timing import Timing
from wacli.crypto import KeyPair, generate_key_pair
from wacli.jid import JID, parse_jid
from wacli.proto import companion_pb2, e2e_pb2
from wacli.protocol.padding import pad_message, unpad_message
from wacli.protocol.stanzas import ack_for
from wacli.signal import CiphertextMessage, MessageType, PreKeyBundle, SessionCipher
from wacli.signal.device import ensure_identity, new_prekeys, rotate_signed_prekey
from wacli.signal.group import GroupCipher, GroupSessionBuilder, SenderKeyName
from wacli.signal.keys import generate_identity
from wacli.store import Store
from wacli.store.records import DeviceIdentity, SignedPreKeyRecord

TIMEOUT = 10.0
# The test decides every stanza: no keepalive pings of the client's own.
TIMING = Timing(connect=TIMEOUT, iq=TIMEOUT, keepalive_min=math.inf, keepalive_max=math.inf)
RESTART_WAIT = 10.0  # the 515 that follows pair-success


class Companion:
    """A companion's keys and Signal store (``directory``, else a temporary one).

    ``identity`` reuses another device's identity key (an impostor, for refusals);
    ``inline_history`` asks for history payloads inline in the DeviceProps, as Baileys
    and wacli's own client do (the sandbox then sends a bootstrap after linking).
    """

    def __init__(
        self,
        directory: Path | None = None,
        *,
        identity: KeyPair | None = None,
        inline_history: bool = False,
    ) -> None:
        if directory is None:
            directory = Path(tempfile.mkdtemp(prefix="wacli-companion-"))
            weakref.finalize(self, shutil.rmtree, directory, True)
        self.store = Store(directory)
        if identity is not None:
            own = generate_identity()
            self.store.save_device_identity(DeviceIdentity(own.registration_id, identity))
            rotate_signed_prekey(self.store)
        self.device = ensure_identity(self.store)
        self.noise = generate_key_pair()
        self.inline_history = inline_history
        self.jid: str | None = None
        self.lid: str | None = None
        self.account_key: bytes | None = None  # the phone's identity, learnt at pairing

    @property
    def identity(self) -> KeyPair:
        return self.device.identity

    @property
    def registration_id(self) -> int:
        return self.device.registration_id

    @property
    def skey(self) -> SignedPreKeyRecord:
        signed = self.store.latest_signed_prekey()
        assert signed is not None
        return signed

    # -- what the client says when it connects ------------------------------------------

    def registration_payload(self) -> bytes:
        """wacli's registration payload, inline history as this companion asks."""
        payload = registration_payload(self.device, self.skey)
        props = payload.device_pairing_data
        parsed = companion_pb2.DeviceProps.FromString(props.device_props)
        parsed.history_sync_config.inline_initial_payload_in_e2ee_msg = self.inline_history
        props.device_props = parsed.SerializeToString()
        return payload.SerializeToString()

    def login_payload(self, device: str | None = None) -> bytes:
        """wacli's login payload as ``device`` (this companion's own JID by default)."""
        jid = device or self.jid
        assert jid is not None, "not linked yet"
        return login_payload(parse_jid(jid)).SerializeToString()

    def learn_account(self) -> None:
        """Take the linked account from the store (after pairing wrote it)."""
        account = self.store.load_account()
        assert account is not None
        self.jid, self.lid = account.jid, account.lid
        self.account_key = account.account_signature_key
        self.noise = account.noise_key

    # -- Signal, with wacli.client's session code ---------------------------------------

    def upload_prekeys(self, count: int) -> Node:
        """The encrypt-set IQ uploading ``count`` fresh one-time prekeys of the store."""
        records = new_prekeys(self.store, count)
        content = upload_nodes(self.registration_id, self.identity.public, records, self.skey)
        return iq("encrypt", "set", *content)

    def has_session(self, user: str, device: int = 0) -> bool:
        return has_session(self.store, JID(user, "s.whatsapp.net", device))

    def encrypt(self, user: str, device: int, bundle: PreKeyBundle | None, data: bytes) -> Node:
        """An <enc> for one device of ``user`` (a session from ``bundle`` if none yet)."""
        jid = JID(user, "s.whatsapp.net", device)
        if not has_session(self.store, jid):
            assert bundle is not None
            start_session(self.store, jid, bundle)
        return encrypt_for(self.store, jid, data)

    def decrypt(self, message: Node) -> e2e_pb2.Message:
        """Decrypt a 1:1 <message><enc/></message> from the server."""
        sender = message.attr_jid("from")
        enc = message.require_child("enc")
        return self._decrypt_pairwise(sender, enc)

    def _decrypt_pairwise(self, sender: JID, enc: Node) -> e2e_pb2.Message:
        cipher = SessionCipher(self.store, session_address(self.store, sender))
        kind = MessageType.from_enc_type(enc.require_attr("type"))
        padded = cipher.decrypt(CiphertextMessage(kind, enc.content_bytes()))
        return e2e_pb2.Message.FromString(unpad_message(padded))

    def decrypt_group(self, message: Node) -> e2e_pb2.Message | None:
        """Read a group <message from=GROUP participant=…>: take the sender key a pairwise
        <enc> distributes, then decrypt the skmsg (None when there is only a key)."""
        group = message.require_attr("from")
        author = message.attr_jid("participant")
        name = SenderKeyName(group, session_address(self.store, author))
        result = None
        for enc in message.children_named("enc"):
            if enc.require_attr("type") == "skmsg":
                padded = GroupCipher(self.store, name).decrypt(enc.content_bytes())
                result = e2e_pb2.Message.FromString(unpad_message(padded))
                continue
            pairwise = self._decrypt_pairwise(author, enc)
            skdm = pairwise.sender_key_distribution_message
            assert skdm.group_id == group
            GroupSessionBuilder(self.store).process(
                name, skdm.axolotl_sender_key_distribution_message
            )
            pairwise.ClearField("sender_key_distribution_message")
            if result is None and pairwise.ListFields():
                result = pairwise  # a resend carries the message itself, pairwise
        return result

    def sender_key(self, group: str, own_user: str, own_device: int) -> bytes:
        """Our SenderKeyDistributionMessage for ``group``, wrapped in a Message."""
        name = self._sender_key_name(group, own_user, own_device)
        message = e2e_pb2.Message()
        skdm = message.sender_key_distribution_message
        skdm.group_id = group
        skdm.axolotl_sender_key_distribution_message = (
            GroupSessionBuilder(self.store).create(name).serialize()
        )
        return message.SerializeToString()

    def encrypt_group(self, group: str, own_user: str, own_device: int, data: bytes) -> Node:
        """The <enc type=skmsg> of a group message under our sender key."""
        name = self._sender_key_name(group, own_user, own_device)
        body = GroupCipher(self.store, name).encrypt(pad_message(data))
        return Node("enc", {"v": "2", "type": "skmsg"}, body)

    def _sender_key_name(self, group: str, own_user: str, own_device: int) -> SenderKeyName:
        own = session_address(self.store, JID(own_user, "s.whatsapp.net", own_device))
        return SenderKeyName(group, own)

    def direct_message(
        self,
        to: str,
        stanza_id: str,
        bundle: PreKeyBundle | None,
        data: bytes,
        extra: list[Node] | None = None,
        **attrs: str,
    ) -> Node:
        """A 1:1 <message> to device 0 of ``to`` (a user JID), with ``extra`` children after
        <participants> (where clients put <tctoken> or <cstoken>)."""
        enc = self.encrypt(to.split("@", 1)[0], 0, bundle, data)
        children = [Node("participants", {}, [Node("to", {"jid": to}, [enc])])]
        return Node(
            "message",
            {"to": to, "id": stanza_id, "type": "text", **attrs},
            children + (extra or []),
        )


def iq(xmlns: str, kind: str, *content: Node) -> Node:
    """An IQ to the server with a fresh id."""
    return Node(
        "iq",
        {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": xmlns, "type": kind},
        list(content),
    )


def bundle_for(user: Node, device: int) -> PreKeyBundle:
    """A <user> of a prekey fetch answer as a bundle for ``device`` (the client's parser)."""
    b = parse_bundle(user)
    return PreKeyBundle(
        b.registration_id,
        device,
        b.identity_key,
        b.signed_prekey_id,
        b.signed_prekey,
        b.signed_prekey_signature,
        b.prekey_id,
        b.prekey,
    )


@dataclass(eq=False)
class Session:
    """One connection (wacli's ``open_connection``) whose stanzas all go to the test.

    Every stanza the connection does not take itself (answers to its own requests,
    ``<success>``, the ending ``<failure>``/``<stream:error>``) is queued unanswered:
    ``receive`` returns them in order, ``<success>`` first. Once the connection ended,
    ``receive`` raises the wacli.client error it ended with (``ended``); the events the
    client made of the ending are in ``events``.
    """

    conn: Connection | None = None
    skipped: list[Node] = field(default_factory=list)  # what waits read past
    previews: list[Node] = field(default_factory=list)  # <offline_preview>s at login
    events: list[ev.Event] = field(default_factory=list)
    ended: ClientError | None = None

    def __post_init__(self) -> None:
        send, receive = anyio.create_memory_object_stream[Node](math.inf)
        self._inbox_in: MemoryObjectSendStream[Node] = send
        self._inbox: MemoryObjectReceiveStream[Node] = receive
        self._success_told = False
        self._close = anyio.Event()
        self._done = anyio.Event()
        self._direct: DirectConnection | None = None

    async def send(self, node: Node) -> None:
        assert self.conn is not None
        await self.conn.send(node)

    async def send_frame(self, data: bytes) -> None:
        """Raw bytes in one Noise frame, bypassing the node codec (malformed-input tests)."""
        assert self._direct is not None
        await self._direct._stream.send(data)  # the one way around the node codec

    async def receive(self, timeout: float = TIMEOUT) -> Node:
        with anyio.fail_after(timeout):
            try:
                return await self._inbox.receive()
            except anyio.EndOfStream:
                assert self.ended is not None
                raise self.ended from None

    async def query(self, node: Node, timeout: float = TIMEOUT) -> Node:
        """Send an IQ and return the answer with the same id (other stanzas are skipped)."""
        await self.send(node)
        with anyio.fail_after(timeout):
            while True:
                reply = await self.receive(timeout)
                if reply.tag == "iq" and reply.attr("id") == node.attr("id"):
                    return reply
                self.skipped.append(reply)

    async def receive_tag(self, tag: str, timeout: float = TIMEOUT) -> Node:
        """The next stanza with ``tag`` (others are kept in ``skipped``)."""
        with anyio.fail_after(timeout):
            while True:
                node = await self.receive(timeout)
                if node.tag == tag:
                    return node
                self.skipped.append(node)

    async def closed(self, timeout: float = 5.0) -> ClientError:
        """Read until the server ends the connection; the error it ended with."""
        with anyio.fail_after(timeout):
            while True:
                try:
                    await self.receive(timeout)
                except ClientError as exc:
                    return exc

    async def close(self) -> None:
        self._close.set()
        await self._done.wait()

    # -- the connection's side ----------------------------------------------------------

    def _tell_success(self) -> None:
        assert self.conn is not None
        if not self._success_told and self.conn.success_node is not None:
            self._success_told = True
            self._inbox_in.send_nowait(self.conn.success_node)

    async def _handle(self, node: Node) -> Outcome:
        self._tell_success()  # the reader noted it before it queued what follows
        self._inbox_in.send_nowait(node)
        return Outcome(reply=None)

    async def _sink(self, event: ev.Event) -> None:
        self.events.append(event)

    async def _run(
        self,
        endpoint: Endpoint,
        noise: KeyPair,
        payload: bytes,
        *,
        task_status: anyio.abc.TaskStatus,
    ) -> None:
        started = False
        try:
            async with open_connection(
                endpoint, noise, payload, server_static=None, sink=self._sink, handler=self._handle
            ) as conn:
                self.conn = self._direct = conn
                started = True
                task_status.started()
                async with anyio.create_task_group() as tg:
                    tg.start_soon(self._success_watch)
                    await self._close.wait()
                    tg.cancel_scope.cancel()
        except ClientError as exc:
            self.ended = exc
            if not started:
                task_status.started()
        finally:
            self._inbox_in.close()
            self._done.set()

    async def _success_watch(self) -> None:
        assert self._direct is not None
        try:
            await self._direct.wait_success()
        except RequestTimeout:
            return  # a registering connection: no login to accept
        self._tell_success()


async def open_session(sandbox: Running, noise: KeyPair, payload: bytes) -> Session:
    """Connect to ``sandbox`` with ``payload``; the handshake's error is raised here."""
    return await open_session_at(sandbox, sandbox.root_key, noise, payload)


async def open_session_at(
    sandbox: Running, root_key: bytes, noise: KeyPair, payload: bytes
) -> Session:
    """As open_session, pinning ``root_key`` as the Noise root (another root fails)."""
    endpoint = Endpoint(sandbox.url, root_key, configured_version(), TIMING)
    session = Session()
    await sandbox.tasks.start(session._run, endpoint, noise, payload)
    if session.conn is None:
        assert session.ended is not None
        raise session.ended
    return session


# -- linking and logging in, as wacli's client does ---------------------------------------


async def link(sandbox: Running, companion: Companion, phone: str, code: bool = False) -> dict:
    """Link ``companion`` to the account of ``phone`` through wacli's Pairing: the phone
    scans its first QR code (or types its pairing code) through the admin API. Returns
    the admin answer; the companion knows its account afterwards."""
    shown: list[str] = []  # the QR codes, or the pairing code
    told = anyio.Event()

    async def sink(event: ev.Event) -> None:
        if isinstance(event, ev.PairingQrCode | ev.PairingCode):
            shown.append(event.code)
            told.set()

    keys = PairingKeys(companion.noise, companion.device, os.urandom(32))
    pairing = Pairing(
        companion.store, keys, sink, parse_jid(f"{phone}@s.whatsapp.net") if code else None
    )
    endpoint = Endpoint(sandbox.url, sandbox.root_key, configured_version(), TIMING)
    answers: list[tuple[int, dict]] = []
    refused: ClientError | None = None

    async def scan() -> None:  # the phone's side; it outlasts the registering connection
        with anyio.fail_after(TIMEOUT):
            await told.wait()
        body = {"code": shown[0]} if code else {"qr": shown[0]}
        answers.append(await sandbox.admin("POST", f"/accounts/{phone}/link", body))

    async with anyio.create_task_group() as tg:
        tg.start_soon(scan)
        try:
            async with open_connection(
                endpoint,
                keys.noise,
                companion.registration_payload(),
                server_static=None,
                sink=sink,
                handler=pairing.handle,
            ) as conn:
                pairing.attach(conn)
                with anyio.fail_after(TIMEOUT + RESTART_WAIT):
                    await pairing.done.wait()
                    await anyio.sleep_forever()  # until the 515 ends this connection
        except (RestartRequired, ConnectionLost):
            pass
        except ClientError as exc:  # raised below, not wrapped in an ExceptionGroup
            refused = exc
            tg.cancel_scope.cancel()
    if refused is not None:
        raise refused
    (answer,) = answers
    assert answer[0] == 200, answer
    assert pairing.result is not None
    companion.learn_account()
    assert answer[1]["jid"] == companion.jid
    return dict(answer[1])


async def login(sandbox: Running, companion: Companion) -> Session:
    """A login of the linked ``companion``; its first stanza is ``<success>`` or the end."""
    return await open_session(sandbox, companion.noise, companion.login_payload())


@dataclass
class Online:
    companion: Companion
    session: Session
    offline: int  # the count of the <ib><offline> bulletin at login


async def account(sandbox: Running, phone: str, name: str = "Alice") -> dict:
    """A new account (a simulated phone) in the sandbox."""
    status, body = await sandbox.admin("POST", "/accounts", {"phone": phone, "push_name": name})
    assert status == 201, body
    return dict(body)


async def connect(sandbox: Running, companion: Companion) -> tuple[Session, int, list[Node]]:
    """Log in; (session, offline count, the stanzas between <success> and the bulletin)."""
    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    queued: list[Node] = []
    while True:
        node = await session.receive()
        if node.tag == "ib":
            done = node.child("offline")
            if done is not None:
                return session, int(done.require_attr("count")), queued
            session.previews.append(node.require_child("offline_preview"))
            continue
        queued.append(node)


async def logged_in(sandbox: Running, phone: str, directory: Path | None = None) -> Online:
    """A new companion linked to ``phone`` and logged in, past its offline bulletin."""
    companion = Companion(directory)
    await link(sandbox, companion, phone)
    session, offline, _ = await connect(sandbox, companion)
    return Online(companion, session, offline)


async def linked_companion(sandbox: Running, phone: str, directory: Path) -> Online:
    """A companion linked to ``phone``, logged in, with ten prekeys uploaded."""
    online = await logged_in(sandbox, phone, directory)
    upload = online.companion.upload_prekeys(10)
    assert (await online.session.query(upload)).attr("type") == "result"
    return online


async def ack(session: Session, node: Node) -> None:
    """The client's ack of ``node`` (wacli.protocol.stanzas.ack_for)."""
    answer = ack_for(node)
    assert answer is not None
    await session.send(answer)


async def settle(session: Session) -> None:
    """A ping answered means every stanza sent before it was handled (one loop per socket)."""
    assert (await session.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"


async def fetch_bundle(online: Online, jid: str) -> Node:
    """The <user> of a prekey fetch for ``jid``."""
    fetch = iq("encrypt", "get", Node("key", {}, [Node("user", {"jid": jid})]))
    answer = await online.session.query(fetch)
    return answer.require_child("list").require_child("user")
