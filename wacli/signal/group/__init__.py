"""Signal group messaging: sender keys, as WhatsApp uses them for group chats.

Each member device has its own sender key per group and hands it to every other member
in a SenderKeyDistributionMessage (inside a pairwise-encrypted message); group messages
(``skmsg``) are then encrypted once with it and signed by the sender. Usage::

    name = SenderKeyName("123-456@g.us", ProtocolAddress("me", 0))
    skdm = GroupSessionBuilder(store).create(name)        # send skdm.serialize() to members
    skmsg = GroupCipher(store, name).encrypt(b"hi")

    GroupSessionBuilder(store).process(their_name, received_skdm_bytes)
    plaintext = GroupCipher(store, their_name).decrypt(skmsg_bytes)

Every failure is a GroupCipherError (a SignalError).
"""

from wacli.signal.group.errors import (
    CorruptSenderKeyRecordError,
    DuplicateGroupMessageError,
    ForwardJumpError,
    GroupCipherError,
    InvalidGroupMessageError,
    InvalidSignatureError,
    NoSenderKeyError,
)
from wacli.signal.group.name import SenderKeyName
from wacli.signal.group.record import (
    MAX_FORWARD_JUMP,
    MAX_MESSAGE_KEYS,
    MAX_SENDER_KEY_STATES,
    SenderKeyRecord,
    SenderKeyState,
)
from wacli.signal.group.session import GroupCipher, GroupSessionBuilder
from wacli.signal.group.storage import SenderKeyStore
from wacli.signal.group.wire import SenderKeyDistributionMessage, SenderKeyMessage

__all__ = [
    "MAX_FORWARD_JUMP",
    "MAX_MESSAGE_KEYS",
    "MAX_SENDER_KEY_STATES",
    "CorruptSenderKeyRecordError",
    "DuplicateGroupMessageError",
    "ForwardJumpError",
    "GroupCipher",
    "GroupCipherError",
    "GroupSessionBuilder",
    "InvalidGroupMessageError",
    "InvalidSignatureError",
    "NoSenderKeyError",
    "SenderKeyDistributionMessage",
    "SenderKeyMessage",
    "SenderKeyName",
    "SenderKeyRecord",
    "SenderKeyState",
    "SenderKeyStore",
]
