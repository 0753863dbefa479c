"""Reconnect delays: exponential with full jitter, so many clients don't retry in step."""

from __future__ import annotations

import random
from collections.abc import Iterator


def backoff_delays(
    initial: float = 1.0,
    maximum: float = 60.0,
    factor: float = 2.0,
    rng: random.Random | None = None,
) -> Iterator[float]:
    """Endless delays: uniform in [ceiling/2, ceiling], the ceiling growing to ``maximum``."""
    pick = (rng or random.Random()).uniform
    ceiling = initial
    while True:
        yield pick(ceiling / 2, ceiling)
        ceiling = min(maximum, ceiling * factor)
