"""A contact's new Signal identity (they reinstalled WhatsApp), trusted as the official
clients do (whatsmeow: it trusts the key, drops the old session and emits IdentityChange;
Baileys likewise).

``accept_identity`` records the new key for the device and drops the session of the old
one. The key it replaces is kept as *retired* for that device, so that a message made
under an identity the device has left (a replay) is refused instead of trusted back.
Group state tied to the old identity is dropped too: the sender keys we hold from that
device, and its place among the holders of our own sender keys, so that the next group
send hands our key to the reinstalled device again.

Retired keys live in the identities table under a name no Signal address can have
(addresses never contain ``/``), so no schema change is needed.
"""

from __future__ import annotations

import logging

from wacli.jid import JID, JIDError, parse_jid
from wacli.signal import ProtocolAddress, UntrustedIdentityError, trust_identity
from wacli.store import Store
from wacli.store.archive import Archive

log = logging.getLogger(__name__)


def _retired(address: ProtocolAddress, identity: bytes) -> str:
    return f"retired/{address}/{identity.hex()}"


def is_retired(store: Store, address: ProtocolAddress, identity: bytes) -> bool:
    """Whether ``identity`` is one ``address`` had before and replaced."""
    return store.load_identity(_retired(address, identity)) is not None


def accept_identity(
    store: Store, address: ProtocolAddress, identity: bytes, device: JID | None = None
) -> bool:
    """Trust ``identity`` for ``address``; True when it replaced a different known key
    (an identity change to tell about), False when it was already or first known.
    UntrustedIdentityError when ``identity`` is one the device used before (a replay).
    ``device`` is the JID the peer wrote from, whose sender keys are dropped as well."""
    with store.transaction():
        known = store.load_identity(str(address))
        if known == identity:
            return False
        if is_retired(store, address, identity):
            raise UntrustedIdentityError(str(address), identity)
        if known is not None:
            store.save_identity(_retired(address, known), known)
        trust_identity(store, address, identity)
        if known is not None:
            names = _addresses(address, device) | _addresses(address, _other_form(store, device))
            _forget_group_state(store, names)
    return known is not None


def forget_contact(store: Store, user: JID) -> None:
    """The server announced that ``user`` has a new identity (``<notification
    type="encrypt"><identity/></notification>``): drop the sessions and identities of all
    its devices, under its phone number and its LID, and the group state tied to them
    (whatsmeow does the same). The next send fetches fresh bundles and the next pkmsg
    is trusted as a first contact, so the change is told about once, by this notice."""
    forms = [user.to_non_ad()]
    other = _other_form(store, forms[0])
    if other is not None:
        forms.append(other)
    with store.transaction():
        names: set[str] = set()
        for form in forms:
            names.update(store.addresses_of(form.signal_address()[0]))
        for name in names:
            store.delete_session(name)
            store.delete_identity(name)
        _forget_group_state(store, names)


def _addresses(address: ProtocolAddress, device: JID | None) -> set[str]:
    found = {str(address)}
    if device is not None:
        name, device_id = device.signal_address()
        found.add(str(ProtocolAddress(name, device_id)))
    return found


def _other_form(store: Store, device: JID | None) -> JID | None:
    """The device under its other address (LID <-> phone number), when the store knows it."""
    if device is None:
        return None
    user = device.to_non_ad()
    other = store.pn_for_lid(user) if device.is_lid else store.lid_for_pn(user)
    try:
        return None if other is None else parse_jid(other).with_device(device.device)
    except JIDError:
        return None


def _forget_group_state(store: Store, names: set[str]) -> None:
    """Drop what the groups we know tie to the old identity of the devices at ``names``."""
    if not names:
        return
    groups = [chat.jid for chat in Archive(store).chats() if chat.jid.endswith("@g.us")]
    for group in groups:
        for name in names:
            store.delete_sender_key(group, name)
        holders = store.sender_key_holders(group)
        keep = [holder for holder in holders if _holder_address(holder) not in names]
        if len(keep) != len(holders):
            # The reinstalled device lost our key: the next group send hands it over again.
            store.clear_sender_key_holders(group)
            store.add_sender_key_holders(group, keep)


def _holder_address(holder: str) -> str | None:
    try:
        name, device_id = parse_jid(holder).signal_address()
    except JIDError:
        return None
    return str(ProtocolAddress(name, device_id))
