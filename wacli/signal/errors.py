"""Every failure of wacli.signal is a SignalError; the subclasses say what went wrong."""

from __future__ import annotations


class SignalError(Exception):
    """Base of all wacli.signal errors."""


class InvalidMessageError(SignalError):
    """A message that is malformed, fails its MAC, or cannot belong to any known session."""


class DuplicateMessageError(SignalError):
    """A message whose key was already used: a replay or a re-delivery of a decrypted message."""


class InvalidKeyError(SignalError):
    """A public key or signature that cannot be used (wrong length/type, bad XEdDSA signature)."""


class InvalidKeyIdError(SignalError):
    """A message names a prekey or signed prekey that this device does not hold (any more)."""


class NoSessionError(SignalError):
    """There is no (usable) session with this address: build one from a prekey bundle first."""


class UntrustedIdentityError(SignalError):
    """The peer's identity key differs from the one recorded for this address.

    WhatsApp accepts identity changes (the peer reinstalled or re-linked) and shows
    a notice; to do the same, call ``wacli.signal.trust_identity(store, err.address,
    err.identity_key)`` (or ``store.save_identity``) and retry the operation.
    """

    def __init__(self, address: str, identity_key: bytes) -> None:
        super().__init__(
            f"the identity key of {address} changed (now {identity_key.hex()}); "
            "accept it with wacli.signal.trust_identity() before talking to it again"
        )
        self.address = address
        self.identity_key = identity_key
