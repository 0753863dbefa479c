"""Profile pictures (xmlns w:profile:picture), as whatsmeow's GetProfilePictureInfo and
Baileys' profilePictureUrl ask for them.

Request: ``<iq xmlns="w:profile:picture" type="get" target=JID><picture type="image"|
"preview" query="url" [id=KNOWN_ID]/></iq>``. Answer: ``<picture id type direct_path/>``;
404 item-not-found when the account has no picture; an answer without ``<picture>``
when the caller already has the current one (``id`` names it).

The about text is read through usync's ``status`` protocol (``usync_status``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.sandbox.profiles import Profiles
from wacli.sandbox.stanzas import iq_error, iq_result
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub


async def picture(conn: Connection, node: Node) -> Node:
    request = node.require_child("picture")
    target = node.attr_jid("target") if node.attr("target") else node.attr_jid("to")
    account = conn.hub.account_of(target.to_non_ad())
    if account is None:
        return iq_error(node, 404)
    profile = Profiles(conn.hub.state).get(account.phone)
    if profile.picture is None:
        return iq_error(node, 404)
    picture_id = str(profile.picture_id)
    if request.attr("id") == picture_id:
        return iq_result(node)
    kind = "preview" if request.attr("type") == "preview" else "image"
    path = f"/admin/accounts/{account.phone}/profile?picture={picture_id}"
    return iq_result(node, [Node("picture", {"id": picture_id, "type": kind, "direct_path": path})])


def usync_status(hub: Hub, account: Account) -> Node:
    """The usync ``status`` protocol's answer for one user: ``<status t>about</status>``,
    or an empty ``<status/>`` when the account never set one."""
    profile = Profiles(hub.state).get(account.phone)
    if profile.about is None:
        return Node("status")
    return Node("status", {"t": str(profile.about_at or 0)}, profile.about.encode())
