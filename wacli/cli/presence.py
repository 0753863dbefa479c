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

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.listen import LineSink, OutputClosed, stop_on_signals
from wacli.cli.send import recipient
from wacli.client.client import NoPushName
from wacli.client.presence import CHAT_STATES
from wacli.jid import JID, JIDError

STATES = ("available", "unavailable", "subscribe", *CHAT_STATES)


def state_names() -> list[str]:
    """What the shells complete STATE with (wacli.cli.commandtree reads it)."""
    return list(STATES)


# Exit 3: the pairing is not complete until the phone has shared the account's name.
NO_PUSH_NAME = (
    "this account has no push name yet, and WhatsApp wants one with a presence: run "
    "'wacli listen' until the phone's app-state sync brings it (see 'wacli whoami'), "
    "then try again"
)


def presence(
    ctx: typer.Context,
    state: Annotated[
        str,
        typer.Argument(
            metavar="STATE",
            help="One of: available, unavailable (own presence); subscribe (follow JID); "
            "typing, recording, paused (a chat state, with --to).",
            autocompletion=state_names,
            show_default=False,
        ),
    ],
    jid: Annotated[
        str | None,
        typer.Argument(
            metavar="JID", help="The contact to follow (subscribe).", show_default=False
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="The chat a typing/recording/paused state goes to."),
    ] = None,
) -> None:
    """Set own presence, follow a contact's, or send a chat state.

    `presence subscribe JID` prints each presence of JID as a line of NDJSON;
    it runs until Ctrl-C (SIGINT) or SIGTERM, then exits 0."""

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
    if state == "subscribe":
        assert target is not None
        contact = target
        sink = LineSink(sys.stdout.buffer, frozenset({"presence"}))
        with client_for(options, sink) as client:
            client.require_account()

            async def follow() -> None:
                await client.follow_presence(contact)

            with suppress(OutputClosed):  # nobody reads stdout any more: a quiet end
                anyio.run(stop_on_signals, follow, backend="asyncio")
        return
    with client_for(options) as client:
        client.require_account()
        if state in CHAT_STATES:
            assert target is not None
            anyio.run(client.send_chat_state, target, state, backend="asyncio")
        else:
            try:
                anyio.run(client.set_presence, state == "available", backend="asyncio")
            except NoPushName:
                fail(NO_PUSH_NAME, ExitCode.NOT_PAIRED)
