"""``<notification type="account_sync">``: another device of our account changed a privacy
setting or the blocklist (whatsmeow handleAccountSyncNotification, Baileys'
``blocklist.update``). ``<privacy><category name value/>…`` → ``privacy_settings_update``
(and the store's cached values, wacli.client.privacy); ``<blocklist dhash><item jid
action/>…`` → ``blocklist_update`` (docs/events.schema.json). Other children (devices,
picture, disappearing_mode) fall through to the generic ``notification`` event.
"""

from __future__ import annotations

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.dispatcher import Outcome
from wacli.client.privacy import remember
from wacli.protocol.privacy_settings import BY_WIRE, parse_blocklist_changes, parse_privacy
from wacli.store import Store


def _events(store: Store, child: Node) -> list[ev.Event]:
    if child.tag == "privacy":
        values = parse_privacy(child)
        if not values:
            return []
        remember(store, values)
        named = {(BY_WIRE[k].name if k in BY_WIRE else k): v for k, v in values.items()}
        return [ev.PrivacySettingsUpdate(named)]
    if child.tag == "blocklist":
        changes = tuple(ev.BlocklistChange(c.jid, c.action) for c in parse_blocklist_changes(child))
        return [ev.BlocklistUpdate(changes, child.attr("dhash"))] if changes else []
    return []


async def handle(store: Store, node: Node) -> Outcome | None:
    """The events of an account_sync notification; None (the generic event) when it
    carries nothing this module reads."""
    found = [event for child in node.children for event in _events(store, child)]
    return Outcome(events=found) if found else None
