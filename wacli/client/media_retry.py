"""A file whose host copy expired: ask our phone to upload it again, then download it
(whatsmeow SendMediaRetryReceipt / DecryptMediaRetryNotification, Baileys
updateMediaMessage; the stanzas are wacli.protocol.media_retry's).

When the media host answers 404 or 410 for a message's file, we send our account a
``server-error`` receipt naming the message (its chat, whether we sent it, its sender in
a group), sealed with the file's media key; our phone, which keeps every message's
file, uploads it again and answers with a ``mediaretry`` notification naming the new
direct path, which is then downloaded and checked like any file. The notification
reaches us as a route on a login of our own, or through a running ``listen`` as its
generic ``notification`` event (its NDJSON line, docs/events.schema.json).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from typing import Any, Final

import anyio
import orjson

from wacli.binary import Node
from wacli.client.connection import Connection
from wacli.client.dispatcher import Outcome
from wacli.client.errors import RefusedError, RequestTimeout
from wacli.client.events import Event
from wacli.client.media import MessageFile, download, media_hosts
from wacli.client.routes import ANY
from wacli.client.wiring import Wiring, command_wiring
from wacli.jid import JID, JIDError, parse_jid
from wacli.protocol.media_retry import MessageKey, Result, open_retry_notification, retry_receipt
from wacli.store import Store
from wacli.store.archive import Archive

EXPIRED: Final = (404, 410)  # what media hosts answer for a file they dropped
ANSWER_TIMEOUT: Final = 60.0  # seconds the phone may take to upload the file again

Connected = Callable[[Wiring], AbstractAsyncContextManager[Connection]]


class MediaGone(RefusedError):
    """The phone could not upload the file again (it no longer has it, say)."""


def archived_key(store: Store, chat: str, message_id: str) -> MessageKey | None:
    """The key of an archived message, as a retry receipt names it (None when unknown)."""
    found = Archive(store).message(chat, message_id)
    if found is None:
        return None
    try:
        jid = parse_jid(chat)
        participant = parse_jid(found.sender) if jid.is_group and not found.from_me else None
    except JIDError:
        return None
    return MessageKey(message_id, jid, found.from_me, participant)


class MediaRetryAnswer:
    """Our phone's ``mediaretry`` notification of one message: taken as a route (a login
    of our own) or from the relayed ``notification`` event of a running listen (a sink)."""

    def __init__(self, message_id: str) -> None:
        self.message_id = message_id
        self.node: Node | None = None
        self.answered = anyio.Event()

    def _take(self, node: Node) -> None:
        if node.attr("id") == self.message_id and not self.answered.is_set():
            self.node = node
            self.answered.set()

    async def handle(self, node: Node) -> Outcome | None:
        if node.attr("type") != "mediaretry":
            return None
        self._take(node)
        return Outcome()  # acked, ours or not: a stale answer is of no use later either

    async def __call__(self, event: Event) -> None:
        if event.type != "notification":
            return
        try:
            shown = orjson.loads(event.line()).get("data", {}).get("node")
            node = _node(shown)
        except (orjson.JSONDecodeError, AttributeError, TypeError, ValueError):
            return
        if node.attr("type") == "mediaretry":
            self._take(node)


def _node(shown: Any) -> Node:
    """A node back from its event form (tag, attrs, content: children, base64 or null)."""
    content = shown["content"]
    if isinstance(content, list):
        return Node(shown["tag"], dict(shown["attrs"]), [_node(child) for child in content])
    data = base64.b64decode(content) if isinstance(content, str) else None
    return Node(shown["tag"], dict(shown["attrs"]), data)


async def download_again(
    connected: Connected,
    store: Store,
    own_user: JID,
    media: MessageFile,
    key: MessageKey,
    media_ca: str | None = None,
    timeout: float = ANSWER_TIMEOUT,
) -> bytes:
    """Ask our phone to upload ``media`` again and download it from its new path.
    MediaGone when the phone cannot, RequestTimeout when it does not answer."""
    answer = MediaRetryAnswer(key.id)
    wiring = command_wiring(store, {("notification", "mediaretry", ANY): answer.handle})._replace(
        sink=answer
    )
    ref = media.ref
    async with connected(wiring) as conn:
        await conn.send(retry_receipt(own_user, key, ref.media_key))
        with anyio.move_on_after(timeout):
            await answer.answered.wait()
        if answer.node is None:
            raise RequestTimeout(
                f"our phone did not upload the file of {key.id} again within {timeout:.0f} s "
                "(is it online?)"
            )
        reuploaded = open_retry_notification(answer.node, ref.media_key)
        if reuploaded.result != Result.SUCCESS or reuploaded.direct_path is None:
            reason = Result.Name(reuploaded.result) if reuploaded.result in Result.values() else "?"
            raise MediaGone(
                f"the file of {key.id} expired and our phone could not upload it again ({reason})"
            )
        hosts = await media_hosts(conn)
    fresh = replace(ref, direct_path=reuploaded.direct_path, url="")
    return await download(fresh, media_ca=media_ca, hosts=hosts)
