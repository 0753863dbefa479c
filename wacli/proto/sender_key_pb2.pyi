from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SenderKeyMessage(_message.Message):
    __slots__ = ("id", "iteration", "ciphertext")
    ID_FIELD_NUMBER: _ClassVar[int]
    ITERATION_FIELD_NUMBER: _ClassVar[int]
    CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    id: int
    iteration: int
    ciphertext: bytes
    def __init__(self, id: _Optional[int] = ..., iteration: _Optional[int] = ..., ciphertext: _Optional[bytes] = ...) -> None: ...

class SenderKeyDistributionMessage(_message.Message):
    __slots__ = ("id", "iteration", "chain_key", "signing_key")
    ID_FIELD_NUMBER: _ClassVar[int]
    ITERATION_FIELD_NUMBER: _ClassVar[int]
    CHAIN_KEY_FIELD_NUMBER: _ClassVar[int]
    SIGNING_KEY_FIELD_NUMBER: _ClassVar[int]
    id: int
    iteration: int
    chain_key: bytes
    signing_key: bytes
    def __init__(self, id: _Optional[int] = ..., iteration: _Optional[int] = ..., chain_key: _Optional[bytes] = ..., signing_key: _Optional[bytes] = ...) -> None: ...

class SenderKeyStateStructure(_message.Message):
    __slots__ = ("sender_key_id", "sender_chain_key", "sender_signing_key", "sender_message_keys")
    class SenderChainKey(_message.Message):
        __slots__ = ("iteration", "seed")
        ITERATION_FIELD_NUMBER: _ClassVar[int]
        SEED_FIELD_NUMBER: _ClassVar[int]
        iteration: int
        seed: bytes
        def __init__(self, iteration: _Optional[int] = ..., seed: _Optional[bytes] = ...) -> None: ...
    class SenderMessageKey(_message.Message):
        __slots__ = ("iteration", "seed")
        ITERATION_FIELD_NUMBER: _ClassVar[int]
        SEED_FIELD_NUMBER: _ClassVar[int]
        iteration: int
        seed: bytes
        def __init__(self, iteration: _Optional[int] = ..., seed: _Optional[bytes] = ...) -> None: ...
    class SenderSigningKey(_message.Message):
        __slots__ = ("public", "private")
        PUBLIC_FIELD_NUMBER: _ClassVar[int]
        PRIVATE_FIELD_NUMBER: _ClassVar[int]
        public: bytes
        private: bytes
        def __init__(self, public: _Optional[bytes] = ..., private: _Optional[bytes] = ...) -> None: ...
    SENDER_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    SENDER_CHAIN_KEY_FIELD_NUMBER: _ClassVar[int]
    SENDER_SIGNING_KEY_FIELD_NUMBER: _ClassVar[int]
    SENDER_MESSAGE_KEYS_FIELD_NUMBER: _ClassVar[int]
    sender_key_id: int
    sender_chain_key: SenderKeyStateStructure.SenderChainKey
    sender_signing_key: SenderKeyStateStructure.SenderSigningKey
    sender_message_keys: _containers.RepeatedCompositeFieldContainer[SenderKeyStateStructure.SenderMessageKey]
    def __init__(self, sender_key_id: _Optional[int] = ..., sender_chain_key: _Optional[_Union[SenderKeyStateStructure.SenderChainKey, _Mapping]] = ..., sender_signing_key: _Optional[_Union[SenderKeyStateStructure.SenderSigningKey, _Mapping]] = ..., sender_message_keys: _Optional[_Iterable[_Union[SenderKeyStateStructure.SenderMessageKey, _Mapping]]] = ...) -> None: ...

class SenderKeyRecordStructure(_message.Message):
    __slots__ = ("sender_key_states",)
    SENDER_KEY_STATES_FIELD_NUMBER: _ClassVar[int]
    sender_key_states: _containers.RepeatedCompositeFieldContainer[SenderKeyStateStructure]
    def __init__(self, sender_key_states: _Optional[_Iterable[_Union[SenderKeyStateStructure, _Mapping]]] = ...) -> None: ...
