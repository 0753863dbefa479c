"""What every command starts from: the global options, the store, and the one place a
command gets its client (``client_for``).

Bad options end the command with exit 2, a store that was never paired with
exit 3, an unreadable one with exit 1 (README, man/wacli.1: EXIT STATUS).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wacli.cli.exit_codes import ExitCode, fail
from wacli.store import DB_NAME, Store, StoreError
from wacli.store.archive import Archive

if TYPE_CHECKING:
    from wacli.client import events as ev
    from wacli.client.client import Client
    from wacli.client.connection import Endpoint
    from wacli.client.dispatcher import Sink


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


def endpoint(options: dict[str, Any]) -> Endpoint:
    """Server URL, pinned root key and the WhatsApp Web version to announce."""
    # The client is imported by the commands that connect, not by every command.
    from wacli.client.connection import Endpoint, TimingError, configured_timing
    from wacli.client.payload import VersionError, configured_version

    key = root_key(options["noise_root"])
    try:
        version = configured_version()
        timing = configured_timing()
    except (VersionError, TimingError) as exc:
        fail(str(exc), ExitCode.USAGE)
    return Endpoint(options["server"], key, version, timing)


def open_store(options: dict[str, Any], *, paired: bool = True) -> Store:
    """The store; with ``paired`` it must already hold a linked device."""
    directory = Path(options["store"])
    if paired and not (directory / DB_NAME).is_file():
        fail("this store is not paired; run 'wacli pair' first", ExitCode.NOT_PAIRED)
    try:
        return Store(directory)
    except StoreError as exc:
        fail(str(exc), ExitCode.UNEXPECTED)


def open_archive(directory: Path) -> tuple[Store, Archive]:
    """The store for reading its archive; a store never written is not created here."""
    if not (directory / DB_NAME).is_file():
        fail("no archive yet; run wacli pair / wacli listen first", ExitCode.NOT_PAIRED)
    try:
        store = Store(directory)
    except StoreError as exc:
        fail(str(exc), ExitCode.UNEXPECTED)
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
    # The client is imported by the commands that connect, not by every command.
    from wacli.client.client import Client

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
