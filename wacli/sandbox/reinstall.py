"""``POST /admin/accounts/{phone}/reinstall``: the account's phone reinstalls WhatsApp.

As on a real reinstall the phone comes back with a new Signal identity key, registration
id and prekeys, and without any session or sender key it had (its Signal store starts
empty); the account keeps its number, LID, push name and groups. Its companions are
unlinked on the way (each live one gets ``device_removed``; contacts and the other
companions a ``devices`` remove notification, wacli.sandbox.notify), since their ADV
identities were signed by the old key. The contacts' companions are then told of the new
identity (``<notification type="encrypt"><identity/></notification>``), as the real server
does, so they drop their sessions with the old one before they send again; one that
misses it learns of the key from the phone's next message (a pkmsg under it) or from the
next prekey bundle it fetches.

Answers ``{"phone", "identity" (hex), "registration_id", "unlinked"}``.
"""

from __future__ import annotations

from functools import partial

from wacli.sandbox import notify
from wacli.sandbox.admin_args import account_named
from wacli.sandbox.http import Request, Response, Router
from wacli.sandbox.hub import Hub


def add_routes(router: Router, hub: Hub) -> None:
    router.add("POST", "/admin/accounts/{phone}/reinstall", partial(reinstall, hub))


async def reinstall(hub: Hub, request: Request) -> Response:
    account = account_named(hub, request.params["phone"])
    # Unlinked while the old phone still exists: the notifications describe its devices.
    unlinked = await hub.logout(account.phone)
    phone = hub.new_phone(account.phone)
    await notify.announce(hub, account, notify.identity(account), own=False)
    hub.stats["reinstalls"] += 1
    return Response.json(
        {
            "phone": account.phone,
            "identity": phone.identity.public.hex(),
            "registration_id": phone.registration_id,
            "unlinked": unlinked,
        }
    )
