"""Certificate chain issue and verification: every check refuses what it should."""

from __future__ import annotations

import pytest

from wacli.crypto import KeyPair, generate_key_pair, xeddsa_sign
from wacli.noise import (
    WA_ROOT_PUBLIC_KEY,
    CertChainInfo,
    CertificateError,
    NoiseError,
    issue_cert_chain,
    verify_cert_chain,
)
from wacli.proto.cert_pb2 import CertChain

ROOT = generate_key_pair()
STATIC = generate_key_pair().public
NOW = 1_750_000_000
Details = CertChain.NoiseCertificate.Details


def build(
    *,
    root: KeyPair = ROOT,
    leaf_key: bytes = STATIC,
    inter: dict | None = None,
    leaf: dict | None = None,
    inter_signer: bytes | None = None,
    leaf_signer: bytes | None = None,
) -> bytes:
    """A chain with any field overridden, signed as a test wants it."""
    middle = generate_key_pair()
    inter_fields = {
        "serial": 1,
        "issuer_serial": 0,
        "key": middle.public,
        "not_before": NOW - 100,
        "not_after": NOW + 100,
        **(inter or {}),
    }
    leaf_fields = {
        "serial": 2,
        "issuer_serial": 1,
        "key": leaf_key,
        "not_before": NOW - 100,
        "not_after": NOW + 100,
        **(leaf or {}),
    }
    inter_raw = Details(**inter_fields).SerializeToString()
    leaf_raw = Details(**leaf_fields).SerializeToString()
    return CertChain(
        intermediate=CertChain.NoiseCertificate(
            details=inter_raw, signature=xeddsa_sign(inter_signer or root.private, inter_raw)
        ),
        leaf=CertChain.NoiseCertificate(
            details=leaf_raw, signature=xeddsa_sign(leaf_signer or middle.private, leaf_raw)
        ),
    ).SerializeToString()


def verify(chain: bytes, **kw: object) -> CertChainInfo:
    kw.setdefault("root_key", ROOT.public)
    kw.setdefault("now", NOW)
    return verify_cert_chain(chain, STATIC, **kw)  # type: ignore[arg-type]


def refused(chain: bytes, match: str, **kw: object) -> None:
    with pytest.raises(CertificateError, match=match) as info:
        verify(chain, **kw)
    assert isinstance(info.value, NoiseError)


def test_valid_chain_yields_its_details() -> None:
    info = verify(build())
    assert info.leaf.key == STATIC and info.leaf.serial == 2 and info.leaf.issuer_serial == 1
    assert info.intermediate.serial == 1 and info.intermediate.issuer_serial == 0
    assert (info.leaf.not_before, info.leaf.not_after) == (NOW - 100, NOW + 100)
    assert info.valid_at(NOW) and not info.valid_at(NOW + 101)


def test_issued_chain_verifies_with_its_serials_and_window() -> None:
    chain = issue_cert_chain(
        ROOT, STATIC, intermediate_serial=7, leaf_serial=9, not_before=10, not_after=20
    )
    info = verify_cert_chain(chain, STATIC, root_key=ROOT.public, now=15)
    assert (info.intermediate.serial, info.leaf.serial, info.leaf.issuer_serial) == (7, 9, 7)
    assert (info.intermediate.not_before, info.intermediate.not_after) == (10, 20)
    default = verify_cert_chain(issue_cert_chain(ROOT, STATIC), STATIC, root_key=ROOT.public)
    assert default.leaf.key == STATIC


def test_issuing_with_another_root_serial() -> None:
    chain = issue_cert_chain(ROOT, STATIC, root_serial=5)
    assert verify(chain, root_serial=5, now=None).intermediate.issuer_serial == 5
    with pytest.raises(CertificateError, match="issuer serial 5"):
        verify(chain, now=None)


def test_window_edges_are_inclusive() -> None:
    chain = build()
    verify(chain, now=NOW - 100)
    verify(chain, now=NOW + 100)


def test_production_root_is_the_default() -> None:
    assert WA_ROOT_PUBLIC_KEY.hex().startswith("142375574d0a5871")
    with pytest.raises(CertificateError, match="root key"):
        verify_cert_chain(build(), STATIC, now=NOW)


def test_wrong_root_key() -> None:
    refused(build(), "not signed by the root key", root_key=generate_key_pair().public)
    refused(build(root=generate_key_pair()), "not signed by the root key")


def _flip(chain: bytes, which: str, field: str) -> bytes:
    msg = CertChain()
    msg.ParseFromString(chain)
    cert = getattr(msg, which)
    value = bytearray(getattr(cert, field))
    value[5] ^= 0x04
    setattr(cert, field, bytes(value))
    return msg.SerializeToString()


def test_tampered_signatures_and_details() -> None:
    refused(_flip(build(), "intermediate", "signature"), "intermediate .*not signed")
    refused(_flip(build(), "intermediate", "details"), "intermediate .*not signed")
    refused(_flip(build(), "leaf", "signature"), "leaf .*not signed")
    refused(_flip(build(), "leaf", "details"), "leaf .*not signed")


def test_leaf_signed_by_someone_else() -> None:
    refused(build(leaf_signer=ROOT.private), "leaf certificate is not signed by the intermediate")


def test_expired_and_not_yet_valid() -> None:
    refused(build(leaf={"not_after": NOW - 1}), "leaf certificate expired")
    refused(build(leaf={"not_before": NOW + 1}), "leaf certificate is not valid before")
    refused(build(inter={"not_after": NOW - 1}), "intermediate certificate expired")
    refused(build(inter={"not_before": NOW + 1}), "intermediate certificate is not valid before")
    refused(build(leaf={"not_before": None, "not_after": None}), "leaf certificate expired")


def test_leaf_key_must_be_the_static_key() -> None:
    refused(build(leaf_key=generate_key_pair().public), "not the server's static key")
    refused(build(leaf_key=STATIC[:31]), "leaf certificate key is 31 bytes")


def test_serials_must_link() -> None:
    refused(build(leaf={"issuer_serial": 3}), "leaf names issuer serial 3.*serial is 1")
    refused(build(inter={"issuer_serial": 1}), "intermediate names issuer serial 1")


def test_structural_defects() -> None:
    refused(b"\xff\xff\xff", "not a well-formed protobuf")
    refused(b"", "lacks an intermediate or a leaf")
    msg = CertChain()
    msg.ParseFromString(build())
    only_leaf = CertChain(leaf=msg.leaf).SerializeToString()
    refused(only_leaf, "lacks an intermediate")
    msg.leaf.ClearField("signature")
    refused(msg.SerializeToString(), "leaf certificate is missing")
    msg.ParseFromString(build())
    msg.intermediate.signature = msg.intermediate.signature[:63]
    refused(msg.SerializeToString(), "intermediate signature is 63 bytes")
    bad_key = Details(serial=1, key=b"\x01" * 16).SerializeToString()
    msg.intermediate.details = bad_key
    msg.intermediate.signature = xeddsa_sign(ROOT.private, bad_key)
    refused(msg.SerializeToString(), "intermediate certificate key is 16 bytes")
    junk = b"\x1a\xff"  # a length that runs past the end
    msg.intermediate.details = junk
    msg.intermediate.signature = xeddsa_sign(ROOT.private, junk)
    refused(msg.SerializeToString(), "intermediate certificate details are not well-formed")
