"""The client: pairing a fresh store, logging in, and staying connected.

    client = Client(store, Endpoint(url, root_key, version), sink)
    await client.pair(phone=None)          # QR (or code with phone); then logs in once
    async with client.session() as conn:   # listen's connection via its relay, else a login
        await conn.iq(...)                  # send, presence, logout, ...
    await client.run()                     # listen: reconnect with backoff until a final error

Every event goes to ``sink`` (an async callable); the CLI's sink writes NDJSON or
draws the QR. Feature handlers (messages, receipts, ...) are passed as ``handlers``
and see every stanza before the default treatment; ``on_connect`` hooks run on each
logged-in connection.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import replace
from typing import TypeVar

import anyio

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client import privacy_tokens
from wacli.client import version as wa_version
from wacli.client.backoff import backoff_delays
from wacli.client.connection import Connection, Endpoint, open_connection
from wacli.client.dispatcher import Handler, Outcome, Sink
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
)
from wacli.client.pairing import Pairing, PairingKeys
from wacli.client.payload import (
    VERSION_ENV,
    Agent,
    login_payload,
    registration_payload,
    version_text,
)
from wacli.client.prekeys import PrekeyRefill, check_digest, refill_prekeys
from wacli.client.presence import own_presence
from wacli.client.props import refresh_props
from wacli.client.relay import RemoteConnection, open_remote
from wacli.client.router import chain, leave_for_listen
from wacli.crypto import generate_key_pair
from wacli.jid import JID, parse_jid
from wacli.protocol.unified_session import unified_session
from wacli.signal.device import ensure_identity, rotate_signed_prekey
from wacli.store import Store
from wacli.store.device_tables import AccountRecord
from wacli.store.rule_tables import WA_VERSION

log = logging.getLogger(__name__)

# Work a feature does on every logged-in connection once it is up (after <success>, the
# prekeys and <active/>): an app-state resync, say. Runs before the session's body.
ConnectHook = Callable[[Connection], Awaitable[None]]
# What ``run`` tells after each end it will retry (listen's relay: what commands are told).
DisconnectHook = Callable[[ClientError], Awaitable[None]]

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


class Client:
    def __init__(
        self,
        store: Store,
        endpoint: Endpoint,
        sink: Sink,
        *,
        handlers: Sequence[Handler] = (),
        on_connect: Sequence[ConnectHook] = (),
        on_disconnect: Sequence[DisconnectHook] = (),
        default: Handler = leave_for_listen,
        agent: Agent | None = None,
    ) -> None:
        self.store = store
        # WACLI_WA_VERSION, else a newer version learnt after a 405 (kept in the store).
        announced = wa_version.announced_version(endpoint.version, store.setting_text(WA_VERSION))
        self.endpoint = replace(endpoint, version=announced)
        self._sink = sink
        self._handlers = tuple(handlers)
        self._on_connect = tuple(on_connect)
        self._on_disconnect = tuple(on_disconnect)
        self._default = default  # for what no handler took: listen's, or leave it for listen
        self.agent = agent or Agent(version=announced)
        self.accepted_once = False  # whether the server ever answered a login with <success>

    async def _tokens(self, node: Node) -> Outcome | None:
        """Privacy-token notifications, taken by every command: a store used only from
        cron must learn the tokens its contacts hand it (wacli.client.privacy_tokens)."""
        return await privacy_tokens.handle(self.store, node)

    @property
    def account(self) -> AccountRecord | None:
        return self.store.load_account()

    def require_account(self) -> AccountRecord:
        account = self.store.load_account()
        if account is None:
            raise NotPairedError("this store is not paired; run 'wacli pair' first")
        return account

    # -- pairing ------------------------------------------------------------------------

    async def pair(self, phone: JID | None = None, **timeouts: float) -> ev.PairSuccess:
        """Link this store (QR, or by code for ``phone``), then log in once.

        Returns the PairSuccess event; raises AlreadyPairedError when the store is
        paired, RequestTimeout when no phone linked in time, PairingFailed when the
        phone's proof did not verify (nothing stored), or the connection's error.
        The Signal identity and signed prekey go into the registration payload, so they
        are created (once) before connecting; the account row is written only on success.
        """
        existing = self.store.load_account()
        if existing is not None:
            raise AlreadyPairedError(existing.jid)
        identity = ensure_identity(self.store)
        signed = self.store.latest_signed_prekey() or rotate_signed_prekey(self.store)
        keys = PairingKeys(generate_key_pair(), identity, os.urandom(32))
        pairing = Pairing(self.store, keys, self._sink, phone, **timeouts)

        async def register() -> None:  # again with the current version after a 405
            payload = registration_payload(identity, signed, self.agent).SerializeToString()
            try:
                async with open_connection(
                    self.endpoint,
                    keys.noise,
                    payload,
                    server_static=None,
                    sink=self._sink,
                    handler=chain([pairing.handle, *self._handlers], self._default),
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
    async def session(self) -> AsyncIterator[Connection | RemoteConnection]:
        """A connection for one command: the running ``listen``'s, through its relay socket
        (a device has one connection at a time), else a login of our own."""
        self.require_account()
        async with open_remote(self.store.directory, self._sink, self.endpoint.timing) as remote:
            if remote is not None:
                yield remote
                return
        async with self.login() as conn:
            yield conn

    @asynccontextmanager
    async def login(self, *, announce: bool = False) -> AsyncIterator[Connection]:
        """``_login_once``; refused as outdated (405), once more with the current version.
        ``announce``: a long-lived connection (listen) that tells its push name."""
        refused: tuple[int, int, int] | None = None
        while True:
            accepted = False
            try:
                async with self._login_once(announce) as conn:
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
    async def _login_once(self, announce: bool = False) -> AsyncIterator[Connection]:
        """One logged-in connection: yields after ``<success>``, prekeys and ``<active/>``."""
        account = self.require_account()
        device = parse_jid(account.jid)
        payload = login_payload(device, self.agent).SerializeToString()
        refill = PrekeyRefill(self.store)
        with self._forget_on_logout():
            async with open_connection(
                self.endpoint,
                account.noise_key,
                payload,
                server_static=account.server_static,
                sink=self._sink,
                handler=chain([refill.handle, self._tokens, *self._handlers], self._default),
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
                await self._sink(ev.Connected())
                for hook in self._on_connect:
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
            async with self.session() as conn:
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
        self.endpoint = replace(self.endpoint, version=current)
        self.agent = replace(self.agent, version=current)

    def _outdated_again(self, refused: tuple[int, int, int]) -> ClientOutdatedError:
        return ClientOutdatedError(
            f"the server refused WhatsApp Web {version_text(refused)} and also "
            f"{version_text(self.endpoint.version)}, the current version looked up; set "
            f"{VERSION_ENV}=2.3000.N to a version it accepts and try again",
            405,
        )

    async def run(self, *, initial_delay: float = 1.0, max_delay: float = 60.0) -> None:
        """Stay connected (``listen``): reconnect with jittered backoff after retryable ends.

        Returns never; raises the first failure a reconnect cannot cure. Nothing is
        retried before the server accepted a login once: a server that cannot be reached
        or hangs up before that is a wrong --server or no network, which backoff will not
        cure and a user should hear about (as whatsmeow's Connect returns its error).
        """
        delays = backoff_delays(initial_delay, max_delay)
        while True:
            try:
                async with self.login(announce=True):
                    delays = backoff_delays(initial_delay, max_delay)
                    await anyio.sleep_forever()
            except ClientError as exc:
                if not is_retryable(exc) or not self.accepted_once:
                    raise
                for hook in self._on_disconnect:
                    await hook(exc)
                await self._sink(ev.Disconnected(reason=str(exc)))
                delay = next(delays)
                log.info("reconnecting in %.1f s after: %s", delay, exc)
                await anyio.sleep(delay)
