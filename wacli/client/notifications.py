"""Server notifications as events (whatsmeow notification.go, Baileys messages-recv.ts,
whatsapp-rust's device/profile/business notification stanzas):

- ``type="devices"``: ``<add|remove device_hash><device jid [lid] [key-index]/>
  <key-index-list ts>[signed]</key-index-list></…>`` or ``<update hash/>`` →
  ``device_list_update`` (and the user's cached device list is forgotten);
- ``type="picture"``: ``<set jid id author/>`` or ``<delete jid author/>`` →
  ``picture_update``;
- ``type="status"``: ``<set>about text</set>`` → ``user_about_update``;
- ``type="business"``: ``<verified_name>``, ``<profile>``, ``<remove>``,
  ``<product_catalog>`` or ``<subscriptions>`` → ``business_status_update``;
- ``type="encrypt" from=USER``: ``<identity/>`` (the contact reinstalled) →
  ``identity_change`` with ``implicit: false``, the user's sessions dropped
  (wacli.client.identity) and our privacy token issued to them again when the last
  issuance is still in its window; the server's own ``<count/>`` is PrekeyRefill's.

A notification this module cannot read falls through to the router's generic
``notification`` event. The dispatcher acks each one after its events are out.

``push_names`` is a Receiver MessageHook: a message whose ``notify`` differs from the
push name the archive knows for its sender gives ``push_name_update`` and records the
new name (whatsmeow does the same, also for a sender seen for the first time). A message
of our own phone carries the account's push name: a store that has none yet (linked by
code with a server whose ``<success>`` names none) takes it from there, as Baileys does,
and says so with ``self_push_name_updated``; the app state's name stays the one that counts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from google.protobuf.message import DecodeError

from wacli.binary import BinaryError, Node
from wacli.client import events as ev
from wacli.client import privacy_tokens
from wacli.client.dispatcher import Outcome
from wacli.client.identity import forget_contact
from wacli.jid import JID, JIDError
from wacli.proto import adv_pb2, e2e_pb2
from wacli.protocol import ProtocolError
from wacli.store import Store
from wacli.store.archive import Archive

log = logging.getLogger(__name__)

MAX_ITEMS = 1000  # products, collections, subscriptions or devices read from one notification


class NotificationError(ProtocolError):
    """A notification whose shape this module cannot read."""


def _number(text: str | None, digits: int = 18) -> int | None:
    """A count or time attribute, None unless it is plain digits of a sane length."""
    if text is None or not text.isdigit() or len(text) > digits:
        return None
    return int(text)


def _time(node: Node) -> datetime | None:
    seconds = _number(node.attr("t"), 11)  # up to year 5138: every datetime can hold it
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def _jid(node: Node, key: str) -> JID | None:
    return node.attr_jid(key) if node.attr(key) else None


def _from(node: Node) -> JID:
    origin = _jid(node, "from")
    if origin is None:
        raise NotificationError(f"a {node.attr('type')} notification without 'from'")
    return origin


def _text(node: Node) -> str | None:
    if node.content is None:
        return None
    if isinstance(node.content, bytes):
        return node.content.decode("utf-8", "replace")
    raise NotificationError(f"<{node.tag}> holds elements where text belongs")


# -- devices --------------------------------------------------------------------------------


def _key_index(node: Node) -> dict[str, Any]:
    """``<key-index-list ts>``: its time and, when it carries the signed list, what the
    list says (not verified here: that needs the account's identity key)."""
    found: dict[str, Any] = {"timestamp": _number(node.attr("ts"))}
    if isinstance(node.content, bytes) and node.content:
        try:
            signed = adv_pb2.ADVSignedKeyIndexList.FromString(node.content)
            details = adv_pb2.ADVKeyIndexList.FromString(signed.details)
        except DecodeError:
            raise NotificationError("the key-index-list is not an ADV signed list") from None
        found["raw_id"] = details.raw_id
        found["current_index"] = details.current_index
        found["valid_indexes"] = list(details.valid_indexes)[:MAX_ITEMS]
    return found


def devices(node: Node) -> list[ev.Event]:
    user = _from(node)
    lid = _jid(node, "lid")
    for kind in ("remove", "add", "update"):  # one change per notification, WA Web's order
        change = node.child(kind)
        if change is not None:
            break
    else:
        raise NotificationError("a devices notification without add, remove or update")
    listed = [_jid(d, "jid") for d in change.children_named("device")[:MAX_ITEMS]]
    key_list = change.child("key-index-list")
    return [
        ev.DeviceListUpdate(
            user=user.to_non_ad(),
            lid_user=None if lid is None else lid.to_non_ad(),
            update_type=kind,
            devices=tuple(d for d in listed if d is not None),
            key_index=None if key_list is None else _key_index(key_list),
            contact_hash=change.attr("hash") or change.attr("device_hash"),
        )
    ]


# -- profile ----------------------------------------------------------------------------------


def picture(node: Node) -> list[ev.Event]:
    origin = _from(node)
    found: list[ev.Event] = []
    for child in node.children[:MAX_ITEMS]:
        if child.tag not in ("set", "delete", "add"):
            continue
        removed = child.tag == "delete"
        found.append(
            ev.PictureUpdate(
                jid=_jid(child, "jid") or origin,
                author=_jid(child, "author"),
                timestamp=_time(node),
                photo_change={"removed": removed, "id": None if removed else child.attr("id")},
            )
        )
    if not found:  # a bare notification also means the picture is gone (whatsapp-rust)
        if node.children:
            raise NotificationError("a picture notification with neither set nor delete")
        change = {"removed": True, "id": None}
        found.append(
            ev.PictureUpdate(jid=origin, author=None, timestamp=_time(node), photo_change=change)
        )
    return found


def about(node: Node) -> list[ev.Event]:
    change = node.child("set")
    if change is None:
        raise NotificationError("a status notification without <set>")
    return [ev.UserAboutUpdate(jid=_from(node), status=_text(change) or "", timestamp=_time(node))]


def _catalog(node: Node) -> tuple[list[str], list[str]]:
    """The product ids and collection ids of a ``<product_catalog>``."""
    products: list[str] = []
    collections: list[str] = []
    for child in node.children[:MAX_ITEMS]:
        if child.tag == "product" and child.child("id") is not None:
            products.append(_text(child.require_child("id")) or "")
        elif child.tag == "collection" and child.attr("id"):
            collections.append(child.require_attr("id"))
    return products, collections


def _subscriptions(node: Node) -> list[dict[str, Any]]:
    return [
        {
            "id": child.attr("id"),
            "status": child.attr("status"),
            "expiration_date": _number(child.attr("subscription_end_time")),
        }
        for child in node.children_named("subscription")[:MAX_ITEMS]
        if child.attr("id") and child.attr("status")
    ]


def _keyed(node: Node | None) -> bool:
    return node is not None and bool(node.attr("jid") or node.attr("hash"))


def business(node: Node) -> list[ev.Event]:
    """whatsapp-rust's reading of WA Web's business notification: the first child that
    says something decides the update type (remove, verified name, profile, catalog,
    subscriptions)."""
    kind, target, digest, name = "unknown", None, None, None
    products: list[str] = []
    collections: list[str] = []
    subscriptions: list[dict[str, Any]] = []
    remove, verified = node.child("remove"), node.child("verified_name")
    profile, catalog, subs = (
        node.child("profile"),
        node.child("product_catalog"),
        node.child("subscriptions"),
    )
    if remove is not None and _keyed(remove):
        target, digest = _jid(remove, "jid"), remove.attr("hash")
        kind = "remove_jid" if target is not None else "remove_hash"
    elif verified is not None and _keyed(verified):
        target, digest = _jid(verified, "jid"), verified.attr("hash")
        kind = "verified_name_jid" if target is not None else "verified_name_hash"
        inner = verified.child("name")
        name = verified.attr("name") or (None if inner is None else _text(inner))
    elif profile is not None:
        digest = profile.attr("hash")
        kind = "profile_hash" if digest is not None else "profile"
    elif catalog is not None:
        products, collections = _catalog(catalog)
        kind = "product" if products else "collection" if collections else "unknown"
    elif subs is not None:
        subscriptions = _subscriptions(subs)
        kind = "subscriptions" if subscriptions else "unknown"
    return [
        ev.BusinessStatusUpdate(
            jid=_from(node),
            update_type=kind,
            timestamp=_time(node),
            target_jid=target,
            hash=digest,
            verified_name=name,
            product_ids=tuple(products) or None,
            collection_ids=tuple(collections) or None,
            subscriptions=tuple(subscriptions) or None,
        )
    ]


# -- identity ---------------------------------------------------------------------------------


def identity(node: Node) -> list[ev.Event]:
    if node.child("identity") is None:
        raise NotificationError("an encrypt notification without <identity>")
    when = _time(node) or datetime.now(UTC)
    return [ev.IdentityChange(jid=_from(node).to_non_ad(), timestamp=when, implicit=False)]


_READERS: dict[str, Callable[[Node], list[ev.Event]]] = {
    "devices": devices,
    "picture": picture,
    "status": about,
    "business": business,
    "encrypt": identity,
}
KINDS = frozenset(_READERS)  # the notification types read here (wacli.client.routes)


class Notifications:
    """The feature handler for these notifications, and the push-name message hook."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.archive = Archive(store)

    async def handle(self, node: Node) -> Outcome | None:
        if node.tag != "notification":
            return None
        kind = node.attr("type") or ""
        read = _READERS.get(kind)
        if read is None:
            return None
        try:
            events = read(node)
        except (NotificationError, BinaryError, JIDError) as exc:
            log.warning("cannot read a %s notification (%s); passing it on as is", kind, exc)
            return None  # the router's generic notification event
        if kind == "devices":
            self._devices_changed(events)
        also: list[Node] = []
        if kind == "encrypt":
            for event in events:
                if isinstance(event, ev.IdentityChange) and isinstance(event.jid, JID):
                    forget_contact(self.store, event.jid)
                    also += privacy_tokens.reissue_request(self.store, event.jid)
        return Outcome(events=events, also=also)

    def _devices_changed(self, events: Sequence[ev.Event]) -> None:
        """A device list changed: the cached one is out of date (under the phone number
        and the LID, which the notification pairs as whatsmeow learns it)."""
        for event in events:
            if isinstance(event, ev.DeviceListUpdate):
                if (
                    event.lid_user is not None
                    and isinstance(event.lid_user, JID)
                    and event.lid_user.is_lid
                ):
                    self.store.put_lid_mapping(event.lid_user, event.user, "devices")
                self.store.forget_devices(event.user)

    def _own_push_name(self, name: str) -> list[ev.Event]:
        account = self.store.load_account()
        if account is None or account.push_name:
            return []
        self.store.set_push_name(name)
        return [ev.SelfPushNameUpdated(from_server=False, old_name=None, new_name=name)]

    async def push_names(self, info: ev.MessageInfo, message: e2e_pb2.Message) -> list[ev.Event]:
        """MessageHook: a sender's push name that differs from the one archived."""
        name = info.push_name
        if not name or name == "-":
            return []
        if info.is_from_me:
            return self._own_push_name(name)
        sender = info.sender if isinstance(info.sender, JID) else None
        if sender is None:
            return []
        user = str(sender.to_non_ad())
        known = self.archive.contact(user)
        old = None if known is None else known.push_name
        if old == name:
            return []
        self.archive.upsert_contact(user, updated_at=info.timestamp, push_name=name)
        return [
            ev.PushNameUpdate(
                jid=sender.to_non_ad(), message=info, old_push_name=old, new_push_name=name
            )
        ]
