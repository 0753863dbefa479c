"""Version 3 wire messages: SignalMessage (WhisperMessage) and PreKeySignalMessage.

SignalMessage bytes are ``0x33 ‖ protobuf ‖ mac[:8]``; the MAC is HMAC-SHA256 under the
message's MAC key over ``sender identity ‖ receiver identity ‖ 0x33 ‖ protobuf`` with both
identities in their 33-byte wire form. PreKeySignalMessage bytes are ``0x33 ‖ protobuf``.
"""

from __future__ import annotations

import hmac
from typing import NamedTuple

from google.protobuf.message import DecodeError

from wacli.proto import signal_pb2
from wacli.signal.errors import InvalidKeyError, InvalidMessageError
from wacli.signal.keys import parse_public, serialize_public
from wacli.signal.ratchet_kdf import hmac_sha256

CURRENT_VERSION = 3
VERSION_BYTE = bytes(((CURRENT_VERSION << 4) | CURRENT_VERSION,))
MAC_LEN = 8
_DJB = b"\x05"


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class SignalMessage(NamedTuple):
    ratchet_key: bytes  # raw 32-byte key
    counter: int
    previous_counter: int
    ciphertext: bytes
    serialized: bytes  # the whole message as received, MAC included


class PreKeySignalMessage(NamedTuple):
    registration_id: int
    prekey_id: int | None
    signed_prekey_id: int
    base_key: bytes  # raw
    identity_key: bytes  # raw
    message: SignalMessage


def _mac(mac_key: bytes, sender_identity: bytes, receiver_identity: bytes, body: bytes) -> bytes:
    data = b"".join((_DJB, sender_identity, _DJB, receiver_identity, body))
    return hmac_sha256(mac_key, data)[:MAC_LEN]


def encode_signal_message(
    *,
    mac_key: bytes,
    sender_identity: bytes,
    receiver_identity: bytes,
    ratchet_key: bytes,
    counter: int,
    previous_counter: int,
    ciphertext: bytes,
) -> bytes:
    proto = signal_pb2.SignalMessage(
        ratchet_key=serialize_public(ratchet_key),
        counter=counter,
        previous_counter=previous_counter,
        ciphertext=ciphertext,
    )
    body = VERSION_BYTE + proto.SerializeToString()
    return body + _mac(mac_key, sender_identity, receiver_identity, body)


def verify_mac(
    message: SignalMessage, mac_key: bytes, sender_identity: bytes, receiver_identity: bytes
) -> bool:
    data = message.serialized
    expected = _mac(mac_key, sender_identity, receiver_identity, data[:-MAC_LEN])
    return hmac.compare_digest(expected, data[-MAC_LEN:])


def _check_version(data: bytes, what: str) -> None:
    if not data:
        raise InvalidMessageError(f"empty {what}")
    if data[0] >> 4 != CURRENT_VERSION:
        raise InvalidMessageError(f"{what} has unsupported version {data[0] >> 4}")


def parse_signal_message(data: bytes) -> SignalMessage:
    data = bytes(data)
    _check_version(data, "SignalMessage")
    if len(data) <= 1 + MAC_LEN:
        raise InvalidMessageError("SignalMessage too short")
    proto = signal_pb2.SignalMessage()
    try:
        proto.ParseFromString(data[1:-MAC_LEN])
    except DecodeError as exc:
        raise InvalidMessageError(f"malformed SignalMessage: {exc}") from None
    if not (
        proto.HasField("ratchet_key") and proto.HasField("counter") and proto.HasField("ciphertext")
    ):
        raise InvalidMessageError("SignalMessage lacks a ratchet key, counter or ciphertext")
    try:
        ratchet_key = parse_public(proto.ratchet_key)
    except InvalidKeyError as exc:
        raise InvalidMessageError(f"SignalMessage ratchet key: {exc}") from None
    if not proto.ciphertext or len(proto.ciphertext) % 16:
        raise InvalidMessageError("SignalMessage ciphertext is not whole AES blocks")
    return SignalMessage(ratchet_key, proto.counter, proto.previous_counter, proto.ciphertext, data)


def encode_prekey_message(
    *,
    registration_id: int,
    prekey_id: int | None,
    signed_prekey_id: int,
    base_key: bytes,
    identity_key: bytes,
    message: bytes,
) -> bytes:
    proto = signal_pb2.PreKeySignalMessage(
        registration_id=registration_id,
        signed_pre_key_id=signed_prekey_id,
        base_key=serialize_public(base_key),
        identity_key=serialize_public(identity_key),
        message=message,
    )
    if prekey_id is not None:
        proto.pre_key_id = prekey_id
    return VERSION_BYTE + proto.SerializeToString()


def parse_prekey_message(data: bytes) -> PreKeySignalMessage:
    data = bytes(data)
    _check_version(data, "PreKeySignalMessage")
    proto = signal_pb2.PreKeySignalMessage()
    try:
        proto.ParseFromString(data[1:])
    except DecodeError as exc:
        raise InvalidMessageError(f"malformed PreKeySignalMessage: {exc}") from None
    required = ("base_key", "identity_key", "message", "signed_pre_key_id")
    missing = [name for name in required if not proto.HasField(name)]
    if missing:
        raise InvalidMessageError(f"PreKeySignalMessage lacks {', '.join(missing)}")
    try:
        base_key = parse_public(proto.base_key)
        identity_key = parse_public(proto.identity_key)
    except InvalidKeyError as exc:
        raise InvalidMessageError(f"PreKeySignalMessage key: {exc}") from None
    return PreKeySignalMessage(
        registration_id=proto.registration_id,
        prekey_id=proto.pre_key_id if proto.HasField("pre_key_id") else None,
        signed_prekey_id=proto.signed_pre_key_id,
        base_key=base_key,
        identity_key=identity_key,
        message=parse_signal_message(proto.message),
    )
