"""`wacli channels`: WhatsApp channels (newsletters) — the followed ones, following, a
channel's recent messages, posting to one we administer (README "Commands",
man/wacli.1). Posts to followed channels reach `wacli listen` as `channel_message` events
(docs/events.schema.json).

    wacli channels list [--json]               # JID, role, subscribers, name
    wacli channels follow|unfollow JID
    wacli channels messages JID [--count N] [--before SERVER_ID] [--json]
    wacli channels send JID [TEXT] [--json]    # exits 0 once the server took the post

Channel messages travel in plain: WhatsApp does not encrypt them end to end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

import anyio
import orjson
import typer

from wacli.cli.context import client_for
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import printable, rfc3339, write_lines
from wacli.cli.textio import read_text, write_result
from wacli.jid import JID, JIDError, parse_jid

channels_app = typer.Typer(
    help="Channels (newsletters): follow, read and post.", no_args_is_help=True
)

ChannelArg = Annotated[str, typer.Argument(metavar="JID", help="The channel: …@newsletter.")]
JsonOption = Annotated[bool, typer.Option("--json", help="NDJSON rows instead of lines.")]


def _channel(text: str) -> JID:
    try:
        jid = parse_jid(text)
    except JIDError as exc:
        fail(str(exc), ExitCode.USAGE)
    if not jid.is_newsletter:
        fail(f"{text!r} is not a channel JID (…@newsletter)", ExitCode.USAGE)
    return jid


def _json_line(row: Mapping[str, object]) -> bytes:
    return orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)


@channels_app.command("list")
def list_channels(ctx: typer.Context, json: JsonOption = False) -> None:
    """The channels this account follows or administers."""
    with client_for(ctx.obj) as client:
        found = anyio.run(client.channels, backend="asyncio")
    if json:
        write_lines(
            _json_line(
                {
                    "jid": str(channel.jid),
                    "name": channel.name,
                    "description": channel.description,
                    "subscribers": channel.subscribers,
                    "role": channel.role,
                }
            )
            for channel in found
        )
    else:
        # A channel's name is its owner's text: shown with its control characters escaped.
        write_lines(
            f"{c.jid}\t{c.role or ''}\t{c.subscribers}\t{printable(c.name)}\n".encode()
            for c in found
        )


def _follow(ctx: typer.Context, channel: str, following: bool) -> None:
    jid = _channel(channel)
    with client_for(ctx.obj) as client:
        anyio.run(client.follow_channel, jid, following, backend="asyncio")


@channels_app.command("follow")
def follow(ctx: typer.Context, channel: ChannelArg) -> None:
    """Follow a channel: its posts then reach listen."""
    _follow(ctx, channel, True)


@channels_app.command("unfollow")
def unfollow(ctx: typer.Context, channel: ChannelArg) -> None:
    """Stop following a channel."""
    _follow(ctx, channel, False)


@channels_app.command("messages")
def messages(
    ctx: typer.Context,
    channel: ChannelArg,
    count: Annotated[
        int, typer.Option("--count", min=1, max=100, help="How many of the latest (1-100).")
    ] = 20,
    before: Annotated[
        int | None, typer.Option("--before", min=1, help="Only posts before this server id.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """A channel's recent messages, oldest first."""
    jid = _channel(channel)
    from wacli.protocol.message_model import classify  # the client's reader of messages

    with client_for(ctx.obj) as client:
        posts = anyio.run(client.channel_posts, jid, count, before, backend="asyncio")
    lines = []
    for post in posts:
        text = classify(post.message).text
        stamp = rfc3339(post.timestamp)
        if json:
            row = {"server_id": post.server_id, "id": post.id, "timestamp": stamp, "text": text}
            lines.append(_json_line(row))
        else:
            lines.append(f"{post.server_id}\t{stamp}\t{printable(text or '')}\n".encode())
    write_lines(lines)


@channels_app.command("send")
def send(
    ctx: typer.Context,
    channel: ChannelArg,
    text: Annotated[str | None, typer.Argument(help="Text; '-' or absent reads stdin.")] = None,
    json: Annotated[
        bool, typer.Option("--json", help='Print {"id","to","timestamp","server_id"}.')
    ] = False,
) -> None:
    """Post to a channel we administer; exits 0 once the server took it."""
    jid = _channel(channel)
    body = read_text(text)
    if not body:
        fail("nothing to post: give TEXT or pipe it on stdin", ExitCode.USAGE)
    from wacli.client.errors import Unsendable

    with client_for(ctx.obj) as client:
        try:
            sent, server_id = anyio.run(client.post_to_channel, jid, body, backend="asyncio")
        except Unsendable as exc:
            fail(str(exc), ExitCode.USAGE)
    if json:
        row = {
            "id": sent.id,
            "to": str(sent.to),
            "timestamp": rfc3339(sent.timestamp),
            "server_id": server_id,
        }
        result = _json_line(row)
    else:
        result = sent.id.encode() + b"\n"
    write_result(result, f"post {sent.id} was sent")
