"""Group sessions over a SenderKeyStore: distribution messages in and out, encrypt, decrypt.

Each call loads the record, works on it in memory (wacli.signal.group.record) and stores
it back only when the operation succeeded.
"""

from __future__ import annotations

import secrets

from wacli.crypto import generate_key_pair
from wacli.signal.group.errors import NoSenderKeyError
from wacli.signal.group.name import SenderKeyName
from wacli.signal.group.record import SenderKeyRecord, SenderKeyState
from wacli.signal.group.storage import SenderKeyStore
from wacli.signal.group.wire import SenderKeyDistributionMessage, SenderKeyMessage


def load_record(store: SenderKeyStore, name: SenderKeyName) -> SenderKeyRecord | None:
    data = store.load_sender_key(name.group_id, name.sender_id)
    return None if data is None else SenderKeyRecord.parse(data)


def save_record(store: SenderKeyStore, name: SenderKeyName, record: SenderKeyRecord) -> None:
    store.store_sender_key(name.group_id, name.sender_id, record.serialize())


def new_own_state() -> SenderKeyState:
    """A fresh sender key: 31-bit key id (as libsignal draws it), random chain, new signer."""
    signing = generate_key_pair()
    return SenderKeyState(
        key_id=secrets.randbits(31),
        iteration=0,
        chain_key=secrets.token_bytes(32),
        signing_public=signing.public,
        signing_private=signing.private,
    )


class GroupSessionBuilder:
    """Creates our own sender keys and records the ones other members send us."""

    def __init__(self, store: SenderKeyStore) -> None:
        self.store = store

    def create(self, name: SenderKeyName) -> SenderKeyDistributionMessage:
        """The distribution message for our sender key in ``name.group_id``.

        ``name.sender`` is our own address. A fresh key is made if there is none yet (or
        the record holds no private signing key, so could not encrypt anyway); otherwise
        the current key is handed out at its current iteration.
        """
        record = load_record(self.store, name)
        state = record.current if record is not None else None
        if state is None or state.signing_private is None:
            return self.rotate(name)
        return state.distribution_message()

    def rotate(self, name: SenderKeyName) -> SenderKeyDistributionMessage:
        """Replace our sender key with a fresh one (e.g. after a member left the group).

        Everyone still in the group needs the returned distribution message before they
        can read what we send next.
        """
        state = new_own_state()
        save_record(self.store, name, SenderKeyRecord([state]))
        return state.distribution_message()

    def process(self, name: SenderKeyName, message: SenderKeyDistributionMessage | bytes) -> None:
        """Record another member's sender key from its distribution message."""
        if not isinstance(message, SenderKeyDistributionMessage):
            message = SenderKeyDistributionMessage.parse(message)
        record = load_record(self.store, name) or SenderKeyRecord()
        record.process(message)
        save_record(self.store, name, record)


class GroupCipher:
    """Encrypts our messages to a group, or decrypts one sender's messages in a group."""

    def __init__(self, store: SenderKeyStore, name: SenderKeyName) -> None:
        self.store = store
        self.name = name

    def encrypt(self, plaintext: bytes) -> bytes:
        """A serialized SenderKeyMessage (WhatsApp's ``skmsg``) under our sender key."""
        record = load_record(self.store, self.name) or SenderKeyRecord()
        message = record.encrypt(plaintext)
        save_record(self.store, self.name, record)
        return message

    def decrypt(self, message: SenderKeyMessage | bytes) -> bytes:
        """The plaintext of a SenderKeyMessage from ``name.sender``."""
        if not isinstance(message, SenderKeyMessage):
            message = SenderKeyMessage.parse(message)
        record = load_record(self.store, self.name)
        if record is None:
            raise NoSenderKeyError(
                f"no sender key from {self.name.sender_id} in {self.name.group_id}",
                message.key_id,
            )
        plaintext = record.decrypt(message)
        save_record(self.store, self.name, record)
        return plaintext
