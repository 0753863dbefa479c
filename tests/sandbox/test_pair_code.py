"""Pairing by code against the sandbox, the companion side built from wacli.protocol.pair_code.

(Baileys does the same in tests/interop/test_sandbox_baileys.py, as an independent client.)
"""

from __future__ import annotations

import anyio
import pytest

from tests.sandbox.companion import Companion, open_session
from tests.sandbox.conftest import Running
from tests.sandbox.test_pairing_login import PHONE, _account, _pair_device, iq, login
from wacli.binary import Node
from wacli.protocol.pair_code import CompanionPairing

pytestmark = pytest.mark.anyio


def _hello(companion: Companion, pairing: CompanionPairing, phone: str) -> Node:
    return iq(
        "md",
        "set",
        Node(
            "link_code_companion_reg",
            {
                "jid": f"{phone}@s.whatsapp.net",
                "stage": "companion_hello",
                "should_show_push_notification": "true",
            },
            [
                Node(
                    "link_code_pairing_wrapped_companion_ephemeral_pub",
                    {},
                    pairing.wrapped_ephemeral,
                ),
                Node("companion_server_auth_key_pub", {}, companion.noise.public),
                Node("companion_platform_id", {}, b"1"),
                Node("companion_platform_display", {}, b"Chrome (Linux)"),
                Node("link_code_pairing_nonce", {}, b"\x00"),
            ],
        ),
    )


async def test_pairing_by_code_then_login(sandbox: Running) -> None:
    await _account(sandbox)
    companion = Companion()
    session = await open_session(
        sandbox.url, sandbox.root_key, companion.noise, companion.registration_payload()
    )
    await _pair_device(session)
    pairing = CompanionPairing.start()
    answer = await session.query(_hello(companion, pairing, PHONE))
    ref = (
        answer.require_child("link_code_companion_reg")
        .require_child("link_code_pairing_ref")
        .content_bytes()
    )
    result: dict = {}

    async def type_code() -> None:
        result["status"], result["body"] = await sandbox.admin(
            "POST", f"/accounts/{PHONE}/link", {"code": pairing.display_code}
        )

    async with anyio.create_task_group() as tg:
        tg.start_soon(type_code)
        note = await session.receive()
        assert note.tag == "notification" and note.attr("type") == "link_code_companion_reg"
        hello = note.require_child("link_code_companion_reg")
        assert hello.attr("stage") == "primary_hello"
        assert hello.require_child("link_code_pairing_ref").content_bytes() == ref
        finish = pairing.finish(
            hello.require_child("link_code_pairing_wrapped_primary_ephemeral_pub").content_bytes(),
            hello.require_child("primary_identity_pub").content_bytes(),
            companion.identity,
        )
        finished = iq(
            "md",
            "set",
            Node(
                "link_code_companion_reg",
                {"jid": f"{PHONE}@s.whatsapp.net", "stage": "companion_finish"},
                [
                    Node("link_code_pairing_wrapped_key_bundle", {}, finish.wrapped_key_bundle),
                    Node("companion_identity_public", {}, companion.identity.public),
                    Node("link_code_pairing_ref", {}, ref),
                ],
            ),
        )
        await session.send(finished)
        got = await session.receive()
        assert got.attr("id") == finished.attr("id") and got.attr("type") == "result"
        success = await session.receive()
        await session.send(companion.answer_pair_success(success, finish.adv_secret))
        restart = await session.receive()
        assert restart.tag == "stream:error" and restart.attr("code") == "515"
    assert result["status"] == 200 and result["body"]["jid"] == companion.jid

    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    await session.close()


async def test_companion_hello_for_an_unknown_phone_is_404(sandbox: Running) -> None:
    companion = Companion()
    session = await open_session(
        sandbox.url, sandbox.root_key, companion.noise, companion.registration_payload()
    )
    await _pair_device(session)
    answer = await session.query(_hello(companion, CompanionPairing.start(), "15559999999"))
    assert answer.require_child("error").attr("code") == "404"
    await session.close()
