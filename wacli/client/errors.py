"""The client's typed failures; the CLI maps each family to one exit code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wacli.binary import Node


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


def refused_ack(ack: Node, what: str) -> None:
    """RefusedError when the server's ``<ack>`` carries an error code: it refused ``what``."""
    error = ack.attr("error")
    if error is not None:
        code = int(error) if error.isdigit() else None
        raise RefusedError(f"the server refused {what} (error {error})", code)


# -- finer kinds (each still maps through its family above) ----------------------------------


class LoggedOutError(NotPairedError):
    """The server ended the session: this device was unlinked or logged out (401/403/406)."""


class ConnectionLost(ConnectError):
    """The connection closed or stopped answering (no keepalive reply)."""


class RestartRequired(ConnectError):
    """The server asked for a fresh connection (stream error 515, after pairing)."""


class PairingFailed(ConnectError):
    """The phone's pair-success did not verify (ADV HMAC or signature), so nothing was stored."""


class StreamFailure(RefusedError):
    """A stream error or connect failure that is not one of the kinds below."""

    def __init__(self, message: str, code: int | None = None, *, retry: bool = False) -> None:
        super().__init__(message, code)
        self.retry = retry  # whether a reconnect may cure it (500, 503, unknown stream errors)


class StreamReplacedError(RefusedError):
    """Another connection with this device's identity replaced this one (conflict)."""


class TemporaryBanError(RefusedError):
    """The account is temporarily banned."""


class ClientOutdatedError(RefusedError):
    """The server rejected the WhatsApp Web version this client claims (connect failure 405)."""


class IqError(RefusedError):
    """The server answered a request with an error (``<iq type="error"><error code text/>``)."""

    def __init__(self, message: str, code: int | None = None, text: str | None = None) -> None:
        super().__init__(message, code)
        self.text = text


class AlreadyPairedError(ClientError):
    """``pair`` on a store that already holds a linked account."""

    def __init__(self, jid: str) -> None:
        super().__init__(f"this store is already paired as {jid}")
        self.jid = jid
