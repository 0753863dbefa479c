"""Registration, QR linking, login and the first IQs, with a companion made of wacli's core."""

from __future__ import annotations

import hashlib
import os

import anyio
import pytest

from bench.companion import Companion, account, iq, link, login, open_session
from bench.local_sandbox import Running
from tests.sandbox.support import pair_device, signed_key_indexes
from wacli.binary import Node

pytestmark = pytest.mark.anyio

PHONE = "15550001111"


async def test_a_registering_companion_is_offered_six_refs(sandbox: Running) -> None:
    companion = Companion()
    session = await open_session(sandbox, companion.noise, companion.registration_payload())
    _, refs = await pair_device(session)
    assert len(refs) == 6 and len(set(refs)) == 6
    await session.close()


async def test_qr_link_then_login_and_first_iqs(sandbox: Running) -> None:
    alice = await account(sandbox, PHONE)
    companion = Companion()
    linked = await link(sandbox, companion, PHONE)
    assert linked["jid"] == f"{PHONE}:1@s.whatsapp.net"
    assert linked["lid"] == alice["lid"].replace("@", ":1@")

    session = await login(sandbox, companion)
    success = await session.receive()
    assert success.tag == "success"
    assert success.attr("lid") == linked["lid"] and success.attr("display_name") == "Alice"
    offline = await session.receive()
    assert offline.tag == "ib" and offline.require_child("offline").attr("count") == "0"

    pong = await session.query(iq("w:p", "get", Node("ping")))
    assert pong.attr("type") == "result"
    assert (await session.query(iq("passive", "set", Node("active")))).attr("type") == "result"
    unknown = await session.query(iq("w:nothing", "get", Node("what")))
    assert unknown.attr("type") == "error"
    assert unknown.require_child("error").attr("code") == "501"
    await session.close()


async def test_prekeys_upload_count_digest_fetch(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    session = await login(sandbox, companion)
    await session.receive()  # success
    await session.receive()  # offline bulletin

    def count() -> Node:
        return iq("encrypt", "get", Node("count"))

    assert (await session.query(count())).require_child("count").attr("value") == "0"
    prekeys = [(i, os.urandom(32)) for i in (7, 8)]
    skey = companion.skey
    upload = iq(
        "encrypt",
        "set",
        Node("registration", {}, companion.registration_id.to_bytes(4, "big")),
        Node("type", {}, b"\x05"),
        Node("identity", {}, companion.identity.public),
        Node(
            "list",
            {},
            [
                Node("key", {}, [Node("id", {}, i.to_bytes(3, "big")), Node("value", {}, pub)])
                for i, pub in prekeys
            ],
        ),
        Node(
            "skey",
            {},
            [
                Node("id", {}, skey.key_id.to_bytes(3, "big")),
                Node("value", {}, skey.key_pair.public),
                Node("signature", {}, skey.signature),
            ],
        ),
    )
    assert (await session.query(upload)).attr("type") == "result"
    assert (await session.query(count())).require_child("count").attr("value") == "2"

    digest = (await session.query(iq("encrypt", "get", Node("digest")))).require_child("digest")
    expected = hashlib.sha1(
        companion.identity.public
        + skey.key_pair.public
        + skey.signature
        + b"".join(pub for _, pub in prekeys),
        usedforsecurity=False,
    ).digest()
    assert digest.require_child("hash").content_bytes() == expected
    ids = [int.from_bytes(n.content_bytes(), "big") for n in digest.require_child("list").children]
    assert ids == [7, 8]

    # Each one-time prekey is handed out once; then bundles come without one.
    seen = []
    for _ in range(3):
        fetch = iq("encrypt", "get", Node("key", {}, [Node("user", {"jid": companion.jid})]))
        user = (await session.query(fetch)).require_child("list").require_child("user")
        assert user.require_child("identity").content_bytes() == companion.identity.public
        key = user.child("key")
        seen.append(
            None if key is None else int.from_bytes(key.require_child("id").content_bytes(), "big")
        )
    assert seen == [7, 8, None]
    # Running low (under 5) is told once, as an encrypt notification with the count left.
    lows = [n for n in session.skipped if n.tag == "notification"]
    assert [(n.attr("type"), n.require_child("count").attr("value")) for n in lows] == [
        ("encrypt", "1")
    ]
    assert (await session.query(count())).require_child("count").attr("value") == "0"
    await session.close()


async def test_usync_devices_and_lid(sandbox: Running) -> None:
    alice = await account(sandbox, PHONE)
    companion = Companion()
    await link(sandbox, companion, PHONE)
    session = await login(sandbox, companion)
    await session.receive()
    await session.receive()
    query = iq(
        "usync",
        "get",
        Node(
            "usync",
            {"sid": "s1", "mode": "query", "context": "message", "index": "0", "last": "true"},
            [
                Node("query", {}, [Node("devices", {"version": "2"}), Node("lid")]),
                Node(
                    "list",
                    {},
                    [
                        Node("user", {"jid": f"{PHONE}@s.whatsapp.net"}),
                        Node("user", {"jid": "15559999999@s.whatsapp.net"}),
                    ],
                ),
            ],
        ),
    )
    reply = (await session.query(query)).require_child("usync")
    assert reply.attr("sid") == "s1"
    users = reply.require_child("list").children
    mine = users[0]
    assert mine.attr("jid") == f"{PHONE}@s.whatsapp.net"
    devices = mine.require_child("devices")
    listed = [
        (d.attr("id"), d.attr("key-index")) for d in devices.require_child("device-list").children
    ]
    assert listed == [("0", None), ("1", "1")]
    # The key index list is signed by the phone's account key, the one pair-success carried.
    assert companion.account_key is not None
    signed = devices.require_child("key-index-list").content_bytes()
    assert list(signed_key_indexes(signed, companion.account_key).valid_indexes) == [1]
    assert mine.require_child("lid").attr("val") == alice["lid"]
    stranger = users[1]
    assert stranger.require_child("lid").attr("val") is None
    await session.close()


async def test_many_devices_log_in_and_ping_concurrently(sandbox: Running) -> None:
    await account(sandbox, PHONE)
    companions = [Companion() for _ in range(10)]
    for companion in companions:
        await link(sandbox, companion, PHONE)
    assert len({c.jid for c in companions}) == 10
    pongs: list[str] = []

    async def live(companion: Companion) -> None:
        session = await login(sandbox, companion)
        assert (await session.receive()).tag == "success"
        await session.receive()
        for _ in range(5):
            pongs.append((await session.query(iq("w:p", "get", Node("ping")))).attr("type") or "")
        await session.close()

    async with anyio.create_task_group() as tg:
        for companion in companions:
            tg.start_soon(live, companion)
    assert pongs == ["result"] * 50
    status, stats = await sandbox.admin("GET", "/stats")
    assert status == 200
    assert stats["pairings"] == 10 and stats["logins"] == 10 and stats["pings"] == 50
