"""The client's typed failures; the CLI maps each family to one exit code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.jid import DEFAULT_USER_SERVER

if TYPE_CHECKING:
    from wacli.binary import Node
    from wacli.jid import JID


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

    # The message refused, when it was one (refused_message): listen reports it.
    message_id: str | None = None
    to: JID | None = None

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class PrivacyTokenRequired(RefusedError):
    """Ack error 463: a 1:1 message without the contact's privacy token (or cstoken)."""


def refused_message(ack: Node, message_id: str, to: JID) -> None:
    """``refused_ack`` for a message to ``to``, with the real server's codes in words; the
    error names the message (``message_id``, ``to``), for listen's message_refused event."""
    refusal = _message_refusal(ack, message_id, to)
    if refusal is not None:
        refusal.message_id, refusal.to = message_id, to
        raise refusal


def _message_refusal(ack: Node, message_id: str, to: JID) -> RefusedError | None:
    error = ack.attr("error")
    if error is None:
        return None
    contact = to.user if to.server == DEFAULT_USER_SERVER else str(to.to_non_ad())
    code = int(error) if error.isdigit() else None
    if code == 463:
        return PrivacyTokenRequired(
            f"{contact} has not messaged this account yet, and WhatsApp refuses a message "
            "without their privacy token (error 463); once they write to you, send again "
            "(wacli picks the token up on its next login; after pairing, run 'wacli listen' "
            "once so the phone's history brings the tokens of existing chats)",
            code,
        )
    if code == 400 and to.server == DEFAULT_USER_SERVER:
        return RefusedError(
            f"+{to.user} is not on WhatsApp (the server refused message {message_id} with "
            "error 400, its answer for a number without an account); check the number",
            code,
        )
    if code == 479:
        return RefusedError(
            f"the server found message {message_id} malformed (error 479, smax-invalid: "
            "e.g. a privacy token on a message to our own devices); please report it",
            code,
        )
    return _ack_refusal(ack, f"message {message_id}")


def refused_ack(ack: Node, what: str) -> None:
    """RefusedError when the server's ``<ack>`` carries an error code: it refused ``what``."""
    refusal = _ack_refusal(ack, what)
    if refusal is not None:
        raise refusal


def _ack_refusal(ack: Node, what: str) -> RefusedError | None:
    """``refused_ack``'s error, not raised."""
    error = ack.attr("error")
    if error is None:
        return None
    code = int(error) if error.isdigit() else None
    return RefusedError(f"the server refused {what} (error {error})", code)


def group_refusal(group: JID, code: int | None, *, admin: bool = False) -> str | None:
    """The server's usual refusals of a request about ``group``, in words (None for the
    others): 404 item-not-found, no such group; 403 forbidden, not a member (or, for the
    requests only admins may make, not an admin)."""
    if code == 404:
        return f"no group {group} (the server knows none by that JID: 404 item-not-found)"
    if code == 403 and admin:
        return f"this account is not an admin of {group}, or not in it (403 forbidden)"
    if code == 403:
        return f"this account is not in {group} (403 forbidden)"
    return None


# -- finer kinds (each still maps through its family above) ----------------------------------


class LoggedOutError(NotPairedError):
    """The server ended the session: this device was unlinked or logged out (401/403/406)."""


class Unsendable(ClientError):
    """A message WhatsApp's apps would not send as asked (the CLI: a usage error, exit 2)."""


class ConnectionLost(ConnectError):
    """The connection closed or stopped answering (no keepalive reply). ``clean``: the
    server closed it on purpose (a normal WebSocket close, code 1000)."""

    def __init__(self, message: str, *, clean: bool = False) -> None:
        super().__init__(message)
        self.clean = clean


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
