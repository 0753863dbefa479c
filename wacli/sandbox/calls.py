"""Voice and video call signalling in the sandbox (no media: the calls only ring and end).

Admin routes:

- ``POST /admin/accounts/{phone}/call`` ``{"to": phone|jid, "video": bool}``: the phone
  of ``phone`` calls; every companion of the recipient gets (queued like a message until
  acked) ``<call from=CALLER id t notify platform version><offer call-id call-creator>
  <audio enc="opus" rate="16000"/><audio enc="opus" rate="8000"/>[<video …/>]<net
  medium="3"/><capability ver="1">…</capability><encopt keygen="2"/></offer></call>``;
  answers ``{"call_id"}``;
- ``POST /admin/accounts/{phone}/call/{call_id}/end`` ``{"reason"?}``: the caller hangs up;
  every companion of the recipient gets ``<terminate call-id call-creator reason/>``
  (``timeout`` unless given);
- ``POST /admin/accounts/{phone}/call/{call_id}/accept``: the callee's phone answers; the
  caller's companions get ``<accept call-id call-creator/>`` from it and the callee's
  companions stop ringing (``<terminate reason="accepted_elsewhere"/>``); the caller can
  still hang up (``…/end``);
- ``GET /admin/accounts/{phone}/calls``: the calls the account made or received, with who
  rejected them.

From a companion, ``<call id to=CALLER><reject call-id call-creator count/></call>``
(whatsmeow RejectCall) is answered ``<ack class="call" id from=CALLER type="reject"/>``;
the caller's phone records it, the caller's companions see the ``<reject>`` and the
recipient's other companions stop ringing (``<terminate reason="rejected_elsewhere"/>``).
Any other call signalling from a companion is acknowledged and dropped.
"""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wacli.binary import Attrs, Node
from wacli.jid import DEFAULT_USER_SERVER, JID
from wacli.sandbox import delivery
from wacli.sandbox.admin_args import account_named
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.stanzas import new_id, now, server_ack
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

PLATFORM, VERSION = "android", "2.25.21.79"  # what a ringing phone announces about itself
MAX_REASON = 64
MAX_CALLS = 1000  # remembered per sandbox; the oldest are forgotten first


@dataclass(slots=True)
class Call:
    call_id: str
    caller: str  # phone numbers
    callee: str
    video: bool
    state: str = "ringing"  # ringing, accepted, ended or rejected
    reason: str | None = None
    rejected_by: str | None = None  # the device JID that declined

    def shown(self) -> dict[str, Any]:
        return {
            "call_id": self.call_id,
            "from": self.caller,
            "to": self.callee,
            "video": self.video,
            "state": self.state,
            "reason": self.reason,
            "rejected_by": self.rejected_by,
        }


_BOOKS: weakref.WeakKeyDictionary[Hub, dict[str, Call]] = weakref.WeakKeyDictionary()


def _book(hub: Hub) -> dict[str, Call]:
    return _BOOKS.setdefault(hub, {})


def _phone_jid(phone: str) -> JID:
    return JID(phone, DEFAULT_USER_SERVER)


def _offer(caller: Account, call_id: str, video: bool) -> Node:
    creator = _phone_jid(caller.phone)
    media = [
        Node("audio", {"enc": "opus", "rate": "16000"}),
        Node("audio", {"enc": "opus", "rate": "8000"}),
    ]
    if video:
        media.append(
            Node(
                "video",
                {
                    "enc": "vp8",
                    "dec": "vp8",
                    "orientation": "0",
                    "screen_width": "1080",
                    "screen_height": "2340",
                    "device_orientation": "0",
                },
            )
        )
    children = [
        *media,
        Node("net", {"medium": "3"}),
        Node("capability", {"ver": "1"}, b"\x01\x05\xf7\x09\xe4\xbb\x07"),
        Node("encopt", {"keygen": "2"}),
    ]
    return Node("offer", {"call-id": call_id, "call-creator": creator}, children)


def _stanza(sender: JID, signal: Node, notify: str | None = None) -> Node:
    attrs: dict[str, Any] = {"from": sender, "id": new_id(), "t": now()}
    if notify:
        attrs["notify"] = notify
    if signal.tag == "offer":
        attrs.update(platform=PLATFORM, version=VERSION)
    return Node("call", attrs, [signal])


async def _to_companions(hub: Hub, phone: str, make: Any, skip: int | None = None) -> int:
    """A fresh stanza (its own id) for every companion of ``phone``, queued until acked."""
    sent = 0
    for device, _ in hub.device_ids(phone):
        if device == 0 or device == skip:
            continue  # the simulated phone takes no call signalling
        await delivery.deliver(hub, phone, device, make())
        sent += 1
    return sent


async def ring(hub: Hub, caller: Account, callee: Account, video: bool) -> Call:
    book = _book(hub)
    call = Call(os.urandom(16).hex().upper(), caller.phone, callee.phone, video)
    while len(book) >= MAX_CALLS:
        del book[next(iter(book))]
    book[call.call_id] = call
    sender = _phone_jid(caller.phone)
    await _to_companions(
        hub,
        callee.phone,
        lambda: _stanza(sender, _offer(caller, call.call_id, video), caller.push_name),
    )
    hub.stats["calls"] += 1
    return call


def _terminate(call: Call, reason: str) -> Node:
    attrs: Attrs = {
        "call-id": call.call_id,
        "call-creator": _phone_jid(call.caller),
        "reason": reason,
    }
    return Node("terminate", attrs)


async def end(hub: Hub, call: Call, reason: str) -> None:
    call.state, call.reason = "ended", reason
    sender = _phone_jid(call.caller)
    await _to_companions(hub, call.callee, lambda: _stanza(sender, _terminate(call, reason)))


async def accept(hub: Hub, call: Call) -> None:
    """The callee's phone answers."""
    call.state = "accepted"
    creator, answerer = _phone_jid(call.caller), _phone_jid(call.callee)

    def accepted() -> Node:
        attrs: Attrs = {"call-id": call.call_id, "call-creator": creator}
        return _stanza(answerer, Node("accept", attrs))

    await _to_companions(hub, call.caller, accepted)
    await _to_companions(
        hub, call.callee, lambda: _stanza(creator, _terminate(call, "accepted_elsewhere"))
    )


# -- from companions ------------------------------------------------------------------


async def handle_call(conn: Connection, node: Node) -> None:
    """A companion's call signalling: acked; a reject ends the ringing."""
    hub = conn.hub
    assert conn.device_key is not None
    phone, device = conn.device_key
    stanza_id = node.require_attr("id")
    to = node.attr_jid("to")
    signal = node.children[0] if node.children else None
    kind = None if signal is None else signal.tag
    call = hub_call(hub, signal.attr("call-id") if signal is not None else None)
    if kind != "reject":
        await conn.send(server_ack("call", stanza_id, to, kind, error=None if kind else "400"))
        return
    if call is None or call.callee != phone or call.state != "ringing":
        await conn.send(server_ack("call", stanza_id, to, kind, error="404"))
        return
    callee = hub.state.account(phone)
    assert callee is not None
    rejecter = delivery.device_jid(hub, callee, device, to.is_lid)
    call.state, call.rejected_by = "rejected", str(rejecter)
    await conn.send(server_ack("call", stanza_id, to, kind))
    creator = _phone_jid(call.caller)

    def reject_copy() -> Node:
        attrs: Attrs = {"call-id": call.call_id, "call-creator": creator, "count": "0"}
        return _stanza(rejecter, Node("reject", attrs))

    await _to_companions(hub, call.caller, reject_copy)
    await _to_companions(
        hub, phone, lambda: _stanza(creator, _terminate(call, "rejected_elsewhere")), device
    )


def hub_call(hub: Hub, call_id: str | None) -> Call | None:
    return None if call_id is None else _book(hub).get(call_id)


# -- admin ----------------------------------------------------------------------------


def add_routes(router: Router, hub: Hub) -> None:
    routes = CallRoutes(hub)
    router.add("POST", "/admin/accounts/{phone}/call", routes.call)
    router.add("POST", "/admin/accounts/{phone}/call/{call_id}/end", routes.end)
    router.add("POST", "/admin/accounts/{phone}/call/{call_id}/accept", routes.accept)
    router.add("GET", "/admin/accounts/{phone}/calls", routes.calls)


class CallRoutes:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def _account(self, text: str) -> Account:
        return account_named(self.hub, text)

    async def call(self, request: Request) -> Response:
        caller = self._account(request.params["phone"])
        body = request.json()
        if not isinstance(body, dict) or not isinstance(body.get("to"), str):
            raise HttpError(400, "give {'to': phone or JID, 'video': true|false}")
        video = body.get("video", False)
        if not isinstance(video, bool):
            raise HttpError(400, "'video' is true or false")
        callee = self._account(body["to"])
        if callee.phone == caller.phone:
            raise HttpError(400, "a phone cannot call itself")
        call = await ring(self.hub, caller, callee, video)
        return Response.json({"call_id": call.call_id})

    async def end(self, request: Request) -> Response:
        caller = self._account(request.params["phone"])
        call = hub_call(self.hub, request.params["call_id"])
        if call is None or call.caller != caller.phone:
            raise HttpError(404, "no such call from that account")
        if call.state not in ("ringing", "accepted"):
            raise HttpError(409, f"the call is {call.state} already")
        body = request.json()
        reason = body.get("reason", "timeout") if isinstance(body, dict) else None
        if not isinstance(reason, str) or not reason or len(reason) > MAX_REASON:
            raise HttpError(400, f"'reason' is a word of at most {MAX_REASON} characters")
        await end(self.hub, call, reason)
        return Response.json(call.shown())

    async def accept(self, request: Request) -> Response:
        callee = self._account(request.params["phone"])
        call = hub_call(self.hub, request.params["call_id"])
        if call is None or call.callee != callee.phone:
            raise HttpError(404, "no such call to that account")
        if call.state != "ringing":
            raise HttpError(409, f"the call is {call.state} already")
        await accept(self.hub, call)
        return Response.json(call.shown())

    async def calls(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        found = [
            c.shown() for c in _book(self.hub).values() if account.phone in (c.caller, c.callee)
        ]
        return Response.json(found)
