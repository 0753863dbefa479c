"""Channels (newsletters): the stanzas a client sends and the server answers (whatsmeow
newsletter.go, Baileys Socket/newsletter.js and mex.js), built and read here for the
client and the sandbox alike. Channel messages are not end-to-end encrypted: a Message
travels as the bytes of a ``<plaintext>`` node.

- metadata, following and unfollowing go through ``w:mex``, a GraphQL service:
  ``<iq xmlns="w:mex" type="get" to="s.whatsapp.net"><query query_id=ID>{"variables":
  {…}}</query></iq>`` answered with ``<result>{"data": {PATH: …}, "errors"?: […]}
  </result>``; the ids and paths are WhatsApp Web's (whatsmeow's constants);
- a channel's recent messages: ``<iq xmlns="newsletter" type="get" to="s.whatsapp.net">
  <messages type="jid" jid=CHANNEL count=N [before=SERVER_ID]/></iq>`` answered with
  ``<messages jid><message server_id id t type><plaintext/></message>…</messages>``,
  oldest first;
- an admin posts ``<message to=CHANNEL id type><plaintext/></message>``; the server's
  ack carries the post's ``server_id``; followers get ``<message from=CHANNEL server_id id
  t type><plaintext/></message>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import orjson
from google.protobuf.message import DecodeError

from wacli.binary import Attrs, BinaryError, Node
from wacli.jid import JID, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.errors import ProtocolError

MEX_XMLNS: Final = "w:mex"
NEWSLETTER_XMLNS: Final = "newsletter"
# WhatsApp Web's query ids (whatsmeow newsletter.go) and the paths of their answers.
QUERY_SUBSCRIBED: Final = "6388546374527196"
MUTATION_FOLLOW: Final = "9926858900719341"
MUTATION_UNFOLLOW: Final = "6392786840836363"
PATH_SUBSCRIBED: Final = "xwa2_newsletter_subscribed"
PATH_FOLLOW: Final = "xwa2_newsletter_join_v2"
PATH_UNFOLLOW: Final = "xwa2_newsletter_leave_v2"
MAX_COUNT: Final = 100  # messages one request asks for
MAX_CHANNELS: Final = 2000  # channels read from one answer


@dataclass(frozen=True, slots=True)
class Channel:
    jid: JID
    name: str
    description: str
    subscribers: int
    role: str | None  # ours: owner, admin, subscriber (viewer_metadata.role, lower case)


@dataclass(frozen=True, slots=True)
class ChannelPost:
    server_id: int
    id: str
    timestamp: int
    message: e2e_pb2.Message


# -- w:mex ------------------------------------------------------------------------------------


def mex_query(query_id: str, variables: dict[str, Any]) -> list[Node]:
    """The content of a ``w:mex`` IQ."""
    body = orjson.dumps({"variables": variables})
    return [Node("query", {"query_id": query_id}, body)]


def read_mex_query(node: Node) -> tuple[str, dict[str, Any]]:
    """(query id, variables) of a ``w:mex`` IQ (ProtocolError when malformed)."""
    try:
        query = node.require_child("query")
        variables = orjson.loads(query.content_bytes()).get("variables") or {}
        if not isinstance(variables, dict):
            raise ProtocolError("mex variables are not an object")
        return query.require_attr("query_id"), variables
    except (BinaryError, orjson.JSONDecodeError, AttributeError) as exc:
        raise ProtocolError(f"malformed mex query: {exc}") from None


def mex_result(data: dict[str, Any] | None, errors: list[dict[str, Any]] | None = None) -> Node:
    """A ``w:mex`` answer's ``<result>``."""
    body: dict[str, Any] = {"data": data}
    if errors:
        body["errors"] = errors
    return Node("result", {}, orjson.dumps(body))


def parse_mex_result(answer: Node, path: str) -> Any:
    """``data[path]`` of a ``w:mex`` answer; ProtocolError for a GraphQL error or no data."""
    try:
        body = orjson.loads(answer.require_child("result").content_bytes())
    except (BinaryError, orjson.JSONDecodeError) as exc:
        raise ProtocolError(f"malformed mex answer: {exc}") from None
    if not isinstance(body, dict):
        raise ProtocolError("the mex answer is not an object")
    errors = body.get("errors") or []
    if errors:
        first = errors[0] if isinstance(errors[0], dict) else {}
        raise ProtocolError(f"the server refused: {first.get('message') or 'GraphQL error'}")
    data = body.get("data")
    if not isinstance(data, dict) or path not in data:
        raise ProtocolError(f"the mex answer has no {path}")
    return data[path]


def channel_json(channel: Channel) -> dict[str, Any]:
    """A channel's NewsletterMetadata as the server's GraphQL answers carry it."""
    return {
        "id": str(channel.jid),
        "state": {"type": "ACTIVE"},
        "thread_metadata": {
            "name": {"text": channel.name},
            "description": {"text": channel.description},
            "subscribers_count": str(channel.subscribers),
            "verification": "UNVERIFIED",
        },
        "viewer_metadata": {"role": (channel.role or "subscriber").upper(), "mute": "OFF"},
    }


def parse_channel(item: Any) -> Channel | None:
    """A Channel from NewsletterMetadata JSON; None when it names no newsletter."""
    if not isinstance(item, dict):
        return None
    try:
        jid = parse_jid(str(item.get("id")))
    except JIDError:
        return None
    if not jid.is_newsletter:
        return None
    thread = item.get("thread_metadata") or {}
    viewer = item.get("viewer_metadata") or {}
    count = str(thread.get("subscribers_count") or "0")
    role = viewer.get("role")
    return Channel(
        jid,
        str((thread.get("name") or {}).get("text") or ""),
        str((thread.get("description") or {}).get("text") or ""),
        int(count) if count.isdigit() else 0,
        role.lower() if isinstance(role, str) else None,
    )


def parse_channels(items: Any) -> list[Channel]:
    listed = items if isinstance(items, list) else []
    return [c for c in map(parse_channel, listed[:MAX_CHANNELS]) if c is not None]


# -- messages ---------------------------------------------------------------------------------


def messages_request(channel: JID, count: int, before: int | None = None) -> list[Node]:
    attrs: dict[str, Any] = {"type": "jid", "jid": channel, "count": str(count)}
    if before is not None:
        attrs["before"] = str(before)
    return [Node("messages", attrs)]


def post_node(post: ChannelPost, kind: str, attrs: dict[str, Any] | None = None) -> Node:
    """A post as the server sends it (in a messages answer, or live with ``attrs``)."""
    shown: dict[str, Any] = {
        **(attrs or {}),
        "server_id": str(post.server_id),
        "id": post.id,
        "t": str(post.timestamp),
        "type": kind,
    }
    return Node("message", shown, [Node("plaintext", {}, post.message.SerializeToString())])


def parse_post(node: Node) -> ChannelPost:
    """A post from ``<message server_id id t><plaintext/></message>`` (ProtocolError)."""
    try:
        server_id = node.require_attr("server_id")
        t = node.attr("t") or "0"
        message = e2e_pb2.Message.FromString(node.require_child("plaintext").content_bytes())
    except (BinaryError, DecodeError) as exc:
        raise ProtocolError(f"malformed channel message: {exc}") from None
    if not server_id.isdigit():
        raise ProtocolError(f"channel message server_id {server_id!r} is not a number")
    return ChannelPost(
        int(server_id), node.attr("id") or server_id, int(t) if t.isdigit() else 0, message
    )


def parse_posts(answer: Node) -> list[ChannelPost]:
    holder = answer.child("messages")
    nodes = [] if holder is None else holder.children_named("message")
    return [parse_post(node) for node in nodes[:MAX_COUNT]]


def channel_message(to: JID, message_id: str, kind: str, message: e2e_pb2.Message) -> Node:
    """An admin's post to a channel: the Message in plain."""
    attrs: Attrs = {"to": to, "id": message_id, "type": kind}
    return Node("message", attrs, [Node("plaintext", {}, message.SerializeToString())])
