"""The client, the one entry point of every command: it owns the connection, the
wiring of the features and the event sink.

    client = Client(store, Endpoint(url, root_key, version), sink)
    await client.pair(phone=None)              # QR (or code with phone); then logs in once
    sent = await client.send_text(to, "hi")    # or send_file, react, edit, revoke
    await client.groups.change(group, "add", [jid])
    run = client.listen(sink)                  # every listen feature, wired in one place
    await run()                                # reconnect with backoff until a final error

Each command takes one connection (``connected()``): the running ``listen``'s, through
its relay socket (a device has one connection at a time), else a login of its own.
Every event goes to ``sink`` (an async callable); the CLI's sink writes NDJSON or
draws the QR. Which handlers see the stanzas of a connection is wacli.client.wiring's.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import anyio

from wacli.binary import Node
from wacli.client import connection_events as ev
from wacli.client import privacy_tokens
from wacli.client import version as wa_version
from wacli.client.backoff import backoff_delays
from wacli.client.connection import Connection, Endpoint
from wacli.client.dispatcher import Handler, Sink
from wacli.client.errors import (
    AlreadyPairedError,
    CertificateError,
    ClientError,
    ClientOutdatedError,
    ConnectError,
    ConnectionLost,
    LoggedOutError,
    NotPairedError,
    PairingFailed,
    RequestTimeout,
    RestartRequired,
    StreamFailure,
    refused_ack,
)
from wacli.client.messaging import (
    archive_sent,
    check_file,
    check_target,
    check_text,
    deliver,
    name_reaction_author,
    quote,
)
from wacli.client.operations import Operation, Sent, Warn
from wacli.client.payload import (
    VERSION_ENV,
    Agent,
    login_payload,
    registration_payload,
    version_text,
)
from wacli.client.prekeys import PrekeyRefill, check_digest, refill_prekeys
from wacli.client.presence import chat_state, own_presence, subscribe
from wacli.client.props import refresh_props
from wacli.client.relay import open_remote
from wacli.client.routes import Key, command_routes
from wacli.client.send import (
    edit_message,
    new_message_id,
    reaction_message,
    revoke_message,
    text_message,
)
from wacli.client.wiring import Wiring, command_wiring
from wacli.jid import JID, JIDError, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.unified_session import unified_session
from wacli.signal.device import ensure_identity, rotate_signed_prekey
from wacli.store import Store
from wacli.store.device_tables import AccountRecord
from wacli.store.rule_tables import WA_VERSION

if TYPE_CHECKING:
    from wacli.client.appstate_write import Written
    from wacli.client.backfill import Backfilled
    from wacli.client.direct_connection import DirectConnection
    from wacli.client.events import PairSuccess
    from wacli.client.group_admin import GroupAdmin
    from wacli.client.media import MessageFile
    from wacli.client.on_whatsapp import Registration
    from wacli.client.privacy import PrivacyAdmin
    from wacli.client.profiles import ProfileAdmin
    from wacli.client.relay_server import RelayServer
    from wacli.protocol.newsletters import Channel, ChannelPost

# A feature a command may not use is imported by the method that uses it, so that a
# one-off `wacli send` loads only what sending takes (README, Performance: start-up).

log = logging.getLogger(__name__)

# After pair-success the server sends stream error 515; if it does not, log in anyway.
RESTART_WAIT = 20.0

_T = TypeVar("_T")


def is_retryable(exc: ClientError) -> bool:
    """Whether a reconnect may cure this failure (``listen`` keeps trying only then)."""
    if isinstance(exc, CertificateError | PairingFailed):
        return False
    if isinstance(exc, ConnectionLost | RestartRequired | ConnectError):
        return True
    if isinstance(exc, RequestTimeout):
        return True  # a slow server or link (a login or a hook's IQ unanswered): try anew
    if isinstance(exc, StreamFailure):
        return exc.retry
    return False


class NoPushName(ClientError):
    """Own presence needs a push name, and neither the store nor the server gave one."""


class Client:
    """See the module. ``routes``: more routes for the one-shot wiring (a program
    embedding the client that wants, say, message events on ``login()``), keyed as in
    wacli.client.routes."""

    def __init__(
        self,
        store: Store,
        endpoint: Endpoint,
        sink: Sink,
        *,
        routes: Mapping[Key, Handler] | None = None,
        agent: Agent | None = None,
    ) -> None:
        self.store = store
        # WACLI_WA_VERSION, else a newer version learnt after a 405 (kept in the store).
        announced = wa_version.announced_version(endpoint.version, store.setting_text(WA_VERSION))
        self.endpoint = endpoint._replace(version=announced)
        self._sink = sink
        self._wiring = command_wiring(store, routes)
        self.agent = agent or Agent(version=announced)
        self.accepted_once = False  # whether the server ever answered a login with <success>
        # listen's relay, once this client is listen's: its connection serves our own
        # commands' operations (``perform``) and those other processes hand it.
        self._serving: RelayServer | None = None

    @cached_property
    def groups(self) -> GroupAdmin:
        """Create groups, change their members, subject and description, leave them."""
        from wacli.client.group_admin import GroupAdmin

        return GroupAdmin(self.store, self.connected)

    @cached_property
    def profiles(self) -> ProfileAdmin:
        """Pictures, about texts and business profiles; our own picture, about, push name."""
        from wacli.client.profiles import ProfileAdmin

        return ProfileAdmin(self.store, self.connected)

    @cached_property
    def privacy(self) -> PrivacyAdmin:
        """The account's privacy settings and blocklist."""
        from wacli.client.privacy import PrivacyAdmin

        return PrivacyAdmin(self.store, self.connected)

    @property
    def account(self) -> AccountRecord | None:
        return self.store.load_account()

    def require_account(self) -> AccountRecord:
        account = self.store.load_account()
        if account is None:
            raise NotPairedError("this store is not paired; run 'wacli pair' first")
        return account

    def own_device(self) -> JID:
        """Our device JID (NotPairedError when the store is not paired)."""
        return parse_jid(self.require_account().jid)

    def own_users(self) -> tuple[JID | None, JID | None]:
        """Our account's JID and LID without a device; (None, None) when not paired."""
        account = self.store.load_account()
        if account is None:
            return None, None
        try:
            lid = parse_jid(account.lid).to_non_ad() if account.lid else None
            return parse_jid(account.jid).to_non_ad(), lid
        except JIDError:
            return None, None

    # -- pairing ------------------------------------------------------------------------

    async def pair(self, phone: JID | None = None, **timeouts: float) -> PairSuccess:
        """Link this store (QR, or by code for ``phone``), then log in once.

        Returns the PairSuccess event; raises AlreadyPairedError when the store is
        paired, RequestTimeout when no phone linked in time, PairingFailed when the
        phone's proof did not verify (nothing stored), or the connection's error.
        The Signal identity and signed prekey go into the registration payload, so they
        are created (once) before connecting; the account row is written only on success.
        """
        from wacli.client.pairing import Pairing, PairingKeys
        from wacli.crypto import generate_key_pair

        existing = self.store.load_account()
        if existing is not None:
            raise AlreadyPairedError(existing.jid)
        identity = ensure_identity(self.store)
        signed = self.store.latest_signed_prekey() or rotate_signed_prekey(self.store)
        keys = PairingKeys(generate_key_pair(), identity, os.urandom(32))
        pairing = Pairing(self.store, keys, self._sink, phone, **timeouts)

        from wacli.client.direct_connection import open_connection

        async def register() -> None:  # again with the current version after a 405
            payload = registration_payload(identity, signed, self.agent).SerializeToString()
            try:
                async with open_connection(
                    self.endpoint,
                    keys.noise,
                    payload,
                    server_static=None,
                    sink=self._sink,
                    handler=command_routes(self.store, pairing=pairing, extra=self._wiring.extra),
                ) as conn:
                    # Attached before the body's first await, so before the reader runs.
                    pairing.attach(conn)
                    await pairing.done.wait()
                    with anyio.move_on_after(RESTART_WAIT):
                        await anyio.sleep_forever()  # until the 515 ends this connection
            except (RestartRequired, ConnectionLost) as exc:
                # After pair-success the server restarts the stream (515); a plain close
                # is as good.
                if pairing.result is None:
                    if isinstance(exc, ConnectionLost) and pairing.ran_out(exc):
                        # The server ended the pairing as its refs ran out, as ours did.
                        raise pairing.expired() from None
                    raise

        await self._with_current_version(register)
        if pairing.result is None:  # the connection closed before pairing finished
            raise ConnectionLost("the server closed the connection before pairing finished")
        async with self.login():
            pass
        return pairing.result

    # -- logging in ---------------------------------------------------------------------

    @asynccontextmanager
    async def connected(self, wiring: Wiring | None = None) -> AsyncIterator[Connection]:
        """A connection for one command: the running ``listen``'s, through its relay socket
        (a device has one connection at a time), else a login of our own (with ``wiring``,
        the one-shot commands' when None), while no other process is logged in on this
        store (open_remote holds its connection lock meanwhile). On ``listen``'s own
        client: its live connection."""
        self.require_account()
        if self._serving is not None:
            yield await self._serving.connection(self.endpoint.timing.connect)
            return
        sink = (wiring and wiring.sink) or self._sink
        async with open_remote(self.store.directory, sink, self.endpoint.timing) as remote:
            if remote is not None:
                yield remote
                return
            async with self.login(wiring=wiring) as conn:
                yield conn

    @asynccontextmanager
    async def login(
        self, *, announce: bool = False, wiring: Wiring | None = None
    ) -> AsyncIterator[DirectConnection]:
        """``_login_once``; refused as outdated (405), once more with the current version.
        ``announce``: a long-lived connection (listen) that tells its push name."""
        refused: tuple[int, int, int] | None = None
        while True:
            accepted = False
            try:
                async with self._login_once(announce, wiring or self._wiring) as conn:
                    accepted = True
                    yield conn
                return
            except ClientOutdatedError as exc:
                if accepted:
                    raise
                if refused is not None:
                    raise self._outdated_again(refused) from None
                refused = self.endpoint.version
                await self._adopt_current_version(exc)

    @asynccontextmanager
    async def _login_once(self, announce: bool, wiring: Wiring) -> AsyncIterator[DirectConnection]:
        """One logged-in connection: yields after ``<success>``, prekeys and ``<active/>``."""
        # Here, not at the top: a command that goes through listen's relay needs no
        # WebSocket or Noise.
        from wacli.client.direct_connection import open_connection

        account = self.require_account()
        device = parse_jid(account.jid)
        payload = login_payload(device, self.agent).SerializeToString()
        refill = PrekeyRefill(self.store)
        sink = wiring.sink or self._sink
        with self._forget_on_logout():
            async with open_connection(
                self.endpoint,
                account.noise_key,
                payload,
                server_static=account.server_static,
                sink=sink,
                handler=wiring.routes(refill),
            ) as conn:
                refill.attach(conn)  # before the body's first await, so before the reader runs
                success = await conn.wait_success()
                self.accepted_once = True
                self._remember(account, conn, success)
                await refill_prekeys(conn, self.store)
                await conn.iq("passive", "set", [Node("active")])
                await self._as_web_clients_do(conn, success, announce)
                await refresh_props(conn, self.store)  # they decide what a send carries
                privacy_tokens.prune(self.store)
                await check_digest(conn, self.store)
                await sink(ev.Connected())
                for hook in wiring.on_connect:
                    await hook(conn)
                yield conn

    async def _as_web_clients_do(self, conn: Connection, success: Node, announce: bool) -> None:
        """What WhatsApp Web says after a login: the unified-session marker and, on the
        connection of ``listen`` (``announce``), our push name with an ``unavailable``
        presence: those we write to see the name, while "available" would mark us online
        and mute the phone's notifications. A one-shot command says nothing of presence:
        each cron send would move our "last seen" otherwise."""
        now_ms = int(time.time() * 1000)
        t = success.attr("t")
        offset = int(t) * 1000 - now_ms if t and t.isdigit() else 0
        await conn.send(unified_session(now_ms, offset))
        push_name = self.require_account().push_name  # as _remember may have just set it
        if announce and push_name:
            await conn.send(own_presence(False, push_name))

    async def logout(self) -> None:
        """Unlink this device at the server, then forget the account (the archive stays)."""
        account = self.require_account()
        unlink = Node(
            "remove-companion-device",
            {"jid": parse_jid(account.jid), "reason": "user_initiated"},
        )
        try:
            async with self.connected() as conn:
                await conn.iq("md", "set", [unlink])
        except LoggedOutError:
            pass  # the server ends an unlinked device's stream (device_removed): expected
        with self.store.transaction():
            self.store.delete_account()

    @contextmanager
    def _forget_on_logout(self) -> Iterator[None]:
        try:
            yield
        except LoggedOutError:
            # The server will not take this device again: forget it so 'wacli pair' can start over.
            with self.store.transaction():
                self.store.delete_account()
            raise

    def _remember(self, account: AccountRecord, conn: Connection, success: Node) -> None:
        with self.store.transaction():
            if conn.pattern != "IK" and conn.server_static != account.server_static:
                assert conn.server_static is not None
                self.store.set_server_static(conn.server_static)
            lid = success.attr("lid")
            if lid and lid != account.lid:
                self.store.set_account_lid(lid)
            # A store linked by code learns its push name here first (the QR path from
            # pair-success); the name an app-state sync brings later replaces it.
            name = success.attr("display_name")
            if name and not account.push_name:
                self.store.set_push_name(name)

    # -- the WhatsApp Web version announced (wacli.client.version) -------------------------

    async def _with_current_version(self, attempt: Callable[[], Awaitable[_T]]) -> _T:
        """``attempt()``; refused as outdated (405), once more with the current version."""
        refused = self.endpoint.version
        try:
            return await attempt()
        except ClientOutdatedError as exc:
            await self._adopt_current_version(exc)
        try:
            return await attempt()
        except ClientOutdatedError:
            raise self._outdated_again(refused) from None

    async def _adopt_current_version(self, refusal: ClientOutdatedError) -> None:
        """After a 405: look up the version WhatsApp Web serves now, keep it in the store and
        announce it from now on. Raises a ClientOutdatedError saying what to do instead when
        WACLI_WA_VERSION chose the version, the look-up fails or finds the refused one."""
        if wa_version.overridden():
            raise refusal  # the user chose this version; a look-up must not overrule them
        old = version_text(self.endpoint.version)
        url = wa_version.version_url()
        hint = (
            f"set {VERSION_ENV}=2.3000.N (N: the client_revision web.whatsapp.com serves) "
            "and try again"
        )
        try:
            current = await wa_version.fetch_current_version(
                url, timeout=self.endpoint.timing.connect
            )
        except ClientError as exc:
            raise ClientOutdatedError(
                f"the server says WhatsApp Web {old} is outdated, and looking up the current "
                f"version failed ({exc}); {hint}",
                405,
            ) from None
        new = version_text(current)
        if current == self.endpoint.version:
            raise ClientOutdatedError(
                f"the server says WhatsApp Web {old} is outdated, but {url} names that same "
                f"version; {hint}",
                405,
            )
        with self.store.transaction():
            self.store.set_setting(WA_VERSION, new)
        log.warning("WhatsApp Web %s is outdated; retrying as %s", old, new)
        self.endpoint = self.endpoint._replace(version=current)
        self.agent = self.agent._replace(version=current)

    def _outdated_again(self, refused: tuple[int, int, int]) -> ClientOutdatedError:
        return ClientOutdatedError(
            f"the server refused WhatsApp Web {version_text(refused)} and also "
            f"{version_text(self.endpoint.version)}, the current version looked up; set "
            f"{VERSION_ENV}=2.3000.N to a version it accepts and try again",
            405,
        )

    async def run(
        self,
        wiring: Wiring | None = None,
        *,
        initial_delay: float = 1.0,
        max_delay: float = 60.0,
    ) -> None:
        """Stay connected (``listen``): reconnect with jittered backoff after retryable ends.

        Returns never; raises the first failure a reconnect cannot cure. Nothing is
        retried before the server accepted a login once: a server that cannot be reached
        or hangs up before that is a wrong --server or no network, which backoff will not
        cure and a user should hear about (as whatsmeow's Connect returns its error).
        """
        wiring = wiring or self._wiring
        delays = backoff_delays(initial_delay, max_delay)
        while True:
            try:
                async with self.login(announce=True, wiring=wiring):
                    delays = backoff_delays(initial_delay, max_delay)
                    await anyio.sleep_forever()
            except ClientError as exc:
                if not is_retryable(exc) or not self.accepted_once:
                    raise
                for hook in wiring.on_disconnect:
                    await hook(exc)
                await (wiring.sink or self._sink)(ev.Disconnected(reason=str(exc)))
                delay = next(delays)
                log.info("reconnecting in %.1f s after: %s", delay, exc)
                await anyio.sleep(delay)

    # -- listen ---------------------------------------------------------------------------

    def listen(
        self,
        sink: Sink,
        *,
        download_media: Path | None = None,
        media_ca: str | None = None,
        mark_read: bool = False,
    ) -> Callable[[], Awaitable[None]]:
        """``wacli listen``: every feature wired (wacli.client.listen_wiring), the
        events to ``sink``; returns what runs it until a failure no reconnect cures.
        NotPairedError when the store is not paired, OSError when ``download_media``
        cannot be created."""
        from wacli.client.listen_wiring import listen_features

        self.require_account()
        features = listen_features(
            self.store, sink, download_media, media_ca, mark_read, perform=self.perform
        )
        self._serving = features.relay
        return partial(features.run, partial(self.run, features.wiring))

    async def perform(self, operation: Operation, warn: Warn = log.warning) -> Sent:
        """Do what a command asked (wacli.client.operations): the command's own, or one
        another process handed ``listen``'s relay (wacli.client.relay_perform)."""
        return await operation.run(self, warn)

    # -- messages -------------------------------------------------------------------------

    # Each send checks what it names first (wacli.client.messaging: Unsendable, or a
    # line to ``warn`` for an id the archive does not know).

    async def send_text(
        self, to: JID, text: str, *, reply_to: str | None = None, warn: Warn = log.warning
    ) -> Sent:
        """A text message; with ``reply_to`` quoting that message (embedded when archived)."""
        check_text(text)
        if reply_to is not None:
            check_target(self.store, to, reply_to, "reply-to", warn)
        quoted = quote(self.store, to, reply_to, self.own_device())
        return await self._send(to, text_message(text, reply_to, quoted.message, quoted.sender))

    async def send_file(
        self,
        to: JID,
        name: str,
        data: bytes,
        *,
        caption: str | None = None,
        reply_to: str | None = None,
        media_ca: str | None = None,
        warn: Warn = log.warning,
        sticker: bool = False,
        view_once: bool = False,
    ) -> Sent:
        """Upload a file (image, video, audio or document by the MIME type of ``name``; a
        WebP ``sticker``; a photo or video to be viewed once) and send its message over the
        same connection."""
        from wacli.client.chat_timers import with_timer
        from wacli.client.media import file_message, quote_in
        from wacli.client.message_kinds import check_sticker, check_view_once
        from wacli.protocol.message_kinds import view_once as viewed_once

        check_file(name, data)
        if sticker:
            check_sticker(name, data)
        if view_once:
            check_view_once(name)
        if reply_to is not None:
            check_target(self.store, to, reply_to, "reply-to", warn)
        own = self.own_device()
        quoted = quote(self.store, to, reply_to, own)
        async with self.connected() as conn:
            message = await file_message(
                conn, data, name, caption=caption, media_ca=media_ca, sticker=sticker
            )
            if reply_to is not None:
                quote_in(message, reply_to, quoted.message, quoted.sender)
            if view_once:
                message = viewed_once(message)
            message = with_timer(self.store, to, message)
            sent = await deliver(conn, self.store, own, to, message)
        archive_sent(self.store, sent, own, message)
        return sent

    async def post_status(
        self,
        text: str | None = None,
        file: tuple[str, bytes] | None = None,
        *,
        caption: str | None = None,
        viewers: list[JID] | None = None,
        media_ca: str | None = None,
    ) -> Sent:
        """Post a text or a file (``file``: its name and bytes) as a status update, seen by
        ``viewers`` or else the address book as the status privacy allows
        (wacli.client.status); not filed in the archive."""
        from wacli.client.media import file_message
        from wacli.client.status import check_status_file, post_status
        from wacli.protocol.status_message import text_status

        if file is not None:
            check_file(*file)
            check_status_file(file[0])
        else:
            check_text(text or "")
        own = self.own_device()
        async with self.connected() as conn:
            if file is not None:
                name, data = file
                message = await file_message(conn, data, name, caption=caption, media_ca=media_ca)
            else:
                message = text_status(text or "")
            return await post_status(conn, self.store, own, message, viewers)

    # -- channels (wacli.client.newsletters) ------------------------------------------------

    async def channels(self) -> list[Channel]:
        """The channels this account follows or administers."""
        from wacli.client.newsletters import followed_channels

        self.require_account()
        async with self.connected() as conn:
            return await followed_channels(conn)

    async def follow_channel(self, channel: JID, following: bool = True) -> None:
        """Follow a channel (``following`` False: unfollow it)."""
        from wacli.client.newsletters import follow

        self.require_account()
        async with self.connected() as conn:
            await follow(conn, channel, following)

    async def channel_posts(
        self, channel: JID, count: int, before: int | None = None
    ) -> list[ChannelPost]:
        """A channel's latest ``count`` messages (before server id ``before``), oldest first."""
        from wacli.client.newsletters import recent_posts

        self.require_account()
        async with self.connected() as conn:
            return await recent_posts(conn, channel, count, before)

    async def post_to_channel(self, channel: JID, text: str) -> tuple[Sent, int | None]:
        """Post a text to a channel we administer: the message and its server id."""
        from wacli.client.newsletters import post

        check_text(text)
        self.require_account()
        async with self.connected() as conn:
            return await post(conn, channel, text_message(text))

    async def react(
        self, chat: JID, message_id: str, emoji: str, *, warn: Warn = log.warning
    ) -> Sent:
        """React to a message (an empty emoji takes the reaction back)."""
        check_target(self.store, chat, message_id, "react", warn)
        message = reaction_message(chat, message_id, emoji)
        name_reaction_author(self.store, chat, message)
        return await self._send(chat, message)

    async def edit(
        self, chat: JID, message_id: str, text: str, *, warn: Warn = log.warning
    ) -> Sent:
        """Replace the text of one of our messages."""
        check_text(text)
        check_target(self.store, chat, message_id, "edit", warn)
        return await self._send(chat, edit_message(chat, message_id, text))

    async def mark_read(self, chat: JID, ids: list[str], sender: JID | None = None) -> bool:
        """Mark messages of ``chat`` read (``sender``: their author, in a group); returns
        whether the sender was told (False when the account's read receipts are off: only
        our own devices learn of it)."""
        from wacli.client.read_receipts import mark_read

        self.require_account()
        async with self.connected() as conn:
            return await mark_read(conn, chat, ids, sender)

    async def revoke(self, chat: JID, message_id: str, *, warn: Warn = log.warning) -> Sent:
        """Delete one of our messages for everyone."""
        check_target(self.store, chat, message_id, "revoke", warn)
        return await self._send(chat, revoke_message(chat, message_id))

    async def send_location(
        self, to: JID, latitude: float, longitude: float, name: str | None, address: str | None
    ) -> Sent:
        """A place (Unsendable off the globe)."""
        from wacli.client.message_kinds import place  # loaded only for these kinds

        return await self._send(to, place(latitude, longitude, name, address))

    async def send_contact(
        self, to: JID, name: str | None, phone: str | None, card: str | None = None
    ) -> Sent:
        """A contact card: NAME and PHONE, or a whole vCard (``card``)."""
        from wacli.client.message_kinds import contact_card  # loaded only for these kinds

        return await self._send(to, contact_card(name, phone, card))

    async def set_disappearing(self, chat: JID, seconds: int) -> Sent | None:
        """Set a chat's disappearing-messages timer (0: off) for everyone in it: a group's
        at the server (None), a 1:1 chat's as a message (wacli.client.disappearing)."""
        from wacli.client.disappearing import set_timer  # loaded only for this command

        own = self.own_device()
        async with self.connected() as conn:
            return await set_timer(conn, self.store, own, chat, seconds)

    async def send_poll(
        self, to: JID, question: str, options: list[str], selectable: int = 1
    ) -> Sent:
        """A poll (``selectable``: how many options one may choose, 0 any number), archived
        with the secret its votes are sealed with (wacli.client.polls)."""
        from wacli.client.polls import new_poll  # loaded only for polls

        return await self._send(to, new_poll(question, options, selectable))

    async def vote(self, chat: JID, poll_id: str, options: list[str]) -> Sent:
        """Vote for ``options`` (names) on the archived poll ``poll_id``; none takes our
        vote back."""
        from wacli.client.polls import poll_vote  # loaded only for polls

        return await self._send(chat, poll_vote(self.store, chat, poll_id, options))

    async def _send(self, to: JID, message: e2e_pb2.Message) -> Sent:
        from wacli.client.chat_timers import with_timer  # the chat's timer, if it has one

        message = with_timer(self.store, to, message)
        own = self.own_device()
        async with self.connected() as conn:
            sent = await deliver(conn, self.store, own, to, message)
        archive_sent(self.store, sent, own, message)
        return sent

    # -- presence -------------------------------------------------------------------------

    async def set_presence(self, available: bool) -> None:
        """Own presence, with the account's push name (NoPushName without one)."""
        name = self.require_account().push_name
        if not name:
            raise NoPushName(
                "the account has no push name yet, and the server wants one with the presence"
            )
        await self._send_stanza(own_presence(available, name))

    async def send_chat_state(self, to: JID, state: str) -> None:
        """typing, recording or paused, to one chat."""
        await self._send_stanza(chat_state(to, state))

    async def _send_stanza(self, node: Node) -> None:
        async with self.connected() as conn:
            await conn.send(node)
            # A round trip after it: the server has read the stanza before we hang up.
            await conn.iq("w:p", "get", [Node("ping")])

    async def follow_presence(self, contact: JID) -> None:
        """Subscribe to a contact's presence; its presence events go to the sink until
        cancelled (messages stay queued for ``listen``)."""
        from wacli.client.wiring import presence_wiring

        self.require_account()
        token = privacy_tokens.valid_token(self.store, contact)
        async with self.connected(presence_wiring(self.store)) as conn:
            await conn.send(subscribe(contact, token))
            await anyio.sleep_forever()

    # -- other commands -------------------------------------------------------------------

    async def backfill(self, chat: str, count: int, timeout: float) -> Backfilled:
        """Ask our phone for ``count`` older messages of ``chat``; wait ``timeout`` seconds
        for them to be archived (RequestTimeout when the phone did not answer)."""
        from wacli.client.backfill import OnDemandAnswer, backfill
        from wacli.client.history import HistorySyncHook
        from wacli.client.wiring import backfill_wiring

        own = self.own_device()
        hook = HistorySyncHook(self.store)
        answer = OnDemandAnswer()
        async with self.connected(backfill_wiring(self.store, hook, answer)) as conn:
            return await backfill(conn, self.store, own, hook, answer, chat, count, timeout)

    async def check_numbers(self, numbers: dict[str, JID]) -> list[Registration]:
        """Which phone numbers are on WhatsApp, with their JIDs and LIDs (``numbers``: as
        typed -> user JID), in the order given: one usync contact query."""
        from wacli.client.on_whatsapp import check_numbers

        self.require_account()
        async with self.connected() as conn:
            return await check_numbers(conn, self.store, numbers)

    async def reject_call(self, caller: JID, call_id: str) -> None:
        """Decline an incoming call on every device of this account."""
        from wacli.client.calls import reject_call

        own = self.own_device()
        async with self.connected() as conn:
            ack = await conn.request(reject_call(own, caller, call_id, new_message_id()))
        refused_ack(ack, f"the reject of call {call_id}")

    async def change_chat(self, action: str, chat: JID, mute_for: int | None = None) -> Written:
        """Pin, mute, archive, mark read (or undo) a chat on every device: one app-state
        patch (wacli.client.appstate_write)."""
        from wacli.client.appstate_write import AppStateWriter, chat_change

        writer = AppStateWriter(self.store)
        async with self.connected() as conn:
            change = chat_change(
                action, chat, mute_for=mute_for, last_message_at=writer.last_message_at(str(chat))
            )
            return await writer.write(conn, change)

    async def change_message(self, action: str, chat: JID, message_id: str) -> Written:
        """Star, unstar or delete for me one archived message of ``chat`` on every device:
        one app-state patch (wacli.client.appstate_write); UnknownMessage when the archive
        does not hold it."""
        from wacli.client.appstate_write import AppStateWriter, message_change

        writer = AppStateWriter(self.store)
        change = message_change(action, chat, writer.archived(chat, message_id))
        async with self.connected() as conn:
            return await writer.write(conn, change)

    async def download_media(
        self,
        media: MessageFile,
        media_ca: str | None = None,
        *,
        chat: str | None = None,
        message_id: str | None = None,
    ) -> bytes:
        """The checked file of a media message; asks media_conn for the hosts (connecting)
        only when the message gives no https ``url`` to take it from. When the host dropped
        the file (404/410) and the archive knows the message (``chat``, ``message_id``),
        our phone is asked to upload it again (wacli.client.media_retry)."""
        from wacli.client.http import HttpStatusError
        from wacli.client.media import download, media_hosts
        from wacli.client.media_retry import EXPIRED, archived_key, download_again

        ref = media.ref
        try:
            if ref.url.startswith("https://"):
                return await download(ref, media_ca=media_ca)
            async with self.connected() as conn:
                hosts = await media_hosts(conn)
            return await download(ref, media_ca=media_ca, hosts=hosts)
        except HttpStatusError as exc:
            key = None
            if exc.status in EXPIRED and chat is not None and message_id is not None:
                key = archived_key(self.store, chat, message_id)
            if key is None:
                raise
        own_user = self.own_device().to_non_ad()
        return await download_again(self.connected, self.store, own_user, media, key, media_ca)
