"""The I/O-free protocol core shared by the client and the sandbox.

Pure functions and small state objects over bytes:
- appstate_crypto / appstate_patch: app-state (syncd) keys, MACs, LTHash, patches;
- media_crypto: media keys, chunked encryption and checked decryption;
- padding: the random padding of messages before Signal encryption;
- pair_code / pair_qr: linking by 8-character code (both sides) and by QR;
- adv: ADV device identities (pair-success, device signatures, key index lists).

Imports only the wire layer (wacli.crypto, wacli.jid, wacli.binary,
wacli.proto); malformed input from the network is a ProtocolError subclass.
"""

from wacli.protocol.errors import (
    AdvError,
    AppStateError,
    MediaError,
    PaddingError,
    PairingError,
    ProtocolError,
)

__all__ = [
    "AdvError",
    "AppStateError",
    "MediaError",
    "PaddingError",
    "PairingError",
    "ProtocolError",
]
