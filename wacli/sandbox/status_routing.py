"""Status updates through the server: posted to ``status@broadcast``, delivered to the
devices the poster names, as the real server does for whatsmeow and Baileys.

- a device posts ``<message to="status@broadcast" id type><participants><to jid=DEVICE>
  <enc pkmsg|msg/></to>…</participants><enc v=2 type=skmsg/>[<device-identity/>]
  </message>``; the server acks it (``<ack class=message id from=status@broadcast t/>``,
  error 400 when it names no device) and each named device gets ``<message
  from="status@broadcast" participant=POSTER_DEVICE participant_lid|participant_pn id t
  type notify><enc pkmsg|msg/><enc skmsg/>[<device-identity/>]</message>``, the poster's
  device in the addressing the poster used for it;
- who sees a status is the poster's choice, made on its device from its address book and
  status privacy (whatsmeow getStatusBroadcastRecipients; Baileys' statusJidList): both
  name every device of that audience in ``<participants>`` on every post (neither
  remembers who holds its status sender key), so the sandbox delivers a status to exactly
  the devices named — it holds no address book to second-guess them with — less those of
  an account that blocked the poster;
- what the simulated phones post and read is status_phone.py's, on top of this module;
- ``<receipt to="status@broadcast" participant=POSTER id [type]>`` is relayed to the
  poster's devices as ``<receipt from="status@broadcast" participant=VIEWER_DEVICE id t>``;
- the status privacy IQ (wacli.protocol.status_privacy) is answered with "contacts", or
  the list the admin API set (``PUT /admin/accounts/{phone}/statusprivacy``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from wacli.binary import BinaryError, Node
from wacli.jid import JID, STATUS_BROADCAST_JID, JIDError
from wacli.protocol.message_source import group_source
from wacli.protocol.status_privacy import CONTACTS, status_privacy_answer
from wacli.sandbox import blocking
from wacli.sandbox.delivery import MAX_PARTICIPANTS, deliver, device_jid, user_jid
from wacli.sandbox.phone import now
from wacli.sandbox.stanzas import iq_result, server_ack
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)

STATUS_CHAT = str(STATUS_BROADCAST_JID)

Target = tuple[Account, int, bool]  # the account, its device, addressed by LID


async def deliver_status(
    hub: Hub,
    poster: Account,
    poster_device: int,
    stanza_id: str,
    kind: str,
    skmsg: Node,
    pairwise: list[tuple[Target, Node]],
    identity: Node | None,
) -> int:
    """The status to each target device with its own pairwise ``<enc>``; the count."""
    delivered = 0
    for (account, device, lid), enc in pairwise:
        if account.phone == poster.phone and device == poster_device:
            continue  # never back to the posting device
        if account.phone != poster.phone and blocking.blocks(hub, account, poster):
            continue
        attrs = group_source(
            STATUS_BROADCAST_JID,
            device_jid(hub, poster, poster_device, lid),
            user_jid(poster, not lid),
            lid_mode=lid,
        )
        attrs.update(id=stanza_id, t=str(now()), type=kind, notify=poster.push_name or None)
        content = [enc, skmsg]
        if identity is not None and enc.attr("type") == "pkmsg":
            content.append(identity)
        await deliver(hub, account.phone, device, Node("message", attrs, content))
        delivered += 1
    return delivered


def _named(hub: Hub, node: Node) -> list[tuple[Target, Node]]:
    """(target, its <enc>) for each existing device named in ``<participants>``."""
    participants = node.child("participants")
    named = []
    tos = [] if participants is None else participants.children_named("to")
    for to in tos[:MAX_PARTICIPANTS]:
        enc = to.child("enc")
        jid = to.attr_jid("jid")
        account = hub.account_of(jid.to_non_ad())
        if enc is None or account is None:
            continue
        if jid.device in {d for d, _ in hub.device_ids(account.phone)}:
            named.append(((account, jid.device, jid.is_lid), enc))
    return named


async def handle_status_message(conn: Connection, node: Node) -> None:
    """A device posts a status (see the module)."""
    hub = conn.hub
    assert conn.device_key is not None
    phone, device = conn.device_key
    stanza_id = node.require_attr("id")
    skmsg = next((e for e in node.children_named("enc") if e.attr("type") == "skmsg"), None)
    try:
        named = _named(hub, node)
    except (BinaryError, JIDError) as exc:
        log.info("malformed status %s: %s", stanza_id, exc)
        named = []
    if skmsg is None or not named:
        await conn.send(server_ack("message", stanza_id, STATUS_BROADCAST_JID, error="400"))
        return
    await conn.send(server_ack("message", stanza_id, STATUS_BROADCAST_JID))
    hub.stats["messages_in"] += 1
    hub.stats["statuses_in"] += 1
    poster = hub.state.account(phone)
    assert poster is not None
    kind = node.attr("type", "text") or "text"
    identity = node.child("device-identity")
    await deliver_status(hub, poster, device, stanza_id, kind, skmsg, named, identity)


async def handle_status_receipt(conn: Connection, node: Node) -> None:
    """After the server ack: a viewer's receipt of a status goes to its poster's devices."""
    hub = conn.hub
    assert conn.device_key is not None
    phone, device = conn.device_key
    viewer = hub.state.account(phone)
    if viewer is None or not node.attr("participant"):
        return
    poster = hub.account_of(node.attr_jid("participant").to_non_ad())
    if poster is None:
        return
    await relay_status_receipt(hub, viewer, device, poster, node.require_attr("id"), node)


async def relay_status_receipt(
    hub: Hub, viewer: Account, viewer_device: int, poster: Account, stanza_id: str, node: Node
) -> None:
    for device, _ in hub.device_ids(poster.phone):
        if poster.phone == viewer.phone and device == viewer_device:
            continue
        attrs: dict[str, str | JID | None] = {
            "from": STATUS_BROADCAST_JID,
            "participant": device_jid(hub, viewer, viewer_device, False),
            "id": stanza_id,
            "t": str(now()),
            "type": node.attr("type"),
        }
        await deliver(hub, poster.phone, device, Node("receipt", attrs, node.children or None))


async def status_privacy(conn: Connection, node: Node) -> Node:
    """``<iq xmlns="status" type="get"><privacy/></iq>``: the account's status privacy,
    "contacts" unless the admin API set another (``PUT …/statusprivacy``)."""
    assert conn.device_key is not None
    chosen = conn.hub.status_privacy.get(conn.device_key[0], CONTACTS)
    return iq_result(node, [status_privacy_answer(chosen)])
