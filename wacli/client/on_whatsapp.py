"""Who is on WhatsApp: a usync contact query (whatsmeow IsOnWhatsApp, Baileys onWhatsApp),
for ``wacli check`` (README, man/wacli.1).

Request: ``<iq xmlns="usync" type="get"><usync sid context="interactive" mode="query"
index="0" last="true"><query><contact/><lid/></query><list><user><contact>+15551234567
</contact></user>…</list></usync></iq>``; the answer has ``<user jid><contact type="in"|
"out">query</contact><lid val/></user>`` per number asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.binary import BinaryError, Node
from wacli.client.connection import Connection
from wacli.jid import JID, JIDError
from wacli.protocol.usync import usync_query
from wacli.store import Store


@dataclass(frozen=True, slots=True)
class Registration:
    """One number asked about: its user JID, whether it is on WhatsApp and its LID."""

    number: str  # as asked (the argument, unchanged)
    jid: JID
    on_whatsapp: bool
    lid: JID | None


def contact_query(users: list[JID]) -> Node:
    """The ``<usync>`` asking whether each phone-number user is registered, and its LID."""
    listed = [Node("user", {}, [Node("contact", {}, f"+{user.user}".encode())]) for user in users]
    return usync_query("interactive", [Node("contact"), Node("lid")], listed)


def _answered(user: Node) -> tuple[JID, bool, JID | None] | None:
    try:
        jid = user.attr_jid("jid").to_non_ad()
        lid_node = user.child("lid")
        lid = lid_node.attr_jid("val") if lid_node is not None and lid_node.attr("val") else None
    except (BinaryError, JIDError):
        return None
    contact = user.child("contact")
    registered = contact is not None and contact.attr("type") == "in"
    return jid, registered, lid if lid is not None and lid.is_lid else None


def parse_contact_answer(answer: Node) -> dict[JID, tuple[bool, JID | None]]:
    """Per user JID of the answer: (on WhatsApp, its LID); malformed users are left out."""
    usync = answer.child("usync")
    listing = usync.child("list") if usync is not None else None
    found = {}
    for user in listing.children_named("user") if listing is not None else []:
        parsed = _answered(user)
        if parsed is not None:
            found[parsed[0]] = parsed[1:]
    return found


async def check_numbers(
    conn: Connection, store: Store, numbers: dict[str, JID]
) -> list[Registration]:
    """Ask the server about every number (``numbers``: as typed -> its user JID), in the order
    given; a number the answer leaves out counts as not on WhatsApp. LIDs learnt are kept
    in the store's mapping, as a device-list query's are (wacli.client.usync)."""
    users = list(dict.fromkeys(numbers.values()))
    answer = await conn.iq("usync", "get", [contact_query(users)])
    found = parse_contact_answer(answer)
    with store.transaction():
        for jid, (registered, lid) in found.items():
            if registered and lid is not None:
                store.put_lid_mapping(lid, jid, "usync")
    return [
        Registration(number, jid, *found.get(jid, (False, None))) for number, jid in numbers.items()
    ]
