"""`wacli presence`: own presence, following a contact's, or a chat state.

wacli presence available|unavailable
wacli presence subscribe JID          # presence events as NDJSON until SIGINT/SIGTERM
wacli presence typing|recording|paused --to JID
"""

from __future__ import annotations

import sys
from contextlib import suppress
from typing import Annotated

import anyio
import typer

from wacli.binary import Node
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.listen import LineSink, OutputClosed, stop_on_signals
from wacli.cli.send import recipient
from wacli.cli.session import discard, endpoint, open_store, own_jids
from wacli.client import privacy_tokens
from wacli.client.client import Client
from wacli.client.dispatcher import Outcome
from wacli.client.errors import ClientError
from wacli.client.presence import CHAT_STATES, chat_state, own_presence, subscribe
from wacli.client.receive import Receiver
from wacli.jid import JID, JIDError

STATES = ("available", "unavailable", "subscribe", *CHAT_STATES)


class NoPushName(ClientError):
    """Own presence needs a push name, and neither the store nor the server gave one."""


async def _send_once(client: Client, node: Node | bool) -> None:
    """Send ``node``, or own presence (available when True) with the account's push name."""
    async with client.session() as conn:
        if isinstance(node, bool):
            node = own_presence(node, _push_name(client))
        await conn.send(node)
        # A round trip after it: the server has read the stanza before we hang up.
        await conn.iq("w:p", "get", [Node("ping")])


def _push_name(client: Client) -> str:
    """The account's push name (a login keeps the one ``<success display_name>`` gives)."""
    name = client.require_account().push_name
    if not name:
        raise NoPushName(
            "the account has no push name yet, and the server wants one with the presence"
        )
    return name


async def _follow(client: Client, node: Node) -> None:
    async def subscribed() -> None:
        async with client.session() as conn:
            await conn.send(node)
            await anyio.sleep_forever()

    await stop_on_signals(subscribed)


def presence(
    ctx: typer.Context,
    state: Annotated[
        str, typer.Argument(help="available|unavailable|subscribe|typing|recording|paused")
    ],
    jid: Annotated[
        str | None, typer.Argument(help="The contact to follow (subscribe).", show_default=False)
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="The chat a typing/recording/paused state goes to."),
    ] = None,
) -> None:
    """Set own presence, follow a contact's, or send a chat state."""

    options = ctx.obj
    if state not in STATES:
        fail(f"unknown presence {state!r}; use one of {', '.join(STATES)}", ExitCode.USAGE)
    target: JID | None = None
    try:
        if state == "subscribe":
            if jid is None or to is not None:
                fail("usage: wacli presence subscribe JID", ExitCode.USAGE)
            target = recipient(jid)
        elif state in CHAT_STATES:
            if to is None or jid is not None:
                fail(f"usage: wacli presence {state} --to JID", ExitCode.USAGE)
            target = recipient(to)
        elif jid is not None or to is not None:
            fail(f"usage: wacli presence {state} (no JID)", ExitCode.USAGE)
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    server = endpoint(options)
    store = open_store(options)
    try:
        if state == "subscribe":
            assert target is not None
            receiver = Receiver(store, lambda: own_jids(store))

            async def presences(node: Node) -> Outcome | None:
                # Only presence: messages stay unacknowledged, for `listen` to take in.
                return await receiver.handle(node) if node.tag == "presence" else None

            sink = LineSink(sys.stdout.buffer, frozenset({"presence"}))
            client = Client(store, server, sink, handlers=[presences])
            client.require_account()
            token = privacy_tokens.valid_token(store, target)
            with suppress(OutputClosed):  # nobody reads stdout any more: a quiet end
                anyio.run(_follow, client, subscribe(target, token), backend="asyncio")
            return
        client = Client(store, server, discard)
        client.require_account()
        node: Node | bool = state == "available"
        if state in CHAT_STATES:
            assert target is not None
            node = chat_state(target, state)
        anyio.run(_send_once, client, node, backend="asyncio")
    finally:
        store.close()
