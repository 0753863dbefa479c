"""A harmless race of anyio's Unix-socket streams on asyncio, kept off stderr.

anyio waits for a Unix socket (the relay's, wacli.client.relay) by registering the
waiting future's ``set_result`` as the socket's reader or writer callback. When the
socket becomes ready in the same loop iteration in which the wait is cancelled (a
command ending while the listener sends it an event; a listener killed while a command
waits on it), the wake-up the selector queued still runs and meets a cancelled future:
``InvalidStateError``, which asyncio reports through the loop's exception handler, an
ERROR with a traceback on stderr, where a command promises one line (README, "Exit
codes"). Nothing waits for that wake-up any more, so the report is dropped; every
other report goes on to the handler that was there before.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any

log = logging.getLogger(__name__)

_LOOPS: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()  # those done


def _late_wakeup(context: dict[str, Any]) -> bool:
    """Whether ``context`` reports a ``Future.set_result`` callback that found its future
    already done (cancelled, or resolved by a close)."""
    if not isinstance(context.get("exception"), asyncio.InvalidStateError):
        return False
    callback = getattr(context.get("handle"), "_callback", None)
    future = getattr(callback, "__self__", None)
    return getattr(callback, "__name__", "") == "set_result" and isinstance(future, asyncio.Future)


def ignore_late_wakeups() -> None:
    """On the running asyncio loop (if any), drop the reports of late wake-ups; once per
    loop."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # another anyio backend: it has no such callbacks
        return
    if loop in _LOOPS:
        return
    _LOOPS.add(loop)
    previous = loop.get_exception_handler()

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if _late_wakeup(context):
            log.debug("ignored a late socket wake-up: %s", context.get("handle"))
        elif previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)
