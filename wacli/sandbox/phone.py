"""The simulated primary phone (device 0) of a sandbox account.

It is a real Signal endpoint with its own store (``phones/<phone>/``): its
identity key is the account key that signs each companion's ADV identity at
pairing, and it answers pairing codes as a phone would (wacli.protocol.pair_code).
It sends and receives 1:1 and group messages as a phone does (phone_messages.py and
phone_groups.py drive it): sessions built from fetched bundles, WhatsApp padding,
sender keys, and what it decrypts kept in its inbox for the admin API.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wacli.binary import Node
from wacli.crypto import KeyPair
from wacli.jid import JID
from wacli.proto import e2e_pb2
from wacli.protocol.adv import build_key_index_list, build_pair_success
from wacli.protocol.padding import UNPADDED_ENC_VERSION, pad_message, unpad_message
from wacli.protocol.pair_code import PrimaryPairing
from wacli.protocol.prekeys import SignedKey
from wacli.sandbox.state import Device
from wacli.signal import (
    CiphertextMessage,
    MessageType,
    PreKeyBundle,
    ProtocolAddress,
    SessionCipher,
    process_prekey_bundle,
)
from wacli.signal.device import ensure_identity, new_prekeys, rotate_signed_prekey
from wacli.signal.group import GroupCipher, GroupSessionBuilder, SenderKeyName
from wacli.store import Store

# What pair-success's <platform name=…> says about the primary.
PHONE_PLATFORM = "android"


def new_message_id() -> str:
    """A message id as phones make them (upper-case hex)."""
    return "3A" + os.urandom(9).hex().upper()


# Sent messages a phone keeps to answer retry receipts.
SENT_KEPT = 1000
MAX_RETRIES = 5  # retry receipts a phone answers per message and device


@dataclass(frozen=True, slots=True)
class SentMessage:
    id: str
    chat: JID
    type: str  # the stanza's type attribute (text, media)
    plain: bytes  # the Message for the recipient's devices
    own_copy: bytes  # the DeviceSentMessage for our own companions
    version: int = 2  # the <enc v>: 3 sends the plaintext unpadded (resends keep it)


# The <enc v> a phone can send: 2, the padded Message every client sends, and 3, sent
# unpadded (whatsmeow's unpadMessage returns a v=3 plaintext whole; its FB/Armadillo
# sender, sendfb.go, sends v=3, there wrapping a MessageTransport whose padding is a
# protobuf field). The sandbox's v=3 carries the same Message as v=2, only unpadded.
ENC_VERSIONS = (2, UNPADDED_ENC_VERSION)


def plaintext_for(plain: bytes, version: int) -> bytes:
    """What a phone encrypts: the Message padded (v=2) or as it is (v=3)."""
    if version not in ENC_VERSIONS:
        raise ValueError(f"enc version {version} is not one of {ENC_VERSIONS}")
    return plain if version == UNPADDED_ENC_VERSION else pad_message(plain)


def enc_node(
    stats: Counter[str], enc_type: str, version: int, body: bytes, *, device: int | None = None
) -> Node:
    """One ``<enc v type>`` a phone sends to ``device`` (None: to a group's devices), counted
    in the stats as ``phone_enc_<type>_v<version>`` unless it goes to another phone, so a
    test can tell which kinds the companions got."""
    if device != 0:
        stats[f"phone_enc_{enc_type}_v{version}"] += 1
    return Node("enc", {"v": str(version), "type": enc_type}, body)


def message_text(message: e2e_pb2.Message) -> str | None:
    if message.HasField("conversation"):
        return message.conversation
    if message.HasField("extended_text_message"):
        return message.extended_text_message.text
    return None


class SimulatedPhone:
    def __init__(self, phone: str, directory: Path) -> None:
        self.phone = phone
        self.store = Store(directory)
        own = ensure_identity(self.store)
        self.identity: KeyPair = own.identity
        self.registration_id = own.registration_id
        # The account's ADV id: the same in every device identity and key index list it signs.
        self.adv_raw_id = int.from_bytes(hashlib.sha256(self.identity.public).digest()[:4], "big")
        self.sent: OrderedDict[str, SentMessage] = OrderedDict()

    def close(self) -> None:
        self.store.close()

    def sign_companion(self, companion_identity: bytes, adv_secret: bytes, key_index: int) -> bytes:
        """pair-success's <device-identity>: the companion's ADV identity, signed by us."""
        return build_pair_success(
            self.identity, companion_identity, adv_secret, key_index, raw_id=self.adv_raw_id
        )

    def key_index_list(self, valid_indexes: list[int]) -> bytes:
        """The signed list of the account's valid device key indexes (usync devices)."""
        current = max(valid_indexes, default=0)
        return build_key_index_list(self.identity, self.adv_raw_id, current, valid_indexes)

    def accept_code(self, code: str, wrapped_companion_ephemeral: bytes) -> PrimaryPairing:
        """The user typed ``code`` on this phone; PairingError for a malformed code."""
        return PrimaryPairing.accept(code, wrapped_companion_ephemeral, self.identity)

    def device_record(self) -> Device:
        """Device 0 as the server describes it to others (usync, prekey fetch)."""
        signed = self.store.latest_signed_prekey() or rotate_signed_prekey(self.store)
        return Device(
            phone=self.phone,
            device=0,
            noise_public=b"",
            identity_public=self.identity.public,
            registration_id=self.registration_id,
            platform=PHONE_PLATFORM,
            key_index=0,
            signed_identity=b"",
            signed_prekey=SignedKey(signed.key_id, signed.key_pair.public, signed.signature),
        )

    def one_time_prekey(self) -> tuple[int, bytes]:
        """A fresh one-time prekey (the phone keeps its private half to answer the session)."""
        record = new_prekeys(self.store, 1)[0]
        return record.key_id, record.key_pair.public

    # -- messages ---------------------------------------------------------------------------

    def encrypt_for(
        self,
        peer: str,
        device: int,
        plaintext: bytes,
        fetch_bundle: Callable[[], PreKeyBundle | None],
        version: int = 2,
    ) -> CiphertextMessage | None:
        """Encrypt a Message for one device of ``peer`` (an account's phone number), padded
        unless ``version`` is 3, starting a session from a fetched bundle when there is
        none; None without a bundle."""
        address = ProtocolAddress(peer, device)
        cipher = SessionCipher(self.store, address)
        if not cipher.has_session():
            bundle = fetch_bundle()
            if bundle is None:
                return None
            process_prekey_bundle(self.store, address, bundle)
        return cipher.encrypt(plaintext_for(plaintext, version))

    def remember(self, sent: SentMessage) -> None:
        self.sent[sent.id] = sent
        while len(self.sent) > SENT_KEPT:
            self.sent.popitem(last=False)

    def forget_session(self, peer: str, device: int) -> None:
        """Drop the session with one device (it asked for a retry: it lost its side)."""
        self.store.delete_session(str(ProtocolAddress(peer, device)))

    def decrypt_from(self, peer: str, device: int, enc_type: str, body: bytes) -> e2e_pb2.Message:
        """Decrypt a pkmsg/msg from one device of ``peer``; SignalError, PaddingError or
        DecodeError when it is not a message for us."""
        cipher = SessionCipher(self.store, ProtocolAddress(peer, device))
        padded = cipher.decrypt(CiphertextMessage(MessageType.from_enc_type(enc_type), body))
        message = e2e_pb2.Message()
        message.ParseFromString(unpad_message(padded))
        return message

    # -- groups (sender keys) ------------------------------------------------------------

    def _own_key(self, group: str) -> SenderKeyName:
        return SenderKeyName(group, ProtocolAddress(self.phone, 0))

    def sender_key_distribution(self, group: str) -> bytes:
        """Our SenderKeyDistributionMessage for ``group`` (a key is made when there is none)."""
        return GroupSessionBuilder(self.store).create(self._own_key(group)).serialize()

    def rotate_group_key(self, group: str) -> None:
        """A member left: our next group message needs a key they never had."""
        GroupSessionBuilder(self.store).rotate(self._own_key(group))

    def group_encrypt(self, group: str, plaintext: bytes, version: int = 2) -> bytes:
        """An skmsg under our sender key (the key is made first if need be), padded unless
        ``version`` is 3."""
        self.sender_key_distribution(group)
        cipher = GroupCipher(self.store, self._own_key(group))
        return cipher.encrypt(plaintext_for(plaintext, version))

    def process_sender_key(self, group: str, peer: str, device: int, skdm: bytes) -> None:
        name = SenderKeyName(group, ProtocolAddress(peer, device))
        GroupSessionBuilder(self.store).process(name, skdm)

    def group_decrypt(self, group: str, peer: str, device: int, body: bytes) -> e2e_pb2.Message:
        """Decrypt an skmsg from one device of ``peer``; SignalError (a GroupCipherError),
        PaddingError or DecodeError when it cannot be read."""
        name = SenderKeyName(group, ProtocolAddress(peer, device))
        padded = GroupCipher(self.store, name).decrypt(body)
        message = e2e_pb2.Message()
        message.ParseFromString(unpad_message(padded))
        return message


def now() -> int:
    return int(time.time())
