"""Admin route for history the phone gives its companions (wacli.sandbox.history):

``POST /admin/accounts/{phone}/history`` with ``{"conversations": [{"id": JID or phone,
"name"?, "messages": [{"id"?, "from_me"?, "text", "timestamp"?, "sender"?}]}]}``
(messages oldest first; ``sender`` names the member in a group chat), and optionally
``"sync_type"`` (``RECENT`` unless given), ``"chunk_order"``, ``"progress"`` and
``"blob": true`` (upload the chunk to the media server instead of sending it inline).
The phone keeps the messages in its chat log (so later on-demand requests find them)
and sends one chunk of exactly these conversations to every linked companion. The
answer counts what was given, what was new to the phone, and names each message sent.
"""

from __future__ import annotations

from typing import Any, Final

from wacli.proto import e2e_pb2
from wacli.protocol.history import SyncType
from wacli.sandbox import history
from wacli.sandbox.admin_args import account_named, body_object, chat_jid
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.phone import new_message_id, now
from wacli.store.archive import MAX_SECONDS, ArchivedMessage

MAX_CONVERSATIONS: Final = 1000
MAX_MESSAGES: Final = 20_000  # in one request, all conversations together
MAX_TEXT: Final = 65_536
MAX_FIELD: Final = 256  # ids, names, JIDs
_TYPES: Final = {
    "INITIAL_BOOTSTRAP": SyncType.INITIAL_BOOTSTRAP,
    "RECENT": SyncType.RECENT,
    "FULL": SyncType.FULL,
    "ON_DEMAND": SyncType.ON_DEMAND,
}


def add_routes(router: Router, hub: Hub) -> None:
    router.add("POST", "/admin/accounts/{phone}/history", HistoryRoutes(hub).push)


def _string(value: Any, what: str, limit: int = MAX_FIELD) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise HttpError(400, f"{what} must be a non-empty string of at most {limit} characters")
    return value


def _number(value: Any, what: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise HttpError(400, f"{what} must be an integer from {low} to {high}")
    return value


def _chat(text: Any, what: str) -> str:
    return str(chat_jid(_string(text, what), what))


class HistoryRoutes:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    async def push(self, request: Request) -> Response:
        account = account_named(self.hub, request.params["phone"])
        body = body_object(request)
        specs = body.get("conversations")
        if not isinstance(specs, list) or not 1 <= len(specs) <= MAX_CONVERSATIONS:
            raise HttpError(400, f"'conversations' must be a list of 1 to {MAX_CONVERSATIONS}")
        sync_name = body.get("sync_type", "RECENT")
        if sync_name not in _TYPES:
            raise HttpError(400, f"'sync_type' is one of {', '.join(_TYPES)}")
        order = _number(body.get("chunk_order", 0), "'chunk_order'", 0, 2**31)
        progress = _number(body.get("progress", 100), "'progress'", 0, 100)
        blob = body.get("blob", False)
        if not isinstance(blob, bool):
            raise HttpError(400, "'blob' must be true or false")
        own = f"{account.phone}@s.whatsapp.net"
        budget = [MAX_MESSAGES]
        chats = [self._conversation(spec, own, budget) for spec in specs]
        added = sum(
            history.add_history(self.hub, account.phone, chat, name, rows)
            for chat, name, rows in chats
        )
        sync = history.chunk_of(
            self.hub,
            account.phone,
            _TYPES[sync_name],
            [(chat, rows) for chat, _, rows in chats],
            order,
            progress,
        )
        try:
            sent = await history.push(self.hub, account.phone, [sync], blob=blob)
        except ValueError as exc:  # the media server refused the blob (too big)
            raise HttpError(413, str(exc)) from None
        return Response.json(
            {
                "conversations": len(chats),
                "messages": sum(len(rows) for _, _, rows in chats),
                "added": added,
                "sent": [
                    {"device": p.device, "id": p.message_id, "sync_type": p.sync_type} for p in sent
                ],
            }
        )

    def _conversation(
        self, spec: Any, own: str, budget: list[int]
    ) -> tuple[str, str | None, list[ArchivedMessage]]:
        if not isinstance(spec, dict):
            raise HttpError(400, "each conversation must be a JSON object")
        chat = _chat(spec.get("id"), "a conversation's 'id'")
        name = _string(spec["name"], "'name'") if spec.get("name") is not None else None
        messages = spec.get("messages", [])
        if not isinstance(messages, list):
            raise HttpError(400, "'messages' must be a list")
        budget[0] -= len(messages)
        if budget[0] < 0:
            raise HttpError(400, f"at most {MAX_MESSAGES} messages in one request")
        start = now() - len(messages)
        rows = [self._message(item, chat, own, start + n) for n, item in enumerate(messages)]
        return chat, name, rows

    def _message(self, item: Any, chat: str, own: str, default_time: int) -> ArchivedMessage:
        if not isinstance(item, dict):
            raise HttpError(400, "each message must be a JSON object")
        text = item.get("text")
        if not isinstance(text, str) or len(text) > MAX_TEXT:
            raise HttpError(400, f"a message's 'text' must be a string of at most {MAX_TEXT}")
        from_me = item.get("from_me", False)
        if not isinstance(from_me, bool):
            raise HttpError(400, "'from_me' must be true or false")
        message_id = (
            _string(item["id"], "a message's 'id'", 128) if "id" in item else new_message_id()
        )
        when = item.get("timestamp", default_time)
        when = _number(when, "a message's 'timestamp'", 0, MAX_SECONDS)
        if from_me:
            sender = own
        elif chat.endswith("@g.us"):
            sender = _chat(item.get("sender"), "a group message's 'sender'")
        else:
            sender = chat
        body = e2e_pb2.Message(conversation=text)
        return ArchivedMessage(
            chat=chat,
            id=message_id,
            sender=sender,
            from_me=from_me,
            timestamp=when,
            type="text",
            text=text,
            raw=body.SerializeToString(),
        )
