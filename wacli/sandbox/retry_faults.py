"""A fault for tests: a simulated phone loses its session with a device and asks it to
send a message again (``POST /admin/accounts/{phone}/retry``).

Body: ``{"id": MESSAGE_ID, "device": DEVICE_JID, "count": 1, "keys": bool, "group":
GROUP_JID?, "recipient": CHAT?}``. The phone forgets its Signal session with DEVICE (the
device that sent the message) and sends it ``<receipt type="retry" from=PHONE id t>
<retry count id t v=1/><registration/>[<keys><type/><identity/><key/><skey/>
<device-identity/></keys>]</receipt>``, as phones and whatsmeow do (keys from the second
retry on unless ``keys`` says otherwise); for a group message ``from`` is the group and
``participant`` the phone's device. ``recipient`` names the chat when DEVICE is one of
the phone's own companions. The answer is ``{"sent": true}``; what the device resends
reaches the phone's inbox like any message.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from wacli.binary import Node
from wacli.jid import GROUP_SERVER, JID, JIDError, parse_jid
from wacli.protocol.prekeys import OneTimeKey, SignedKey
from wacli.protocol.receipts import RetryKeys, RetryRequest, retry_content
from wacli.sandbox import delivery
from wacli.sandbox.admin_args import account_named
from wacli.sandbox.groups import is_lid
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub
from wacli.sandbox.phone import now


def _jid(body: dict[str, Any], key: str) -> JID | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise HttpError(400, f"{key!r} must be a JID")
    try:
        return parse_jid(value)
    except JIDError as exc:
        raise HttpError(400, f"{key!r}: {exc}") from None


def _keys(hub: Hub, phone: str) -> RetryKeys:
    """The phone's keys for a fresh session: identity, a new one-time prekey, signed prekey."""
    sim = hub.phone(phone)
    signed = sim.device_record().signed_prekey
    assert signed is not None
    prekey_id, prekey = sim.one_time_prekey()
    return RetryKeys(
        identity=sim.identity.public,
        one_time=OneTimeKey(prekey_id, prekey),
        signed=SignedKey(signed.key_id, signed.public, signed.signature),
        device_identity=b"",  # a phone has no ADV identity of its own
    )


async def retry_receipt(hub: Hub, request: Request) -> Response:
    account = account_named(hub, request.params["phone"])
    body = request.json()
    if not isinstance(body, dict):
        raise HttpError(400, "the request body must be a JSON object")
    message_id = body.get("id")
    count = body.get("count", 1)
    if not isinstance(message_id, str) or not message_id:
        raise HttpError(400, "'id' must be the message id")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 1000:
        raise HttpError(400, "'count' must be an integer from 1 to 1000")
    device = _jid(body, "device")
    if device is None:
        raise HttpError(400, "'device' must be the JID of the device that sent the message")
    target = hub.account_of(device.to_non_ad())
    if target is None:
        raise HttpError(404, f"no account for {device}")
    group_jid = _jid(body, "group")
    recipient = _jid(body, "recipient")
    t = str(now())
    attrs: dict[str, str | JID | None] = {"id": message_id, "t": t, "type": "retry"}
    if group_jid is not None:
        group = hub.state.group(f"{group_jid.user}@{GROUP_SERVER}")
        if group is None:
            raise HttpError(404, f"no group {group_jid}")
        attrs["from"] = JID(group_jid.user, GROUP_SERVER)
        attrs["participant"] = delivery.device_jid(hub, account, 0, is_lid(group))
    else:
        attrs["from"] = delivery.device_jid(hub, account, 0, device.is_lid)
        if recipient is not None:
            attrs["recipient"] = recipient
    with_keys = body.get("keys", count >= 2)
    if not isinstance(with_keys, bool):
        raise HttpError(400, "'keys' must be true or false")
    content = retry_content(
        RetryRequest(message_id, count, t),
        hub.phone(account.phone).registration_id,
        _keys(hub, account.phone) if with_keys else None,
    )
    hub.phone(account.phone).forget_session(target.phone, device.device)
    await delivery.deliver(hub, target.phone, device.device, Node("receipt", attrs, content))
    return Response.json({"sent": True})


def add_routes(router: Router, hub: Hub) -> None:
    router.add("POST", "/admin/accounts/{phone}/retry", partial(retry_receipt, hub))
