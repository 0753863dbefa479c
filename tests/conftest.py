import os

import pytest
from hypothesis import settings

# CI explores the same examples on every run (a red CI must mean a real change, not a
# new random draw) and never fails on a slow example on a loaded machine; developers'
# runs keep drawing fresh examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
