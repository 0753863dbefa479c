from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class HandshakeMessage(_message.Message):
    __slots__ = ("client_hello", "server_hello", "client_finish")
    class ClientHello(_message.Message):
        __slots__ = ("ephemeral", "static", "payload")
        EPHEMERAL_FIELD_NUMBER: _ClassVar[int]
        STATIC_FIELD_NUMBER: _ClassVar[int]
        PAYLOAD_FIELD_NUMBER: _ClassVar[int]
        ephemeral: bytes
        static: bytes
        payload: bytes
        def __init__(self, ephemeral: _Optional[bytes] = ..., static: _Optional[bytes] = ..., payload: _Optional[bytes] = ...) -> None: ...
    class ServerHello(_message.Message):
        __slots__ = ("ephemeral", "static", "payload")
        EPHEMERAL_FIELD_NUMBER: _ClassVar[int]
        STATIC_FIELD_NUMBER: _ClassVar[int]
        PAYLOAD_FIELD_NUMBER: _ClassVar[int]
        ephemeral: bytes
        static: bytes
        payload: bytes
        def __init__(self, ephemeral: _Optional[bytes] = ..., static: _Optional[bytes] = ..., payload: _Optional[bytes] = ...) -> None: ...
    class ClientFinish(_message.Message):
        __slots__ = ("static", "payload")
        STATIC_FIELD_NUMBER: _ClassVar[int]
        PAYLOAD_FIELD_NUMBER: _ClassVar[int]
        static: bytes
        payload: bytes
        def __init__(self, static: _Optional[bytes] = ..., payload: _Optional[bytes] = ...) -> None: ...
    CLIENT_HELLO_FIELD_NUMBER: _ClassVar[int]
    SERVER_HELLO_FIELD_NUMBER: _ClassVar[int]
    CLIENT_FINISH_FIELD_NUMBER: _ClassVar[int]
    client_hello: HandshakeMessage.ClientHello
    server_hello: HandshakeMessage.ServerHello
    client_finish: HandshakeMessage.ClientFinish
    def __init__(self, client_hello: _Optional[_Union[HandshakeMessage.ClientHello, _Mapping]] = ..., server_hello: _Optional[_Union[HandshakeMessage.ServerHello, _Mapping]] = ..., client_finish: _Optional[_Union[HandshakeMessage.ClientFinish, _Mapping]] = ...) -> None: ...
