"""Work that runs beside a main task for as long as it runs (``wacli listen``'s relay
socket, its media downloads), in one task group, so none of it outlives the main task."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import anyio

from wacli.client.errors import ClientError


async def run_beside(
    main: Callable[[], Awaitable[None]], *beside: Callable[[], Coroutine[Any, Any, None]]
) -> None:
    """Run ``main`` with each of ``beside`` as a task; those are cancelled once ``main``
    returns or fails. A ClientError of ``main`` is raised as itself, not wrapped in an
    ExceptionGroup, so the CLI can map it to its exit code (README: exit codes)."""
    failure: ClientError | None = None
    async with anyio.create_task_group() as tg:
        for task in beside:
            tg.start_soon(task)
        try:
            await main()
        except ClientError as exc:
            failure = exc
        tg.cancel_scope.cancel()
    if failure is not None:
        raise failure
