"""Device lists through usync (whatsmeow usync.go, Baileys getUSyncDevices).

Request: ``<iq xmlns="usync" type="get"><usync sid context="message" mode="query"
index="0" last="true"><query><devices version="2"/></query><list><user jid/>…</list>
</usync></iq>``; the answer lists ``<user jid><devices><device-list><device id
[key-index]/>…</device-list>…</devices></user>``.
"""

from __future__ import annotations

import os

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.jid import JID, JIDError
from wacli.store import Store


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
            Node("query", {}, [Node("devices", {"version": "2"})]),
            Node("list", {}, [Node("user", {"jid": user.to_non_ad()}) for user in users]),
        ],
    )


def parse_device_lists(answer: Node) -> dict[JID, list[JID]]:
    """user JID -> its device JIDs; malformed users are left out."""
    found: dict[JID, list[JID]] = {}
    usync = answer.child("usync")
    listing = usync.child("list") if usync is not None else None
    for user in listing.children_named("user") if listing is not None else []:
        try:
            jid = user.attr_jid("jid").to_non_ad()
            devices = user.child("devices")
            device_list = devices.child("device-list") if devices is not None else None
            if device_list is None:
                continue
            found[jid] = [
                jid.with_device(device.attr_int("id"))
                for device in device_list.children_named("device")
            ]
        except (BinaryError, JIDError, ValueError):
            continue
    return found


async def device_lists(conn: Connection, store: Store, users: list[JID]) -> dict[JID, list[JID]]:
    """The devices of ``users`` as the server lists them now."""
    del store  # kept for a persistent cache
    answer = await conn.iq("usync", "get", [usync_request(users)])
    return parse_device_lists(answer)
