"""A Unix-socket wait that becomes ready in the very loop iteration it is cancelled in
(wacli.client.late_wakeups): the soak saw asyncio report it as an ERROR with a traceback
on a send's stderr, when a listener was killed while the send waited on its relay.
Here the race is made to happen every time, on a real socket pair: the peer writes,
and the task that cancels the wait runs just before the selector's wake-up."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import anyio
import pytest
from anyio import wait_all_tasks_blocked
from anyio.lowlevel import checkpoint

from wacli.client.late_wakeups import ignore_late_wakeups

pytestmark = pytest.mark.anyio


async def reports_of_a_cancelled_wakeup(socket_path: Path, ignore: bool) -> list[dict[str, Any]]:
    """What the loop's exception handler is told when a receive on a Unix socket is
    cancelled in the iteration its data arrives (``ignore``: with the filter)."""
    reports: list[dict[str, Any]] = []
    loop = asyncio.get_running_loop()
    before = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: reports.append(context))
    try:
        if ignore:
            ignore_late_wakeups()
        async with await anyio.create_unix_listener(socket_path) as listener:
            client = await anyio.connect_unix(socket_path)
            server = await listener.accept()
            async with client, server, anyio.create_task_group() as tg:
                waiting = anyio.CancelScope()

                async def receive() -> None:
                    with waiting:
                        await client.receive()

                tg.start_soon(receive)
                await wait_all_tasks_blocked()  # the receive waits on the selector
                await server.send(b"x")  # readable at the next select
                await checkpoint()  # we run first in that iteration, the wake-up after
                waiting.cancel()
            for _ in range(3):  # let the queued wake-up run
                await checkpoint()
    finally:
        loop.set_exception_handler(before)
    return reports


async def test_the_race_happens_and_is_not_reported(tmp_path: Path) -> None:
    unfiltered = await reports_of_a_cancelled_wakeup(tmp_path / "a.sock", ignore=False)
    assert [type(r.get("exception")) for r in unfiltered] == [asyncio.InvalidStateError]
    assert await reports_of_a_cancelled_wakeup(tmp_path / "b.sock", ignore=True) == []


async def test_other_reports_still_reach_the_handler() -> None:
    reports: list[dict[str, Any]] = []
    loop = asyncio.get_running_loop()
    before = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: reports.append(context))
    try:
        ignore_late_wakeups()
        loop.call_soon(lambda: 1 / 0)
        await checkpoint()
        await checkpoint()
    finally:
        loop.set_exception_handler(before)
    assert [type(r.get("exception")) for r in reports] == [ZeroDivisionError]
