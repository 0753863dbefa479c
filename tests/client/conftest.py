"""One real sandbox (`wacli sandbox serve` subprocess) per test module.

It runs with ``--privacy-tokens off``: these modules are about other things than
WhatsApp's privacy-token rule, and send to phones that never wrote first.
test_privacy_tokens_sandbox.py has a sandbox of its own that enforces the rule, as the
sandbox does by default, and so do the Baileys interop tests.
"""

from collections.abc import Iterator

import pytest

from tests.client.support import STARTED, end_leftovers
from wacli.sandbox.process import SandboxProcess


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess(None, "--privacy-tokens", "off") as process:
        yield process


@pytest.fixture(autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """Every wacli process a test started is ended with it, even when the test fails."""
    started = len(STARTED)
    yield
    end_leftovers(started)
