"""``client.groups``: the groups we are in, and managing one (``wacli groups``).

Each operation takes one connection from the client (a running listen's, else a login of
its own) and asks the server (wacli.client.groups); the archive's chat names follow the
subjects seen on the way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractAsyncContextManager

from wacli.client import groups as g
from wacli.client.connection import Connection
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
        async with self._connected() as conn:
            found = await g.fetch_group(conn, self._store, group)
        self._name_chats([found])
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
