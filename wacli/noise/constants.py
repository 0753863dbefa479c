"""Protocol constants of WhatsApp's Noise transport (facts shared by every client)."""

from typing import Final

# The handshake patterns, as reported by ClientHandshake/ServerHandshake.pattern.
XX: Final = "XX"
IK: Final = "IK"
XX_FALLBACK: Final = "XXfallback"

# Protocol names: 32 bytes are used as the first h and ck directly; longer
# names (XXfallback, 36 bytes) are hashed first, as the Noise spec says.
XX_NAME: Final = b"Noise_XX_25519_AESGCM_SHA256\0\0\0\0"
IK_NAME: Final = b"Noise_IK_25519_AESGCM_SHA256\0\0\0\0"
XX_FALLBACK_NAME: Final = b"Noise_XXfallback_25519_AESGCM_SHA256"

# Connection header: "WA", the protocol's magic value 6 and the binary token
# dictionary version 3. Sent once before the first frame and mixed into h.
WA_HEADER: Final = b"WA\x06\x03"
# Optional pre-intro ahead of WA_HEADER on reconnects that carry edge routing
# info: "ED", 0, 1, a 3-byte big-endian length, then the routing info.
EDGE_ROUTING_MAGIC: Final = b"ED\x00\x01"

FRAME_LENGTH_SIZE: Final = 3
MAX_FRAME_SIZE: Final = (1 << 24) - 1  # the largest length 3 bytes can carry

# WhatsApp's production Noise root key ("WhatsAppLongTerm1"); the
# intermediate certificates it signs name serial 0 as their issuer.
WA_ROOT_PUBLIC_KEY: Final = bytes.fromhex(
    "142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b"
)
WA_ROOT_SERIAL: Final = 0
