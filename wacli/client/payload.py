"""The ClientPayload sealed into the Noise handshake: registration (fresh store) or login.

wacli presents itself as a WhatsApp Web client. The server refuses versions it
considers too old (connect failure 405), so the version is a module constant
that ``WACLI_WA_VERSION=2.3000.NNNNNNNNNN`` overrides without a new release.

Shapes follow whatsmeow store/clientpayload.go and Baileys validate-connection.ts:
a registration carries the Signal identity, registration id (4 bytes, big-endian),
signed prekey id (3 bytes), key and signature, the MD5 of the version string
and the DeviceProps; a login carries the phone number as ``username``, the
device number, ``passive`` and ``pull``.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import NamedTuple

from wacli.client.errors import ClientError
from wacli.jid import JID
from wacli.proto import client_payload_pb2, companion_pb2
from wacli.store.records import DeviceIdentity, SignedPreKeyRecord

# The WhatsApp Web version wacli claims; bump it when the server answers 405.
WA_WEB_VERSION: tuple[int, int, int] = (2, 3000, 1045649367)
VERSION_ENV = "WACLI_WA_VERSION"

# What the phone shows in "Linked devices".
DEVICE_OS_NAME = "wacli"
DEVICE_PLATFORM = companion_pb2.DeviceProps.UNKNOWN
# The QR's platform suffix and companion_platform_id ("9": another web client, whatsmeow).
PAIR_CLIENT_TYPE = "9"
PAIR_CLIENT_DISPLAY = "wacli (Linux)"

_DJB_TYPE = b"\x05"
_VERSION_TEXT = re.compile(r"(\d{1,10})\.(\d{1,10})\.(\d{1,10})")

Payload = client_payload_pb2.ClientPayload


class VersionError(ClientError):
    """WACLI_WA_VERSION is not three dot-separated numbers."""


def parse_version(text: str) -> tuple[int, int, int]:
    match = _VERSION_TEXT.fullmatch(text.strip())
    if match is None or any(int(part) >= 2**32 for part in match.groups()):
        raise VersionError(f"{VERSION_ENV}={text!r} is not a version like 2.3000.1045649367")
    a, b, c = (int(part) for part in match.groups())
    return a, b, c


def configured_version(environ: dict[str, str] | None = None) -> tuple[int, int, int]:
    """The version to claim: the environment override, else the built-in constant."""
    text = (os.environ if environ is None else environ).get(VERSION_ENV)
    return WA_WEB_VERSION if not text else parse_version(text)


def version_text(version: tuple[int, int, int]) -> str:
    return ".".join(str(part) for part in version)


def build_hash(version: tuple[int, int, int]) -> bytes:
    return hashlib.md5(version_text(version).encode()).digest()


# A NamedTuple rather than a dataclass, to define cheaply at every start-up.
class Agent(NamedTuple):
    """Who the client says it is; defaults mirror a desktop web browser."""

    version: tuple[int, int, int] = WA_WEB_VERSION
    os_name: str = DEVICE_OS_NAME
    locale_language: str = "en"
    locale_country: str = "US"


def _base(agent: Agent) -> Payload:
    ua = client_payload_pb2.ClientPayload.UserAgent
    primary, secondary, tertiary = agent.version
    return Payload(
        user_agent=ua(
            platform=ua.WEB,
            release_channel=ua.RELEASE,
            app_version=ua.AppVersion(primary=primary, secondary=secondary, tertiary=tertiary),
            mcc="000",
            mnc="000",
            os_version="0.1",
            manufacturer="",
            device="Desktop",
            os_build_number="0.1",
            locale_language_iso_639_1=agent.locale_language,
            locale_country_iso_3166_1_alpha_2=agent.locale_country,
        ),
        web_info=client_payload_pb2.ClientPayload.WebInfo(
            web_sub_platform=client_payload_pb2.ClientPayload.WebInfo.WEB_BROWSER
        ),
        connect_type=Payload.WIFI_UNKNOWN,
        connect_reason=Payload.USER_ACTIVATED,
    )


def device_props(agent: Agent) -> companion_pb2.DeviceProps:
    props = companion_pb2.DeviceProps
    return props(
        os=agent.os_name,
        version=props.AppVersion(primary=0, secondary=1, tertiary=0),
        platform_type=DEVICE_PLATFORM,
        require_full_sync=False,
        history_sync_config=props.HistorySyncConfig(
            storage_quota_mb=10240,
            inline_initial_payload_in_e2ee_msg=True,
            support_call_log_history=False,
            support_group_history=False,
        ),
    )


def registration_payload(
    identity: DeviceIdentity, signed_prekey: SignedPreKeyRecord, agent: Agent | None = None
) -> Payload:
    """The payload of a fresh companion's first connection (answered with pair-device)."""
    agent = agent or Agent()
    payload = _base(agent)
    payload.device_pairing_data.CopyFrom(
        client_payload_pb2.ClientPayload.DevicePairingRegistrationData(
            e_regid=identity.registration_id.to_bytes(4, "big"),
            e_keytype=_DJB_TYPE,
            e_ident=identity.identity.public,
            e_skey_id=signed_prekey.key_id.to_bytes(3, "big"),
            e_skey_val=signed_prekey.key_pair.public,
            e_skey_sig=signed_prekey.signature,
            build_hash=build_hash(agent.version),
            device_props=device_props(agent).SerializeToString(),
        )
    )
    payload.passive = False
    payload.pull = False
    return payload


def login_payload(device: JID, agent: Agent | None = None, *, passive: bool = True) -> Payload:
    """The payload of a paired companion logging in as ``device`` (user:device@server)."""
    if not device.user.isdigit():
        raise ClientError(f"cannot log in as {device}: its user part is not a phone number")
    payload = _base(agent or Agent())
    payload.username = int(device.user)
    payload.device = device.device
    # Passive until the post-login prekey check is done; then <active/> (whatsmeow does so).
    payload.passive = passive
    payload.pull = True
    payload.lid_db_migrated = True
    payload.lc = 1
    return payload
