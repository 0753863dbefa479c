"""What the server refuses or cuts off, and that one bad client never harms another."""

from __future__ import annotations

import anyio
import pytest
from websockets.exceptions import ConnectionClosed

from tests.sandbox.companion import Companion, open_session
from tests.sandbox.conftest import Running
from tests.sandbox.test_pairing_login import PHONE, _account, _pair_device, iq, link_by_qr, login
from wacli.binary import Node
from wacli.crypto import generate_key_pair
from wacli.noise import CertificateError

pytestmark = pytest.mark.anyio


async def _closed(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConnectionClosed), anyio.fail_after(5):
        while True:
            await session.receive()


async def test_login_of_an_unknown_device_fails_401(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    session = await open_session(
        sandbox.url, sandbox.root_key, companion.noise, companion.login_payload(PHONE, 5)
    )
    failure = await session.receive()
    assert failure.tag == "failure" and failure.attr("reason") == "401"
    await _closed(session)


async def test_login_with_another_noise_key_fails_401(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    impostor = Companion(identity=companion.identity)
    impostor.jid = companion.jid
    session = await login(sandbox, impostor)
    failure = await session.receive()
    assert failure.tag == "failure" and failure.attr("reason") == "401"
    await _closed(session)
    # The rightful device still logs in.
    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    await session.close()


async def test_a_client_pinning_another_root_fails_the_handshake(sandbox: Running) -> None:
    companion = Companion()
    with pytest.raises(CertificateError):
        await open_session(
            sandbox.url,
            generate_key_pair().public,
            companion.noise,
            companion.login_payload(PHONE, 1),
        )


async def test_malformed_stanza_ends_only_that_connection(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    good = await login(sandbox, companion)
    assert (await good.receive()).tag == "success"
    await good.receive()

    other = Companion()
    bad = await open_session(
        sandbox.url, sandbox.root_key, other.noise, other.registration_payload()
    )
    await _pair_device(bad)
    await bad.stream.send(b"\x00\xff\xff\xff")  # flag byte, then no valid node
    error = await bad.receive()
    assert error.tag == "stream:error"
    await _closed(bad)

    pong = await good.query(iq("w:p", "get", Node("ping")))
    assert pong.attr("type") == "result"
    await good.close()


async def test_an_unlinked_companion_may_not_use_logged_in_iqs(sandbox: Running) -> None:
    companion = Companion()
    session = await open_session(
        sandbox.url, sandbox.root_key, companion.noise, companion.registration_payload()
    )
    await _pair_device(session)
    refused = await session.query(iq("encrypt", "get", Node("count")))
    assert refused.require_child("error").attr("code") == "401"
    assert (await session.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    await session.close()


async def test_a_second_login_replaces_the_first(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    first = await login(sandbox, companion)
    assert (await first.receive()).tag == "success"
    await first.receive()
    second = await login(sandbox, companion)
    assert (await second.receive()).tag == "success"
    conflict = await first.receive()
    assert conflict.tag == "stream:error" and conflict.require_child("conflict").attr("type") == (
        "replaced"
    )
    await _closed(first)
    assert (await second.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    await second.close()


async def test_unlinked_companion_is_closed_when_its_refs_run_out(
    quick_refs_sandbox: Running,
) -> None:
    sandbox = quick_refs_sandbox
    await _account(sandbox)
    companion = Companion()
    session = await open_session(
        sandbox.url, sandbox.root_key, companion.noise, companion.registration_payload()
    )
    _, refs = await _pair_device(session)
    await _closed(session)
    from wacli.protocol.pair_qr import QRPayload, build_qr

    qr = build_qr(
        QRPayload(refs[0], companion.noise.public, companion.identity.public, b"\x01" * 32)
    )
    status, body = await sandbox.admin("POST", f"/accounts/{PHONE}/link", {"qr": qr})
    assert status == 404 and "ref" in body["error"]


async def test_faults_stream_error_and_drop(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    await session.receive()
    status, body = await sandbox.admin("POST", "/faults", {"stream_error": "515", "phone": PHONE})
    assert status == 200 and body == {"sent": 1}
    error = await session.receive()
    assert error.tag == "stream:error" and error.attr("code") == "515"
    await _closed(session)

    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    status, body = await sandbox.admin("POST", "/faults", {"drop": "all"})
    assert status == 200 and body["dropped"] >= 1
    await _closed(session)


async def _logged_in(sandbox: Running, companion: Companion):  # type: ignore[no-untyped-def]
    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    await session.receive_tag("ib")  # past what was queued (a sibling's devices notification)
    return session


async def test_ban_and_connect_failure_faults(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    session = await _logged_in(sandbox, companion)
    status, _ = await sandbox.admin(
        "POST", "/faults", {"ban": {"phone": PHONE, "code": 103, "expire": 3600}}
    )
    assert status == 200
    await _closed(session)
    for _ in range(2):  # a ban lasts until it expires
        session = await login(sandbox, companion)
        banned = await session.receive()
        assert banned.tag == "failure"
        assert (banned.attr("reason"), banned.attr("code"), banned.attr("expire")) == (
            "402",
            "103",
            "3600",
        )
        await _closed(session)


async def test_connect_failure_applies_to_the_next_login_only(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    status, _ = await sandbox.admin(
        "POST", "/faults", {"connect_failure": {"phone": PHONE, "reason": 405}}
    )
    assert status == 200
    session = await login(sandbox, companion)
    outdated = await session.receive()
    assert outdated.tag == "failure" and outdated.attr("reason") == "405"
    await _closed(session)
    session = await _logged_in(sandbox, companion)
    await session.close()


async def test_logout_fault_and_self_removal_end_with_device_removed(sandbox: Running) -> None:
    await _account(sandbox)
    first, second = Companion(), Companion()
    await link_by_qr(sandbox, first)
    await link_by_qr(sandbox, second)
    assert second.jid == f"{PHONE}:2@s.whatsapp.net"

    session = await _logged_in(sandbox, second)
    remove = iq(
        "md",
        "set",
        Node("remove-companion-device", {"jid": second.jid, "reason": "user_initiated"}),
    )
    assert (await session.query(remove)).attr("type") == "result"
    removed = await session.receive()
    assert removed.tag == "stream:error" and removed.attr("code") == "401"
    assert removed.require_child("conflict").attr("type") == "device_removed"
    await _closed(session)
    session = await login(sandbox, second)
    assert (await session.receive()).attr("reason") == "401"  # it is gone for good

    session = await _logged_in(sandbox, first)
    status, body = await sandbox.admin("POST", "/faults", {"logout": PHONE})
    assert status == 200 and body == {"removed": 1}
    ended = await session.receive_tag("stream:error")  # after the devices notification
    assert ended.require_child("conflict").attr("type") == "device_removed"
    await _closed(session)


async def test_garbage_fault_sends_an_undecodable_frame(sandbox: Running) -> None:
    from wacli.binary import BinaryError

    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    session = await _logged_in(sandbox, companion)
    status, body = await sandbox.admin("POST", "/faults", {"garbage": PHONE})
    assert status == 200 and body == {"sent": 1}
    with pytest.raises(BinaryError):
        await session.receive()
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
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    session = await _logged_in(sandbox, companion)
    bad_upload = iq("encrypt", "set", Node("registration", {}, b"\x00\x01"))  # 2 bytes, no rest
    answer = await session.query(bad_upload)
    assert answer.attr("type") == "error" and answer.require_child("error").attr("code") == "400"
    assert (await session.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    await session.close()


async def test_conflict_and_delay_faults(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    await link_by_qr(sandbox, companion)
    session = await _logged_in(sandbox, companion)
    status, body = await sandbox.admin("POST", "/faults", {"delay_ms": 20})
    assert status == 200 and body == {"delay_ms": 20}
    assert (await session.query(iq("w:p", "get", Node("ping")))).attr("type") == "result"
    assert (await sandbox.admin("POST", "/faults", {"delay_ms": -1}))[0] == 400
    status, body = await sandbox.admin(
        "POST", "/faults", {"stream_error": "conflict", "phone": PHONE}
    )
    assert status == 200 and body == {"sent": 1}
    error = await session.receive()
    assert error.require_child("conflict").attr("type") == "replaced"
    await _closed(session)
