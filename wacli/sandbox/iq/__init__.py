"""The server's IQ handlers, one small module per namespace, routed by (xmlns, type, child).

A handler gets the connection and the request and returns the reply (or None
when it sent what it had to itself). A request no handler knows gets the real
server's error shape, 501 feature-not-implemented; a malformed one 400.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from wacli.binary import BinaryError, Node
from wacli.jid import JIDError
from wacli.protocol import ProtocolError
from wacli.sandbox import channels, status_routing
from wacli.sandbox.iq import (
    appstate,
    basic,
    communities,
    group_ephemeral,
    group_invites,
    groups,
    linking,
    media,
    prekeys,
    privacy_settings,
    profile,
    settings,
    usync,
)
from wacli.sandbox.stanzas import iq_error

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

log = logging.getLogger(__name__)

Handler = Callable[["Connection", Node], Awaitable[Node | None]]

# (xmlns, type, tag of the first child) -> handler; "*" matches any child.
_ROUTES: dict[tuple[str, str, str], Handler] = {
    ("w:p", "get", "ping"): basic.ping,
    ("passive", "set", "*"): basic.passive,
    ("md", "set", "link_code_companion_reg"): linking.link_code_companion_reg,
    ("md", "set", "remove-companion-device"): linking.remove_companion_device,
    ("encrypt", "set", "*"): prekeys.upload_or_rotate,
    ("encrypt", "get", "count"): prekeys.count,
    ("encrypt", "get", "digest"): prekeys.digest,
    ("encrypt", "get", "key"): prekeys.fetch,
    ("usync", "get", "usync"): usync.query,
    ("abt", "get", "props"): settings.ab_props,
    ("w", "get", "props"): settings.web_props,
    ("blocklist", "get", "*"): privacy_settings.blocklist,
    ("blocklist", "set", "item"): privacy_settings.change_blocklist,
    ("privacy", "get", "privacy"): privacy_settings.privacy,
    ("privacy", "set", "privacy"): privacy_settings.change_privacy,
    ("privacy", "set", "tokens"): settings.privacy_tokens,
    ("w:g2", "set", "create"): groups.create,
    ("w:g2", "get", "query"): groups.query,
    ("w:g2", "get", "participating"): groups.participating,
    ("w:g2", "set", "add"): groups.participants,
    ("w:g2", "set", "remove"): groups.participants,
    ("w:g2", "set", "promote"): groups.participants,
    ("w:g2", "set", "demote"): groups.participants,
    ("w:g2", "set", "subject"): groups.subject,
    ("w:g2", "set", "leave"): groups.leave,
    ("w:g2", "set", "description"): groups.description,
    ("w:g2", "set", "ephemeral"): group_ephemeral.ephemeral,
    ("w:g2", "set", "not_ephemeral"): group_ephemeral.ephemeral,
    ("w:g2", "get", "invite"): group_invites.invite,
    ("w:g2", "set", "invite"): group_invites.invite,
    ("w:g2", "set", "announcement"): group_invites.setting,
    ("w:g2", "set", "not_announcement"): group_invites.setting,
    ("w:g2", "set", "locked"): group_invites.setting,
    ("w:g2", "set", "unlocked"): group_invites.setting,
    ("w:g2", "set", "membership_approval_mode"): group_invites.setting,
    ("w:g2", "get", "membership_approval_requests"): group_invites.requests,
    ("w:g2", "set", "membership_requests_action"): group_invites.answer_requests,
    ("w:g2", "get", "sub_groups"): communities.sub_groups,
    ("w:g2", "set", "links"): communities.change_link,
    ("w:g2", "set", "unlink"): communities.change_link,
    ("w:profile:picture", "get", "picture"): profile.picture,
    ("w:profile:picture", "set", "*"): profile.set_picture,
    ("status", "set", "status"): profile.set_about,
    ("status", "get", "privacy"): status_routing.status_privacy,
    ("w:mex", "get", "query"): channels.mex,
    ("newsletter", "get", "messages"): channels.messages,
    ("newsletter", "set", "live_updates"): channels.live_updates,
    ("w:biz", "get", "business_profile"): profile.business_profile,
    ("w:sync:app:state", "set", "sync"): appstate.sync,
    ("w:m", "set", "media_conn"): media.media_conn,
}

# What a companion may ask before it is linked (the rest needs a login).
_BEFORE_LOGIN = {("w:p", "get", "ping"), ("md", "set", "link_code_companion_reg")}


def _route(node: Node) -> tuple[tuple[str, str, str], Handler | None]:
    first = node.children[0].tag if node.children else ""
    xmlns, kind = node.attr("xmlns", ""), node.attr("type", "")
    for key in ((xmlns, kind, first), (xmlns, kind, "*")):
        handler = _ROUTES.get(key)
        if handler is not None:
            return key, handler
    return (xmlns, kind, first), None


async def handle(conn: Connection, node: Node) -> Node | None:
    key, handler = _route(node)
    if handler is None:
        log.info("no handler for iq %s", key)
        return iq_error(node, 501)
    if conn.device_key is None and key not in _BEFORE_LOGIN:
        return iq_error(node, 401)
    try:
        return await handler(conn, node)
    except (BinaryError, ProtocolError, JIDError) as exc:
        log.info("bad iq %s: %s", key, exc)
        return iq_error(node, 400)
    except Exception:  # a handler's bug answers 500 and leaves the connection up
        log.exception("iq handler %s failed", key)
        return iq_error(node, 500)
