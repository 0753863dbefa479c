"""The server (responder) side of XX, IK and XXfallback, for the sandbox.

A ClientHello carrying a sealed static key and payload is an IK attempt: the
server opens it with its own static key. If that fails (the client remembered
an older server key), it answers as XXfallback: a fresh transcript under the
XXfallback name with the client's ephemeral as pre-message, then the same
ServerHello as XX. WhatsApp-facing sources show the client side of this
(whatsapp-rust, zapo); the responder steps here are the standard Noise IK and
XXfallback responder steps with WhatsApp's prologue, names and messages, and
agree with whatsapp-rust's own test responder. As zapo's fake server does,
the IK ServerHello payload is the certificate chain.
"""

from __future__ import annotations

from wacli.crypto import KeyPair, generate_key_pair
from wacli.noise import messages
from wacli.noise.cipher import SymmetricState, Transport
from wacli.noise.constants import (
    IK,
    IK_NAME,
    WA_HEADER,
    XX,
    XX_FALLBACK,
    XX_FALLBACK_NAME,
    XX_NAME,
)
from wacli.noise.errors import HandshakeError, NoiseError


class ServerHandshake:
    """Answer one client: ``receive(client_hello)`` returns the ServerHello to send.

    After XX or XXfallback, ``receive(client_finish)`` completes the handshake
    (returning None); after IK the first ``receive`` already completed it.
    Then ``client_static``, ``payload`` (the client's ClientPayload bytes) and
    ``transport`` are available. ``prologue`` must be the connection header
    the client sent (FrameReader.header). ``accept_ik=False`` refuses every IK
    attempt, answering with XXfallback, as a server whose key rotated would.
    """

    def __init__(
        self,
        static: KeyPair,
        cert_chain: bytes,
        *,
        prologue: bytes = WA_HEADER,
        ephemeral: KeyPair | None = None,
        accept_ik: bool = True,
    ) -> None:
        self._static = static
        self._cert_chain = cert_chain
        self._prologue = prologue
        self._ephemeral = generate_key_pair() if ephemeral is None else ephemeral
        self._accept_ik = accept_ik
        self._state: SymmetricState | None = None
        self._transport: Transport | None = None
        self._failed = False
        self.pattern: str | None = None
        self.client_static: bytes | None = None
        self.payload: bytes | None = None

    @property
    def complete(self) -> bool:
        return self._transport is not None

    @property
    def transport(self) -> Transport:
        if self._transport is None:
            raise NoiseError("the handshake has not completed")
        return self._transport

    def receive(self, message: bytes) -> bytes | None:
        """Take the client's next handshake message; return the reply to send, if any."""
        if self._failed or self.complete:
            raise HandshakeError("no client message is expected now")
        try:
            if self._state is None:
                return self._hello(messages.parse_client_hello(message))
            self._finish(*messages.parse_client_finish(message))
            return None
        except NoiseError:
            self._failed = True
            raise

    def _hello(self, hello: messages.Hello) -> bytes:
        if hello.static is not None and hello.payload is not None:
            if self._accept_ik:
                reply = self._try_ik(hello)
                if reply is not None:
                    return reply
            self.pattern = XX_FALLBACK
            state = SymmetricState(XX_FALLBACK_NAME, self._prologue)
        else:
            self.pattern = XX
            state = SymmetricState(XX_NAME, self._prologue)
        self._state = state
        e = self._ephemeral
        state.mix_hash(hello.ephemeral)
        state.mix_hash(e.public)
        state.mix_dh(e.private, hello.ephemeral)
        sealed_static = state.encrypt_and_hash(self._static.public)
        state.mix_dh(self._static.private, hello.ephemeral)
        sealed_chain = state.encrypt_and_hash(self._cert_chain)
        return messages.server_hello(e.public, sealed_static, sealed_chain)

    def _try_ik(self, hello: messages.Hello) -> bytes | None:
        """Complete IK, or return None when the client used a key we do not hold."""
        assert hello.static is not None and hello.payload is not None
        state = SymmetricState(IK_NAME, self._prologue)
        state.mix_hash(self._static.public)
        state.mix_hash(hello.ephemeral)
        state.mix_dh(self._static.private, hello.ephemeral)  # a bad ephemeral is fatal
        try:
            client_static = state.decrypt_and_hash(hello.static, "IK client static key")
            if len(client_static) != 32:
                return None
            state.mix_dh(self._static.private, client_static)
            payload = state.decrypt_and_hash(hello.payload, "IK client payload")
        except HandshakeError:
            return None
        e = self._ephemeral
        state.mix_hash(e.public)
        state.mix_dh(e.private, hello.ephemeral)
        state.mix_dh(e.private, client_static)
        sealed_chain = state.encrypt_and_hash(self._cert_chain)
        self.pattern = IK
        self._state = state
        self.client_static, self.payload = client_static, payload
        self._transport = state.split(initiator=False)
        return messages.server_hello(e.public, None, sealed_chain)

    def _finish(self, sealed_static: bytes, sealed_payload: bytes) -> None:
        state = self._state
        assert state is not None
        client_static = state.decrypt_and_hash(sealed_static, "client static key")
        if len(client_static) != 32:
            raise HandshakeError(f"client static key is {len(client_static)} bytes, not 32")
        state.mix_dh(self._ephemeral.private, client_static)
        self.payload = state.decrypt_and_hash(sealed_payload, "client payload")
        self.client_static = client_static
        self._transport = state.split(initiator=False)
