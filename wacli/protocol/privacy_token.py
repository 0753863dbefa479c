"""Trusted-contact privacy tokens ("tctoken"): the 2026 rule for 1:1 messages.

A contact's token proves to the server that the contact has talked to us; without
one (or the ``<cstoken>`` fallback) the server refuses a 1:1 message with ack error
463. Tokens arrive in ``<notification type="privacy_token">``, in history-sync
conversations and in answers to our own issuance; we hand ours out with
``<iq xmlns="privacy" type="set"><tokens><token jid t type="trusted_contact"/></tokens>``.

Time is cut into buckets (7 days by default, counted from the Unix epoch, so they
start on Thursdays 00:00 UTC). A received token is valid while its ``t`` falls in
the current bucket or the ``buckets - 1`` before it (21 to 28 days); we issue our own
token to a contact at most once per bucket. The rule is whatsmeow's tctoken.go,
Baileys' tc-token-utils.ts and whatsapp-rust's wacore/src/iq/tctoken.rs alike; the
server may change the lengths through the A/B props (wacli.protocol.props).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from wacli.binary import Attrs, Node
from wacli.jid import JID, JIDError
from wacli.protocol import props as ab

TOKEN_TYPE = "trusted_contact"
BUCKET_SECONDS = 7 * 24 * 3600
BUCKET_COUNT = 4
MAX_BUCKET_SECONDS = 180 * 24 * 3600  # the clamp whatsapp-rust applies to the props


# NamedTuples, not dataclasses: a tenth of the cost to define, at every start-up.
class TokenRules(NamedTuple):
    """Bucket length and count for tokens we hold (received) and tokens we issued (sender)."""

    duration: int = BUCKET_SECONDS
    buckets: int = BUCKET_COUNT
    sender_duration: int = BUCKET_SECONDS
    sender_buckets: int = BUCKET_COUNT

    @classmethod
    def from_props(cls, props: Mapping[int, str]) -> TokenRules:
        def seconds(code: int) -> int:
            return ab.number(props, code, BUCKET_SECONDS, 1, MAX_BUCKET_SECONDS)

        def count(code: int) -> int:
            return ab.number(props, code, BUCKET_COUNT, 1, 10_000)

        return cls(
            duration=seconds(ab.TCTOKEN_DURATION),
            buckets=count(ab.TCTOKEN_BUCKETS),
            sender_duration=seconds(ab.TCTOKEN_SENDER_DURATION),
            sender_buckets=count(ab.TCTOKEN_SENDER_BUCKETS),
        )


DEFAULT_RULES = TokenRules()  # what holds when the server's props say nothing


def expiry_cutoff(now: int, duration: int = BUCKET_SECONDS, buckets: int = BUCKET_COUNT) -> int:
    """The oldest ``t`` still valid at ``now``: the start of the oldest bucket in the window."""
    return (now // duration - (buckets - 1)) * duration


def is_expired(t: int | None, now: int, rules: TokenRules = DEFAULT_RULES) -> bool:
    """Whether a received token with timestamp ``t`` may no longer be sent (no ``t``: yes)."""
    return not t or t < expiry_cutoff(now, rules.duration, rules.buckets)


def issued_expired(t: int | None, now: int, rules: TokenRules = DEFAULT_RULES) -> bool:
    """Whether our own issuance at ``t`` has left the sender window."""
    return not t or t < expiry_cutoff(now, rules.sender_duration, rules.sender_buckets)


def issue_due(sender_t: int | None, now: int, rules: TokenRules = DEFAULT_RULES) -> bool:
    """Whether to issue our token now: never issued, or last issued in an earlier bucket
    (a ``sender_t`` in the future, a clock gone back, is not a reason to issue again)."""
    if not sender_t:
        return True
    return now // rules.sender_duration > sender_t // rules.sender_duration


class Token(NamedTuple):
    """One ``<token>``: whose (``jid``, when the stanza names it), when, and its bytes."""

    jid: JID | None
    timestamp: int
    data: bytes


def parse_tokens(parent: Node) -> list[Token]:
    """The trusted-contact tokens under ``parent``'s ``<tokens>`` (a notification or an
    issuance result). Tokens of another type, without bytes or without a ``t`` are left
    out, as the reference clients do."""
    container = parent if parent.tag == "tokens" else parent.child("tokens")
    if container is None:
        return []
    found = []
    for token in container.children_named("token"):
        if token.attr("type") != TOKEN_TYPE:
            continue
        t = token.attr("t")
        content = token.content
        if not (t and t.isdigit() and int(t) > 0) or not isinstance(content, bytes) or not content:
            continue
        try:
            jid = token.attr_jid("jid") if token.attr("jid") else None
        except JIDError:
            jid = None
        found.append(Token(jid, int(t), content))
    return found


def issue_request(jids: Sequence[JID], t: int) -> Node:
    """The ``<tokens>`` of our issuance IQ: one bare ``<token jid t type/>`` per contact."""
    return Node(
        "tokens",
        {},
        [Node("token", {"jid": jid.to_non_ad(), "t": str(t), "type": TOKEN_TYPE}) for jid in jids],
    )


def tokens_node(tokens: Sequence[Token]) -> Node:
    """``<tokens>`` carrying tokens (what the server puts in a notification)."""
    children = []
    for token in tokens:
        attrs: Attrs = {"t": str(token.timestamp), "type": TOKEN_TYPE}
        if token.jid is not None:
            attrs["jid"] = token.jid
        children.append(Node("token", attrs, token.data))
    return Node("tokens", {}, children)


def cstoken(salt: bytes, lid: JID) -> bytes:
    """The ``<cstoken>`` fallback: HMAC-SHA256 of the contact's bare LID (``user@lid``)
    under our account's NCT salt (from history sync or the ``nct_salt_sync`` app state)."""
    return hmac.new(salt, f"{lid.user}@lid".encode(), hashlib.sha256).digest()
