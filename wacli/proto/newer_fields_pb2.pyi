from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class HistorySyncNewer(_message.Message):
    __slots__ = ("nct_salt",)
    NCT_SALT_FIELD_NUMBER: _ClassVar[int]
    nct_salt: bytes
    def __init__(self, nct_salt: _Optional[bytes] = ...) -> None: ...

class SyncActionValueNewer(_message.Message):
    __slots__ = ("nct_salt_sync_action",)
    NCT_SALT_SYNC_ACTION_FIELD_NUMBER: _ClassVar[int]
    nct_salt_sync_action: NctSaltSyncAction
    def __init__(self, nct_salt_sync_action: _Optional[_Union[NctSaltSyncAction, _Mapping]] = ...) -> None: ...

class NctSaltSyncAction(_message.Message):
    __slots__ = ("salt",)
    SALT_FIELD_NUMBER: _ClassVar[int]
    salt: bytes
    def __init__(self, salt: _Optional[bytes] = ...) -> None: ...
