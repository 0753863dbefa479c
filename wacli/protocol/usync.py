"""usync device-list queries and their answers, both sides (whatsmeow usync.go, Baileys
getUSyncDevices; the sandbox answers them in wacli.sandbox.iq.usync).

Request: ``<iq xmlns="usync" type="get"><usync sid context="message" mode="query"
index="0" last="true"><query><devices version="2"/><lid/></query><list><user jid/>…
</list></usync></iq>``; the answer lists ``<user jid><devices><device-list><device id
[key-index]/>…</device-list><key-index-list ts>…</key-index-list></devices>
<lid val/></user>``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import NamedTuple

from wacli.binary import BinaryError, Node
from wacli.jid import JID, JIDError

MAX_DEVICES = 100  # per user; a real account has at most a handful


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class UsyncUser(NamedTuple):
    jid: JID  # the user as asked, without device
    devices: tuple[tuple[int, int], ...]  # (device id, key index)
    key_index_ts: int | None
    lid: JID | None  # the LID the server named for a phone-number user


def usync_query(
    context: str, protocols: list[Node], users: list[Node], sid: str | None = None
) -> Node:
    """Any usync query: what to learn (``protocols``: ``<devices>``, ``<contact/>``,
    ``<lid/>``, ``<status/>`` …) of each ``<user>`` listed, in one page. ``context`` is
    "message" before a send and "interactive" when a person asked, as the apps say."""
    attrs: dict[str, str | JID | None] = {
        "sid": sid or os.urandom(8).hex(),
        "context": context,
        "mode": "query",
        "index": "0",
        "last": "true",
    }
    return Node("usync", attrs, [Node("query", {}, protocols), Node("list", {}, users)])


def user_nodes(users: list[JID]) -> list[Node]:
    """``<user jid/>`` for each user (its device dropped)."""
    return [Node("user", {"jid": user.to_non_ad()}) for user in users]


def usync_request(users: list[JID], sid: str | None = None) -> Node:
    """The device lists (and LIDs) of ``users``, before a message is encrypted for them."""
    protocols = [Node("devices", {"version": "2"}), Node("lid")]
    return usync_query("message", protocols, user_nodes(users), sid)


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


def devices_node(devices: Sequence[tuple[int, int]], key_index_list: bytes, ts: int) -> Node:
    """A user's ``<devices>`` in an answer: (device id, key index) pairs, index 0 for the
    primary (no ``key-index``), and the signed key-index list of time ``ts``."""
    listed = [
        Node(
            "device",
            {"id": str(device)} if not index else {"id": str(device), "key-index": str(index)},
        )
        for device, index in devices
    ]
    return Node(
        "devices",
        {},
        [
            Node("device-list", {}, listed),
            Node("key-index-list", {"ts": str(ts)}, key_index_list),
        ],
    )
