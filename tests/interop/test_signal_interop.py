"""wacli's 1:1 Signal sessions against libsignal-node (libsignal@6.0.0)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.node import NodeProcess, b64, unb64
from wacli.signal import (
    CiphertextMessage,
    DuplicateMessageError,
    InvalidKeyError,
    InvalidMessageError,
    MessageType,
    PreKeyBundle,
    ProtocolAddress,
    SessionCipher,
    UntrustedIdentityError,
    ensure_identity,
    own_bundle,
    process_prekey_bundle,
    trust_identity,
    verify_prekey_signature,
)
from wacli.store import Store


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("signal.mjs") as proc:
        yield proc


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "store")
    ensure_identity(s)
    yield s
    s.close()


WACLI = ProtocolAddress("wacli", 1)
_counter = iter(range(10**6))


def fresh_node_address() -> ProtocolAddress:
    return ProtocolAddress(f"node{next(_counter)}", 3)


def bundle_from_node(d: dict, device_id: int) -> PreKeyBundle:
    return PreKeyBundle(
        registration_id=d["registration_id"],
        device_id=device_id,
        identity_key=unb64(d["identity_key"]),
        signed_prekey_id=d["signed_prekey_id"],
        signed_prekey=unb64(d["signed_prekey"]),
        signed_prekey_signature=unb64(d["signed_prekey_signature"]),
        prekey_id=d.get("prekey_id"),
        prekey=unb64(d["prekey"]) if "prekey" in d else None,
    )


def bundle_to_node(b: PreKeyBundle) -> dict:
    d = {
        "registration_id": b.registration_id,
        "identity_key": b64(b.identity_key),
        "signed_prekey_id": b.signed_prekey_id,
        "signed_prekey": b64(b.signed_prekey),
        "signed_prekey_signature": b64(b.signed_prekey_signature),
    }
    if b.prekey is not None:
        d["prekey_id"] = b.prekey_id
        d["prekey"] = b64(b.prekey)
    return d


def node_encrypt(
    node: NodeProcess, peer: ProtocolAddress, plaintexts: list[bytes]
) -> list[CiphertextMessage]:
    out = node.call(
        "encrypt", address=str(peer), peer=str(WACLI), plaintexts=[b64(p) for p in plaintexts]
    )
    return [CiphertextMessage(MessageType.from_enc_type(m["type"]), unb64(m["body"])) for m in out]


def node_decrypt(
    node: NodeProcess, peer: ProtocolAddress, messages: list[CiphertextMessage]
) -> list[dict]:
    wire = [{"type": m.type.enc_type, "body": b64(m.body)} for m in messages]
    return node.call("decrypt", address=str(peer), peer=str(WACLI), messages=wire)


def node_plaintexts(results: list[dict]) -> list[bytes]:
    assert all("plaintext" in r for r in results), results
    return [unb64(r["plaintext"]) for r in results]


def start_wacli_first(node: NodeProcess, store: Store, *, with_prekey: bool) -> ProtocolAddress:
    peer = fresh_node_address()
    node.call("new_party", address=str(peer))
    bundle = bundle_from_node(node.call("bundle", address=str(peer), with_prekey=with_prekey), 3)
    process_prekey_bundle(store, peer, bundle)
    return peer


def start_node_first(node: NodeProcess, store: Store, *, with_prekey: bool) -> ProtocolAddress:
    peer = fresh_node_address()
    node.call("new_party", address=str(peer))
    bundle = own_bundle(store, WACLI.device_id, with_prekey=with_prekey)
    node.call("process_bundle", address=str(peer), peer=str(WACLI), bundle=bundle_to_node(bundle))
    return peer


@pytest.mark.parametrize("with_prekey", [True, False], ids=["one-time-prekey", "no-prekey"])
def test_wacli_starts_the_session(node: NodeProcess, store: Store, with_prekey: bool) -> None:
    peer = start_wacli_first(node, store, with_prekey=with_prekey)
    cipher = SessionCipher(store, peer)
    first = [cipher.encrypt(b"hello %d" % i) for i in range(3)]
    assert all(m.type is MessageType.PREKEY for m in first)
    # libsignal takes them out of order too; the one-time prekey is used once
    assert node_plaintexts(node_decrypt(node, peer, [first[1], first[0], first[2]])) == [
        b"hello 1",
        b"hello 0",
        b"hello 2",
    ]
    replies = node_encrypt(node, peer, [b"reply"])
    assert replies[0].type is MessageType.WHISPER
    assert cipher.decrypt(replies[0]) == b"reply"
    after = cipher.encrypt(b"answered")
    assert after.type is MessageType.WHISPER  # the reply acknowledged the session
    assert node_plaintexts(node_decrypt(node, peer, [after])) == [b"answered"]


@pytest.mark.parametrize("with_prekey", [True, False], ids=["one-time-prekey", "no-prekey"])
def test_libsignal_starts_the_session(node: NodeProcess, store: Store, with_prekey: bool) -> None:
    prekeys_before = store.count_prekeys()
    peer = start_node_first(node, store, with_prekey=with_prekey)
    cipher = SessionCipher(store, peer)
    first = node_encrypt(node, peer, [b"one", b"two"])
    assert [m.type for m in first] == [MessageType.PREKEY, MessageType.PREKEY]
    assert cipher.decrypt(first[1]) == b"two"
    assert cipher.decrypt(first[0]) == b"one"
    # the one-time prekey was consumed (own_bundle made one; none is left over)
    assert store.count_prekeys() == prekeys_before
    reply = cipher.encrypt(b"back")
    assert reply.type is MessageType.WHISPER
    assert node_plaintexts(node_decrypt(node, peer, [reply])) == [b"back"]
    assert store.load_identity(str(peer)) is not None


def _converse(
    node: NodeProcess, store: Store, peer: ProtocolAddress, total: int, seed: int, first: str
) -> int:
    """Alternate bursts both ways, shuffled, some held back past later ratchet steps."""
    rng = random.Random(seed)
    cipher = SessionCipher(store, peer)
    late = {"wacli": [], "node": []}  # (ciphertext, expected) waiting for a later burst
    sent = checked = 0
    turn = first
    while sent < total or late["wacli"] or late["node"]:
        count = min(rng.randint(1, 25), total - sent)
        plain = [f"{turn}-{sent + i}-{'x' * rng.randint(0, 40)}".encode() for i in range(count)]
        sent += count
        if turn == "wacli":
            batch = list(zip((cipher.encrypt(p) for p in plain), plain, strict=True))
        else:
            batch = list(zip(node_encrypt(node, peer, plain), plain, strict=True))
        rng.shuffle(batch)
        hold = rng.randint(0, min(3, len(batch))) if sent < total else 0
        deliver, late[turn] = batch[hold:] + late[turn], batch[:hold]
        rng.shuffle(deliver)
        if turn == "wacli":
            got = node_plaintexts(node_decrypt(node, peer, [m for m, _ in deliver]))
        else:
            got = [cipher.decrypt(m) for m, _ in deliver]
        assert got == [p for _, p in deliver]
        checked += len(deliver)
        turn = "node" if turn == "wacli" else "wacli"
    return checked


def test_a_thousand_messages_both_ways_out_of_order(node: NodeProcess, store: Store) -> None:
    peer = start_wacli_first(node, store, with_prekey=True)
    assert _converse(node, store, peer, 500, seed=1, first="wacli") == 500
    peer = start_node_first(node, store, with_prekey=True)
    assert _converse(node, store, peer, 500, seed=2, first="node") == 500


def test_replayed_messages_are_refused(node: NodeProcess, store: Store) -> None:
    peer = start_node_first(node, store, with_prekey=True)
    cipher = SessionCipher(store, peer)
    first = node_encrypt(node, peer, [b"pk"])[0]
    assert cipher.decrypt(first) == b"pk"
    with pytest.raises(DuplicateMessageError):
        cipher.decrypt(first)  # a replayed pkmsg: the session exists, its key is spent
    reply = cipher.encrypt(b"r")
    node_plaintexts(node_decrypt(node, peer, [reply]))
    msgs = node_encrypt(node, peer, [b"a", b"b"])
    assert cipher.decrypt(msgs[1]) == b"b"
    assert cipher.decrypt(msgs[0]) == b"a"  # a skipped key, used once
    for m in msgs:
        with pytest.raises(DuplicateMessageError):
            cipher.decrypt(m)
    # and libsignal refuses wacli's replays
    out = cipher.encrypt(b"once")
    results = node_decrypt(node, peer, [out, out])
    assert unb64(results[0]["plaintext"]) == b"once"
    # (libsignal-node reports its MessageCounterError as "No matching sessions")
    assert "plaintext" not in results[1]
    assert "SessionError" in results[1]["error"]


def _tamper(message: CiphertextMessage, offset: int) -> CiphertextMessage:
    body = bytearray(message.body)
    body[offset] ^= 0x01
    return CiphertextMessage(message.type, bytes(body))


def test_tampered_messages_are_refused(node: NodeProcess, store: Store) -> None:
    peer = start_wacli_first(node, store, with_prekey=False)
    cipher = SessionCipher(store, peer)
    node_plaintexts(node_decrypt(node, peer, [cipher.encrypt(b"start")]))
    cipher.decrypt(node_encrypt(node, peer, [b"ack"])[0])
    incoming = node_encrypt(node, peer, [b"genuine"])[0]
    for offset in (-1, -8, -20):  # in the MAC, and in the ciphertext
        with pytest.raises(InvalidMessageError):
            cipher.decrypt(_tamper(incoming, offset))
    assert cipher.decrypt(incoming) == b"genuine"  # the forgeries changed nothing
    outgoing = cipher.encrypt(b"mine")
    bad = node_decrypt(node, peer, [_tamper(outgoing, -1), _tamper(outgoing, -20)])
    assert all("error" in r for r in bad), bad
    assert node_plaintexts(node_decrypt(node, peer, [outgoing])) == [b"mine"]


def test_a_changed_identity_is_untrusted_until_accepted(node: NodeProcess, store: Store) -> None:
    peer = start_node_first(node, store, with_prekey=True)
    cipher = SessionCipher(store, peer)
    assert cipher.decrypt(node_encrypt(node, peer, [b"old identity"])[0]) == b"old identity"
    old_identity = store.load_identity(str(peer))

    # The peer reinstalls: same address, new identity key, new session.
    node.call("new_party", address=str(peer))
    bundle = own_bundle(store, WACLI.device_id)
    node.call("process_bundle", address=str(peer), peer=str(WACLI), bundle=bundle_to_node(bundle))
    fresh = node_encrypt(node, peer, [b"new identity"])[0]
    with pytest.raises(UntrustedIdentityError) as caught:
        cipher.decrypt(fresh)
    assert caught.value.address == str(peer)
    assert caught.value.identity_key != old_identity
    assert "changed" in str(caught.value)
    assert store.load_identity(str(peer)) == old_identity  # nothing was accepted silently

    # A new bundle with the new identity is refused the same way.
    new_bundle = bundle_from_node(node.call("bundle", address=str(peer), with_prekey=True), 3)
    with pytest.raises(UntrustedIdentityError):
        process_prekey_bundle(store, peer, new_bundle)

    trust_identity(store, peer, caught.value.identity_key)
    assert cipher.decrypt(fresh) == b"new identity"
    reply = cipher.encrypt(b"welcome back")
    assert node_plaintexts(node_decrypt(node, peer, [reply])) == [b"welcome back"]


def test_signed_prekey_signatures_verify_both_ways(node: NodeProcess, store: Store) -> None:
    for _ in range(5):
        peer = fresh_node_address()
        theirs = bundle_from_node(node.call("new_party", address=str(peer)), 3)
        assert verify_prekey_signature(
            theirs.identity_key, theirs.signed_prekey, theirs.signed_prekey_signature
        )
        forged = bytearray(theirs.signed_prekey_signature)
        forged[10] ^= 0x40
        bad = PreKeyBundle(**{**_fields(theirs), "signed_prekey_signature": bytes(forged)})
        with pytest.raises(InvalidKeyError):
            process_prekey_bundle(store, peer, bad)
        process_prekey_bundle(store, peer, theirs)
    # libsignal checks wacli's signature in process_bundle (see signal.mjs), and refuses a forgery
    peer = fresh_node_address()
    node.call("new_party", address=str(peer))
    ours = bundle_to_node(own_bundle(store, WACLI.device_id))
    node.call("process_bundle", address=str(peer), peer=str(WACLI), bundle=ours)
    sig = bytearray(unb64(ours["signed_prekey_signature"]))
    sig[3] ^= 0x10
    with pytest.raises(Exception, match="does not verify"):
        node.call(
            "process_bundle",
            address=str(peer),
            peer=str(WACLI),
            bundle={**ours, "signed_prekey_signature": b64(bytes(sig))},
        )


def _fields(bundle: PreKeyBundle) -> dict:
    return {name: getattr(bundle, name) for name in bundle.__slots__}
