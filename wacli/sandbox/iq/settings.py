"""Account settings a client reads at login: A/B props and web props; privacy tokens.

The A/B props are the sandbox's own (privacy.py: the privacy-token switches 10518,
9666 and 14303 on, the bucket props absent so the defaults apply; the admin API
changes them): ``<props protocol="1" hash refresh><prop config_code config_value/>…``,
or an empty ``<props protocol hash refresh/>`` when the request's ``hash`` is the
current one. The blocklist and privacy settings are privacy_settings.py's.

Issuing privacy tokens, ``<iq xmlns="privacy" type="set"><tokens><token jid t
type="trusted_contact"/>…</tokens></iq>``: the companion's account gives each contact
its token; the answer is an empty result (400 when malformed, and then nothing is
recorded), and the contacts' companions are notified (privacy.py has the rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from wacli.binary import Node
from wacli.jid import JIDError
from wacli.protocol import privacy_token as tc
from wacli.sandbox import privacy as tokens
from wacli.sandbox.delivery import deliver_all
from wacli.sandbox.phone import now
from wacli.sandbox.stanzas import iq_error, iq_result
from wacli.sandbox.state import Account

if TYPE_CHECKING:
    from wacli.sandbox.connection import Connection

MAX_ISSUED: Final = 100  # <token>s in one issuance IQ
MAX_FUTURE: Final = 86400  # an issuance may be this far ahead of the server's clock

_PROPS_HASH = "sandbox-1"


async def ab_props(conn: Connection, node: Node) -> Node:
    request = node.require_child("props")
    return iq_result(node, [tokens.props_answer(conn.hub, request.attr("hash"))])


async def web_props(conn: Connection, node: Node) -> Node:
    return iq_result(node, [Node("props", {"protocol": "2", "hash": _PROPS_HASH}, [])])


async def privacy_tokens(conn: Connection, node: Node) -> Node:
    """``<tokens><token jid t type="trusted_contact"/></tokens>``: a client hands out its
    trusted-contact tokens after a first message; all are checked before any is issued."""
    hub = conn.hub
    assert conn.device_key is not None
    issuer = hub.state.account(conn.device_key[0])
    assert issuer is not None
    given = node.require_child("tokens").children_named("token")
    if not given or len(given) > MAX_ISSUED:
        return iq_error(node, 400, "tokens must hold 1 to 100 <token>s")
    at = now()
    issued: list[tuple[Account, int]] = []
    for token in given:
        t, kind = token.attr("t", ""), token.attr("type")
        if kind != tc.TOKEN_TYPE or not t or not t.isdigit() or not 0 < int(t) <= at + MAX_FUTURE:
            return iq_error(node, 400, "each <token> needs type=trusted_contact and a valid t")
        try:
            jid = token.attr_jid("jid")
        except JIDError:
            return iq_error(node, 400, "each <token> needs the contact's jid")
        if not (jid.is_pn or jid.is_lid):
            return iq_error(node, 400, "a token goes to a user")
        holder = hub.account_of(jid.to_non_ad())
        if holder is not None and holder.phone != issuer.phone:
            issued.append((holder, int(t)))
    for holder, issued_at in issued:
        await deliver_all(hub, tokens.companion_issued(hub, issuer, holder, issued_at))
    return iq_result(node)
