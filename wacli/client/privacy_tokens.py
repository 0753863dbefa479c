"""Privacy tokens on the client (the rule: wacli.protocol.privacy_token).

- ``handle``: ``<notification type="privacy_token" from [sender_lid]><tokens>…`` from a
  contact who talked to us: its token is kept under the contact's LID (``sender_lid``, or
  ``from`` mapped to its LID), never replacing a newer one, and the notification acked.
  Every command runs it, not only ``listen``: a cron-only store must still learn tokens.
- ``message_child``: what a 1:1 message (or presence subscription) carries: ``<tctoken>``
  while a valid token is held and the server's prop 10518 asks for it, else ``<cstoken>``
  when the account has an NCT salt and the contact's LID is known, else nothing.
- ``issue``: after a 1:1 send, hand our own token to the contact once per bucket
  (``<iq xmlns="privacy" type="set"><tokens><token jid t type="trusted_contact"/>``),
  to its LID or phone number as prop 14303 says; tokens in the answer are kept.
- ``reissue_request``: after a contact's identity change, our last issuance again;
- ``from_history``: the tokens and sender timestamps of history-sync conversations, and
  the account's NCT salt.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.client.connection import Requests
from wacli.client.dispatcher import Outcome
from wacli.client.errors import ClientError
from wacli.client.stanzas import iq
from wacli.jid import JID, JIDError, parse_jid
from wacli.protocol import privacy_token as pt
from wacli.protocol import props as ab
from wacli.store import Store
from wacli.store.rule_tables import NCT_SALT

if TYPE_CHECKING:
    from wacli.proto import history_sync_pb2

log = logging.getLogger(__name__)

# The WhatsApp-internal users no token goes to: the PSA account and the bots.
_PSA_USER = "0"
_BOT_PREFIXES = ("1313555", "131655500")


def now() -> int:
    return int(time.time())


def takes_token(contact: JID) -> bool:
    """Whether 1:1 messages to ``contact`` take part in the token rule at all."""
    user = contact.to_non_ad()
    if not user.is_user or user.user == _PSA_USER or user.server == "bot":
        return False
    return not (user.server != "lid" and user.user.startswith(_BOT_PREFIXES))


def rules(store: Store) -> pt.TokenRules:
    return pt.TokenRules.from_props(store.server_props())


def valid_token(
    store: Store, contact: JID, at: int | None = None, token_rules: pt.TokenRules | None = None
) -> bytes | None:
    """The contact's token when we hold one that has not expired (``token_rules``: the
    props' rules when the caller has them already)."""
    if not takes_token(contact):
        return None
    held = store.privacy_token(contact)
    if held is None or not held.token:
        return None
    when = now() if at is None else at
    if pt.is_expired(held.timestamp, when, token_rules or rules(store)):
        return None
    return held.token


def message_child(store: Store, contact: JID) -> Node | None:
    """``<tctoken>`` or ``<cstoken>`` for a 1:1 stanza to ``contact``, or None."""
    if not takes_token(contact):
        return None
    props = store.server_props()  # read once per message
    token = valid_token(store, contact, token_rules=pt.TokenRules.from_props(props))
    if token is not None and ab.switch(props, ab.TCTOKEN_ON_1ON1, True):
        return Node("tctoken", {}, token)
    salt = store.setting(NCT_SALT)
    key = store.token_key(contact)
    if salt and key.endswith("@lid") and ab.switch(props, ab.CSTOKEN_SEND, True):
        return Node("cstoken", {}, pt.cstoken(salt, parse_jid(key)))
    return None


def issue_target(store: Store, contact: JID) -> JID:
    """The JID our token is issued to: the LID when prop 14303 says so (and one is known),
    else the phone number (when one is known)."""
    user = contact.to_non_ad()
    to_lid = ab.switch(store.server_props(), ab.ISSUE_TOKEN_TO_LID, False)
    if to_lid and not user.is_lid:
        lid = store.lid_for_pn(user)
        return parse_jid(lid) if lid else user
    if not to_lid and user.is_lid:
        pn = store.pn_for_lid(user)
        return parse_jid(pn) if pn else user
    return user


def keep_tokens(store: Store, contact: JID, tokens: Iterable[pt.Token]) -> int:
    """Store ``contact``'s tokens (the newest wins); how many were kept."""
    kept = 0
    with store.transaction():
        for token in tokens:
            kept += store.put_privacy_token(contact, token.data, token.timestamp)
    return kept


async def issue(
    conn: Requests, store: Store, contact: JID, *, force: bool = False, at: int | None = None
) -> bool:
    """Issue our token to ``contact`` when the bucket rule says it is due (or ``force``);
    whether an issuance IQ went out and was accepted. Errors are the caller's."""
    if not takes_token(contact):
        return False
    t = now() if at is None else at
    held = store.privacy_token(contact)
    if not force and not pt.issue_due(held.sender_timestamp if held else None, t, rules(store)):
        return False
    target = issue_target(store, contact)
    answer = await conn.iq("privacy", "set", [pt.issue_request([target], t)])
    with store.transaction():
        store.set_token_issued(contact, t)
    keep_tokens(store, contact, pt.parse_tokens(answer))
    return True


async def issue_quietly(conn: Requests, store: Store, contact: JID, *, force: bool = False) -> None:
    """``issue``, with a failure logged: the message it follows was already accepted."""
    try:
        await issue(conn, store, contact, force=force)
    except ClientError as exc:
        log.warning("could not issue our privacy token to %s: %s", contact, exc)


def reissue_time(store: Store, contact: JID) -> int | None:
    """After ``contact`` reinstalled: the time of our last issuance when it is still inside
    the sender window (it is issued again with that time, so the bucket does not move)."""
    held = store.privacy_token(contact)
    if held is None or pt.issued_expired(held.sender_timestamp, now(), rules(store)):
        return None
    return held.sender_timestamp


def reissue_request(store: Store, contact: JID) -> list[Node]:
    """After ``contact`` reinstalled: the issuance IQ to send again (with the time of our
    last issuance, so the bucket does not move), when that issuance is still in its
    window; nothing otherwise. Sent without waiting for its answer."""
    if not takes_token(contact):
        return []
    t = reissue_time(store, contact)
    if t is None:
        return []
    request = pt.issue_request([issue_target(store, contact)], t)
    return [iq("privacy", "set", [request], id=f"reissue.{os.urandom(4).hex()}")]


def _sender(node: Node) -> JID:
    """Whom a privacy_token notification is from, in the form tokens are kept under."""
    if node.attr("sender_lid"):
        return node.attr_jid("sender_lid").to_non_ad()
    return node.attr_jid("from").to_non_ad()


async def handle(store: Store, node: Node) -> Outcome | None:
    """The ``privacy_token`` notification (a Handler once bound to the store)."""
    if node.tag != "notification" or node.attr("type") != "privacy_token":
        return None
    try:
        contact = _sender(node)
    except JIDError:
        return Outcome()  # acked: a broken notification is not delivered again
    if node.attr("sender_lid"):
        try:
            pn = node.attr_jid("from").to_non_ad()
            if not pn.is_lid:
                store.put_lid_mapping(contact, pn, "privacy_token")
        except JIDError:
            pass
    if takes_token(contact):
        kept = keep_tokens(store, contact, pt.parse_tokens(node))
        log.debug("privacy token from %s: %d kept", contact, kept)
    return Outcome()


def from_history(store: Store, sync: history_sync_pb2.HistorySync) -> int:
    """Tokens, sender timestamps and the NCT salt of one history-sync chunk; how many
    tokens were kept."""
    # History sync is listen's; a send that only issues tokens loads none of its schema.
    from wacli.protocol.newer_fields import history_nct_salt

    salt = history_nct_salt(sync)
    kept = 0
    with store.transaction():
        if salt:
            store.set_setting(NCT_SALT, salt)
        for conversation in sync.conversations:
            try:
                contact = parse_jid(conversation.id).to_non_ad()
            except JIDError:
                continue
            if not takes_token(contact):
                continue
            if conversation.tc_token and conversation.tc_token_timestamp:
                kept += store.put_privacy_token(
                    contact, conversation.tc_token, conversation.tc_token_timestamp
                )
            sent = conversation.tc_token_sender_timestamp
            held = store.privacy_token(contact)
            if sent and (held is None or (held.sender_timestamp or 0) < sent):
                store.set_token_issued(contact, sent)
    return kept


def prune(store: Store, at: int | None = None) -> int:
    """Forget expired tokens and issuances (at login)."""
    t = now() if at is None else at
    r = rules(store)
    with store.transaction():
        return store.prune_privacy_tokens(
            pt.expiry_cutoff(t, r.duration, r.buckets),
            pt.expiry_cutoff(t, r.sender_duration, r.sender_buckets),
        )
