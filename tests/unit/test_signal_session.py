"""wacli.signal sessions, wacli to wacli: X3DH, ratchet edge cases and their bounds."""

from __future__ import annotations

import itertools
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wacli.proto import signal_pb2
from wacli.signal import (
    CiphertextMessage,
    CorruptRecordError,
    DuplicateMessageError,
    InvalidKeyError,
    InvalidKeyIdError,
    InvalidMessageError,
    MessageType,
    NoSessionError,
    PreKeyBundle,
    ProtocolAddress,
    SessionCipher,
    SignalError,
    UntrustedIdentityError,
    ensure_identity,
    own_bundle,
    process_prekey_bundle,
    trust_identity,
)
from wacli.signal.state import (
    ARCHIVED_STATES_MAX,
    MAX_FORWARD_JUMP,
    MAX_MESSAGE_KEYS,
    MAX_RECEIVER_CHAINS,
    SessionRecord,
)
from wacli.store import Store

_names = itertools.count()


class Peer:
    def __init__(self, directory: Path) -> None:
        self.address = ProtocolAddress(f"peer{next(_names)}", 1)
        self.store = Store(directory / self.address.name)
        ensure_identity(self.store)

    def to(self, other: Peer) -> SessionCipher:
        return SessionCipher(self.store, other.address)

    def connect(self, other: Peer, *, with_prekey: bool = True) -> None:
        """Start a session to ``other`` and complete the first round trip."""
        process_prekey_bundle(
            self.store, other.address, own_bundle(other.store, 1, with_prekey=with_prekey)
        )
        assert other.to(self).decrypt(self.to(other).encrypt(b"hi")) == b"hi"
        assert self.to(other).decrypt(other.to(self).encrypt(b"hello")) == b"hello"

    def record(self, other: Peer) -> SessionRecord:
        data = self.store.load_session(str(other.address))
        assert data is not None
        return SessionRecord.deserialize(data)


@pytest.fixture
def alice(tmp_path: Path) -> Peer:
    return Peer(tmp_path)


@pytest.fixture
def bob(tmp_path: Path) -> Peer:
    return Peer(tmp_path)


@pytest.mark.parametrize("with_prekey", [True, False])
def test_first_messages_are_prekey_messages_until_answered(
    alice: Peer, bob: Peer, with_prekey: bool
) -> None:
    bundle = own_bundle(bob.store, 1, with_prekey=with_prekey)
    prekeys = bob.store.count_prekeys()
    process_prekey_bundle(alice.store, bob.address, bundle)
    out = [alice.to(bob).encrypt(b"m%d" % i) for i in range(3)]
    assert {m.type for m in out} == {MessageType.PREKEY}
    assert [bob.to(alice).decrypt(m) for m in reversed(out)] == [b"m2", b"m1", b"m0"]
    assert bob.store.count_prekeys() == prekeys - (1 if with_prekey else 0)
    reply = bob.to(alice).encrypt(b"r")
    assert reply.type is MessageType.WHISPER
    assert alice.to(bob).decrypt(reply) == b"r"
    assert alice.to(bob).encrypt(b"x").type is MessageType.WHISPER
    assert alice.to(bob).remote_registration_id() == bundle.registration_id


def test_ping_pong_and_bursts(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    for turn in range(30):
        sender, receiver = (alice, bob) if turn % 2 else (bob, alice)
        burst = [sender.to(receiver).encrypt(b"%d-%d" % (turn, i)) for i in range(turn % 4 + 1)]
        assert [receiver.to(sender).decrypt(m) for m in burst] == [
            b"%d-%d" % (turn, i) for i in range(turn % 4 + 1)
        ]


def test_late_messages_from_older_chains(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    held = []
    for turn in range(MAX_RECEIVER_CHAINS - 1):
        held.append(alice.to(bob).encrypt(b"late %d" % turn))
        bob.to(alice).decrypt(alice.to(bob).encrypt(b"on time"))
        alice.to(bob).decrypt(bob.to(alice).encrypt(b"turn"))  # alice ratchets
    for turn, message in reversed(list(enumerate(held))):
        assert bob.to(alice).decrypt(message) == b"late %d" % turn


def test_receiver_chains_are_bounded(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    oldest = alice.to(bob).encrypt(b"from the first chain")
    for _ in range(MAX_RECEIVER_CHAINS + 1):
        bob.to(alice).decrypt(alice.to(bob).encrypt(b"x"))
        alice.to(bob).decrypt(bob.to(alice).encrypt(b"y"))
    assert len(bob.record(alice).current.receiver_chains) == MAX_RECEIVER_CHAINS
    with pytest.raises(InvalidMessageError):
        bob.to(alice).decrypt(oldest)  # its chain was dropped
    bob.to(alice).decrypt(alice.to(bob).encrypt(b"still fine"))


def test_duplicates_are_refused_and_change_nothing(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    first, second = alice.to(bob).encrypt(b"1"), alice.to(bob).encrypt(b"2")
    assert bob.to(alice).decrypt(second) == b"2"
    with pytest.raises(DuplicateMessageError):
        bob.to(alice).decrypt(second)
    before = bob.store.load_session(str(alice.address))
    with pytest.raises(DuplicateMessageError):
        bob.to(alice).decrypt(second)
    assert bob.store.load_session(str(alice.address)) == before
    assert bob.to(alice).decrypt(first) == b"1"  # its skipped key is still there
    with pytest.raises(DuplicateMessageError):
        bob.to(alice).decrypt(first)


def test_forward_jump_limit(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    sent = [alice.to(bob).encrypt(b"%d" % i) for i in range(MAX_FORWARD_JUMP + 2)]
    with pytest.raises(InvalidMessageError, match="ahead"):
        bob.to(alice).decrypt(sent[MAX_FORWARD_JUMP + 1])
    assert bob.to(alice).decrypt(sent[MAX_FORWARD_JUMP]) == b"%d" % MAX_FORWARD_JUMP
    assert bob.to(alice).decrypt(sent[MAX_FORWARD_JUMP + 1]) == b"%d" % (MAX_FORWARD_JUMP + 1)
    assert bob.to(alice).decrypt(sent[0]) == b"0"


def test_skipped_keys_are_bounded_oldest_first(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    sent = [alice.to(bob).encrypt(b"%d" % i) for i in range(MAX_FORWARD_JUMP + 6)]
    bob.to(alice).decrypt(sent[MAX_FORWARD_JUMP])  # skips MAX_FORWARD_JUMP keys
    bob.to(alice).decrypt(sent[-1])  # skips 4 more: the 4 oldest go
    chain = bob.record(alice).current.receiver_chains[-1]
    assert len(chain.skipped) == MAX_MESSAGE_KEYS
    for evicted in sent[:4]:
        with pytest.raises(DuplicateMessageError):
            bob.to(alice).decrypt(evicted)
    assert bob.to(alice).decrypt(sent[4]) == b"4"


def test_forged_messages_change_nothing(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    genuine = alice.to(bob).encrypt(b"genuine")
    before = bob.store.load_session(str(alice.address))
    for offset in range(1, len(genuine.body)):
        body = bytearray(genuine.body)
        body[offset] ^= 0x20
        with pytest.raises(SignalError):
            bob.to(alice).decrypt(CiphertextMessage(genuine.type, bytes(body)))
    assert bob.store.load_session(str(alice.address)) == before
    assert bob.to(alice).decrypt(genuine) == b"genuine"


def test_a_new_session_archives_the_old_one(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    from_old = alice.to(bob).encrypt(b"sent on the old session")
    # bob reinstalls his session (same identity) by fetching alice's bundle
    process_prekey_bundle(bob.store, alice.address, own_bundle(alice.store, 1))
    assert alice.to(bob).decrypt(bob.to(alice).encrypt(b"new")) == b"new"
    assert len(bob.record(alice).previous) == 1
    assert bob.to(alice).decrypt(from_old) == b"sent on the old session"  # archived state
    # the archived state was promoted: the reply goes out on the old session
    assert alice.to(bob).decrypt(bob.to(alice).encrypt(b"back")) == b"back"


def test_archived_states_are_bounded(alice: Peer, bob: Peer) -> None:
    bundle = own_bundle(bob.store, 1, with_prekey=False)
    for _ in range(ARCHIVED_STATES_MAX + 5):
        process_prekey_bundle(alice.store, bob.address, bundle)
    record = alice.record(bob)
    assert record.current is not None
    assert len(record.previous) == ARCHIVED_STATES_MAX


def test_missing_prekeys_are_typed_errors(alice: Peer, bob: Peer) -> None:
    bundle = own_bundle(bob.store, 1)
    process_prekey_bundle(alice.store, bob.address, bundle)
    first = alice.to(bob).encrypt(b"x")
    bob.store.remove_prekey(bundle.prekey_id)
    with pytest.raises(InvalidKeyIdError):
        bob.to(alice).decrypt(first)
    bob.store.remove_signed_prekey(bundle.signed_prekey_id)
    with pytest.raises(InvalidKeyIdError):
        bob.to(alice).decrypt(first)


def test_replayed_prekey_message_after_its_prekey_is_gone(alice: Peer, bob: Peer) -> None:
    process_prekey_bundle(alice.store, bob.address, own_bundle(bob.store, 1))
    first = alice.to(bob).encrypt(b"x")
    assert bob.to(alice).decrypt(first) == b"x"
    with pytest.raises(DuplicateMessageError):
        bob.to(alice).decrypt(first)


def test_no_session(alice: Peer, bob: Peer) -> None:
    with pytest.raises(NoSessionError):
        alice.to(bob).encrypt(b"x")
    bob.connect(alice)
    stray = bob.to(alice).encrypt(b"x")
    alice.store.delete_session(str(bob.address))
    with pytest.raises(NoSessionError):
        alice.to(bob).decrypt(stray)
    assert not alice.to(bob).has_session()


def test_a_bundle_with_a_bad_signature_is_refused(alice: Peer, bob: Peer) -> None:
    good = own_bundle(bob.store, 1)
    fields = {name: getattr(good, name) for name in good.__slots__}
    sig = bytearray(good.signed_prekey_signature)
    sig[0] ^= 1
    with pytest.raises(InvalidKeyError):
        process_prekey_bundle(
            alice.store,
            bob.address,
            PreKeyBundle(**{**fields, "signed_prekey_signature": bytes(sig)}),
        )
    assert alice.store.load_session(str(bob.address)) is None


def test_a_changed_identity_must_be_accepted(tmp_path: Path, alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    reinstalled = Peer(tmp_path)
    reinstalled.address = bob.address  # same phone, same device id, new keys
    new_bundle = own_bundle(reinstalled.store, 1)
    with pytest.raises(UntrustedIdentityError) as caught:
        process_prekey_bundle(alice.store, bob.address, new_bundle)
    assert caught.value.identity_key == new_bundle.identity_key
    process_prekey_bundle(reinstalled.store, alice.address, own_bundle(alice.store, 1))
    hello = reinstalled.to(alice).encrypt(b"it's me")
    with pytest.raises(UntrustedIdentityError):
        alice.to(bob).decrypt(hello)
    trust_identity(alice.store, bob.address, caught.value.identity_key)
    assert alice.to(bob).decrypt(hello) == b"it's me"
    assert reinstalled.to(alice).decrypt(alice.to(bob).encrypt(b"welcome")) == b"welcome"


def test_callers_transaction_rollback_undoes_the_decrypt(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    message = alice.to(bob).encrypt(b"keep me")
    cipher = bob.to(alice)
    with pytest.raises(RuntimeError), bob.store.transaction():
        assert cipher.decrypt(message) == b"keep me"
        raise RuntimeError("could not store the plaintext")
    # the ratchet did not advance: the same ciphertext decrypts again, with the same cipher
    with bob.store.transaction():
        assert cipher.decrypt(message) == b"keep me"
    with pytest.raises(DuplicateMessageError):
        cipher.decrypt(message)


def test_a_corrupt_record_is_a_signal_error(alice: Peer, bob: Peer) -> None:
    alice.connect(bob)
    good = alice.record(bob)
    alice.store.store_session(str(bob.address), b"\xff\xff\xff")
    with pytest.raises(CorruptRecordError):
        alice.to(bob).encrypt(b"x")
    state = good.current.to_proto()
    state.receiver_chains[0].skipped = b"\x00" * 35  # not whole entries
    broken = signal_pb2.SessionRecord(current=state.SerializeToString()).SerializeToString()
    alice.store.store_session(str(bob.address), broken)
    with pytest.raises(CorruptRecordError):
        alice.to(bob).decrypt(bob.to(alice).encrypt(b"y"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), prekey=st.booleans())
def test_garbage_is_always_a_signal_error(
    alice: Peer, bob: Peer, data: bytes, prekey: bool
) -> None:
    if not alice.to(bob).has_session():
        alice.connect(bob)
    kind = MessageType.PREKEY if prekey else MessageType.WHISPER
    with pytest.raises(SignalError):
        bob.to(alice).decrypt(CiphertextMessage(kind, b"\x33" + data))
    with pytest.raises(SignalError):
        bob.to(alice).decrypt(CiphertextMessage(kind, data))


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(0, 400),
    flips=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 255)), max_size=3),
)
def test_mangled_prekey_messages_are_signal_errors(
    alice: Peer, bob: Peer, cut: int, flips: list[tuple[int, int]]
) -> None:
    """A mangled pkmsg is refused with a SignalError, or (when only unauthenticated parts
    changed, such as the registration id or the version byte's low nibble) decrypts to
    the original text: never another exception, never other plaintext. Each attempt is
    rolled back so that one example's outcome cannot change the next one's."""
    if not hasattr(alice, "pkmsg"):
        process_prekey_bundle(alice.store, bob.address, own_bundle(bob.store, 1))
        alice.pkmsg = alice.to(bob).encrypt(b"x").body
    body = bytearray(alice.pkmsg[:cut] if cut < len(alice.pkmsg) else alice.pkmsg)
    for position, mask in flips:
        if body:
            body[position % len(body)] ^= mask
    if bytes(body) == alice.pkmsg:
        return

    class Undo(Exception):
        pass

    outcome: bytes | None = None
    with pytest.raises(Undo), bob.store.transaction():
        try:
            outcome = bob.to(alice).decrypt(CiphertextMessage(MessageType.PREKEY, bytes(body)))
        except SignalError:
            outcome = None
        raise Undo
    assert outcome in (None, b"x")


@settings(max_examples=25, deadline=None)
@given(schedule=st.lists(st.tuples(st.booleans(), st.integers(1, 6), st.randoms()), max_size=8))
def test_any_schedule_of_bursts_and_reorderings_decrypts(
    schedule: list[tuple[bool, int, random.Random]],
) -> None:
    # (8 bursts at most: a message held back across more than MAX_RECEIVER_CHAINS of the
    # sender's ratchet steps is expected to become undecryptable; see the bound's own test)
    with tempfile.TemporaryDirectory() as tmp:
        alice, bob = Peer(Path(tmp)), Peer(Path(tmp))
        alice.connect(bob)
        in_flight: dict[bool, list[tuple[CiphertextMessage, bytes]]] = {True: [], False: []}
        for n, (from_alice, count, rnd) in enumerate(schedule):
            sender, receiver = (alice, bob) if from_alice else (bob, alice)
            for i in range(count):
                text = b"%d.%d" % (n, i)
                in_flight[from_alice].append((sender.to(receiver).encrypt(text), text))
            queue = in_flight[from_alice]
            rnd.shuffle(queue)
            keep = rnd.randint(0, len(queue) // 2)  # some stay in flight for later
            for message, text in queue[keep:]:
                assert receiver.to(sender).decrypt(message) == text
            del queue[keep:]
        for from_alice, queue in in_flight.items():
            sender, receiver = (alice, bob) if from_alice else (bob, alice)
            for message, text in queue:
                assert receiver.to(sender).decrypt(message) == text
        alice.store.close()
        bob.store.close()
