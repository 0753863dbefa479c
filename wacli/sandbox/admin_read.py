"""A phone reads messages (docs/sandbox-admin.md, "Messages"): the read receipt its user
sends by opening the chat, as WhatsApp sends it.

``POST /admin/accounts/{phone}/read {"chat", "ids", "author"?}``: one ``<receipt
type="read" id=FIRST>`` naming the other ids in ``<list><item id/></list>`` (whatsmeow
receipt.go MarkRead, Baileys readMessages) goes to every device of the messages' author
— in a 1:1 chat the chat itself, in a group ``author``, relayed with the reader as
``participant``.

``GET /admin/accounts/{phone}/receipts``: the receipts the phone got (a companion's read
receipts among them), and ``PUT /admin/accounts/{phone}/readreceipts {"value": "all"|
"none"}``: the read-receipts privacy setting its companions are told (``<iq xmlns=
"privacy" type="get">``).
"""

from __future__ import annotations

from typing import Any, Final

from wacli.binary import Node
from wacli.jid import GROUP_SERVER
from wacli.sandbox import delivery
from wacli.sandbox.admin_args import account_named, body_object, chat_jid
from wacli.sandbox.group_routing import relay_group_receipt
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.routing import relay_receipt

MAX_IDS: Final = 256  # ids in one receipt
MAX_ID: Final = 128  # characters of one id


def add_routes(router: Router, hub: Hub) -> None:
    routes = ReadRoutes(hub)
    router.add("POST", "/admin/accounts/{phone}/read", routes.read)
    router.add("GET", "/admin/accounts/{phone}/receipts", routes.receipts)
    router.add("PUT", "/admin/accounts/{phone}/readreceipts", routes.read_receipts_setting)


def _ids(body: dict[str, Any]) -> list[str]:
    ids = body.get("ids")
    if (
        not isinstance(ids, list)
        or not 1 <= len(ids) <= MAX_IDS
        or not all(isinstance(one, str) and 0 < len(one) <= MAX_ID for one in ids)
    ):
        raise HttpError(400, f"'ids' must be 1 to {MAX_IDS} message ids")
    return ids


class ReadRoutes:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    async def read(self, request: Request) -> Response:
        reader = account_named(self.hub, request.params["phone"])
        body = body_object(request)
        chat = chat_jid(body.get("chat"), "'chat'")
        first, *more = _ids(body)
        listed = [Node("list", {}, [Node("item", {"id": one}) for one in more])] if more else None
        if chat.server == GROUP_SERVER:
            group = self.hub.state.group(str(chat))
            if group is None:
                raise HttpError(404, f"no group {chat}")
            author = chat_jid(body.get("author"), "'author'")
            await relay_group_receipt(self.hub, reader, 0, group, author, first, "read", listed)
        else:
            try:
                await relay_receipt(
                    self.hub, reader, 0, chat, {"id": first, "type": "read"}, listed
                )
            except delivery.RoutingError as exc:
                raise HttpError(404, str(exc)) from None
        return Response.json({"chat": str(chat), "ids": [first, *more]})

    async def receipts(self, request: Request) -> Response:
        phone = account_named(self.hub, request.params["phone"]).phone
        return Response.json(list(self.hub.phone_receipts.get(phone, ())))

    async def read_receipts_setting(self, request: Request) -> Response:
        phone = account_named(self.hub, request.params["phone"]).phone
        value = body_object(request).get("value")
        if value not in ("all", "none"):
            raise HttpError(400, '\'value\' must be "all" or "none"')
        if value == "none":
            self.hub.read_receipts_off.add(phone)
        else:
            self.hub.read_receipts_off.discard(phone)
        return Response.json({"readreceipts": value})
