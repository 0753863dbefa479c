"""Admin routes for privacy tokens and the A/B props (wacli.sandbox.privacy):

- ``GET /admin/props`` → ``{"props": {"10518": "1", …}, "hash"}``; ``PUT /admin/props``
  with ``{"<code>": "<value>" | null, …}`` changes those props (null removes one, so the
  clients' default applies) and answers the same shape with the new hash;
- ``PATCH /admin/accounts/{phone}/privacy`` with ``{"require_token"?: bool,
  "accept_cstoken"?: bool}`` → ``{"require_token", "accept_cstoken"}``;
- ``POST /admin/accounts/{phone}/privacy-token`` with ``{"to": JID or phone, "t"?: unix
  seconds}``: the phone gives ``to`` its token at ``t`` (now by default; any time, so a
  test can hand out an expired one): recorded, and every companion of ``to`` gets the
  privacy_token notification. → ``{"issuer", "holder", "t", "token" (base64),
  "notified"}``;
- ``GET /admin/accounts/{phone}/privacy-tokens`` → the account's settings and NCT salt
  (base64), ``issued`` (``[{"to", "t", "token"}]``: whom it gave its token),
  ``held`` (``[{"from", "t", "token", "expired"}]``: the tokens it holds) and
  ``messages`` (``[{"id", "device", "to", "tctoken", "tctoken_check", "cstoken",
  "cstoken_check", "outcome", "t"}]``: what each 1:1 message its companions sent
  carried, base64, and what the server did: ``delivered`` or ``463``).
"""

from __future__ import annotations

import base64
from typing import Any

from wacli.jid import JIDError, parse_jid, phone_to_jid
from wacli.protocol import privacy_token as tc
from wacli.sandbox import privacy
from wacli.sandbox.admin_args import account_named, body_object
from wacli.sandbox.delivery import deliver_all
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.phone import now
from wacli.sandbox.state import Account, PrivacySettings

MAX_T = 2**40
MAX_PROP_VALUE = 256


def add_routes(router: Router, hub: Hub) -> None:
    routes = PrivacyRoutes(hub)
    router.add("GET", "/admin/props", routes.get_props)
    router.add("PUT", "/admin/props", routes.put_props)
    router.add("PATCH", "/admin/accounts/{phone}/privacy", routes.set_privacy)
    router.add("POST", "/admin/accounts/{phone}/privacy-token", routes.issue)
    router.add("GET", "/admin/accounts/{phone}/privacy-tokens", routes.tokens)


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode()


def privacy_flags(body: dict[str, Any], current: PrivacySettings) -> PrivacySettings:
    """``current`` with the ``require_token``/``accept_cstoken`` a body sets (400 if not
    booleans)."""
    values = {}
    for key in ("require_token", "accept_cstoken"):
        value = body.get(key, getattr(current, key))
        if not isinstance(value, bool):
            raise HttpError(400, f"{key!r} must be true or false")
        values[key] = value
    return PrivacySettings(values["require_token"], values["accept_cstoken"], current.nct_salt)


class PrivacyRoutes:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def _props(self) -> dict[str, Any]:
        values = privacy.props(self.hub)
        return {
            "props": {str(code): value for code, value in sorted(values.items())},
            "hash": privacy.props_hash(values),
        }

    async def get_props(self, request: Request) -> Response:
        return Response.json(self._props())

    async def put_props(self, request: Request) -> Response:
        changes: dict[int, str | None] = {}
        for code, value in body_object(request).items():
            if not code.isdigit() or len(code) > 9:
                raise HttpError(400, f"{code!r} is not a prop code (digits)")
            if value is not None and not isinstance(value, str | int):
                raise HttpError(400, f"the value of {code} must be a string or null")
            text = None if value is None else str(value)
            if text is not None and len(text) > MAX_PROP_VALUE:
                raise HttpError(400, f"the value of {code} is too long")
            changes[int(code)] = text
        privacy.set_props(self.hub, changes)
        return Response.json(self._props())

    async def set_privacy(self, request: Request) -> Response:
        account = account_named(self.hub, request.params["phone"])
        body = body_object(request)
        unknown = set(body) - {"require_token", "accept_cstoken"}
        if unknown:
            raise HttpError(400, f"unknown settings: {sorted(unknown)}")
        updated = privacy_flags(body, privacy.settings(self.hub, account.phone))
        self.hub.state.set_privacy_settings(account.phone, updated)
        return Response.json(
            {"require_token": updated.require_token, "accept_cstoken": updated.accept_cstoken}
        )

    def _holder(self, text: Any) -> Account:
        if not isinstance(text, str):
            raise HttpError(400, "'to' must be a JID or phone number")
        try:
            jid = parse_jid(text) if "@" in text else phone_to_jid(text)
        except JIDError as exc:
            raise HttpError(400, f"'to' is not a JID or phone number: {exc}") from None
        account = self.hub.account_of(jid.to_non_ad())
        if account is None:
            raise HttpError(404, f"no account {text}")
        return account

    async def issue(self, request: Request) -> Response:
        issuer = account_named(self.hub, request.params["phone"])
        body = body_object(request)
        holder = self._holder(body.get("to"))
        if holder.phone == issuer.phone:
            raise HttpError(400, "an account does not give itself its token")
        t = body.get("t", now())
        if not isinstance(t, int) or isinstance(t, bool) or not 0 < t < MAX_T:
            raise HttpError(400, "'t' must be unix seconds")
        notified = await deliver_all(self.hub, privacy.issue(self.hub, issuer, holder, t))
        return Response.json(
            {
                "issuer": issuer.phone,
                "holder": holder.phone,
                "t": t,
                "token": _b64(privacy.token_for(self.hub, issuer, holder, t)),
                "notified": notified,
            }
        )

    async def tokens(self, request: Request) -> Response:
        hub = self.hub
        account = account_named(hub, request.params["phone"])
        settings = privacy.settings(hub, account.phone)
        at, rules = now(), privacy.rules(hub)
        issued, held = [], []
        for issuer, holder, t in hub.state.issuances(account.phone):
            other = hub.state.account(holder if issuer == account.phone else issuer)
            if other is None:
                continue
            if issuer == account.phone:
                token = privacy.token_for(hub, account, other, t)
                issued.append({"to": other.phone, "t": t, "token": _b64(token)})
            else:
                token = privacy.token_for(hub, other, account, t)
                expired = tc.is_expired(t, at, rules)
                held.append({"from": other.phone, "t": t, "token": _b64(token), "expired": expired})
        messages = [
            {
                "id": m.id,
                "device": m.device,
                "to": m.recipient,
                "tctoken": _b64(m.tctoken),
                "tctoken_check": m.tctoken_check,
                "cstoken": _b64(m.cstoken),
                "cstoken_check": m.cstoken_check,
                "outcome": m.outcome,
                "t": m.t,
            }
            for m in hub.state.privacy_stanzas(account.phone)
        ]
        return Response.json(
            {
                "phone": account.phone,
                "require_token": settings.require_token,
                "accept_cstoken": settings.accept_cstoken,
                "nct_salt": _b64(settings.nct_salt),
                "issued": issued,
                "held": held,
                "messages": messages,
            }
        )
