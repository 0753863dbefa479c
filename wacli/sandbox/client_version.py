"""The WhatsApp Web versions the sandbox accepts, and the look-up that names the current one.

The real server refuses a client whose announced version (``ClientPayload.user_agent.
app_version``) it considers too old with ``<failure reason="405"/>`` (client_outdated), at
login and at registration alike. Clients then learn the current version from WhatsApp
Web's own service-worker script, whose build data names it as ``client_revision``.

The sandbox plays both parts once told to:

- ``PUT /admin/client-version {"minimum": "2.3000.N" | null, "current": "2.3000.M" | null}``
  sets the oldest version a login or registration may announce (null: any) and the one
  the look-up names (null: none, the look-up answers 404). A key left out keeps its value.
  The answer, as of ``GET /admin/client-version``: ``{"minimum", "current", "version_url",
  "lookups"}`` (``lookups``: how many times the script was fetched).
- ``GET /sw.js`` on the media server (https, the ``media_ca`` CA; its URL is the
  ``version_url`` key of the sandbox's JSON line) answers a script shaped like the real
  one: the revision inside a JSON string literal, so its quotes are escaped.

Counters in ``/admin/stats``: ``version_lookups``, ``logins_outdated`` (405s sent).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import orjson

from wacli.proto import client_payload_pb2
from wacli.sandbox.http import HttpError, Request, Response, Router

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

LOOKUP_PATH = "/sw.js"
_VERSION = re.compile(r"(\d{1,10})\.(\d{1,10})\.(\d{1,10})")

Version = tuple[int, int, int]


class ClientVersions:
    """What the admin set: the oldest accepted version and the current one (None: unset)."""

    def __init__(self) -> None:
        self.minimum: Version | None = None
        self.current: Version | None = None

    def outdated(self, payload: client_payload_pb2.ClientPayload) -> bool:
        """Whether ``payload`` announces a version below the minimum."""
        if self.minimum is None:
            return False
        app = payload.user_agent.app_version
        return (app.primary, app.secondary, app.tertiary) < self.minimum


def _text(version: Version | None) -> str | None:
    return None if version is None else ".".join(str(part) for part in version)


def _parse(body: dict[str, Any], key: str) -> Version | None:
    value = body[key]
    if value is None:
        return None
    match = _VERSION.fullmatch(value) if isinstance(value, str) else None
    if match is None or any(int(part) >= 2**32 for part in match.groups()):
        raise HttpError(400, f'{key!r} is a version like "2.3000.1045649367", or null')
    a, b, c = (int(part) for part in match.groups())
    return a, b, c


def service_worker(revision: int) -> bytes:
    """A service-worker script naming ``revision`` the way web.whatsapp.com's does: its build
    data is JSON inside a JS string literal, so the quotes around keys arrive escaped."""
    data = {
        "dynamic_data": {
            "SiteData": {
                "server_revision": revision,
                "client_revision": revision,
                "push_phase": "C3",
            }
        }
    }
    literal = orjson.dumps(orjson.dumps(data).decode()).decode()  # a quoted, escaped string
    return (
        "/* sandbox service worker */\n"
        f"self.__swData=JSON.parse(/*BTDS*/{literal});\n"
        'self.addEventListener("fetch",function(){});\n'
    ).encode()


def version_url(hub: Hub) -> str:
    return f"https://{hub.media.host}{LOOKUP_PATH}"


def _describe(hub: Hub) -> dict[str, Any]:
    versions = hub.client_versions
    return {
        "minimum": _text(versions.minimum),
        "current": _text(versions.current),
        "version_url": version_url(hub),
        "lookups": hub.stats["version_lookups"],
    }


def add_routes(router: Router, hub: Hub) -> None:
    """The admin routes (``/admin/client-version``)."""

    async def show(request: Request) -> Response:
        return Response.json(_describe(hub))

    async def update(request: Request) -> Response:
        body = request.json()
        if not isinstance(body, dict) or not set(body) <= {"minimum", "current"}:
            raise HttpError(400, 'the body is {"minimum"?: "2.3000.N", "current"?: "2.3000.M"}')
        versions = hub.client_versions
        minimum = _parse(body, "minimum") if "minimum" in body else versions.minimum
        current = _parse(body, "current") if "current" in body else versions.current
        if current is not None and current[:2] != (2, 3000):
            raise HttpError(400, "'current' is 2.3000.M: the look-up names only the revision M")
        versions.minimum, versions.current = minimum, current
        return Response.json(_describe(hub))

    router.add("GET", "/admin/client-version", show)
    router.add("PUT", "/admin/client-version", update)


def add_media_routes(router: Router, hub: Hub) -> None:
    """The look-up on the media server (``GET /sw.js``)."""

    async def script(request: Request) -> Response:
        hub.stats["version_lookups"] += 1
        current = hub.client_versions.current
        if current is None:
            raise HttpError(404, "no current version set (PUT /admin/client-version)")
        return Response(200, service_worker(current[2]), "application/javascript")

    router.add("GET", LOOKUP_PATH, script)
