"""Pairing's handling of pair-device and pair-success, with pair-success built by the
phone's side of wacli.protocol.adv: verified, countersigned, stored atomically only on
success; a bad HMAC or signature answers an error IQ and stores nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import anyio
import pytest

from wacli.binary import Node, decode, encode
from wacli.client import events as ev
from wacli.client.errors import PairingFailed, RequestTimeout
from wacli.client.pairing import Pairing, PairingKeys
from wacli.crypto import generate_key_pair
from wacli.jid import parse_jid
from wacli.protocol.adv import build_pair_success, verify_device_identity
from wacli.protocol.pair_qr import parse_qr
from wacli.signal.device import ensure_identity
from wacli.store import Store

pytestmark = pytest.mark.anyio

SERVER = parse_jid("s.whatsapp.net")
DEVICE = parse_jid("15551234567:4@s.whatsapp.net")
LID = parse_jid("987654321:4@lid")


class LinkStandIn:
    """What Pairing needs of its connection: the server key, a task group, end()."""

    def __init__(self, tg: Any) -> None:
        self.server_static = b"\x07" * 32
        self._tg = tg
        self.ended: list[BaseException] = []

    def start_soon(self, func: Any, *args: Any) -> None:
        self._tg.start_soon(func, *args)

    def end(self, reason: BaseException) -> None:
        self.ended.append(reason)


def pair_success(container: bytes) -> Node:
    return Node(
        "iq",
        {"id": "ps1", "type": "set", "from": SERVER},
        [
            Node(
                "pair-success",
                {},
                [
                    Node("device-identity", {}, container),
                    Node("device", {"jid": DEVICE, "lid": LID}),
                    Node("biz", {"name": "Shop"}),
                    Node("platform", {"name": "android"}),
                ],
            )
        ],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path) as opened:
        yield opened


def make_pairing(store: Store, sink: Any, **kwargs: Any) -> tuple[Pairing, PairingKeys]:
    keys = PairingKeys(generate_key_pair(), ensure_identity(store), os.urandom(32))
    return Pairing(store, keys, sink, **kwargs), keys


async def test_pair_success_is_verified_answered_and_stored(store: Store) -> None:
    async def sink(event: ev.Event) -> None:
        raise AssertionError("events go through the Outcome")

    pairing, keys = make_pairing(store, sink)
    phone = generate_key_pair()
    container = build_pair_success(phone, keys.identity.identity.public, keys.adv_secret, 3)
    async with anyio.create_task_group() as tg:
        pairing.attach(LinkStandIn(tg))  # type: ignore[arg-type]
        outcome = await pairing.handle(pair_success(container))
    assert outcome is not None and outcome.end is None
    assert outcome.events == (ev.PairSuccess(DEVICE, LID, "Shop", "android"),)
    assert pairing.done.is_set() and pairing.result == outcome.events[0]

    reply = decode(encode(outcome.reply))  # type: ignore[arg-type]
    assert reply.attrs == {"to": SERVER, "type": "result", "id": "ps1"}
    signed = reply.require_child("pair-device-sign").require_child("device-identity")
    assert signed.attr("key-index") == "3"
    details = verify_device_identity(
        signed.content_bytes(), keys.identity.identity.public, phone.public
    )
    assert details.key_index == 3

    account = store.load_account()
    assert account is not None
    assert (account.jid, account.lid) == (str(DEVICE), str(LID))
    assert account.noise_key == keys.noise and account.adv_secret == keys.adv_secret
    assert account.account_signature_key == phone.public and account.key_index == 3
    assert account.server_static == b"\x07" * 32
    assert (account.platform, account.business_name) == ("android", "Shop")


@pytest.mark.parametrize("damage", ["secret", "signature", "garbage"])
async def test_a_pair_success_that_does_not_verify_stores_nothing(
    store: Store, damage: str
) -> None:
    async def sink(event: ev.Event) -> None:
        raise AssertionError("events go through the Outcome")

    pairing, keys = make_pairing(store, sink)
    identity = keys.identity.identity.public
    if damage == "secret":
        container = build_pair_success(generate_key_pair(), identity, os.urandom(32), 1)
    elif damage == "signature":  # the phone vouched for another companion identity
        container = build_pair_success(
            generate_key_pair(), generate_key_pair().public, keys.adv_secret, 1
        )
    else:
        container = b"\xff\x01 not a protobuf"
    async with anyio.create_task_group() as tg:
        pairing.attach(LinkStandIn(tg))  # type: ignore[arg-type]
        outcome = await pairing.handle(pair_success(container))
    assert outcome is not None and isinstance(outcome.end, PairingFailed)
    (event,) = outcome.events
    assert isinstance(event, ev.PairError) and event.id == DEVICE and event.error
    reply = outcome.reply
    assert isinstance(reply, Node) and reply.attrs["type"] == "error"
    error = reply.require_child("error")
    expected = {"secret": ("401", "hmac-mismatch"), "signature": ("401", "signature-mismatch")}
    assert (error.attr("code"), error.attr("text")) == expected.get(
        damage, ("500", "internal-error")
    )
    assert store.load_account() is None and not pairing.done.is_set()


async def test_qr_codes_rotate_through_the_refs_then_time_out(store: Store) -> None:
    shown: list[ev.PairingQrCode] = []

    async def sink(event: ev.Event) -> None:
        assert isinstance(event, ev.PairingQrCode)
        shown.append(event)

    pairing, keys = make_pairing(store, sink, first_qr_timeout=0.02, next_qr_timeout=0.01)
    refs = [Node("ref", {}, f"2@ref{i}".encode()) for i in range(3)]
    request = Node(
        "iq", {"id": "pd", "type": "set", "from": SERVER}, [Node("pair-device", {}, refs)]
    )
    async with anyio.create_task_group() as tg:
        link = LinkStandIn(tg)
        pairing.attach(link)  # type: ignore[arg-type]
        outcome = await pairing.handle(request)
    assert outcome is not None
    assert outcome.reply == Node("iq", {"to": SERVER, "id": "pd", "type": "result"})
    assert [e.timeout for e in shown] == [0.02, 0.01, 0.01]
    parsed = [parse_qr(e.code) for e in shown]
    assert [p.ref for p in parsed] == ["2@ref0", "2@ref1", "2@ref2"]
    assert {(p.noise_public, p.identity_public, p.adv_secret) for p in parsed} == {
        (keys.noise.public, keys.identity.identity.public, keys.adv_secret)
    }
    (ended,) = link.ended
    assert isinstance(ended, RequestTimeout) and pairing.last_qr_shown
