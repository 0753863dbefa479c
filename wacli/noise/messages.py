"""HandshakeMessage protobufs in and out, with malformed input reported as HandshakeError."""

from __future__ import annotations

from typing import NamedTuple

from google.protobuf.message import DecodeError, Message

from wacli.noise.errors import HandshakeError
from wacli.proto.handshake_pb2 import HandshakeMessage

_KEY_LEN = 32


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class Hello(NamedTuple):
    """A ClientHello or ServerHello: a clear ephemeral key and optional sealed parts."""

    ephemeral: bytes
    static: bytes | None
    payload: bytes | None


def _decode(data: bytes, part: str, what: str) -> HandshakeMessage:
    msg = HandshakeMessage()
    try:
        msg.ParseFromString(data)
    except DecodeError:
        raise HandshakeError(f"{what} is not a well-formed HandshakeMessage") from None
    if not msg.HasField(part):
        raise HandshakeError(f"{what} lacks its {part} part")
    return msg


def _optional(msg: Message, field: str) -> bytes | None:
    if not msg.HasField(field):
        return None
    value: bytes = getattr(msg, field)
    return value


def _hello(part: HandshakeMessage.ClientHello | HandshakeMessage.ServerHello, what: str) -> Hello:
    if len(part.ephemeral) != _KEY_LEN:
        raise HandshakeError(f"{what} ephemeral key is {len(part.ephemeral)} bytes, not 32")
    return Hello(part.ephemeral, _optional(part, "static"), _optional(part, "payload"))


def parse_client_hello(data: bytes) -> Hello:
    return _hello(_decode(data, "client_hello", "ClientHello").client_hello, "ClientHello")


def parse_server_hello(data: bytes) -> Hello:
    return _hello(_decode(data, "server_hello", "ServerHello").server_hello, "ServerHello")


def parse_client_finish(data: bytes) -> tuple[bytes, bytes]:
    """The sealed static key and sealed payload of a ClientFinish."""
    part = _decode(data, "client_finish", "ClientFinish").client_finish
    if not part.HasField("static") or not part.HasField("payload"):
        raise HandshakeError("ClientFinish lacks its static key or payload")
    return part.static, part.payload


def client_hello(
    ephemeral: bytes, static: bytes | None = None, payload: bytes | None = None
) -> bytes:
    hello = HandshakeMessage.ClientHello(ephemeral=ephemeral, static=static, payload=payload)
    return HandshakeMessage(client_hello=hello).SerializeToString()


def server_hello(ephemeral: bytes, static: bytes | None, payload: bytes) -> bytes:
    hello = HandshakeMessage.ServerHello(ephemeral=ephemeral, static=static, payload=payload)
    return HandshakeMessage(server_hello=hello).SerializeToString()


def client_finish(static: bytes, payload: bytes) -> bytes:
    finish = HandshakeMessage.ClientFinish(static=static, payload=payload)
    return HandshakeMessage(client_finish=finish).SerializeToString()
