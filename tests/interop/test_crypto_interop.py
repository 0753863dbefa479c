"""wacli's Curve25519 and XEdDSA against libsignal-node and whatsapp-rust-bridge."""

from collections.abc import Iterator

import pytest

from bench.node import NodeProcess, b64, unb64
from wacli.crypto import dh, generate_key_pair, key_pair_from_private, xeddsa_sign, xeddsa_verify


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("curve.mjs") as proc:
        yield proc


IMPLS = ["libsignal", "bridge"]
MESSAGES = [b"", b"x", b"\x05" + bytes(range(32)), bytes(range(256)) * 5]


def test_their_keys_and_ours_agree_on_public_keys(node: NodeProcess) -> None:
    for impl in IMPLS * 5:
        theirs = node.call("keypair", impl=impl)
        ours = key_pair_from_private(unb64(theirs["private"]))
        assert ours.public == unb64(theirs["public"])
    for _ in range(10):
        mine = generate_key_pair()
        assert unb64(node.call("public_of", private=b64(mine.private))) == mine.public


def test_our_signatures_verify_with_both_implementations(node: NodeProcess) -> None:
    for _ in range(8):
        kp = generate_key_pair()
        for message in MESSAGES:
            sig = xeddsa_sign(kp.private, message)
            ok = node.call(
                "verify", public=b64(kp.public), message=b64(message), signature=b64(sig)
            )
            assert ok == {"libsignal": True, "bridge": True}
            forged = bytearray(sig)
            forged[5] ^= 1
            bad = node.call(
                "verify", public=b64(kp.public), message=b64(message), signature=b64(bytes(forged))
            )
            assert bad == {"libsignal": False, "bridge": False}


def test_their_signatures_verify_with_ours(node: NodeProcess) -> None:
    for impl in IMPLS * 4:
        theirs = node.call("keypair", impl=impl)
        public = unb64(theirs["public"])
        for message in MESSAGES:
            sigs = node.call("sign", private=theirs["private"], message=b64(message))
            for sig in (unb64(sigs["libsignal"]), unb64(sigs["bridge"])):
                assert xeddsa_verify(public, message, sig)
                assert not xeddsa_verify(public, message + b"!", sig)
                assert not xeddsa_verify(generate_key_pair().public, message, sig)


def test_agreement_matches(node: NodeProcess) -> None:
    for impl in IMPLS * 5:
        ours = generate_key_pair()
        theirs = node.call("keypair", impl=impl)
        expected = dh(ours.private, unb64(theirs["public"]))
        got = node.call("agree", private=theirs["private"], public=b64(ours.public))
        assert unb64(got["libsignal"]) == expected
        assert unb64(got["bridge"]) == expected
