"""Session state: what one side of a Double Ratchet session remembers, and its storage form.

A SessionRecord holds the current state for an address plus up to
ARCHIVED_STATES_MAX archived ones (libsignal's limits throughout), the archived
ones left serialized until a message actually needs them.
"""

from __future__ import annotations

from google.protobuf.message import DecodeError

from wacli.crypto import KeyPair
from wacli.proto import signal_pb2
from wacli.signal.errors import SignalError

ARCHIVED_STATES_MAX = 40
MAX_RECEIVER_CHAINS = 5
MAX_MESSAGE_KEYS = 2000  # skipped keys kept per receiver chain (oldest dropped first)
MAX_FORWARD_JUMP = 2000  # how far ahead of its chain a message may be
_SKIPPED_ENTRY = 36  # 4-byte index + 32-byte seed


_CURRENT_TAG = b"\x0a"  # SessionRecord.current: field 1, length-delimited
_PREVIOUS_TAG = b"\x12"  # SessionRecord.previous: field 2, length-delimited


def _length_delimited(tag: bytes, data: bytes) -> bytes:
    n = len(data)
    varint = bytearray()
    while n > 0x7F:
        varint.append((n & 0x7F) | 0x80)
        n >>= 7
    varint.append(n)
    return tag + varint + data


class CorruptRecordError(SignalError):
    """A stored session record that cannot be read back."""


# A plain class with __slots__, not a dataclass: far cheaper to define at every start-up.
class PendingPreKey:
    """Set on the initiator until the peer answers: every message goes out as a pkmsg."""

    __slots__ = ("base_key", "prekey_id", "signed_prekey_id")

    def __init__(self, prekey_id: int | None, signed_prekey_id: int, base_key: bytes) -> None:
        self.prekey_id = prekey_id
        self.signed_prekey_id = signed_prekey_id
        self.base_key = base_key


class ReceiverChain:
    """Their ratchet key's chain: the next chain key and the keys of skipped messages."""

    __slots__ = ("_skipped", "_skipped_blob", "chain_key", "index", "ratchet_key")

    def __init__(
        self, ratchet_key: bytes, chain_key: bytes, index: int, skipped_blob: bytes = b""
    ) -> None:
        self.ratchet_key = ratchet_key
        self.chain_key = chain_key
        self.index = index
        self._skipped_blob = skipped_blob
        self._skipped: dict[int, bytes] | None = None  # parsed on first use

    @property
    def skipped(self) -> dict[int, bytes]:
        """Message key seeds by message index, oldest first."""
        if self._skipped is None:
            blob = self._skipped_blob
            self._skipped = {
                int.from_bytes(blob[i : i + 4], "big"): blob[i + 4 : i + _SKIPPED_ENTRY]
                for i in range(0, len(blob), _SKIPPED_ENTRY)
            }
        return self._skipped

    def skipped_blob(self) -> bytes:
        if self._skipped is None:
            return self._skipped_blob
        return b"".join(i.to_bytes(4, "big") + seed for i, seed in self._skipped.items())

    def add_skipped(self, keys: list[tuple[int, bytes]]) -> None:
        skipped = self.skipped
        skipped.update(keys)
        excess = len(skipped) - MAX_MESSAGE_KEYS
        if excess > 0:
            for index in list(skipped)[:excess]:
                del skipped[index]


class SessionState:
    """One session (one X3DH run and the ratchet that followed). Keys are raw 32 bytes."""

    __slots__ = (
        "base_key",
        "local_identity",
        "local_registration_id",
        "pending",
        "previous_counter",
        "ratchet",
        "receiver_chains",
        "remote_identity",
        "remote_registration_id",
        "root_key",
        "sender_chain_key",
        "sender_index",
    )

    def __init__(
        self,
        *,
        local_identity: bytes,
        remote_identity: bytes,
        root_key: bytes,
        ratchet: KeyPair,
        base_key: bytes,
        local_registration_id: int,
        remote_registration_id: int,
    ) -> None:
        self.local_identity = local_identity
        self.remote_identity = remote_identity
        self.root_key = root_key
        self.ratchet = ratchet
        self.base_key = base_key
        self.local_registration_id = local_registration_id
        self.remote_registration_id = remote_registration_id
        self.previous_counter = 0
        self.sender_chain_key: bytes | None = None
        self.sender_index = 0
        self.receiver_chains: list[ReceiverChain] = []
        self.pending: PendingPreKey | None = None

    def receiver_chain(self, ratchet_key: bytes) -> ReceiverChain | None:
        for chain in reversed(self.receiver_chains):  # the newest is the likeliest
            if chain.ratchet_key == ratchet_key:
                return chain
        return None

    def add_receiver_chain(self, chain: ReceiverChain) -> None:
        self.receiver_chains.append(chain)
        if len(self.receiver_chains) > MAX_RECEIVER_CHAINS:
            del self.receiver_chains[0]

    # -- storage form ---------------------------------------------------------------------

    def to_proto(self) -> signal_pb2.SessionState:
        p = signal_pb2.SessionState(
            version=3,
            local_identity=self.local_identity,
            remote_identity=self.remote_identity,
            root_key=self.root_key,
            previous_counter=self.previous_counter,
            ratchet_private=self.ratchet.private,
            ratchet_public=self.ratchet.public,
            sender_index=self.sender_index,
            remote_registration_id=self.remote_registration_id,
            local_registration_id=self.local_registration_id,
            base_key=self.base_key,
        )
        if self.sender_chain_key is not None:
            p.sender_chain_key = self.sender_chain_key
        for chain in self.receiver_chains:
            p.receiver_chains.add(
                ratchet_key=chain.ratchet_key,
                chain_key=chain.chain_key,
                index=chain.index,
                skipped=chain.skipped_blob(),
            )
        if self.pending is not None:
            pending = p.pending_pre_key
            pending.signed_pre_key_id = self.pending.signed_prekey_id
            pending.base_key = self.pending.base_key
            if self.pending.prekey_id is not None:
                pending.pre_key_id = self.pending.prekey_id
        return p

    def serialize(self) -> bytes:
        return self.to_proto().SerializeToString()

    @classmethod
    def from_proto(cls, p: signal_pb2.SessionState) -> SessionState:
        keys = (
            "local_identity",
            "remote_identity",
            "root_key",
            "ratchet_private",
            "ratchet_public",
            "base_key",
        )
        for name in keys:
            if len(getattr(p, name)) != 32:
                raise CorruptRecordError(f"stored session state has a bad {name}")
        state = cls(
            local_identity=p.local_identity,
            remote_identity=p.remote_identity,
            root_key=p.root_key,
            ratchet=KeyPair(p.ratchet_private, p.ratchet_public),
            base_key=p.base_key,
            local_registration_id=p.local_registration_id,
            remote_registration_id=p.remote_registration_id,
        )
        state.previous_counter = p.previous_counter
        if p.HasField("sender_chain_key"):
            state.sender_chain_key = p.sender_chain_key
        state.sender_index = p.sender_index
        for c in p.receiver_chains:
            if (
                len(c.ratchet_key) != 32
                or len(c.chain_key) != 32
                or len(c.skipped) % _SKIPPED_ENTRY
            ):
                raise CorruptRecordError("stored session state has a malformed receiver chain")
        state.receiver_chains = [
            ReceiverChain(c.ratchet_key, c.chain_key, c.index, c.skipped) for c in p.receiver_chains
        ]
        if p.HasField("pending_pre_key"):
            q = p.pending_pre_key
            state.pending = PendingPreKey(
                q.pre_key_id if q.HasField("pre_key_id") else None,
                q.signed_pre_key_id,
                q.base_key,
            )
        return state

    @classmethod
    def deserialize(cls, data: bytes) -> SessionState:
        p = signal_pb2.SessionState()
        try:
            p.ParseFromString(data)
        except DecodeError as exc:
            raise CorruptRecordError(f"stored session state is unreadable: {exc}") from None
        return cls.from_proto(p)


class SessionRecord:
    """All sessions with one address: the current state and archived ones (newest first)."""

    __slots__ = ("current", "previous")

    def __init__(self, current: SessionState | None = None, previous: list[bytes] | None = None):
        self.current = current
        self.previous: list[bytes] = previous if previous is not None else []

    def archive_current(self) -> None:
        if self.current is not None:
            self.previous.insert(0, self.current.serialize())
            del self.previous[ARCHIVED_STATES_MAX:]
            self.current = None

    def promote(self, state: SessionState) -> None:
        """Make ``state`` current, archiving the state it replaces."""
        self.archive_current()
        self.current = state

    def promote_previous(self, position: int, state: SessionState) -> None:
        """Make archived state number ``position`` (already parsed as ``state``) current."""
        del self.previous[position]
        self.promote(state)

    def previous_states(self) -> list[SessionState]:
        """Parse the archived states (only the uncommon paths need them)."""
        return [SessionState.deserialize(blob) for blob in self.previous]

    def serialize(self) -> bytes:
        # The SessionRecord message written by hand (two length-delimited fields), so that
        # the archived states are not copied into a protobuf object on every message.
        parts = []
        if self.current is not None:
            parts.append(_length_delimited(_CURRENT_TAG, self.current.serialize()))
        parts.extend(_length_delimited(_PREVIOUS_TAG, blob) for blob in self.previous)
        return b"".join(parts)

    @classmethod
    def deserialize(cls, data: bytes) -> SessionRecord:
        p = signal_pb2.SessionRecord()
        try:
            p.ParseFromString(data)
        except DecodeError as exc:
            raise CorruptRecordError(f"stored session record is unreadable: {exc}") from None
        current = SessionState.deserialize(p.current) if p.HasField("current") else None
        return cls(current, list(p.previous))
