"""Pairing by code against the sandbox, the companion side being wacli's own Pairing
(wacli.client.pairing: companion_hello, primary_hello, companion_finish).

(Baileys does the same in tests/interop/test_sandbox_baileys.py, as an independent client.)
"""

from __future__ import annotations

import pytest

from bench.companion import Companion, account, link, login
from bench.local_sandbox import Running
from wacli.client.errors import IqError

pytestmark = pytest.mark.anyio

PHONE = "15550001111"


async def test_pairing_by_code_then_login(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    linked = await link(sandbox, companion, PHONE, code=True)
    assert linked["jid"] == companion.jid == f"{PHONE}:1@s.whatsapp.net"

    session = await login(sandbox, companion)
    assert (await session.receive()).tag == "success"
    await session.close()


async def test_companion_hello_for_an_unknown_phone_is_404(sandbox: Running) -> None:
    with pytest.raises(IqError) as refused:
        await link(sandbox, Companion(), "15559999999", code=True)
    assert refused.value.code == 404
