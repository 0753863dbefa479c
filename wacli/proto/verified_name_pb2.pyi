from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LocalizedName(_message.Message):
    __slots__ = ("lg", "lc", "verified_name")
    LG_FIELD_NUMBER: _ClassVar[int]
    LC_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_NAME_FIELD_NUMBER: _ClassVar[int]
    lg: str
    lc: str
    verified_name: str
    def __init__(self, lg: _Optional[str] = ..., lc: _Optional[str] = ..., verified_name: _Optional[str] = ...) -> None: ...

class VerifiedNameCertificate(_message.Message):
    __slots__ = ("details", "signature", "server_signature")
    class Details(_message.Message):
        __slots__ = ("serial", "issuer", "verified_name", "localized_names", "issue_time")
        SERIAL_FIELD_NUMBER: _ClassVar[int]
        ISSUER_FIELD_NUMBER: _ClassVar[int]
        VERIFIED_NAME_FIELD_NUMBER: _ClassVar[int]
        LOCALIZED_NAMES_FIELD_NUMBER: _ClassVar[int]
        ISSUE_TIME_FIELD_NUMBER: _ClassVar[int]
        serial: int
        issuer: str
        verified_name: str
        localized_names: _containers.RepeatedCompositeFieldContainer[LocalizedName]
        issue_time: int
        def __init__(self, serial: _Optional[int] = ..., issuer: _Optional[str] = ..., verified_name: _Optional[str] = ..., localized_names: _Optional[_Iterable[_Union[LocalizedName, _Mapping]]] = ..., issue_time: _Optional[int] = ...) -> None: ...
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    SERVER_SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    details: bytes
    signature: bytes
    server_signature: bytes
    def __init__(self, details: _Optional[bytes] = ..., signature: _Optional[bytes] = ..., server_signature: _Optional[bytes] = ...) -> None: ...

class BizIdentityInfo(_message.Message):
    __slots__ = ("vlevel", "vname_cert", "signed", "revoked", "host_storage", "actual_actors", "privacy_mode_ts", "feature_controls")
    class VerifiedLevelValue(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[BizIdentityInfo.VerifiedLevelValue]
        LOW: _ClassVar[BizIdentityInfo.VerifiedLevelValue]
        HIGH: _ClassVar[BizIdentityInfo.VerifiedLevelValue]
    UNKNOWN: BizIdentityInfo.VerifiedLevelValue
    LOW: BizIdentityInfo.VerifiedLevelValue
    HIGH: BizIdentityInfo.VerifiedLevelValue
    class HostStorageType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ON_PREMISE: _ClassVar[BizIdentityInfo.HostStorageType]
        FACEBOOK: _ClassVar[BizIdentityInfo.HostStorageType]
    ON_PREMISE: BizIdentityInfo.HostStorageType
    FACEBOOK: BizIdentityInfo.HostStorageType
    class ActualActorsType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SELF: _ClassVar[BizIdentityInfo.ActualActorsType]
        BSP: _ClassVar[BizIdentityInfo.ActualActorsType]
    SELF: BizIdentityInfo.ActualActorsType
    BSP: BizIdentityInfo.ActualActorsType
    VLEVEL_FIELD_NUMBER: _ClassVar[int]
    VNAME_CERT_FIELD_NUMBER: _ClassVar[int]
    SIGNED_FIELD_NUMBER: _ClassVar[int]
    REVOKED_FIELD_NUMBER: _ClassVar[int]
    HOST_STORAGE_FIELD_NUMBER: _ClassVar[int]
    ACTUAL_ACTORS_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_MODE_TS_FIELD_NUMBER: _ClassVar[int]
    FEATURE_CONTROLS_FIELD_NUMBER: _ClassVar[int]
    vlevel: BizIdentityInfo.VerifiedLevelValue
    vname_cert: VerifiedNameCertificate
    signed: bool
    revoked: bool
    host_storage: BizIdentityInfo.HostStorageType
    actual_actors: BizIdentityInfo.ActualActorsType
    privacy_mode_ts: int
    feature_controls: int
    def __init__(self, vlevel: _Optional[_Union[BizIdentityInfo.VerifiedLevelValue, str]] = ..., vname_cert: _Optional[_Union[VerifiedNameCertificate, _Mapping]] = ..., signed: _Optional[bool] = ..., revoked: _Optional[bool] = ..., host_storage: _Optional[_Union[BizIdentityInfo.HostStorageType, str]] = ..., actual_actors: _Optional[_Union[BizIdentityInfo.ActualActorsType, str]] = ..., privacy_mode_ts: _Optional[int] = ..., feature_controls: _Optional[int] = ...) -> None: ...
