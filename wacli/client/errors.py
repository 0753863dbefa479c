"""The client's typed failures; the CLI maps each family to one exit code."""

from __future__ import annotations


class ClientError(Exception):
    """Base of every failure the client reports to its caller."""


class NotPairedError(ClientError):
    """The store holds no linked device, or the server logged it out."""


class ConnectError(ClientError):
    """The server could not be reached or did not prove who it is."""


class CertificateError(ConnectError):
    """The server's Noise certificate chain does not verify against the root key."""


class RequestTimeout(ClientError):
    """The server did not answer in time."""


class RefusedError(ClientError):
    """The server said no: a negative ack, a ban, a failed login."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code
