"""WhatsApp's Noise transport, sans I/O: handshakes, frames, transport ciphers, certificates.

Nothing here touches a socket. The client connection and the sandbox server
feed received WebSocket bytes in and write the bytes these objects return.

Client::

    writer = FrameWriter(intro=client_intro())     # "WA" 6 3 goes before frame 1
    reader = FrameReader()
    hs = ClientHandshake(noise_key, client_payload_bytes, server_static=cached_or_None)
    send(writer.write(hs.start()))
    finish = hs.receive(first_frame_from(reader))   # ServerHello; cert chain checked
    if finish is not None:                          # None when IK completed
        send(writer.write(finish))
    t = hs.transport
    send(writer.write(t.encrypt(node_bytes)))
    for frame in reader.feed(data): t.decrypt(frame)

    hs.pattern is "XX", "IK" or "XXfallback"; hs.server_static and hs.cert_chain
    (a CertChainInfo with validity windows) are what to cache for the next IK.

Server (sandbox)::

    reader = FrameReader(expect_intro=True)
    writer = FrameWriter()
    chain = issue_cert_chain(root_key_pair, server_static.public)
    hs = ServerHandshake(server_static, chain, prologue=reader.header)
    send(writer.write(hs.receive(client_hello)))    # IK completes here
    if not hs.complete:
        hs.receive(client_finish)
    hs.client_static, hs.payload (ClientPayload bytes), hs.transport

Every error raised for bad input derives from NoiseError: FrameError (byte
stream), HandshakeError (handshake messages), CertificateError (chain),
DecryptError (a transport frame that fails authentication).

Facts followed (whatsmeow socket/ and handshake.go, Baileys noise-handler,
whatsapp-rust wacore/noise, zapo): the 32-byte protocol name is the first h
and ck; MixKey is HKDF-SHA256(salt=ck, ikm) split into new ck and k; AES-GCM
nonces carry the counter big-endian in their last 4 bytes; the split gives
the initiator (send, receive) = (first, second) half of HKDF(ck, empty).
"""

from wacli.noise.certs import CertChainInfo, Certificate, issue_cert_chain, verify_cert_chain
from wacli.noise.cipher import Transport
from wacli.noise.client import ClientHandshake
from wacli.noise.constants import (
    IK,
    MAX_FRAME_SIZE,
    WA_HEADER,
    WA_ROOT_PUBLIC_KEY,
    WA_ROOT_SERIAL,
    XX,
    XX_FALLBACK,
)
from wacli.noise.errors import (
    CertificateError,
    DecryptError,
    FrameError,
    HandshakeError,
    NoiseError,
)
from wacli.noise.frames import FrameReader, FrameWriter, client_intro, encode_frame
from wacli.noise.server import ServerHandshake

__all__ = [
    "IK",
    "MAX_FRAME_SIZE",
    "WA_HEADER",
    "WA_ROOT_PUBLIC_KEY",
    "WA_ROOT_SERIAL",
    "XX",
    "XX_FALLBACK",
    "CertChainInfo",
    "Certificate",
    "CertificateError",
    "ClientHandshake",
    "DecryptError",
    "FrameError",
    "FrameReader",
    "FrameWriter",
    "HandshakeError",
    "NoiseError",
    "ServerHandshake",
    "Transport",
    "client_intro",
    "encode_frame",
    "issue_cert_chain",
    "verify_cert_chain",
]
