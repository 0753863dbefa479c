"""wacli's pairing-code exchange against Baileys.

Baileys runs this flow inside its socket (socket.js requestPairingCode /
generatePairingKey, messages-recv.js's link_code_companion_reg handler), so the
Node side (js/protocol_pair_code.mjs) composes the same exported Baileys
functions in the same order: bytesToCrockford for the code, derivePairingCodeKey
(PBKDF2-SHA256, 2<<16 rounds) and aesEncryptCTR for the wrapped keys,
Curve.sharedKey, hkdf with Baileys' labels and aesEncryptGCM for the key
bundle and the ADV secret. Baileys has no phone side; the Node "primary" is an
independent construction of it from those primitives. Baileys' QR text
(buildPairingQRData) parses with wacli's pair_qr and rebuilds identically.

Proven here: the code alphabet/encoding and the PBKDF2 key match Baileys';
Baileys as the companion pairs with wacli's primary (same ADV secret, the
bundle opens and names the right identities); wacli's companion pairs with the
Node primary; and a wrong code fails at companion_finish with a PairingError.
"""

import os
from collections.abc import Iterator

import pytest

from bench.node import NodeProcess, b64, unb64
from wacli.crypto import generate_key_pair
from wacli.protocol.pair_code import (
    CompanionPairing,
    PairingError,
    PrimaryPairing,
    code_key,
    generate_code,
)
from wacli.protocol.pair_qr import QRPayload, build_qr, parse_qr

pytestmark = pytest.mark.interop


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("protocol_pair_code.mjs") as proc:
        yield proc


def test_code_encoding_matches_baileys(node: NodeProcess) -> None:
    for raw in [bytes(5), b"\xff" * 5, *(os.urandom(5) for _ in range(30))]:
        assert generate_code(raw) == node.call("crockford", bytes=b64(raw))


def test_code_key_matches_baileys(node: NodeProcess) -> None:
    for code in [generate_code(), generate_code(), "ABCD2345"]:
        salt = os.urandom(32)
        assert code_key(code, salt) == unb64(node.call("code_key", code=code, salt=b64(salt)))


def test_baileys_companion_pairs_with_wacli_primary(node: NodeProcess) -> None:
    for _ in range(3):
        code = generate_code()
        hello = node.call("companion_hello", code=code)
        phone = generate_key_pair()
        primary = PrimaryPairing.accept(code[:4] + "-" + code[4:], unb64(hello["wrapped"]), phone)
        assert primary.companion_ephemeral == unb64(hello["eph_public"])
        companion_identity = generate_key_pair()
        finish = node.call(
            "companion_finish",
            code=code,
            eph_private=hello["eph_private"],
            wrapped_primary=b64(primary.wrapped_ephemeral),
            primary_identity_public=b64(phone.public),
            identity_private=b64(companion_identity.private),
            identity_public=b64(companion_identity.public),
        )
        adv = primary.finish(unb64(finish["bundle"]), companion_identity.public)
        assert adv == unb64(finish["adv_secret"])


def test_wacli_companion_pairs_with_node_primary(node: NodeProcess) -> None:
    for _ in range(3):
        companion = CompanionPairing.start()
        phone = generate_key_pair()
        hello = node.call(
            "primary_hello", code=companion.code, wrapped_companion=b64(companion.wrapped_ephemeral)
        )
        identity = generate_key_pair()
        finish = companion.finish(unb64(hello["wrapped"]), phone.public, identity)
        out = node.call(
            "primary_finish",
            bundle=b64(finish.wrapped_key_bundle),
            shared=hello["shared"],
            identity_private=b64(phone.private),
        )
        assert unb64(out["companion_identity"]) == identity.public
        assert unb64(out["primary_identity"]) == phone.public
        assert unb64(out["adv_secret"]) == finish.adv_secret


def test_wrong_code_fails_at_finish(node: NodeProcess) -> None:
    code = generate_code()
    hello = node.call("companion_hello", code=code)
    wrong = generate_code()
    primary = PrimaryPairing.accept(wrong, unb64(hello["wrapped"]), generate_key_pair())
    identity = generate_key_pair()
    finish = node.call(
        "companion_finish",
        code=code,
        eph_private=hello["eph_private"],
        wrapped_primary=b64(primary.wrapped_ephemeral),
        primary_identity_public=b64(primary.identity.public),
        identity_private=b64(identity.private),
        identity_public=b64(identity.public),
    )
    with pytest.raises(PairingError):
        primary.finish(unb64(finish["bundle"]), identity.public)


def test_baileys_qr_parses(node: NodeProcess) -> None:
    for os_name, browser, platform in (("Ubuntu", "Chrome", "1"), ("Mac OS", "Desktop", "7")):
        noise, identity, adv = os.urandom(32), os.urandom(32), os.urandom(32)
        text = node.call(
            "qr",
            ref="2@Xyz+/=",
            noise=b64(noise),
            identity=b64(identity),
            adv=b64(adv),
            os=os_name,
            browser=browser,
        )
        parsed = parse_qr(text)
        assert parsed == QRPayload("2@Xyz+/=", noise, identity, adv, platform)
        assert build_qr(parsed) == text
