"""wacli.signal.group: sender key chains, records, limits and errors (no Node here)."""

from __future__ import annotations

import hashlib
import hmac
import random

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from wacli.crypto import generate_key_pair, hkdf_sha256
from wacli.proto import sender_key_pb2
from wacli.signal.address import ProtocolAddress
from wacli.signal.errors import (
    DuplicateMessageError,
    InvalidMessageError,
    NoSessionError,
    SignalError,
)
from wacli.signal.group import (
    MAX_FORWARD_JUMP,
    MAX_MESSAGE_KEYS,
    MAX_SENDER_KEY_STATES,
    CorruptSenderKeyRecordError,
    DuplicateGroupMessageError,
    ForwardJumpError,
    GroupCipher,
    GroupCipherError,
    GroupSessionBuilder,
    InvalidGroupMessageError,
    InvalidSignatureError,
    NoSenderKeyError,
    SenderKeyDistributionMessage,
    SenderKeyMessage,
    SenderKeyName,
    SenderKeyRecord,
    SenderKeyState,
)
from wacli.signal.group.chain import message_key, message_key_seed, next_chain_key
from wacli.signal.group.skipped import SkippedKeys, encode_entry, is_packed

GROUP = "120363000000000001@g.us"
ALICE = SenderKeyName(GROUP, ProtocolAddress("alice", 1))


class DictSenderKeyStore:
    """The SenderKeyStore protocol over a dict."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], bytes] = {}

    def load_sender_key(self, group: str, sender: str) -> bytes | None:
        return self.records.get((group, sender))

    def store_sender_key(self, group: str, sender: str, record: bytes) -> None:
        self.records[(group, sender)] = record


class Pair:
    """Alice sends to the group; Bob holds her sender key."""

    def __init__(self) -> None:
        self.alice_store = DictSenderKeyStore()
        self.bob_store = DictSenderKeyStore()
        self.skdm = GroupSessionBuilder(self.alice_store).create(ALICE)
        GroupSessionBuilder(self.bob_store).process(ALICE, self.skdm.serialize())
        self.alice = GroupCipher(self.alice_store, ALICE)
        self.bob = GroupCipher(self.bob_store, ALICE)

    def send(self, n: int) -> list[bytes]:
        return [self.alice.encrypt(b"message %d" % i) for i in range(n)]

    def bob_record(self) -> SenderKeyRecord:
        return SenderKeyRecord.parse(self.bob_store.records[(GROUP, "alice.1")])


def fast_forward(store: DictSenderKeyStore, name: SenderKeyName, steps: int) -> None:
    """Advance the sender's own chain without sending (as if messages were lost)."""
    record = SenderKeyRecord.parse(store.records[(name.group_id, name.sender_id)])
    state = record.current
    assert state is not None
    for _ in range(steps):
        state.chain_key = next_chain_key(state.chain_key)
    state.iteration += steps
    store.records[(name.group_id, name.sender_id)] = record.serialize()


# ---- derivations ----


def test_chain_and_message_keys_follow_libsignal_labels() -> None:
    chain = bytes(range(32))
    assert message_key_seed(chain) == hmac.digest(chain, b"\x01", hashlib.sha256)
    assert next_chain_key(chain) == hmac.digest(chain, b"\x02", hashlib.sha256)
    seed = message_key_seed(chain)
    derived = hkdf_sha256(seed, 48, salt=None, info=b"WhisperGroup")
    key = message_key(7, seed)
    assert (key.iteration, key.iv, key.cipher_key) == (7, derived[:16], derived[16:])


def test_message_layout() -> None:
    pair = Pair()
    raw = pair.alice.encrypt(b"hello")
    message = SenderKeyMessage.parse(raw)
    assert raw[0] == 0x33
    assert (message.key_id, message.iteration) == (pair.skdm.key_id, 0)
    assert message.verify_signature(pair.skdm.signing_key)
    skdm = pair.skdm.serialize()
    assert skdm[0] == 0x33 and SenderKeyDistributionMessage.parse(skdm) == pair.skdm
    assert pair.skdm.key_id < 2**31 and pair.skdm.iteration == 0


# ---- the common paths ----


def test_round_trip_in_order_and_shuffled() -> None:
    pair = Pair()
    sizes = [0, 1, 15, 16, 17, 4096]
    sent = [bytes([i]) * n for i, n in enumerate(sizes)]
    assert [pair.bob.decrypt(pair.alice.encrypt(p)) for p in sent] == sent
    messages = pair.send(300)
    order = list(range(300))
    random.Random(3).shuffle(order)
    assert [pair.bob.decrypt(messages[i]) for i in order] == [b"message %d" % i for i in order]
    assert pair.bob_record().current.message_keys == {}  # type: ignore[union-attr]


def test_create_hands_out_the_same_key_until_rotated() -> None:
    store = DictSenderKeyStore()
    builder = GroupSessionBuilder(store)
    first = builder.create(ALICE)
    GroupCipher(store, ALICE).encrypt(b"x")
    again = builder.create(ALICE)
    assert (again.key_id, again.signing_key) == (first.key_id, first.signing_key)
    assert again.iteration == 1 and again.chain_key == next_chain_key(first.chain_key)
    rotated = builder.rotate(ALICE)
    assert rotated.key_id != first.key_id and rotated.iteration == 0
    assert builder.create(ALICE) == rotated


# ---- refusals ----


def test_duplicates_are_refused() -> None:
    pair = Pair()
    m0, m1, m2 = pair.send(3)
    assert pair.bob.decrypt(m2) == b"message 2"
    assert pair.bob.decrypt(m0) == b"message 0"
    for replay in (m0, m2):
        with pytest.raises(DuplicateGroupMessageError) as err:
            pair.bob.decrypt(replay)
        assert isinstance(err.value, DuplicateMessageError)
    assert pair.bob.decrypt(m1) == b"message 1"


def test_forward_jump_bound() -> None:
    pair = Pair()
    fast_forward(pair.alice_store, ALICE, MAX_FORWARD_JUMP)
    at_bound = pair.alice.encrypt(b"just in reach")
    over = pair.alice.encrypt(b"one too far")
    before = pair.bob_store.records.copy()
    with pytest.raises(ForwardJumpError) as err:
        pair.bob.decrypt(over)
    assert err.value.iteration == MAX_FORWARD_JUMP + 1 and err.value.current == 0
    assert pair.bob_store.records == before  # nothing derived, nothing stored
    assert pair.bob.decrypt(at_bound) == b"just in reach"
    assert pair.bob.decrypt(over) == b"one too far"
    assert len(pair.bob_record().current.message_keys) == MAX_FORWARD_JUMP  # type: ignore[union-attr]


def test_skipped_keys_are_bounded_oldest_first() -> None:
    pair = Pair()
    m0 = pair.alice.encrypt(b"0")
    fast_forward(pair.alice_store, ALICE, 599)
    m600 = pair.alice.encrypt(b"600")
    fast_forward(pair.alice_store, ALICE, 900)
    m1501 = pair.alice.encrypt(b"1501")
    fast_forward(pair.alice_store, ALICE, 1000)
    m2502 = pair.alice.encrypt(b"2502")
    assert pair.bob.decrypt(m1501) == b"1501"  # skips 0..1500
    assert pair.bob.decrypt(m2502) == b"2502"  # skips 1502..2501: 2501 keys, 2000 kept
    keys = pair.bob_record().current.message_keys  # type: ignore[union-attr]
    assert len(keys) == MAX_MESSAGE_KEYS and min(keys) == 501 and max(keys) == 2501
    assert 1501 not in keys
    assert pair.bob.decrypt(m600) == b"600"
    with pytest.raises(DuplicateGroupMessageError):  # its key was the first dropped
        pair.bob.decrypt(m0)
    # The bound holds across a chain of jumps, as they accumulate.
    pair2 = Pair()
    for _ in range(3):
        fast_forward(pair2.alice_store, ALICE, 1200)
        pair2.bob.decrypt(pair2.alice.encrypt(b"hop"))
        assert len(pair2.bob_record().current.message_keys) <= MAX_MESSAGE_KEYS  # type: ignore[union-attr]


def test_bad_signatures_are_refused_and_change_nothing() -> None:
    pair = Pair()
    genuine = pair.alice.encrypt(b"genuine")
    before = pair.bob_store.records.copy()
    forged = SenderKeyMessage.create(
        pair.skdm.key_id, 0, bytes(16), generate_key_pair().private
    ).serialized
    flipped = bytearray(genuine)
    flipped[-3] ^= 0x10
    for bad in (forged, bytes(flipped)):
        with pytest.raises(InvalidSignatureError) as err:
            pair.bob.decrypt(bad)
        assert isinstance(err.value, InvalidMessageError)
    assert pair.bob_store.records == before
    assert pair.bob.decrypt(genuine) == b"genuine"


def test_a_signed_message_that_does_not_decrypt_leaves_the_record_alone() -> None:
    # Validly signed (by the sender's own key) but not a valid PKCS#7 ciphertext.
    pair = Pair()
    own = SenderKeyRecord.parse(pair.alice_store.records[(GROUP, "alice.1")]).current
    assert own is not None and own.signing_private is not None
    chain = own.chain_key
    for _ in range(5):
        chain = next_chain_key(chain)
    key = message_key(5, message_key_seed(chain))
    # One block that decrypts to 16 zero bytes: a pad length of 0 is never valid.
    encryptor = Cipher(algorithms.AES(key.cipher_key), modes.CBC(key.iv)).encryptor()
    zeros = encryptor.update(bytes(16)) + encryptor.finalize()
    broken = SenderKeyMessage.create(own.key_id, 5, zeros, own.signing_private)
    before = pair.bob_store.records.copy()
    with pytest.raises(InvalidGroupMessageError):
        pair.bob.decrypt(broken.serialized)
    assert pair.bob_store.records == before
    latest = pair.send(6)[-1]
    assert pair.bob.decrypt(latest) == b"message 5"


def test_no_sender_key_errors() -> None:
    pair = Pair()
    message = pair.alice.encrypt(b"x")
    stranger = GroupCipher(DictSenderKeyStore(), ALICE)
    with pytest.raises(NoSenderKeyError) as err:
        stranger.decrypt(message)
    assert isinstance(err.value, NoSessionError) and err.value.key_id == pair.skdm.key_id
    # Alice rotates; Bob never got the new key: the key id is unknown to him.
    GroupSessionBuilder(pair.alice_store).rotate(ALICE)
    with pytest.raises(NoSenderKeyError) as err:
        pair.bob.decrypt(pair.alice.encrypt(b"y"))
    assert err.value.key_id != pair.skdm.key_id
    # Bob holds only Alice's key as a receiver: he cannot encrypt as her.
    with pytest.raises(NoSenderKeyError):
        pair.bob.encrypt(b"impersonation")
    with pytest.raises(NoSenderKeyError):
        GroupCipher(DictSenderKeyStore(), ALICE).encrypt(b"no key yet")


# ---- several states ----


def test_rotation_keeps_the_newest_five_states() -> None:
    alice_store, bob_store = DictSenderKeyStore(), DictSenderKeyStore()
    builder = GroupSessionBuilder(alice_store)
    alice, bob = GroupCipher(alice_store, ALICE), GroupCipher(bob_store, ALICE)
    messages, key_ids = [], []
    for generation in range(MAX_SENDER_KEY_STATES + 2):
        skdm = builder.rotate(ALICE) if generation else builder.create(ALICE)
        key_ids.append(skdm.key_id)
        GroupSessionBuilder(bob_store).process(ALICE, skdm)
        messages.append(alice.encrypt(b"generation %d" % generation))
    record = SenderKeyRecord.parse(bob_store.records[(GROUP, "alice.1")])
    assert [s.key_id for s in record.states] == key_ids[::-1][:MAX_SENDER_KEY_STATES]
    for generation in range(2, len(messages)):
        assert bob.decrypt(messages[generation]) == b"generation %d" % generation
    for generation in (0, 1):
        with pytest.raises(NoSenderKeyError):
            bob.decrypt(messages[generation])


def test_a_resent_distribution_message_does_not_rewind() -> None:
    pair = Pair()
    m0, m1 = pair.send(2)
    assert pair.bob.decrypt(m0) == b"message 0"
    GroupSessionBuilder(pair.bob_store).process(ALICE, pair.skdm)
    with pytest.raises(DuplicateGroupMessageError):
        pair.bob.decrypt(m0)
    assert pair.bob.decrypt(m1) == b"message 1"
    assert len(pair.bob_record().states) == 1


def test_same_key_id_with_another_signing_key_replaces_the_state() -> None:
    pair = Pair()
    impostor = SenderKeyDistributionMessage(
        pair.skdm.key_id, 0, bytes(32), generate_key_pair().public
    )
    GroupSessionBuilder(pair.bob_store).process(ALICE, impostor)
    record = pair.bob_record()
    assert len(record.states) == 1 and record.current.signing_public == impostor.signing_key  # type: ignore[union-attr]
    with pytest.raises(InvalidSignatureError):
        pair.bob.decrypt(pair.alice.encrypt(b"x"))


def test_records_keep_their_skipped_keys_through_storage() -> None:
    pair = Pair()
    messages = pair.send(50)
    assert pair.bob.decrypt(messages[40]) == b"message 40"
    # In-order traffic afterwards reloads and re-stores the record without parsing
    # the skipped keys; they must survive untouched.
    assert [pair.bob.decrypt(m) for m in messages[41:]] == [
        b"message %d" % i for i in range(41, 50)
    ]
    assert sorted(pair.bob_record().current.message_keys) == list(range(40))  # type: ignore[union-attr]
    assert [pair.bob.decrypt(messages[i]) for i in (39, 0, 20)] == [
        b"message 39",
        b"message 0",
        b"message 20",
    ]
    record = pair.bob_record()
    assert SenderKeyRecord.parse(record.serialize()).serialize() == record.serialize()


def test_an_exhausted_chain_is_refused() -> None:
    last = 2**32 - 1
    signing = generate_key_pair()
    own = SenderKeyRecord([SenderKeyState(9, last, bytes(32), signing.public, signing.private)])
    with pytest.raises(GroupCipherError):
        own.encrypt(b"x")
    receiver = SenderKeyRecord([SenderKeyState(9, last - 3, bytes(32), signing.public)])
    message = SenderKeyMessage.create(9, last, bytes(16), signing.private)
    with pytest.raises(InvalidGroupMessageError):
        receiver.decrypt(message.serialized)


# ---- records and names ----


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xff",
        b"\x0a\x00",  # a state with nothing in it
        b"\x0a\x02\x08\x01",  # key id only
        SenderKeyRecord([SenderKeyState(1, 0, bytes(31), bytes(32))]).serialize(),
    ],
)
def test_corrupt_records_are_typed(data: bytes) -> None:
    with pytest.raises(CorruptSenderKeyRecordError):
        SenderKeyRecord.parse(data)


def test_a_corrupt_skipped_key_is_typed() -> None:
    proto = sender_key_pb2.SenderKeyRecordStructure()
    state = proto.sender_key_states.add(sender_key_id=1)
    state.sender_chain_key.iteration = 5
    state.sender_chain_key.seed = bytes(32)
    state.sender_signing_key.public = b"\x05" + generate_key_pair().public
    state.sender_message_keys.add(iteration=2, seed=b"short")
    with pytest.raises(CorruptSenderKeyRecordError):
        SenderKeyRecord.parse(proto.SerializeToString())


def test_packed_skipped_keys_are_plain_protobuf() -> None:
    # wacli writes each skipped key as a fixed-size entry (padded varint); any protobuf
    # parser reads them, and records written canonically (by others) read back too.
    pair = Pair()
    messages = pair.send(8)
    pair.bob.decrypt(messages[7])
    pair.bob.decrypt(messages[3])
    ours = pair.bob_store.records[(GROUP, "alice.1")]
    proto = sender_key_pb2.SenderKeyRecordStructure.FromString(ours)
    [state] = proto.sender_key_states
    assert [(k.iteration, len(k.seed)) for k in state.sender_message_keys] == [
        (i, 32) for i in (0, 1, 2, 4, 5, 6)
    ]
    assert state.sender_chain_key.iteration == 8
    canonical = proto.SerializeToString(deterministic=True)
    assert canonical != ours  # shorter varints: the generic parser's path
    record = SenderKeyRecord.parse(canonical)
    assert record.serialize() == ours
    assert record.decrypt(messages[5]) == b"message 5"


def test_skipped_key_lookup_ignores_look_alikes_inside_seeds() -> None:
    # A seed that contains the byte pattern of another entry's header must not be
    # mistaken for that entry.
    fake = encode_entry(77, bytes(32))[:10]
    keys = SkippedKeys()
    keys.extend([(5, fake + bytes(22)), (6, bytes(range(32)))], limit=10)
    assert keys.get(77) is None
    assert keys.get(6) == bytes(range(32))
    keys.extend([(77, b"\x01" * 32)], limit=10)
    assert keys.get(77) == b"\x01" * 32
    keys.remove(5)
    assert keys.as_dict() == {6: bytes(range(32)), 77: b"\x01" * 32}
    keys.extend([(i, bytes(32)) for i in range(100, 120)], limit=10)
    assert list(keys.as_dict()) == list(range(110, 120))
    assert is_packed(keys.blob) and not is_packed(keys.blob[1:])


def test_errors_are_signal_errors() -> None:
    for error in (
        InvalidGroupMessageError,
        ForwardJumpError,
        InvalidSignatureError,
        DuplicateGroupMessageError,
        NoSenderKeyError,
        CorruptSenderKeyRecordError,
    ):
        assert issubclass(error, GroupCipherError) and issubclass(error, SignalError)


def test_sender_key_name() -> None:
    assert ALICE.sender_id == "alice.1"
    assert str(ALICE) == f"{GROUP}::alice::1"
    with pytest.raises(GroupCipherError):
        SenderKeyName("", ProtocolAddress("alice", 1))
    with pytest.raises(GroupCipherError):
        SenderKeyName(GROUP, "alice.1")  # type: ignore[arg-type]


def test_reprs_hide_keys() -> None:
    pair = Pair()
    record = SenderKeyRecord.parse(pair.alice_store.records[(GROUP, "alice.1")])
    text = repr(record)
    assert record.current.chain_key.hex() not in text  # type: ignore[union-attr]
    assert "own=True" in text
