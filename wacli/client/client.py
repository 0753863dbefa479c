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
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager

import anyio

from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.backoff import backoff_delays
from wacli.client.connection import Connection, Endpoint, open_connection
from wacli.client.dispatcher import Handler, Sink
from wacli.client.errors import (
    AlreadyPairedError,
    CertificateError,
    ClientError,
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
from wacli.client.payload import Agent, login_payload, registration_payload
from wacli.client.prekeys import PrekeyRefill, refill_prekeys
from wacli.client.relay import RemoteConnection, open_remote
from wacli.client.router import chain, leave_for_listen
from wacli.crypto import generate_key_pair
from wacli.jid import JID, parse_jid
from wacli.signal.device import ensure_identity, rotate_signed_prekey
from wacli.store import Store
from wacli.store.device_tables import AccountRecord

log = logging.getLogger(__name__)

# Work a feature does on every logged-in connection once it is up (after <success>, the
# prekeys and <active/>): an app-state resync, say. Runs before the session's body.
ConnectHook = Callable[[Connection], Awaitable[None]]

# After pair-success the server sends stream error 515; if it does not, log in anyway.
RESTART_WAIT = 20.0


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
        default: Handler = leave_for_listen,
        agent: Agent | None = None,
    ) -> None:
        self.store = store
        self.endpoint = endpoint
        self._sink = sink
        self._handlers = tuple(handlers)
        self._on_connect = tuple(on_connect)
        self._default = default  # for what no handler took: listen's, or leave it for listen
        self.agent = agent or Agent(version=endpoint.version)
        self.accepted_once = False  # whether the server ever answered a login with <success>

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
            # After pair-success the server restarts the stream (515); a plain close is as good.
            if pairing.result is None:
                if isinstance(exc, ConnectionLost) and pairing.last_qr_shown:
                    raise RequestTimeout(
                        "no phone scanned the QR code before it expired; run 'wacli pair' again"
                    ) from None
                raise
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
        async with open_remote(self.store.directory, self._sink) as remote:
            if remote is not None:
                yield remote
                return
        async with self.login() as conn:
            yield conn

    @asynccontextmanager
    async def login(self) -> AsyncIterator[Connection]:
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
                handler=chain([refill.handle, *self._handlers], self._default),
            ) as conn:
                refill.attach(conn)  # before the body's first await, so before the reader runs
                success = await conn.wait_success()
                self.accepted_once = True
                self._remember(account, conn, success)
                await refill_prekeys(conn, self.store)
                await conn.iq("passive", "set", [Node("active")])
                await self._sink(ev.Connected())
                for hook in self._on_connect:
                    await hook(conn)
                yield conn

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
                async with self.login():
                    delays = backoff_delays(initial_delay, max_delay)
                    await anyio.sleep_forever()
            except ClientError as exc:
                if not is_retryable(exc) or not self.accepted_once:
                    raise
                await self._sink(ev.Disconnected(reason=str(exc)))
                delay = next(delays)
                log.info("reconnecting in %.1f s after: %s", delay, exc)
                await anyio.sleep(delay)
