"""A minimal companion built from wacli's protocol core, to drive the sandbox in tests.

It is not the wacli client (which is tested against the sandbox on its own):
just real keys, real Noise, real ClientPayloads and real ADV checks, so the
tests can reach every server path with exact control over what is sent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import anyio
from websockets.asyncio.client import ClientConnection, connect

from wacli.binary import Node, decode, encode
from wacli.crypto import KeyPair, generate_key_pair
from wacli.noise import ClientHandshake
from wacli.noise.stream import NoiseStream, open_client
from wacli.proto import client_payload_pb2, companion_pb2
from wacli.protocol.adv import verify_pair_success
from wacli.signal.keys import generate_identity, generate_signed_prekey

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

    async def close(self) -> None:
        await self.ws.close()


async def open_session(url: str, root_key: bytes, static: KeyPair, payload: bytes) -> Session:
    ws = await connect(url, compression=None)
    try:
        with anyio.fail_after(TIMEOUT):
            stream = await open_client(ws, ClientHandshake(static, payload, root_key=root_key))
    except BaseException:
        await ws.close()
        raise
    return Session(ws, stream)
