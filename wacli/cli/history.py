"""`wacli history`: read the local archive that `listen` and history sync fill.

`wacli history [CHAT]` lists messages and `wacli history backfill CHAT` is a
subcommand. Click groups give their first free word to a subcommand name, so
_HistoryGroup routes `backfill` to its subcommand and everything else to the
listing's own argument and options.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import anyio
import orjson
import typer
from google.protobuf.json_format import MessageToDict
from google.protobuf.message import DecodeError
from typer.core import TyperGroup

from wacli.cli.context import client_for, open_archive
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import printable, rfc3339, write_lines
from wacli.jid import JIDError, to_jid
from wacli.proto import e2e_pb2
from wacli.protocol.history import MAX_ON_DEMAND
from wacli.store.archive import Archive, ArchivedMessage, Reaction


class _HistoryGroup(TyperGroup):
    # Options may follow CHAT (`wacli history +1555... --limit 5`), as in any command.
    allow_interspersed_args = True

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] in self.commands:
            super().parse_args(ctx, [])  # the listing's parameters at their defaults
            ctx._protected_args, ctx.args = args[:1], args[1:]
            return args[1:]
        rest = super().parse_args(ctx, args)
        if ctx._protected_args:  # a second free word: not a subcommand after CHAT
            ctx.fail(f"unexpected extra argument {ctx._protected_args[0]!r}")
        return rest

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        if ctx.command is not self:  # a subcommand's usage line: CHAT is the listing's alone
            return [p for p in params if p.param_type_name != "argument"]
        return params


# More than any archive holds, and far inside SQLite's 64-bit LIMIT.
MAX_LIMIT = 1_000_000_000

history_app = typer.Typer(
    cls=_HistoryGroup,
    help="Read the local message archive (filled by listen and history sync).",
    subcommand_metavar="| backfill CHAT",
    add_completion=False,
)


# -- arguments -------------------------------------------------------------------------------


def chat_jid(text: str) -> str:
    """The archive's key for CHAT (a phone number or a JID); exit 2 when it is neither."""
    try:
        parsed = to_jid(text)
    except JIDError as exc:
        fail(f"not a chat: {exc}", ExitCode.USAGE)
    if parsed.is_server:
        fail(f"not a chat: {text!r} is a server, not a user or group", ExitCode.USAGE)
    return str(parsed.to_non_ad())  # chats are archived by account, not by device


_RFC3339 = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(?:[Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?"
)


def parse_time(text: str) -> int:
    """Unix seconds for --before: RFC 3339 with a zone, or a date (its start, UTC).

    A fractional second rounds up, so `--before 10:00:00.5` still shows 10:00:00.
    """
    match = _RFC3339.fullmatch(text.strip())
    if match is None:
        fail(
            f"--before {text!r} is not a time; use RFC 3339 (2026-11-25T10:00:00Z) or a date "
            "(2026-11-25)",
            ExitCode.USAGE,
        )
    day, clock, fraction, zone = match.groups()
    try:
        if clock is None:
            return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())
        zone = "+00:00" if zone in ("Z", "z") else zone
        moment = datetime.fromisoformat(f"{day}T{clock}{zone}")
    except ValueError as exc:
        fail(f"--before {text!r} is not a valid time: {exc}", ExitCode.USAGE)
    seconds = int(moment.timestamp())
    if fraction and int(fraction[1:]):
        seconds += 1
    return seconds


# -- output ------------------------------------------------------------------------------------


def sender_names(archive: Archive, page: list[ArchivedMessage]) -> dict[str, str]:
    """The names the archive knows for the senders of ``page``: the contact's (address
    book, then push name, then business name), else the newest push name a message of the
    page carried. Senders without a name are left out."""
    names: dict[str, str] = {}
    for message in sorted(page, key=lambda m: m.timestamp):  # the newest push name wins
        if not message.from_me and message.push_name:
            names[message.sender] = message.push_name
    for sender in {m.sender for m in page if not m.from_me}:
        contact = archive.contact(sender)
        if contact is None and sender.endswith("@lid"):
            contact = archive.contact_by_lid(sender)
        if contact is not None:
            known = contact.full_name or contact.push_name or contact.business_name
            if known:
                names[sender] = known
    return names


def plain_line(message: ArchivedMessage, name: str | None = None) -> str:
    """One message as a line: time, chat, who (``Name (JID)`` when a name is known)."""
    who = f"{name} ({message.sender})" if name else message.sender
    if message.from_me:
        who = "me"
    if message.revoked_at is not None:
        body = "[deleted]"
    elif message.text is None:
        body = f"[{message.type}]"
    else:
        body = message.text + (" (edited)" if message.edited_at is not None else "")
    return printable(f"{rfc3339(message.timestamp)}  {message.chat}  {who}: {body}")


def _message_json(raw: bytes | None) -> Any:
    if raw is None:
        return None
    try:
        return MessageToDict(e2e_pb2.Message.FromString(raw), preserving_proto_field_name=True)
    except DecodeError:
        return None  # archived from a newer or damaged body: the text columns still stand


def json_row(
    message: ArchivedMessage, reactions: list[Reaction], sender_name: str | None = None
) -> dict[str, Any]:
    return {
        "id": message.id,
        "chat": message.chat,
        "sender": message.sender,
        "sender_name": sender_name,
        "is_from_me": message.from_me,
        "timestamp": rfc3339(message.timestamp),
        "push_name": message.push_name,
        "type": message.type,
        "text": message.text,
        "message": _message_json(message.raw),
        "reply_to": message.reply_to,
        "edited_at": rfc3339(message.edited_at),
        "revoked_at": rfc3339(message.revoked_at),
        "reactions": [
            {"sender": r.sender, "emoji": r.emoji, "timestamp": rfc3339(r.timestamp)}
            for r in reactions
        ],
    }


# -- the commands ------------------------------------------------------------------------------


@history_app.callback(invoke_without_command=True)
def history(
    ctx: typer.Context,
    chat: Annotated[
        str | None,
        typer.Argument(
            help="Phone number or JID; all chats when absent.", metavar="CHAT", show_default=False
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option(min=1, max=MAX_LIMIT, help="How many messages (newest).")
    ] = 20,
    before: Annotated[
        str | None,
        typer.Option(help="Only messages before this time (RFC 3339 or a date).", metavar="TIME"),
    ] = None,
    search: Annotated[
        str | None, typer.Option(help="Only messages holding all these words.", metavar="WORDS")
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="NDJSON rows instead of lines.")] = False,
) -> None:
    """Read the local message archive (filled by listen and history sync)."""
    if ctx.invoked_subcommand is not None:
        return
    key = chat_jid(chat) if chat is not None else None
    before_s = parse_time(before) if before is not None else None
    store, archive = open_archive(Path(ctx.obj["store"]))
    try:
        if search is not None:
            page = archive.search(search, chat=key, limit=limit, before=before_s)
        else:
            page = archive.messages(key, limit=limit, before=before_s)
        page.reverse()  # oldest first, like a chat log
        names = sender_names(archive, page)
        if json:
            lines = _json_lines(archive, page, names)
        else:
            lines = [plain_line(m, names.get(m.sender)).encode() + b"\n" for m in page]
    finally:
        store.close()
    write_lines(lines)


def _json_lines(
    archive: Archive, page: list[ArchivedMessage], names: dict[str, str]
) -> list[bytes]:
    reactions: dict[tuple[str, str], list[Reaction]] = {}
    for chat in {m.chat for m in page}:
        found = archive.reactions(chat, [m.id for m in page if m.chat == chat])
        for message_id, those in found.items():
            reactions[(chat, message_id)] = those
    return [
        orjson.dumps(
            json_row(
                message,
                reactions.get((message.chat, message.id), []),
                None if message.from_me else names.get(message.sender),
            ),
            option=orjson.OPT_APPEND_NEWLINE,
        )
        for message in page
    ]


# How long backfill waits for the phone's answer (seconds); WACLI_BACKFILL_TIMEOUT overrides.
BACKFILL_TIMEOUT = 60.0


@history_app.command()
def backfill(
    ctx: typer.Context,
    chat: Annotated[str, typer.Argument(help="Phone number or JID.", metavar="CHAT")],
    count: Annotated[
        int, typer.Option(min=1, max=MAX_ON_DEMAND, help="How many older messages to ask for.")
    ] = 50,
    json: Annotated[bool, typer.Option("--json", help="A JSON object instead of a line.")] = False,
) -> None:
    """Ask the phone for older messages of CHAT (needs the network)."""
    key = chat_jid(chat)
    with client_for(ctx.obj) as client:
        try:
            timeout = float(os.environ.get("WACLI_BACKFILL_TIMEOUT") or BACKFILL_TIMEOUT)
        except ValueError:
            fail("WACLI_BACKFILL_TIMEOUT must be a number of seconds", ExitCode.USAGE)
        client.require_account()
        from wacli.cli.progress import Progress  # not for the listing, which reads only

        with Progress(f"asking the phone for {count} older messages of {key}"):
            done = anyio.run(client.backfill, key, count, timeout, backend="asyncio")
    received, added = done.received, done.added
    if json:
        line = {"chat": key, "requested": count, "received": received, "added": added}
        write_lines([orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE)])
    else:
        write_lines([f"{added} messages added to {key} ({received} sent by the phone)\n".encode()])
