"""Profile stanzas, both sides (whatsmeow user.go/group.go/business.go, Baileys chats.ts;
the sandbox answers them in wacli.sandbox.iq.profile).

- a picture: ``<iq xmlns="w:profile:picture" type="get" target=JID><picture type=
  "image"|"preview" query="url"/></iq>``, answered with ``<picture id type url
  direct_path/>`` (404 when there is none);
- set ours or a group's: ``<iq xmlns="w:profile:picture" type="set" [target=GROUP]>
  <picture type="image">JPEG</picture></iq>``, answered with ``<picture id/>``; the same
  IQ without ``<picture>`` removes it;
- the about text: read through usync's ``status`` protocol (``<status t>text</status>``
  per user), set with ``<iq xmlns="status" type="set"><status>text</status></iq>``;
- a business profile: ``<iq xmlns="w:biz" type="get"><business_profile v="244"><profile
  jid/></business_profile></iq>``, answered with ``<business_profile><profile jid>
  <description/><address/><email/><website/>…<categories><category id/>…</categories>
  </profile></business_profile>`` (no ``<profile>`` for an account that is not one).
"""

from __future__ import annotations

from dataclasses import dataclass

from wacli.binary import BinaryError, Node
from wacli.jid import JID, JIDError
from wacli.protocol.usync import user_nodes, usync_query

PICTURE_XMLNS = "w:profile:picture"
MAX_ABOUT = 139  # characters, as WhatsApp limits the about text
MAX_PUSH_NAME = 25  # characters, as WhatsApp limits a push name
MAX_PICTURE = 1 << 20  # bytes of a picture (WhatsApp's are 640x640 JPEGs, far smaller)


@dataclass(frozen=True, slots=True)
class PictureInfo:
    id: str
    url: str | None
    direct_path: str | None
    kind: str  # "image" (full size) or "preview"


def picture_query(preview: bool = False) -> Node:
    return Node("picture", {"type": "preview" if preview else "image", "query": "url"})


def parse_picture(answer: Node) -> PictureInfo | None:
    """The ``<picture>`` of an answer; None when the answer names none."""
    picture = answer.child("picture")
    if picture is None or not picture.attr("id"):
        return None
    return PictureInfo(
        picture.require_attr("id"),
        picture.attr("url"),
        picture.attr("direct_path"),
        picture.attr("type") or "image",
    )


def picture_upload(image: bytes) -> Node:
    return Node("picture", {"type": "image"}, image)


def about_change(text: str) -> Node:
    """``<status>text</status>``; ValueError for a text WhatsApp would refuse."""
    if len(text) > MAX_ABOUT:
        raise ValueError(f"the about text takes at most {MAX_ABOUT} characters")
    return Node("status", {}, text.encode())


def status_query(users: list[JID]) -> Node:
    """The usync asking for the about text of each user."""
    return usync_query("interactive", [Node("status")], user_nodes(users))


@dataclass(frozen=True, slots=True)
class About:
    text: str | None  # None: never set, or hidden from us
    set_at: int | None  # unix seconds


def parse_status_answer(answer: Node) -> dict[JID, About]:
    """Per user of a usync answer, its about text; malformed users are left out."""
    usync = answer.child("usync")
    listing = usync.child("list") if usync is not None else None
    found = {}
    for user in listing.children_named("user") if listing is not None else []:
        try:
            jid = user.attr_jid("jid").to_non_ad()
        except (BinaryError, JIDError):
            continue
        status = user.child("status")
        text = status.content if status is not None else None
        t = status.attr("t", "") if status is not None else ""
        found[jid] = About(
            text.decode("utf-8", "replace") if isinstance(text, bytes) else None,
            int(t) if t.isdigit() else None,
        )
    return found


# -- business profiles ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BusinessProfile:
    jid: JID
    description: str | None
    address: str | None
    email: str | None
    websites: tuple[str, ...]
    categories: tuple[str, ...]


def business_query(jid: JID) -> Node:
    return Node("business_profile", {"v": "244"}, [Node("profile", {"jid": jid.to_non_ad()})])


def _text(node: Node | None) -> str | None:
    if node is None or not isinstance(node.content, bytes):
        return None
    return node.content.decode("utf-8", "replace")


def parse_business(answer: Node) -> BusinessProfile | None:
    """The ``<profile>`` of a business_profile answer; None when the account is no business."""
    holder = answer.child("business_profile")
    profile = holder.child("profile") if holder is not None else None
    if profile is None:
        return None
    categories = profile.child("categories")
    listed = categories.children_named("category") if categories is not None else []
    return BusinessProfile(
        profile.attr_jid("jid").to_non_ad(),
        _text(profile.child("description")),
        _text(profile.child("address")),
        _text(profile.child("email")),
        tuple(t for w in profile.children_named("website") if (t := _text(w))),
        tuple(t for c in listed if (t := _text(c))),
    )


def business_node(profile: BusinessProfile) -> Node:
    """The ``<business_profile>`` answering for one business account."""
    content = [
        Node(tag, {}, value.encode())
        for tag, value in (
            ("description", profile.description),
            ("address", profile.address),
            ("email", profile.email),
        )
        if value is not None
    ]
    content += [Node("website", {}, site.encode()) for site in profile.websites]
    listed = [
        Node("category", {"id": str(i)}, c.encode()) for i, c in enumerate(profile.categories)
    ]
    content.append(Node("categories", {}, listed))
    return Node("business_profile", {}, [Node("profile", {"jid": profile.jid}, content)])
