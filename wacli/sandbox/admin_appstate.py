"""Admin routes for app state (docs/sandbox-admin.md): the phone changes a chat setting, a
contact or its push name, and the patch goes to the linked devices.

``POST /admin/accounts/{phone}/app-state`` takes one change:
``{"chat": jid, "pin": bool}``, ``{"chat", "mute_until": unix seconds | -1 (forever) |
0 (unmute)}``, ``{"chat", "archive": bool}``, ``{"chat", "read": bool}``,
``{"chat", "contact": {"full_name", "first_name"} | "Full Name"}``,
``{"chat", "message": id, "from_me": bool (default false), "star": bool}``,
``{"chat", "message", "from_me", "delete_for_me": true}`` or ``{"push_name": "…"}``;
optional ``"timestamp"`` (ms). It answers
``{"collection", "version", "index"}``.
``GET /admin/accounts/{phone}/app-state`` shows, per collection, the server's version,
the phone's LTHash (hex) at that version, its record count and, once compacted, the
version of its snapshot.
``POST /admin/accounts/{phone}/app-state/compact`` ``{"collection": name}`` makes the
phone snapshot that collection at its current version (sandbox/appstate.py compact);
fetches asking return_snapshot get it from then on. ``"corrupt": true`` stores a
snapshot whose MACs do not verify (a fault for tests). It answers
``{"collection", "version"}``.

Each change is the action and index JSON WhatsApp uses (the same ones Baileys and
whatsmeow write): ``["pin_v1", jid]`` in regular_low, ``["mute", jid]`` in
regular_high, ``["archive", jid]`` and ``["markChatAsRead", jid]`` in regular_low,
``["contact", jid]`` in critical_unblock_low, ``["setting_pushName"]`` in critical_block;
``["star" | "deleteMessageForMe", jid, id, from_me "1"/"0", "0"]`` in regular_high (the
author "0", as Baileys writes it).
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from wacli.jid import JID, JIDError, parse_jid, phone_to_jid
from wacli.proto import sync_action_pb2
from wacli.protocol.appstate_crypto import Operation
from wacli.protocol.appstate_patch import NewMutation
from wacli.sandbox import appstate
from wacli.sandbox.admin_args import account_named, body_object
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

MAX_NAME = 256
_PHONE = re.compile(r"\+?[1-9][0-9]{6,14}")


def _chat(body: dict[str, Any]) -> JID:
    text = body.get("chat")
    if not isinstance(text, str):
        raise HttpError(400, "'chat' must be a JID or phone number")
    try:
        jid = parse_jid(text) if "@" in text else phone_to_jid(text)
    except JIDError as exc:
        raise HttpError(400, f"'chat' is not a JID: {exc}") from None
    if not (jid.is_user or jid.is_group):
        raise HttpError(400, "'chat' must be a user or a group")
    return jid.to_non_ad()


def _bool(body: dict[str, Any], key: str) -> bool:
    value = body[key]
    if not isinstance(value, bool):
        raise HttpError(400, f"{key!r} must be true or false")
    return value


def _name(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_NAME:
        raise HttpError(400, f"{key!r} must be a non-empty string of at most {MAX_NAME}")
    return value


def change_of(body: dict[str, Any]) -> tuple[str, NewMutation]:
    """The collection and mutation one admin request asks for (HttpError 400 otherwise)."""
    stamp = body.get("timestamp", int(time.time() * 1000))
    if not isinstance(stamp, int) or isinstance(stamp, bool) or stamp < 0:
        raise HttpError(400, "'timestamp' must be milliseconds since the epoch")
    action = sync_action_pb2.SyncActionValue(timestamp=stamp)
    if "push_name" in body:
        action.push_name_setting.name = _name(body["push_name"], "push_name")
        return "critical_block", NewMutation(Operation.SET, ["setting_pushName"], action, 1)
    chat = str(_chat(body))
    if "pin" in body:
        action.pin_action.pinned = _bool(body, "pin")
        return "regular_low", NewMutation(Operation.SET, ["pin_v1", chat], action, 5)
    if "mute_until" in body:
        until = body["mute_until"]
        if until is None or until is False:
            until = 0
        if not isinstance(until, int) or isinstance(until, bool) or until < -1:
            raise HttpError(400, "'mute_until' is unix seconds, -1 (forever) or 0 (unmute)")
        action.mute_action.muted = until != 0
        if until:
            action.mute_action.mute_end_timestamp = -1 if until == -1 else until * 1000
        return "regular_high", NewMutation(Operation.SET, ["mute", chat], action, 2)
    if "archive" in body:
        action.archive_chat_action.archived = _bool(body, "archive")
        action.archive_chat_action.message_range.last_message_timestamp = stamp // 1000
        return "regular_low", NewMutation(Operation.SET, ["archive", chat], action, 3)
    if "read" in body:
        action.mark_chat_as_read_action.read = _bool(body, "read")
        action.mark_chat_as_read_action.message_range.last_message_timestamp = stamp // 1000
        return "regular_low", NewMutation(Operation.SET, ["markChatAsRead", chat], action, 3)
    if "message" in body:
        return "regular_high", _message_change(body, chat, action)
    if "contact" in body:
        contact = body["contact"]
        if isinstance(contact, str):
            contact = {"full_name": contact}
        if not isinstance(contact, dict):
            raise HttpError(400, '\'contact\' is a full name or {"full_name", "first_name"}')
        action.contact_action.full_name = _name(contact.get("full_name"), "full_name")
        if contact.get("first_name") is not None:
            action.contact_action.first_name = _name(contact["first_name"], "first_name")
        action.contact_action.save_on_primary_addressbook = True
        return "critical_unblock_low", NewMutation(Operation.SET, ["contact", chat], action, 2)
    raise HttpError(
        400, "give one of pin, mute_until, archive, read, contact, message or push_name"
    )


def _message_change(
    body: dict[str, Any], chat: str, action: sync_action_pb2.SyncActionValue
) -> NewMutation:
    """A star or delete-for-me of one message."""
    message_id = _name(body["message"], "message")
    mine = "1" if "from_me" in body and _bool(body, "from_me") else "0"
    key = [chat, message_id, mine, "0"]
    if "star" in body:
        action.star_action.starred = _bool(body, "star")
        return NewMutation(Operation.SET, ["star", *key], action, 2)
    if body.get("delete_for_me") is True:
        action.delete_message_for_me_action.delete_media = True
        return NewMutation(Operation.SET, ["deleteMessageForMe", *key], action, 3)
    raise HttpError(400, "with 'message' give 'star': true|false or 'delete_for_me': true")


class AppStateAdmin:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def _account(self, phone: str) -> Account:
        return account_named(self.hub, phone)

    async def change(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        body = body_object(request)
        name, mutation = change_of(body)
        try:
            version = await appstate.phone_writes(self.hub, account.phone, name, [mutation])
        except appstate.AppStateConflict as exc:  # not expected: the phone catches up first
            raise HttpError(409, str(exc)) from None
        return Response.json({"collection": name, "version": version, "index": mutation.index})

    async def compact(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        body = request.json()
        if not isinstance(body, dict) or not isinstance(body.get("collection"), str):
            raise HttpError(400, 'give {"collection": name}')
        corrupt = body.get("corrupt", False)
        if not isinstance(corrupt, bool):
            raise HttpError(400, "'corrupt' must be true or false")
        name = body["collection"]
        try:
            version = appstate.compact(self.hub, account.phone, name, corrupt=corrupt)
        except ValueError as exc:
            raise HttpError(400, str(exc)) from None
        return Response.json({"collection": name, "version": version})

    async def show(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        log = appstate.PatchLog(self.hub.state)
        snaps = appstate.Snapshots(self.hub.state)
        shown = {}
        for name in appstate.COLLECTIONS:
            state = appstate.phone_state(self.hub, account.phone, name)
            shown[name] = {
                "version": log.version(account.phone, name),
                "hash": state.hash.hex(),
                "records": len(state.value_macs),
            }
            held = snaps.get(account.phone, name)
            if held is not None:
                shown[name]["snapshot"] = held[0]
        return Response.json(shown)


def add_routes(router: Router, hub: Hub) -> None:
    routes = AppStateAdmin(hub)
    router.add("POST", "/admin/accounts/{phone}/app-state", routes.change)
    router.add("GET", "/admin/accounts/{phone}/app-state", routes.show)
    router.add("POST", "/admin/accounts/{phone}/app-state/compact", routes.compact)
