"""``client.groups``: the groups we are in, and managing one (``wacli groups``).

Each operation takes one connection from the client (a running listen's, else a login of
its own) and asks the server (wacli.client.groups); the archive's chat names follow the
subjects seen on the way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractAsyncContextManager

from wacli.client import communities as co
from wacli.client import group_invites as gi
from wacli.client import groups as g
from wacli.client.communities import SubGroup
from wacli.client.connection import Connection
from wacli.client.group_invites import Joined, JoinRequest
from wacli.jid import JID
from wacli.store import Store
from wacli.store.archive import Archive

Connected = Callable[[], AbstractAsyncContextManager[Connection]]


class GroupAdmin:
    def __init__(self, store: Store, connected: Connected) -> None:
        self._store = store
        self._connected = connected

    def _name_chats(self, groups: Iterable[g.Group]) -> None:
        """The archive's chat names follow the subjects the server told us."""
        archive = Archive(self._store)
        with self._store.transaction():
            for group in groups:
                if group.subject:
                    archive.upsert_chat(str(group.jid), name=group.subject)

    async def participating(self) -> list[g.Group]:
        """The groups this account is a member of."""
        async with self._connected() as conn:
            found = await g.participating(conn)
        self._name_chats(found)
        return found

    async def info(self, group: JID) -> g.Group:
        """One group's metadata and participants."""
        from wacli.client.chat_timers import remember  # what our sends there then carry

        async with self._connected() as conn:
            found = await g.fetch_group(conn, self._store, group)
        self._name_chats([found])
        remember(self._store, group, found.disappearing)
        return found

    async def create(self, subject: str, participants: list[JID]) -> g.Group:
        """A new group with us as its admin (the server leaves out whom it cannot add)."""
        async with self._connected() as conn:
            made = await g.create_group(conn, self._store, subject, participants)
        self._name_chats([made])
        return made

    async def change(
        self, group: JID, action: str, participants: list[JID]
    ) -> list[g.ParticipantResult]:
        """add/remove/promote/demote: the server's verdict on each participant."""
        async with self._connected() as conn:
            return await g.change_participants(conn, group, action, participants)

    async def set_subject(self, group: JID, subject: str) -> None:
        async with self._connected() as conn:
            await g.set_subject(conn, group, subject)
        with self._store.transaction():
            Archive(self._store).upsert_chat(str(group), name=subject)

    async def set_description(self, group: JID, text: str | None) -> None:
        """Replace the description; ``text`` None deletes it."""
        async with self._connected() as conn:
            await g.set_description(conn, self._store, group, text)

    async def leave(self, group: JID) -> None:
        async with self._connected() as conn:
            await g.leave_group(conn, group)

    # -- invite links, settings, join requests (wacli.client.group_invites) ------------------

    async def invite_code(self, group: JID, *, revoke: bool = False) -> str:
        async with self._connected() as conn:
            return await gi.invite_code(conn, group, revoke=revoke)

    async def preview(self, code: str) -> g.Group:
        async with self._connected() as conn:
            return await gi.preview(conn, code)

    async def join(self, code: str) -> Joined:
        """Join by invite code; the archive names the chat once we are in."""
        async with self._connected() as conn:
            joined = await gi.join(conn, code)
            if not joined.pending:
                self._name_chats([await g.fetch_group(conn, self._store, joined.group)])
        return joined

    async def set_setting(self, group: JID, name: str, on: bool) -> None:
        async with self._connected() as conn:
            await gi.set_setting(conn, group, name, on)

    async def join_requests(self, group: JID) -> list[JoinRequest]:
        async with self._connected() as conn:
            return await gi.join_requests(conn, group)

    async def answer_requests(
        self, group: JID, action: str, participants: list[JID]
    ) -> list[g.ParticipantResult]:
        async with self._connected() as conn:
            return await gi.answer_requests(conn, group, action, participants)

    # -- communities (wacli.client.communities) ---------------------------------------------

    async def sub_groups(self, community: JID) -> list[SubGroup]:
        async with self._connected() as conn:
            return await co.sub_groups(conn, community)

    async def change_link(self, community: JID, group: JID, *, link: bool) -> None:
        async with self._connected() as conn:
            await co.change_link(conn, community, group, link=link)
