"""Polls without I/O: the creation message, and the votes sealed with the poll's secret
(whatsmeow msgsecret.go BuildPollCreation / EncryptPollVote / DecryptPollVote; Baileys
messages.ts and process-message.ts decryptPollVote).

A poll carries a random 32-byte ``message_secret`` in its messageContextInfo. A vote is a
PollVoteMessage (the SHA-256 of each chosen option's name) sealed with AES-256-GCM under
a key only the poll's recipients can derive: HKDF-SHA256 of the secret (no salt) with
info = poll id + creator JID + voter JID + "Poll Vote" (JIDs without a device), and the
additional data ``poll id NUL voter JID``. Baileys writes the same HKDF as two HMACs.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from google.protobuf.message import DecodeError

from wacli.crypto.kdf import hkdf_sha256
from wacli.proto import e2e_pb2
from wacli.protocol.errors import ProtocolError
from wacli.protocol.message_model import unwrap

SECRET_SIZE: Final = 32
IV_SIZE: Final = 12
VOTE_USE: Final = b"Poll Vote"
# The creation fields clients send, newest first; wacli sends the first two.
CREATION_FIELDS: Final = (
    "poll_creation_message_v3",
    "poll_creation_message",
    "poll_creation_message_v2",
    "poll_creation_message_v5",
)


def option_hash(name: str) -> bytes:
    """What a vote says of an option: the SHA-256 of its name."""
    return hashlib.sha256(name.encode()).digest()


def poll_message(
    question: str, options: Sequence[str], selectable: int, secret: bytes | None = None
) -> e2e_pb2.Message:
    """A poll with its fresh ``secret`` (random when None). ``selectable``: how many
    options a voter may choose, 0 for any number. A single-choice poll goes as
    pollCreationMessageV3, any other as pollCreationMessage, as Baileys
    sends them (messages.ts: V3 is for single-select polls)."""
    message = e2e_pb2.Message()
    poll = message.poll_creation_message_v3 if selectable == 1 else message.poll_creation_message
    poll.name = question
    for name in options:
        poll.options.add(option_name=name)
    poll.selectable_options_count = selectable
    message.message_context_info.message_secret = secret or os.urandom(SECRET_SIZE)
    return message


@dataclass(frozen=True, slots=True)
class Poll:
    """A poll as a vote on it needs it: question, options, secret."""

    question: str
    options: tuple[str, ...]
    selectable: int
    secret: bytes | None  # None when the message came without it

    def names(self, hashes: Iterable[bytes]) -> list[str | None]:
        """The option names ``hashes`` stand for (None for a hash of no option)."""
        by_hash = {option_hash(name): name for name in self.options}
        return [by_hash.get(h) for h in hashes]


def read_poll(message: e2e_pb2.Message) -> Poll | None:
    """The poll ``message`` creates (inside its envelopes, a disappearing one say; the
    secret beside it), or None when it is no poll."""
    content, _ = unwrap(message)
    field = next((f for f in CREATION_FIELDS if content.HasField(f)), None)
    if field is None:
        return None
    body = getattr(content, field)
    secret = (
        message.message_context_info.message_secret or content.message_context_info.message_secret
    )
    options = tuple(option.option_name for option in body.options)
    return Poll(body.name, options, body.selectable_options_count, secret or None)


def _vote_key(secret: bytes, poll_id: str, creator: str, voter: str) -> tuple[bytes, bytes]:
    info = poll_id.encode() + creator.encode() + voter.encode() + VOTE_USE
    return hkdf_sha256(secret, 32, info=info), f"{poll_id}\0{voter}".encode()


def seal_vote(
    secret: bytes,
    poll_id: str,
    creator: str,
    voter: str,
    hashes: Sequence[bytes],
    iv: bytes | None = None,
) -> e2e_pb2.PollEncValue:
    """The sealed vote of ``voter`` for the options ``hashes`` of poll ``poll_id`` (sent
    by ``creator``); JIDs without a device."""
    key, aad = _vote_key(secret, poll_id, creator, voter)
    iv = iv or os.urandom(IV_SIZE)
    plain = e2e_pb2.PollVoteMessage(selected_options=list(hashes)).SerializeToString()
    return e2e_pb2.PollEncValue(enc_payload=AESGCM(key).encrypt(iv, plain, aad), enc_iv=iv)


def open_vote(
    secret: bytes, poll_id: str, creator: str, voter: str, sealed: e2e_pb2.PollEncValue
) -> list[bytes]:
    """The option hashes a sealed vote chose (ProtocolError when it does not open: another
    secret, creator or voter than it was sealed for)."""
    key, aad = _vote_key(secret, poll_id, creator, voter)
    try:
        plain = AESGCM(key).decrypt(sealed.enc_iv, sealed.enc_payload, aad)
        return list(e2e_pb2.PollVoteMessage.FromString(plain).selected_options)
    except (InvalidTag, ValueError, DecodeError) as exc:
        raise ProtocolError(f"the vote on poll {poll_id} does not open: {exc!r}") from None


def vote_message(
    chat: str,
    poll_id: str,
    poll_from_me: bool,
    sealed: e2e_pb2.PollEncValue,
    timestamp_ms: int,
    poll_author: str | None = None,
) -> e2e_pb2.Message:
    """A pollUpdateMessage carrying ``sealed``; the key names the poll as the voter sees
    it (``poll_from_me``: the voter made the poll; ``poll_author``: its author in a group)."""
    message = e2e_pb2.Message()
    update = message.poll_update_message
    key = update.poll_creation_message_key
    key.remote_jid, key.from_me, key.id = chat, poll_from_me, poll_id
    if poll_author is not None:
        key.participant = poll_author
    update.vote.CopyFrom(sealed)
    update.sender_timestamp_ms = timestamp_ms
    return message
