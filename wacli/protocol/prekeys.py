"""Signal prekeys on the wire (xmlns ``encrypt``), both sides (whatsmeow prekeys.go,
Baileys socket.ts, whatsapp-rust wacore/src/iq/prekeys.rs):

- upload (client → server, ``type="set"``): ``<registration>`` 4 bytes, ``<type>``
  0x05, ``<identity>`` 32 bytes, ``<list><key><id>3 bytes</id><value>32 bytes</value>
  </key>…</list>`` and the signed prekey ``<skey><id/><value/><signature/></skey>``;
- fetch answer: ``<list><user jid><registration/><type/><identity/><skey/>[<key/>]
  </user>…</list>`` (or ``<user jid><error code/></user>``);
- digest (``<digest/>`` asked at login): ``<digest><registration/><type/><identity/>
  <skey/><list><id/>…</list><hash/></digest>``, where ``hash`` is SHA-1 over the
  identity key, the signed prekey, its signature and the public key of each listed
  one-time prekey in the listed order; a server without the bundle answers 404.

Keys are raw 32-byte Curve25519 publics; numbers are big-endian of a fixed width.
Malformed input raises BinaryError.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from wacli.binary import BinaryError, Node
from wacli.jid import JID

KEY_BUNDLE_TYPE = b"\x05"


def fixed_uint(node: Node, size: int) -> int:
    """A big-endian number that must be exactly ``size`` bytes."""
    data = node.content_bytes()
    if len(data) != size:
        raise BinaryError(f"<{node.tag}> is {len(data)} bytes, not {size}")
    return int.from_bytes(data, "big")


def key32(node: Node) -> bytes:
    data = node.content_bytes()
    if len(data) != 32:
        raise BinaryError(f"<{node.tag}> is not a 32-byte key")
    return data


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class OneTimeKey(NamedTuple):
    key_id: int
    public: bytes


class SignedKey(NamedTuple):
    key_id: int
    public: bytes
    signature: bytes


def one_time_key_node(key: OneTimeKey) -> Node:
    return Node(
        "key", {}, [Node("id", {}, key.key_id.to_bytes(3, "big")), Node("value", {}, key.public)]
    )


def signed_key_node(key: SignedKey) -> Node:
    return Node(
        "skey",
        {},
        [
            Node("id", {}, key.key_id.to_bytes(3, "big")),
            Node("value", {}, key.public),
            Node("signature", {}, key.signature),
        ],
    )


def parse_one_time_key(node: Node) -> OneTimeKey:
    return OneTimeKey(fixed_uint(node.require_child("id"), 3), key32(node.require_child("value")))


def parse_signed_key(node: Node) -> SignedKey:
    signature = node.require_child("signature").content_bytes()
    if len(signature) != 64:
        raise BinaryError("<skey><signature> is not 64 bytes")
    return SignedKey(
        fixed_uint(node.require_child("id"), 3), key32(node.require_child("value")), signature
    )


def _head(registration_id: int, identity: bytes, signed: SignedKey) -> list[Node]:
    return [
        Node("registration", {}, registration_id.to_bytes(4, "big")),
        Node("type", {}, KEY_BUNDLE_TYPE),
        Node("identity", {}, identity),
        signed_key_node(signed),
    ]


# -- upload -------------------------------------------------------------------------------


class Upload(NamedTuple):
    registration_id: int
    identity: bytes
    keys: tuple[OneTimeKey, ...]
    signed: SignedKey


def upload_content(upload: Upload) -> list[Node]:
    """The children of the upload IQ."""
    head = _head(upload.registration_id, upload.identity, upload.signed)
    listing = Node("list", {}, [one_time_key_node(key) for key in upload.keys])
    return [*head[:3], listing, head[3]]


def parse_upload(node: Node, max_keys: int) -> Upload:
    """An upload IQ; BinaryError when malformed or with more than ``max_keys`` keys."""
    keys = node.require_child("list").children_named("key")
    if len(keys) > max_keys:
        raise BinaryError(f"{len(keys)} prekeys in one upload (at most {max_keys})")
    return Upload(
        registration_id=fixed_uint(node.require_child("registration"), 4),
        identity=key32(node.require_child("identity")),
        keys=tuple(parse_one_time_key(key) for key in keys),
        signed=parse_signed_key(node.require_child("skey")),
    )


# -- fetch ----------------------------------------------------------------------------------


class Bundle(NamedTuple):
    """One device's bundle as a fetch answers it."""

    jid: JID
    registration_id: int
    identity: bytes
    signed: SignedKey
    one_time: OneTimeKey | None


def bundle_user_node(bundle: Bundle) -> Node:
    content = _head(bundle.registration_id, bundle.identity, bundle.signed)
    if bundle.one_time is not None:
        content.append(one_time_key_node(bundle.one_time))
    return Node("user", {"jid": bundle.jid}, content)


def parse_bundle_user(user: Node) -> Bundle:
    """One ``<user jid>`` of a fetch answer (not an ``<error>`` one)."""
    key = user.child("key")
    return Bundle(
        jid=user.attr_jid("jid"),
        registration_id=fixed_uint(user.require_child("registration"), 4),
        identity=key32(user.require_child("identity")),
        signed=parse_signed_key(user.require_child("skey")),
        one_time=None if key is None else parse_one_time_key(key),
    )


# -- digest ---------------------------------------------------------------------------------


def digest_hash(
    identity: bytes, signed_prekey: bytes, signature: bytes, prekeys: Iterable[bytes]
) -> bytes:
    data = identity + signed_prekey + signature + b"".join(prekeys)
    return hashlib.sha1(data, usedforsecurity=False).digest()


class Digest(NamedTuple):
    registration_id: int
    identity: bytes
    signed: SignedKey
    prekey_ids: tuple[int, ...]
    hash: bytes


def digest_node(
    registration_id: int, identity: bytes, signed: SignedKey, prekeys: Sequence[OneTimeKey]
) -> Node:
    """What a server answers to ``<digest/>`` for the bundle it holds."""
    hashed = digest_hash(identity, signed.public, signed.signature, (k.public for k in prekeys))
    ids = [Node("id", {}, key.key_id.to_bytes(3, "big")) for key in prekeys]
    return Node(
        "digest",
        {},
        [
            *_head(registration_id, identity, signed),
            Node("list", {}, ids),
            Node("hash", {}, hashed),
        ],
    )


def parse_digest(result: Node) -> Digest:
    """The ``<digest>`` of a result."""
    digest = result.require_child("digest")
    listing = digest.child("list")
    ids = () if listing is None else tuple(fixed_uint(i, 3) for i in listing.children_named("id"))
    return Digest(
        registration_id=fixed_uint(digest.require_child("registration"), 4),
        identity=digest.require_child("identity").content_bytes(),
        signed=parse_signed_key(digest.require_child("skey")),
        prekey_ids=ids,
        hash=digest.require_child("hash").content_bytes(),
    )
