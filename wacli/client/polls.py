"""Polls on the client: voting on an archived poll, and opening the votes that arrive.

A poll's secret travels in the poll's own message, which the archive keeps whole (sent or
received), so both voting and reading votes start from the archived poll
(wacli.protocol.polls has the crypto). The JIDs the vote key is derived from are account
JIDs without a device, the poll's author and the voter, each by phone number or by LID:
clients differ in which (Baileys 7 takes the voter's LID and the author's number), so a
vote we receive is opened with whichever pair fits, and ours is sealed as Baileys opens it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from itertools import product
from typing import Final

from wacli.client import events as ev
from wacli.client.errors import Unsendable
from wacli.client.messaging import check_text
from wacli.jid import JID, parse_jid
from wacli.proto import e2e_pb2
from wacli.protocol.errors import ProtocolError
from wacli.protocol.message_model import unwrap
from wacli.protocol.polls import (
    Poll,
    open_vote,
    option_hash,
    poll_message,
    read_poll,
    seal_vote,
    vote_message,
)
from wacli.store import Store
from wacli.store.archive import Archive, ArchivedMessage

log = logging.getLogger(__name__)

# What WhatsApp's apps let a poll have.
MIN_OPTIONS: Final = 2
MAX_OPTIONS: Final = 12


def _forms(store: Store, jid: str, own: tuple[str, ...] = ()) -> list[str]:
    """A user's account JID in its phone-number form first, then its LID form (those
    the store knows); ``own``: our forms, when ``jid`` is one of them."""
    if jid in own:
        return list(own)
    other = store.pn_for_lid(jid) if jid.endswith("@lid") else store.lid_for_pn(jid)
    forms = [jid] if other is None else [jid, other]
    return sorted(forms, key=lambda form: form.endswith("@lid"))


def _own_forms(store: Store) -> tuple[str, ...]:
    account = store.load_account()
    if account is None:
        return ()
    jid = str(parse_jid(account.jid).to_non_ad())
    lid = str(parse_jid(account.lid).to_non_ad()) if account.lid else None
    return (jid,) if lid is None else (jid, lid)


def _archived_poll(store: Store, chat: str, poll_id: str) -> tuple[ArchivedMessage, Poll] | None:
    """The poll ``poll_id`` as the archive holds it, in ``chat`` by its number or LID."""
    archive = Archive(store)
    for form in _forms(store, chat) if not chat.endswith("@g.us") else [chat]:
        found = archive.message(form, poll_id)
        if found is not None and found.raw is not None:
            poll = read_poll(e2e_pb2.Message.FromString(found.raw))
            return None if poll is None else (found, poll)
    return None


def _author(found: ArchivedMessage, own: tuple[str, ...]) -> str:
    return own[0] if found.from_me else found.sender


def new_poll(question: str, options: Sequence[str], selectable: int) -> e2e_pb2.Message:
    """A poll as WhatsApp's apps make one (else Unsendable): a question, 2 to 12
    distinct options, and at most as many choices allowed as there are options."""
    if not question.strip():
        raise Unsendable("a poll needs a question")
    check_text(question)
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise Unsendable(f"a poll has {MIN_OPTIONS} to {MAX_OPTIONS} options; {len(options)} given")
    if len(set(options)) < len(options) or not all(name.strip() for name in options):
        raise Unsendable("a poll's options must be distinct and not empty")
    if not 0 <= selectable <= len(options):
        raise Unsendable(f"--multi is 0 (any number) to {len(options)}, the number of options")
    return poll_message(question, options, selectable)


def poll_vote(store: Store, chat: JID, poll_id: str, options: Sequence[str]) -> e2e_pb2.Message:
    """Our vote for ``options`` (names) on the archived poll ``poll_id`` of ``chat``
    (no options: take our vote back). Unsendable when the archive lacks the poll or its
    secret, or the options are not the poll's or more than it lets one choose."""
    archived = _archived_poll(store, str(chat), poll_id)
    if archived is None:
        raise Unsendable(
            f"poll {poll_id} is not in the archive of {chat}; a vote needs the poll's secret, "
            "which only its message carries"
        )
    found, poll = archived
    if poll.secret is None:
        raise Unsendable(f"poll {poll_id} came without its secret; no vote on it can be sealed")
    unknown = [name for name in options if name not in poll.options]
    if unknown:
        choices = ", ".join(repr(name) for name in poll.options)
        raise Unsendable(f"poll {poll_id} has no option {unknown[0]!r}; its options: {choices}")
    if poll.selectable and len(set(options)) > poll.selectable:
        raise Unsendable(f"poll {poll_id} lets one choose at most {poll.selectable} option(s)")
    # Sealed as Baileys 7 opens a vote: the poll's author by phone number, the voter by
    # the message key's alternate JID (our LID, where we have one).
    ours = _own_forms(store)
    author, voter = _forms(store, _author(found, ours), ours)[0], ours[-1]
    hashes = [option_hash(name) for name in dict.fromkeys(options)]
    sealed = seal_vote(poll.secret, poll_id, author, voter, hashes)
    in_group = chat.is_group and not found.from_me
    return vote_message(
        str(chat),
        poll_id,
        found.from_me,
        sealed,
        int(time.time() * 1000),
        poll_author=author if in_group else None,
    )


class PollVotes:
    """A message hook of ``listen`` (wacli.client.receive): each vote on a poll the archive
    holds becomes a ``poll_vote`` event (a vote on an unknown poll, or one that does not
    open, is logged: its message event is all there is)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def __call__(self, info: ev.MessageInfo, message: e2e_pb2.Message) -> Sequence[ev.Event]:
        content, _ = unwrap(message)
        if not content.HasField("poll_update_message"):
            return ()
        update = content.poll_update_message
        poll_id = update.poll_creation_message_key.id
        archived = _archived_poll(self.store, str(info.chat), poll_id)
        found, poll = archived or (None, None)
        if found is None or poll is None or poll.secret is None:
            log.info("a vote on poll %s, which the archive does not hold with its secret", poll_id)
            return ()
        ours = _own_forms(self.store)
        voter = _non_ad(info.sender)
        for author, voting in product(
            _forms(self.store, _author(found, ours), ours), _forms(self.store, voter, ours)
        ):
            try:
                hashes = open_vote(poll.secret, poll_id, author, voting, update.vote)
            except ProtocolError:
                continue
            names = tuple(name for name in poll.names(hashes) if name is not None)
            return (ev.PollVote(info=info, poll_id=poll_id, voter=voter, options=names),)
        log.warning("a vote on poll %s from %s does not open", poll_id, voter)
        return ()


def _non_ad(jid: ev.Jid) -> str:
    return str((parse_jid(jid) if isinstance(jid, str) else jid).to_non_ad())
