"""Frame codec: every message on the socket is a 3-byte big-endian length and a payload.

The client writes its connection header (optionally preceded by an edge
routing pre-intro) once, ahead of its first frame; the server's reader
consumes that intro before it yields frames. WebSocket messages need not
align with frames, so the reader accepts partial and coalesced input.
"""

from __future__ import annotations

from wacli.noise.constants import (
    EDGE_ROUTING_MAGIC,
    FRAME_LENGTH_SIZE,
    MAX_FRAME_SIZE,
    WA_HEADER,
)
from wacli.noise.errors import FrameError

_HEADER_LEN = len(WA_HEADER)
_PRE_INTRO_LEN = len(EDGE_ROUTING_MAGIC) + 3


def encode_frame(payload: bytes) -> bytes:
    """Prefix ``payload`` with its 3-byte length."""
    if len(payload) > MAX_FRAME_SIZE:
        raise FrameError(f"frame of {len(payload)} bytes exceeds the {MAX_FRAME_SIZE}-byte limit")
    return len(payload).to_bytes(FRAME_LENGTH_SIZE, "big") + payload


def client_intro(header: bytes = WA_HEADER, routing_info: bytes | None = None) -> bytes:
    """The bytes a client sends before its first frame."""
    if routing_info is None:
        return header
    if len(routing_info) > MAX_FRAME_SIZE:
        raise FrameError(f"edge routing info of {len(routing_info)} bytes is too long")
    return EDGE_ROUTING_MAGIC + len(routing_info).to_bytes(3, "big") + routing_info + header


class FrameWriter:
    """Frames outgoing payloads, putting ``intro`` (the client's header) before the first."""

    def __init__(self, intro: bytes = b"") -> None:
        self._intro = intro

    def write(self, payload: bytes) -> bytes:
        frame = encode_frame(payload)
        if self._intro:
            frame, self._intro = self._intro + frame, b""
        return frame


class FrameReader:
    """Incremental frame parser: ``feed(data)`` returns the frames completed so far.

    With ``expect_intro=True`` (the server side) the stream must open with the
    client's intro; its 4-byte connection header is kept in ``header`` (the
    Noise prologue) and any edge routing info in ``routing_info``. Frames longer
    than ``max_size`` are refused before their bytes arrive, so memory stays
    bounded by the limit and by what the peer actually sent.
    """

    def __init__(self, *, expect_intro: bool = False, max_size: int = MAX_FRAME_SIZE) -> None:
        if not 0 <= max_size <= MAX_FRAME_SIZE:
            raise ValueError(f"max_size must be within 0..{MAX_FRAME_SIZE}")
        self._buffer = bytearray()
        self._need_intro = expect_intro
        self._max_size = max_size
        self._failed: FrameError | None = None
        self.header: bytes | None = None
        self.routing_info: bytes | None = None

    @property
    def buffered(self) -> int:
        """Bytes received that do not yet form a complete frame."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[bytes]:
        if self._failed is not None:  # a broken stream stays broken
            raise self._failed
        self._buffer += data
        try:
            return self._drain()
        except FrameError as exc:
            self._failed = exc
            raise

    def _drain(self) -> list[bytes]:
        buf = self._buffer
        pos = 0
        if self._need_intro:
            pos = self._read_intro()
            if self._need_intro:
                return []
        frames: list[bytes] = []
        end = len(buf)
        while end - pos >= FRAME_LENGTH_SIZE:
            size = int.from_bytes(buf[pos : pos + FRAME_LENGTH_SIZE], "big")
            if size > self._max_size:
                raise FrameError(f"frame of {size} bytes exceeds the {self._max_size}-byte limit")
            if end - pos - FRAME_LENGTH_SIZE < size:
                break
            start = pos + FRAME_LENGTH_SIZE
            frames.append(bytes(buf[start : start + size]))
            pos = start + size
        del buf[:pos]
        return frames

    def _read_intro(self) -> int:
        """Consume the intro if it is complete; return how many bytes it took."""
        buf = self._buffer
        pos = 0
        if buf[:1] == b"E":
            if not EDGE_ROUTING_MAGIC.startswith(bytes(buf[: len(EDGE_ROUTING_MAGIC)])):
                raise FrameError(f"bad edge routing pre-intro {bytes(buf[:4])!r}")
            if len(buf) < _PRE_INTRO_LEN:
                return 0
            size = int.from_bytes(buf[len(EDGE_ROUTING_MAGIC) : _PRE_INTRO_LEN], "big")
            if size > self._max_size:
                raise FrameError(f"edge routing info of {size} bytes exceeds the limit")
            if len(buf) < _PRE_INTRO_LEN + size:
                return 0
            routing_info = bytes(buf[_PRE_INTRO_LEN : _PRE_INTRO_LEN + size])
            pos = _PRE_INTRO_LEN + size
        else:
            routing_info = None
        header = bytes(buf[pos : pos + _HEADER_LEN])
        if not b"WA".startswith(header[:2]):
            raise FrameError(f"stream does not open with the WA connection header: {header!r}")
        if len(header) < _HEADER_LEN:
            return 0
        self.header, self.routing_info = header, routing_info
        self._need_intro = False
        return pos + _HEADER_LEN
