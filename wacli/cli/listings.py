"""`wacli chats` and `wacli contacts`: what the local archive knows, without the network."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from wacli.cli.context import open_archive
from wacli.cli.output import printable, rfc3339, write_lines
from wacli.store.archive import Chat, Contact

JsonOption = Annotated[bool, typer.Option("--json", help="NDJSON rows instead of lines.")]


def chat_row(chat: Chat) -> dict[str, Any]:
    return {
        "jid": chat.jid,
        "name": chat.name,
        "last_message_at": rfc3339(chat.last_message_at),
        "unread_count": chat.unread_count,
        "archived": chat.archived,
        "pinned_at": rfc3339(chat.pinned_at),
        # -1 in the archive means "for ever": null would read as "not muted".
        "muted_until": "forever" if chat.muted_until == -1 else rfc3339(chat.muted_until),
    }


def contact_row(contact: Contact) -> dict[str, Any]:
    return {
        "jid": contact.jid,
        "lid": contact.lid,
        "phone_jid": contact.phone_jid,
        "push_name": contact.push_name,
        "full_name": contact.full_name,
        "first_name": contact.first_name,
        "business_name": contact.business_name,
    }


def _chat_line(chat: Chat) -> str:
    marks = [m for m, on in (("pinned", chat.pinned_at), ("archived", chat.archived)) if on]
    if chat.muted_until:
        marks.append("muted")
    when = rfc3339(chat.last_message_at) or "-"
    name = f"  {chat.name}" if chat.name else ""
    extra = f"  [{', '.join(marks)}]" if marks else ""
    return printable(f"{when}  {chat.jid}{name}{extra}")


def _contact_line(contact: Contact) -> str:
    name = contact.full_name or contact.push_name or contact.business_name or ""
    return printable(f"{contact.jid}  {name}".rstrip())


def chats(
    ctx: typer.Context,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many chats.")] = None,
    json: JsonOption = False,
) -> None:
    """List the archived chats: pinned first, then the most recently active."""
    store, archive = open_archive(Path(ctx.obj["store"]))
    try:
        found = archive.chats(limit=limit)
    finally:
        store.close()
    if json:
        write_lines(orjson.dumps(chat_row(c), option=orjson.OPT_APPEND_NEWLINE) for c in found)
    else:
        write_lines(_chat_line(c).encode() + b"\n" for c in found)


def contacts(ctx: typer.Context, json: JsonOption = False) -> None:
    """List the contacts the archive has learnt (push names, address book, LIDs)."""
    store, archive = open_archive(Path(ctx.obj["store"]))
    try:
        found = archive.contacts()
    finally:
        store.close()
    if json:
        write_lines(orjson.dumps(contact_row(c), option=orjson.OPT_APPEND_NEWLINE) for c in found)
    else:
        write_lines(_contact_line(c).encode() + b"\n" for c in found)
