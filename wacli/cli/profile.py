"""`wacli profile`: pictures, about texts and business profiles (README, man/wacli.1).

wacli profile show JID [--json]              # about text and picture id of a user or group
wacli profile picture JID --out FILE         # download the picture (--preview: thumbnail)
wacli profile set-picture [--group G] FILE   # ours, or a group's we administer; --remove
wacli profile set-about TEXT                 # our about text
wacli profile set-name NAME                  # our push name
wacli profile business JID [--json]          # a business account's profile

A picture that is not set, or hidden from us by its owner's privacy settings, exits 6.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import anyio
import orjson
import typer

from wacli.cli.context import MediaCaOption, client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import printable, rfc3339, write_lines
from wacli.cli.send import recipient
from wacli.cli.textio import check_utf8
from wacli.jid import JID, JIDError
from wacli.protocol.profile import MAX_ABOUT, MAX_PICTURE, MAX_PUSH_NAME

if TYPE_CHECKING:
    from wacli.client.profiles import ProfileView
    from wacli.protocol.profile import BusinessProfile

profile_app = typer.Typer(
    help="Pictures, about texts and business profiles; set our own.", add_completion=False
)

JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object instead of lines.")]
WhoArg = Annotated[
    str, typer.Argument(help="A phone number, user JID, LID or group JID.", metavar="JID")
]


def _jid(text: str) -> JID:
    try:
        return recipient(text).to_non_ad()
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)


def _json_line(row: dict[str, Any]) -> None:
    write_lines([orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)])


def _text_lines(rows: list[tuple[str, str | None]]) -> None:
    write_lines(f"{key:<8} {printable(value)}\n".encode() for key, value in rows if value)


def show_row(view: ProfileView) -> dict[str, Any]:
    about = view.about
    return {
        "jid": str(view.jid),
        "about": about.text if about is not None else None,
        "about_set_at": rfc3339(about.set_at) if about is not None else None,
        "picture_id": view.picture_id,
    }


@profile_app.command("show")
def show(ctx: typer.Context, who: WhoArg, json: JsonOption = False) -> None:
    """Show a user's about text and a user's or group's picture id."""
    jid = _jid(who)
    with client_for(ctx.obj) as client:
        view = anyio.run(client.profiles.show, jid, backend="asyncio")
    row = show_row(view)
    if json:
        _json_line(row)
        return
    about = row["about"]
    if about is not None and row["about_set_at"]:
        about = f"{about}  (set {row['about_set_at']})"
    _text_lines([("jid", row["jid"]), ("about", about), ("picture", row["picture_id"])])


@profile_app.command("picture")
def picture(
    ctx: typer.Context,
    who: WhoArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Write the picture (JPEG) here.")],
    preview: Annotated[
        bool, typer.Option("--preview", help="The small thumbnail instead of the full picture.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    media_ca: MediaCaOption = None,
) -> None:
    """Download a user's or group's profile picture."""
    from wacli.client.media_files import write_private

    jid = _jid(who)
    if out.is_dir():
        fail(f"{out} is a directory", ExitCode.USAGE)
    if not force and (out.exists() or out.is_symlink()):
        fail(f"{out} exists; use --force to overwrite it", ExitCode.USAGE)
    ca = None if media_ca is None else str(media_ca)
    with client_for(ctx.obj) as client:
        data = anyio.run(client.profiles.picture, jid, preview, ca, backend="asyncio")
    try:
        write_private(out, data, force=force)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}", ExitCode.STORE)
    write_lines([f"{out}\n".encode()])


@profile_app.command("set-picture")
def set_picture(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="The picture, a JPEG (WhatsApp shows 640x640).")
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", help="A group we administer, instead of us.")
    ] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove the picture.")] = False,
) -> None:
    """Set (or --remove) our profile picture or a group's; prints the new picture id."""
    if (file is None) != remove:
        fail("give a FILE, or --remove", ExitCode.USAGE)
    target = _jid(group) if group is not None else None
    if target is not None and not target.is_group:
        fail(f"{group!r} is not a group JID", ExitCode.USAGE)
    image = None
    if file is not None:
        try:
            image = file.read_bytes()
        except OSError as exc:
            fail(f"cannot read {file}: {exc.strerror}", ExitCode.USAGE)
        if not 0 < len(image) <= MAX_PICTURE:
            fail(f"a picture is 1 byte to {MAX_PICTURE // 1024} KiB", ExitCode.USAGE)
    with client_for(ctx.obj) as client:
        picture_id = anyio.run(client.profiles.set_picture, image, target, backend="asyncio")
    if picture_id is not None:
        write_lines([f"{picture_id}\n".encode()])


@profile_app.command("set-about")
def set_about(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="At most 139 characters; empty clears it.")],
) -> None:
    """Set our about text."""
    check_utf8(text, "TEXT")
    if len(text) > MAX_ABOUT:
        fail(f"the about text takes at most {MAX_ABOUT} characters", ExitCode.USAGE)
    with client_for(ctx.obj) as client:
        anyio.run(client.profiles.set_about, text, backend="asyncio")


@profile_app.command("set-name")
def set_name(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=f"At most {MAX_PUSH_NAME} characters.")],
) -> None:
    """Set our push name, the name contacts see with our messages."""
    check_utf8(name, "NAME")
    if not name.strip() or len(name) > MAX_PUSH_NAME:
        fail(f"a push name is 1 to {MAX_PUSH_NAME} characters, not blank", ExitCode.USAGE)
    with client_for(ctx.obj) as client:
        done = anyio.run(client.profiles.set_push_name, name, backend="asyncio")
    if not done.synced:
        typer.echo(
            "wacli: the server has the new name; your phone and other devices learn it once "
            "the phone shared its app-state key (keep wacli listen running) and you set it again",
            err=True,
        )


def business_row(found: BusinessProfile) -> dict[str, Any]:
    return {
        "jid": str(found.jid),
        "description": found.description,
        "address": found.address,
        "email": found.email,
        "websites": list(found.websites),
        "categories": list(found.categories),
    }


@profile_app.command("business")
def business(ctx: typer.Context, who: WhoArg, json: JsonOption = False) -> None:
    """Show a business account's profile (exit 6 when it is no business)."""
    jid = _jid(who)
    with client_for(ctx.obj) as client:
        found = anyio.run(client.profiles.business, jid, backend="asyncio")
    if found is None:
        fail(f"{jid} is not a business account", ExitCode.REFUSED)
    row = business_row(found)
    if json:
        _json_line(row)
        return
    lines: list[tuple[str, str | None]] = [
        (key, row[key]) for key in ("jid", "description", "address", "email")
    ]
    lines += [("website", site) for site in found.websites]
    lines += [("category", name) for name in found.categories]
    _text_lines(lines)
