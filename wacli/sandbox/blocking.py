"""What the sandbox keeps of an account's privacy settings and blocklist (in memory), and
the rule it applies: a blocked contact's 1:1 messages are acked to its sender and never
delivered, as the real server does (the sender sees one tick). Group messages still
arrive, as on WhatsApp.

A change made by one device reaches the account's other companions as ``<notification
type="account_sync">`` (wacli.protocol.privacy_settings); the phones know already.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from wacli.binary import Attrs, Node
from wacli.jid import DEFAULT_USER_SERVER, JID, parse_jid
from wacli.protocol.privacy_settings import (
    BLOCK,
    BlocklistChange,
    blocklist_change_node,
    list_hash,
)
from wacli.sandbox.delivery import deliver
from wacli.sandbox.stanzas import new_id
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

# What an account's privacy screen shows before its user changed anything.
DEFAULTS = {
    "last": "all",
    "online": "all",
    "profile": "all",
    "status": "all",
    "readreceipts": "all",
    "groupadd": "all",
    "calladd": "all",
    "messages": "all",
}


def privacy_values(hub: Hub, phone: str) -> dict[str, str]:
    values = {**DEFAULTS, **hub.privacy_values.get(phone, {})}
    # The admin API's PUT …/readreceipts and a client's change are one setting.
    values["readreceipts"] = "none" if phone in hub.read_receipts_off else "all"
    return values


def set_privacy(hub: Hub, phone: str, name: str, value: str) -> None:
    if name == "readreceipts":
        if value == "none":
            hub.read_receipts_off.add(phone)
        else:
            hub.read_receipts_off.discard(phone)
        return
    hub.privacy_values.setdefault(phone, {})[name] = value


def _user(hub: Hub, jid: JID) -> str:
    """How a blocked user is kept: the phone-number JID of an account the sandbox knows
    (a LID or a device names it too), else the user JID as given."""
    account = hub.account_of(jid.to_non_ad())
    if account is not None:
        return str(JID(account.phone, DEFAULT_USER_SERVER))
    return str(jid.to_non_ad())


def blocked(hub: Hub, phone: str) -> list[JID]:
    return [parse_jid(text) for text in hub.blocklists.get(phone, [])]


def blocklist_hash(hub: Hub, phone: str) -> str:
    return list_hash(hub.blocklists.get(phone, []))


def change_blocklist(hub: Hub, phone: str, jid: JID, action: str) -> BlocklistChange:
    """Block or unblock ``jid`` for the account; the change as its notification names it."""
    user = _user(hub, jid)
    listed = hub.blocklists.setdefault(phone, [])
    if action == BLOCK and user not in listed:
        listed.append(user)
    elif action != BLOCK and user in listed:
        listed.remove(user)
    return BlocklistChange(parse_jid(user), action)


def blocks(hub: Hub, recipient: Account, sender: Account) -> bool:
    """Whether ``recipient`` blocked ``sender`` (its 1:1 messages are then not delivered)."""
    listed = hub.blocklists.get(recipient.phone)
    if not listed:
        return False
    return str(JID(sender.phone, DEFAULT_USER_SERVER)) in listed


def account_sync(account: Account, child: Node) -> Node:
    attrs: Attrs = {
        "from": JID(account.phone, DEFAULT_USER_SERVER),
        "type": "account_sync",
        "id": new_id(),
        "t": str(int(time.time())),
    }
    return Node("notification", attrs, [child])


def blocklist_sync(hub: Hub, account: Account, change: BlocklistChange) -> Node:
    child = blocklist_change_node([change], blocklist_hash(hub, account.phone))
    return account_sync(account, child)


async def tell_other_devices(hub: Hub, account: Account, node: Node, device: int) -> int:
    """Queue ``node`` for the account's companions but ``device`` (the one that changed
    it); how many."""
    others = [d for d, _ in hub.device_ids(account.phone) if d and d != device]
    for other in others:
        await deliver(hub, account.phone, other, node)
    return len(others)
