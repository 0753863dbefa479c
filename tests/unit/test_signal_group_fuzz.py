"""Random and mutated input to every parser of wacli.signal.group: only GroupCipherError
may come out, and a mutated message never decrypts."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wacli.proto import sender_key_pb2
from wacli.signal.address import ProtocolAddress
from wacli.signal.group import (
    CorruptSenderKeyRecordError,
    GroupCipher,
    GroupCipherError,
    GroupSessionBuilder,
    InvalidGroupMessageError,
    SenderKeyDistributionMessage,
    SenderKeyMessage,
    SenderKeyName,
    SenderKeyRecord,
)

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAME = SenderKeyName("fuzz@g.us", ProtocolAddress("sender", 3))


class DictSenderKeyStore:
    def __init__(self) -> None:
        self.records: dict[tuple[str, str], bytes] = {}

    def load_sender_key(self, group: str, sender: str) -> bytes | None:
        return self.records.get((group, sender))

    def store_sender_key(self, group: str, sender: str, record: bytes) -> None:
        self.records[(group, sender)] = record


SENDER = DictSenderKeyStore()
SKDM = GroupSessionBuilder(SENDER).create(NAME)
MESSAGES = [GroupCipher(SENDER, NAME).encrypt(b"fuzz %d" % i) for i in range(3)]


def receiver() -> GroupCipher:
    store = DictSenderKeyStore()
    GroupSessionBuilder(store).process(NAME, SKDM)
    return GroupCipher(store, NAME)


def mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None, extra: bytes) -> bytes:
    out = bytearray(data)
    for pos, value in edits:
        out[pos % len(out)] = value
    out = out[:cut] if cut is not None else out
    return bytes(out) + extra


edits = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4)
cuts = st.none() | st.integers(0, 400)


@FUZZ
@given(st.binary(max_size=300))
@example(b"")
@example(b"\x33")
@example(b"\x33" + bytes(64))
@example(b"\x33\x08\x01\x10\x01\x1a\x10" + bytes(16) + bytes(64))
def test_sender_key_message_parse(data: bytes) -> None:
    try:
        SenderKeyMessage.parse(data)
    except GroupCipherError as exc:
        assert isinstance(exc, InvalidGroupMessageError)


@FUZZ
@given(st.binary(max_size=200))
@example(b"\x33\x08\x01\x10\x01\x1a\x20" + bytes(32) + b"\x22\x21\x05" + bytes(32))
@example(b"\x33\x08\x01\x10\x01\x1a\x20" + bytes(32) + b"\x22\x21\x06" + bytes(32))
def test_distribution_message_parse(data: bytes) -> None:
    try:
        message = SenderKeyDistributionMessage.parse(data)
    except GroupCipherError as exc:
        assert isinstance(exc, InvalidGroupMessageError)
    else:
        assert SenderKeyDistributionMessage.parse(message.serialize()) == message


@FUZZ
@given(st.integers(0, 2), edits, cuts, st.binary(max_size=8))
def test_mutated_messages_never_decrypt(index: int, changes, cut, extra: bytes) -> None:
    original = MESSAGES[index]
    data = mutate(original, changes, cut, extra)
    cipher = receiver()
    try:
        plaintext = cipher.decrypt(data)
    except GroupCipherError:
        pass
    else:
        assert data == original and plaintext == b"fuzz %d" % index


@FUZZ
@given(
    st.integers(0, 2**32 - 1),
    st.integers(0, 2**32 - 1),
    st.binary(max_size=40),
    st.binary(max_size=3),
    st.sampled_from(["chain_key", "signing_key", "id", "iteration", None]),
)
def test_structured_distribution_messages(key_id, iteration, ciphertext, junk, drop) -> None:
    # Well-formed protobufs with ill-formed contents, then used to decrypt real traffic.
    proto = sender_key_pb2.SenderKeyDistributionMessage(
        id=key_id,
        iteration=iteration,
        chain_key=SKDM.chain_key + junk,
        signing_key=b"\x05" + SKDM.signing_key + junk,
    )
    if drop:
        proto.ClearField(drop)
    store = DictSenderKeyStore()
    try:
        GroupSessionBuilder(store).process(NAME, b"\x33" + proto.SerializeToString())
    except GroupCipherError:
        return
    cipher = GroupCipher(store, NAME)
    for message in MESSAGES:
        with contextlib.suppress(GroupCipherError):
            cipher.decrypt(message)
    with contextlib.suppress(GroupCipherError):
        cipher.decrypt(SenderKeyMessage.create(key_id, iteration, ciphertext, bytes(32)).serialized)


@FUZZ
@given(st.binary(max_size=400))
@example(b"\x0a\x00")
@example(bytes.fromhex("0a2a08011204080012002a1e"))
def test_record_parse(data: bytes) -> None:
    try:
        record = SenderKeyRecord.parse(data)
    except GroupCipherError as exc:
        assert isinstance(exc, CorruptSenderKeyRecordError)
        return
    # Whatever parsed can be stored again and used, failing only with typed errors.
    try:
        SenderKeyRecord.parse(record.serialize())
        for message in MESSAGES:
            record.decrypt(message)
    except GroupCipherError:
        pass


@FUZZ
@given(edits, cuts, st.binary(max_size=8))
def test_mutated_stored_records(changes, cut, extra: bytes) -> None:
    cipher = receiver()
    cipher.decrypt(MESSAGES[2])  # leaves two skipped keys in the record
    key = ("fuzz@g.us", "sender.3")
    cipher.store.records[key] = mutate(cipher.store.records[key], changes, cut, extra)
    for message in MESSAGES:
        with contextlib.suppress(GroupCipherError):
            cipher.decrypt(message)
