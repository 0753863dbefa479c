"""Sender key wire messages, version 3.

SenderKeyMessage: ``0x33 ‖ protobuf{id, iteration, ciphertext} ‖ signature`` where the
64-byte XEdDSA signature, by the sender's signing key, covers everything before it.
SenderKeyDistributionMessage: ``0x33 ‖ protobuf{id, iteration, chain_key, signing_key}``.
Only the version's high nibble is checked, as libsignal does.
"""

from __future__ import annotations

from dataclasses import dataclass

from google.protobuf.message import DecodeError, Message

from wacli.crypto import xeddsa_sign, xeddsa_verify
from wacli.proto import sender_key_pb2
from wacli.signal.group.errors import InvalidGroupMessageError

CURRENT_VERSION = 3
VERSION_BYTE = bytes(((CURRENT_VERSION << 4) | CURRENT_VERSION,))
SIGNATURE_LEN = 64
_DJB_TYPE = 0x05
_DJB_PREFIX = b"\x05"
_MAX_UINT32 = 2**32 - 1


def _check_version(data: bytes, what: str) -> None:
    if not data:
        raise InvalidGroupMessageError(f"empty {what}")
    version = data[0] >> 4
    if version != CURRENT_VERSION:
        raise InvalidGroupMessageError(f"{what} has unsupported version {version}")


def _parse_proto(message: Message, body: bytes, what: str) -> None:
    try:
        message.ParseFromString(body)
    except DecodeError as exc:
        raise InvalidGroupMessageError(f"malformed {what}: {exc}") from None


def _missing(proto: Message, fields: tuple[str, ...]) -> list[str]:
    return [name for name in fields if not proto.HasField(name)]


@dataclass(frozen=True, slots=True)
class SenderKeyMessage:
    """One group message as received: the header fields and the bytes the signature covers."""

    key_id: int
    iteration: int
    ciphertext: bytes
    serialized: bytes  # the whole message, signature included

    @classmethod
    def parse(cls, data: bytes) -> SenderKeyMessage:
        data = bytes(data)
        _check_version(data, "SenderKeyMessage")
        if len(data) <= 1 + SIGNATURE_LEN:
            raise InvalidGroupMessageError(f"SenderKeyMessage too short ({len(data)} bytes)")
        proto = sender_key_pb2.SenderKeyMessage()
        _parse_proto(proto, data[1:-SIGNATURE_LEN], "SenderKeyMessage")
        missing = _missing(proto, ("id", "iteration", "ciphertext"))
        if missing:
            raise InvalidGroupMessageError(f"SenderKeyMessage lacks {', '.join(missing)}")
        if not proto.ciphertext or len(proto.ciphertext) % 16:
            raise InvalidGroupMessageError("SenderKeyMessage ciphertext is not whole AES blocks")
        return cls(proto.id, proto.iteration, proto.ciphertext, data)

    @classmethod
    def create(
        cls, key_id: int, iteration: int, ciphertext: bytes, signing_private: bytes
    ) -> SenderKeyMessage:
        """A message signed with the sender's private signing key (raw 32 bytes)."""
        proto = sender_key_pb2.SenderKeyMessage(
            id=key_id, iteration=iteration, ciphertext=ciphertext
        )
        body = VERSION_BYTE + proto.SerializeToString()
        return cls(key_id, iteration, ciphertext, body + xeddsa_sign(signing_private, body))

    def verify_signature(self, signing_public: bytes) -> bool:
        data = self.serialized
        return xeddsa_verify(signing_public, data[:-SIGNATURE_LEN], data[-SIGNATURE_LEN:])


@dataclass(frozen=True, slots=True)
class SenderKeyDistributionMessage:
    """A sender's key for one group: its id, chain position and public signing key."""

    key_id: int
    iteration: int
    chain_key: bytes  # 32 bytes
    signing_key: bytes  # raw 32-byte Curve25519 public key

    def __post_init__(self) -> None:
        if not 0 <= self.key_id <= _MAX_UINT32 or not 0 <= self.iteration <= _MAX_UINT32:
            raise InvalidGroupMessageError("sender key id and iteration must be uint32")
        if len(self.chain_key) != 32 or len(self.signing_key) != 32:
            raise InvalidGroupMessageError("chain key and signing key must be 32 bytes")

    def serialize(self) -> bytes:
        proto = sender_key_pb2.SenderKeyDistributionMessage(
            id=self.key_id,
            iteration=self.iteration,
            chain_key=self.chain_key,
            signing_key=_DJB_PREFIX + self.signing_key,
        )
        return VERSION_BYTE + proto.SerializeToString()

    @classmethod
    def parse(cls, data: bytes) -> SenderKeyDistributionMessage:
        data = bytes(data)
        _check_version(data, "SenderKeyDistributionMessage")
        proto = sender_key_pb2.SenderKeyDistributionMessage()
        _parse_proto(proto, data[1:], "SenderKeyDistributionMessage")
        missing = _missing(proto, ("id", "iteration", "chain_key", "signing_key"))
        if missing:
            raise InvalidGroupMessageError(
                f"SenderKeyDistributionMessage lacks {', '.join(missing)}"
            )
        if len(proto.chain_key) != 32:
            raise InvalidGroupMessageError(
                f"SenderKeyDistributionMessage chain key is {len(proto.chain_key)} bytes, not 32"
            )
        signing_key = proto.signing_key
        if len(signing_key) != 33 or signing_key[0] != _DJB_TYPE:
            raise InvalidGroupMessageError(
                "SenderKeyDistributionMessage signing key is not a 0x05-prefixed Curve25519 key"
            )
        return cls(proto.id, proto.iteration, proto.chain_key, signing_key[1:])
