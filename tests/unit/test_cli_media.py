"""wacli media: file names from the network made safe, the all-or-nothing 0600 write, the
file found inside a message's envelopes, a media message quoting another, and listen's
saver queueing a file only after its line was written."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import anyio
import pytest

from wacli.client import events as ev
from wacli.client.errors import NotPairedError
from wacli.client.media import MessageFile, message_file, quote_in
from wacli.client.media_files import (
    MediaSaver,
    default_name,
    extension,
    safe_name,
    saved_names,
    write_private,
)
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.errors import MediaError
from wacli.protocol.media_crypto import encrypt_media
from wacli.protocol.media_message import media_message


def a_media_message(kind: str, mimetype: str, file_name: str | None = None) -> e2e_pb2.Message:
    encrypted = encrypt_media(b"some bytes", kind)
    return media_message(
        kind, encrypted, "https://media.example/f", "/v/f", mimetype, file_name=file_name
    )


# -- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mimetype", "ext"),
    [
        ("image/jpeg", ".jpg"),
        ("IMAGE/PNG", ".png"),
        ("audio/ogg; codecs=opus", ".ogg"),
        ("application/pdf", ".pdf"),
        ("video/mp4", ".mp4"),
        ("application/x-no-such-type", ".bin"),
        ("", ".bin"),
    ],
)
def test_extension_of_a_mimetype(mimetype: str, ext: str) -> None:
    assert extension(mimetype) == ext


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("/abs/path/x.txt", "x.txt"),
        ("..", ""),
        (".hidden", "hidden"),
        ("a\x00b\nc.txt", "a_b_c.txt"),
        ("  spaced .txt  ", "spaced .txt"),
        ("dir/", ""),
        ("ünïcødé 文件.pdf", "ünïcødé 文件.pdf"),
    ],
)
def test_safe_name(given: str, safe: str) -> None:
    assert safe_name(given) == safe


def test_safe_name_bounds_a_long_name_and_keeps_its_extension() -> None:
    name = safe_name("é" * 300 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode()) <= 200
    assert len(safe_name("x" * 1000).encode()) <= 200


def test_default_name() -> None:
    doc = message_file(a_media_message("document", "application/pdf", "../Q3 report.pdf"))
    image = message_file(a_media_message("image", "image/jpeg"))
    assert doc is not None and image is not None
    assert default_name("ABC123", doc) == "Q3 report.pdf"
    assert default_name("ABC123", image) == "ABC123.jpg"
    assert default_name("../..", image) == "media.jpg"  # an id is network input too
    unnamed = MessageFile(doc.ref, "..")
    assert default_name("ID9", unnamed) == "ID9.pdf"
    # listen --download-media: the same name first; a document's name behind its id next.
    assert saved_names("ABC123", doc) == ("Q3 report.pdf", "ABC123-Q3 report.pdf")
    assert saved_names("ABC123", image) == ("ABC123.jpg",)


# -- the write -----------------------------------------------------------------------------


def test_write_private_is_0600_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    write_private(target, b"payload")
    assert target.read_bytes() == b"payload"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_write_private_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    target.write_bytes(b"theirs")
    with pytest.raises(FileExistsError):
        write_private(target, b"ours")
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]
    write_private(target, b"ours", force=True)
    assert target.read_bytes() == b"ours"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_write_private_does_not_follow_a_symlink(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"keep")
    (tmp_path / "link").symlink_to(elsewhere)
    with pytest.raises(FileExistsError):
        write_private(tmp_path / "link", b"ours")
    assert elsewhere.read_bytes() == b"keep"


def test_write_private_failing_midway_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_private(tmp_path / "file.bin", b"payload")
    assert list(tmp_path.iterdir()) == []


def test_write_private_into_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_private(tmp_path / "missing" / "file.bin", b"payload")
    assert list(tmp_path.iterdir()) == []


# -- the file of a message -----------------------------------------------------------------


def test_message_file_looks_inside_envelopes() -> None:
    inner = a_media_message("document", "application/pdf", "a.pdf")
    wrapped = e2e_pb2.Message()
    wrapped.ephemeral_message.message.document_with_caption_message.message.CopyFrom(inner)
    found = message_file(wrapped)
    assert found is not None
    assert found.ref.kind == "document" and found.file_name == "a.pdf"
    assert found.ref.direct_path == "/v/f"
    own = e2e_pb2.Message()
    own.device_sent_message.message.CopyFrom(a_media_message("image", "image/jpeg"))
    image = message_file(own)
    assert image is not None and image.ref.kind == "image" and image.file_name is None


def test_message_file_of_a_video_note() -> None:
    video = a_media_message("video", "video/mp4")
    note = e2e_pb2.Message()
    note.ptv_message.CopyFrom(video.video_message)
    found = message_file(note)
    assert found is not None and found.ref.kind == "video"


def test_message_file_of_what_is_no_media() -> None:
    assert message_file(e2e_pb2.Message(conversation="hi")) is None
    keyless = a_media_message("image", "image/jpeg")
    keyless.image_message.ClearField("media_key")
    assert message_file(keyless) is None
    deep = a_media_message("image", "image/jpeg")
    for _ in range(20):  # nesting beyond any real message is not followed
        outer = e2e_pb2.Message()
        outer.view_once_message.message.CopyFrom(deep)
        deep = outer
    assert message_file(deep) is None


def test_quote_in_a_media_message() -> None:
    message = a_media_message("image", "image/jpeg")
    quoted = e2e_pb2.Message(conversation="the question")
    quote_in(message, "QID", quoted, "15550001111@s.whatsapp.net")
    info = message.image_message.context_info
    assert info.stanza_id == "QID" and info.participant == "15550001111@s.whatsapp.net"
    assert info.quoted_message.conversation == "the question"
    with pytest.raises(MediaError):
        quote_in(e2e_pb2.Message(conversation="text"), "QID")


# -- listen --download-media ---------------------------------------------------------------


def message_event(message_id: str, message: e2e_pb2.Message) -> ev.MessageEvent:
    jid = parse_jid("15550001111@s.whatsapp.net")
    info = ev.MessageInfo(
        id=message_id,
        chat=jid,
        sender=jid,
        is_from_me=False,
        is_group=False,
        is_bot=False,
        timestamp=datetime.now(UTC),
        push_name=None,
        category=None,
    )
    return ev.MessageEvent(info=info, message=message, text=None)


def test_saver_queues_a_file_only_after_its_line(tmp_path: Path) -> None:
    saver = MediaSaver(tmp_path / "saved")
    written: list[str] = []
    queued_when_written: list[int] = []

    async def sink(event: ev.Event) -> None:
        queued_when_written.append(saver._send.statistics().current_buffer_used)
        written.append(event.type)

    async def main() -> None:
        wrapped = saver.wrap_sink(sink)
        await wrapped(message_event("M1", a_media_message("image", "image/jpeg")))
        await wrapped(message_event("M2", e2e_pb2.Message(conversation="text")))
        await wrapped(message_event("M3", a_media_message("document", "x/y", "n.txt")))
        jobs = [saver._receive.receive_nowait() for _ in range(2)]
        assert [saved_names(job.message_id, job.media) for job in jobs] == [
            ("M1.jpg",),
            ("n.txt", "M3-n.txt"),
        ]
        with pytest.raises(anyio.WouldBlock):
            saver._receive.receive_nowait()

    anyio.run(main)
    assert written == ["message"] * 3
    assert queued_when_written == [0, 1, 1]  # nothing of a message queued before its line
    assert stat.S_IMODE((tmp_path / "saved").stat().st_mode) == 0o700


def test_saver_run_ends_with_main_and_raises_its_failure_as_itself(tmp_path: Path) -> None:
    saver = MediaSaver(tmp_path)
    ran: list[bool] = []

    async def main() -> None:
        ran.append(True)

    anyio.run(saver.run, main)  # returns: the worker does not outlive main
    assert ran == [True]

    async def failing() -> None:
        raise NotPairedError("logged out")

    with pytest.raises(NotPairedError):  # not an ExceptionGroup: the CLI maps its exit code
        anyio.run(saver.run, failing)


def test_write_private_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: str, target: str) -> None:
        raise OSError(1, "Operation not permitted")  # as on file systems without hard links

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "file.bin"
    write_private(target, b"first")
    assert target.read_bytes() == b"first"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_private(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_saver_finds_a_redelivered_file_and_steps_past_another_by_its_name(
    tmp_path: Path,
) -> None:
    """A file with the message's SHA-256 is the message's: announced as saved, not fetched
    (the message's url cannot be reached here, so a fetch would fail); a different file
    holding the name sends it to the next name."""
    saver = MediaSaver(tmp_path)

    async def sink(event: ev.Event) -> None:
        pass

    async def saved() -> ev.MediaSaved | None:
        wrapped = saver.wrap_sink(sink)
        await wrapped(message_event("M3", a_media_message("document", "text/plain", "n.txt")))
        return await saver.save(saver._receive.receive_nowait())

    (tmp_path / "n.txt").write_bytes(b"some bytes")  # what a_media_message carries
    found = anyio.run(saved)
    assert found == ev.MediaSaved(
        parse_jid("15550001111@s.whatsapp.net"),
        "M3",
        str(tmp_path / "n.txt"),
        "text/plain",
        10,
        hashlib.sha256(b"some bytes").hexdigest(),
    )
    (tmp_path / "n.txt").write_bytes(b"another file")
    (tmp_path / "M3-n.txt").write_bytes(b"some bytes")
    found = anyio.run(saved)
    assert found is not None and found.path == str(tmp_path / "M3-n.txt")
