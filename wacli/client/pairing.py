"""Linking a fresh store as a companion device: by QR or by 8-character code.

The registering connection (wacli.client.payload.registration_payload) is met
with the server's ``<iq type="set"><pair-device><ref/>…</pair-device></iq>``:

- QR: each ref becomes a QR string (``ref,noise,identity,adv,platform``) shown
  for 60 s, then 20 s for each following ref; when they run out, pairing timed out.
  The server closes an unlinked companion then too (six refs: after 160 s), so the
  code's time is that window as well (at most CODE_TIMEOUT), and a close by the
  server while a code or the last QR waits is reported as that time running out.
- code: ``<iq xmlns="md"><link_code_companion_reg stage="companion_hello">`` with the
  ephemeral key wrapped by the code; the server answers a pairing ref and later
  relays the phone's ``primary_hello`` as a notification, answered by
  ``companion_finish`` (key bundle, identity, ref). That exchange sets the ADV secret.

Then ``<pair-success>`` carries the phone-signed device identity. It is checked
(HMAC under the ADV secret, account signature), countersigned and sent back in
``<pair-device-sign>``; only then is the account written, in one transaction.
A check that fails answers ``<iq type="error">`` and writes nothing. The server
follows with stream error 515: the caller reconnects and logs in.
(whatsmeow pair.go, pair-code.go; Baileys socket.ts, validate-connection.ts.)
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import anyio

from wacli.binary import Node, NodeError
from wacli.client import events as ev
from wacli.client.connection import Connection
from wacli.client.dispatcher import Outcome, Sink
from wacli.client.errors import ConnectionLost, IqError, PairingFailed, RequestTimeout
from wacli.client.payload import PAIR_CLIENT_DISPLAY, PAIR_CLIENT_TYPE
from wacli.client.stanzas import iq_error_reply
from wacli.crypto import KeyPair
from wacli.jid import JID
from wacli.protocol import AdvError, PairingError
from wacli.protocol.adv import verify_pair_success
from wacli.protocol.pair_code import CompanionPairing
from wacli.protocol.pair_qr import QRPayload, build_qr
from wacli.protocol.stanzas import iq_result
from wacli.store import Store
from wacli.store.device_tables import AccountRecord
from wacli.store.records import DeviceIdentity

log = logging.getLogger(__name__)

FIRST_QR_TIMEOUT = 60.0
NEXT_QR_TIMEOUT = 20.0
CODE_TIMEOUT = 180.0


@dataclass(frozen=True, slots=True)
class PairingKeys:
    """What the companion proves itself with while pairing (kept in memory until success)."""

    noise: KeyPair
    identity: DeviceIdentity
    adv_secret: bytes


class Pairing:
    """Handles the pairing stanzas of one registering connection.

    ``phone`` selects pairing by code. ``done`` is set once pair-success was
    verified, answered and stored; ``result`` is then the PairSuccess event.
    """

    def __init__(
        self,
        store: Store,
        keys: PairingKeys,
        sink: Sink,
        phone: JID | None = None,
        *,
        first_qr_timeout: float = FIRST_QR_TIMEOUT,
        next_qr_timeout: float = NEXT_QR_TIMEOUT,
        code_timeout: float = CODE_TIMEOUT,
    ) -> None:
        self._store = store
        self._keys = keys
        self._adv_secret = keys.adv_secret
        self._sink = sink
        self._phone = phone
        self._timeouts = (first_qr_timeout, next_qr_timeout, code_timeout)
        self._conn: Connection | None = None
        self._code: CompanionPairing | None = None
        self._code_ref: bytes | None = None
        self._started = False
        self._waiting = anyio.CancelScope()
        self.done = anyio.Event()
        self.result: ev.PairSuccess | None = None
        # The server closes a companion whose refs ran out, about when our timer would.
        self.last_qr_shown = False
        self._shown = False  # a QR code or a pairing code waits for the phone
        self._ref_window: float | None = None  # how long the server keeps us, from its refs

    def ran_out(self, exc: ConnectionLost) -> bool:
        """Whether this end of the connection is the server ending the pairing: the last
        QR was shown, or a code or QR waited and the server closed the connection normally."""
        return self.last_qr_shown or (self._shown and exc.clean)

    def expired(self) -> RequestTimeout:
        """The end of the time a QR code or a pairing code was shown for, in words."""
        if self._phone is not None:
            return RequestTimeout(
                "the pairing code was not entered on the phone in time; "
                "run 'wacli pair --phone' again"
            )
        return RequestTimeout(
            "no phone scanned the QR code before it expired; run 'wacli pair' again"
        )

    def attach(self, conn: Connection) -> None:
        self._conn = conn

    # -- the handler the dispatcher calls -------------------------------------------------

    async def handle(self, node: Node) -> Outcome | None:
        """Pairing stanzas get an Outcome; anything else None (the standard treatment)."""
        if node.tag == "iq" and node.attr("type") == "set":
            if node.child("pair-device") is not None:
                return self._on_pair_device(node)
            if node.child("pair-success") is not None:
                return self._on_pair_success(node)
        if node.tag == "notification" and node.attr("type") == "link_code_companion_reg":
            await self._on_primary_hello(node)
            return Outcome()
        return None

    def _on_pair_device(self, node: Node) -> Outcome:
        refs = []
        for child in node.require_child("pair-device").children_named("ref"):
            try:
                refs.append(child.content_bytes().decode("ascii"))
            except (NodeError, UnicodeDecodeError):
                log.warning("skipping a pair-device ref that is not ASCII text")
        conn = self._require_conn()
        if refs:
            first, following, _ = self._timeouts
            self._ref_window = first + following * (len(refs) - 1)
        if self._phone is not None:
            if not self._started:
                conn.start_soon(self._pair_by_code)
        else:
            # A new pair-device (fresh refs) replaces the previous rotation.
            self._waiting.cancel()
            self._waiting = anyio.CancelScope()
            conn.start_soon(self._rotate_qr, refs, self._waiting)
        self._started = True
        return Outcome(reply=iq_result(node))

    async def _rotate_qr(self, refs: list[str], scope: anyio.CancelScope) -> None:
        first, following, _ = self._timeouts
        with scope:
            for index, ref in enumerate(refs):
                timeout = first if index == 0 else following
                code = build_qr(
                    QRPayload(
                        ref,
                        self._keys.noise.public,
                        self._keys.identity.identity.public,
                        self._adv_secret,
                        PAIR_CLIENT_TYPE,
                    )
                )
                self.last_qr_shown = index == len(refs) - 1
                self._shown = True
                await self._sink(ev.PairingQrCode(code=code, timeout=timeout))
                await anyio.sleep(timeout)
            self._require_conn().end(self.expired())

    async def _pair_by_code(self) -> None:
        assert self._phone is not None
        conn = self._require_conn()
        pairing = self._code = CompanionPairing.start()
        try:
            answer = await self._companion_hello(conn, pairing)
        except IqError as exc:
            shown = " ".join(str(part) for part in (exc.code, exc.text) if part is not None)
            raise IqError(
                f"the server refused to pair by code with {self._phone.user} ({shown}); "
                "check that the number has WhatsApp",
                exc.code,
                exc.text,
            ) from None
        reg = answer.require_child("link_code_companion_reg")
        self._code_ref = reg.require_child("link_code_pairing_ref").content_bytes()
        # Promise no longer than the server keeps this connection for (its refs' window).
        timeout = min(self._timeouts[2], self._ref_window or self._timeouts[2])
        self._shown = True
        await self._sink(ev.PairingCode(code=pairing.code, timeout=timeout))
        with self._waiting:
            await anyio.sleep(timeout)
            conn.end(self.expired())

    async def _companion_hello(self, conn: Connection, pairing: CompanionPairing) -> Node:
        return await conn.iq(
            "md",
            "set",
            [
                Node(
                    "link_code_companion_reg",
                    {
                        "jid": self._phone,
                        "stage": "companion_hello",
                        "should_show_push_notification": "true",
                    },
                    [
                        Node(
                            "link_code_pairing_wrapped_companion_ephemeral_pub",
                            content=pairing.wrapped_ephemeral,
                        ),
                        Node("companion_server_auth_key_pub", content=self._keys.noise.public),
                        Node("companion_platform_id", content=PAIR_CLIENT_TYPE.encode()),
                        Node("companion_platform_display", content=PAIR_CLIENT_DISPLAY.encode()),
                        Node("link_code_pairing_nonce", content=b"\x00"),
                    ],
                )
            ],
        )

    async def _on_primary_hello(self, node: Node) -> None:
        reg = node.require_child("link_code_companion_reg")
        if reg.attr("stage") != "primary_hello":
            log.debug("ignoring link_code_companion_reg stage %s", reg.attr("stage"))
            return
        if self._code is None or self._code_ref is None or self._phone is None:
            log.warning("primary_hello without a pending pairing code; ignored")
            return
        ref = reg.require_child("link_code_pairing_ref").content_bytes()
        if ref != self._code_ref:
            raise PairingError("primary_hello names another pairing ref")
        finish = self._code.finish(
            reg.require_child("link_code_pairing_wrapped_primary_ephemeral_pub").content_bytes(),
            reg.require_child("primary_identity_pub").content_bytes(),
            self._keys.identity.identity,
        )
        self._adv_secret = finish.adv_secret
        await self._require_conn().iq(
            "md",
            "set",
            [
                Node(
                    "link_code_companion_reg",
                    {"jid": self._phone, "stage": "companion_finish"},
                    [
                        Node(
                            "link_code_pairing_wrapped_key_bundle",
                            content=finish.wrapped_key_bundle,
                        ),
                        Node("companion_identity_public", content=finish.companion_identity_public),
                        Node("link_code_pairing_ref", content=ref),
                    ],
                )
            ],
        )

    def _on_pair_success(self, node: Node) -> Outcome:
        request_id = node.require_attr("id")
        success = node.require_child("pair-success")
        device = success.child("device")
        biz, platform_node = success.child("biz"), success.child("platform")
        jid = device.attr_jid("jid", None) if device is not None else None
        lid = device.attr_jid("lid", None) if device is not None else None
        business_name = biz.attr("name") if biz is not None else None
        platform = platform_node.attr("name") if platform_node is not None else None

        def refuse(code: int, text: str, why: str) -> Outcome:
            error = ev.PairError(
                id=jid, lid=lid, business_name=business_name, platform=platform, error=why
            )
            return Outcome(
                events=(error,),
                reply=iq_error_reply(request_id, code, text),
                end=PairingFailed(f"pairing failed: {why}; nothing was stored"),
            )

        if jid is None or not jid.is_pn:
            return refuse(500, "internal-error", "pair-success lacks this device's JID")
        identity_node = success.child("device-identity")
        if identity_node is None or not isinstance(identity_node.content, bytes):
            return refuse(500, "internal-error", "pair-success lacks the device identity")
        try:
            paired = verify_pair_success(
                identity_node.content_bytes(), self._adv_secret, self._keys.identity.identity
            )
        except AdvError as exc:
            text = "hmac-mismatch" if "HMAC" in str(exc) else "signature-mismatch"
            code = 500 if "malformed" in str(exc) else 401
            return refuse(code, text if code == 401 else "internal-error", str(exc))

        conn = self._require_conn()
        with self._store.transaction():
            self._store.save_account(
                AccountRecord(
                    jid=str(jid),
                    lid=None if lid is None else str(lid),
                    noise_key=self._keys.noise,
                    adv_secret=self._adv_secret,
                    account_signature_key=paired.account_identity,
                    signed_identity=paired.signed_identity.SerializeToString(),
                    key_index=paired.key_index,
                    platform=platform,
                    business_name=business_name,
                    push_name=None,
                    server_static=conn.server_static,
                    paired_at=int(time.time()),
                )
            )
        self._waiting.cancel()  # no more QR codes, no code timeout
        self.result = ev.PairSuccess(
            id=jid, lid=lid, business_name=business_name, platform=platform
        )
        self.done.set()
        reply = Node(
            "iq",
            {"to": node.attrs.get("from"), "type": "result", "id": request_id},
            [
                Node(
                    "pair-device-sign",
                    content=[
                        Node(
                            "device-identity",
                            {"key-index": str(paired.key_index)},
                            paired.reply,
                        )
                    ],
                )
            ],
        )
        return Outcome(events=(self.result,), reply=reply)

    def _require_conn(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("Pairing.attach(conn) was not called")
        return self._conn
