"""ADV identities between wacli and Baileys.

wacli's primary side builds pair-success for a Baileys-shaped companion and
Baileys' own configureSuccessfulPairing accepts it (HMAC, account signature),
countersigns, and wacli's verify_device_identity accepts Baileys' reply; libsignal itself
confirms wacli's account signatures (Baileys' own Curve.verify ignores
libsignal's verdict, so only its HMAC check has teeth). The
other way, an independent construction from Baileys' WAProto, libsignal
Curve and prefix constants builds pair-success, wacli's companion accepts it,
and its device signature verifies on the Node side, for E2EE and hosted
accounts.
"""

import base64
import os
from collections.abc import Iterator

import pytest

from bench.node import NodeError, NodeProcess, b64, unb64
from wacli.crypto import KeyPair, generate_key_pair
from wacli.proto import adv_pb2
from wacli.protocol.adv import (
    AdvError,
    build_pair_success,
    verify_device_identity,
    verify_pair_success,
)

pytestmark = pytest.mark.interop


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("protocol_adv.mjs") as proc:
        yield proc


def _baileys(node: NodeProcess, device_identity: bytes, adv: bytes, companion: KeyPair) -> dict:
    return node.call(
        "baileys_pair_success",
        device_identity=b64(device_identity),
        adv_secret=base64.b64encode(adv).decode(),
        identity_public=b64(companion.public),
        identity_private=b64(companion.private),
        jid="4915550001:3@s.whatsapp.net",
        lid="123456789:3@lid",
    )


def test_baileys_accepts_wacli_pair_success(node: NodeProcess) -> None:
    for key_index in (1, 2, 17):
        phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
        blob = build_pair_success(phone, companion.public, adv, key_index)
        out = _baileys(node, blob, adv, companion)
        assert out["key_index"] == str(key_index)
        assert unb64(out["account_identity"]) == phone.public
        details = verify_device_identity(unb64(out["reply"]), companion.public, phone.public)
        assert details.key_index == key_index
        reply = adv_pb2.ADVSignedDeviceIdentity.FromString(unb64(out["reply"]))
        assert not reply.HasField("account_signature_key")  # Baileys strips it, as wacli does
        with pytest.raises(AdvError):  # the reply names this companion, not another
            verify_device_identity(unb64(out["reply"]), generate_key_pair().public, phone.public)


def test_forged_pair_success_is_refused(node: NodeProcess) -> None:
    phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
    with pytest.raises(NodeError, match="Invalid account signature"):  # Baileys' HMAC message
        _baileys(
            node, build_pair_success(phone, companion.public, os.urandom(32), 1), adv, companion
        )
    # Signed for another companion: the HMAC holds, the account signature does not. Baileys'
    # Curve.verify ignores libsignal's boolean verdict and lets this through, so libsignal
    # itself and wacli's companion are the judges here.
    good = build_pair_success(phone, companion.public, adv, 1)
    other = build_pair_success(phone, generate_key_pair().public, adv, 1)
    for blob, valid in ((good, True), (other, False)):
        verdict = node.call(
            "verify_account_signature",
            device_identity=b64(blob),
            companion_identity=b64(companion.public),
            hosted=False,
        )
        assert verdict is valid
    with pytest.raises(AdvError, match="account signature"):
        verify_pair_success(other, adv, companion)


@pytest.mark.parametrize("hosted", [False, True])
def test_wacli_companion_accepts_independent_pair_success(node: NodeProcess, hosted: bool) -> None:
    phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
    blob = unb64(
        node.call(
            "build_pair_success",
            account_private=b64(phone.private),
            account_public=b64(phone.public),
            companion_identity=b64(companion.public),
            adv_secret=b64(adv),
            key_index=4,
            raw_id=123456,
            timestamp=1700000000,
            hosted=hosted,
        )
    )
    paired = verify_pair_success(blob, adv, companion)
    assert paired.hosted == hosted
    assert paired.key_index == 4 and paired.details.raw_id == 123456
    assert paired.account_identity == phone.public
    out = node.call(
        "verify_device_signature",
        reply=b64(paired.reply),
        companion_identity=b64(companion.public),
        account_public=b64(phone.public),
        hosted=hosted,
    )
    assert out == {"valid": True, "has_account_key": False}
    with pytest.raises(AdvError):
        verify_pair_success(blob, os.urandom(32), companion)
    with pytest.raises(AdvError):
        verify_pair_success(blob, adv, generate_key_pair())


def test_hosted_pair_success_passes_baileys_hmac_and_libsignal(node: NodeProcess) -> None:
    phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
    blob = build_pair_success(phone, companion.public, adv, 9, hosted=True)
    assert _baileys(node, blob, adv, companion)["key_index"] == "9"  # prefixed HMAC accepted
    for hosted, valid in ((True, True), (False, False)):
        verdict = node.call(
            "verify_account_signature",
            device_identity=b64(blob),
            companion_identity=b64(companion.public),
            hosted=hosted,
        )
        assert verdict is valid
