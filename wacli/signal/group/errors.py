"""What can go wrong with group (sender key) messages: every failure is a GroupCipherError.

GroupCipherError is a SignalError, and each subclass also derives from the matching
1:1 error where one exists, so ``except DuplicateMessageError`` catches a replayed
group message as well as a replayed pairwise one.
"""

from __future__ import annotations

from wacli.signal.errors import (
    DuplicateMessageError,
    InvalidMessageError,
    NoSessionError,
    SignalError,
)


class GroupCipherError(SignalError):
    """Base of every wacli.signal.group error."""


class InvalidGroupMessageError(GroupCipherError, InvalidMessageError):
    """A SenderKeyMessage or SenderKeyDistributionMessage that is malformed or undecryptable."""


class ForwardJumpError(InvalidGroupMessageError):
    """A message further ahead of its chain than the receiver is willing to derive keys for."""

    def __init__(self, iteration: int, current: int, limit: int) -> None:
        super().__init__(
            f"sender key message iteration {iteration} is more than {limit} ahead "
            f"of the chain (at {current})"
        )
        self.iteration = iteration
        self.current = current


class InvalidSignatureError(InvalidGroupMessageError):
    """A SenderKeyMessage whose signature does not verify under the sender's signing key."""


class DuplicateGroupMessageError(GroupCipherError, DuplicateMessageError):
    """A SenderKeyMessage whose iteration was already decrypted (a replay or re-delivery)."""

    def __init__(self, iteration: int, current: int) -> None:
        super().__init__(
            f"sender key message iteration {iteration} was already used (chain at {current})"
        )
        self.iteration = iteration
        self.current = current


class NoSenderKeyError(GroupCipherError, NoSessionError):
    """No sender key for this group and sender, or none with the message's key id.

    The remedy is the sender's SenderKeyDistributionMessage (WhatsApp asks for it with a
    retry receipt). ``key_id`` is the id the message named, if any.
    """

    def __init__(self, message: str, key_id: int | None = None) -> None:
        super().__init__(message)
        self.key_id = key_id


class CorruptSenderKeyRecordError(GroupCipherError):
    """A stored sender key record that cannot be read back."""
