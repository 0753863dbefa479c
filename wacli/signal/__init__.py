"""The Signal protocol for 1:1 sessions: X3DH, the Double Ratchet, version 3 wire format.

Usage::

    process_prekey_bundle(store, address, bundle)          # start a session
    cipher = SessionCipher(store, address)
    msg = cipher.encrypt(b"hi")                            # msg.type.enc_type: "pkmsg"/"msg"
    plaintext = cipher.decrypt(CiphertextMessage(MessageType.from_enc_type(t), body))

Every failure is a SignalError. Group (sender key) sessions live in wacli.signal.group.
"""

from wacli.signal.address import ProtocolAddress
from wacli.signal.cipher import (
    CiphertextMessage,
    MessageType,
    SessionCipher,
    process_prekey_bundle,
    trust_identity,
)
from wacli.signal.device import ensure_identity, new_prekeys, own_bundle, rotate_signed_prekey
from wacli.signal.errors import (
    DuplicateMessageError,
    InvalidKeyError,
    InvalidKeyIdError,
    InvalidMessageError,
    NoSessionError,
    SignalError,
    UntrustedIdentityError,
)
from wacli.signal.keys import (
    PreKeyBundle,
    generate_prekeys,
    generate_registration_id,
    generate_signed_prekey,
    parse_public,
    serialize_public,
    verify_prekey_signature,
)
from wacli.signal.state import CorruptRecordError
from wacli.signal.storage import SignalStore

__all__ = [
    "CiphertextMessage",
    "CorruptRecordError",
    "DuplicateMessageError",
    "InvalidKeyError",
    "InvalidKeyIdError",
    "InvalidMessageError",
    "MessageType",
    "NoSessionError",
    "PreKeyBundle",
    "ProtocolAddress",
    "SessionCipher",
    "SignalError",
    "SignalStore",
    "UntrustedIdentityError",
    "ensure_identity",
    "generate_prekeys",
    "generate_registration_id",
    "generate_signed_prekey",
    "new_prekeys",
    "own_bundle",
    "parse_public",
    "process_prekey_bundle",
    "rotate_signed_prekey",
    "serialize_public",
    "trust_identity",
    "verify_prekey_signature",
]
