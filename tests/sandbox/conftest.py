"""The in-process sandbox the protocol tests talk to (bench/local_sandbox.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.local_sandbox import Running, served


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Running]:
    async with served(tmp_path / "state") as running:
        yield running


@pytest.fixture
async def quick_refs_sandbox(tmp_path: Path) -> AsyncIterator[Running]:
    """Pair-device refs that expire within a second, to see them run out."""
    async with served(tmp_path / "state", first_ref_seconds=0.3, next_ref_seconds=0.1) as running:
        yield running
