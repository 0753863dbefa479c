"""One client connection: Noise handshake, login or registration, then the stanza loop.

Each WebSocket gets its own Connection (run by the websockets server in its own
task). Anything malformed from the client ends this connection alone, with a
stream error where the real server would send one, and is logged.
"""

from __future__ import annotations

import base64
import logging

import anyio
from google.protobuf.message import DecodeError
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from wacli.binary import BinaryError, Node, decode, encode
from wacli.jid import JIDError
from wacli.noise import NoiseError
from wacli.noise.stream import NoiseStream, accept_server
from wacli.proto import client_payload_pb2
from wacli.sandbox import calls, delivery, history, iq, routing
from wacli.sandbox.hub import Hub
from wacli.sandbox.keepalive import keep_alive
from wacli.sandbox.registration import (
    REF_COUNT,
    Registration,
    RegistrationError,
    new_ref,
    parse_registration,
    ref_lifetimes,
)
from wacli.sandbox.stanzas import (
    failure,
    new_id,
    offline_done,
    pair_device,
    stream_error_conflict,
    stream_error_text,
    success,
)

log = logging.getLogger(__name__)

HANDSHAKE_TIMEOUT = 20.0
SEND_TIMEOUT = 10.0


class Connection:
    def __init__(self, hub: Hub, ws: ServerConnection) -> None:
        self.hub = hub
        self.ws = ws
        self.stream: NoiseStream | None = None
        self.registration: Registration | None = None
        self.device_key: tuple[str, int] | None = None  # (phone, device) once logged in
        self._waiting: dict[str, tuple[anyio.Event, list[Node]]] = {}
        self._closed = False
        self.active = False  # the client said <active/> (passive IQ)
        self.ready = False  # logged in and its offline queue replayed: stanzas go out live
        self.subscriptions: set[str] = set()  # phones whose presence it asked for

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def phone(self) -> str | None:
        return None if self.device_key is None else self.device_key[0]

    # -- lifecycle ----------------------------------------------------------------------

    async def run(self) -> None:
        self.hub.attach(self)
        try:
            await self._run()
        except ConnectionClosed:
            pass
        except NoiseError as exc:
            log.info("connection closed: %s", exc)
        except TimeoutError:
            log.info("closing: no Noise handshake within %.0f s", HANDSHAKE_TIMEOUT)
        except Exception:  # a bug here must end this connection only, and be seen
            log.exception("connection failed")
        finally:
            self.hub.detach(self)
            await self.close()

    async def _run(self) -> None:
        hub = self.hub
        with anyio.fail_after(HANDSHAKE_TIMEOUT):
            self.stream, handshake = await accept_server(
                self.ws, hub.state.server_static, hub.cert_chain
            )
        # accept_server returns a finished handshake, which knows both.
        assert handshake.payload is not None and handshake.client_static is not None
        payload = client_payload_pb2.ClientPayload()
        try:
            payload.ParseFromString(handshake.payload)
        except DecodeError:
            log.info("closing: the ClientPayload does not parse")
            return
        if hub.client_versions.outdated(payload):  # as the real server: 405, client_outdated
            app = payload.user_agent.app_version
            log.info("refusing version %d.%d.%d (405)", app.primary, app.secondary, app.tertiary)
            hub.stats["logins_outdated"] += 1
            await self.send(failure(405))
            return
        if payload.HasField("device_pairing_data"):
            try:
                self.registration = parse_registration(
                    payload.device_pairing_data, handshake.client_static
                )
            except RegistrationError as exc:
                log.info("refusing a registration: %s", exc)
                await self.send(failure(400))
                return
            hub.stats["registrations"] += 1
            async with anyio.create_task_group() as tg:
                tg.start_soon(self._offer_refs)
                await self._receive_loop()
                tg.cancel_scope.cancel()
        else:
            if not await self._login(payload, handshake.client_static):
                return
            async with anyio.create_task_group() as tg:
                if hub.ping_seconds:
                    tg.start_soon(keep_alive, self, hub.ping_seconds)
                await self._receive_loop()
                tg.cancel_scope.cancel()

    async def _login(self, payload: client_payload_pb2.ClientPayload, static: bytes) -> bool:
        hub = self.hub
        phone, device_id = str(payload.username), payload.device
        account = hub.state.account(phone)
        device = hub.state.device(phone, device_id) if account is not None else None
        if account is None or device is None or device.noise_public != static:
            # Unknown device or another key than the one registered at pairing: logged out.
            log.info("refusing login of %s:%d", phone, device_id)
            hub.stats["logins_refused"] += 1
            await self.send(failure(401))
            return False
        refusal = hub.login_failure(phone)
        if refusal is not None:
            hub.stats["logins_refused"] += 1
            extra = {k: v for k, v in refusal.items() if k != "reason"}
            await self.send(failure(int(refusal["reason"]), **extra))
            return False
        self.device_key = (phone, device_id)
        await hub.logged_in_as(self, self.device_key)
        hub.stats["logins"] += 1
        _, lid = hub.jids(account, device_id)
        enc_static = base64.b64encode(hub.state.server_static.public).decode()
        await self.send(success(lid, account.push_name, enc_static, account.created_at))
        count = await delivery.replay_queue(self)
        await self.send(offline_done(count))
        await history.logged_in(self)  # a new companion's history bootstrap, live
        return True

    async def _offer_refs(self) -> None:
        """pair-device with six refs, each scannable in turn (60 s, then 20 s each); when
        they run out unlinked, the connection ends (pairing by code shares this window)."""
        refs = [new_ref() for _ in range(REF_COUNT)]
        await self.send(pair_device(new_id(), refs))
        lifetimes = ref_lifetimes(self.hub.first_ref_seconds, self.hub.next_ref_seconds)
        reg = self.registration
        assert reg is not None
        for ref, lifetime in zip(refs, lifetimes, strict=True):
            if reg.linked:
                return
            self.hub.refs[ref] = self
            try:
                await anyio.sleep(lifetime)
            finally:
                self.hub.refs.pop(ref, None)
        while reg.linking:  # a phone is finishing the link right now: let it
            await anyio.sleep(0.1)
        if not reg.linked:
            log.info("closing an unlinked companion: its pair-device refs ran out")
            await self.close()

    async def _receive_loop(self) -> None:
        """Read stanzas until the connection ends (returns; never raises for the peer's doing)."""
        assert self.stream is not None
        while True:
            try:
                data = await self.stream.receive()
            except ConnectionClosed:
                return
            except NoiseError as exc:
                log.info("closing: %s", exc)
                return
            try:
                node = decode(data)
            except BinaryError as exc:
                log.warning("malformed stanza, closing: %s", exc)
                await self.stream_error(stream_error_text(str(exc)))
                return
            self.hub.stats["stanzas_in"] += 1
            await self._dispatch(node)

    async def _dispatch(self, node: Node) -> None:
        if self.hub.recorder.phase is not None and self.device_key is not None:
            self.hub.recorder.record(self.device_key, node)
        if node.tag == "iq":
            kind = node.attr("type")
            if kind in ("result", "error"):
                waiter = self._waiting.get(node.attr("id") or "")
                if waiter is not None:
                    waiter[1].append(node)
                    waiter[0].set()
                return
            reply = await iq.handle(self, node)
            if reply is not None:
                await self.send(reply)
            return
        handler = _STANZAS.get(node.tag)
        if handler is None or self.device_key is None:
            log.debug("ignoring <%s>", node.tag)
            return
        try:
            await handler(self, node)
        except (BinaryError, JIDError, delivery.RoutingError) as exc:
            log.info("bad <%s> from %s: %s", node.tag, self.device_key, exc)

    # -- sending --------------------------------------------------------------------------

    async def send(self, node: Node) -> None:
        await self.send_encoded(encode(node))

    async def send_encoded(self, data: bytes) -> None:
        """A stanza already encoded (delivery keeps the same bytes for the offline queue)."""
        if self.stream is None or self._closed:
            return
        if self.hub.delay_seconds:
            await anyio.sleep(self.hub.delay_seconds)
        await self.send_raw(data)

    async def send_raw(self, plaintext: bytes) -> None:
        """One encrypted frame (the ``garbage`` fault sends frames that do not decode)."""
        if self.stream is None or self._closed:
            return
        try:
            with anyio.fail_after(SEND_TIMEOUT):
                await self.stream.send(plaintext)
        except (ConnectionClosed, TimeoutError):
            self._closed = True
            return
        self.hub.stats["stanzas_out"] += 1

    async def request(self, node: Node, timeout: float) -> Node | None:
        """Send an IQ and wait for its result or error; None on timeout or close."""
        iq_id = node.require_attr("id")
        event, box = anyio.Event(), list[Node]()
        self._waiting[iq_id] = (event, box)
        try:
            await self.send(node)
            with anyio.move_on_after(timeout):
                await event.wait()  # set by the answer, or by close()
            return box[0] if box else None
        finally:
            self._waiting.pop(iq_id, None)

    async def stream_error(self, node: Node) -> None:
        await self.send(node)
        await self.close()

    async def replaced(self) -> None:
        await self.stream_error(stream_error_conflict())

    async def close(self) -> None:
        self._closed = True
        self.ready = False
        for event, _ in self._waiting.values():
            event.set()
        code = None if self.registration is None else self.registration.code
        if code is not None and code.primary is not None and not code.finished.is_set():
            code.error = "the companion disconnected"
            code.finished.set()
        await self.ws.close()


async def _ack(conn: Connection, node: Node) -> None:
    delivery.handle_ack(conn, node)


_STANZAS = {
    "message": routing.handle_message,
    "receipt": routing.handle_receipt,
    "ack": _ack,
    "presence": routing.handle_presence,
    "chatstate": routing.handle_chatstate,
    "ib": routing.handle_ib,
    "call": calls.handle_call,
}
