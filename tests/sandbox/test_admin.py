"""The admin API's answers, its errors included (4xx with {"error": …})."""

from __future__ import annotations

import pytest

from bench.local_sandbox import Running

pytestmark = pytest.mark.anyio


async def test_accounts_are_created_once_with_a_lid(sandbox: Running) -> None:
    status, body = await sandbox.admin("POST", "/accounts", {"phone": "+15550001111"})
    assert status == 201
    assert body["jid"] == "15550001111@s.whatsapp.net"
    lid_user = body["lid"].removesuffix("@lid")
    assert body["lid"].endswith("@lid") and lid_user.isdigit() and len(lid_user) == 15
    status, body = await sandbox.admin("POST", "/accounts", {"phone": "15550001111"})
    assert status == 409 and "exists" in body["error"]
    status, body = await sandbox.admin(
        "POST", "/accounts", {"phone": "15550002222", "lid": "123456789012345"}
    )
    assert status == 201 and body["lid"] == "123456789012345@lid"
    status, body = await sandbox.admin(
        "POST", "/accounts", {"phone": "15550003333", "lid": "123456789012345"}
    )
    assert status == 409
    status, listed = await sandbox.admin("GET", "/accounts")
    assert status == 200 and [a["jid"] for a in listed] == [
        "15550001111@s.whatsapp.net",
        "15550002222@s.whatsapp.net",
    ]
    assert listed[0]["devices"] == [0]


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("POST", "/accounts", {"phone": "12"}, 400),
        ("POST", "/accounts", {"phone": "not digits"}, 400),
        ("POST", "/accounts", {}, 400),
        ("POST", "/accounts", [1, 2], 400),
        ("POST", "/accounts", b"{not json", 400),
        ("POST", "/accounts", {"phone": "15550001111", "lid": "x"}, 400),
        ("POST", "/accounts/15559999999/link", {"qr": "a,b,c,d"}, 404),
        ("DELETE", "/accounts", None, 405),
        ("GET", "/nothing", None, 404),
        ("POST", "/faults", {"what": 1}, 400),
        ("POST", "/faults", {"stream_error": "515", "phone": "15559999999"}, 404),
    ],
)
async def test_bad_requests_get_4xx_with_an_error(
    sandbox: Running, method: str, path: str, body: object, status: int
) -> None:
    got, answer = await sandbox.admin(method, path, body)
    assert got == status
    assert isinstance(answer["error"], str) and answer["error"]


async def test_link_errors(sandbox: Running) -> None:
    assert (await sandbox.admin("POST", "/accounts", {"phone": "15550001111"}))[0] == 201
    path = "/accounts/15550001111/link"
    status, body = await sandbox.admin("POST", path, {})
    assert status == 400 and "qr" in body["error"]
    status, body = await sandbox.admin("POST", path, {"qr": "not a qr"})
    assert status == 400
    key = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="  # 32 bytes of "A"
    status, body = await sandbox.admin("POST", path, {"qr": f"2@nope,{key},{key},{key}"})
    assert status == 404 and "ref" in body["error"]
    status, body = await sandbox.admin("POST", path, {"code": "ABCD-EFGH"})
    assert status == 404 and "code" in body["error"]


async def test_stats_count_connections_and_stanzas(sandbox: Running) -> None:
    status, stats = await sandbox.admin("GET", "/stats")
    assert status == 200
    for key in ("connections", "connections_total", "stanzas_in", "stanzas_out", "pairings"):
        assert stats[key] == 0
