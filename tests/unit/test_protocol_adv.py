"""ADV identities: the primary's pair-success passes the companion's checks, the
companion's countersignature passes the primary's, and every forgery is an AdvError.

Cross-checks with Baileys and libsignal are in tests/interop/test_protocol_adv_interop.py.
"""

import hashlib
import hmac
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.crypto import generate_key_pair, xeddsa_sign, xeddsa_verify
from wacli.proto import adv_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.adv import (
    AdvError,
    build_key_index_list,
    build_pair_success,
    verify_device_identity,
    verify_pair_success,
)


@pytest.mark.parametrize("hosted", [False, True])
def test_round_trip(hosted: bool) -> None:
    phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
    blob = build_pair_success(
        phone, companion.public, adv, 3, raw_id=77, timestamp=1234, hosted=hosted
    )
    paired = verify_pair_success(blob, adv, companion)
    assert paired.hosted is hosted
    assert (paired.key_index, paired.details.raw_id, paired.details.timestamp) == (3, 77, 1234)
    assert paired.account_identity == phone.public
    assert paired.signed_identity.account_signature_key == phone.public
    details = verify_device_identity(paired.reply, companion.public, phone.public)
    assert details.key_index == 3
    # the kept copy carries the account key, so it verifies on its own
    verify_device_identity(paired.signed_identity.SerializeToString(), companion.public)


def test_layout_of_hmac_and_signatures() -> None:
    phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
    container = adv_pb2.ADVSignedDeviceIdentityHMAC.FromString(
        build_pair_success(phone, companion.public, adv, 1)
    )
    assert container.hmac == hmac.digest(adv, container.details, hashlib.sha256)
    signed = adv_pb2.ADVSignedDeviceIdentity.FromString(container.details)
    assert xeddsa_verify(
        phone.public, b"\x06\x00" + signed.details + companion.public, signed.account_signature
    )
    paired = verify_pair_success(container.SerializeToString(), adv, companion)
    assert xeddsa_verify(
        companion.public,
        b"\x06\x01" + signed.details + companion.public + phone.public,
        paired.signed_identity.device_signature,
    )
    hosted = adv_pb2.ADVSignedDeviceIdentityHMAC.FromString(
        build_pair_success(phone, companion.public, adv, 1, hosted=True)
    )
    assert hosted.account_type == adv_pb2.HOSTED
    assert hosted.hmac == hmac.digest(adv, b"\x06\x05" + hosted.details, hashlib.sha256)


def test_forgeries_are_refused() -> None:
    phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
    blob = build_pair_success(phone, companion.public, adv, 1)
    with pytest.raises(AdvError, match="HMAC"):
        verify_pair_success(blob, os.urandom(32), companion)
    # a correct HMAC over an identity signed by someone who is not the account key
    container = adv_pb2.ADVSignedDeviceIdentityHMAC.FromString(blob)
    signed = adv_pb2.ADVSignedDeviceIdentity.FromString(container.details)
    signed.account_signature = xeddsa_sign(
        generate_key_pair().private, b"\x06\x00" + signed.details + companion.public
    )
    container.details = signed.SerializeToString()
    container.hmac = hmac.digest(adv, container.details, hashlib.sha256)
    with pytest.raises(AdvError, match="account signature"):
        verify_pair_success(container.SerializeToString(), adv, companion)
    # a hosted flag added in transit changes the HMAC input
    container = adv_pb2.ADVSignedDeviceIdentityHMAC.FromString(blob)
    container.account_type = adv_pb2.HOSTED
    with pytest.raises(AdvError):
        verify_pair_success(container.SerializeToString(), adv, companion)


def test_countersignature_checks() -> None:
    phone, companion, adv = generate_key_pair(), generate_key_pair(), os.urandom(32)
    paired = verify_pair_success(
        build_pair_success(phone, companion.public, adv, 2), adv, companion
    )
    with pytest.raises(AdvError, match="no usable account"):  # reply omits the account key
        verify_device_identity(paired.reply, companion.public)
    with pytest.raises(AdvError):
        verify_device_identity(paired.reply, companion.public, generate_key_pair().public)
    with pytest.raises(AdvError, match="another account"):
        verify_device_identity(
            paired.signed_identity.SerializeToString(), companion.public, generate_key_pair().public
        )
    tampered = adv_pb2.ADVSignedDeviceIdentity.FromString(paired.reply)
    sig = bytearray(tampered.device_signature)
    sig[0] ^= 1
    tampered.device_signature = bytes(sig)
    with pytest.raises(AdvError, match="device signature"):
        verify_device_identity(tampered.SerializeToString(), companion.public, phone.public)
    tampered.ClearField("device_signature")
    with pytest.raises(AdvError):
        verify_device_identity(tampered.SerializeToString(), companion.public, phone.public)


@pytest.mark.parametrize(
    "junk",
    [b"", b"\xff\xff\xff", b"\x0a\x05abc", bytes(range(200, 256)) * 2, b"\x12\x20" + bytes(32)],
)
def test_garbage_is_a_typed_error(junk: bytes) -> None:
    with pytest.raises(ProtocolError):
        verify_pair_success(junk, os.urandom(32), generate_key_pair())
    with pytest.raises(ProtocolError):
        verify_device_identity(junk, generate_key_pair().public, generate_key_pair().public)


def test_bad_companion_key_size() -> None:
    with pytest.raises(AdvError):
        build_pair_success(generate_key_pair(), b"\x01" * 33, os.urandom(32), 1)


ADV = b"\x01" * 32
COMPANION = generate_key_pair()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_fuzzed_inner_identity_under_a_valid_hmac_is_a_typed_error(details: bytes) -> None:
    container = adv_pb2.ADVSignedDeviceIdentityHMAC(
        details=details, hmac=hmac.digest(ADV, details, hashlib.sha256)
    )
    with pytest.raises(ProtocolError):
        verify_pair_success(container.SerializeToString(), ADV, COMPANION)
    try:
        verify_device_identity(details, COMPANION.public, COMPANION.public)
    except ProtocolError:
        pass
    else:  # only a genuinely signed identity may pass
        pytest.fail("random bytes verified as a device identity")


def test_key_index_list_is_signed_by_the_account() -> None:
    phone = generate_key_pair()
    blob = build_key_index_list(phone, 42, 3, [0, 1, 3], timestamp=99)
    signed = adv_pb2.ADVSignedKeyIndexList.FromString(blob)
    assert xeddsa_verify(phone.public, b"\x06\x02" + signed.details, signed.account_signature)
    assert not xeddsa_verify(
        generate_key_pair().public, b"\x06\x02" + signed.details, signed.account_signature
    )
    listed = adv_pb2.ADVKeyIndexList.FromString(signed.details)
    assert (listed.raw_id, listed.current_index, list(listed.valid_indexes)) == (42, 3, [0, 1, 3])
    assert listed.timestamp == 99
