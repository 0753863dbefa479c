"""Channels (newsletters) in the sandbox: objects the admin API creates, followed and read
by companions, posted to by their admins (docs/sandbox-admin.md, "Channels"; the stanzas:
wacli.protocol.newsletters, as whatsmeow and Baileys send them).

- ``w:mex`` queries by WhatsApp Web's ids: the followed channels (those an account
  follows or administers), follow, unfollow (whatsmeow's ids and Baileys 7's newer ones);
  an unknown channel or query is a GraphQL error in the ``<result>``, as the real service
  answers;
- ``<iq xmlns="newsletter" type="get"><messages jid count [before]/>`` answers the latest
  posts, oldest first (404 for no channel); ``<live_updates/>`` is accepted (duration
  300 s), though the sandbox pushes every post to the followers' companions anyway, as
  Baileys processes them whenever they come;
- an admin's ``<message to=CHANNEL><plaintext/></message>`` is acked with its
  ``server_id`` (403 from a non-admin, 404 for no channel) and pushed to every companion
  of every follower as ``<message from=CHANNEL server_id id t type><plaintext/>``, queued
  like any message; the simulated phones do not read channels.

Channels live in memory (not in ``--state``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.jid import JID, NEWSLETTER_SERVER, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.newsletters import (
    MAX_COUNT,
    MUTATION_FOLLOW,
    MUTATION_UNFOLLOW,
    PATH_FOLLOW,
    PATH_SUBSCRIBED,
    PATH_UNFOLLOW,
    QUERY_SUBSCRIBED,
    Channel,
    ChannelPost,
    channel_json,
    mex_result,
    post_node,
    read_mex_query,
)
from wacli.protocol.outgoing_message import message_type
from wacli.sandbox.delivery import deliver
from wacli.sandbox.phone import now
from wacli.sandbox.stanzas import iq_error, iq_result, server_ack

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)

LIVE_UPDATES_SECONDS: Final = 300
# WhatsApp Web renumbers its queries now and then: Baileys 7 follows and unfollows with
# newer ids than whatsmeow's (wacli's); the sandbox takes both.
FOLLOW_IDS: Final = (MUTATION_FOLLOW, "24404358912487870")
UNFOLLOW_IDS: Final = (MUTATION_UNFOLLOW, "9767147403369991")
FIRST_ID: Final = 120363500000000000  # channel JIDs count up from here, as real ones look
MAX_POSTS: Final = 1000  # kept per channel


@dataclass(slots=True)
class SandboxChannel:
    jid: JID
    name: str
    description: str
    owner: str  # phone
    admins: set[str] = field(default_factory=set)  # phones, the owner among them
    followers: set[str] = field(default_factory=set)  # phones
    posts: list[tuple[ChannelPost, str]] = field(default_factory=list)  # (post, its type)

    def role_of(self, phone: str) -> str | None:
        if phone == self.owner:
            return "owner"
        if phone in self.admins:
            return "admin"
        return "subscriber" if phone in self.followers else None

    def seen_by(self, phone: str) -> Channel:
        count = len(self.followers)
        return Channel(self.jid, self.name, self.description, count, self.role_of(phone))


class Channels:
    """Every channel of the sandbox, by JID."""

    def __init__(self) -> None:
        self.by_jid: dict[JID, SandboxChannel] = {}

    def create(self, name: str, description: str, owner: str) -> SandboxChannel:
        jid = JID(str(FIRST_ID + len(self.by_jid)), NEWSLETTER_SERVER)
        channel = SandboxChannel(jid, name, description, owner, {owner})
        self.by_jid[jid] = channel
        return channel

    def get(self, jid: JID) -> SandboxChannel | None:
        return self.by_jid.get(jid.to_non_ad())


# -- w:mex and the newsletter IQs -------------------------------------------------------------


def _error(message: str, code: int) -> Node:
    return mex_result(None, [{"message": message, "extensions": {"error_code": code}}])


def _answer_mex(hub: Hub, phone: str, query_id: str, variables: dict[str, Any]) -> Node:
    channels = hub.channels
    if query_id == QUERY_SUBSCRIBED:
        mine = [c for c in channels.by_jid.values() if c.role_of(phone) is not None]
        return mex_result({PATH_SUBSCRIBED: [channel_json(c.seen_by(phone)) for c in mine]})
    if query_id not in (*FOLLOW_IDS, *UNFOLLOW_IDS):
        return _error(f"unknown query {query_id}", 400)
    try:
        channel = channels.get(parse_jid(str(variables.get("newsletter_id"))))
    except JIDError:
        channel = None
    if channel is None:
        return _error("no such channel", 404)
    if query_id in FOLLOW_IDS:
        channel.followers.add(phone)
        return mex_result({PATH_FOLLOW: {"id": str(channel.jid)}})
    channel.followers.discard(phone)
    return mex_result({PATH_UNFOLLOW: {"id": str(channel.jid)}})


async def mex(conn: Connection, node: Node) -> Node:
    """``<iq xmlns="w:mex" type="get"><query query_id>`` (see the module)."""
    assert conn.device_key is not None
    query_id, variables = read_mex_query(node)
    return iq_result(node, [_answer_mex(conn.hub, conn.device_key[0], query_id, variables)])


async def messages(conn: Connection, node: Node) -> Node:
    """``<messages type="jid" jid count [before]/>``: the latest posts, oldest first."""
    request = node.require_child("messages")
    channel = conn.hub.channels.get(request.attr_jid("jid"))
    if channel is None:
        return iq_error(node, 404, "no such channel")
    count = request.attr("count") or "20"
    before = request.attr("before") or ""
    kept = [
        (post, kind)
        for post, kind in channel.posts
        if not before.isdigit() or post.server_id < int(before)
    ]
    latest = kept[-min(int(count) if count.isdigit() else 20, MAX_COUNT) :]
    listed = [post_node(post, kind) for post, kind in latest]
    return iq_result(node, [Node("messages", {"jid": channel.jid}, listed or None)])


async def live_updates(conn: Connection, node: Node) -> Node:
    del conn
    return iq_result(node, [Node("live_updates", {"duration": str(LIVE_UPDATES_SECONDS)})])


# -- posts -----------------------------------------------------------------------------------


def keep(channel: SandboxChannel, message: e2e_pb2.Message, message_id: str) -> ChannelPost:
    """A new post of the channel, numbered after the last."""
    server_id = (channel.posts[-1][0].server_id + 1) if channel.posts else 100
    post = ChannelPost(server_id, message_id, now(), message)
    channel.posts = [*channel.posts, (post, message_type(message))][-MAX_POSTS:]
    return post


async def push(
    hub: Hub, channel: SandboxChannel, post: ChannelPost, skip: tuple[str, int] | None = None
) -> None:
    """A post to every companion of every follower (but ``skip``, the posting device)."""
    node = post_node(post, message_type(post.message), {"from": channel.jid})
    for phone in sorted(channel.followers):
        for device, _ in hub.device_ids(phone):
            if device == 0 or (phone, device) == skip:
                continue  # the simulated phones do not read channels
            await deliver(hub, phone, device, Node(node.tag, dict(node.attrs), node.content))
    hub.stats["channel_posts"] += 1


async def handle_channel_message(conn: Connection, node: Node) -> None:
    """An admin's post (see the module)."""
    hub = conn.hub
    assert conn.device_key is not None
    phone, _ = conn.device_key
    stanza_id = node.require_attr("id")
    to = node.attr_jid("to")
    channel = hub.channels.get(to)
    error = None
    message = e2e_pb2.Message()
    if channel is None:
        error = "404"
    elif phone not in channel.admins:
        error = "403"
    else:
        try:
            message = e2e_pb2.Message.FromString(node.require_child("plaintext").content_bytes())
        except (BinaryError, DecodeError) as exc:
            log.info("malformed channel post %s: %s", stanza_id, exc)
            error = "400"
    if error is not None or channel is None:
        await conn.send(server_ack("message", stanza_id, to, error=error))
        return
    post = keep(channel, message, stanza_id)
    ack = server_ack("message", stanza_id, to)
    ack.attrs["server_id"] = str(post.server_id)
    await conn.send(ack)
    await push(hub, channel, post, conn.device_key)
