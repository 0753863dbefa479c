"""Channels as the admin API makes them (docs/sandbox-admin.md, "Channels"; channels.py).

- ``POST /admin/channels {"name", "description"?, "owner", "admins"?, "followers"?}``:
  a channel owned (and posted to) by ``owner``; answers 201 ``{"jid"}``;
- ``POST /admin/channels/{jid}/post {"text"}``: the owner posts from its phone; the
  followers' companions get it; answers ``{"server_id", "id"}``;
- ``GET /admin/channels/{jid}``: ``{"jid", "name", "owner", "admins", "followers",
  "posts": [{"server_id", "id", "text"}]}``.
"""

from __future__ import annotations

from typing import Any, Final

from wacli.jid import JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.sandbox.admin_args import account_named, body_object
from wacli.sandbox.channels import SandboxChannel, keep, push
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.phone import message_text, new_message_id

MAX_NAME: Final = 100  # characters of a channel's name, as the apps allow
MAX_MEMBERS: Final = 1000  # admins or followers one call names


def add_routes(router: Router, hub: Hub) -> None:
    routes = ChannelRoutes(hub)
    router.add("POST", "/admin/channels", routes.create)
    router.add("POST", "/admin/channels/{jid}/post", routes.post)
    router.add("GET", "/admin/channels/{jid}", routes.show)


class ChannelRoutes:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def _phones(self, body: dict[str, Any], key: str) -> list[str]:
        named = body.get(key, [])
        if not isinstance(named, list) or not all(isinstance(one, str) for one in named):
            raise HttpError(400, f"{key!r} must be a list of phone numbers or JIDs")
        return [account_named(self.hub, one).phone for one in named[:MAX_MEMBERS]]

    def _channel(self, text: str) -> SandboxChannel:
        try:
            channel = self.hub.channels.get(parse_jid(text))
        except JIDError:
            channel = None
        if channel is None:
            raise HttpError(404, f"no channel {text}")
        return channel

    async def create(self, request: Request) -> Response:
        body = body_object(request)
        name, description = body.get("name"), body.get("description", "")
        if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME:
            raise HttpError(400, f"'name' must be 1 to {MAX_NAME} characters")
        if not isinstance(description, str):
            raise HttpError(400, "'description' must be a string")
        owner = account_named(self.hub, str(body.get("owner", ""))).phone
        channel = self.hub.channels.create(name, description, owner)
        channel.admins.update(self._phones(body, "admins"))
        channel.followers.update(self._phones(body, "followers"))
        return Response.json({"jid": str(channel.jid)}, 201)

    async def post(self, request: Request) -> Response:
        channel = self._channel(request.params["jid"])
        text = body_object(request).get("text")
        if not isinstance(text, str) or not text:
            raise HttpError(400, "give 'text'")
        message = e2e_pb2.Message(conversation=text)
        post = keep(channel, message, new_message_id())
        await push(self.hub, channel, post)
        return Response.json({"server_id": post.server_id, "id": post.id})

    async def show(self, request: Request) -> Response:
        channel = self._channel(request.params["jid"])
        posts = [
            {"server_id": post.server_id, "id": post.id, "text": message_text(post.message)}
            for post, _ in channel.posts
        ]
        return Response.json(
            {
                "jid": str(channel.jid),
                "name": channel.name,
                "owner": channel.owner,
                "admins": sorted(channel.admins),
                "followers": sorted(channel.followers),
                "posts": posts,
            }
        )
