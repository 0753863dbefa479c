"""The admin API as a local service (docs/sandbox-admin.md, "Who may call it").

A web page in a local browser can send requests to loopback. Three checks keep it out:
the Host header must name the admin listener (loopback names and addresses, the host it
was bound to), which defeats DNS rebinding; an Origin header, which browsers add to
cross-site requests, must be the admin URL's own; a body must be declared
``application/json``, which a page cannot send cross-site without a CORS preflight the
admin API never answers. Bound to anything but loopback, every request also needs the
token printed in the ready line (``Authorization: Bearer TOKEN``).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass

from wacli.sandbox.http import HttpError, Request

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or address, IPv6 without brackets) is this machine only."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _split_host(value: str) -> tuple[str, str]:
    """(name, port) of a Host header or an origin's authority; port "" when absent."""
    if value.startswith("["):  # [v6]:port
        name, _, rest = value[1:].partition("]")
        return name.lower(), rest.removeprefix(":")
    name, _, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    return name.lower(), port


def new_token(bound_host: str) -> str | None:
    """A fresh bearer token when ``bound_host`` is reachable from other machines."""
    return None if is_loopback(bound_host) else secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class AdminGuard:
    """Turns away admin requests that did not come from a local script (or the token's
    holder); called by the admin Router before every route."""

    bound_host: str
    port: int
    token: str | None = None

    def __call__(self, request: Request) -> None:
        self._check_host(request.headers.get("host", ""))
        self._check_origin(request.headers.get("origin"))
        self._check_token(request.headers.get("authorization", ""))
        if request.body:
            kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if kind != "application/json":
                raise HttpError(415, "send a request body as Content-Type: application/json")

    def _named(self, name: str, port: str) -> bool:
        if port not in ("", str(self.port)):
            return False
        if is_loopback(name) or name == self.bound_host.lower():
            return True
        # Bound to every interface: any address literal reaches us (no DNS to rebind).
        return self.bound_host in WILDCARDS and _is_address(name)

    def _check_host(self, host: str) -> None:
        if not self._named(*_split_host(host)):
            raise HttpError(403, f"Host {host!r} is not this admin API's; use its admin_url")

    def _check_origin(self, origin: str | None) -> None:
        if origin is None:
            return
        scheme, _, authority = origin.partition("://")
        if scheme != "http" or not authority or not self._named(*_split_host(authority)):
            raise HttpError(403, f"cross-site requests are refused (Origin {origin!r})")

    def _check_token(self, authorization: str) -> None:
        if self.token is None:
            return
        scheme, _, given = authorization.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), self.token.encode()
        ):
            raise HttpError(401, "send the ready line's admin_token as Authorization: Bearer …")
