"""A phone reads messages (docs/sandbox-admin.md, "Messages"): the read receipt its user
sends by opening the chat, as WhatsApp sends it.

``POST /admin/accounts/{phone}/read {"chat", "ids", "author"?}``: one ``<receipt
type="read" id=FIRST>`` naming the other ids in ``<list><item id/></list>`` (whatsmeow
receipt.go MarkRead, Baileys readMessages) goes to every device of the messages' author
— in a 1:1 chat the chat itself, in a group ``author``, relayed with the reader as
``participant``.
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
    router.add("POST", "/admin/accounts/{phone}/read", ReadRoutes(hub).read)


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
