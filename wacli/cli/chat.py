"""`wacli chat`: change a chat's settings on every device, as WhatsApp Web does.

wacli chat pin|unpin JID
wacli chat mute JID [--for 8h|1w|forever]     (default 8h)
wacli chat unmute JID
wacli chat archive|unarchive JID
wacli chat read|unread JID
wacli chat star|unstar JID ID
wacli chat delete-for-me JID ID                (this device's archive and our others)
wacli chat disappearing JID 24h|7d|90d|off     (for everyone in the chat)

Each writes one app-state patch (wacli.client.appstate_write), stores the new state,
updates the archive's chat row (what `wacli chats` lists) and prints one line, or with
--json one object: {"jid", "action", "collection", "version"} and, for mute,
"muted_until" (RFC 3339, null when for ever) and "forever"; for a message, "id".
``disappearing`` is no app state: it tells the chat (wacli.client.disappearing) and
prints "disappearing messages 7d in JID" or {"jid", "action", "seconds", "id"} (the id of
the message that told a 1:1 chat; null for a group, whose server keeps the timer).
A message must be in the archive (whether it is ours and, in a group, who wrote it
are part of WhatsApp's key): exit 2 when it is not.

Exit codes: 2 bad JID or duration; 3 not paired, or no app-state key from the phone
yet (it shares one after linking or when app state is first used: let `wacli listen`
run until it arrives); 6 the server refused the patch.
"""

from __future__ import annotations

import re
from typing import Annotated

import anyio
import orjson
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import rfc3339, write_lines
from wacli.cli.send import recipient
from wacli.client.appstate_write import FOREVER, NoAppStateKey, UnknownMessage, Written
from wacli.jid import JID, JIDError
from wacli.protocol.disappearing import TIMERS

chat_app = typer.Typer(
    help="Change a chat or its messages: pin, mute, archive, read, disappearing, star, delete.",
    no_args_is_help=True,
    add_completion=False,
)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_DURATION = re.compile(r"([1-9][0-9]{0,9})([smhdw])")
MAX_MUTE = 10 * 365 * 86400  # longer than this is what "forever" is for
DONE = {
    "pin": "pinned",
    "unpin": "unpinned",
    "mute": "muted",
    "unmute": "unmuted",
    "archive": "archived",
    "unarchive": "unarchived",
    "read": "marked read",
    "unread": "marked unread",
    "star": "starred",
    "unstar": "unstarred",
    "delete-for-me": "deleted for me",
}

JidArgument = Annotated[
    str, typer.Argument(help="Phone number or JID of the chat (user or group).", metavar="JID")
]
IdArgument = Annotated[str, typer.Argument(help="The message's id.", metavar="ID")]
JsonOption = Annotated[bool, typer.Option("--json", help="A JSON object instead of a line.")]


def mute_seconds(text: str) -> int | None:
    """``--for``: 30m, 8h, 1w, … as seconds, or None for ``forever``; ValueError else."""
    if text.strip().lower() == "forever":
        return None
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"--for {text!r}: give a duration such as 30m, 8h, 2d, 1w, or forever")
    seconds = int(match[1]) * _UNITS[match[2]]
    if seconds > MAX_MUTE:
        raise ValueError(f"--for {text!r} is over ten years: use 'forever'")
    return seconds


def chat_jid(text: str) -> JID:
    try:
        return recipient(text).to_non_ad()
    except JIDError as exc:
        fail(f"not a chat: {exc}", ExitCode.USAGE)


def _print(written: Written, as_json: bool) -> None:
    change = written.change
    until = None
    if change.mute_end is not None and change.mute_end != FOREVER:
        until = rfc3339(change.mute_end // 1000)
    if as_json:
        doc: dict[str, object] = {
            "jid": change.jid,
            "action": change.action,
            "collection": change.collection,
            "version": written.version,
        }
        if change.mute_end is not None:
            doc["muted_until"] = until
            doc["forever"] = change.mute_end == FOREVER
        if change.message_id is not None:
            doc["id"] = change.message_id
        write_lines([orjson.dumps(doc) + b"\n"])
        return
    line = f"{DONE[change.action]} {change.jid}"
    if change.message_id is not None:
        line = f"{DONE[change.action]} {change.message_id} in {change.jid}"
    if change.mute_end is not None:
        line += " forever" if until is None else f" until {until}"
    write_lines([line.encode() + b"\n"])


def _run(
    ctx: typer.Context,
    action: str,
    text: str,
    as_json: bool,
    mute_for: int | None = None,
    message_id: str | None = None,
) -> None:
    """Write one change: to the chat, or with ``message_id`` to one of its messages."""
    jid = chat_jid(text)
    with client_for(ctx.obj) as client:
        client.require_account()
        try:
            if message_id is None:
                written = anyio.run(client.change_chat, action, jid, mute_for, backend="asyncio")
            else:
                change = client.change_message
                written = anyio.run(change, action, jid, message_id, backend="asyncio")
        except UnknownMessage as exc:
            fail(str(exc), ExitCode.USAGE)
        except NoAppStateKey as exc:
            fail(str(exc), ExitCode.NOT_PAIRED)
    _print(written, as_json)


@chat_app.command()
def pin(ctx: typer.Context, jid: JidArgument, json: JsonOption = False) -> None:
    """Pin the chat."""
    _run(ctx, "pin", jid, json)


@chat_app.command()
def unpin(ctx: typer.Context, jid: JidArgument, json: JsonOption = False) -> None:
    """Unpin the chat."""
    _run(ctx, "unpin", jid, json)


@chat_app.command()
def mute(
    ctx: typer.Context,
    jid: JidArgument,
    for_: Annotated[
        str,
        typer.Option("--for", help="How long: 30m, 8h, 2d, 1w, … or forever.", metavar="DURATION"),
    ] = "8h",
    json: JsonOption = False,
) -> None:
    """Mute the chat's notifications (8 hours unless --for says otherwise)."""
    try:
        seconds = mute_seconds(for_)
    except ValueError as exc:
        fail(str(exc), ExitCode.USAGE)
    _run(ctx, "mute", jid, json, seconds)


@chat_app.command()
def unmute(ctx: typer.Context, jid: JidArgument, json: JsonOption = False) -> None:
    """Unmute the chat."""
    _run(ctx, "unmute", jid, json)


@chat_app.command()
def archive(ctx: typer.Context, jid: JidArgument, json: JsonOption = False) -> None:
    """Archive the chat (this also unpins it)."""
    _run(ctx, "archive", jid, json)


@chat_app.command()
def unarchive(ctx: typer.Context, jid: JidArgument, json: JsonOption = False) -> None:
    """Move the chat out of the archive."""
    _run(ctx, "unarchive", jid, json)


@chat_app.command()
def read(ctx: typer.Context, jid: JidArgument, json: JsonOption = False) -> None:
    """Mark the chat read."""
    _run(ctx, "read", jid, json)


@chat_app.command()
def unread(ctx: typer.Context, jid: JidArgument, json: JsonOption = False) -> None:
    """Mark the chat unread."""
    _run(ctx, "unread", jid, json)


@chat_app.command()
def star(ctx: typer.Context, jid: JidArgument, id: IdArgument, json: JsonOption = False) -> None:
    """Star a message of the chat."""
    _run(ctx, "star", jid, json, message_id=id)


@chat_app.command()
def unstar(ctx: typer.Context, jid: JidArgument, id: IdArgument, json: JsonOption = False) -> None:
    """Unstar a message of the chat."""
    _run(ctx, "unstar", jid, json, message_id=id)


@chat_app.command("delete-for-me")
def delete_for_me(
    ctx: typer.Context, jid: JidArgument, id: IdArgument, json: JsonOption = False
) -> None:
    """Delete a message for me: gone from this archive and from our other devices."""
    _run(ctx, "delete-for-me", jid, json, message_id=id)


@chat_app.command()
def disappearing(
    ctx: typer.Context,
    jid: JidArgument,
    timer: Annotated[str, typer.Argument(help="24h, 7d, 90d or off.", metavar="TIMER")],
    json: JsonOption = False,
) -> None:
    """Turn disappearing messages on (24h, 7d, 90d) or off for everyone in a chat."""
    seconds = TIMERS.get(timer.strip().lower())
    if seconds is None:
        fail(f"disappearing {timer!r}: give 24h, 7d, 90d or off", ExitCode.USAGE)
    chat = chat_jid(jid)
    with client_for(ctx.obj) as client:
        client.require_account()
        sent = anyio.run(client.set_disappearing, chat, seconds, backend="asyncio")
    if json:
        doc = {
            "jid": str(chat),
            "action": "disappearing",
            "seconds": seconds,
            "id": None if sent is None else sent.id,
        }
        write_lines([orjson.dumps(doc) + b"\n"])
        return
    line = f"disappearing messages {timer.strip().lower()} in {chat}\n"
    write_lines([line.encode()])
