"""This device's keys in the store: identity, signed prekey rotation, one-time prekey refill."""

from __future__ import annotations

from wacli.signal.errors import SignalError
from wacli.signal.keys import (
    PreKeyBundle,
    generate_identity,
    generate_prekeys,
    generate_signed_prekey,
    next_prekey_id,
)
from wacli.store import Store
from wacli.store.records import DeviceIdentity, PreKeyRecord, SignedPreKeyRecord


def ensure_identity(store: Store) -> DeviceIdentity:
    """This device's identity, created (with a first signed prekey) on first use."""
    with store.transaction():
        own = store.load_device_identity()
        if own is None:
            own = generate_identity()
            store.save_device_identity(own)
            rotate_signed_prekey(store)
        return own


def rotate_signed_prekey(store: Store) -> SignedPreKeyRecord:
    """Make and keep a new signed prekey (older ones stay to decrypt in-flight messages)."""
    with store.transaction():
        own = store.load_device_identity()
        if own is None:
            raise SignalError("the store has no device identity")
        key_id = store.next_signed_prekey_id()
        record = generate_signed_prekey(own.identity, key_id)
        store.store_signed_prekey(record)
        store.set_next_signed_prekey_id(next_prekey_id(key_id))
        return record


def new_prekeys(store: Store, count: int) -> list[PreKeyRecord]:
    """Generate and keep ``count`` one-time prekeys with the next ids (wrapping 24-bit)."""
    with store.transaction():
        start = store.next_prekey_id()
        records = generate_prekeys(start, count)
        for record in records:
            store.store_prekey(record)
        store.set_next_prekey_id(next_prekey_id(start, count))
        return records


def own_bundle(store: Store, device_id: int, *, with_prekey: bool = True) -> PreKeyBundle:
    """A bundle for this device as a server would hand it out (tests and the sandbox)."""
    own = ensure_identity(store)
    signed = store.latest_signed_prekey()
    if signed is None:
        signed = rotate_signed_prekey(store)
    prekey = new_prekeys(store, 1)[0] if with_prekey else None
    return PreKeyBundle(
        registration_id=own.registration_id,
        device_id=device_id,
        identity_key=own.identity.public,
        signed_prekey_id=signed.key_id,
        signed_prekey=signed.key_pair.public,
        signed_prekey_signature=signed.signature,
        prekey_id=prekey.key_id if prekey else None,
        prekey=prekey.key_pair.public if prekey else None,
    )
