"""How long a command waits for the server at each step (``Timing``), and
``WACLI_TIMEOUT``, which replaces the connect and IQ waits. Apart from the connection
(wacli.client.connection) because a command handing its work to a running ``listen``
(wacli.client.relay_perform) needs these waits and nothing else of the client.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from typing import NamedTuple

from wacli.client.errors import ClientError

# Seconds to wait for the server at each step (TCP + WebSocket, the Noise handshake, the
# login, each IQ) instead of the defaults below: for slow links, and for tests that need a
# command facing a silent server to give up quickly.
TIMEOUT_ENV = "WACLI_TIMEOUT"


class TimingError(ClientError):
    """WACLI_TIMEOUT is not a positive number of seconds."""


# A NamedTuple, not a dataclass: much cheaper to define, which every start-up does.
class Timing(NamedTuple):
    """Timeouts and keepalive pacing (seconds); tests shorten them."""

    connect: float = 20.0
    iq: float = 30.0
    keepalive_min: float = 20.0
    keepalive_max: float = 30.0
    keepalive_reply: float = 10.0
    keepalive_misses: int = 3


DEFAULT_TIMING = Timing()


def configured_timing(environ: Mapping[str, str] | None = None) -> Timing:
    """The default Timing, its connect and IQ waits replaced by ``WACLI_TIMEOUT`` when set."""
    text = (os.environ if environ is None else environ).get(TIMEOUT_ENV, "").strip()
    if not text:
        return DEFAULT_TIMING
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds <= 86_400):  # NaN and inf fail too
        raise TimingError(f"{TIMEOUT_ENV} must be a number of seconds (0 < N <= 86400)")
    return Timing(connect=seconds, iq=seconds)
