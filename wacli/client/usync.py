"""Device lists through usync, with a cache in the store (whatsmeow usync.go,
Baileys getUSyncDevices).

Request: ``<iq xmlns="usync" type="get"><usync sid context="message" mode="query"
index="0" last="true"><query><devices version="2"/><lid/></query><list><user jid/>…
</list></usync></iq>``; the answer lists ``<user jid><devices><device-list><device id
[key-index]/>…</device-list><key-index-list ts>…</key-index-list></devices>
<lid val/></user>``.

A send asks only about users the store does not know or knew longer than
DEVICE_LIST_TTL ago; a device notification drops an entry (``Store.forget_devices``).
The LID the answer names for a phone number is remembered as well, and so are the
mappings that stanzas carry in their attributes (``remember_addresses``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.client.dispatcher import Handler, Outcome
from wacli.jid import JID, JIDError
from wacli.store import Store

# How long a fetched device list is trusted without a device notification (Baileys keeps
# its user-devices cache 5 minutes in memory; a persistent one serves separate runs).
DEVICE_LIST_TTL = 15 * 60
MAX_DEVICES = 100  # per user; a real account has at most a handful


@dataclass(frozen=True, slots=True)
class UsyncUser:
    jid: JID  # the user as asked, without device
    devices: tuple[tuple[int, int], ...]  # (device id, key index)
    key_index_ts: int | None
    lid: JID | None  # the LID the server named for a phone-number user


def usync_request(users: list[JID], sid: str | None = None) -> Node:
    attrs = {
        "sid": sid or os.urandom(8).hex(),
        "context": "message",
        "mode": "query",
        "index": "0",
        "last": "true",
    }
    return Node(
        "usync",
        attrs,
        [
            Node("query", {}, [Node("devices", {"version": "2"}), Node("lid")]),
            Node("list", {}, [Node("user", {"jid": user.to_non_ad()}) for user in users]),
        ],
    )


def _parse_user(user: Node) -> UsyncUser | None:
    jid = user.attr_jid("jid").to_non_ad()
    devices = user.child("devices")
    device_list = devices.child("device-list") if devices is not None else None
    if devices is None or device_list is None:
        return None
    found = []
    for device in device_list.children_named("device")[:MAX_DEVICES]:
        device_id = device.attr_int("id")
        if not 0 <= device_id <= 0xFFFF:
            raise ValueError(f"device id {device_id} out of range")
        index = device.attr("key-index")
        found.append((device_id, int(index) if index and index.isdigit() else 0))
    key_index = devices.child("key-index-list")
    ts = key_index.attr("ts") if key_index is not None else None
    lid_node = user.child("lid")
    lid_text = lid_node.attr("val") if lid_node is not None else None
    lid = lid_node.attr_jid("val") if lid_node is not None and lid_text else None
    return UsyncUser(
        jid,
        tuple(found),
        int(ts) if ts and ts.isdigit() else None,
        lid if lid is not None and lid.is_lid else None,
    )


def parse_usync_users(answer: Node) -> list[UsyncUser]:
    """Every well-formed user of a usync answer; malformed ones are left out."""
    found = []
    usync = answer.child("usync")
    listing = usync.child("list") if usync is not None else None
    for user in listing.children_named("user") if listing is not None else []:
        try:
            parsed = _parse_user(user)
        except (BinaryError, JIDError, ValueError):
            continue
        if parsed is not None:
            found.append(parsed)
    return found


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
        for user in fetched:
            found[user.jid] = [user.jid.with_device(device) for device, _ in user.devices]
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


def remember_addresses(store: Store) -> Handler:
    """A feature handler that only learns LID <-> phone-number mappings from stanza
    attributes and leaves every stanza to the next handler (it never answers)."""

    async def handle(node: Node) -> Outcome | None:
        if node.tag in ("message", "receipt", "notification"):
            pairs = stanza_mappings(node)
            if pairs:
                with store.transaction():
                    for lid, pn in pairs:
                        store.put_lid_mapping(lid, pn, node.tag)
        return None

    return handle
