"""Pairing QR text: both accepted forms, round trip, malformed input."""

import base64
import os

import pytest

from wacli.protocol.pair_qr import QR_URL_PREFIX, PairingError, QRPayload, build_qr, parse_qr


def _payload(platform: str | None = "1") -> QRPayload:
    return QRPayload("2@abc+/=", os.urandom(32), os.urandom(32), os.urandom(32), platform)


def test_round_trip_both_forms() -> None:
    for platform in ("1", None):
        p = _payload(platform)
        assert parse_qr(build_qr(p)) == p
        assert parse_qr(build_qr(p, with_url=False)) == p
    p = _payload(None)
    text = build_qr(p, with_url=False)
    assert text == ",".join(
        [p.ref]
        + [base64.b64encode(k).decode() for k in (p.noise_public, p.identity_public, p.adv_secret)]
    )
    assert build_qr(p).startswith(QR_URL_PREFIX)
    assert "adv_secret" not in repr(p)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ref",
        "ref,a,b",
        "ref,a,b,c,d,e",
        ",AAAA,AAAA,AAAA",
        "ref,!!!!,AAAA,AAAA",
        "ref," + ",".join([base64.b64encode(bytes(31)).decode()] * 3),
        "x" * 5000,
    ],
)
def test_malformed_qr_is_a_pairing_error(text: str) -> None:
    with pytest.raises(PairingError):
        parse_qr(text)
