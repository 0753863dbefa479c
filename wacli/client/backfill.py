"""``wacli history backfill``: ask our phone for older messages of a chat, wait for them.

The phone answers with a history-sync chunk (an ON_DEMAND peer message). On a login of
our own the chunk is archived here (wacli.client.history.HistorySyncHook); while
``wacli listen`` runs, listen takes and archives it, and only its ``history_sync`` event
reaches us through the relay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import anyio
import orjson

from wacli.binary import BinaryError, Node
from wacli.client import events as ev
from wacli.client.connection import Connection
from wacli.client.dispatcher import Handler, Outcome
from wacli.client.errors import RequestTimeout
from wacli.client.history import (
    HistorySyncHook,
    archived_count,
    backfill_request,
    request_backfill,
)
from wacli.client.relay import RemoteConnection
from wacli.jid import JID, JIDError
from wacli.store import Store


@dataclass(frozen=True, slots=True)
class Backfilled:
    received: int  # messages the phone sent
    added: int  # of them, new to the archive


class OnDemandAnswer:
    """The sink of a backfill: notes the ON_DEMAND history_sync event relayed from a
    running ``listen`` (every other event is dropped: backfill prints only its result)."""

    def __init__(self) -> None:
        self.answered = anyio.Event()
        self.received = 0

    async def __call__(self, event: ev.Event) -> None:
        if event.type != "history_sync" or self.answered.is_set():
            return
        try:
            data = orjson.loads(event.line()).get("data") or {}
        except orjson.JSONDecodeError:
            return
        if data.get("sync_type") == "ON_DEMAND":
            self.received = int(data.get("messages") or 0)
            self.answered.set()


def from_own_phone(own: Callable[[], tuple[JID, JID | None]], handle: Handler) -> Handler:
    """``handle`` for our phone's peer messages (the history it sends) only; everything
    else stays queued at the server for ``wacli listen``."""

    async def handler(node: Node) -> Outcome | None:
        if node.tag != "message" or node.attr("category") != "peer":
            return None
        try:
            sender = node.attr_jid("from")
        except (BinaryError, JIDError):
            return None
        device, lid = own()
        if sender.device != 0 or sender.user not in (device.user, lid.user if lid else None):
            return None
        return await handle(node)

    return handler


async def backfill(
    conn: Connection,
    store: Store,
    own: JID,
    hook: HistorySyncHook,
    answer: OnDemandAnswer,
    chat: str,
    count: int,
    timeout: float,
) -> Backfilled:
    """Ask for ``count`` messages of ``chat`` older than the archive's oldest, and wait up
    to ``timeout`` seconds for the answer (RequestTimeout when none came)."""
    request = backfill_request(store, chat, count)
    before = archived_count(store, chat)
    request_id = await request_backfill(conn, store, own, request)
    with anyio.move_on_after(timeout):
        if isinstance(conn, RemoteConnection):  # listen runs: it archives the answer
            await answer.answered.wait()
            return Backfilled(answer.received, archived_count(store, chat) - before)
        stored = await hook.wait_answer(request_id)
        return Backfilled(stored.messages, stored.added)
    raise RequestTimeout(f"the phone did not answer the history request within {timeout:.0f} s")
