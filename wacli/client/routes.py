"""Which handler takes which incoming stanza: one table, keyed by (tag, type, first child).

Every stanza the reader hands over is first shown to the observers (LID <-> phone-number
mappings learnt from attributes, whatever the stanza is), then looked up in the table,
most specific key first: ``(tag, type, tag of the first child)``, ``(tag, type, "*")``,
``(tag, "*", "*")``; an absent type counts as ``""``. The handler found returns an
Outcome, or None for a stanza it turns out not to take (a contact's ``encrypt``
notification reaching the prekey refill); what no route took goes to the default, the one
place unknown stanzas are treated: ``listen`` emits a notification as the generic
``notification`` event and acks it (docs/events.schema.json), the one-shot commands
leave it for ``listen`` (wacli.client.router). The dispatcher acks, after the events.

The two builders below are the tables: ``listen_routes`` (every feature) and
``command_routes`` (what every command's connection takes, and pairing while pairing),
as the sandbox's ``_STANZAS`` and iq ``_ROUTES`` and whatsmeow's client.go handler map.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.client import privacy_tokens
from wacli.client.dispatcher import Handler, Outcome
from wacli.client.router import default_handler, leave_for_listen
from wacli.client.usync import learn_addresses
from wacli.store import Store

if TYPE_CHECKING:  # the tables take the features' handlers; a command imports none of them
    from wacli.client.appstate import AppStateSync
    from wacli.client.group_events import GroupEvents
    from wacli.client.notifications import Notifications
    from wacli.client.pairing import Pairing
    from wacli.client.prekeys import PrekeyRefill
    from wacli.client.receive import Receiver
    from wacli.client.retry import RetryHandler

log = logging.getLogger(__name__)

ANY = "*"
# (stanza tag, its type attribute or ANY, the tag of its first child or ANY)
Key = tuple[str, str, str]
# Sees every stanza before it is routed; answers nothing.
Observer = Callable[[Node], None]


def key_of(node: Node) -> Key:
    """The most specific key of ``node``."""
    first = node.children[0].tag if node.children else ""
    return node.tag, node.attr("type") or "", first


def first_of(*handlers: Handler) -> Handler:
    """One route for a stanza two features share: the first Outcome of ``handlers``."""

    async def handle(node: Node) -> Outcome | None:
        for handler in handlers:
            outcome = await handler(node)
            if outcome is not None:
                return outcome
        return None

    return handle


class Routes:
    """A Handler: the observers, then the route of the stanza's key, else ``default``."""

    def __init__(
        self,
        table: Mapping[Key, Handler],
        *,
        default: Handler,
        observers: Sequence[Observer] = (),
    ) -> None:
        self.table = dict(table)
        self.default = default
        self.observers = tuple(observers)

    def route(self, node: Node) -> Handler | None:
        """The handler of ``node``'s most specific key in the table, if any."""
        tag, kind, first = key_of(node)
        for key in ((tag, kind, first), (tag, kind, ANY), (tag, ANY, ANY)):
            handler = self.table.get(key)
            if handler is not None:
                return handler
        return None

    async def __call__(self, node: Node) -> Outcome:
        for observe in self.observers:
            observe(node)
        handler = self.route(node)
        if handler is not None:
            outcome = await handler(node)
            if outcome is not None:
                return outcome
        else:
            log.debug("no route for <%s type=%s>", node.tag, node.attr("type"))
        outcome = await self.default(node)
        return outcome if outcome is not None else Outcome()


def _login_table(store: Store, refill: PrekeyRefill | None) -> dict[Key, Handler]:
    """What a logged-in connection of any command takes: the server's low-prekey
    notification, and privacy tokens (a store used only from cron must learn them)."""
    table: dict[Key, Handler] = {
        ("notification", "privacy_token", ANY): partial(privacy_tokens.handle, store),
    }
    if refill is not None:
        table["notification", "encrypt", ANY] = refill.handle
    return table


def command_routes(
    store: Store,
    *,
    refill: PrekeyRefill | None = None,
    pairing: Pairing | None = None,
    extra: Mapping[Key, Handler] | None = None,
) -> Routes:
    """The routes of a one-shot command (send, groups, presence, pair, …): ``refill`` on a
    logged-in connection, ``pairing`` while pairing, ``extra`` for what the command itself
    waits for (presence updates, the phone's history); the rest is left for ``listen``."""
    table = _login_table(store, refill) if pairing is None else {}
    if pairing is not None:
        table["iq", "set", "pair-device"] = pairing.handle
        table["iq", "set", "pair-success"] = pairing.handle
        table["notification", "link_code_companion_reg", ANY] = pairing.handle
    table.update(extra or {})
    return Routes(table, default=leave_for_listen, observers=[partial(learn_addresses, store)])


def listen_routes(
    store: Store,
    *,
    refill: PrekeyRefill,
    receiver: Receiver,
    retry: RetryHandler,
    notes: Notifications,
    groups: GroupEvents,
    appstate: AppStateSync,
) -> Routes:
    """The routes of ``listen``: every feature; other notifications become the generic
    ``notification`` event."""
    from wacli.client import account_sync  # listen's alone: a command does not import it
    from wacli.client.calls import handle_call  # listen's only, as its events

    table = _login_table(store, refill)
    table.update(
        {
            ("message", ANY, ANY): receiver.handle,
            ("receipt", ANY, ANY): receiver.handle,
            ("receipt", "retry", ANY): retry.handle,  # answered, after receiver's event
            ("presence", ANY, ANY): receiver.handle,
            ("chatstate", ANY, ANY): receiver.handle,
            ("call", ANY, ANY): handle_call,
            ("notification", "devices", ANY): notes.handle,
            ("notification", "picture", ANY): notes.handle,
            ("notification", "status", ANY): notes.handle,
            ("notification", "business", ANY): notes.handle,
            # The server's prekey count, else a contact's identity change.
            ("notification", "encrypt", ANY): first_of(refill.handle, notes.handle),
            ("notification", "w:gp2", ANY): groups.handle,
            ("notification", "server_sync", ANY): appstate.handle,
            ("notification", "account_sync", ANY): partial(account_sync.handle, store),
        }
    )
    return Routes(table, default=default_handler, observers=[partial(learn_addresses, store)])
