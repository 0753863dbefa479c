"""The server's shared in-memory side: live connections, issued refs, phones, counters.

Connections, the IQ handlers and the admin API all reach each other through
the one Hub; what must survive a restart is in ``hub.state`` (SandboxState).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wacli.binary import Node
from wacli.jid import DEFAULT_USER_SERVER, JID, LID_SERVER
from wacli.noise import issue_cert_chain
from wacli.protocol import AdvError
from wacli.protocol.adv import verify_device_identity
from wacli.protocol.prekeys import SignedKey
from wacli.protocol.status_privacy import StatusPrivacy
from wacli.sandbox import appstate, history, notify, phone_messages
from wacli.sandbox.channels import Channels
from wacli.sandbox.client_version import ClientVersions
from wacli.sandbox.keepalive import PING_SECONDS
from wacli.sandbox.media import MediaStore
from wacli.sandbox.phone import PHONE_PLATFORM, SimulatedPhone
from wacli.sandbox.recorder import Recorder
from wacli.sandbox.registration import FIRST_REF_SECONDS, NEXT_REF_SECONDS, Registration
from wacli.sandbox.stanzas import (
    new_id,
    pair_success,
    stream_error_code,
    stream_error_device_removed,
)
from wacli.sandbox.state import Account, Device, SandboxState

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

log = logging.getLogger(__name__)

PAIR_REPLY_TIMEOUT = 20.0


class LinkError(Exception):
    """Linking a companion failed; ``status`` is the admin API's HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Linked:
    device: JID
    lid: JID
    platform: str


class Hub:
    def __init__(
        self,
        state: SandboxState,
        *,
        first_ref_seconds: float = FIRST_REF_SECONDS,
        next_ref_seconds: float = NEXT_REF_SECONDS,
        ping_seconds: float = PING_SECONDS,
        privacy_tokens: str = "enforce",
    ) -> None:
        if privacy_tokens not in ("enforce", "off"):
            raise ValueError(f"privacy_tokens is 'enforce' or 'off', not {privacy_tokens!r}")
        self.state = state
        # Privacy tokens (privacy.py): whether new accounts require them by default, and
        # whether the server issues them (privacy_token notifications) on its own.
        self.require_token = self.issue_tokens = privacy_tokens == "enforce"
        self.ping_seconds = ping_seconds  # the server's keepalive pings (0: none)
        self.cert_chain = issue_cert_chain(state.root_key, state.server_static.public)
        self.media = MediaStore(state.directory / "media")  # blobs; served by server.py
        self.first_ref_seconds = first_ref_seconds
        self.next_ref_seconds = next_ref_seconds
        self.connections: set[Connection] = set()
        self.logged_in: dict[tuple[str, int], Connection] = {}
        self.refs: dict[bytes, Connection] = {}  # live pair-device refs -> waiting companion
        self.code_refs: dict[bytes, Connection] = {}  # link-code refs -> waiting companion
        self.stats: Counter[str] = Counter()
        # (phone, device) -> (class, id) of each stanza its ack or receipt took off its
        # queue, in that order (delivery.settle; GET /admin/accounts/{phone}/acked).
        self.acked: dict[tuple[str, int], deque[tuple[str, str]]] = {}
        self.low_prekeys_notified: set[tuple[str, int]] = set()
        self.available: dict[str, bool] = {}  # phone -> last presence it announced
        # Read receipts (admin_read.py): the receipts each phone got, newest last, and the
        # accounts whose user turned read receipts off in the privacy settings.
        self.phone_receipts: dict[str, deque[dict[str, Any]]] = {}
        self.read_receipts_off: set[str] = set()
        # Privacy settings changed from their defaults and blocklists (blocking.py).
        self.privacy_values: dict[str, dict[str, str]] = {}
        self.blocklists: dict[str, list[str]] = {}  # phone -> blocked user JIDs
        self.business_profiles: dict[str, dict[str, Any]] = {}  # admin_business.py
        self.group_pictures: dict[str, tuple[int, bytes | None]] = {}  # jid -> (id, picture)
        self.channels = Channels()  # newsletters the admin API created (channels.py)
        self.status_privacy: dict[str, StatusPrivacy] = {}  # phone -> set by admin_status.py
        self.last_seen: dict[str, int] = {}
        # Faults set through the admin API.
        self.delay_seconds = 0.0  # before every stanza the server sends
        # Answer group changes as other servers do: success as error="200" on each
        # participant, and a leave with an empty result (admin faults "group_answers").
        self.explicit_group_answers = False
        self.client_versions = ClientVersions()  # the oldest accepted, the current one
        self.recorder = Recorder()  # shapes of what devices send, per phase (admin: off)
        self._login_failures: dict[str, tuple[dict[str, str], float | None]] = {}
        self._phones: dict[str, SimulatedPhone] = {}

    def close(self) -> None:
        for phone in self._phones.values():
            phone.close()
        self._phones.clear()

    # -- accounts and phones ------------------------------------------------------------

    def phone(self, number: str) -> SimulatedPhone:
        phone = self._phones.get(number)
        if phone is None:
            phone = SimulatedPhone(number, self.state.phones_dir / number)
            self._phones[number] = phone
        return phone

    def new_phone(self, number: str) -> SimulatedPhone:
        """A fresh phone for ``number`` (a reinstall): the old one is closed and its Signal
        store deleted, so the new one starts with new keys and no sessions."""
        old = self._phones.pop(number, None)
        if old is not None:
            old.close()
        shutil.rmtree(self.state.phones_dir / number, ignore_errors=True)
        return self.phone(number)

    async def phone_receives(self, number: str, node: Node) -> None:
        """What the server delivers to device 0 of ``number`` (delivery.deliver hands it
        here): the simulated phone acts on it (phone_messages.py) instead of a queue."""
        await phone_messages.phone_receives(self, number, node)

    def create_account(
        self,
        number: str,
        push_name: str,
        lid: str | None = None,
        *,
        require_token: bool | None = None,
    ) -> Account:
        account = self.state.create_account(number, push_name, lid)
        # Its privacy settings and NCT salt exist from the start.
        self.state.privacy_settings(
            number, self.require_token if require_token is None else require_token
        )
        self.phone(number)  # its identity exists from the start
        return account

    def account_of(self, jid: JID) -> Account | None:
        if jid.is_lid:
            return self.state.account_by_lid(jid.user)
        if jid.is_pn:
            return self.state.account(jid.user)
        return None

    def device_record(self, phone: str, device: int) -> Device | None:
        if device == 0:
            return self.phone(phone).device_record() if self.state.account(phone) else None
        return self.state.device(phone, device)

    def device_ids(self, phone: str) -> list[tuple[int, int]]:
        """(device id, key index) of every device of the account, the phone's (0, 0) first."""
        return [(0, 0)] + [(d.device, d.key_index) for d in self.state.devices(phone)]

    def take_prekey(self, phone: str, device: int) -> tuple[int, bytes] | None:
        if device == 0:
            return self.phone(phone).one_time_prekey()
        return self.state.take_prekey(phone, device)

    @staticmethod
    def jids(account: Account, device: int = 0) -> tuple[JID, JID]:
        return (
            JID(account.phone, DEFAULT_USER_SERVER, device),
            JID(account.lid, LID_SERVER, device),
        )

    # -- connection registry ------------------------------------------------------------

    def attach(self, conn: Connection) -> None:
        self.connections.add(conn)
        self.stats["connections_total"] += 1

    def detach(self, conn: Connection) -> None:
        self.connections.discard(conn)
        for table in (self.refs, self.code_refs):
            for ref in [r for r, c in table.items() if c is conn]:
                del table[ref]
        if conn.device_key is not None and self.logged_in.get(conn.device_key) is conn:
            del self.logged_in[conn.device_key]

    async def logged_in_as(self, conn: Connection, key: tuple[str, int]) -> None:
        """Register a login; an older connection of the same device is replaced."""
        old = self.logged_in.get(key)
        self.logged_in[key] = conn
        if old is not None and old is not conn:
            await old.replaced()

    def connections_of(self, phone: str) -> list[Connection]:
        return [c for (p, _), c in self.logged_in.items() if p == phone]

    # -- linking ------------------------------------------------------------------------

    def companion_for_code(self, phone: str) -> Connection | None:
        """The newest companion that asked to be linked to ``phone`` by code."""
        found = None
        for conn in self.code_refs.values():
            reg = conn.registration
            if reg is None or reg.code is None or reg.code.phone != phone:
                continue
            if not reg.linking and not reg.linked:
                found = conn
        return found

    async def link(
        self, account: Account, conn: Connection, adv_secret: bytes, *, tamper: bool = False
    ) -> Linked:
        """The phone of ``account`` links the waiting companion on ``conn``: pair-success,
        the companion's countersigned identity, then stream error 515 to make it log in.
        With ``tamper`` the phone signs with a wrong ADV secret, so a careful companion
        refuses (pair_error) and the link fails."""
        reg = conn.registration
        if reg is None or reg.linked:
            raise LinkError(409, "that companion is not waiting to be linked")
        if reg.linking:
            raise LinkError(409, "that companion is being linked already")
        reg.linking = True
        try:
            return await self._link(account, conn, reg, os.urandom(32) if tamper else adv_secret)
        finally:
            reg.linking = False

    async def _link(
        self, account: Account, conn: Connection, reg: Registration, adv_secret: bytes
    ) -> Linked:
        phone = self.phone(account.phone)
        device_id, key_index = self.state.allocate_device(account.phone)
        device_jid, lid_jid = self.jids(account, device_id)
        identity = phone.sign_companion(reg.identity_public, adv_secret, key_index)
        stanza = pair_success(new_id(), device_jid, lid_jid, PHONE_PLATFORM, identity)
        reply = await conn.request(stanza, PAIR_REPLY_TIMEOUT)
        if reply is None and conn.closed:
            raise LinkError(409, "the companion disconnected before answering pair-success")
        if reply is None:
            raise LinkError(504, "the companion did not answer pair-success in time")
        if reply.attr("type") != "result":
            raise LinkError(409, f"the companion refused pair-success: {reply!r}"[:300])
        sign = reply.child("pair-device-sign")
        node = None if sign is None else sign.child("device-identity")
        if node is None or not isinstance(node.content, bytes):
            raise LinkError(409, "the companion's answer lacks pair-device-sign/device-identity")
        try:
            details = verify_device_identity(
                node.content, reg.identity_public, phone.identity.public
            )
        except AdvError as exc:
            raise LinkError(409, f"the companion's signed identity is bad: {exc}") from None
        if details.key_index != key_index:
            raise LinkError(409, "the companion signed another key index")
        self.state.add_device(
            Device(
                phone=account.phone,
                device=device_id,
                noise_public=reg.noise_public,
                identity_public=reg.identity_public,
                registration_id=reg.registration_id,
                platform=reg.platform,
                key_index=key_index,
                signed_identity=node.content,
                signed_prekey=SignedKey(reg.skey_id, reg.skey_public, reg.skey_signature),
            )
        )
        reg.linked = True
        history.linked(self, account.phone, device_id, reg.inline_history)
        self.stats["pairings"] += 1
        await notify.devices_changed(self, account, "add", device_id)
        await appstate.after_link(self, account.phone, device_id)
        log.info("linked %s as %s", reg.platform, device_jid)
        # The companion must log in afresh with its new identity.
        await conn.stream_error(stream_error_code(515))
        return Linked(device_jid, lid_jid, reg.platform)

    # -- faults -------------------------------------------------------------------------

    def fail_logins(self, phone: str, attrs: dict[str, str], until: float | None) -> None:
        """Refuse the phone's logins with <failure attrs…>: until ``until`` (monotonic
        seconds), or once when None."""
        self._login_failures[phone] = (attrs, until)

    def login_failure(self, phone: str) -> dict[str, str] | None:
        entry = self._login_failures.get(phone)
        if entry is None:
            return None
        attrs, until = entry
        if until is None:
            del self._login_failures[phone]
        elif time.monotonic() >= until:
            del self._login_failures[phone]
            return None
        return attrs

    async def logout(self, phone: str) -> int:
        """The phone unlinks every companion; live ones get device_removed."""
        removed = 0
        account = self.state.account(phone)
        for device in self.state.devices(phone):
            self.state.remove_device(phone, device.device)
            removed += 1
            if account is not None:
                await notify.devices_changed(self, account, "remove", device.device)
            conn = self.logged_in.get((phone, device.device))
            if conn is not None:
                await conn.stream_error(stream_error_device_removed())
        return removed

    async def drop_all(self) -> int:
        conns = list(self.connections)
        for conn in conns:
            await conn.close()
        return len(conns)

    async def stream_error_to(self, phone: str, make: Callable[[], Node]) -> int:
        """Send a fresh stream error to every live device of ``phone`` and close them."""
        conns = self.connections_of(phone)
        for conn in conns:
            await conn.stream_error(make())
        return len(conns)
