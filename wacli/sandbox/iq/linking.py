"""Linking by code (link_code_companion_reg) and unlinking (remove-companion-device).

companion_hello: the companion names the phone number and sends its ephemeral
key wrapped with the code; the server answers with a pairing ref and waits for
the phone's user to type the code (admin API). The phone's primary_hello goes
out as a notification; companion_finish brings the key bundle, from which the
phone derives the ADV secret, and pair-success follows (wacli.sandbox.hub).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from wacli.binary import Node, NodeError
from wacli.protocol import PairingError
from wacli.protocol.pair_code import WRAPPED_KEY_LEN
from wacli.sandbox import notify
from wacli.sandbox.registration import CodeSession
from wacli.sandbox.stanzas import (
    iq_error,
    iq_result,
    link_code_ref,
    stream_error_device_removed,
)

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

log = logging.getLogger(__name__)


def _text(node: Node, tag: str) -> str:
    child = node.child(tag)
    if child is None or not isinstance(child.content, bytes):
        return ""
    return child.content.decode("utf-8", "replace")


async def link_code_companion_reg(conn: Connection, node: Node) -> Node | None:
    reg_node = node.require_child("link_code_companion_reg")
    stage = reg_node.attr("stage")
    if stage == "companion_hello":
        return await _companion_hello(conn, node, reg_node)
    if stage == "companion_finish":
        return await _companion_finish(conn, node, reg_node)
    return iq_error(node, 400)


async def _companion_hello(conn: Connection, node: Node, reg_node: Node) -> Node:
    reg = conn.registration
    if reg is None or reg.linked or reg.linking:
        return iq_error(node, 405)
    phone = reg_node.attr_jid("jid").user
    wrapped = reg_node.require_child("link_code_pairing_wrapped_companion_ephemeral_pub")
    wrapped_key = wrapped.content_bytes()
    if len(wrapped_key) != WRAPPED_KEY_LEN:
        return iq_error(node, 400)
    if conn.hub.state.account(phone) is None:
        return iq_error(node, 404)
    ref = os.urandom(16).hex().encode()
    reg.code = CodeSession(
        phone=phone,
        wrapped_ephemeral=wrapped_key,
        ref=ref,
        platform_id=_text(reg_node, "companion_platform_id"),
        platform_display=_text(reg_node, "companion_platform_display"),
    )
    conn.hub.code_refs[ref] = conn
    return link_code_ref(node, ref)


async def _companion_finish(conn: Connection, node: Node, reg_node: Node) -> Node | None:
    reg = conn.registration
    session = None if reg is None else reg.code
    if reg is None or session is None or session.primary is None:
        return iq_error(node, 405)
    ref = reg_node.require_child("link_code_pairing_ref").content_bytes()
    bundle = reg_node.require_child("link_code_pairing_wrapped_key_bundle").content_bytes()
    identity = reg_node.require_child("companion_identity_public").content_bytes()
    if ref != session.ref:
        return iq_error(node, 404)
    try:
        if identity != reg.identity_public:
            raise PairingError("companion_finish names another identity than the registration")
        session.adv_secret = session.primary.finish(bundle, identity)
    except PairingError as exc:
        session.error = str(exc)
        session.finished.set()
        return iq_error(node, 400)
    except NodeError:
        raise
    # Answer first: pair-success (sent by whoever waits on `finished`) must come after.
    await conn.send(iq_result(node))
    session.finished.set()
    return None


async def remove_companion_device(conn: Connection, node: Node) -> Node | None:
    """A companion unlinks itself (or a sibling): forget the device, answer, and end the
    removed device's stream with device_removed."""
    target = node.require_child("remove-companion-device").attr_jid("jid")
    key = conn.device_key
    if key is None or target.user != key[0] or target.device == 0:
        return iq_error(node, 403)
    conn.hub.state.remove_device(target.user, target.device)
    log.info("device %s was removed", target)
    account = conn.hub.state.account(target.user)
    if account is not None:
        await notify.devices_changed(conn.hub, account, "remove", target.device)
    await conn.send(iq_result(node))
    removed = conn.hub.logged_in.get((target.user, target.device))
    if removed is not None:
        await removed.stream_error(stream_error_device_removed())
    return None
