"""What the server refuses or cuts off, and that one bad client never harms another."""

from __future__ import annotations

import anyio
import pytest
from websockets.exceptions import ConnectionClosed

from bench.companion import (
    Companion,
    Session,
    account,
    connect,
    iq,
    link,
    login,
    open_session,
    open_session_at,
    settle,
)
from bench.local_sandbox import Running
from tests.sandbox.support import pair_device
from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.errors import (
    CertificateError,
    ClientOutdatedError,
    ConnectionLost,
    LoggedOutError,
    RestartRequired,
    StreamFailure,
    StreamReplacedError,
    TemporaryBanError,
)
from wacli.crypto import generate_key_pair

pytestmark = pytest.mark.anyio

PHONE = "15550001111"


async def _logged_in(sandbox: Running, companion: Companion) -> Session:
    """Logged in, past what was queued (a sibling's devices notification)."""
    session, _, _ = await connect(sandbox, companion)
    return session


async def test_login_of_an_unknown_device_fails_401(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    session = await open_session(
        sandbox, companion.noise, companion.login_payload(f"{PHONE}:5@s.whatsapp.net")
    )
    assert isinstance(await session.closed(), LoggedOutError)
    assert session.events == [ev.LoggedOut(on_connect=True, reason="logged_out")]


async def test_login_with_another_noise_key_fails_401(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    impostor = Companion(identity=companion.identity)
    impostor.jid = companion.jid
    session = await login(sandbox, impostor)
    assert isinstance(await session.closed(), LoggedOutError)
    assert session.events == [ev.LoggedOut(on_connect=True, reason="logged_out")]
    # The rightful device still logs in.
    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    await session.close()


async def test_a_client_pinning_another_root_fails_the_handshake(sandbox: Running) -> None:
    companion = Companion()
    with pytest.raises(CertificateError):
        await open_session_at(
            sandbox,
            generate_key_pair().public,
            companion.noise,
            companion.login_payload(f"{PHONE}:1@s.whatsapp.net"),
        )


async def test_malformed_stanza_ends_only_that_connection(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    good = await _logged_in(sandbox, companion)

    other = Companion()
    bad = await open_session(sandbox, other.noise, other.registration_payload())
    await pair_device(bad)
    await bad.send_frame(b"\x00\xff\xff\xff")  # flag byte, then no valid node
    assert isinstance(await bad.closed(), StreamFailure)

    pong = await good.query(iq("w:p", "get", Node("ping")))
    assert pong.attr("type") == "result"
    await good.close()


async def test_an_unlinked_companion_may_not_use_logged_in_iqs(sandbox: Running) -> None:
    companion = Companion()
    session = await open_session(sandbox, companion.noise, companion.registration_payload())
    await pair_device(session)
    refused = await session.query(iq("encrypt", "get", Node("count")))
    assert refused.require_child("error").attr("code") == "401"
    assert (await session.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    await session.close()


async def test_a_second_login_replaces_the_first(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    first = await _logged_in(sandbox, companion)
    second = await login(sandbox, companion)
    assert (await second.receive()).tag == "success"
    assert isinstance(await first.closed(), StreamReplacedError)
    assert first.events == [ev.StreamReplaced()]
    assert (await second.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    await second.close()


async def test_unlinked_companion_is_closed_when_its_refs_run_out(
    quick_refs_sandbox: Running,
) -> None:
    sandbox = quick_refs_sandbox
    await account(sandbox, PHONE)
    companion = Companion()
    session = await open_session(sandbox, companion.noise, companion.registration_payload())
    _, refs = await pair_device(session)
    assert isinstance(await session.closed(), ConnectionLost)
    from wacli.protocol.pair_qr import QRPayload, build_qr

    qr = build_qr(
        QRPayload(refs[0], companion.noise.public, companion.identity.public, b"\x01" * 32)
    )
    status, body = await sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr})
    assert status == 404 and "ref" in body["error"]


async def test_faults_stream_error_and_drop(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    session = await _logged_in(sandbox, companion)
    status, body = await sandbox.admin("POST", "/faults", {"stream_error": "515", "phone": PHONE})
    assert status == 200 and body == {"sent": 1}
    assert isinstance(await session.closed(), RestartRequired)

    for target in (PHONE, "all"):  # one account's devices, then every connection
        session = await login(sandbox, companion)
        assert (await session.receive()).tag == "success"
        status, body = await sandbox.admin("POST", "/faults", {"drop": target})
        assert status == 200 and body["dropped"] >= 1
        assert isinstance(await session.closed(), ConnectionLost)


async def test_ban_and_connect_failure_faults(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    session = await _logged_in(sandbox, companion)
    status, _ = await sandbox.admin(
        "POST", "/faults", {"ban": {"phone": PHONE, "code": 103, "expire": 3600}}
    )
    assert status == 200
    assert isinstance(await session.closed(), ConnectionLost)
    for _ in range(2):  # a ban lasts until it expires
        session = await login(sandbox, companion)
        assert isinstance(await session.closed(), TemporaryBanError)
        assert session.events == [ev.TemporaryBan(code=103, expire=3600.0)]


async def test_connect_failure_applies_to_the_next_login_only(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    status, _ = await sandbox.admin(
        "POST", "/faults", {"connect_failure": {"phone": PHONE, "reason": 405}}
    )
    assert status == 200
    session = await login(sandbox, companion)
    assert isinstance(await session.closed(), ClientOutdatedError)
    session = await _logged_in(sandbox, companion)
    await session.close()


async def test_logout_fault_and_self_removal_end_with_device_removed(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    first, second = Companion(), Companion()
    await link(sandbox, first, PHONE)
    await link(sandbox, second, PHONE)
    assert second.jid == f"{PHONE}:2@s.whatsapp.net"

    session = await _logged_in(sandbox, second)
    remove = iq(
        "md",
        "set",
        Node("remove-companion-device", {"jid": second.jid, "reason": "user_initiated"}),
    )
    assert (await session.query(remove)).attr("type") == "result"
    assert isinstance(await session.closed(), LoggedOutError)
    assert session.events == [ev.LoggedOut(on_connect=False, reason="device_removed")]
    session = await login(sandbox, second)
    assert isinstance(await session.closed(), LoggedOutError)  # it is gone for good
    assert session.events == [ev.LoggedOut(on_connect=True, reason="logged_out")]

    session = await _logged_in(sandbox, first)
    status, body = await sandbox.admin("POST", "/faults", {"logout": PHONE})
    assert status == 200 and body == {"removed": 1}
    assert isinstance(await session.closed(), LoggedOutError)  # after the devices notification
    assert session.events == [ev.LoggedOut(on_connect=False, reason="device_removed")]


async def test_garbage_fault_sends_an_undecodable_frame(
    sandbox: Running, caplog: pytest.LogCaptureFixture
) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    session = await _logged_in(sandbox, companion)
    status, body = await sandbox.admin("POST", "/faults", {"garbage": PHONE})
    assert status == 200 and body == {"sent": 1}
    await settle(session)  # the client dropped the frame it could not decode, and lives on
    assert "does not decode" in caplog.text
    await session.close()


async def test_other_paths_and_non_noise_bytes_are_turned_away(sandbox: Running) -> None:
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    with pytest.raises(InvalidStatus) as refused:
        await connect(sandbox.url.replace("/ws/chat", "/elsewhere"))
    assert refused.value.response.status_code == 404
    async with connect(sandbox.url) as ws:
        await ws.send(b"GET / HTTP/1.1\r\n\r\n")  # not the WA header nor a Noise frame
        with pytest.raises(ConnectionClosed), anyio.fail_after(5):
            await ws.recv()
    status, stats = await sandbox.admin("GET", "/stats")
    assert status == 200 and stats["connections"] == 0


async def test_a_malformed_iq_gets_400_and_the_connection_lives_on(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    session = await _logged_in(sandbox, companion)
    bad_upload = iq("encrypt", "set", Node("registration", {}, b"\x00\x01"))  # 2 bytes, no rest
    answer = await session.query(bad_upload)
    assert answer.attr("type") == "error" and answer.require_child("error").attr("code") == "400"
    assert (await session.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    await session.close()


async def test_conflict_and_delay_faults(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    session = await _logged_in(sandbox, companion)
    status, body = await sandbox.admin("POST", "/faults", {"delay_ms": 20})
    assert status == 200 and body == {"delay_ms": 20}
    assert (await session.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    assert (await sandbox.admin("POST", "/faults", {"delay_ms": -1}))[0] == 400
    status, body = await sandbox.admin(
        "POST", "/faults", {"stream_error": "conflict", "phone": PHONE}
    )
    assert status == 200 and body == {"sent": 1}
    assert isinstance(await session.closed(), StreamReplacedError)
