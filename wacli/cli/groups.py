"""`wacli groups`: the groups we are in, and managing one.

wacli groups [--json]                              # subject, jid, size, our role
wacli groups info JID [--json]                     # metadata and participants with roles
wacli groups create SUBJECT PARTICIPANT... [--json]
wacli groups add|remove|promote|demote JID PARTICIPANT... [--json]
wacli groups subject JID TEXT
wacli groups description JID (TEXT | --delete)
wacli groups leave JID

PARTICIPANT is a phone number or a user JID. A participant change prints one line per
participant; any the server refused (with its code) make the exit status 6. The archive's
chat name follows the subjects seen here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import anyio
import orjson
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import printable, rfc3339, write_lines
from wacli.cli.send import recipient
from wacli.client import groups as g
from wacli.jid import JID, JIDError

if TYPE_CHECKING:
    from wacli.client.client import Client

T = TypeVar("T")

groups_app = typer.Typer(
    help="List the groups we are in, show and manage one.",
    add_completion=False,
)

JsonOption = Annotated[bool, typer.Option("--json", help="JSON instead of lines.")]
GroupArg = Annotated[str, typer.Argument(help="The group's JID (…@g.us).", metavar="JID")]
ParticipantsArg = Annotated[
    list[str], typer.Argument(help="Phone numbers or user JIDs.", metavar="PARTICIPANT")
]

# What the codes a participant change gets back mean (whatsmeow, Baileys, the sandbox).
CODE_MEANING = {
    400: "bad request",
    401: "not authorized",
    403: "not allowed (privacy settings or not an admin)",
    404: "not on WhatsApp or not in the group",
    406: "not acceptable",
    408: "recently left the group",
    409: "already a participant",
    500: "server error",
}


def _group_arg(text: str) -> JID:
    try:
        return g.group_jid(text)
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)


def _participants_arg(texts: Iterable[str]) -> list[JID]:
    found = []
    for text in texts:
        try:
            jid = recipient(text).to_non_ad()
        except JIDError as exc:
            fail(str(exc), ExitCode.USAGE)
        if not jid.is_user:
            fail(f"{text!r} is not a person: give a phone number or a user JID", ExitCode.USAGE)
        found.append(jid)
    return found


def _with_client(ctx: typer.Context, work: Callable[[Client], Awaitable[T]]) -> T:
    """Run ``work`` with the client (it takes the running listen's connection, else logs in)."""
    with client_for(ctx.obj) as client:
        client.require_account()
        return anyio.run(work, client, backend="asyncio")


def _json_lines(rows: Iterable[dict[str, Any]]) -> None:
    write_lines(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE) for row in rows)


def _text_lines(lines: Iterable[str]) -> None:
    write_lines(printable(line).encode() + b"\n" for line in lines)


# -- rows ------------------------------------------------------------------------------------


def listing_row(group: g.Group, own: tuple[JID | None, JID | None]) -> dict[str, Any]:
    return {
        "jid": str(group.jid),
        "subject": group.subject,
        "participant_count": group.size,
        "role": group.role_of(*own),
        "created_at": rfc3339(group.created_at),
    }


def info_row(group: g.Group) -> dict[str, Any]:
    return {
        "jid": str(group.jid),
        "subject": group.subject,
        "creator": str(group.creator) if group.creator else None,
        "created_at": rfc3339(group.created_at),
        "addressing_mode": group.addressing_mode,
        "description": group.description,
        "participant_count": group.size,
        "participants": [
            {"jid": str(m.jid), "phone_jid": str(m.phone) if m.phone else None, "role": m.role}
            for m in group.members
        ],
    }


def result_row(result: g.ParticipantResult) -> dict[str, Any]:
    return {
        "jid": str(result.jid),
        "ok": result.ok,
        "error_code": result.code,
        "error": None if result.code is None else CODE_MEANING.get(result.code, "refused"),
    }


def _info_lines(group: g.Group) -> list[str]:
    lines = [
        f"jid  {group.jid}",
        f"subject  {group.subject}",
        f"creator  {group.creator or '-'}",
        f"created_at  {rfc3339(group.created_at) or '-'}",
        f"description  {group.description or '-'}",
        f"participants  {group.size}",
    ]
    for member in group.members:
        phone = f"  {member.phone}" if member.phone and member.phone != member.jid else ""
        lines.append(f"{member.jid}  {member.role}{phone}")
    return lines


def _result_line(result: g.ParticipantResult) -> str:
    if result.ok:
        return f"{result.jid}  ok"
    return f"{result.jid}  error {result.code}  {CODE_MEANING.get(result.code or 0, 'refused')}"


# -- commands --------------------------------------------------------------------------------


@groups_app.callback(invoke_without_command=True)
def groups(ctx: typer.Context, json: JsonOption = False) -> None:
    """List the groups we are in: JID, participant count, our role and subject."""
    if ctx.invoked_subcommand is not None:
        return

    async def work(client: Client) -> list[dict[str, Any]]:
        found = await client.groups.participating()
        own = client.own_users()
        return [listing_row(group, own) for group in found]

    rows = _with_client(ctx, work)
    if json:
        _json_lines(rows)
    else:
        _text_lines(
            f"{r['jid']}  {r['participant_count']}  {r['role'] or '-'}  {r['subject']}"
            for r in rows
        )


@groups_app.command()
def info(ctx: typer.Context, jid: GroupArg, json: JsonOption = False) -> None:
    """Show a group: subject, creator, creation time, participants with their roles."""
    group_jid = _group_arg(jid)

    async def work(client: Client) -> g.Group:
        return await client.groups.info(group_jid)

    group = _with_client(ctx, work)
    if json:
        _json_lines([info_row(group)])
    else:
        _text_lines(_info_lines(group))


@groups_app.command()
def create(
    ctx: typer.Context,
    subject: Annotated[str, typer.Argument(help="The new group's subject.")],
    participants: ParticipantsArg,
    json: JsonOption = False,
) -> None:
    """Create a group with us as its admin; prints the new group's JID."""
    if not subject.strip():
        fail("the subject must not be empty", ExitCode.USAGE)
    members = _participants_arg(participants)

    async def work(client: Client) -> g.Group:
        return await client.groups.create(subject, members)

    group = _with_client(ctx, work)
    missing = [m for m in members if group.role_of(m) is None]
    if json:
        row = info_row(group)
        row["not_added"] = [str(m) for m in missing]
        _json_lines([row])
    else:
        _text_lines([str(group.jid)])
    if missing:
        names = ", ".join(str(m) for m in missing)
        typer.echo(f"wacli: the server did not add {names}", err=True)


def _change(ctx: typer.Context, action: str, jid: str, texts: list[str], json: bool) -> None:
    group_jid = _group_arg(jid)
    members = _participants_arg(texts)

    async def work(client: Client) -> list[g.ParticipantResult]:
        return await client.groups.change(group_jid, action, members)

    results = _with_client(ctx, work)
    if json:
        _json_lines(result_row(r) for r in results)
    else:
        _text_lines(_result_line(r) for r in results)
    refused = [r for r in results if not r.ok]
    if refused:
        fail(f"the server refused {len(refused)} of {len(results)} participants", ExitCode.REFUSED)


@groups_app.command()
def add(
    ctx: typer.Context, jid: GroupArg, participants: ParticipantsArg, json: JsonOption = False
) -> None:
    """Add participants (we must be an admin)."""
    _change(ctx, "add", jid, participants, json)


@groups_app.command()
def remove(
    ctx: typer.Context, jid: GroupArg, participants: ParticipantsArg, json: JsonOption = False
) -> None:
    """Remove participants (we must be an admin)."""
    _change(ctx, "remove", jid, participants, json)


@groups_app.command()
def promote(
    ctx: typer.Context, jid: GroupArg, participants: ParticipantsArg, json: JsonOption = False
) -> None:
    """Make participants admins."""
    _change(ctx, "promote", jid, participants, json)


@groups_app.command()
def demote(
    ctx: typer.Context, jid: GroupArg, participants: ParticipantsArg, json: JsonOption = False
) -> None:
    """Take admin rights from participants."""
    _change(ctx, "demote", jid, participants, json)


@groups_app.command()
def subject(
    ctx: typer.Context,
    jid: GroupArg,
    text: Annotated[str, typer.Argument(help="The new subject.", metavar="TEXT")],
) -> None:
    """Change the group's subject."""
    group_jid = _group_arg(jid)
    if not text.strip():
        fail("the subject must not be empty", ExitCode.USAGE)

    async def work(client: Client) -> None:
        await client.groups.set_subject(group_jid, text)

    _with_client(ctx, work)


@groups_app.command()
def description(
    ctx: typer.Context,
    jid: GroupArg,
    text: Annotated[str | None, typer.Argument(help="The new description.", metavar="TEXT")] = None,
    delete: Annotated[bool, typer.Option("--delete", help="Remove the description.")] = False,
) -> None:
    """Change the group's description (or remove it with --delete)."""
    group_jid = _group_arg(jid)
    if delete == (text is not None):
        fail("give either TEXT or --delete", ExitCode.USAGE)
    if text is not None and not text.strip():
        fail("the description must not be empty; use --delete to remove it", ExitCode.USAGE)

    async def work(client: Client) -> None:
        await client.groups.set_description(group_jid, text)

    _with_client(ctx, work)


@groups_app.command()
def leave(ctx: typer.Context, jid: GroupArg) -> None:
    """Leave the group."""
    group_jid = _group_arg(jid)

    async def work(client: Client) -> None:
        await client.groups.leave(group_jid)

    _with_client(ctx, work)
