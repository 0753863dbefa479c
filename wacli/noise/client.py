"""The client (initiator) side of WhatsApp's Noise handshakes, as a state machine.

XX, for a first connection or an unknown server key::

    -> e                      ClientHello{ephemeral}
    <- e, ee, s, es           ServerHello{ephemeral, static*, payload*=cert chain}
    -> s, se                  ClientFinish{static*, payload*=ClientPayload}

IK, to resume with the server static key remembered from an earlier XX::

    <- s                      (pre-message: mixed into h before anything else)
    -> e, es, s, ss           ClientHello{ephemeral, static*, payload*=ClientPayload}
    <- e, ee, se              ServerHello{ephemeral, payload*}

When the server's static key has changed it cannot open the IK hello and
answers with an XX-style ServerHello (``static`` present) instead. The client
then restarts its transcript under the XXfallback protocol name, mixes in the
ephemeral it already sent (XXfallback's pre-message), and continues exactly
as in XX, sending its ClientFinish. (* = sealed with the running key.)

These IK and XXfallback steps are the ones whatsapp-rust (mirroring WhatsApp
Web's WAWebOpenChatSocket) and zapo perform; WhatsApp does not mix an empty
first payload into h, and IK's ServerHello payload is read but not otherwise
interpreted (the server key was proven by the chain verified in the earlier XX).
"""

from __future__ import annotations

from wacli.crypto import KeyPair, generate_key_pair
from wacli.noise import messages
from wacli.noise.certs import CertChainInfo, verify_cert_chain
from wacli.noise.cipher import SymmetricState, Transport
from wacli.noise.constants import (
    IK,
    IK_NAME,
    WA_HEADER,
    WA_ROOT_PUBLIC_KEY,
    WA_ROOT_SERIAL,
    XX,
    XX_FALLBACK,
    XX_FALLBACK_NAME,
    XX_NAME,
)
from wacli.noise.errors import HandshakeError, NoiseError


class ClientHandshake:
    """Drive one client handshake: ``start()``, then ``receive(server_hello)``.

    ``start()`` returns the ClientHello to send (the first frame, after the
    connection header). ``receive()`` returns the ClientFinish to send, or
    None when IK completed in one round trip; either way ``transport`` is then
    ready. Pass ``server_static`` to try IK. The server's certificate chain is
    verified against ``root_key`` (WhatsApp's production key unless given).
    """

    def __init__(
        self,
        static: KeyPair,
        payload: bytes,
        *,
        server_static: bytes | None = None,
        root_key: bytes = WA_ROOT_PUBLIC_KEY,
        root_serial: int = WA_ROOT_SERIAL,
        prologue: bytes = WA_HEADER,
        now: float | None = None,
        ephemeral: KeyPair | None = None,
    ) -> None:
        self._static = static
        self._payload = payload
        self._root_key = root_key
        self._root_serial = root_serial
        self._prologue = prologue
        self._now = now
        self._ephemeral = generate_key_pair() if ephemeral is None else ephemeral
        self._state: SymmetricState | None = None
        self._transport: Transport | None = None
        self._failed = False
        self.pattern = XX if server_static is None else IK
        self.server_static = server_static
        self.cert_chain: CertChainInfo | None = None
        self.server_payload: bytes | None = None

    @property
    def complete(self) -> bool:
        return self._transport is not None

    @property
    def transport(self) -> Transport:
        if self._transport is None:
            raise NoiseError("the handshake has not completed")
        return self._transport

    def start(self) -> bytes:
        if self._state is not None:
            raise NoiseError("start() was already called")
        e = self._ephemeral
        if self.pattern == XX:
            self._state = SymmetricState(XX_NAME, self._prologue)
            self._state.mix_hash(e.public)
            return messages.client_hello(e.public)
        assert self.server_static is not None
        state = self._state = SymmetricState(IK_NAME, self._prologue)
        state.mix_hash(self.server_static)
        state.mix_hash(e.public)
        state.mix_dh(e.private, self.server_static)
        sealed_static = state.encrypt_and_hash(self._static.public)
        state.mix_dh(self._static.private, self.server_static)
        sealed_payload = state.encrypt_and_hash(self._payload)
        return messages.client_hello(e.public, sealed_static, sealed_payload)

    def receive(self, message: bytes) -> bytes | None:
        """Take the ServerHello; return the ClientFinish to send (None after IK)."""
        if self._state is None or self._failed or self.complete:
            raise HandshakeError("no server message is expected now")
        try:
            hello = messages.parse_server_hello(message)
            if self.pattern == IK and hello.static is None:
                self._finish_ik(hello)
                return None
            if self.pattern == IK:
                # The server could not open our IK hello: continue as XXfallback.
                self.pattern = XX_FALLBACK
                self._state = SymmetricState(XX_FALLBACK_NAME, self._prologue)
                self._state.mix_hash(self._ephemeral.public)
            return self._finish_xx(hello)
        except NoiseError:
            self._failed = True
            raise

    def _finish_ik(self, hello: messages.Hello) -> None:
        state = self._state
        assert state is not None
        if hello.payload is None:
            raise HandshakeError("IK ServerHello lacks its payload")
        state.mix_hash(hello.ephemeral)
        state.mix_dh(self._ephemeral.private, hello.ephemeral)
        state.mix_dh(self._static.private, hello.ephemeral)
        self.server_payload = state.decrypt_and_hash(hello.payload, "IK ServerHello payload")
        self._transport = state.split(initiator=True)
        return None

    def _finish_xx(self, hello: messages.Hello) -> bytes:
        state = self._state
        assert state is not None
        if hello.static is None or hello.payload is None:
            raise HandshakeError("ServerHello lacks its static key or certificate payload")
        e = self._ephemeral
        state.mix_hash(hello.ephemeral)
        state.mix_dh(e.private, hello.ephemeral)
        server_static = state.decrypt_and_hash(hello.static, "server static key")
        if len(server_static) != 32:
            raise HandshakeError(f"server static key is {len(server_static)} bytes, not 32")
        state.mix_dh(e.private, server_static)
        chain = state.decrypt_and_hash(hello.payload, "certificate payload")
        self.cert_chain = verify_cert_chain(
            chain,
            server_static,
            root_key=self._root_key,
            root_serial=self._root_serial,
            now=self._now,
        )
        self.server_static = server_static
        self.server_payload = chain
        sealed_static = state.encrypt_and_hash(self._static.public)
        state.mix_dh(self._static.private, hello.ephemeral)
        sealed_payload = state.encrypt_and_hash(self._payload)
        self._transport = state.split(initiator=True)
        return messages.client_finish(sealed_static, sealed_payload)
