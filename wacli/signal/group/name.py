"""Which sender key a record belongs to: one sender device within one group."""

from __future__ import annotations

from dataclasses import dataclass

from wacli.signal.address import ProtocolAddress
from wacli.signal.group.errors import GroupCipherError


@dataclass(frozen=True, slots=True)
class SenderKeyName:
    """A group id (the group JID) and the sending device's protocol address."""

    group_id: str
    sender: ProtocolAddress

    def __post_init__(self) -> None:
        if not isinstance(self.group_id, str) or not self.group_id:
            raise GroupCipherError("a sender key name needs a non-empty group id")
        if not isinstance(self.sender, ProtocolAddress):
            raise GroupCipherError(f"sender must be a ProtocolAddress, not {self.sender!r}")

    @property
    def sender_id(self) -> str:
        """The sender as the store keys it: ``name.device``."""
        return str(self.sender)

    def __str__(self) -> str:
        return f"{self.group_id}::{self.sender.name}::{self.sender.device_id}"
