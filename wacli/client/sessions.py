"""Which Signal address holds the pairwise session with a device.

A peer's device can be addressed by phone number (``user:device@s.whatsapp.net``) or by
LID (``lid:device@lid``), and a companion such as WhatsApp Web or Baileys answers a
message we sent to its phone-number device from its LID device, on the same session.
So, as whatsmeow and Baileys do, the session lives under the LID as soon as the LID of
the phone number is known (usync answers and stanza attributes record the mapping);
one kept under the phone number from before is moved over on first use.
"""

from __future__ import annotations

from wacli.jid import JID, JIDError, parse_jid
from wacli.signal import ProtocolAddress
from wacli.store import Store


def _plain(device: JID) -> ProtocolAddress:
    name, device_id = device.signal_address()
    return ProtocolAddress(name, device_id)


def session_address(store: Store, device: JID) -> ProtocolAddress:
    """The address of the session with ``device``: its LID device's when the mapping is
    known (moving a session and identity found under the phone number), else its own."""
    address = _plain(device)
    if not device.is_pn:
        return address
    lid = store.lid_for_pn(device.to_non_ad())
    if lid is None:
        return address
    try:
        lid_address = _plain(parse_jid(lid).with_device(device.device))
    except JIDError:
        return address
    old, new = str(address), str(lid_address)
    if store.load_session(new) is None:
        record = store.load_session(old)
        if record is not None:
            with store.transaction():
                store.store_session(new, record)
                store.delete_session(old)
                identity = store.load_identity(old)
                if identity is not None and store.load_identity(new) is None:
                    store.save_identity(new, identity)
    return lid_address
