"""The files of media messages on disk: their names, an all-or-nothing private write, and
``MediaSaver``, which saves each media message's file for ``wacli listen --download-media
DIR`` (README, man/wacli.1) and tells where in a ``media_saved`` event
(docs/events.schema.json). ``wacli media download`` names and writes its file the same way.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import mimetypes
import os
import tempfile
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import anyio

from wacli.client import events as ev
from wacli.client.beside import run_beside
from wacli.client.dispatcher import Sink
from wacli.client.errors import ClientError
from wacli.client.media import MessageFile, download, message_file
from wacli.proto import e2e_pb2

log = logging.getLogger(__name__)

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


def _given_name(media: MessageFile) -> str:
    return safe_name(media.file_name) if media.file_name else ""


def _id_stem(message_id: str) -> str:
    return safe_name(message_id) or "media"


def default_name(message_id: str, media: MessageFile) -> str:
    """The document's own file name, else the message id and the MIME type's extension."""
    return _given_name(media) or _id_stem(message_id) + extension(media.ref.mimetype)


def saved_names(message_id: str, media: MessageFile) -> tuple[str, ...]:
    """Where ``listen --download-media`` may put a message's file, in order: the name
    ``media download --dir`` gives it (``default_name``), then, for a document whose name
    another file holds already, that name behind the message id."""
    given = _given_name(media)
    if not given:
        return (default_name(message_id, media),)
    return (given, safe_name(f"{_id_stem(message_id)}-{given}"))


def sha256_of(path: Path) -> bytes:
    """The SHA-256 of a file's content, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.digest()


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


# -- listen --download-media -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    chat: ev.Jid
    message_id: str
    media: MessageFile


class MediaSaver:
    """Saves the file of each media message ``listen`` writes, into one directory.

    ``wrap_sink`` queues a message's file only after the wrapped sink has written its
    line; ``run`` downloads them beside listen in one task group (no task outlives it).
    A file gets the name ``wacli media download --dir`` gives it (``saved_names``); once
    it is on disk a ``media_saved`` event names its path. A redelivered message finds its
    file there already (same SHA-256): announced again, not fetched again. A document
    whose name another file holds goes to ``<ID>-<name>``. A failed download is a warning
    on stderr; it never ends listen. Messages that name no https ``url`` are skipped too.
    """

    QUEUE = 256  # files waiting; beyond that one is dropped with a warning, never a stall

    def __init__(self, directory: Path, media_ca: str | None = None) -> None:
        """Creates ``directory`` (0700) if need be; OSError when it cannot."""
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.directory = directory.absolute()
        self.media_ca = media_ca
        self._send, self._receive = anyio.create_memory_object_stream[_Job](self.QUEUE)
        self._sink: Sink | None = None  # where media_saved goes: the sink wrap_sink wraps

    def wrap_sink(self, sink: Sink) -> Sink:
        self._sink = sink

        async def then_save(event: ev.Event) -> None:
            await sink(event)
            if isinstance(event, ev.MessageEvent) and isinstance(event.message, e2e_pb2.Message):
                media = message_file(event.message)
                if media is not None:
                    try:
                        self._send.send_nowait(_Job(event.info.chat, event.info.id, media))
                    except anyio.WouldBlock:
                        log.warning("too many files queued; not saving %s", event.info.id)

        return then_save

    async def run(self, main: Callable[[], Awaitable[None]]) -> None:
        """Run ``main`` (the listener) with the downloads beside it."""
        await run_beside(main, self.work)

    async def work(self) -> None:
        """Download the queued files one after the other (a task beside listen)."""
        async with self._receive:
            async for job in self._receive:
                saved = await self.save(job)
                if saved is not None and self._sink is not None:
                    try:
                        await self._sink(saved)
                    except ClientError as exc:  # stdout closed, FILE unwritable: listen ends
                        log.warning("could not tell where %s went: %s", saved.path, exc)
                        return

    async def save(self, job: _Job) -> ev.MediaSaved | None:
        """Fetch and write the job's file under its first free name (or find it written
        already); None, after a warning, when it cannot be saved."""
        if not job.media.ref.url.startswith("https://"):
            log.warning("message %s names no https url for its file; not saved", job.message_id)
            return None
        data: bytes | None = None
        for name in saved_names(job.message_id, job.media):
            target = self.directory / name
            if target.is_symlink() or target.exists():
                if await self._holds(target, job.media):
                    return self._saved(
                        job, target, target.stat().st_size, job.media.ref.file_sha256
                    )
                continue  # another file by this name: the next name
            try:
                if data is None:
                    data = await download(job.media.ref, media_ca=self.media_ca)
                write_private(target, data)
            except FileExistsError:
                continue  # taken meanwhile
            except (ClientError, OSError) as exc:
                log.warning("could not save the file of message %s: %s", job.message_id, exc)
                return None
            return self._saved(job, target, len(data), hashlib.sha256(data).digest())
        log.warning(
            "message %s: other files hold its names in %s; not saved",
            job.message_id,
            self.directory,
        )
        return None

    @staticmethod
    async def _holds(target: Path, media: MessageFile) -> bool:
        """Whether ``target`` is a regular file with this message's content (its SHA-256)."""
        if target.is_symlink() or not target.is_file() or not media.ref.file_sha256:
            return False
        try:
            found = await anyio.to_thread.run_sync(sha256_of, target)
        except OSError:
            return False
        return found == media.ref.file_sha256

    @staticmethod
    def _saved(job: _Job, target: Path, size: int, sha256: bytes) -> ev.MediaSaved:
        return ev.MediaSaved(
            job.chat, job.message_id, str(target), job.media.ref.mimetype, size, sha256.hex()
        )
