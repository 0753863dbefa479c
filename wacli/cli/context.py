"""What every command starts from: the global options, the store, and the one place a
command gets its client (``client_for``).

Bad options end the command with exit 2, a store that was never paired with
exit 3, one that cannot be used (permissions, not a directory, a damaged database)
with exit 7 and a line naming the path (README, man/wacli.1: EXIT STATUS).

``perform`` is how a command that sends gets its operation done: by the running
``listen`` when one serves the store, else by a client of its own. The store and the
client are imported only by the functions that use them: a send through ``listen``
loads neither (README "Performance").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from wacli.cli.exit_codes import ExitCode, fail

if TYPE_CHECKING:
    from wacli.client import events as ev
    from wacli.client.client import Client
    from wacli.client.connection import Endpoint
    from wacli.client.dispatcher import Sink
    from wacli.client.operations import Operation, Sent, Warn
    from wacli.client.timing import Timing
    from wacli.store import Store, StoreError
    from wacli.store.archive import Archive


async def discard(event: ev.Event) -> None:
    """The event sink of the commands that print only their result (all but listen)."""
    del event


def root_key(text: str) -> bytes:
    """The --noise-root key: exactly 32 bytes as 64 hex digits."""
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        fail(
            "--noise-root / WACLI_NOISE_ROOT must be 64 hexadecimal digits (a 32-byte key)",
            ExitCode.USAGE,
        )
    return key


def timing() -> Timing:
    """The waits for the server (WACLI_TIMEOUT; exit 2 when it is not a number of seconds)."""
    from wacli.client.timing import TimingError, configured_timing

    try:
        return configured_timing()
    except TimingError as exc:
        fail(str(exc), ExitCode.USAGE)


def endpoint(options: dict[str, Any]) -> Endpoint:
    """Server URL, pinned root key and the WhatsApp Web version to announce."""
    # The client is imported by the commands that connect, not by every command.
    from wacli.client.connection import Endpoint
    from wacli.client.payload import VersionError, configured_version

    key = root_key(options["noise_root"])
    waits = timing()
    try:
        version = configured_version()
    except VersionError as exc:
        fail(str(exc), ExitCode.USAGE)
    return Endpoint(options["server"], key, version, waits)


def store_failure(exc: StoreError) -> NoReturn:
    """End the command for a store that cannot be used (exit 7; 1 when no file is at fault)."""
    fail(str(exc), ExitCode.STORE if exc.unusable else ExitCode.UNEXPECTED)


_in_use: list[Path] = []


def store_in_use() -> Path | None:
    """The database this command opened, to name it when SQLite fails later (wacli.cli.app)."""
    return _in_use[-1] if _in_use else None


def _open(directory: Path, *, read_only: bool) -> Store:
    """The store; ``read_only`` when the command only reads, so that a store this user may
    not write still serves it (one that needs migrating is opened for writing instead)."""
    from wacli.store import DB_NAME, Store, StoreError

    _in_use.append(directory / DB_NAME)
    try:
        if read_only:
            try:
                return Store(directory, read_only=True)
            except StoreError as exc:
                if exc.kind != "read_only":
                    raise
        return Store(directory)
    except StoreError as exc:
        store_failure(exc)


def _database(directory: Path) -> Path | None:
    """The store's database file, None when it was never created (exit 7 for a path that
    cannot hold a store: never taken for a new, empty one)."""
    from wacli.store import DB_NAME, StoreError
    from wacli.store.problems import existing_database

    try:
        return existing_database(directory, DB_NAME)
    except StoreError as exc:
        store_failure(exc)


def open_store(options: dict[str, Any], *, paired: bool = True, read_only: bool = False) -> Store:
    """The store; with ``paired`` it must already hold a linked device; ``read_only`` when
    the command only reads it."""
    directory = Path(options["store"])
    if _database(directory) is None and (paired or read_only):
        fail("this store is not paired; run 'wacli pair' first", ExitCode.NOT_PAIRED)
    return _open(directory, read_only=read_only)


def open_archive(directory: Path, *, read_only: bool = True) -> tuple[Store, Archive]:
    """The store for its archive, read-only unless the command also connects (a login
    writes); a store never written is not created."""
    from wacli.store.archive import Archive

    if _database(directory) is None:
        fail("no archive yet; run wacli pair / wacli listen first", ExitCode.NOT_PAIRED)
    store = _open(directory, read_only=read_only)
    return store, Archive(store)


# --media-ca, for every command that uploads or downloads media.
MediaCaOption = Annotated[
    Path | None,
    typer.Option(
        "--media-ca",
        envvar="WACLI_MEDIA_CA",
        help="A CA file (PEM) the media server's TLS certificate must chain to (e.g. the "
        "sandbox's media_ca); the system's trust store otherwise.",
    ),
]


def client_of(server: Endpoint, store: Store, sink: Sink = discard) -> Client:
    """The client of every command (wacli.client.client.Client): the one place the CLI
    makes one. ``server``: ``endpoint(options)``; ``store``: open."""
    from wacli.cli.collector import started

    # The client is imported by the commands that connect, not by every command.
    from wacli.client.client import Client

    started()  # what the command runs is loaded now
    return Client(store, server, sink)


@contextmanager
def client_for(
    options: dict[str, Any], sink: Sink = discard, *, paired: bool = True
) -> Iterator[Client]:
    """The client on the store the options name, open for the ``with`` block (see
    ``open_store`` for ``paired``); the options are read before the store is opened."""
    server = endpoint(options)
    store = open_store(options, paired=paired)
    try:
        yield client_of(server, store, sink)
    finally:
        store.close()


def perform(options: dict[str, Any], operation: Operation, warn: Warn) -> Sent:
    """Have ``operation`` done (wacli.client.operations): by the ``listen`` serving this
    store when one runs (this process then loads no client: wacli.client.relay_perform),
    else by a client of its own, logged in for it. The listener's warnings go to ``warn``."""
    from wacli.client.relay_perform import hand_over

    root_key(options["noise_root"])  # bad options are exit 2 whoever performs it
    handed = hand_over(Path(options["store"]), operation, timing())
    if handed is not None:
        sent, warnings = handed
        for line in warnings:
            warn(line)
        return sent
    import anyio

    with client_for(options) as client:
        client.require_account()
        return anyio.run(client.perform, operation, warn, backend="asyncio")
