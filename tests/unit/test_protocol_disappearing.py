"""wacli.protocol.disappearing: a group's timer element read back as written, and a
malformed expiration (not ASCII digits, absurdly long) read as none rather than raising
while a group's metadata is parsed."""

from __future__ import annotations

import pytest

from wacli.binary import Node
from wacli.protocol.disappearing import TIMERS, group_setting, read_group_setting


@pytest.mark.parametrize("seconds", sorted(TIMERS.values()))
def test_a_timer_reads_back_as_written(seconds: int) -> None:
    assert read_group_setting(group_setting(seconds)) == seconds


@pytest.mark.parametrize("expiration", ["", "²", "-5", "1e5", "9" * 40])
def test_a_malformed_expiration_is_none(expiration: str) -> None:
    assert read_group_setting(Node("ephemeral", {"expiration": expiration})) is None
    assert read_group_setting(Node("subject")) is None
