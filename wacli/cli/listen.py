"""`wacli listen`: every event as one NDJSON line on stdout, until SIGINT/SIGTERM.

Each line is written and flushed before the stanza it came from is acknowledged
(the dispatcher waits for this sink). Reconnects with backoff (Client.run).
``--type T1,T2`` keeps only those event types; the others are still acknowledged.
``--download-media DIR`` saves each media message's file into DIR after its line
(wacli.cli.media.MediaSaver); a failed download is a warning, never the end of listen.
A closed stdout (``wacli listen | head -n1``) ends listen quietly with exit 0: the
event whose line could not be written is not acknowledged, so the server keeps it.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import IO, Annotated

import anyio
import typer

from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.media import MediaSaver
from wacli.cli.session import MediaCaOption, endpoint, open_store, own_jids
from wacli.cli.textio import silence_stdout
from wacli.client import events as ev
from wacli.client.appstate import AppStateSync
from wacli.client.calls import handle_call
from wacli.client.client import Client
from wacli.client.errors import ClientError
from wacli.client.group_events import GroupEvents
from wacli.client.history import HistorySyncHook
from wacli.client.notifications import Notifications
from wacli.client.receive import Receiver
from wacli.client.relay import RelayServer
from wacli.client.retry import RetryHandler
from wacli.client.router import default_handler
from wacli.client.usync import remember_addresses


class OutputClosed(ClientError):
    """Nobody reads stdout any more: the end of a pipeline, not a failure."""


class LineSink:
    """Writes the events whose type is kept, one flushed line each; OutputClosed when
    the reader went away (the event is then not acknowledged)."""

    def __init__(self, out: IO[bytes], keep: frozenset[str] | None) -> None:
        self._out = out
        self._keep = keep
        self._closed = False  # once, for good: nothing after is written, nor acknowledged

    async def __call__(self, event: ev.Event) -> None:
        if self._keep is not None and event.type not in self._keep:
            return
        if self._closed:
            raise OutputClosed("stdout was closed")
        try:
            self._out.write(event.line())
            self._out.flush()
        except BrokenPipeError:
            silence_stdout()
            self._closed = True
            raise OutputClosed("stdout was closed") from None


def event_types() -> frozenset[str]:
    """Every event type name the stream can carry."""
    found: set[str] = set()
    pending: list[type] = [ev.Event]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        name = cls.__dict__.get("type")
        if isinstance(name, str):
            found.add(name)
    return frozenset(found)


def parse_types(text: str | None) -> frozenset[str] | None:
    """``--type`` as a set; ValueError naming an unknown type."""
    if text is None:
        return None
    wanted = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(wanted - event_types())
    if unknown or not wanted:
        raise ValueError(
            f"unknown event type {', '.join(unknown) or '(none given)'}; "
            f"known: {', '.join(sorted(event_types()))}"
        )
    return wanted


async def stop_on_signals(main: Callable[[], Awaitable[None]]) -> None:
    """Run ``main`` until it returns or SIGINT/SIGTERM arrives (then return normally)."""
    failure: ClientError | None = None
    with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async with anyio.create_task_group() as tg:

            async def stop() -> None:
                async for _ in signals:
                    tg.cancel_scope.cancel()
                    return

            tg.start_soon(stop)
            try:
                await main()
            except ClientError as exc:
                # Raised from the task group as itself, not wrapped in an ExceptionGroup,
                # so the CLI can map it to its exit code.
                failure = exc
            tg.cancel_scope.cancel()
    if failure is not None:
        raise failure


def listen(
    ctx: typer.Context,
    type: Annotated[
        str | None, typer.Option("--type", help="Keep only these event types (T1,T2).")
    ] = None,
    download_media: Annotated[
        Path | None,
        typer.Option(
            "--download-media",
            metavar="DIR",
            help="Save the file of each media message into this directory, after its line.",
        ),
    ] = None,
    media_ca: MediaCaOption = None,
) -> None:
    """Write every event as one NDJSON line on stdout."""

    options = ctx.obj
    try:
        keep = parse_types(type)
    except ValueError as exc:
        fail(str(exc), ExitCode.USAGE)
    server = endpoint(options)
    store = open_store(options)
    try:
        notes = Notifications(store)
        groups = GroupEvents(store, lambda: own_jids(store))
        ca = None if media_ca is None else str(media_ca)  # media files, snapshots, history
        appstate = AppStateSync(store, lambda event: sink(event), ca)  # sink: made below
        history = HistorySyncHook(store, ca)  # chunks of our phone's history into the archive
        receiver = Receiver(
            store,
            lambda: own_jids(store),
            hooks=[notes.push_names, appstate.on_message, history],
        )
        retry = RetryHandler(store, lambda: own_jids(store), receiver.handle)
        # Other commands on this store use listen's connection through the relay.
        relay = RelayServer(store.directory)
        sink = relay.wrap_sink(LineSink(sys.stdout.buffer, keep))
        saver = None  # --download-media: files saved after their lines, by a task beside listen
        if download_media is not None:
            try:
                saver = MediaSaver(download_media, ca)
            except OSError as exc:
                fail(f"cannot create {download_media}: {exc.strerror}", ExitCode.USAGE)
            sink = saver.wrap_sink(sink)
        client = Client(
            store,
            server,
            sink,
            handlers=[
                remember_addresses(store),
                retry.handle,
                receiver.handle,
                notes.handle,
                groups.handle,
                appstate.handle,
                handle_call,
            ],
            default=default_handler,  # listen takes what is left, as generic events
            on_connect=[
                receiver.attach,  # its delivery receipts follow this connection's presence
                relay.attach,
                groups.attach,
                retry.attach,
                history.attach,  # before app-state's catch-up, which takes a while
                appstate.on_connect,
            ],
            on_disconnect=[relay.disconnected],  # what commands meanwhile are told
        )
        client.require_account()
        main = client.run if saver is None else partial(saver.run, client.run)
        try:
            anyio.run(stop_on_signals, partial(relay.run, main), backend="asyncio")
        except OutputClosed:
            return  # exit 0, as after SIGTERM: the reader of the stream has what it wanted
    finally:
        store.close()
