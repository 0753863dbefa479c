"""How a connection ends: ``<stream:error>`` and ``<failure>`` as events and typed errors.

Pure functions over nodes (whatsmeow connectionevents.go, Baileys socket.ts):
- ``<stream:error code="515"/>``: the server wants a fresh connection (after pairing);
- ``<stream:error><conflict type="replaced"/>``: another client took over -> stream_replaced;
- ``<stream:error code="401"><conflict type="device_removed"/>``: unlinked -> logged_out;
- ``<failure reason="N" .../>`` at login: 401, 403, 406 logged out; 402 temporary ban
  (``code``, ``expire``); 405 client outdated; others a connect_failure.
"""

from __future__ import annotations

from typing import NamedTuple

from wacli.binary import Node
from wacli.client import failure_events as ev
from wacli.client.connection_events import Event
from wacli.client.errors import (
    ClientError,
    ClientOutdatedError,
    ConnectionLost,
    LoggedOutError,
    RestartRequired,
    StreamFailure,
    StreamReplacedError,
    TemporaryBanError,
)
from wacli.client.payload import VERSION_ENV, version_text

LOGGED_OUT_REASONS = {401: "logged_out", 403: "main_device_gone", 406: "unknown_logout"}
FAILURE_NAMES = {
    400: "generic",
    401: "logged_out",
    402: "temp_banned",
    403: "main_device_gone",
    405: "client_outdated",
    406: "unknown_logout",
    409: "bad_user_agent",
    413: "cat_expired",
    414: "cat_invalid",
    415: "not_found",
    418: "client_unknown",
    500: "internal_server_error",
    501: "experimental",
    503: "service_unavailable",
}
# Failures a reconnect may cure; the rest end `listen` too.
TRANSIENT_FAILURES = frozenset({500, 503})
TEMP_BAN_REASONS = {
    101: "sent_to_too_many_people",
    102: "blocked_by_users",
    103: "created_too_many_groups",
    104: "sent_too_many_same_message",
    106: "broadcast_list",
}


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class Ending(NamedTuple):
    """Why a connection ended: what to tell the event stream and the caller."""

    events: tuple[Event, ...]
    error: ClientError
    retry: bool  # whether a reconnect loop should try again


def _int(node: Node, key: str) -> int | None:
    value = node.attr(key)
    return int(value) if value is not None and value.isdigit() else None


def stream_error(node: Node) -> Ending:
    code = node.attr("code")
    conflict = node.child("conflict")
    conflict_type = conflict.attr("type") if conflict is not None else None
    if code == "515":
        return Ending((), RestartRequired("the server asked to reconnect (515)"), True)
    if conflict_type == "device_removed":
        return Ending(
            (ev.LoggedOut(on_connect=False, reason="device_removed"),),
            LoggedOutError("this device was unlinked from the phone; run 'wacli pair' again"),
            False,
        )
    if conflict_type == "replaced":
        return Ending(
            (ev.StreamReplaced(),),
            StreamReplacedError("another wacli or WhatsApp Web session replaced this connection"),
            False,
        )
    text = node.attr("text") or (node.children[0].tag if node.children else None)
    shown = " ".join(part for part in (code, text) if part) or "no code"
    retry = code is None or code == "503" or code == "500"
    return Ending(
        (ev.StreamError(code=code, text=text),),
        StreamFailure(f"the server ended the stream ({shown})", retry=retry),
        retry,
    )


def connect_failure(node: Node, version: tuple[int, int, int]) -> Ending:
    reason = _int(node, "reason") or 400
    message = node.attr("message")
    name = FAILURE_NAMES.get(reason, str(reason))
    if reason in LOGGED_OUT_REASONS:
        return Ending(
            (ev.LoggedOut(on_connect=True, reason=LOGGED_OUT_REASONS[reason]),),
            LoggedOutError(
                f"the server logged this device out ({reason} {name}); run 'wacli pair' again"
            ),
            False,
        )
    if reason == 402:
        code = _int(node, "code") or 0
        expire = _int(node, "expire") or 0
        why = TEMP_BAN_REASONS.get(code, "unknown")
        return Ending(
            (ev.TemporaryBan(code=code, expire=float(expire)),),
            TemporaryBanError(
                f"the account is temporarily banned ({code} {why}) for {expire} more seconds",
                code,
            ),
            False,
        )
    if reason == 405:
        return Ending(
            (
                ev.ClientOutdated(),
                ev.ConnectFailure(reason=name, code=reason, message=message),
            ),
            ClientOutdatedError(
                f"the server says WhatsApp Web {version_text(version)} is outdated; set "
                f"{VERSION_ENV} to the current version (e.g. {VERSION_ENV}=2.3000.NNNNNNNNNN, "
                "from web.whatsapp.com) and try again",
                reason,
            ),
            False,
        )
    return Ending(
        (ev.ConnectFailure(reason=name, code=reason, message=message),),
        StreamFailure(
            f"the server refused the login ({reason} {name}"
            + (f": {message})" if message else ")"),
            reason,
            retry=reason in TRANSIENT_FAILURES,
        ),
        reason in TRANSIENT_FAILURES,
    )


def stream_end() -> Ending:
    return Ending((), ConnectionLost("the server closed the stream"), True)
