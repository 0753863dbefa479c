"""A phone posts a status update (docs/sandbox-admin.md, "Statuses").

``POST /admin/accounts/{phone}/status {"text" | "image" | "video", "to"?}``: the phone
posts a text status (an extendedTextMessage, as the apps post one) or a media one (the
media kinds of a send request) to the accounts ``to`` names, else to its contacts
(status_phone.py); answers ``{"id", "to": [JIDs]}``.

``PUT /admin/accounts/{phone}/statusprivacy {"type": "contacts"|"blacklist"|"whitelist",
"users"?: [phones or JIDs]}``: the status privacy the account's companions are told
(``<iq xmlns="status" type="get"><privacy/>``); kept in memory.
"""

from __future__ import annotations

from typing import Any, Final

from wacli.jid import DEFAULT_USER_SERVER, JID
from wacli.proto import e2e_pb2
from wacli.protocol.status_message import text_status
from wacli.protocol.status_privacy import KINDS, StatusPrivacy
from wacli.sandbox import media_phone
from wacli.sandbox.admin_args import account_named, body_object
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.state import Account
from wacli.sandbox.status_phone import phone_contacts, phone_posts_status

MAX_VIEWERS: Final = 256  # accounts one admin call names


def add_routes(router: Router, hub: Hub) -> None:
    routes = StatusRoutes(hub)
    router.add("POST", "/admin/accounts/{phone}/status", routes.post)
    router.add("PUT", "/admin/accounts/{phone}/statusprivacy", routes.set_privacy)


def _status_message(hub: Hub, body: dict[str, Any]) -> e2e_pb2.Message:
    media = media_phone.admin_media(hub, body)
    if media is not None:
        return media
    text = body.get("text")
    if not isinstance(text, str) or not text:
        raise HttpError(400, "give 'text' or a media kind ('image', 'video')")
    return text_status(text)


class StatusRoutes:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def _viewers(self, poster: Account, named: Any) -> list[Account]:
        if named is None:
            return phone_contacts(self.hub, poster.phone)
        if not isinstance(named, list) or not all(isinstance(one, str) for one in named):
            raise HttpError(400, "'to' must be a list of phone numbers or JIDs")
        return [account_named(self.hub, one) for one in named[:MAX_VIEWERS]]

    async def post(self, request: Request) -> Response:
        poster = account_named(self.hub, request.params["phone"])
        body = body_object(request)
        viewers = self._viewers(poster, body.get("to"))
        if not viewers:
            raise HttpError(409, "the phone has no contacts to show a status to; name them in 'to'")
        message = _status_message(self.hub, body)
        stanza_id = await phone_posts_status(self.hub, poster.phone, message, viewers)
        shown = [f"{one.phone}@s.whatsapp.net" for one in viewers]
        return Response.json({"id": stanza_id, "to": shown})

    async def set_privacy(self, request: Request) -> Response:
        account = account_named(self.hub, request.params["phone"])
        body = body_object(request)
        kind = body.get("type")
        if kind not in KINDS:
            raise HttpError(400, f"'type' is one of {list(KINDS)}")
        listed = [self._user(one) for one in self._listed(body.get("users", []))]
        self.hub.status_privacy[account.phone] = StatusPrivacy(kind, tuple(listed))
        return Response.json({"type": kind, "users": [str(jid) for jid in listed]})

    @staticmethod
    def _listed(named: Any) -> list[str]:
        if not isinstance(named, list) or not all(isinstance(one, str) for one in named):
            raise HttpError(400, "'users' must be a list of phone numbers or JIDs")
        return named[:MAX_VIEWERS]

    def _user(self, text: str) -> JID:
        account = account_named(self.hub, text)
        return JID(account.phone, DEFAULT_USER_SERVER)
