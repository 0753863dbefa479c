"""The server's certificate chain: root key -> intermediate -> leaf = the Noise static key.

Each certificate is a serialized Details message and an XEdDSA signature
over those exact bytes. The root signs the intermediate (whose issuer serial
names the root's serial, 0 in production), the intermediate signs the leaf
(whose issuer serial is the intermediate's serial), and the leaf's key must
be the static key the server proved in the handshake. Without this check
anyone could sit between the client and WhatsApp.
"""

from __future__ import annotations

import hmac
import time
from typing import NamedTuple

from google.protobuf.message import DecodeError

from wacli.crypto import KeyPair, generate_key_pair, xeddsa_sign, xeddsa_verify
from wacli.noise.constants import WA_ROOT_PUBLIC_KEY, WA_ROOT_SERIAL
from wacli.noise.errors import CertificateError
from wacli.proto.cert_pb2 import CertChain

_Details = CertChain.NoiseCertificate.Details

_KEY_LEN = 32
_SIGNATURE_LEN = 64
_DEFAULT_BACKDATE = 24 * 3600
_DEFAULT_LIFETIME = 10 * 365 * 24 * 3600


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class Certificate(NamedTuple):
    """The verified contents of one certificate."""

    serial: int
    issuer_serial: int
    key: bytes
    not_before: int
    not_after: int

    def valid_at(self, now: float) -> bool:
        return self.not_before <= now <= self.not_after


class CertChainInfo(NamedTuple):
    """A verified chain; clients keep it to decide whether IK may be tried later."""

    intermediate: Certificate
    leaf: Certificate

    def valid_at(self, now: float) -> bool:
        return self.intermediate.valid_at(now) and self.leaf.valid_at(now)


def _parse(data: bytes, what: str) -> CertChain:
    chain = CertChain()
    try:
        chain.ParseFromString(data)
    except DecodeError:
        raise CertificateError(f"{what} is not a well-formed protobuf") from None
    return chain


def _parse_details(data: bytes, name: str) -> Certificate:
    details = _Details()
    try:
        details.ParseFromString(data)
    except DecodeError:
        raise CertificateError(f"{name} certificate details are not well-formed") from None
    if len(details.key) != _KEY_LEN:
        raise CertificateError(f"{name} certificate key is {len(details.key)} bytes, not 32")
    return Certificate(
        details.serial, details.issuer_serial, details.key, details.not_before, details.not_after
    )


def _signed_details(cert: CertChain.NoiseCertificate, name: str) -> tuple[bytes, bytes]:
    if not cert.HasField("details") or not cert.HasField("signature"):
        raise CertificateError(f"{name} certificate is missing its details or signature")
    if len(cert.signature) != _SIGNATURE_LEN:
        raise CertificateError(f"{name} signature is {len(cert.signature)} bytes, not 64")
    return cert.details, cert.signature


def _check_window(cert: Certificate, name: str, now: float) -> None:
    if now < cert.not_before:
        raise CertificateError(
            f"{name} certificate is not valid before {cert.not_before} (now {now:.0f})"
        )
    if now > cert.not_after:
        raise CertificateError(f"{name} certificate expired at {cert.not_after} (now {now:.0f})")


def verify_cert_chain(
    chain: bytes,
    server_static: bytes,
    *,
    root_key: bytes = WA_ROOT_PUBLIC_KEY,
    root_serial: int = WA_ROOT_SERIAL,
    now: float | None = None,
) -> CertChainInfo:
    """Check that ``chain`` (a serialized CertChain) vouches for ``server_static``.

    Raises CertificateError naming the first check that fails. ``now`` is Unix
    seconds (the current time when omitted).
    """
    msg = _parse(chain, "certificate chain")
    if not msg.HasField("intermediate") or not msg.HasField("leaf"):
        raise CertificateError("certificate chain lacks an intermediate or a leaf certificate")
    inter_raw, inter_sig = _signed_details(msg.intermediate, "intermediate")
    leaf_raw, leaf_sig = _signed_details(msg.leaf, "leaf")

    if not xeddsa_verify(root_key, inter_raw, inter_sig):
        raise CertificateError("intermediate certificate is not signed by the root key")
    intermediate = _parse_details(inter_raw, "intermediate")
    if intermediate.issuer_serial != root_serial:
        raise CertificateError(
            f"intermediate names issuer serial {intermediate.issuer_serial}, "
            f"the root's serial is {root_serial}"
        )
    if not xeddsa_verify(intermediate.key, leaf_raw, leaf_sig):
        raise CertificateError("leaf certificate is not signed by the intermediate key")
    leaf = _parse_details(leaf_raw, "leaf")
    if leaf.issuer_serial != intermediate.serial:
        raise CertificateError(
            f"leaf names issuer serial {leaf.issuer_serial}, "
            f"the intermediate's serial is {intermediate.serial}"
        )
    if not hmac.compare_digest(leaf.key, server_static):
        raise CertificateError("leaf certificate key is not the server's static key")
    moment = time.time() if now is None else now
    _check_window(intermediate, "intermediate", moment)
    _check_window(leaf, "leaf", moment)
    return CertChainInfo(intermediate, leaf)


def _certificate(signer: bytes, details: _Details) -> CertChain.NoiseCertificate:
    raw = details.SerializeToString()
    return CertChain.NoiseCertificate(details=raw, signature=xeddsa_sign(signer, raw))


def issue_cert_chain(
    root: KeyPair,
    server_static: bytes,
    *,
    root_serial: int = WA_ROOT_SERIAL,
    intermediate_serial: int = 1,
    leaf_serial: int = 2,
    not_before: int | None = None,
    not_after: int | None = None,
    intermediate: KeyPair | None = None,
) -> bytes:
    """A serialized CertChain for a server whose static public key is ``server_static``.

    Both certificates share the validity window, by default from a day ago
    to ten years ahead. For the sandbox and tests; WhatsApp's root private key
    is of course not available.
    """
    nowish = int(time.time())
    start = nowish - _DEFAULT_BACKDATE if not_before is None else not_before
    end = nowish + _DEFAULT_LIFETIME if not_after is None else not_after
    middle = generate_key_pair() if intermediate is None else intermediate
    inter_details = _Details(
        serial=intermediate_serial,
        issuer_serial=root_serial,
        key=middle.public,
        not_before=start,
        not_after=end,
    )
    leaf_details = _Details(
        serial=leaf_serial,
        issuer_serial=intermediate_serial,
        key=server_static,
        not_before=start,
        not_after=end,
    )
    chain = CertChain(
        intermediate=_certificate(root.private, inter_details),
        leaf=_certificate(middle.private, leaf_details),
    )
    return chain.SerializeToString()
