"""Profiles: pictures (xmlns w:profile:picture), the about text (xmlns status) and
business profiles (xmlns w:biz), shaped as wacli.protocol.profile describes them.

Picture request: ``<iq xmlns="w:profile:picture" type="get" target=JID><picture type=
"image"|"preview" query="url" [id=KNOWN_ID]/></iq>``. Answer: ``<picture id type url
direct_path/>``, the url on the media server (the picture as stored, not encrypted);
404 item-not-found when the account or group has no picture, 401 when the account's
picture privacy is ``none`` (whatsmeow's ErrProfilePictureUnauthorized); an answer
without ``<picture>`` when the caller already has the current one (``id`` names it).
A ``set`` with ``<picture type="image">`` changes ours (or, with ``target``, a group's
we administer; 403 otherwise), without one removes it; contacts (or the group's members)
get a ``picture`` notification. The about text is read through usync's ``status``
protocol (``usync_status``: empty when its privacy is ``none``) and set with ``<status>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Attrs, Node
from wacli.jid import GROUP_SERVER, JID
from wacli.protocol.profile import BusinessProfile, about_change, business_node
from wacli.sandbox import blocking, notify
from wacli.sandbox.delivery import deliver
from wacli.sandbox.profiles import MAX_PICTURE, Profiles
from wacli.sandbox.stanzas import iq_error, iq_result
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection
    from wacli.sandbox.hub import Hub


def caller(conn: Connection) -> tuple[Account, int]:
    """The logged-in account a request comes from, and its device."""
    assert conn.device_key is not None
    account = conn.hub.state.account(conn.device_key[0])
    assert account is not None
    return account, conn.device_key[1]


def _group_key(jid: JID) -> str:
    return f"{jid.user}@{GROUP_SERVER}"


def _kept_picture(hub: Hub, key: str) -> tuple[str, bytes | None]:
    """(picture id, picture) of an account's phone, or of a group's JID (kept in memory)."""
    if "@" in key:
        picture_id, image = hub.group_pictures.get(key, (0, None))
        return str(picture_id), image
    profile = Profiles(hub.state).get(key)
    return str(profile.picture_id), profile.picture


async def picture(conn: Connection, node: Node) -> Node:
    request = node.require_child("picture")
    target = (node.attr_jid("target") if node.attr("target") else node.attr_jid("to")).to_non_ad()
    if target.is_group:
        key = _group_key(target)
    else:
        account = conn.hub.account_of(target)
        if account is None:
            return iq_error(node, 404)
        asker, _ = caller(conn)
        hidden = blocking.privacy_values(conn.hub, account.phone)["profile"] == "none"
        if hidden and asker.phone != account.phone:
            return iq_error(node, 401)
        key = account.phone
    picture_id, image = _kept_picture(conn.hub, key)
    if image is None:
        return iq_error(node, 404)
    if request.attr("id") == picture_id:
        return iq_result(node)
    kind = "preview" if request.attr("type") == "preview" else "image"
    path = conn.hub.media.put(image)
    attrs: Attrs = {
        "id": picture_id,
        "type": kind,
        "url": conn.hub.media.url(path),
        "direct_path": path,
    }
    return iq_result(node, [Node("picture", attrs)])


async def set_picture(conn: Connection, node: Node) -> Node:
    """Our picture, or a group's we administer; without ``<picture>`` it is removed."""
    hub = conn.hub
    account, device = caller(conn)
    given = node.child("picture")
    image = given.content if given is not None else None
    if given is not None and (not isinstance(image, bytes) or not 0 < len(image) <= MAX_PICTURE):
        return iq_error(node, 400, f"a picture is 1 to {MAX_PICTURE} bytes")
    data = image if isinstance(image, bytes) else None
    if node.attr("target"):
        group_jid = node.attr_jid("target").to_non_ad()
        group = hub.state.group(_group_key(group_jid)) if group_jid.is_group else None
        if group is None:
            return iq_error(node, 404)
        if not group.admin_of(account.phone):
            return iq_error(node, 403)
        picture_id = hub.group_pictures.get(group.jid, (0, None))[0] + 1
        hub.group_pictures[group.jid] = (picture_id, data)
        change = notify.picture(account, picture_id if data else None)
        change.attrs["from"] = group_jid
        change.children[0].attrs["jid"] = group_jid
        for phone in group.members():
            for other, _ in hub.device_ids(phone):
                if other and (phone, other) != (account.phone, device):
                    await deliver(hub, phone, other, change)
    else:
        picture_id = Profiles(hub.state).set_picture(account.phone, data).picture_id
        change = notify.picture(account, picture_id if data else None)
        await notify.announce(hub, account, change, skip=device)
    answer = [Node("picture", {"id": str(picture_id)})] if data else None
    return iq_result(node, answer)


async def set_about(conn: Connection, node: Node) -> Node:
    account, device = caller(conn)
    content = node.require_child("status").content
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else ""
    try:
        about_change(text)
    except ValueError as exc:
        return iq_error(node, 400, str(exc))
    Profiles(conn.hub.state).set_about(account.phone, text)
    await notify.announce(conn.hub, account, notify.about(account, text), skip=device)
    return iq_result(node)


async def business_profile(conn: Connection, node: Node) -> Node:
    """A business account's profile (its fields set through the admin API); an empty
    ``<business_profile/>`` for any other account."""
    asked = node.require_child("business_profile").require_child("profile")
    jid = asked.attr_jid("jid").to_non_ad()
    account = conn.hub.account_of(jid)
    fields = conn.hub.business_profiles.get(account.phone) if account is not None else None
    if account is None or (
        fields is None and not Profiles(conn.hub.state).get(account.phone).business
    ):
        return iq_result(node, [Node("business_profile")])
    given = fields or {}
    profile = BusinessProfile(
        jid,
        given.get("description"),
        given.get("address"),
        given.get("email"),
        tuple(given.get("websites", ())),
        tuple(given.get("categories", ())),
    )
    return iq_result(node, [business_node(profile)])


def usync_status(hub: Hub, account: Account) -> Node:
    """The usync ``status`` protocol's answer for one user: ``<status t>about</status>``,
    or an empty ``<status/>`` when the account never set one."""
    profile = Profiles(hub.state).get(account.phone)
    if profile.about is None or blocking.privacy_values(hub, account.phone)["status"] == "none":
        return Node("status")
    return Node("status", {"t": str(profile.about_at or 0)}, profile.about.encode())
