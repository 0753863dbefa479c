"""The errors of the Noise layer: everything it raises derives from NoiseError."""


class NoiseError(Exception):
    """Base of every error wacli.noise raises for bad input or a failed check."""


class FrameError(NoiseError):
    """The byte stream is not a sequence of well-formed frames."""


class HandshakeError(NoiseError):
    """A handshake message is malformed, unexpected, or fails authentication."""


class CertificateError(NoiseError):
    """The server's certificate chain does not prove its static key."""


class DecryptError(NoiseError):
    """A transport frame fails authentication (tampered, replayed or out of order)."""
