"""`wacli media download CHAT ID`: the file of an archived media message, checked and saved.

The archive keeps every message's body, and a media message's body says where its
encrypted file lies (``url`` / ``direct_path``), its media key and both SHA-256s. The
file is fetched over HTTPS (``--media-ca`` / WACLI_MEDIA_CA: the CA to trust instead of
the system's, e.g. the sandbox's ``media_ca``), its MAC and hashes verified, and only
then written: to a temporary file beside the target, mode 0600, renamed into place, so
the target is either the whole checked file or not there at all. Only a message that
names no ``url`` makes the command connect (through a running ``listen`` when there is
one) to ask media_conn for the hosts of its ``direct_path``.

The file goes to ``-o PATH``, or into ``--dir DIR`` (default: the current directory)
under the document's own file name, else ``<ID><extension of its MIME type>``. An
existing file is never overwritten without ``--force``. stdout gets the path, or with
``--json`` ``{"path", "mimetype", "size", "sha256"}`` (sha256 in hex).

Exit codes: 2 — CHAT is no chat, ID is not in the archive of CHAT, the message carries
no file (not media, or deleted), or the target exists (without ``--force``) or is a
directory; 3 — no archive, or not paired when a connection is needed; 4 — the media
server cannot be reached or its certificate does not verify; 5 — it did not answer in
time, or our phone did not upload an expired file again within 60 s; 6 — it refused
the file (404 even after our phone was asked to upload it again: wacli.client.media_retry)
or served bytes that fail the MAC or SHA-256 check (a wrong media key, a tampered body or
file): nothing is written then, and retrying will not help; 7 — the directory cannot be
created or the file cannot be written there (README "Exit codes").

``wacli listen --download-media DIR`` names and writes its files the same way
(wacli.client.media_files). On a terminal, stderr shows the download's progress
(wacli.cli.progress).
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated

import anyio
import orjson
import typer
from google.protobuf.message import DecodeError

from wacli.cli.context import MediaCaOption, client_of, endpoint, open_archive
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.history import chat_jid
from wacli.client.media import MediaFailure, MessageFile, message_file
from wacli.client.media_files import default_name, write_private
from wacli.proto import e2e_pb2
from wacli.store import Store
from wacli.store.archive import Archive

media_app = typer.Typer(
    help="Media files of archived messages.", no_args_is_help=True, add_completion=False
)


# -- fetching ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Saved:
    path: Path
    mimetype: str
    data: bytes

    def json(self) -> bytes:
        return orjson.dumps(
            {
                "path": str(self.path),
                "mimetype": self.mimetype,
                "size": len(self.data),
                "sha256": hashlib.sha256(self.data).hexdigest(),
            }
        )


def _archived_file(store: Store, chat: str, message_id: str) -> MessageFile:
    found = Archive(store).message(chat, message_id)
    if found is None:
        fail(
            f"message {message_id!r} is not in the archive of {chat} "
            "('wacli history CHAT --json' lists the ids)",
            ExitCode.USAGE,
        )
    if found.revoked_at is not None or found.raw is None:
        fail(f"message {message_id!r} was deleted: it has no file any more", ExitCode.USAGE)
    try:
        media = message_file(e2e_pb2.Message.FromString(found.raw))
    except DecodeError:
        media = None
    if media is None:
        fail(f"message {message_id!r} is a {found.type} message, not media", ExitCode.USAGE)
    return media


def _target(output: Path | None, directory: Path | None, name: str, force: bool) -> Path:
    if output is not None:
        target = output
        if target.is_dir():
            fail(f"{target} is a directory; use --dir {target}", ExitCode.USAGE)
    else:
        folder = directory if directory is not None else Path.cwd()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"cannot create {folder}: {exc.strerror}", ExitCode.STORE)
        target = folder / name
    if not force and (target.exists() or target.is_symlink()):
        fail(f"{target} exists; use --force to overwrite it", ExitCode.USAGE)
    return Path(os.path.abspath(target))


@media_app.command("download")
def download_command(
    ctx: typer.Context,
    chat: Annotated[str, typer.Argument(metavar="CHAT", help="Phone number or JID of the chat.")],
    id: Annotated[str, typer.Argument(metavar="ID", help="The message's id.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the file here.")
    ] = None,
    directory: Annotated[
        Path | None,
        typer.Option("--dir", help="Write into this directory under the message's file name."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    media_ca: MediaCaOption = None,
    json: Annotated[
        bool, typer.Option("--json", help='Print {"path","mimetype","size","sha256"}.')
    ] = False,
) -> None:
    """Download, check and save the file of an archived media message."""
    if output is not None and directory is not None:
        fail("use either -o PATH or --dir DIR", ExitCode.USAGE)
    key = chat_jid(chat)
    options = ctx.obj
    store, _ = open_archive(Path(options["store"]), read_only=False)  # it may log in
    try:
        media = _archived_file(store, key, id)
        target = _target(output, directory, default_name(id, media), force)
        client = client_of(endpoint(options), store)
        ca = None if media_ca is None else str(media_ca)
        from wacli.cli.progress import Progress  # the http client comes with it

        try:
            with Progress(f"downloading {target.name}"):
                # An expired file is asked of our phone again (wacli.client.media_retry).
                fetch = partial(client.download_media, media, ca, chat=key, message_id=id)
                data = anyio.run(fetch, backend="asyncio")
        except MediaFailure as exc:  # MAC / hash mismatch, unusable media_conn
            fail(str(exc), ExitCode.REFUSED)
    finally:
        store.close()
    try:
        write_private(target, data, force=force)
    except FileExistsError:
        fail(f"{target} exists; use --force to overwrite it", ExitCode.USAGE)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror}", ExitCode.STORE)
    saved = Saved(target, media.ref.mimetype, data)
    sys.stdout.buffer.write((saved.json() if json else str(target).encode()) + b"\n")
    sys.stdout.flush()
