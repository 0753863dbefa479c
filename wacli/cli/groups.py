"""`wacli groups`: the groups we are in, and managing one.

wacli groups [--json]                              # subject, jid, size, our role
wacli groups info JID [--json]                     # metadata, timer, participants, roles
wacli groups create SUBJECT PARTICIPANT... [--json]
wacli groups add|remove|promote|demote JID PARTICIPANT... [--json]
wacli groups subject JID TEXT
wacli groups description JID (TEXT | --delete)
wacli groups leave JID
wacli groups invite-link JID [--revoke] [--json]   # https://chat.whatsapp.com/CODE
wacli groups preview LINK|CODE [--json]            # the group a link leads to, not joining
wacli groups join LINK|CODE [--json]               # or ask to, when admins approve joins
wacli groups set JID announce|locked|approval on|off
wacli groups requests JID [--json]                 # pending join requests
wacli groups approve|reject JID PARTICIPANT... [--json]
wacli groups sub-groups COMMUNITY [--json]         # the groups linked to a community
wacli groups link|unlink COMMUNITY GROUP           # as an admin of both

PARTICIPANT is a phone number or a user JID. A participant change prints one line per
participant; any the server refused (with its code) make the exit status 6. The archive's
chat name follows the subjects seen here. Settings: announce (only admins send), locked
(only admins change subject and description), approval (admins approve joins by link).
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
from wacli.cli.send import person
from wacli.client import groups as g
from wacli.jid import JID, JIDError
from wacli.protocol.disappearing import TIMERS
from wacli.protocol.group_invites import invite_code, invite_link

if TYPE_CHECKING:
    from wacli.client.client import Client
    from wacli.client.communities import SubGroup
    from wacli.client.group_invites import Joined, JoinRequest

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

SETTINGS = ("announce", "locked", "approval")  # what `groups set` turns on or off

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
    return [
        person(text, f"{text!r} is not a person: give a phone number or a user JID")
        for text in texts
    ]


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
        "disappearing_seconds": group.disappearing,
        "settings": {name: group.settings.get(name, False) for name in SETTINGS},
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


def _timer_name(seconds: int) -> str:
    """A timer as `wacli chat disappearing` takes it (24h, 7d, 90d, off), else seconds."""
    return next((name for name, value in TIMERS.items() if value == seconds), f"{seconds}s")


def _info_lines(group: g.Group) -> list[str]:
    lines = [
        f"jid  {group.jid}",
        f"subject  {group.subject}",
        f"creator  {group.creator or '-'}",
        f"created_at  {rfc3339(group.created_at) or '-'}",
        f"description  {group.description or '-'}",
        f"disappearing  {_timer_name(group.disappearing)}",
        f"settings  {', '.join(n for n in SETTINGS if group.settings.get(n)) or '-'}",
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
    """Show a group: subject, creator, creation time, disappearing timer, settings,
    participants with their roles."""
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
        if action in ("approve", "reject"):  # answers to join requests
            return await client.groups.answer_requests(group_jid, action, members)
        return await client.groups.change(group_jid, action, members)

    _report(_with_client(ctx, work), json)


def _report(results: list[g.ParticipantResult], json: bool) -> None:
    """One line per participant; exit 6 when the server refused any."""
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


# -- invite links, settings, join requests ---------------------------------------------------

InviteArg = Annotated[
    str, typer.Argument(help="An invite link (https://chat.whatsapp.com/…) or its code.")
]


def _code_arg(text: str) -> str:
    try:
        return invite_code(text)
    except ValueError as exc:
        fail(str(exc), ExitCode.USAGE)


@groups_app.command("invite-link")
def invite_link_(
    ctx: typer.Context,
    jid: GroupArg,
    revoke: Annotated[
        bool, typer.Option("--revoke", help="Make the current link stop working; print the new.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """Print the group's invite link (we must be an admin)."""
    group_jid = _group_arg(jid)

    async def work(client: Client) -> str:
        return await client.groups.invite_code(group_jid, revoke=revoke)

    code = _with_client(ctx, work)
    if json:
        _json_lines([{"jid": str(group_jid), "code": code, "link": invite_link(code)}])
    else:
        _text_lines([invite_link(code)])


@groups_app.command()
def preview(ctx: typer.Context, link: InviteArg, json: JsonOption = False) -> None:
    """Show the group an invite link leads to, without joining it."""
    code = _code_arg(link)

    async def work(client: Client) -> g.Group:
        return await client.groups.preview(code)

    shown = _with_client(ctx, work)
    if json:
        _json_lines([info_row(shown)])
    else:
        _text_lines(_info_lines(shown))


@groups_app.command()
def join(ctx: typer.Context, link: InviteArg, json: JsonOption = False) -> None:
    """Join the group of an invite link (or ask to, when its admins approve joins)."""
    code = _code_arg(link)

    async def work(client: Client) -> Joined:
        return await client.groups.join(code)

    joined = _with_client(ctx, work)
    if json:
        _json_lines([{"jid": str(joined.group), "pending": joined.pending}])
    elif joined.pending:
        _text_lines([f"asked to join {joined.group}: an admin must approve"])
    else:
        _text_lines([str(joined.group)])


@groups_app.command("set")
def set_(
    ctx: typer.Context,
    jid: GroupArg,
    setting: Annotated[
        str,
        typer.Argument(
            help="announce (only admins send), locked (only admins edit the info) or "
            "approval (admins approve joins by link).",
            metavar="SETTING",
        ),
    ],
    state: Annotated[str, typer.Argument(help="on or off.", metavar="on|off")],
) -> None:
    """Turn a group setting on or off (we must be an admin)."""
    group_jid = _group_arg(jid)
    if setting not in SETTINGS:
        fail(f"unknown setting {setting!r}: use {', '.join(SETTINGS)}", ExitCode.USAGE)
    if state not in ("on", "off"):
        fail(f"{state!r}: use on or off", ExitCode.USAGE)

    async def work(client: Client) -> None:
        await client.groups.set_setting(group_jid, setting, state == "on")

    _with_client(ctx, work)


@groups_app.command()
def requests(ctx: typer.Context, jid: GroupArg, json: JsonOption = False) -> None:
    """List who asked to join and waits for an admin."""
    group_jid = _group_arg(jid)

    async def work(client: Client) -> list[JoinRequest]:
        return await client.groups.join_requests(group_jid)

    found = _with_client(ctx, work)
    if json:
        _json_lines({"jid": str(r.jid), "requested_at": rfc3339(r.requested_at)} for r in found)
    else:
        _text_lines(f"{r.jid}  {rfc3339(r.requested_at) or '-'}" for r in found)


@groups_app.command()
def approve(
    ctx: typer.Context, jid: GroupArg, participants: ParticipantsArg, json: JsonOption = False
) -> None:
    """Let those who asked to join in."""
    _change(ctx, "approve", jid, participants, json)


@groups_app.command()
def reject(
    ctx: typer.Context, jid: GroupArg, participants: ParticipantsArg, json: JsonOption = False
) -> None:
    """Turn down requests to join."""
    _change(ctx, "reject", jid, participants, json)


# -- communities -----------------------------------------------------------------------------

CommunityArg = Annotated[
    str, typer.Argument(help="The community's JID (…@g.us).", metavar="COMMUNITY")
]


@groups_app.command("sub-groups")
def sub_groups(ctx: typer.Context, community: CommunityArg, json: JsonOption = False) -> None:
    """List the groups linked to a community."""
    community_jid = _group_arg(community)

    async def work(client: Client) -> list[SubGroup]:
        return await client.groups.sub_groups(community_jid)

    found = _with_client(ctx, work)
    if json:
        _json_lines({"jid": str(s.jid), "subject": s.subject, "size": s.size} for s in found)
    else:
        _text_lines(f"{s.jid}  {s.size if s.size is not None else '-'}  {s.subject}" for s in found)


def _link(ctx: typer.Context, community: str, group: str, link: bool) -> None:
    community_jid, group_jid = _group_arg(community), _group_arg(group)

    async def work(client: Client) -> None:
        await client.groups.change_link(community_jid, group_jid, link=link)

    _with_client(ctx, work)


@groups_app.command()
def link(ctx: typer.Context, community: CommunityArg, group: GroupArg) -> None:
    """Link a group to a community (we must be an admin of both)."""
    _link(ctx, community, group, True)


@groups_app.command()
def unlink(ctx: typer.Context, community: CommunityArg, group: GroupArg) -> None:
    """Unlink a group from its community (we must be an admin of both)."""
    _link(ctx, community, group, False)
