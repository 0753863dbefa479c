"""A companion that connected with a registration payload and waits to be linked.

Parsed from ClientPayload.device_pairing_data: the keys the companion will be
known by once a phone links it. Its pair-device refs and its pairing-code
session (companion_hello ... companion_finish) hang off it.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field

import anyio
from google.protobuf.message import DecodeError

from wacli.proto import client_payload_pb2, companion_pb2
from wacli.protocol.pair_code import PrimaryPairing

REF_COUNT = 6
FIRST_REF_SECONDS = 60.0
NEXT_REF_SECONDS = 20.0


class RegistrationError(ValueError):
    """The registration payload is malformed."""


@dataclass(slots=True)
class CodeSession:
    """Pairing by code: what companion_hello brought, and the phone's side once typed."""

    phone: str
    wrapped_ephemeral: bytes
    ref: bytes
    platform_id: str
    platform_display: str
    primary: PrimaryPairing | None = None
    finished: anyio.Event = field(default_factory=anyio.Event)
    adv_secret: bytes | None = None
    error: str | None = None


@dataclass(slots=True)
class Registration:
    noise_public: bytes
    identity_public: bytes
    registration_id: int
    skey_id: int
    skey_public: bytes
    skey_signature: bytes
    platform: str  # DeviceProps.platform_type, lower-case (chrome, firefox, …)
    os_name: str
    inline_history: bool = False  # DeviceProps: it takes history sync payloads inline
    code: CodeSession | None = None
    linking: bool = False  # a phone is in the middle of linking this companion
    linked: bool = False


def _uint_be(data: bytes, size: int, what: str) -> int:
    if len(data) != size:
        raise RegistrationError(f"{what} is {len(data)} bytes, not {size}")
    return int.from_bytes(data, "big")


def parse_registration(
    pairing: client_payload_pb2.ClientPayload.DevicePairingRegistrationData, noise_public: bytes
) -> Registration:
    """Check the registration data's sizes; RegistrationError when malformed."""
    for name, size in (("e_ident", 32), ("e_skey_val", 32), ("e_skey_sig", 64)):
        if len(getattr(pairing, name)) != size:
            raise RegistrationError(f"{name} must be {size} bytes")
    props = companion_pb2.DeviceProps()
    try:
        props.ParseFromString(pairing.device_props)
    except DecodeError as exc:
        raise RegistrationError(f"malformed DeviceProps: {exc}") from None
    platform = companion_pb2.DeviceProps.PlatformType.Name(props.platform_type)
    return Registration(
        noise_public=noise_public,
        identity_public=bytes(pairing.e_ident),
        registration_id=_uint_be(pairing.e_regid, 4, "e_regid"),
        skey_id=_uint_be(pairing.e_skey_id, 3, "e_skey_id"),
        skey_public=bytes(pairing.e_skey_val),
        skey_signature=bytes(pairing.e_skey_sig),
        platform=platform.lower(),
        os_name=props.os,
        inline_history=props.history_sync_config.inline_initial_payload_in_e2ee_msg,
    )


def new_ref() -> bytes:
    """A pair-device ref: printable, since it goes into the QR text (``2@…`` like the real ones)."""
    return b"2@" + base64.b64encode(os.urandom(36))


def ref_lifetimes(first: float = FIRST_REF_SECONDS, rest: float = NEXT_REF_SECONDS) -> list[float]:
    return [first] + [rest] * (REF_COUNT - 1)
