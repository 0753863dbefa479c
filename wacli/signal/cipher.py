"""Sessions bound to the store: build, encrypt and decrypt, each in one transaction.

Every operation loads the session record, runs the state machine and writes the
result inside ``store.transaction()``; wrap a call in your own transaction to store
the plaintext (or anything else) atomically with the ratchet's advance.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from wacli.signal import session
from wacli.signal.address import ProtocolAddress
from wacli.signal.errors import (
    DuplicateMessageError,
    InvalidKeyIdError,
    InvalidMessageError,
    NoSessionError,
    SignalError,
    UntrustedIdentityError,
)
from wacli.signal.keys import PreKeyBundle
from wacli.signal.state import SessionRecord, SessionState
from wacli.signal.storage import SignalStore
from wacli.signal.wire import SignalMessage, parse_prekey_message, parse_signal_message
from wacli.store.records import DeviceIdentity


class MessageType(enum.IntEnum):
    """libsignal's ciphertext types; ``enc_type`` is the name WhatsApp's <enc type=...> uses."""

    WHISPER = 2
    PREKEY = 3

    @property
    def enc_type(self) -> str:
        return "msg" if self is MessageType.WHISPER else "pkmsg"

    @classmethod
    def from_enc_type(cls, name: str) -> MessageType:
        try:
            return {"msg": cls.WHISPER, "pkmsg": cls.PREKEY}[name]
        except KeyError:
            raise InvalidMessageError(f"not a 1:1 Signal message type: {name!r}") from None


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class CiphertextMessage(NamedTuple):
    type: MessageType
    body: bytes


def _own_identity(store: SignalStore) -> DeviceIdentity:
    own = store.load_device_identity()
    if own is None:
        raise SignalError("the store has no device identity; create one first")
    return own


def _check_trusted(address: str, known: bytes | None, identity: bytes) -> None:
    """Trust on first use; afterwards only the identity recorded for ``address``."""
    if known is not None and known != identity:
        raise UntrustedIdentityError(address, identity)


def _load_record(store: SignalStore, address: str) -> SessionRecord | None:
    data = store.load_session(address)
    return None if data is None else SessionRecord.deserialize(data)


def trust_identity(store: SignalStore, address: ProtocolAddress, identity_key: bytes) -> None:
    """Accept a peer's new identity key (after an UntrustedIdentityError).

    The sessions kept with that address belong to the old identity and are dropped;
    the next message from the peer (a PreKeySignalMessage) or a fresh prekey bundle
    starts a new one.
    """
    with store.transaction():
        addr = str(address)
        if store.load_identity(addr) != identity_key:
            store.save_identity(addr, identity_key)
            store.delete_session(addr)


def process_prekey_bundle(
    store: SignalStore, address: ProtocolAddress, bundle: PreKeyBundle
) -> None:
    """Start a session with ``address`` from its prekey bundle (X3DH, initiator side)."""
    addr = str(address)
    with store.transaction():
        data, known = store.load_session_and_identity(addr)
        _check_trusted(addr, known, bundle.identity_key)
        state = session.initiate_session(_own_identity(store), bundle)
        record = SessionRecord() if data is None else SessionRecord.deserialize(data)
        record.promote(state)
        store.store_session(addr, record.serialize())
        if known is None:
            store.save_identity(addr, bundle.identity_key)


class SessionCipher:
    """Encrypt to and decrypt from one peer device, persisting every step."""

    def __init__(self, store: SignalStore, address: ProtocolAddress) -> None:
        self.store = store
        self.address = address
        self._addr = str(address)
        # The record this cipher last wrote, parsed, with its bytes: reused when the store
        # still holds exactly those bytes (a rolled-back or foreign write never matches).
        self._cached: tuple[bytes, SessionRecord] | None = None

    def _load_record(self) -> tuple[SessionRecord | None, bytes | None]:
        """(the session record, the identity key on record for the peer)."""
        data, known = self.store.load_session_and_identity(self._addr)
        cached, self._cached = self._cached, None  # an operation that fails leaves no cache
        if data is None:
            return None, known
        if cached is not None and cached[0] == data:
            return cached[1], known
        return SessionRecord.deserialize(data), known

    def _store_record(self, record: SessionRecord) -> None:
        data = record.serialize()
        self.store.store_session(self._addr, data)
        self._cached = (data, record)

    def has_session(self) -> bool:
        record = _load_record(self.store, self._addr)
        return record is not None and record.current is not None

    def remote_registration_id(self) -> int:
        record = _load_record(self.store, self._addr)
        if record is None or record.current is None:
            raise NoSessionError(f"no session with {self._addr}")
        return record.current.remote_registration_id

    def encrypt(self, plaintext: bytes) -> CiphertextMessage:
        store = self.store
        with store.transaction():
            record, known = self._load_record()
            if record is None or record.current is None:
                raise NoSessionError(f"no session with {self._addr}")
            state = record.current
            _check_trusted(self._addr, known, state.remote_identity)
            is_prekey, body = session.encrypt(state, plaintext)
            self._store_record(record)
        return CiphertextMessage(MessageType.PREKEY if is_prekey else MessageType.WHISPER, body)

    def decrypt(self, message: CiphertextMessage) -> bytes:
        if message.type == MessageType.PREKEY:
            return self.decrypt_prekey_message(message.body)
        return self.decrypt_message(message.body)

    def decrypt_message(self, body: bytes) -> bytes:
        """Decrypt a SignalMessage ("msg"), trying the current state, then archived ones."""
        message = parse_signal_message(body)
        store = self.store
        with store.transaction():
            record, known = self._load_record()
            if record is None or (record.current is None and not record.previous):
                raise NoSessionError(f"no session with {self._addr}")
            state, plaintext = self._decrypt_with_record(record, message)
            _check_trusted(self._addr, known, state.remote_identity)
            self._store_record(record)
            if known is None:
                store.save_identity(self._addr, state.remote_identity)
        return plaintext

    def decrypt_prekey_message(self, body: bytes) -> bytes:
        """Decrypt a PreKeySignalMessage ("pkmsg"), building the session it starts if new."""
        message = parse_prekey_message(body)
        store = self.store
        with store.transaction():
            record, known = self._load_record()
            _check_trusted(self._addr, known, message.identity_key)
            record = record or SessionRecord()
            used_prekey: int | None = None
            state, position = _find_by_base_key(record, message.base_key)
            if state is None:
                own = _own_identity(store)
                signed = store.load_signed_prekey(message.signed_prekey_id)
                if signed is None:
                    raise InvalidKeyIdError(f"no signed prekey {message.signed_prekey_id}")
                one_time = None
                if message.prekey_id is not None:
                    one_time = store.load_prekey(message.prekey_id)
                    if one_time is None:
                        raise InvalidKeyIdError(f"no one-time prekey {message.prekey_id}")
                    used_prekey = message.prekey_id
                state = session.respond_session(own, signed, one_time, message)
            plaintext = session.decrypt(state, message.message)
            if position is None:
                record.promote(state)
            elif position >= 0:
                record.promote_previous(position, state)
            self._store_record(record)
            if used_prekey is not None:
                store.remove_prekey(used_prekey)
            if known is None:
                store.save_identity(self._addr, message.identity_key)
        return plaintext

    @staticmethod
    def _decrypt_with_record(
        record: SessionRecord, message: SignalMessage
    ) -> tuple[SessionState, bytes]:
        errors: list[str] = []
        if record.current is not None:
            try:
                return record.current, session.decrypt(record.current, message)
            except DuplicateMessageError:
                raise
            except InvalidMessageError as exc:
                errors.append(f"current: {exc}")
        for position, state in enumerate(record.previous_states()):
            try:
                plaintext = session.decrypt(state, message)
            except DuplicateMessageError:
                raise
            except InvalidMessageError as exc:
                errors.append(f"archived {position}: {exc}")
                continue
            record.promote_previous(position, state)
            return state, plaintext
        raise InvalidMessageError(
            f"no session state decrypts this message ({'; '.join(errors) or 'none'})"
        )


def _find_by_base_key(
    record: SessionRecord, base_key: bytes
) -> tuple[SessionState | None, int | None]:
    """The state this pkmsg belongs to: (state, -1) if current, (state, i) if archived i."""
    if record.current is not None and record.current.base_key == base_key:
        return record.current, -1
    for position, blob in enumerate(record.previous):
        state = SessionState.deserialize(blob)
        if state.base_key == base_key:
            return state, position
    return None, None
