"""Admin routes for what an account's phone changes about itself, and the notifications
the server sends about it (wacli.sandbox.notify):

- ``POST /admin/accounts/{phone}/profile`` with any of
  ``{"push_name": "…"}`` (later messages carry the new ``notify``),
  ``{"about": "…"}`` (a ``status`` notification),
  ``{"picture": "<base64 image>" | null}`` (a ``picture`` notification: set or delete),
  ``{"business": {…}}`` (a ``business`` notification: one of ``"verified_name": "…"``,
  ``"profile": true``, ``"remove": true``, ``"products": [ids]``, ``"collections": [ids]``,
  ``"subscriptions": [{"id", "status", "end"?}]``);
- ``GET /admin/accounts/{phone}/profile``: what is kept (the picture as base64);
- ``DELETE /admin/accounts/{phone}/devices/{device}``: the phone unlinks one companion
  (it gets device_removed; the others and the contacts a ``devices`` remove);
- ``POST /admin/accounts/{phone}/devices/update``: a hash-only ``devices`` update, which
  tells contacts to fetch the device list again.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from wacli.binary import Attrs, Node
from wacli.jid import DEFAULT_USER_SERVER, JID
from wacli.sandbox import notify
from wacli.sandbox.admin_args import account_named
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.profiles import MAX_ABOUT, MAX_NAME, MAX_PICTURE, Profile, Profiles
from wacli.sandbox.stanzas import stream_error_device_removed
from wacli.sandbox.state import Account

MAX_IDS = 100  # product, collection or subscription entries in one business notification


def add_routes(router: Router, hub: Hub) -> None:
    routes = ProfileRoutes(hub)
    router.add("POST", "/admin/accounts/{phone}/profile", routes.change)
    router.add("GET", "/admin/accounts/{phone}/profile", routes.show)
    router.add("DELETE", "/admin/accounts/{phone}/devices/{device}", routes.unlink)
    router.add("POST", "/admin/accounts/{phone}/devices/update", routes.devices_update)


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise HttpError(400, f"{what} must be a JSON object")
    return value


def _string(value: Any, key: str, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise HttpError(400, f"{key!r} must be a string of at most {limit} characters")
    return value


def _ids(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not value or len(value) > MAX_IDS:
        raise HttpError(400, f"{key!r} must be a list of 1 to {MAX_IDS} ids")
    return [_string(v, key, 64) for v in value]


def _show(account: Account, profile: Profile) -> dict[str, Any]:
    image = profile.picture
    return {
        "push_name": account.push_name,
        "about": profile.about,
        "picture_id": str(profile.picture_id) if image is not None else None,
        "picture": None if image is None else base64.b64encode(image).decode(),
        "business": profile.business,
        "verified_name": profile.verified_name,
    }


class ProfileRoutes:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.profiles = Profiles(hub.state)

    def _account(self, phone: str) -> Account:
        return account_named(self.hub, phone)

    async def show(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        return Response.json(_show(account, self.profiles.get(account.phone)))

    async def change(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        body = _object(request.json(), "the request body")
        known = {"push_name", "about", "picture", "business"}
        if not body or not set(body) <= known:
            raise HttpError(400, "give any of 'push_name', 'about', 'picture', 'business'")
        # Check everything before anything changes or is sent.
        name = _string(body["push_name"], "push_name", MAX_NAME) if "push_name" in body else None
        if name is not None and not name.strip():
            raise HttpError(400, "'push_name' must not be blank")
        text = _string(body["about"], "about", MAX_ABOUT) if "about" in body else None
        image = self._picture(body["picture"]) if "picture" in body else None
        change = self._business(account, body["business"]) if "business" in body else None
        sent = 0
        if name is not None:
            self.profiles.set_push_name(account.phone, name)
            account = self._account(account.phone)
        if text is not None:
            self.profiles.set_about(account.phone, text)
            sent += await notify.announce(self.hub, account, notify.about(account, text))
        if "picture" in body:
            profile = self.profiles.set_picture(account.phone, image)
            picture_id = None if image is None else profile.picture_id
            sent += await notify.announce(self.hub, account, notify.picture(account, picture_id))
        if change is not None:
            node, business, verified = change
            self.profiles.set_business(account.phone, business, verified)
            sent += await notify.announce(self.hub, account, notify.business(account, node))
        shown = _show(account, self.profiles.get(account.phone))
        return Response.json({**shown, "notified": sent})

    @staticmethod
    def _picture(value: Any) -> bytes | None:
        if value is None:
            return None
        if not isinstance(value, str) or len(value) > MAX_PICTURE * 4 // 3 + 4:
            raise HttpError(400, f"'picture' is base64 of at most {MAX_PICTURE} bytes, or null")
        try:
            image = base64.b64decode(value, validate=True)
        except binascii.Error:
            raise HttpError(400, "'picture' is not base64") from None
        if not image:
            raise HttpError(400, "'picture' is empty; null removes the picture")
        return image

    def _business(self, account: Account, value: Any) -> tuple[Node, bool, str | None]:
        """The business notification's child, and (business?, verified name) after it."""
        spec = _object(value, "'business'")
        user = JID(account.phone, DEFAULT_USER_SERVER)
        kept = self.profiles.get(account.phone)
        if "verified_name" in spec:
            name = _string(spec["verified_name"], "verified_name", 100)
            node = Node("verified_name", {"jid": user, "name": name, "serial": account.phone})
            return node, True, name
        if spec.get("remove") is True:
            return Node("remove", {"jid": user}), False, None
        if spec.get("profile") is True:
            return Node("profile", {"jid": user}), True, kept.verified_name
        if "products" in spec:
            products = [
                Node("product", {}, [Node("id", {}, pid.encode())])
                for pid in _ids(spec["products"], "products")
            ]
            return Node("product_catalog", {}, products), True, kept.verified_name
        if "collections" in spec:
            items = [Node("collection", {"id": c}) for c in _ids(spec["collections"], "ids")]
            return Node("product_catalog", {}, items), True, kept.verified_name
        if "subscriptions" in spec:
            entries = spec["subscriptions"]
            if not isinstance(entries, list) or not entries or len(entries) > MAX_IDS:
                raise HttpError(400, f"'subscriptions' is a list of 1 to {MAX_IDS} objects")
            subs = [self._subscription(_object(e, "a subscription")) for e in entries]
            return Node("subscriptions", {}, subs), True, kept.verified_name
        raise HttpError(
            400,
            "'business' takes one of verified_name, profile, remove, products, collections, "
            "subscriptions",
        )

    @staticmethod
    def _subscription(entry: dict[str, Any]) -> Node:
        attrs: Attrs = {
            "id": _string(entry.get("id"), "id", 64),
            "status": _string(entry.get("status"), "status", 32),
        }
        end = entry.get("end")
        if end is not None:
            if not isinstance(end, int) or isinstance(end, bool) or not 0 <= end < 1 << 40:
                raise HttpError(400, "'end' is a unix time")
            attrs["subscription_end_time"] = str(end)
        return Node("subscription", attrs)

    async def unlink(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        text = request.params["device"]
        device = int(text) if text.isdigit() and len(text) < 6 else 0
        if device == 0 or self.hub.state.device(account.phone, device) is None:
            raise HttpError(404, f"{account.phone} has no companion {text}")
        self.hub.state.remove_device(account.phone, device)
        notified = await notify.devices_changed(self.hub, account, "remove", device)
        conn = self.hub.logged_in.get((account.phone, device))
        if conn is not None:
            await conn.stream_error(stream_error_device_removed())
        return Response.json({"removed": device, "notified": notified})

    async def devices_update(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        node = notify.devices_update(self.hub, account)
        notified = await notify.announce(self.hub, account, node)
        return Response.json({"hash": node.children[0].attr("hash"), "notified": notified})
