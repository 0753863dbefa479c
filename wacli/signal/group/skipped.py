"""The skipped message keys of a sender key state, kept as their stored bytes.

Each key is stored as one libsignal ``SenderMessageKey`` entry of the state message
(field 4: ``{iteration = 1, seed = 2}``), always written the same 42-byte way: the
iteration as a five-byte varint (padded with continuation bits, which every protobuf
parser accepts). With a fixed stride the entries need no parsing at all: a record with
2000 skipped keys loads, appends, evicts and stores as byte slices, and a lookup is one
``bytes.find``. That matters because every group message loads and stores its record.
"""

from __future__ import annotations

ENTRY_LEN = 42
_HEAD = b"\x22\x28\x08"  # field 4 (length-delimited, 40 bytes), then field 1 (varint)
_SEED_TAG = b"\x12\x20"  # field 2, 32 bytes
_SEED_AT = 10


def _varint5(n: int) -> bytes:
    return bytes(
        (
            (n & 0x7F) | 0x80,
            ((n >> 7) & 0x7F) | 0x80,
            ((n >> 14) & 0x7F) | 0x80,
            ((n >> 21) & 0x7F) | 0x80,
            n >> 28,
        )
    )


def _iteration(entry: bytes) -> int:
    a, b, c, d, e = entry[3:8]
    return (a & 0x7F) | (b & 0x7F) << 7 | (c & 0x7F) << 14 | (d & 0x7F) << 21 | e << 28


def encode_entry(iteration: int, seed: bytes) -> bytes:
    return _HEAD + _varint5(iteration) + _SEED_TAG + seed


def is_packed(blob: bytes) -> bool:
    """Whether ``blob`` is a run of entries as encode_entry writes them."""
    n, rest = divmod(len(blob), ENTRY_LEN)
    if rest or not n:
        return not rest
    return (
        blob[0::ENTRY_LEN] == b"\x22" * n
        and blob[1::ENTRY_LEN] == b"\x28" * n
        and blob[2::ENTRY_LEN] == b"\x08" * n
        and min(blob[3::ENTRY_LEN] + blob[4::ENTRY_LEN] + blob[5::ENTRY_LEN]) >= 0x80
        and min(blob[6::ENTRY_LEN]) >= 0x80
        and max(blob[7::ENTRY_LEN]) < 0x10
        and blob[8::ENTRY_LEN] == b"\x12" * n
        and blob[9::ENTRY_LEN] == b"\x20" * n
    )


class SkippedKeys:
    """Message key seeds by iteration, oldest first, as a run of fixed-size entries."""

    __slots__ = ("blob",)

    def __init__(self, blob: bytes = b"") -> None:
        self.blob = blob

    def __len__(self) -> int:
        return len(self.blob) // ENTRY_LEN

    def _offset(self, iteration: int) -> int:
        needle = _HEAD + _varint5(iteration) + _SEED_TAG
        blob = self.blob
        at = blob.find(needle)
        while at >= 0 and at % ENTRY_LEN:  # a match inside a seed, not an entry
            at = blob.find(needle, at + 1)
        return at

    def get(self, iteration: int) -> bytes | None:
        at = self._offset(iteration)
        return None if at < 0 else self.blob[at + _SEED_AT : at + ENTRY_LEN]

    def remove(self, iteration: int) -> None:
        at = self._offset(iteration)
        if at >= 0:
            self.blob = self.blob[:at] + self.blob[at + ENTRY_LEN :]

    def extend(self, entries: list[tuple[int, bytes]], limit: int) -> None:
        """Append ``entries`` (newest last), then drop the oldest beyond ``limit``."""
        blob = self.blob + b"".join(encode_entry(i, seed) for i, seed in entries)
        excess = len(blob) // ENTRY_LEN - limit
        self.blob = blob[excess * ENTRY_LEN :] if excess > 0 else blob

    def as_dict(self) -> dict[int, bytes]:
        blob = self.blob
        return {
            _iteration(blob[at : at + ENTRY_LEN]): blob[at + _SEED_AT : at + ENTRY_LEN]
            for at in range(0, len(blob), ENTRY_LEN)
        }
