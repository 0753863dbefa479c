"""Channels (newsletters) for the commands: the followed ones, following, a channel's
recent messages and posting to one we administer (the stanzas: wacli.protocol.newsletters;
whatsmeow newsletter.go, Baileys newsletter.js). Posts to followed channels reach
``listen`` as ``channel_message`` events (wacli.client.receive).
"""

from __future__ import annotations

from wacli.client.connection import Connection
from wacli.client.errors import IqError, RefusedError
from wacli.client.operations import Sent
from wacli.client.send import ACK_TIMEOUT, new_message_id, settle
from wacli.client.stanzas import iq
from wacli.jid import JID, SERVER_JID
from wacli.proto import e2e_pb2
from wacli.protocol import ProtocolError
from wacli.protocol.newsletters import (
    MEX_XMLNS,
    MUTATION_FOLLOW,
    MUTATION_UNFOLLOW,
    NEWSLETTER_XMLNS,
    PATH_FOLLOW,
    PATH_SUBSCRIBED,
    PATH_UNFOLLOW,
    QUERY_SUBSCRIBED,
    Channel,
    ChannelPost,
    channel_message,
    messages_request,
    mex_query,
    parse_channels,
    parse_mex_result,
    parse_posts,
)
from wacli.protocol.outgoing_message import message_type


async def _mex(conn: Connection, query_id: str, variables: dict[str, object], path: str) -> object:
    answer = await conn.request(iq(MEX_XMLNS, "get", mex_query(query_id, variables)))
    try:
        return parse_mex_result(answer, path)
    except ProtocolError as exc:
        raise RefusedError(str(exc)) from None


async def followed_channels(conn: Connection) -> list[Channel]:
    """The channels this account follows (or administers)."""
    return parse_channels(await _mex(conn, QUERY_SUBSCRIBED, {}, PATH_SUBSCRIBED))


async def follow(conn: Connection, channel: JID, following: bool) -> None:
    """Follow (or unfollow) ``channel``; RefusedError when the server refuses."""
    query, path = (
        (MUTATION_FOLLOW, PATH_FOLLOW) if following else (MUTATION_UNFOLLOW, PATH_UNFOLLOW)
    )
    await _mex(conn, query, {"newsletter_id": str(channel)}, path)


async def recent_posts(
    conn: Connection, channel: JID, count: int, before: int | None = None
) -> list[ChannelPost]:
    """A channel's latest ``count`` messages (before server id ``before``), oldest first;
    RefusedError when there is no such channel."""
    request = iq(NEWSLETTER_XMLNS, "get", messages_request(channel, count, before), to=SERVER_JID)
    try:
        answer = await conn.request(request)
    except IqError as exc:
        if exc.code == 404:
            raise RefusedError(f"no channel {channel}", 404) from None
        raise
    return parse_posts(answer)


async def post(
    conn: Connection, channel: JID, message: e2e_pb2.Message, timeout: float = ACK_TIMEOUT
) -> tuple[Sent, int | None]:
    """Post ``message`` to a channel we administer: the sent message and the server id
    the server's ack gave it. RefusedError when we may not post there."""
    message_id = new_message_id()
    ack = await conn.request(
        channel_message(channel, message_id, message_type(message), message), timeout
    )
    error = ack.attr("error")
    if error == "403":
        raise RefusedError(f"only the admins of {channel} may post to it (error 403)", 403)
    if error == "404":
        raise RefusedError(f"no channel {channel}", 404)
    sent = settle(ack, message_id, channel)
    server_id = ack.attr("server_id")
    return sent, int(server_id) if server_id and server_id.isdigit() else None
