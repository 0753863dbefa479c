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
no file (not media, or deleted), or the target exists or cannot be written; 3 — no
archive, or not paired when a connection is needed; 4 — the media server cannot be
reached or its certificate does not verify; 5 — it did not answer in time; 6 — it
refused the file (e.g. 404: expired) or served bytes that fail the MAC or SHA-256 check
(a wrong media key, a tampered body or file): nothing is written then, and retrying
will not help.

``MediaSaver`` is the same for ``wacli listen --download-media DIR``: each media
message's file is saved after its ``message`` line is written.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import mimetypes
import os
import sys
import tempfile
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import anyio
import orjson
import typer
from google.protobuf.message import DecodeError

from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.history import chat_jid
from wacli.cli.session import MediaCaOption, discard, endpoint, open_archive
from wacli.client import events as ev
from wacli.client.client import Client
from wacli.client.errors import ClientError
from wacli.client.media import (
    MediaFailure,
    MessageFile,
    download,
    media_hosts,
    message_file,
)
from wacli.proto import e2e_pb2
from wacli.store import Store
from wacli.store.archive import Archive

log = logging.getLogger(__name__)

media_app = typer.Typer(
    help="Media files of archived messages.", no_args_is_help=True, add_completion=False
)

# Extensions for the MIME types WhatsApp clients send; others ask the mimetypes module.
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "video/mp4": ".mp4",
    "video/3gpp": ".3gp",
    "audio/ogg": ".ogg",
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/aac": ".aac",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
}
_MAX_NAME_BYTES = 200  # well inside the usual 255-byte file-name limit, room for a suffix


# -- names and files -------------------------------------------------------------------------


def extension(mimetype: str) -> str:
    """The file extension for a MIME type (parameters ignored); ``.bin`` when unknown."""
    base = mimetype.split(";", 1)[0].strip().lower()
    return _EXTENSIONS.get(base) or mimetypes.guess_extension(base) or ".bin"


def safe_name(text: str) -> str:
    """A name from the network made safe to create in a directory: its last path part,
    control characters replaced, no leading dots (no hidden file, no ``..``), bounded in
    length with its extension kept; empty when nothing usable is left."""
    name = text.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join("_" if unicodedata.category(c)[0] == "C" else c for c in name)
    name = name.strip().lstrip(".").strip()
    if len(name.encode()) > _MAX_NAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        ext = dot + ext if dot and 0 < len(ext.encode()) <= 16 else ""
        stem = name[: len(name) - len(ext)] if ext else name
        while len((stem + ext).encode()) > _MAX_NAME_BYTES:
            stem = stem[:-1]
        name = stem + ext
    return name


def default_name(message_id: str, media: MessageFile) -> str:
    """The document's own file name, else the message id and the MIME type's extension."""
    if media.file_name and (name := safe_name(media.file_name)):
        return name
    return (safe_name(message_id) or "media") + extension(media.ref.mimetype)


def write_private(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``target`` mode 0600, all or nothing: a temporary file in the same
    directory is filled, synced and then linked (or with ``force`` renamed) into place.
    FileExistsError when ``target`` exists and not ``force``; no temporary file is left."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".wacli-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), 0o600)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(temporary, target)
            return
        try:
            os.link(temporary, target)  # atomic and never replaces: a race cannot clobber
        except OSError as exc:  # FileExistsError goes on; other errors: no hard links here?
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            if target.exists() or target.is_symlink():  # no hard links here: check, rename
                raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
            os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


# -- fetching ----------------------------------------------------------------------------------


async def fetch(
    media: MessageFile,
    *,
    media_ca: str | None,
    client: Callable[[], Client] | None = None,
) -> bytes:
    """The checked file; asks media_conn for hosts (via ``client``) only when the message
    gives no https ``url`` to take it from."""
    ref = media.ref
    if ref.url.startswith("https://") or client is None:
        return await download(ref, media_ca=media_ca)
    async with client().session() as conn:
        hosts = await media_hosts(conn)
    return await download(ref, media_ca=media_ca, hosts=hosts)


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
            fail(f"cannot create {folder}: {exc.strerror}", ExitCode.USAGE)
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
    store, _ = open_archive(Path(options["store"]))
    try:
        media = _archived_file(store, key, id)
        target = _target(output, directory, default_name(id, media), force)

        def client() -> Client:
            return Client(store, endpoint(options), discard)

        ca = None if media_ca is None else str(media_ca)
        try:
            data = anyio.run(lambda: fetch(media, media_ca=ca, client=client), backend="asyncio")
        except MediaFailure as exc:  # MAC / hash mismatch, unusable media_conn
            fail(str(exc), ExitCode.REFUSED)
    finally:
        store.close()
    try:
        write_private(target, data, force=force)
    except FileExistsError:
        fail(f"{target} exists; use --force to overwrite it", ExitCode.USAGE)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror}", ExitCode.USAGE)
    saved = Saved(target, media.ref.mimetype, data)
    sys.stdout.buffer.write((saved.json() if json else str(target).encode()) + b"\n")
    sys.stdout.flush()


# -- listen --download-media -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    message_id: str
    media: MessageFile


class MediaSaver:
    """Saves the file of each media message ``listen`` writes, into one directory.

    ``wrap_sink`` queues a message's file only after the wrapped sink has written its
    line; ``run`` downloads them beside listen in one task group (no task outlives it).
    A file is named ``<ID><ext>`` or ``<ID>-<document name>``, so a redelivered message
    finds its file already there and is skipped. A failed download is a warning on
    stderr; it never ends listen. Messages that name no https ``url`` are skipped too.
    """

    QUEUE = 256  # files waiting; beyond that one is dropped with a warning, never a stall

    def __init__(self, directory: Path, media_ca: str | None = None) -> None:
        """Creates ``directory`` (0700) if need be; OSError when it cannot."""
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.directory = directory
        self.media_ca = media_ca
        self._send, self._receive = anyio.create_memory_object_stream[_Job](self.QUEUE)

    def wrap_sink(
        self, sink: Callable[[ev.Event], Awaitable[None]]
    ) -> Callable[[ev.Event], Awaitable[None]]:
        async def then_save(event: ev.Event) -> None:
            await sink(event)
            if isinstance(event, ev.MessageEvent) and isinstance(event.message, e2e_pb2.Message):
                media = message_file(event.message)
                if media is not None:
                    try:
                        self._send.send_nowait(_Job(event.info.id, media))
                    except anyio.WouldBlock:
                        log.warning("too many files queued; not saving %s", event.info.id)

        return then_save

    def name(self, job: _Job) -> str:
        stem = safe_name(job.message_id) or "media"
        if job.media.file_name and (given := safe_name(job.media.file_name)):
            return safe_name(f"{stem}-{given}")
        return stem + extension(job.media.ref.mimetype)

    async def run(self, main: Callable[[], Awaitable[None]]) -> None:
        """Run ``main`` (the listener) with the downloads beside it."""
        failure: ClientError | None = None
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._work)
            try:
                await main()
            except ClientError as exc:
                failure = exc  # raised below as itself, for the CLI's exit code (not grouped)
            tg.cancel_scope.cancel()
        if failure is not None:
            raise failure

    async def _work(self) -> None:
        async with self._receive:
            async for job in self._receive:
                await self.save(job)

    async def save(self, job: _Job) -> Path | None:
        target = self.directory / self.name(job)
        if target.exists():
            return None  # a redelivery: saved before
        if not job.media.ref.url.startswith("https://"):
            log.warning("message %s names no https url for its file; not saved", job.message_id)
            return None
        try:
            data = await download(job.media.ref, media_ca=self.media_ca)
            write_private(target, data)
        except FileExistsError:
            return None
        except (ClientError, OSError) as exc:
            log.warning("could not save the file of message %s: %s", job.message_id, exc)
            return None
        return target
