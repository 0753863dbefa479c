"""One real sandbox (`wacli sandbox serve` subprocess) per test module."""

from collections.abc import Iterator

import pytest

from tests.sandbox.harness import SandboxProcess


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess() as process:
        yield process
