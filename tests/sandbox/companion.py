"""A minimal companion built from wacli's protocol core, to drive the sandbox in tests.

It is not the wacli client (which is tested against the sandbox on its own):
just real keys, real Noise, real ClientPayloads and real ADV checks, so the
tests can reach every server path with exact control over what is sent.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import anyio
from websockets.asyncio.client import ClientConnection, connect

from wacli.binary import Node, decode, encode
from wacli.client.send import parse_bundle as client_parse_bundle
from wacli.crypto import KeyPair, generate_key_pair
from wacli.noise import ClientHandshake
from wacli.noise.stream import NoiseStream, open_client
from wacli.proto import client_payload_pb2, companion_pb2, e2e_pb2
from wacli.protocol.adv import verify_pair_success
from wacli.protocol.padding import pad_message, unpad_message
from wacli.signal import (
    CiphertextMessage,
    MessageType,
    PreKeyBundle,
    ProtocolAddress,
    SessionCipher,
    new_prekeys,
    process_prekey_bundle,
)
from wacli.signal.group import GroupCipher, GroupSessionBuilder, SenderKeyName
from wacli.signal.keys import generate_identity, generate_signed_prekey
from wacli.store import Store
from wacli.store.records import DeviceIdentity

TIMEOUT = 10.0


@dataclass
class Companion:
    noise: KeyPair = field(default_factory=generate_key_pair)
    identity: KeyPair = field(default_factory=lambda: generate_identity().identity)
    registration_id: int = 4242
    jid: str | None = None
    lid: str | None = None
    account_key: bytes | None = None  # the phone's identity, learnt at pair-success

    def __post_init__(self) -> None:
        self.skey = generate_signed_prekey(self.identity, 1)
        self.store: Store | None = None

    def open_store(self, directory: Path) -> Store:
        """A Signal store holding this companion's identity and signed prekey."""
        store = Store(directory)
        store.save_device_identity(DeviceIdentity(self.registration_id, self.identity))
        store.store_signed_prekey(self.skey)
        self.store = store
        return store

    def upload_prekeys(self, count: int) -> Node:
        """The encrypt-set IQ uploading ``count`` fresh one-time prekeys of the store."""
        assert self.store is not None
        records = new_prekeys(self.store, count)
        keys = [
            Node(
                "key",
                {},
                [
                    Node("id", {}, r.key_id.to_bytes(3, "big")),
                    Node("value", {}, r.key_pair.public),
                ],
            )
            for r in records
        ]
        skey = Node(
            "skey",
            {},
            [
                Node("id", {}, self.skey.key_id.to_bytes(3, "big")),
                Node("value", {}, self.skey.key_pair.public),
                Node("signature", {}, self.skey.signature),
            ],
        )
        return Node(
            "iq",
            {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": "encrypt", "type": "set"},
            [
                Node("registration", {}, self.registration_id.to_bytes(4, "big")),
                Node("type", {}, b"\x05"),
                Node("identity", {}, self.identity.public),
                Node("list", {}, keys),
                skey,
            ],
        )

    def decrypt(self, message: Node) -> e2e_pb2.Message:
        """Decrypt a 1:1 <message><enc/></message> from the server."""
        assert self.store is not None
        sender = message.attr_jid("from")
        enc = message.require_child("enc")
        cipher = SessionCipher(self.store, ProtocolAddress(sender.user, sender.device))
        kind = MessageType.from_enc_type(enc.require_attr("type"))
        padded = cipher.decrypt(CiphertextMessage(kind, enc.content_bytes()))
        result = e2e_pb2.Message()
        result.ParseFromString(unpad_message(padded))
        return result

    def decrypt_group(self, message: Node) -> e2e_pb2.Message | None:
        """Read a group <message from=GROUP participant=…>: take the sender key a pairwise
        <enc> distributes, then decrypt the skmsg (None when there is only a key)."""
        assert self.store is not None
        group = message.require_attr("from")
        author = message.attr_jid("participant")
        name = SenderKeyName(group, ProtocolAddress(author.user, author.device))
        result = None
        for enc in message.children_named("enc"):
            kind = enc.require_attr("type")
            if kind == "skmsg":
                padded = GroupCipher(self.store, name).decrypt(enc.content_bytes())
                result = e2e_pb2.Message()
                result.ParseFromString(unpad_message(padded))
                continue
            cipher = SessionCipher(self.store, ProtocolAddress(author.user, author.device))
            plain = cipher.decrypt(
                CiphertextMessage(MessageType.from_enc_type(kind), enc.content_bytes())
            )
            pairwise = e2e_pb2.Message()
            pairwise.ParseFromString(unpad_message(plain))
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
        assert self.store is not None
        name = SenderKeyName(group, ProtocolAddress(own_user, own_device))
        message = e2e_pb2.Message()
        skdm = message.sender_key_distribution_message
        skdm.group_id = group
        skdm.axolotl_sender_key_distribution_message = (
            GroupSessionBuilder(self.store).create(name).serialize()
        )
        return message.SerializeToString()

    def encrypt_group(self, group: str, own_user: str, own_device: int, data: bytes) -> Node:
        """The <enc type=skmsg> of a group message under our sender key."""
        assert self.store is not None
        name = SenderKeyName(group, ProtocolAddress(own_user, own_device))
        body = GroupCipher(self.store, name).encrypt(pad_message(data))
        return Node("enc", {"v": "2", "type": "skmsg"}, body)

    def encrypt(self, user: str, device: int, bundle: PreKeyBundle | None, data: bytes) -> Node:
        """An <enc> for one device of ``user`` (a session from ``bundle`` if none yet)."""
        assert self.store is not None
        address = ProtocolAddress(user, device)
        cipher = SessionCipher(self.store, address)
        if not cipher.has_session():
            assert bundle is not None
            process_prekey_bundle(self.store, address, bundle)
        out = cipher.encrypt(pad_message(data))
        return Node("enc", {"v": "2", "type": out.type.enc_type}, out.body)

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
        user = to.split("@", 1)[0]
        enc = self.encrypt(user, 0, bundle, data)
        children = [Node("participants", {}, [Node("to", {"jid": to}, [enc])])]
        return Node(
            "message",
            {"to": to, "id": stanza_id, "type": "text", **attrs},
            children + (extra or []),
        )

    def has_session(self, user: str, device: int = 0) -> bool:
        assert self.store is not None
        return SessionCipher(self.store, ProtocolAddress(user, device)).has_session()

    @staticmethod
    def issue_tokens(jid: str, t: int, kind: str = "trusted_contact") -> Node:
        """The privacy IQ giving our token to ``jid`` at ``t``."""
        token = Node("token", {"jid": jid, "t": str(t), "type": kind})
        return Node(
            "iq",
            {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": "privacy", "type": "set"},
            [Node("tokens", {}, [token])],
        )

    @staticmethod
    def ab_props(hash_: str | None = None) -> Node:
        """The A/B props query (with the hash we hold, if any)."""
        attrs = {"protocol": "1"} | ({"hash": hash_} if hash_ else {})
        return Node(
            "iq",
            {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": "abt", "type": "get"},
            [Node("props", attrs)],
        )

    def registration_payload(self) -> bytes:
        props = companion_pb2.DeviceProps(os="wacli-test", platform_type=1)  # CHROME
        payload = client_payload_pb2.ClientPayload(passive=False, connect_type=1)
        data = payload.device_pairing_data
        data.e_regid = self.registration_id.to_bytes(4, "big")
        data.e_keytype = b"\x05"
        data.e_ident = self.identity.public
        data.e_skey_id = self.skey.key_id.to_bytes(3, "big")
        data.e_skey_val = self.skey.key_pair.public
        data.e_skey_sig = self.skey.signature
        data.build_hash = hashlib.md5(b"2.3000.0", usedforsecurity=False).digest()
        data.device_props = props.SerializeToString()
        return payload.SerializeToString()

    def login_payload(self, phone: str, device: int) -> bytes:
        payload = client_payload_pb2.ClientPayload(
            username=int(phone), device=device, passive=True, connect_type=1
        )
        return payload.SerializeToString()

    def answer_pair_success(self, iq: Node, adv_secret: bytes) -> Node:
        """Check pair-success as a companion must, and countersign it."""
        success = iq.require_child("pair-success")
        paired = verify_pair_success(
            success.require_child("device-identity").content_bytes(), adv_secret, self.identity
        )
        self.account_key = paired.account_identity
        device = success.require_child("device")
        self.jid, self.lid = device.require_attr("jid"), device.require_attr("lid")
        sign = Node("device-identity", {"key-index": str(paired.key_index)}, paired.reply)
        return Node(
            "iq",
            {"to": "s.whatsapp.net", "type": "result", "id": iq.require_attr("id")},
            [Node("pair-device-sign", {}, [sign])],
        )


class Session:
    """One connection to the sandbox: send and receive nodes with bounded waits."""

    def __init__(self, ws: ClientConnection, stream: NoiseStream) -> None:
        self.ws = ws
        self.stream = stream
        self.skipped: list[Node] = []  # what query() read while waiting for its answer
        self.previews: list[Node] = []  # <offline_preview>s seen before the offline queue

    async def send(self, node: Node) -> None:
        await self.stream.send(encode(node))

    async def receive(self, timeout: float = TIMEOUT) -> Node:
        with anyio.fail_after(timeout):
            return decode(await self.stream.receive())

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

    async def close(self) -> None:
        await self.ws.close()


def parse_bundle(user: Node, device: int) -> PreKeyBundle:
    """A <user> of a prekey fetch answer as a bundle for ``device`` (the client's parser)."""
    return replace(client_parse_bundle(user), device_id=device)


async def open_session(url: str, root_key: bytes, static: KeyPair, payload: bytes) -> Session:
    ws = await connect(url, compression=None)
    try:
        with anyio.fail_after(TIMEOUT):
            stream = await open_client(ws, ClientHandshake(static, payload, root_key=root_key))
    except BaseException:
        await ws.close()
        raise
    return Session(ws, stream)
