"""Fixtures of the sandbox interop tests: a fresh `wacli sandbox serve` and a fresh
Baileys per test (a module may override either, e.g. with a module-scoped one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.support import STARTED, end_leftovers
from tests.interop.baileys import Baileys, running_baileys
from wacli.sandbox.process import SandboxProcess


@pytest.fixture
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess() as server:
        yield server


@pytest.fixture
def baileys(tmp_path: Path) -> Iterator[Baileys]:
    with running_baileys(tmp_path / "baileys-auth") as client:
        yield client


@pytest.fixture(autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """Every wacli process a test started is ended with it, even when the test fails."""
    started = len(STARTED)
    yield
    end_leftovers(started)
