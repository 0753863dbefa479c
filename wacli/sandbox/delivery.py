"""The server's delivery: addressing, per-device offline queues, acks, prekey bundles.

Everything that sends a stanza to a device builds on this module (routing.py for what
clients send, groups.py, notify.py, calls.py, appstate.py, history.py, the phones'
modules); it imports none of them.

- each stanza for a companion is queued (state.py) until that device sends ``<ack
  class id to=<from> [type]>`` (for a receipt of type T the class is matched with T),
  or, for a message, a ``<receipt id>`` of it (routing.py settles those); on login
  the queue is replayed after ``<success>``: announced by ``<ib><offline_preview count
  message notification receipt appdata/></ib>`` when it is not empty, each stanza
  marked ``offline="0"``, then ``<ib><offline count=N/></ib>``;
- device 0 of every account is a simulated phone: what is delivered to it goes to
  ``Hub.phone_receives`` (the hub dispatches to phone_messages.py), never to a queue.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wacli.binary import BinaryError, Node, decode, encode
from wacli.jid import DEFAULT_USER_SERVER, JID, LID_SERVER, JIDError
from wacli.sandbox.stanzas import Outgoing, offline_preview
from wacli.sandbox.state import Account
from wacli.signal import PreKeyBundle

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)

MAX_PARTICIPANTS = 2000
ACKED_KEPT = 10_000  # settled stanza ids remembered per device (GET …/acked)


class RoutingError(ValueError):
    """A stanza the server cannot route (unknown addressee, malformed participants)."""


# -- addressing -----------------------------------------------------------------------------


def device_jid(hub: Hub, account: Account, device: int, lid: bool) -> JID:
    pn, lid_jid = hub.jids(account, device)
    return lid_jid if lid else pn


def user_jid(account: Account, lid: bool) -> JID:
    return JID(account.lid, LID_SERVER) if lid else JID(account.phone, DEFAULT_USER_SERVER)


def resolve(hub: Hub, jid: JID) -> Account:
    account = hub.account_of(jid)
    if account is None:
        raise RoutingError(f"no account {jid}")
    return account


# -- delivery to one device ------------------------------------------------------------------


async def deliver(hub: Hub, phone: str, device: int, node: Node) -> None:
    """Queue a stanza for a companion and send it now if it is online (device 0 is a
    simulated phone and takes messages and receipts directly)."""
    if device == 0:
        await hub.phone_receives(phone, node)
        return
    sender = node.attr("from", "")
    log.debug("queue for %s:%d: %r", phone, device, node)
    data = encode(node)
    hub.state.enqueue(phone, device, _ack_class(node), node.require_attr("id"), sender or "", data)
    hub.stats["queued"] += 1
    conn = hub.logged_in.get((phone, device))
    if conn is not None and conn.ready:
        await conn.send_encoded(data)
        hub.stats["delivered"] += 1


async def deliver_all(hub: Hub, stanzas: Iterable[Outgoing]) -> int:
    """Deliver what a module that only decides (privacy.py) says must go out; how many."""
    count = 0
    for phone, device, node in stanzas:
        await deliver(hub, phone, device, node)
        count += 1
    return count


def _ack_class(node: Node) -> str:
    """What an ack must name to drop a queued stanza: its tag, and for receipts their type
    too (a delivery and a read receipt of one message share id and sender)."""
    kind = node.attr("type")
    return f"receipt:{kind}" if node.tag == "receipt" and kind else node.tag


async def replay_queue(conn: Connection) -> int:
    """Send a device everything it has not acked yet (after <success>); the count."""
    assert conn.device_key is not None
    phone, device = conn.device_key
    stanzas = conn.hub.state.queued(phone, device)
    conn.ready = True  # from here on new stanzas go out live (no await before this)
    nodes = [decode(data) for data in stanzas]
    if nodes:  # what is coming, as the real server announces it before the queue
        await conn.send(offline_preview(Counter(node.tag for node in nodes)))
    for node in nodes:
        node.attrs["offline"] = "0"  # marks it as from the offline queue (clients check presence)
        await conn.send(node)
        conn.hub.stats["delivered"] += 1
    return len(stanzas)


def handle_ack(conn: Connection, node: Node) -> None:
    """A device acks a message, receipt or notification: it leaves the queue."""
    assert conn.device_key is not None
    phone, device = conn.device_key
    kind, stanza_id = node.attr("class"), node.attr("id")
    if not kind or not stanza_id:
        return
    if kind == "receipt" and node.attr("type"):
        kind = f"receipt:{node.attr('type')}"
    sender = None
    if node.attr("to"):
        try:
            sender = str(node.attr_jid("to"))
        except (JIDError, BinaryError):
            sender = None
    state = conn.hub.state
    removed = state.dequeue(phone, device, kind, stanza_id, sender)
    if not removed and sender is not None:
        removed = state.dequeue(phone, device, kind, stanza_id, None)
    settle(conn.hub, phone, device, kind, stanza_id, removed)
    log.debug("ack from %s:%d %r removed %d", phone, device, node, removed)


def settle(hub: Hub, phone: str, device: int, kind: str, stanza_id: str, removed: int) -> None:
    """Count what an ack or a receipt took off a device's queue and remember its id, in
    order, so a test can tell what the device had confirmed when it died."""
    hub.stats["acked"] += removed
    if removed:
        kept = hub.acked.setdefault((phone, device), deque(maxlen=ACKED_KEPT))
        kept.append((kind, stanza_id))


# -- what a phone that encrypts gets from the server -----------------------------------------


def phone_bundle(hub: Hub, phone: str, device: int) -> PreKeyBundle | None:
    """The prekey bundle of a device, one of its one-time prekeys taken, as a phone
    fetching keys gets it (None when the device has no signed prekey)."""
    record = hub.device_record(phone, device)
    if record is None or record.signed_prekey is None:
        return None
    taken = hub.take_prekey(phone, device)
    skey = record.signed_prekey
    return PreKeyBundle(
        registration_id=record.registration_id,
        device_id=device,
        identity_key=record.identity_public,
        signed_prekey_id=skey.key_id,
        signed_prekey=skey.public,
        signed_prekey_signature=skey.signature,
        prekey_id=None if taken is None else taken[0],
        prekey=None if taken is None else taken[1],
    )
