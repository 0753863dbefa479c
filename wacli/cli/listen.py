"""`wacli listen`: every event as one NDJSON line on stdout, until SIGINT/SIGTERM.

Each line is written and flushed before the stanza it came from is acknowledged
(the dispatcher waits for this sink, and for the flush it leaves to the batch).
``--output FILE`` appends the lines to FILE instead, fsynced before the ack, and reopens
FILE on SIGHUP (wacli.client.event_file.EventFile); a FILE that cannot be written ends listen with
exit 7. Reconnects with backoff (Client.run).
``--type T1,T2`` keeps only those event types; the others are still acknowledged.
``--download-media DIR`` saves each media message's file into DIR after its line, under
the name ``wacli media download --dir`` gives it, and then writes a ``media_saved`` event
with its path (wacli.client.media_files.MediaSaver); a failed download is a warning, never
the end of listen; a DIR that cannot be created ends it with exit 7.
The client wires every feature of listen (Client.listen).
A closed stdout (``wacli listen | head -n1``) ends listen quietly with exit 0: the
event whose line could not be written is not acknowledged, so the server keeps it.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import IO, Annotated, Any

import anyio
import typer

from wacli.cli.context import MediaCaOption, client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.textio import silence_stdout
from wacli.client import events as ev
from wacli.client.beside import run_beside
from wacli.client.dispatcher import Sink, current_batch
from wacli.client.errors import ClientError
from wacli.client.event_file import EventFile, OutputError


class OutputClosed(ClientError):
    """Nobody reads stdout any more: the end of a pipeline, not a failure."""


class LineSink:
    """Writes the events whose type is kept, one line each, flushed before their stanzas
    are acknowledged: the lines of a dispatcher batch (wacli.client.dispatcher) in one
    write when it settles, before its first ack. OutputClosed when the reader went away
    (the events not yet flushed are then not acknowledged)."""

    def __init__(self, out: IO[bytes], keep: frozenset[str] | None) -> None:
        self._out = out
        self._keep = keep
        self._pending: list[bytes] = []  # lines not yet written
        self._closed = False  # once, for good: nothing after is written, nor acknowledged

    async def __call__(self, event: ev.Event) -> None:
        if self._keep is not None and event.type not in self._keep:
            return
        if self._closed:
            raise OutputClosed("stdout was closed")
        self._pending.append(event.line())
        batch = current_batch.get()
        if batch is None or not batch.defer(self.flush):
            await self.flush()

    async def flush(self) -> None:
        """Write and flush the lines kept so far."""
        if self._closed:
            raise OutputClosed("stdout was closed")
        lines, self._pending = self._pending, []
        if not lines:
            return
        try:
            self._out.write(b"".join(lines))
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


async def stop_on_signals(
    main: Callable[[], Awaitable[None]], *beside: Callable[[], Coroutine[Any, Any, None]]
) -> None:
    """Run ``main`` (with ``beside``) until it returns or SIGINT/SIGTERM arrives (then
    return normally)."""
    with (
        anyio.CancelScope() as scope,
        anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals,
    ):

        async def stop() -> None:
            async for _ in signals:
                scope.cancel()
                return

        await run_beside(main, stop, *beside)


def listen(
    ctx: typer.Context,
    type: Annotated[
        str | None, typer.Option("--type", help="Keep only these event types (T1,T2).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            metavar="FILE",
            help="Append the lines to this file (0600), each on disk before its ack; "
            "reopen it by name on SIGHUP.",
        ),
    ] = None,
    download_media: Annotated[
        Path | None,
        typer.Option(
            "--download-media",
            metavar="DIR",
            help="Save the file of each media message into this directory, after its line; "
            "a media_saved event then gives its path.",
        ),
    ] = None,
    media_ca: MediaCaOption = None,
    mark_read: Annotated[
        bool,
        typer.Option(
            "--mark-read",
            help="Mark each incoming message read (blue ticks) once its line is written.",
        ),
    ] = False,
) -> None:
    """Write every event as one NDJSON line on stdout.

    With --output the lines go to that file instead, each on disk before its ack."""

    options = ctx.obj
    try:
        keep = parse_types(type)
    except ValueError as exc:
        fail(str(exc), ExitCode.USAGE)
    ca = None if media_ca is None else str(media_ca)  # media files, snapshots, history
    with client_for(options) as client:
        sink: Sink = LineSink(sys.stdout.buffer, keep)
        beside: list[Callable[[], Coroutine[Any, Any, None]]] = []
        if output is not None:
            try:
                sink = file = EventFile(output, keep)
            except OutputError as exc:
                fail(str(exc), ExitCode.STORE)
            beside.append(file.reopen_on_hangup)
        try:
            run = client.listen(
                sink,
                download_media=download_media,
                media_ca=ca,
                # only what is printed: a message --type leaves out stays unread
                mark_read=mark_read and (keep is None or "message" in keep),
            )
        except OSError as exc:  # only --download-media's directory is created here
            fail(f"cannot create {download_media}: {exc.strerror}", ExitCode.STORE)
        try:
            anyio.run(stop_on_signals, run, *beside, backend="asyncio")
        except OutputClosed:
            return  # exit 0, as after SIGTERM: the reader of the stream has what it wanted
        except OutputError as exc:
            fail(str(exc), ExitCode.STORE)
