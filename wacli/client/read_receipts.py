"""Read receipts: marking messages read, so their sender sees blue ticks (whatsmeow
MarkRead, Baileys readMessages), for ``wacli read`` and ``wacli listen --mark-read``
(README, man/wacli.1).

One ``<receipt id=FIRST type="read" to=CHAT [participant=AUTHOR] t>`` names the other
ids of the same chat and author in ``<list><item id/>…</list>``; the server tells our
other devices too. When the account's user turned read receipts off (privacy category
``readreceipts`` = ``none``, from ``<iq xmlns="privacy" type="get"><privacy/></iq>``)
the type is ``read-self``: only our own devices learn of it, as the official clients do.
A privacy answer without the category counts as "on", as whatsmeow's default does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

import anyio

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.connection import Connection
from wacli.client.dispatcher import Batch, Sink, current_batch
from wacli.client.errors import ClientError, refused_ack
from wacli.jid import JID, parse_jid

log = logging.getLogger(__name__)


def read_receipt(
    chat: JID, ids: Sequence[str], sender: JID | None, *, read_self: bool, t: int
) -> Node:
    """The receipt marking ``ids`` of ``chat`` read; ``sender`` (their author) is named
    only in a group."""
    first, *more = ids
    attrs: dict[str, str | JID | None] = {
        "id": first,
        "type": "read-self" if read_self else "read",
        "to": chat,
        "t": str(t),
    }
    if sender is not None and chat.is_group:
        attrs["participant"] = sender.to_non_ad()
    listed = [Node("list", {}, [Node("item", {"id": one}) for one in more])] if more else None
    return Node("receipt", attrs, listed)


async def read_receipts_on(conn: Connection) -> bool:
    """Whether the account sends read receipts (its privacy setting, asked of the server)."""
    answer = await conn.iq("privacy", "get", [Node("privacy")])
    privacy = answer.child("privacy")
    for category in privacy.children_named("category") if privacy is not None else []:
        if category.attr("name") == "readreceipts":
            return category.attr("value") != "none"
    return True


async def mark_read(
    conn: Connection, chat: JID, ids: Sequence[str], sender: JID | None = None
) -> bool:
    """Mark ``ids`` of ``chat`` read and wait for the server's ack (RefusedError when it
    refuses); returns whether the sender was told (False: read receipts are off)."""
    told = await read_receipts_on(conn)
    receipt = read_receipt(chat, ids, sender, read_self=not told, t=int(time.time()))
    refused_ack(await conn.request(receipt), f"the read receipt of {ids[0]}")
    return told


@dataclass(frozen=True, slots=True)
class _Read:
    chat: JID
    id: str
    sender: JID | None


class MarkRead:
    """``wacli listen --mark-read``: each incoming message is marked read once the wrapped
    sink has written its line (``wrap_sink``); ``work``, beside listen, sends the receipts
    on the current connection (``attach``, an on-connect hook, which also reads the
    privacy setting). A receipt the connection could not take is dropped with a warning:
    the message stays unread, never marked before its line. A change of the setting on
    another device (``privacy_settings_update``) applies from the next receipt on."""

    QUEUE = 1024  # receipts waiting; beyond that one is dropped with a warning, never a stall

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._attached = anyio.Event()
        self._read_self = False
        self._send, self._receive = anyio.create_memory_object_stream[_Read](self.QUEUE)
        # The receipts of the dispatcher batch being handled: its sink flushes its lines
        # when the batch settles (wacli.cli.listen), so they are queued only then.
        self._held: list[_Read] = []
        self._held_for: Batch | None = None

    async def attach(self, conn: Connection) -> None:
        self._read_self = not await read_receipts_on(conn)
        self._conn = conn
        self._attached.set()

    def wrap_sink(self, sink: Sink) -> Sink:
        async def then_mark(event: ev.Event) -> None:
            await sink(event)
            if isinstance(event, ev.PrivacySettingsUpdate) and "read-receipts" in event.changed:
                # Turned off or on on another device while we listen (account_sync).
                self._read_self = event.changed["read-receipts"] == "none"
            if isinstance(event, ev.MessageEvent) and not event.info.is_from_me:
                info = event.info
                chat = parse_jid(str(info.chat))
                if chat.is_broadcast:
                    return  # a status is "viewed" another way, not read in a chat
                read = _Read(chat, info.id, parse_jid(str(info.sender)) if info.is_group else None)
                batch = current_batch.get()
                if batch is not None and batch.defer(self._release):  # after the line's flush
                    if batch is not self._held_for:  # (those of a batch that never settled:
                        self._held, self._held_for = [], batch  # their lines are not out)
                    self._held.append(read)
                else:
                    self._queue(read)

        return then_mark

    async def _release(self) -> None:
        """Queue the receipts held for a batch that has written its lines."""
        held, self._held, self._held_for = self._held, [], None
        for read in held:
            self._queue(read)

    def _queue(self, read: _Read) -> None:
        try:
            self._send.send_nowait(read)
        except anyio.WouldBlock:
            log.warning("too many read receipts queued; %s stays unread", read.id)

    async def work(self) -> None:
        """Send the queued receipts one after the other (a task beside listen)."""
        async with self._receive:
            async for read in self._receive:
                await self._attached.wait()
                assert self._conn is not None
                receipt = read_receipt(
                    read.chat, [read.id], read.sender, read_self=self._read_self, t=int(time.time())
                )
                try:
                    await self._conn.send(receipt)
                except ClientError as exc:
                    log.warning("could not mark %s read: %s", read.id, exc)
