"""Privacy settings and the blocklist, both sides (whatsmeow privacysettings.go and
blocklist.go, Baileys chats.ts; the sandbox answers them in wacli.sandbox.iq.privacy_settings).

- read: ``<iq xmlns="privacy" type="get"><privacy/></iq>``, answered with
  ``<privacy><category name value/>…</privacy>``;
- change one: ``<iq xmlns="privacy" type="set"><privacy><category name value/></privacy>``;
- the blocklist: ``<iq xmlns="blocklist" type="get"/>``, answered with ``<list dhash>
  <item jid/>…</list>``; ``<iq xmlns="blocklist" type="set"><item action="block"|"unblock"
  jid [pn_jid]/></iq>`` answered with the list after the change (whatsmeow reads it;
  Baileys names the LID in ``jid`` and the phone number in ``pn_jid``);
- a change made on another device of the account reaches the others as ``<notification
  type="account_sync">`` with ``<privacy><category name value/></privacy>`` or
  ``<blocklist dhash [prev_dhash]><item jid action/>…</blocklist>`` (whatsmeow
  handleAccountSyncNotification, Baileys' ``blocklist.update``). ``privacy_token``
  notifications are something else: trusted-contact tokens (wacli.protocol.privacy_token).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from wacli.binary import BinaryError, Node
from wacli.jid import JID, JIDError

_AUDIENCE = ("all", "contacts", "contact_blacklist", "none")


@dataclass(frozen=True, slots=True)
class Category:
    """One privacy setting: the name wacli's commands use, the wire name, its values."""

    name: str
    wire: str
    values: tuple[str, ...]


# The settings WhatsApp's privacy screen offers, with the values each accepts (the same
# sets whatsmeow's PrivacySetting constants and Baileys' WAPrivacy*Value types name).
CATEGORIES: tuple[Category, ...] = (
    Category("last-seen", "last", _AUDIENCE),
    Category("online", "online", ("all", "match_last_seen")),
    Category("picture", "profile", _AUDIENCE),
    Category("about", "status", _AUDIENCE),
    Category("groups", "groupadd", ("all", "contacts", "contact_blacklist")),
    Category("read-receipts", "readreceipts", ("all", "none")),
)
BY_NAME = {category.name: category for category in CATEGORIES}
BY_WIRE = {category.wire: category for category in CATEGORIES}

BLOCK, UNBLOCK = "block", "unblock"


def privacy_query() -> Node:
    return Node("privacy")


def privacy_change(category: Category, value: str) -> Node:
    """``<privacy><category name value/></privacy>``; ValueError for a value it refuses."""
    if value not in category.values:
        raise ValueError(
            f"{category.name} takes one of {', '.join(category.values)}, not {value!r}"
        )
    return Node("privacy", {}, [Node("category", {"name": category.wire, "value": value})])


def parse_privacy(privacy: Node | None) -> dict[str, str]:
    """wire name -> value of every ``<category>`` (all of them, known or not)."""
    found = {}
    for category in privacy.children_named("category") if privacy is not None else []:
        name, value = category.attr("name"), category.attr("value")
        if name and value is not None:
            found[name] = value
    return found


def privacy_node(values: dict[str, str]) -> Node:
    """The ``<privacy>`` of an answer or a notification: one category per value."""
    categories = [Node("category", {"name": k, "value": v}) for k, v in values.items()]
    return Node("privacy", {}, categories)


# -- the blocklist --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BlocklistChange:
    jid: JID
    action: str  # BLOCK or UNBLOCK


def block_item(jid: JID, action: str) -> Node:
    return Node("item", {"action": action, "jid": jid.to_non_ad()})


def list_hash(jids: Iterable[str]) -> str:
    """The ``dhash`` of a blocklist: the sandbox's own, a short digest of the sorted JIDs
    (clients only compare it)."""
    digest = hashlib.sha256("\n".join(sorted(jids)).encode()).digest()[:8]
    return base64.b64encode(digest).decode()


def blocklist_node(jids: list[JID]) -> Node:
    """``<list dhash><item jid/>…</list>``."""
    items = [Node("item", {"jid": jid}) for jid in jids]
    return Node("list", {"dhash": list_hash(str(jid) for jid in jids)}, items)


def parse_blocklist(answer: Node) -> list[JID]:
    """The JIDs of an answer's ``<list>``; malformed items are left out."""
    listing = answer.child("list")
    found = []
    for item in listing.children_named("item") if listing is not None else []:
        try:
            found.append(item.attr_jid("jid").to_non_ad())
        except (BinaryError, JIDError):
            continue
    return found


def blocklist_change_node(changes: list[BlocklistChange], dhash: str) -> Node:
    """The ``<blocklist>`` child of an account_sync notification."""
    items = [Node("item", {"jid": c.jid, "action": c.action}) for c in changes]
    return Node("blocklist", {"dhash": dhash}, items)


def parse_blocklist_changes(blocklist: Node) -> list[BlocklistChange]:
    found = []
    for item in blocklist.children_named("item"):
        action = item.attr("action")
        try:
            jid = item.attr_jid("jid").to_non_ad()
        except (BinaryError, JIDError):
            continue
        if action in (BLOCK, UNBLOCK):
            found.append(BlocklistChange(jid, action))
    return found
