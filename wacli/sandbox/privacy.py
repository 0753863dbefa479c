"""Trusted-contact privacy tokens ("tctoken") as the real server enforces them (2026).

- **Tokens.** The server mints a token "issued by account P to account X" as 32 opaque
  bytes it can check without keeping them: ``t`` (8 bytes, big-endian unix seconds) then
  the first 24 bytes of HMAC-SHA256(server secret, ``"<P lid>|<X lid>|"`` + those 8
  bytes). The secret is made once and kept in the state (``server_keys``), so tokens
  survive a restart. A token is good while ``t`` is not expired by the bucket rule of
  the sandbox's A/B props (wacli.protocol.privacy_token.is_expired).
- **Issuing.** When a simulated phone P messages X (phone_messages.phone_sends) it issues its
  token to X if due (once per bucket per pair: ``issue_due`` on the last issuance kept
  in ``privacy_issuances``): every companion of X gets ``<notification
  type="privacy_token" from=P_PN sender_lid=P_LID id t><tokens><token jid=X_DEVICE t
  type="trusted_contact">BYTES</token></tokens></notification>``, queued like any
  notification. A companion of X issues its own token to P with ``<iq xmlns="privacy"
  type="set"><tokens><token jid=P t type="trusted_contact"/></tokens></iq>``: the server
  answers an empty result, records X→P at ``t`` and notifies P's companions the same way
  (P's phone then holds X's token).
- **Enforcing.** A 1:1 message (not ``category="peer"``, not to one's own account, not a
  retry resend, whose ``<enc>`` carry ``count``) from X to P is refused with ``<ack
  class="message" error="463"/>`` when P requires tokens (``require_token``, on by
  default) and the stanza carries neither a valid ``<tctoken>`` minted for (P, X) nor,
  when P accepts them (``accept_cstoken``), a ``<cstoken>`` equal to HMAC-SHA256(X's NCT
  salt, ``"<P lid>@lid"``). A ``<tctoken>`` on a peer message is refused with 479.
- **History.** Each account has an NCT salt (32 random bytes); the phone's history
  bootstrap and pushes carry it (HistorySync field 19) and, per 1:1 conversation, the
  contact's token for the account (Conversation.tc_token, tc_token_timestamp) and when
  the account last issued its own (tc_token_sender_timestamp).

``wacli sandbox serve --privacy-tokens off`` makes new accounts not require tokens and
the server issue none on its own (no privacy_token notifications): the sandbox as it
was before. The admin API (admin_privacy.py) changes both per account.

This module holds the rules and their records only: it sends nothing. Issuing returns
the notifications due (``Outgoing``), and its callers deliver them (delivery.py):
the issuance IQ (iq/settings.py), the phones (phone_messages.py) and the admin API.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from wacli.binary import Node
from wacli.jid import DEFAULT_USER_SERVER, JID, LID_SERVER, JIDError, parse_jid
from wacli.proto import history_sync_pb2, newer_fields_pb2
from wacli.protocol import privacy_token as tc
from wacli.protocol import props as ab
from wacli.sandbox.phone import now
from wacli.sandbox.stanzas import Outgoing, new_id
from wacli.sandbox.state import Account, PrivacySettings, PrivacyStanza

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

log = logging.getLogger(__name__)

MODES: Final = ("enforce", "off")
DEFAULT_PROPS: Final[Mapping[int, str]] = {
    ab.TCTOKEN_ON_1ON1: "1",
    ab.TCTOKEN_IN_PICTURE_QUERY: "1",
    ab.ISSUE_TOKEN_TO_LID: "1",
}
PROPS_REFRESH: Final = 86400
SECRET_NAME: Final = "privacy_token_secret"
MAC_BYTES: Final = 24
TOKEN_BYTES: Final = 8 + MAC_BYTES

# A check of a carried token.
VALID, EXPIRED, INVALID, NOT_ACCEPTED = "valid", "expired", "invalid", "not_accepted"


# -- A/B props ----------------------------------------------------------------------------------


def props(hub: Hub) -> dict[int, str]:
    """The sandbox's A/B props (DEFAULT_PROPS until the admin API changes them)."""
    text = hub.state.setting("ab_props")
    if text is None:
        return dict(DEFAULT_PROPS)
    return {int(code): str(value) for code, value in json.loads(text).items()}


def set_props(hub: Hub, changes: Mapping[int, str | None]) -> dict[int, str]:
    """Change some props (None removes one: the clients' default applies); the new set."""
    current = props(hub)
    for code, value in changes.items():
        if value is None:
            current.pop(code, None)
        else:
            current[code] = value
    hub.state.set_setting("ab_props", json.dumps({str(c): v for c, v in sorted(current.items())}))
    return current


def props_hash(values: Mapping[int, str]) -> str:
    """A stable hash of a props set: equal sets, equal hashes (across restarts too)."""
    text = ";".join(f"{code}={value}" for code, value in sorted(values.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def props_answer(hub: Hub, known_hash: str | None) -> Node:
    """The ``<props>`` of an A/B props result: everything, or nothing when the client's
    hash is the current one."""
    values = props(hub)
    current = props_hash(values)
    if known_hash == current:
        return ab.props_result({}, current, PROPS_REFRESH)
    return ab.props_result(values, current, PROPS_REFRESH)


def rules(hub: Hub) -> tc.TokenRules:
    return tc.TokenRules.from_props(props(hub))


# -- tokens --------------------------------------------------------------------------------------


def mint(secret: bytes, issuer_lid: str, holder_lid: str, t: int) -> bytes:
    """The token ``issuer`` gives ``holder`` at ``t`` (LID users, digits)."""
    stamp = t.to_bytes(8, "big")
    data = f"{issuer_lid}|{holder_lid}|".encode() + stamp
    return stamp + hmac.new(secret, data, hashlib.sha256).digest()[:MAC_BYTES]


def token_time(token: bytes) -> int | None:
    return int.from_bytes(token[:8], "big") if len(token) == TOKEN_BYTES else None


def check_token(
    secret: bytes,
    issuer_lid: str,
    holder_lid: str,
    token: bytes,
    at: int,
    token_rules: tc.TokenRules,
) -> str:
    """VALID, EXPIRED (minted for this pair, but too old) or INVALID."""
    t = token_time(token)
    if t is None or not hmac.compare_digest(token, mint(secret, issuer_lid, holder_lid, t)):
        return INVALID
    return EXPIRED if tc.is_expired(t, at, token_rules) else VALID


def secret(hub: Hub) -> bytes:
    return hub.state.server_secret(SECRET_NAME)


def token_for(hub: Hub, issuer: Account, holder: Account, t: int) -> bytes:
    return mint(secret(hub), issuer.lid, holder.lid, t)


def settings(hub: Hub, phone: str) -> PrivacySettings:
    return hub.state.privacy_settings(phone, hub.require_token)


def _user(account: Account, lid: bool = False) -> JID:
    return JID(account.lid, LID_SERVER) if lid else JID(account.phone, DEFAULT_USER_SERVER)


def notification(issuer: Account, holder_device: JID, t: int, token: bytes) -> Node:
    """What a companion of the holder gets when ``issuer`` gives it its token."""
    attrs: dict[str, str | JID | None] = {
        "from": _user(issuer),
        "sender_lid": _user(issuer, lid=True),
        "type": "privacy_token",
        "id": new_id(),
        "t": str(now()),
    }
    return Node("notification", attrs, [tc.tokens_node([tc.Token(holder_device, t, token)])])


def issue(hub: Hub, issuer: Account, holder: Account, t: int) -> list[Outgoing]:
    """``issuer`` gives ``holder`` its token at ``t``: recorded; the notification each
    companion of the holder is to get."""
    hub.state.set_issuance(issuer.phone, holder.phone, t)
    token = token_for(hub, issuer, holder, t)
    due = [
        Outgoing(
            holder.phone,
            device,
            notification(issuer, JID(holder.phone, DEFAULT_USER_SERVER, device), t, token),
        )
        for device, _ in hub.device_ids(holder.phone)
        if device
    ]
    hub.stats["privacy_tokens_issued"] += 1
    return due


def phone_sent(hub: Hub, sender: Account, target: Account) -> list[Outgoing]:
    """A simulated phone messaged ``target``: it issues its token when due (what to deliver)."""
    if not hub.issue_tokens or sender.phone == target.phone:
        return []
    at = now()
    if tc.issue_due(hub.state.issuance(sender.phone, target.phone), at, rules(hub)):
        return issue(hub, sender, target, at)
    return []


def companion_issued(hub: Hub, issuer: Account, holder: Account, t: int) -> list[Outgoing]:
    """A companion of ``issuer`` gave ``holder`` its token (the issuance IQ): recorded, and
    the holder's companions notified unless the server issues no tokens."""
    if hub.issue_tokens:
        return issue(hub, issuer, holder, t)
    hub.state.set_issuance(issuer.phone, holder.phone, t)
    return []


# -- enforcement --------------------------------------------------------------------------------


def _retry_resend(node: Node) -> bool:
    """A message resent after a retry receipt: clients send it without a token."""
    participants = node.child("participants")
    if participants is None:
        encs = node.children_named("enc")
    else:
        encs = [enc for to in participants.children_named("to") for enc in to.children_named("enc")]
    return bool(encs) and all(enc.attr("count") for enc in encs)


def _carried(child: Node | None) -> bytes | None:
    if child is None:
        return None
    return child.content if isinstance(child.content, bytes) else b""


def check_message(
    hub: Hub, phone: str, device: int, node: Node, recipient: Account, peer: bool
) -> str | None:
    """The ack error for a 1:1 message from ``phone``'s ``device`` to ``recipient`` (None:
    deliver it); what it carried is recorded."""
    tctoken, cstoken = _carried(node.child("tctoken")), _carried(node.child("cstoken"))
    if peer:
        return "479" if tctoken is not None else None
    if recipient.phone == phone:
        return None
    sender = hub.state.account(phone)
    assert sender is not None
    at = now()
    wanted = settings(hub, recipient.phone)
    tc_check = cs_check = None
    if tctoken is not None:
        tc_check = check_token(secret(hub), recipient.lid, sender.lid, tctoken, at, rules(hub))
    if cstoken is not None:
        expected = tc.cstoken(settings(hub, phone).nct_salt, _user(recipient, lid=True))
        cs_check = VALID if hmac.compare_digest(cstoken, expected) else INVALID
        if cs_check == VALID and not wanted.accept_cstoken:
            cs_check = NOT_ACCEPTED
    allowed = (
        not wanted.require_token or tc_check == VALID or cs_check == VALID or _retry_resend(node)
    )
    outcome = "delivered" if allowed else "463"
    hub.state.log_privacy_stanza(
        PrivacyStanza(
            phone,
            device,
            recipient.phone,
            node.attr("id", ""),
            tctoken,
            tc_check,
            cstoken,
            cs_check,
            outcome,
            at,
        )
    )
    if not allowed:
        hub.stats["messages_refused_463"] += 1
        log.info("message %s from %s to %s: 463", node.attr("id"), phone, recipient.phone)
        return "463"
    return None


# -- history sync --------------------------------------------------------------------------------


def annotate(hub: Hub, phone: str, conversation: history_sync_pb2.Conversation) -> None:
    """A 1:1 conversation of ``phone``'s history gets the contact's token for it and when
    ``phone`` last issued its own to the contact."""
    account = hub.state.account(phone)
    try:
        jid = parse_jid(conversation.id)
    except JIDError:
        return
    other = hub.account_of(jid.to_non_ad()) if jid.is_user else None
    if account is None or other is None or other.phone == phone:
        return
    held = hub.state.issuance(other.phone, phone)
    if held:
        conversation.tc_token = token_for(hub, other, account, held)
        conversation.tc_token_timestamp = held
    given = hub.state.issuance(phone, other.phone)
    if given:
        conversation.tc_token_sender_timestamp = given


def add_salt(hub: Hub, phone: str, sync: history_sync_pb2.HistorySync) -> None:
    """Put the account's NCT salt in a chunk (HistorySync.nct_salt, field 19, which the
    HistorySync of wacli.proto lacks: merged in from the newer-fields view)."""
    salt = settings(hub, phone).nct_salt
    sync.MergeFromString(newer_fields_pb2.HistorySyncNewer(nct_salt=salt).SerializeToString())
