"""Admin routes for what a business account's phone shows of it, and its blocklist:

- ``PUT /admin/accounts/{phone}/business-profile`` with ``{"description"?, "address"?,
  "email"?, "websites"?: [urls], "categories"?: [names]}``: the account becomes a business
  and ``<iq xmlns="w:biz">`` answers its profile with these fields (kept in memory);
- ``GET /admin/accounts/{phone}/blocklist``: whom the account blocked, as its companions
  and phone set it (``{"blocked": [JIDs]}``).
"""

from __future__ import annotations

from typing import Any

from wacli.sandbox import blocking
from wacli.sandbox.admin_args import account_named, body_object
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub

MAX_FIELD = 512  # characters of one field
MAX_LISTED = 5  # websites or categories


def add_routes(router: Router, hub: Hub) -> None:
    async def set_business(request: Request) -> Response:
        account = account_named(hub, request.params["phone"])
        body = body_object(request)
        known = {"description", "address", "email", "websites", "categories"}
        if not set(body) <= known:
            raise HttpError(400, f"give any of {', '.join(sorted(known))}")
        fields: dict[str, Any] = {}
        for key in ("description", "address", "email"):
            if key in body:
                fields[key] = _text(body[key], key)
        for key in ("websites", "categories"):
            if key in body:
                value = body[key]
                if not isinstance(value, list) or len(value) > MAX_LISTED:
                    raise HttpError(400, f"{key!r} is a list of at most {MAX_LISTED} strings")
                fields[key] = [_text(v, key) for v in value]
        hub.business_profiles[account.phone] = fields
        return Response.json({"jid": f"{account.phone}@s.whatsapp.net", **fields})

    async def show_blocklist(request: Request) -> Response:
        account = account_named(hub, request.params["phone"])
        return Response.json({"blocked": [str(j) for j in blocking.blocked(hub, account.phone)]})

    router.add("PUT", "/admin/accounts/{phone}/business-profile", set_business)
    router.add("GET", "/admin/accounts/{phone}/blocklist", show_blocklist)


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_FIELD:
        raise HttpError(400, f"{key!r} takes strings of at most {MAX_FIELD} characters")
    return value
