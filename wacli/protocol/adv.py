"""ADV ("account device verification"): how the phone vouches for a linked device.

At pair-success the server relays from the phone an ADVSignedDeviceIdentityHMAC:
``details`` is an ADVSignedDeviceIdentity, authenticated by HMAC-SHA256 under
the adv secret that pairing established. Inside, the phone's account identity
key signs ``prefix ‖ ADVDeviceIdentity bytes ‖ companion identity public``.
The companion checks both, then countersigns ``prefix ‖ ADVDeviceIdentity bytes
‖ companion identity public ‖ account identity public`` and sends the identity
back (without the account key) in pair-device-sign. Hosted accounts use their
own prefixes, and their HMAC covers a prefix too. The account also signs the
list of its valid device key indexes (ADVSignedKeyIndexList, in device lists).

Signatures are XEdDSA with Curve25519 identity keys (wacli.crypto).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from typing import TypeVar

from google.protobuf.message import DecodeError, Message

from wacli.crypto import KeyPair, xeddsa_sign, xeddsa_verify
from wacli.proto import adv_pb2
from wacli.protocol.errors import AdvError

ACCOUNT_SIGNATURE_PREFIX = b"\x06\x00"
DEVICE_SIGNATURE_PREFIX = b"\x06\x01"
HOSTED_ACCOUNT_SIGNATURE_PREFIX = b"\x06\x05"  # also prefixes a hosted account's HMAC input
HOSTED_DEVICE_SIGNATURE_PREFIX = b"\x06\x06"
KEY_INDEX_LIST_PREFIX = b"\x06\x02"

HOSTED = adv_pb2.HOSTED
E2EE = adv_pb2.E2EE


_M = TypeVar("_M", bound=Message)


def _parse(cls: type[_M], data: bytes, what: str) -> _M:
    msg = cls()
    try:
        msg.ParseFromString(bytes(data))
    except (DecodeError, ValueError) as exc:
        raise AdvError(f"malformed {what}: {exc}") from None
    return msg


def _account_message(details: bytes, device_identity: bytes, hosted: bool) -> bytes:
    prefix = HOSTED_ACCOUNT_SIGNATURE_PREFIX if hosted else ACCOUNT_SIGNATURE_PREFIX
    return prefix + details + device_identity


def _device_message(
    details: bytes, device_identity: bytes, account_identity: bytes, hosted: bool
) -> bytes:
    prefix = HOSTED_DEVICE_SIGNATURE_PREFIX if hosted else DEVICE_SIGNATURE_PREFIX
    return prefix + details + device_identity + account_identity


def _hmac(adv_secret: bytes, details: bytes, hosted: bool) -> bytes:
    prefix = HOSTED_ACCOUNT_SIGNATURE_PREFIX if hosted else b""
    return hmac.digest(adv_secret, prefix + details, hashlib.sha256)


@dataclass(frozen=True, slots=True)
class PairedDevice:
    """What a companion learns and answers once pair-success checks out."""

    signed_identity: adv_pb2.ADVSignedDeviceIdentity  # with our device signature, account key kept
    details: adv_pb2.ADVDeviceIdentity
    account_identity: bytes  # the phone's identity key: trust it for the account's device 0
    reply: bytes  # for pair-device-sign: the signed identity without the account key
    hosted: bool

    @property
    def key_index(self) -> int:
        return self.details.key_index


def verify_pair_success(
    device_identity: bytes, adv_secret: bytes, identity: KeyPair
) -> PairedDevice:
    """Companion side: check pair-success's <device-identity> and countersign it.

    Raises AdvError when the HMAC, the account signature or the encoding is bad.
    """
    container = _parse(adv_pb2.ADVSignedDeviceIdentityHMAC, device_identity, "identity container")
    hosted = container.HasField("account_type") and container.account_type == HOSTED
    if not container.HasField("details") or not container.HasField("hmac"):
        raise AdvError("identity container lacks details or hmac")
    if not hmac.compare_digest(_hmac(adv_secret, container.details, hosted), container.hmac):
        raise AdvError("device identity HMAC mismatch (adv secret differs)")
    signed = _parse(adv_pb2.ADVSignedDeviceIdentity, container.details, "signed device identity")
    account_key, account_sig = signed.account_signature_key, signed.account_signature
    if len(account_key) != 32 or len(account_sig) != 64:
        raise AdvError("account signature key or signature has the wrong size")
    details = _parse(adv_pb2.ADVDeviceIdentity, signed.details, "device identity details")
    # whatsmeow keys the hosted prefix off the container, Baileys off the device type
    hosted = hosted or (details.HasField("device_type") and details.device_type == HOSTED)
    message = _account_message(signed.details, identity.public, hosted)
    if not xeddsa_verify(account_key, message, account_sig):
        raise AdvError("account signature does not verify")
    signed.device_signature = xeddsa_sign(
        identity.private, _device_message(signed.details, identity.public, account_key, hosted)
    )
    reply = adv_pb2.ADVSignedDeviceIdentity()
    reply.CopyFrom(signed)
    reply.ClearField("account_signature_key")
    return PairedDevice(signed, details, bytes(account_key), reply.SerializeToString(), hosted)


def build_pair_success(
    account: KeyPair,
    companion_identity: bytes,
    adv_secret: bytes,
    key_index: int,
    *,
    raw_id: int | None = None,
    timestamp: int | None = None,
    hosted: bool = False,
) -> bytes:
    """Primary side (the sandbox's phone): the <device-identity> bytes of pair-success."""
    if len(companion_identity) != 32:
        raise AdvError("a companion identity key is 32 bytes")
    details = adv_pb2.ADVDeviceIdentity(
        raw_id=int.from_bytes(os.urandom(4), "big") if raw_id is None else raw_id,
        timestamp=int(time.time()) if timestamp is None else timestamp,
        key_index=key_index,
    )
    if hosted:
        details.account_type = HOSTED
        details.device_type = HOSTED
    details_bytes = details.SerializeToString()
    signed = adv_pb2.ADVSignedDeviceIdentity(
        details=details_bytes,
        account_signature_key=account.public,
        account_signature=xeddsa_sign(
            account.private, _account_message(details_bytes, companion_identity, hosted)
        ),
    )
    signed_bytes = signed.SerializeToString()
    container = adv_pb2.ADVSignedDeviceIdentityHMAC(
        details=signed_bytes, hmac=_hmac(adv_secret, signed_bytes, hosted)
    )
    if hosted:
        container.account_type = HOSTED
    return container.SerializeToString()


def verify_device_identity(
    signed_identity: bytes,
    device_identity: bytes,
    account_identity: bytes | None = None,
) -> adv_pb2.ADVDeviceIdentity:
    """Check both signatures of an ADVSignedDeviceIdentity (pair-device-sign, or the
    device-identity node of a pkmsg). ``account_identity`` is the account key we
    trust; it is required when the message omits it, and must match when present.
    Returns the device details; raises AdvError otherwise.
    """
    signed = _parse(adv_pb2.ADVSignedDeviceIdentity, signed_identity, "signed device identity")
    carried = signed.account_signature_key if signed.HasField("account_signature_key") else None
    if account_identity is None:
        account_identity = carried
    elif carried is not None and carried != account_identity:
        raise AdvError("device identity is signed by another account")
    if account_identity is None or len(account_identity) != 32:
        raise AdvError("no usable account identity key to check the device identity with")
    if len(signed.account_signature) != 64 or len(signed.device_signature) != 64:
        raise AdvError("device identity lacks a signature")
    details = _parse(adv_pb2.ADVDeviceIdentity, signed.details, "device identity details")
    hosted = details.HasField("device_type") and details.device_type == HOSTED
    if not xeddsa_verify(
        account_identity,
        _account_message(signed.details, device_identity, hosted),
        signed.account_signature,
    ):
        raise AdvError("account signature does not verify")
    if not xeddsa_verify(
        device_identity,
        _device_message(signed.details, device_identity, account_identity, hosted),
        signed.device_signature,
    ):
        raise AdvError("device signature does not verify")
    return details


def build_key_index_list(
    account: KeyPair,
    raw_id: int,
    current_index: int,
    valid_indexes: list[int],
    timestamp: int | None = None,
) -> bytes:
    """Primary side: the account-signed list of device key indexes (key-index-list content)."""
    details = adv_pb2.ADVKeyIndexList(
        raw_id=raw_id,
        timestamp=int(time.time()) if timestamp is None else timestamp,
        current_index=current_index,
        valid_indexes=valid_indexes,
    ).SerializeToString()
    return adv_pb2.ADVSignedKeyIndexList(
        details=details,
        account_signature=xeddsa_sign(account.private, KEY_INDEX_LIST_PREFIX + details),
    ).SerializeToString()
