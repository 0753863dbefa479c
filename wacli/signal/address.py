from __future__ import annotations

from dataclasses import dataclass

from wacli.signal.errors import SignalError


@dataclass(frozen=True, slots=True)
class ProtocolAddress:
    """One device of a peer: its user name (a JID user part) and device id."""

    name: str
    device_id: int

    def __post_init__(self) -> None:
        if not self.name or "." in self.name:
            raise SignalError(
                f"a protocol address name must be non-empty without '.': {self.name!r}"
            )
        if not 0 <= self.device_id < 2**32:
            raise SignalError(f"device id out of range: {self.device_id}")

    def __str__(self) -> str:
        return f"{self.name}.{self.device_id}"

    @classmethod
    def parse(cls, text: str) -> ProtocolAddress:
        name, dot, device = text.rpartition(".")
        if not dot or not device.isdigit():
            raise SignalError(f"not a protocol address (name.device): {text!r}")
        return cls(name, int(device))
