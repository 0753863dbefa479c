"""The server's A/B props on the client (shapes: wacli.protocol.props).

Fetched on a login when the stored set is older than the server's ``refresh`` interval
(a day by default), with the stored hash so an unchanged set comes back empty; kept in
the store, where the send path reads them (wacli.client.privacy_tokens).
"""

from __future__ import annotations

import logging
import time

from wacli.client.connection import Requests
from wacli.client.errors import ClientError
from wacli.protocol.props import parse_props, props_request
from wacli.store import Store
from wacli.store.rule_tables import PROPS_FETCHED_AT, PROPS_HASH, PROPS_REFRESH

log = logging.getLogger(__name__)

DEFAULT_REFRESH = 24 * 3600


def props_due(store: Store, at: int) -> bool:
    fetched = store.setting_text(PROPS_FETCHED_AT)
    refresh = store.setting_text(PROPS_REFRESH)
    if not fetched or not fetched.isdigit():
        return True
    interval = int(refresh) if refresh and refresh.isdigit() else DEFAULT_REFRESH
    return at >= int(fetched) + interval or at < int(fetched)


async def refresh_props(conn: Requests, store: Store, *, force: bool = False) -> bool:
    """Ask for the props when due (or ``force``); whether they were asked for. A server
    that does not answer is logged, and the props held so far stay in force."""
    at = int(time.time())
    if not force and not props_due(store, at):
        return False
    held_hash = store.setting_text(PROPS_HASH)
    try:
        answer = parse_props(await conn.iq("abt", "get", [props_request(held_hash)]))
    except ClientError as exc:
        log.warning("the server did not give its A/B props: %s", exc)
        return False
    unchanged = not answer.props and answer.hash is not None and answer.hash == held_hash
    with store.transaction():
        if not unchanged:
            store.save_server_props(answer.props, replace=not answer.delta)
        store.set_setting(PROPS_HASH, answer.hash)
        store.set_setting(PROPS_FETCHED_AT, str(at))
        store.set_setting(PROPS_REFRESH, None if answer.refresh is None else str(answer.refresh))
    return True
