"""Typed errors of the protocol core; all derive from ProtocolError (a ValueError)."""


class ProtocolError(ValueError):
    """Input from the network or a peer that the protocol core cannot accept."""


class AppStateError(ProtocolError):
    """An app-state (syncd) value, MAC or hash that fails to decode or verify."""


class MediaError(ProtocolError):
    """Media ciphertext that is malformed or whose MAC does not match."""


class PaddingError(ProtocolError):
    """A decrypted message whose WhatsApp padding is missing or inconsistent."""


class PairingError(ProtocolError):
    """A pairing-code exchange message that is malformed or fails to authenticate."""


class AdvError(ProtocolError):
    """An ADV device identity whose HMAC, signatures or contents do not check out."""
