"""The prekey digest: what the server holds of a device's key bundle, checked at login.

``<iq xmlns="encrypt" type="get"><digest/></iq>`` answers ``<digest><registration/>
<type/><identity/><skey><id/><value/><signature/></skey><list><id/>…</list><hash/>
</digest>``; ``hash`` is SHA-1 over the identity key, the signed prekey, its signature
and the public key of each listed one-time prekey, in the listed order (whatsapp-rust
wacore/src/prekeys.rs; the server answers 404 when it holds no bundle).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from wacli.binary import BinaryError, Node


def digest_hash(
    identity: bytes, signed_prekey: bytes, signature: bytes, prekeys: Iterable[bytes]
) -> bytes:
    data = identity + signed_prekey + signature + b"".join(prekeys)
    return hashlib.sha1(data, usedforsecurity=False).digest()


@dataclass(frozen=True, slots=True)
class Digest:
    registration_id: int
    identity: bytes
    signed_prekey_id: int
    signed_prekey: bytes
    signature: bytes
    prekey_ids: tuple[int, ...]
    hash: bytes


def _uint(node: Node, size: int) -> int:
    data = node.content_bytes()
    if len(data) != size:
        raise BinaryError(f"<{node.tag}> is {len(data)} bytes, not {size}")
    return int.from_bytes(data, "big")


def parse_digest(result: Node) -> Digest:
    """The ``<digest>`` of a result; BinaryError when it is malformed."""
    digest = result.require_child("digest")
    skey = digest.require_child("skey")
    listing = digest.child("list")
    ids = () if listing is None else tuple(_uint(i, 3) for i in listing.children_named("id"))
    return Digest(
        registration_id=_uint(digest.require_child("registration"), 4),
        identity=digest.require_child("identity").content_bytes(),
        signed_prekey_id=_uint(skey.require_child("id"), 3),
        signed_prekey=skey.require_child("value").content_bytes(),
        signature=skey.require_child("signature").content_bytes(),
        prekey_ids=ids,
        hash=digest.require_child("hash").content_bytes(),
    )
