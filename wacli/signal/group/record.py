"""Sender key records: the states kept for one (group, sender) and what they do.

This is the sans-I/O core: a SenderKeyRecord encrypts (the sender's own record) and
decrypts (a record built from distribution messages) in memory; GroupCipher and
GroupSessionBuilder only load and store it. A record holds up to MAX_SENDER_KEY_STATES
states, newest first, so that messages under a sender's previous key still decrypt
after it rotated. Limits are WhatsApp's and libsignal's: 2000 skipped message keys kept
per state (oldest dropped first) and at most 2000 iterations derived ahead of a chain
(libsignal's Rust port has since raised that to 25,000; WhatsApp's clients use 2000).
"""

from __future__ import annotations

from collections.abc import Callable

from google.protobuf.message import DecodeError

from wacli.proto import sender_key_pb2
from wacli.signal.aes import cbc_decrypt, cbc_encrypt
from wacli.signal.errors import InvalidMessageError
from wacli.signal.group.chain import (
    MAX_ITERATION,
    MessageKey,
    message_key,
    message_key_seed,
    next_chain_key,
)
from wacli.signal.group.errors import (
    CorruptSenderKeyRecordError,
    DuplicateGroupMessageError,
    ForwardJumpError,
    GroupCipherError,
    InvalidGroupMessageError,
    InvalidSignatureError,
    NoSenderKeyError,
)
from wacli.signal.group.skipped import SkippedKeys, encode_entry, is_packed
from wacli.signal.group.wire import SenderKeyDistributionMessage, SenderKeyMessage

MAX_SENDER_KEY_STATES = 5
MAX_MESSAGE_KEYS = 2000
MAX_FORWARD_JUMP = 2000

_StateProto = sender_key_pb2.SenderKeyStateStructure
_DJB_PREFIX = b"\x05"
_STATE_TAG = 0x0A  # SenderKeyRecordStructure.sender_key_states: field 1, length-delimited
_SKIPPED_TAG = 0x22  # SenderKeyStateStructure.sender_message_keys: field 4


def _varint(n: int) -> bytes:
    out = bytearray()
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]  # IndexError on truncation: the caller falls back
        value |= (byte & 0x7F) << shift
        pos += 1
        if byte < 0x80 or shift > 63:
            return value, pos
        shift += 7


class SenderKeyState:
    """One sender key chain: id, chain position, signing key and skipped message keys."""

    __slots__ = (
        "chain_key",
        "iteration",
        "key_id",
        "signing_private",
        "signing_public",
        "skipped",
    )

    def __init__(
        self,
        key_id: int,
        iteration: int,
        chain_key: bytes,
        signing_public: bytes,
        signing_private: bytes | None = None,
        skipped: SkippedKeys | None = None,
    ) -> None:
        self.key_id = key_id
        self.iteration = iteration  # the iteration chain_key yields next
        self.chain_key = chain_key
        self.signing_public = signing_public  # raw 32 bytes
        self.signing_private = signing_private  # only on the sender's own state
        self.skipped = skipped if skipped is not None else SkippedKeys()

    def __repr__(self) -> str:  # keys stay out of logs
        return (
            f"SenderKeyState(key_id={self.key_id}, iteration={self.iteration}, "
            f"skipped={len(self.skipped)}, own={self.signing_private is not None})"
        )

    @property
    def message_keys(self) -> dict[int, bytes]:
        """Seeds of skipped message keys by iteration, oldest first (a copy)."""
        return self.skipped.as_dict()

    def distribution_message(self) -> SenderKeyDistributionMessage:
        return SenderKeyDistributionMessage(
            self.key_id, self.iteration, self.chain_key, self.signing_public
        )

    def message_key_for(self, iteration: int) -> tuple[MessageKey, Callable[[], None]]:
        """The key of message ``iteration`` and a function that commits the chain's advance.

        Nothing changes until the commit function runs, so a message that fails after its
        key was found (bad padding) leaves the state as it was.
        """
        current = self.iteration
        if iteration < current:
            seed = self.skipped.get(iteration)
            if seed is None:
                raise DuplicateGroupMessageError(iteration, current)
            return message_key(iteration, seed), lambda: self.skipped.remove(iteration)
        if iteration - current > MAX_FORWARD_JUMP:
            raise ForwardJumpError(iteration, current, MAX_FORWARD_JUMP)
        if iteration >= MAX_ITERATION:
            raise InvalidGroupMessageError("sender key chain is exhausted (iteration 2^32-1)")
        chain = self.chain_key
        keep_from = iteration - MAX_MESSAGE_KEYS  # older skipped keys would be dropped anyway
        skipped: list[tuple[int, bytes]] = []
        for i in range(current, iteration):
            if i >= keep_from:
                skipped.append((i, message_key_seed(chain)))
            chain = next_chain_key(chain)
        key = message_key(iteration, message_key_seed(chain))
        next_chain = next_chain_key(chain)

        def commit() -> None:
            if skipped:
                self.skipped.extend(skipped, MAX_MESSAGE_KEYS)
            self.chain_key = next_chain
            self.iteration = iteration + 1

        return key, commit

    def serialize(self) -> bytes:
        """The SenderKeyStateStructure bytes: fields 1-3, then the skipped keys as stored."""
        proto = _StateProto(sender_key_id=self.key_id)
        proto.sender_chain_key.iteration = self.iteration
        proto.sender_chain_key.seed = self.chain_key
        proto.sender_signing_key.public = _DJB_PREFIX + self.signing_public
        if self.signing_private is not None:
            proto.sender_signing_key.private = self.signing_private
        return proto.SerializeToString() + self.skipped.blob

    @classmethod
    def from_proto(cls, proto: _StateProto, skipped: SkippedKeys | None = None) -> SenderKeyState:
        """A state from its parsed fields; ``skipped`` if its keys were split off already."""
        chain = proto.sender_chain_key
        signing = proto.sender_signing_key
        if not (
            proto.HasField("sender_key_id")
            and proto.HasField("sender_chain_key")
            and proto.HasField("sender_signing_key")
        ):
            raise CorruptSenderKeyRecordError("stored sender key state lacks a required field")
        if len(chain.seed) != 32:
            raise CorruptSenderKeyRecordError("stored sender chain key is not 32 bytes")
        public = signing.public
        if len(public) != 33 or public[:1] != _DJB_PREFIX:
            raise CorruptSenderKeyRecordError("stored signing key is not a 0x05-prefixed key")
        private = signing.private if signing.HasField("private") else None
        if private is not None and len(private) != 32:
            raise CorruptSenderKeyRecordError("stored private signing key is not 32 bytes")
        if skipped is None:  # written by another implementation: repack once
            entries = []
            for entry in proto.sender_message_keys[-MAX_MESSAGE_KEYS:]:
                if len(entry.seed) != 32:
                    raise CorruptSenderKeyRecordError("stored skipped key is not 32 bytes")
                entries.append(encode_entry(entry.iteration, entry.seed))
            skipped = SkippedKeys(b"".join(entries))
        return cls(proto.sender_key_id, chain.iteration, chain.seed, public[1:], private, skipped)


def _split_state(data: bytes) -> tuple[bytes, bytes] | None:
    """(fields 1-3, packed skipped keys) of a state as wacli writes it; None otherwise."""
    pos, end = 0, len(data)
    while pos < end and data[pos] != _SKIPPED_TAG:
        tag = data[pos]
        if tag == 0x08:
            _, pos = _read_varint(data, pos + 1)
        elif tag in (0x12, 0x1A):
            length, pos = _read_varint(data, pos + 1)
            pos += length
        else:
            return None
    if pos > end:
        return None
    blob = data[pos:]
    return (data[:pos], blob) if is_packed(blob) else None


def _parse_packed(data: bytes) -> list[SenderKeyState] | None:
    """The states of a record as wacli writes it, without parsing skipped keys one by one.

    None if the record is laid out any other way (the caller then parses it in full).
    """
    states: list[SenderKeyState] = []
    pos, end = 0, len(data)
    try:
        while pos < end:
            if data[pos] != _STATE_TAG:
                return None
            length, pos = _read_varint(data, pos + 1)
            if pos + length > end:
                return None
            split = _split_state(data[pos : pos + length])
            if split is None:
                return None
            pos += length
            if len(states) < MAX_SENDER_KEY_STATES:
                head = _StateProto()
                head.ParseFromString(split[0])
                states.append(SenderKeyState.from_proto(head, SkippedKeys(split[1])))
    except (IndexError, DecodeError):
        return None
    return states


class SenderKeyRecord:
    """Every sender key state known for one (group, sender), newest first."""

    __slots__ = ("states",)

    def __init__(self, states: list[SenderKeyState] | None = None) -> None:
        self.states: list[SenderKeyState] = list(states or [])[:MAX_SENDER_KEY_STATES]

    def __repr__(self) -> str:
        return f"SenderKeyRecord({self.states!r})"

    def is_empty(self) -> bool:
        return not self.states

    @property
    def current(self) -> SenderKeyState | None:
        return self.states[0] if self.states else None

    def state_for(self, key_id: int) -> SenderKeyState | None:
        for state in self.states:
            if state.key_id == key_id:
                return state
        return None

    def add_state(self, state: SenderKeyState) -> None:
        """Make ``state`` the newest, as processing a distribution message does.

        A state already held for the same key id and signing key is kept as it is (a
        re-sent distribution message must not rewind the chain, or replays would
        decrypt again); one with the same key id but another signing key is dropped.
        """
        existing = None
        kept = []
        for old in self.states:
            if old.key_id != state.key_id:
                kept.append(old)
            elif old.signing_public == state.signing_public and existing is None:
                existing = old
        self.states = [existing or state, *kept][:MAX_SENDER_KEY_STATES]

    def process(self, message: SenderKeyDistributionMessage) -> None:
        self.add_state(
            SenderKeyState(
                message.key_id, message.iteration, message.chain_key, message.signing_key
            )
        )

    def encrypt(self, plaintext: bytes) -> bytes:
        """A serialized SenderKeyMessage under the current (own) state, which advances."""
        state = self.current
        if state is None or state.signing_private is None:
            raise NoSenderKeyError("no own sender key to encrypt with: create one first")
        iteration = state.iteration
        if iteration >= MAX_ITERATION:
            raise GroupCipherError("own sender key chain is exhausted: rotate the sender key")
        key = message_key(iteration, message_key_seed(state.chain_key))
        ciphertext = cbc_encrypt(key.cipher_key, key.iv, bytes(plaintext))
        message = SenderKeyMessage.create(
            state.key_id, iteration, ciphertext, state.signing_private
        )
        state.chain_key = next_chain_key(state.chain_key)
        state.iteration = iteration + 1
        return message.serialized

    def decrypt(self, message: SenderKeyMessage | bytes) -> bytes:
        """The plaintext of a SenderKeyMessage; the record changes only if it decrypts."""
        if not isinstance(message, SenderKeyMessage):
            message = SenderKeyMessage.parse(message)
        state = self.state_for(message.key_id)
        if state is None:
            known = ", ".join(str(s.key_id) for s in self.states) or "none"
            raise NoSenderKeyError(
                f"no sender key with id {message.key_id} (known: {known})", message.key_id
            )
        if not message.verify_signature(state.signing_public):
            raise InvalidSignatureError("SenderKeyMessage signature does not verify")
        key, commit = state.message_key_for(message.iteration)
        try:
            plaintext = cbc_decrypt(key.cipher_key, key.iv, message.ciphertext)
        except InvalidMessageError as exc:
            raise InvalidGroupMessageError(f"SenderKeyMessage does not decrypt: {exc}") from None
        commit()
        return plaintext

    def serialize(self) -> bytes:
        parts: list[bytes] = []
        for state in self.states:
            data = state.serialize()
            parts += (b"\x0a", _varint(len(data)), data)
        return b"".join(parts)

    @classmethod
    def parse(cls, data: bytes) -> SenderKeyRecord:
        data = bytes(data)
        states = _parse_packed(data)
        if states is not None:
            return cls(states)
        proto = sender_key_pb2.SenderKeyRecordStructure()
        try:
            proto.ParseFromString(data)
        except DecodeError as exc:
            raise CorruptSenderKeyRecordError(f"malformed sender key record: {exc}") from None
        states_pb = proto.sender_key_states
        return cls([SenderKeyState.from_proto(s) for s in states_pb[:MAX_SENDER_KEY_STATES]])
