"""Device lists through usync, with a cache in the store (whatsmeow usync.go,
Baileys getUSyncDevices); the query and its answer are wacli.protocol.usync's.

A send asks only about users the store does not know or knew longer than
DEVICE_LIST_TTL ago; a device notification drops an entry (``Store.forget_devices``).
The LID the answer names for a phone number is remembered as well, and so are the
mappings that stanzas carry in their attributes (``learn_addresses``).
"""

from __future__ import annotations

import time

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.jid import JID, JIDError
from wacli.protocol.usync import UsyncUser, parse_usync_users, usync_request
from wacli.store import Store

# How long a fetched device list is trusted without a device notification (Baileys keeps
# its user-devices cache 5 minutes in memory; a persistent one serves separate runs).
DEVICE_LIST_TTL = 15 * 60


def _remember(store: Store, users: list[UsyncUser], now: int) -> None:
    with store.transaction():
        for user in users:
            store.save_device_list(user.jid, user.devices, user.key_index_ts, now)
            if user.lid is not None and user.jid.is_pn:
                store.put_lid_mapping(user.lid, user.jid, "usync")


async def device_lists(
    conn: Connection,
    store: Store,
    users: list[JID],
    *,
    ttl: float = DEVICE_LIST_TTL,
    now: int | None = None,
) -> dict[JID, list[JID]]:
    """The devices of ``users``: from the store when fetched less than ``ttl`` seconds ago,
    else from usync (and then stored). A user usync does not know is left out."""
    now = int(time.time()) if now is None else now
    wanted = list(dict.fromkeys(user.to_non_ad() for user in users))
    found: dict[JID, list[JID]] = {}
    missing = []
    for user in wanted:
        cached = store.load_device_list(user)
        if cached is not None and now - cached.fetched_at < ttl and cached.devices:
            found[user] = [user.with_device(device) for device, _ in cached.devices]
        else:
            missing.append(user)
    if missing:
        answer = await conn.iq("usync", "get", [usync_request(missing)])
        fetched = [user for user in parse_usync_users(answer) if user.jid in missing]
        _remember(store, fetched, now)
        for entry in fetched:
            found[entry.jid] = [entry.jid.with_device(device) for device, _ in entry.devices]
    return {user: found[user] for user in wanted if user in found}


# -- mappings carried by stanzas -------------------------------------------------------------

# (attribute naming the sender, attribute with its other address)
_PAIRS = (
    ("from", "sender_lid"),
    ("from", "sender_pn"),
    ("participant", "participant_pn"),
    ("participant", "participant_lid"),
)


def stanza_mappings(node: Node) -> list[tuple[JID, JID]]:
    """(LID user, phone-number user) pairs a message, receipt or notification reveals."""
    pairs = []
    for main, other in _PAIRS:
        if node.attr(main) is None or node.attr(other) is None:
            continue
        try:
            a, b = node.attr_jid(main).to_non_ad(), node.attr_jid(other).to_non_ad()
        except (BinaryError, JIDError):
            continue
        lid, pn = (a, b) if a.is_lid else (b, a)
        if lid.is_lid and pn.is_pn:
            pairs.append((lid, pn))
    return pairs


def learn_addresses(store: Store, node: Node) -> None:
    """Keep the LID <-> phone-number mappings a message, receipt or notification carries
    in its attributes (a routes observer: it sees every stanza, answers none)."""
    if node.tag in ("message", "receipt", "notification"):
        # Nearly every stanza repeats a mapping already kept: a read skips the write
        # transaction (put_lid_mapping leaves an unchanged mapping as it is anyway).
        pairs = [(lid, pn) for lid, pn in stanza_mappings(node) if store.pn_for_lid(lid) != str(pn)]
        if pairs:
            with store.transaction():
                for lid, pn in pairs:
                    store.put_lid_mapping(lid, pn, node.tag)
