"""Server notifications about an account, shaped as the real server sends them (whatsmeow
notification.go, Baileys messages-recv.ts, whatsapp-rust's notification stanzas).

- ``<notification from=USER lid=LID_USER type="devices" id t>`` with one child:
  ``<add|remove device_hash device_lid_hash><device jid=USER:N lid=LID:N [key-index]/>
  <key-index-list ts>[signed list]</key-index-list></add>`` (the signed ADV key-index
  list comes with an add; a remove carries only its time) or ``<update hash/>`` (the
  device list changed: fetch it again). ``device_hash`` is "2:" and the base64 of the
  first 6 bytes of the SHA-256 of the sorted "user.0:device@server" strings of the list
  after the change (whatsmeow's participant-list hash, which it checks its cache with);
- ``<notification from=USER type="picture" id t><set jid=USER id=PICTURE_ID author=USER/>``
  or ``<delete jid=USER author=USER/>``;
- ``<notification from=USER type="status" id t notify><set>about text</set>``;
- ``<notification from=USER type="business" id t>`` with ``<verified_name jid name/>``,
  ``<profile hash/>``, ``<remove jid/>`` or ``<product_catalog><product><id>…</id>
  </product>|<collection id/>…</product_catalog>``.

Each goes, queued until acked like any stanza, to the account's own companions and to
the companions of its contacts: whoever exchanged messages with its phone, and whoever
shares a group with it (the sandbox keeps no address books).
"""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wacli.binary import Attrs, Node
from wacli.jid import DEFAULT_USER_SERVER, JID, LID_SERVER, JIDError, parse_jid
from wacli.sandbox.delivery import deliver
from wacli.sandbox.profiles import Profiles
from wacli.sandbox.stanzas import new_id
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub


def device_hash(devices: Iterable[JID]) -> str:
    """The participant-list hash (v2) of a device list."""
    names = sorted(f"{d.user}.0:{d.device}@{d.server}" for d in devices)
    digest = hashlib.sha256("".join(names).encode()).digest()[:6]
    return "2:" + base64.b64encode(digest).decode().rstrip("=")


def _user(account: Account, lid: bool = False) -> JID:
    return JID(account.lid, LID_SERVER) if lid else JID(account.phone, DEFAULT_USER_SERVER)


def _notification(account: Account, kind: str, children: list[Node], **attrs: str | JID) -> Node:
    head: dict[str, str | JID | None] = {
        "from": _user(account),
        "type": kind,
        "id": new_id(),
        "t": str(int(time.time())),
    }
    head.update(attrs)
    return Node("notification", head, children)


# -- the stanzas --------------------------------------------------------------------------


def devices_change(hub: Hub, account: Account, change: str, device: int) -> Node:
    """``add`` or ``remove`` of ``device``, described against the list as it is now."""
    ids = hub.device_ids(account.phone)
    pn = [JID(account.phone, DEFAULT_USER_SERVER, d) for d, _ in ids]
    lid = [JID(account.lid, LID_SERVER, d) for d, _ in ids]
    record = hub.device_record(account.phone, device) if change == "add" else None
    attrs: dict[str, str | JID | None] = {
        "jid": JID(account.phone, DEFAULT_USER_SERVER, device),
        "lid": JID(account.lid, LID_SERVER, device),
    }
    if record is not None and record.key_index:
        attrs["key-index"] = str(record.key_index)
    stamp: Attrs = {"ts": str(int(time.time()))}
    if change == "add":
        signed = hub.phone(account.phone).key_index_list([i for _, i in ids if i])
        key_list = Node("key-index-list", stamp, signed)
    else:
        key_list = Node("key-index-list", stamp)
    child = Node(
        change,
        {"device_hash": device_hash(pn), "device_lid_hash": device_hash(lid)},
        [Node("device", attrs), key_list],
    )
    return _notification(account, "devices", [child], lid=_user(account, lid=True))


def devices_update(hub: Hub, account: Account) -> Node:
    """The device list changed in a way a contact must fetch again (hash only)."""
    pn = [JID(account.phone, DEFAULT_USER_SERVER, d) for d, _ in hub.device_ids(account.phone)]
    child = Node("update", {"hash": device_hash(pn)})
    return _notification(account, "devices", [child], lid=_user(account, lid=True))


def picture(account: Account, picture_id: int | None) -> Node:
    """A new picture (its id), or None when the picture was removed."""
    user = _user(account)
    if picture_id is None:
        child = Node("delete", {"jid": user, "author": user})
    else:
        child = Node("set", {"jid": user, "id": str(picture_id), "author": user})
    return _notification(account, "picture", [child])


def about(account: Account, text: str) -> Node:
    node = _notification(account, "status", [Node("set", {}, text.encode())])
    node.attrs["notify"] = account.push_name or None
    return node


def business(account: Account, child: Node) -> Node:
    return _notification(account, "business", [child])


def identity(account: Account) -> Node:
    """The account's phone has a new Signal identity (it reinstalled)."""
    return _notification(account, "encrypt", [Node("identity")])


# -- who hears of it ----------------------------------------------------------------------


def contacts(hub: Hub, account: Account) -> list[str]:
    """The phones of the account's contacts (never the account itself), sorted."""
    found: set[str] = set()
    for text in Profiles(hub.state).correspondents(account):
        if "@" not in text:
            found.add(text)
            continue
        try:
            other = hub.account_of(parse_jid(text).to_non_ad())
        except JIDError:
            continue
        if other is not None:
            found.add(other.phone)
    for group in hub.state.groups_of(account.phone):
        found.update(group.members())
    found.discard(account.phone)
    return sorted(found)


async def announce(
    hub: Hub, account: Account, node: Node, *, own: bool = True, skip: int | None = None
) -> int:
    """Queue ``node`` for the companions of the account's contacts and, when ``own``, for
    its own companions but ``skip``; how many devices it went to."""
    targets = [(p, d) for p in contacts(hub, account) for d, _ in hub.device_ids(p) if d]
    if own:
        targets += [(account.phone, d) for d, _ in hub.device_ids(account.phone) if d != skip]
    for phone, device in targets:
        if device:  # the simulated phones know already
            await deliver(hub, phone, device, node)
    hub.stats["notifications"] += 1
    return len([t for t in targets if t[1]])


async def devices_changed(hub: Hub, account: Account, change: str, device: int) -> int:
    """A companion of ``account`` was linked (``add``) or unlinked (``remove``)."""
    node = devices_change(hub, account, change, device)
    return await announce(hub, account, node, skip=device)
