"""Profiles: a contact's or group's picture, about text and business profile, and our
own picture, about text and push name, for ``wacli profile`` (README, man/wacli.1).
The stanzas are wacli.protocol.profile's.

Our push name goes two ways, as WhatsApp Web sends it: an app-state ``setting_pushName``
mutation (Baileys updateProfileName) tells our phone and other devices, and a
``<presence name>`` tells the server, which puts it on the messages we send (whatsmeow's
SendPresence). The app-state half needs the key the phone shares; without it only the
server learns the name and the result says so.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.client.appstate_write import AppStateWriter, ChatChange, NoAppStateKey
from wacli.client.connection import Connection
from wacli.client.errors import IqError, RefusedError
from wacli.client.http import request, tls_context
from wacli.client.presence import own_presence
from wacli.client.stanzas import iq
from wacli.jid import JID
from wacli.proto import sync_action_pb2
from wacli.protocol.appstate_crypto import Operation
from wacli.protocol.appstate_patch import NewMutation
from wacli.protocol.profile import (
    MAX_PICTURE,
    PICTURE_XMLNS,
    About,
    BusinessProfile,
    PictureInfo,
    about_change,
    business_query,
    parse_business,
    parse_picture,
    parse_status_answer,
    picture_query,
    picture_upload,
    status_query,
)
from wacli.store import Store

if TYPE_CHECKING:
    from wacli.client.group_admin import Connected


class NoPicture(RefusedError):
    """The contact or group has no picture (404), or hides it from us (401)."""


@dataclass(frozen=True, slots=True)
class NameSet:
    name: str
    synced: bool  # whether our phone and other devices were told (the app-state half)


async def _picture_request(
    conn: Connection, type_: str, content: list[Node] | None, target: JID | None
) -> Node:
    node = iq(PICTURE_XMLNS, type_, content)
    if target is not None:
        node.attrs["target"] = target.to_non_ad()
    return await conn.request(node)


async def picture_info(conn: Connection, target: JID, preview: bool = False) -> PictureInfo:
    """Where ``target``'s (a user's or a group's) current picture is; NoPicture when it has
    none or hides it from us."""
    try:
        answer = await _picture_request(conn, "get", [picture_query(preview)], target)
    except IqError as exc:
        if exc.code == 404:
            raise NoPicture(f"{target} has no profile picture", 404) from None
        if exc.code == 401:
            raise NoPicture(f"{target} hides its profile picture from you", 401) from None
        raise
    info = parse_picture(answer)
    if info is None or not info.url:
        raise NoPicture(f"the server named no picture of {target}")
    return info


async def download_picture(info: PictureInfo, media_ca: str | None = None) -> bytes:
    """The picture itself (a JPEG, not encrypted), from the URL the server named."""
    assert info.url is not None
    answer = await request("GET", info.url, context=tls_context(media_ca), max_response=MAX_PICTURE)
    return answer.body


async def set_picture(
    conn: Connection, image: bytes | None, group: JID | None = None
) -> str | None:
    """Set our picture (or ``group``'s, as its admin); None removes it. The new picture's id."""
    content = [picture_upload(image)] if image is not None else None
    answer = await _picture_request(conn, "set", content, group)
    info = parse_picture(answer)
    return info.id if info is not None else None


async def about_of(conn: Connection, users: list[JID]) -> dict[JID, About]:
    """Each user's about text (usync ``status``); a user the answer leaves out has none."""
    answer = await conn.iq("usync", "get", [status_query(users)])
    found = parse_status_answer(answer)
    return {user: found.get(user.to_non_ad(), About(None, None)) for user in users}


async def set_about(conn: Connection, text: str) -> None:
    await conn.iq("status", "set", [about_change(text)])


def _push_name_change(name: str) -> ChatChange:
    value = sync_action_pb2.SyncActionValue(timestamp=int(time.time() * 1000))
    value.push_name_setting.name = name
    mutation = NewMutation(Operation.SET, ["setting_pushName"], value, 1)
    return ChatChange("set-name", "", "critical_block", (mutation,))


async def set_push_name(conn: Connection, store: Store, name: str) -> NameSet:
    """Tell our other devices (when we hold the app-state key) and the server our new push
    name, and keep it as the account's."""
    synced = True
    try:
        await AppStateWriter(store).write(conn, _push_name_change(name))
    except NoAppStateKey:
        synced = False
    # "unavailable": the name reaches the server without marking us online.
    await conn.send(own_presence(False, name))
    await conn.iq("w:p", "get", [Node("ping")])  # the server has read it before we hang up
    with store.transaction():
        store.set_push_name(name)
    return NameSet(name, synced)


async def business_profile(conn: Connection, jid: JID) -> BusinessProfile | None:
    """``jid``'s business profile; None when it is no business account."""
    answer = await conn.iq("w:biz", "get", [business_query(jid)])
    return parse_business(answer)


@dataclass(frozen=True, slots=True)
class ProfileView:
    """What ``wacli profile show`` prints of a user or group."""

    jid: JID
    about: About | None  # None for a group
    picture_id: str | None  # None: no picture, or hidden from us


class ProfileAdmin:
    """Profiles through one connection per call (Client.profiles)."""

    def __init__(self, store: Store, connected: Connected) -> None:
        self._store = store
        self._connected = connected

    async def show(self, jid: JID) -> ProfileView:
        async with self._connected() as conn:
            about = None if jid.is_group else (await about_of(conn, [jid]))[jid]
            try:
                picture: str | None = (await picture_info(conn, jid)).id
            except NoPicture:
                picture = None
        return ProfileView(jid, about, picture)

    async def picture(self, jid: JID, preview: bool = False, media_ca: str | None = None) -> bytes:
        async with self._connected() as conn:
            info = await picture_info(conn, jid, preview)
        return await download_picture(info, media_ca)

    async def set_picture(self, image: bytes | None, group: JID | None = None) -> str | None:
        async with self._connected() as conn:
            return await set_picture(conn, image, group)

    async def set_about(self, text: str) -> None:
        async with self._connected() as conn:
            await set_about(conn, text)

    async def set_push_name(self, name: str) -> NameSet:
        async with self._connected() as conn:
            return await set_push_name(conn, self._store, name)

    async def business(self, jid: JID) -> BusinessProfile | None:
        async with self._connected() as conn:
            return await business_profile(conn, jid)
