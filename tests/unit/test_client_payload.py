"""The ClientPayload: registration and login shapes, the configurable version, failures."""

import hashlib

import pytest

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client import failures, payload
from wacli.client.client import is_retryable
from wacli.client.errors import (
    CertificateError,
    ClientOutdatedError,
    ConnectError,
    ConnectionLost,
    LoggedOutError,
    PairingFailed,
    RestartRequired,
    StreamFailure,
    StreamReplacedError,
    TemporaryBanError,
)
from wacli.jid import parse_jid
from wacli.proto import client_payload_pb2, companion_pb2
from wacli.signal.keys import (
    generate_identity,
    generate_signed_prekey,
    verify_prekey_signature,
)

Payload = client_payload_pb2.ClientPayload


def test_registration_payload_carries_the_signal_identity_and_build_hash() -> None:
    identity = generate_identity()
    signed = generate_signed_prekey(identity.identity, 0x012345)
    agent = payload.Agent(version=(2, 3000, 123))
    sent = Payload.FromString(
        payload.registration_payload(identity, signed, agent).SerializeToString()
    )
    reg = sent.device_pairing_data
    assert int.from_bytes(reg.e_regid, "big") == identity.registration_id and len(reg.e_regid) == 4
    assert reg.e_keytype == b"\x05"
    assert reg.e_ident == identity.identity.public
    assert reg.e_skey_id == b"\x01\x23\x45"
    assert reg.e_skey_val == signed.key_pair.public
    assert verify_prekey_signature(reg.e_ident, reg.e_skey_val, reg.e_skey_sig)
    assert reg.build_hash == hashlib.md5(b"2.3000.123").digest()
    props = companion_pb2.DeviceProps.FromString(reg.device_props)
    assert props.os == "wacli" and props.HasField("platform_type")
    assert not sent.HasField("username") and sent.passive is False and sent.pull is False
    ua = sent.user_agent
    assert ua.platform == Payload.UserAgent.WEB
    assert (ua.app_version.primary, ua.app_version.secondary, ua.app_version.tertiary) == (
        2,
        3000,
        123,
    )
    assert sent.web_info.web_sub_platform == Payload.WebInfo.WEB_BROWSER


def test_login_payload_names_the_device() -> None:
    sent = payload.login_payload(parse_jid("15551234567:7@s.whatsapp.net"))
    assert sent.username == 15551234567 and sent.device == 7
    assert sent.passive is True and sent.pull is True
    assert not sent.HasField("device_pairing_data")
    version = sent.user_agent.app_version
    assert (version.primary, version.secondary, version.tertiary) == payload.WA_WEB_VERSION


def test_version_override_and_its_errors() -> None:
    assert payload.configured_version({}) == payload.WA_WEB_VERSION
    assert payload.configured_version({"WACLI_WA_VERSION": " 2.3000.99 "}) == (2, 3000, 99)
    for bad in ("2.3000", "a.b.c", "2.3000.1.4", "2.3000.99999999999"):
        with pytest.raises(payload.VersionError, match="WACLI_WA_VERSION"):
            payload.configured_version({"WACLI_WA_VERSION": bad})


def test_client_outdated_failure_names_the_setting_to_change() -> None:
    ending = failures.connect_failure(Node("failure", {"reason": "405"}), (2, 3000, 5))
    assert isinstance(ending.error, ClientOutdatedError)
    assert "WACLI_WA_VERSION" in str(ending.error) and "2.3000.5" in str(ending.error)
    assert [type(e) for e in ending.events] == [ev.ClientOutdated, ev.ConnectFailure]
    assert not ending.retry


@pytest.mark.parametrize("reason", ["401", "403", "406"])
def test_logged_out_failures(reason: str) -> None:
    ending = failures.connect_failure(Node("failure", {"reason": reason}), (2, 1, 1))
    assert isinstance(ending.error, LoggedOutError)
    (event,) = ending.events
    assert isinstance(event, ev.LoggedOut) and event.on_connect is True


def test_temporary_ban_failure() -> None:
    node = Node("failure", {"reason": "402", "code": "103", "expire": "3600"})
    ending = failures.connect_failure(node, (2, 1, 1))
    assert isinstance(ending.error, TemporaryBanError) and ending.error.code == 103
    assert ending.events == (ev.TemporaryBan(code=103, expire=3600.0),)


def test_other_failures_are_connect_failures_retried_only_when_transient() -> None:
    for reason, retry in (("503", True), ("409", False), ("418", False), ("x", False)):
        ending = failures.connect_failure(Node("failure", {"reason": reason}), (2, 1, 1))
        assert isinstance(ending.error, StreamFailure)
        (event,) = ending.events
        assert isinstance(event, ev.ConnectFailure)
        assert ending.retry is retry and is_retryable(ending.error) is retry


def test_stream_errors() -> None:
    restart = failures.stream_error(Node("stream:error", {"code": "515"}))
    assert isinstance(restart.error, RestartRequired) and restart.events == () and restart.retry
    replaced = failures.stream_error(
        Node("stream:error", {}, [Node("conflict", {"type": "replaced"})])
    )
    assert isinstance(replaced.error, StreamReplacedError)
    assert replaced.events == (ev.StreamReplaced(),) and not replaced.retry
    removed = failures.stream_error(
        Node("stream:error", {"code": "401"}, [Node("conflict", {"type": "device_removed"})])
    )
    assert isinstance(removed.error, LoggedOutError)
    assert removed.events == (ev.LoggedOut(on_connect=False, reason="device_removed"),)
    other = failures.stream_error(
        Node("stream:error", {"code": "500"}, [Node("xml-not-well-formed")])
    )
    assert other.events == (ev.StreamError(code="500", text="xml-not-well-formed"),)
    assert isinstance(other.error, StreamFailure)


def test_what_the_reconnect_loop_retries() -> None:
    retried = [ConnectionLost("x"), RestartRequired("515"), ConnectError("refused")]
    final = [
        CertificateError("root"),
        PairingFailed("adv"),
        LoggedOutError("401"),
        StreamReplacedError("conflict"),
        TemporaryBanError("402", 101),
        ClientOutdatedError("405", 405),
        StreamFailure("409", 409),
    ]
    assert all(is_retryable(e) for e in retried)
    assert not any(is_retryable(e) for e in final)
    unknown = failures.stream_error(Node("stream:error", {}, [Node("something-new")]))
    assert is_retryable(unknown.error)
