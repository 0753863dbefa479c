from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SignalMessage(_message.Message):
    __slots__ = ("ratchet_key", "counter", "previous_counter", "ciphertext")
    RATCHET_KEY_FIELD_NUMBER: _ClassVar[int]
    COUNTER_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_COUNTER_FIELD_NUMBER: _ClassVar[int]
    CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    ratchet_key: bytes
    counter: int
    previous_counter: int
    ciphertext: bytes
    def __init__(self, ratchet_key: _Optional[bytes] = ..., counter: _Optional[int] = ..., previous_counter: _Optional[int] = ..., ciphertext: _Optional[bytes] = ...) -> None: ...

class PreKeySignalMessage(_message.Message):
    __slots__ = ("pre_key_id", "base_key", "identity_key", "message", "registration_id", "signed_pre_key_id")
    PRE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    BASE_KEY_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_KEY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    SIGNED_PRE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    pre_key_id: int
    base_key: bytes
    identity_key: bytes
    message: bytes
    registration_id: int
    signed_pre_key_id: int
    def __init__(self, pre_key_id: _Optional[int] = ..., base_key: _Optional[bytes] = ..., identity_key: _Optional[bytes] = ..., message: _Optional[bytes] = ..., registration_id: _Optional[int] = ..., signed_pre_key_id: _Optional[int] = ...) -> None: ...

class SessionState(_message.Message):
    __slots__ = ("version", "local_identity", "remote_identity", "root_key", "previous_counter", "ratchet_private", "ratchet_public", "sender_chain_key", "sender_index", "receiver_chains", "pending_pre_key", "remote_registration_id", "local_registration_id", "base_key")
    class Chain(_message.Message):
        __slots__ = ("ratchet_key", "chain_key", "index", "skipped")
        RATCHET_KEY_FIELD_NUMBER: _ClassVar[int]
        CHAIN_KEY_FIELD_NUMBER: _ClassVar[int]
        INDEX_FIELD_NUMBER: _ClassVar[int]
        SKIPPED_FIELD_NUMBER: _ClassVar[int]
        ratchet_key: bytes
        chain_key: bytes
        index: int
        skipped: bytes
        def __init__(self, ratchet_key: _Optional[bytes] = ..., chain_key: _Optional[bytes] = ..., index: _Optional[int] = ..., skipped: _Optional[bytes] = ...) -> None: ...
    class PendingPreKey(_message.Message):
        __slots__ = ("pre_key_id", "signed_pre_key_id", "base_key")
        PRE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
        SIGNED_PRE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
        BASE_KEY_FIELD_NUMBER: _ClassVar[int]
        pre_key_id: int
        signed_pre_key_id: int
        base_key: bytes
        def __init__(self, pre_key_id: _Optional[int] = ..., signed_pre_key_id: _Optional[int] = ..., base_key: _Optional[bytes] = ...) -> None: ...
    VERSION_FIELD_NUMBER: _ClassVar[int]
    LOCAL_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    ROOT_KEY_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_COUNTER_FIELD_NUMBER: _ClassVar[int]
    RATCHET_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    RATCHET_PUBLIC_FIELD_NUMBER: _ClassVar[int]
    SENDER_CHAIN_KEY_FIELD_NUMBER: _ClassVar[int]
    SENDER_INDEX_FIELD_NUMBER: _ClassVar[int]
    RECEIVER_CHAINS_FIELD_NUMBER: _ClassVar[int]
    PENDING_PRE_KEY_FIELD_NUMBER: _ClassVar[int]
    REMOTE_REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    LOCAL_REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    BASE_KEY_FIELD_NUMBER: _ClassVar[int]
    version: int
    local_identity: bytes
    remote_identity: bytes
    root_key: bytes
    previous_counter: int
    ratchet_private: bytes
    ratchet_public: bytes
    sender_chain_key: bytes
    sender_index: int
    receiver_chains: _containers.RepeatedCompositeFieldContainer[SessionState.Chain]
    pending_pre_key: SessionState.PendingPreKey
    remote_registration_id: int
    local_registration_id: int
    base_key: bytes
    def __init__(self, version: _Optional[int] = ..., local_identity: _Optional[bytes] = ..., remote_identity: _Optional[bytes] = ..., root_key: _Optional[bytes] = ..., previous_counter: _Optional[int] = ..., ratchet_private: _Optional[bytes] = ..., ratchet_public: _Optional[bytes] = ..., sender_chain_key: _Optional[bytes] = ..., sender_index: _Optional[int] = ..., receiver_chains: _Optional[_Iterable[_Union[SessionState.Chain, _Mapping]]] = ..., pending_pre_key: _Optional[_Union[SessionState.PendingPreKey, _Mapping]] = ..., remote_registration_id: _Optional[int] = ..., local_registration_id: _Optional[int] = ..., base_key: _Optional[bytes] = ...) -> None: ...

class SessionRecord(_message.Message):
    __slots__ = ("current", "previous")
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    current: bytes
    previous: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, current: _Optional[bytes] = ..., previous: _Optional[_Iterable[bytes]] = ...) -> None: ...
