from __future__ import annotations

from typing import Any, NoReturn

from wacli.signal.errors import SignalError


# A plain class with __slots__, not a dataclass: far cheaper to define at start-up; it
# keeps what the frozen dataclass gave (value equality and hash, repr, immutability).
class ProtocolAddress:
    """One device of a peer: its user name (a JID user part) and device id."""

    __slots__ = ("device_id", "name")

    name: str
    device_id: int

    def __init__(self, name: str, device_id: int) -> None:
        if not name or "." in name:
            raise SignalError(f"a protocol address name must be non-empty without '.': {name!r}")
        if not 0 <= device_id < 2**32:
            raise SignalError(f"device id out of range: {device_id}")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "device_id", device_id)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.name, self.device_id) == (other.name, other.device_id)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.name, self.device_id))

    def __repr__(self) -> str:
        return f"ProtocolAddress(name={self.name!r}, device_id={self.device_id!r})"

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        from dataclasses import FrozenInstanceError  # what the frozen dataclass raised

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __str__(self) -> str:
        return f"{self.name}.{self.device_id}"

    @classmethod
    def parse(cls, text: str) -> ProtocolAddress:
        name, dot, device = text.rpartition(".")
        if not dot or not device.isdigit():
            raise SignalError(f"not a protocol address (name.device): {text!r}")
        return cls(name, int(device))
