"""usync (xmlns usync): device lists, LIDs and contact lookups for the accounts known.

Request: ``<usync sid context mode index last><query><devices version="2"/><lid/>
<contact/>…</query><list><user jid=…>[<contact>+1555…</contact>]</user>…</list></usync>``.
Answer: the same ``<usync>`` attributes with ``<list><user jid=…><devices><device-list>
<device id key-index/>…</device-list><key-index-list ts>signed list</key-index-list>
</devices><lid val=…/><contact type="in"|"out">the number asked</contact></user></list>``
(the query comes back in ``<contact>``, as whatsmeow's IsOnWhatsApp reads it); ``status`` the
about text (iq/profile.py); protocols the sandbox does not keep (picture, business…)
answer an empty element.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.jid import JID, JIDError, phone_to_jid
from wacli.protocol.usync import devices_node
from wacli.sandbox.iq import profile
from wacli.sandbox.stanzas import iq_result
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

MAX_USERS = 1000


def _requested(conn: Connection, user: Node) -> tuple[JID | None, Account | None]:
    jid_text = user.attr("jid")
    if jid_text is not None:
        jid = user.attr_jid("jid").to_non_ad()
        return jid, conn.hub.account_of(jid)
    contact = user.child("contact")
    if contact is not None and isinstance(contact.content, bytes):
        try:
            jid = phone_to_jid(contact.content.decode("ascii", "replace"))
        except JIDError:
            return None, None
        return jid, conn.hub.account_of(jid)
    return None, None


def _devices(conn: Connection, account: Account) -> Node:
    hub = conn.hub
    ids = hub.device_ids(account.phone)
    signed = hub.phone(account.phone).key_index_list([index for _, index in ids if index])
    return devices_node(ids, signed, int(time.time()))


async def query(conn: Connection, node: Node) -> Node:
    usync = node.require_child("usync")
    protocols = [child.tag for child in usync.require_child("query").children]
    users = usync.require_child("list").children_named("user")[:MAX_USERS]
    answers = []
    for user in users:
        jid, account = _requested(conn, user)
        if jid is None:
            continue
        content = []
        for protocol in protocols:
            if protocol == "devices":
                content.append(_devices(conn, account) if account else Node("devices"))
            elif protocol == "lid":
                lid = conn.hub.jids(account)[1] if account else None
                content.append(Node("lid", {"val": lid}))
            elif protocol == "contact":  # the number asked comes back (whatsmeow's Query)
                asked = user.child("contact")
                echo = asked.content if asked is not None else None
                content.append(Node("contact", {"type": "in" if account else "out"}, echo))
            elif protocol == "status" and account is not None:
                content.append(profile.usync_status(conn.hub, account))
            else:
                content.append(Node(protocol))
        answers.append(Node("user", {"jid": jid}, content))
    attrs = {k: usync.attrs.get(k) for k in ("sid", "mode", "context")}
    attrs.update({"index": "0", "last": "true"})
    return iq_result(
        node,
        [
            Node(
                "usync",
                attrs,
                [Node("result", {}, [Node(p) for p in protocols]), Node("list", {}, answers)],
            )
        ],
    )
