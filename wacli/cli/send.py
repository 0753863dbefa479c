"""`wacli send TO [TEXT]`: one message, exit 0 once the server acknowledged it.

TO is a phone number, a user JID or a group JID (``…@g.us``); TEXT ``-`` or absent
is read from stdin (UTF-8, less its one trailing newline). ``--reply-to ID`` quotes
a message, ``--react EMOJI --id ID`` reacts, ``--edit ID`` replaces the text of one
of our messages, ``--revoke ID`` deletes one for everyone. ``--file PATH`` sends a
file (with ``--caption`` and ``--reply-to`` if wanted; ``--view-once`` for a photo or
video), ``--sticker FILE.webp`` a sticker. ``--poll QUESTION --option A --option B
[--multi N]`` sends a poll, ``--vote ID --option A`` votes on one (wacli.client.polls);
``--location LAT,LON [--name --address]`` a place, ``--contact NAME,PHONE`` or
``--contact-vcard FILE`` a contact card (wacli.client.message_kinds). The id goes to stdout
(``--json``: ``{"id", "to", "timestamp"}``); the client files the message in the
archive (wacli.client.messaging). A sent message whose id stdout cannot take still
exits 0, with a warning on stderr.

What WhatsApp's apps refuse is refused here too (README "Commands", man/wacli.1 send;
the checks are wacli.client.messaging's): exit 2 with one line. An id the archive does
not know cannot be checked (the message may predate the store), so it is sent with a
warning on stderr.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import typer

from wacli.cli.context import MediaCaOption, client_for, perform
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.textio import read_text, write_result
from wacli.client.errors import Unsendable
from wacli.client.operations import (
    Edit,
    Operation,
    React,
    Revoke,
    SendContact,
    SendLocation,
    SendPoll,
    SendText,
    Vote,
)
from wacli.jid import JID, JIDError, parse_jid, phone_to_jid

if TYPE_CHECKING:
    from wacli.client.operations import Sent


def recipient(text: str) -> JID:
    """A phone number or a JID; JIDError when it is neither."""
    if "@" in text:
        jid = parse_jid(text)
        if not (jid.is_user or jid.is_group):
            raise JIDError(f"cannot send to {text!r}: not a user, LID or group JID")
        return jid
    return phone_to_jid(text)


def person(text: str, not_a_person: str) -> JID:
    """A user (phone number, user JID or LID) without its device; exit 2 with one line
    for anything else (``not_a_person``: why a group will not do here)."""
    try:
        jid = recipient(text).to_non_ad()
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    if not jid.is_user:
        fail(not_a_person, ExitCode.USAGE)
    return jid


def _read_file(path: Path) -> bytes:
    """The bytes of a --file (exit 2 when it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", ExitCode.USAGE)


def _coordinates(text: str) -> tuple[float, float]:
    """LAT,LON of --location (exit 2 when it is not two numbers)."""
    try:
        latitude, longitude = (float(part) for part in text.split(","))
    except ValueError:
        fail(f"--location is LAT,LON in degrees, like 52.37,4.89; not {text!r}", ExitCode.USAGE)
    return latitude, longitude


def _person(text: str) -> tuple[str, str]:
    """NAME,PHONE of --contact (the name may hold commas: the last one splits)."""
    name, comma, phone = text.rpartition(",")
    if not comma:
        fail(f"--contact is NAME,PHONE; not {text!r}", ExitCode.USAGE)
    return name, phone


def warn(line: str) -> None:
    """A message went out unchecked (an id the archive does not know): say so on stderr."""
    typer.echo(f"wacli: warning: {line}", err=True)


def _check_kind(
    kinds: Mapping[str, object],
    others: tuple[object, ...],
    helpers: Mapping[str, tuple[object, str]],
) -> None:
    """One kind at a time (``kinds``: flag -> value), each standing alone; the helpers
    (flag -> (value, the kind flags it belongs to, space-separated)) only with their kind."""
    chosen = [flag for flag, value in kinds.items() if value is not None]
    if len(chosen) > 1:
        fail(f"use only one of {', '.join(chosen)}", ExitCode.USAGE)
    if chosen and any(other is not None for other in others):
        fail(
            f"{chosen[0]} stands alone: no TEXT, --file, --react, --edit, --revoke or --reply-to",
            ExitCode.USAGE,
        )
    for flag, (value, owners) in helpers.items():
        if value is not None and not any(owner in chosen for owner in owners.split()):
            fail(f"{flag} is for {' or '.join(owners.split())}", ExitCode.USAGE)


def send(
    ctx: typer.Context,
    to: Annotated[str, typer.Argument(help="Phone number, user JID or group JID.")],
    text: Annotated[str | None, typer.Argument(help="Text; '-' or absent reads stdin.")] = None,
    reply_to: Annotated[
        str | None, typer.Option("--reply-to", help="Quote the message with this id.")
    ] = None,
    react: Annotated[
        str | None, typer.Option("--react", help="React with EMOJI to the message --id.")
    ] = None,
    id: Annotated[str | None, typer.Option("--id", help="The message --react reacts to.")] = None,
    edit: Annotated[
        str | None, typer.Option("--edit", help="Replace the text of our message ID.")
    ] = None,
    revoke: Annotated[
        str | None, typer.Option("--revoke", help="Delete our message ID for everyone.")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Send a file: image, video, audio or document by MIME type."),
    ] = None,
    caption: Annotated[str | None, typer.Option("--caption", help="Caption for --file.")] = None,
    poll: Annotated[
        str | None, typer.Option("--poll", help="Send a poll with this question (--option each).")
    ] = None,
    option: Annotated[
        list[str] | None,
        typer.Option("--option", help="An option of --poll, or one chosen by --vote; repeat."),
    ] = None,
    multi: Annotated[
        int,
        typer.Option("--multi", help="How many options of --poll one may choose (0: any).", min=0),
    ] = 1,
    vote: Annotated[
        str | None,
        typer.Option("--vote", help="Vote on poll ID for --option(s); none takes the vote back."),
    ] = None,
    location: Annotated[
        str | None, typer.Option("--location", help="Send a place: LAT,LON in degrees.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="The place's name (--location).")
    ] = None,
    address: Annotated[
        str | None, typer.Option("--address", help="The place's address (--location).")
    ] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", help="Send a contact card: NAME,PHONE.")
    ] = None,
    contact_vcard: Annotated[
        Path | None, typer.Option("--contact-vcard", help="Send the contact card in a vCard file.")
    ] = None,
    sticker: Annotated[
        Path | None, typer.Option("--sticker", help="Send a WebP file as a sticker.")
    ] = None,
    view_once: Annotated[
        bool, typer.Option("--view-once", help="The photo or video of --file is viewed once.")
    ] = False,
    media_ca: MediaCaOption = None,
    json: Annotated[bool, typer.Option("--json", help='Print {"id","to","timestamp"}.')] = False,
) -> None:
    """Send a message; exits 0 once the server acknowledged it.

    Refuses (exit 2) text over 65,536 characters, an empty file, editing others' messages.
    """

    options = ctx.obj
    try:
        chat = recipient(to).to_non_ad()
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    if sum(x is not None for x in (react, edit, revoke)) > 1:
        fail("use only one of --react, --edit and --revoke", ExitCode.USAGE)
    if (react is None) != (id is None):
        fail("--react EMOJI needs --id ID (and --id is only for --react)", ExitCode.USAGE)
    if file is not None and (text, react, edit, revoke) != (None,) * 4:
        fail(
            "--file goes with --caption and --reply-to only: no TEXT, --react, --edit or --revoke",
            ExitCode.USAGE,
        )
    if caption is not None and file is None:
        fail("--caption is for --file", ExitCode.USAGE)
    choices = option or []
    kinds = {
        "--poll": poll,
        "--vote": vote,
        "--location": location,
        "--contact": contact,
        "--contact-vcard": contact_vcard,
        "--sticker": sticker,
    }
    helpers = {
        "--option": (option, "--poll --vote"),
        "--multi": (None if multi == 1 else multi, "--poll"),
        "--name": (name, "--location"),
        "--address": (address, "--location"),
    }
    _check_kind(kinds, (text, file, react, edit, revoke, reply_to), helpers)
    if view_once and file is None:
        fail("--view-once is for --file", ExitCode.USAGE)
    place = None if location is None else _coordinates(location)
    person = None if contact is None else _person(contact)
    card = None if contact_vcard is None else _read_file(contact_vcard).decode(errors="replace")
    upload = file or sticker
    data, body = b"", ""
    if upload is not None:
        data = _read_file(upload)
    elif react is None and revoke is None and all(kind is None for kind in kinds.values()):
        body = read_text(text)  # stdin less its one trailing newline; UTF-8 or exit 2
        if not body:
            fail("nothing to send: give TEXT or pipe it on stdin", ExitCode.USAGE)

    try:
        if upload is not None:
            sent = _send_file(
                options,
                chat,
                upload,
                data,
                caption=caption,
                reply_to=reply_to,
                media_ca=media_ca,
                sticker=sticker is not None,
                view_once=view_once,
            )
        else:
            operation: Operation
            if place is not None:
                operation = SendLocation(chat, *place, name, address)
            elif person is not None:
                operation = SendContact(chat, *person)
            elif card is not None:
                operation = SendContact(chat, None, None, card)
            elif poll is not None:
                operation = SendPoll(chat, poll, choices, multi)
            elif vote is not None:
                operation = Vote(chat, vote, choices)
            elif react is not None:
                operation = React(chat, id or "", react)
            elif revoke is not None:
                operation = Revoke(chat, revoke)
            elif edit is not None:
                operation = Edit(chat, edit, body)
            else:
                operation = SendText(chat, body, reply_to)
            sent = perform(options, operation, warn)
    except Unsendable as exc:
        fail(str(exc), ExitCode.USAGE)
    if json:
        stamp = datetime.fromtimestamp(sent.timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        line = {"id": sent.id, "to": str(sent.to), "timestamp": stamp}
        result = orjson.dumps(line) + b"\n"
    else:
        result = sent.id.encode() + b"\n"
    write_result(result, f"message {sent.id} was sent")  # exit 0 even if stdout fails


def _send_file(
    options: dict[str, Any],
    chat: JID,
    upload: Path,
    data: bytes,
    *,
    caption: str | None,
    reply_to: str | None,
    media_ca: Path | None,
    sticker: bool,
    view_once: bool,
) -> Sent:
    """A file, uploaded and sent by a client of this process (through listen's connection
    when one runs), with its progress on a terminal's stderr."""
    import anyio

    from wacli.cli.progress import Progress  # a terminal sees the upload go

    ca = None if media_ca is None else str(media_ca)
    with client_for(options) as client:
        client.require_account()
        deliver = partial(
            client.send_file,
            chat,
            upload.name,
            data,
            caption=caption,
            reply_to=reply_to,
            media_ca=ca,
            warn=warn,
            sticker=sticker,
            view_once=view_once,
        )
        with Progress(f"sending {upload.name}"):
            return anyio.run(deliver, backend="asyncio")
