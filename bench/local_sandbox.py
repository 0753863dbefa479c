"""The sandbox served in this process on loopback, with an async admin client.

For the sandbox tests and the sandbox benchmark: ``served`` runs ``run_sandbox`` in a
task group that also hosts the companions' connections (bench/companion.py), so they
end with it. The admin API is docs/sandbox-admin.md.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio
import orjson
from anyio.abc import TaskGroup

from wacli.sandbox.process import admin_headers
from wacli.sandbox.server import Endpoints, run_sandbox


@dataclass
class Running:
    """A sandbox's endpoints, and the task group its clients' connections run in."""

    endpoints: Endpoints
    tasks: TaskGroup

    @property
    def url(self) -> str:
        return self.endpoints.url

    @property
    def root_key(self) -> bytes:
        return bytes.fromhex(self.endpoints.noise_root_public_key)

    async def admin(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """One admin request over a real socket: (status, decoded JSON body)."""
        url = urlsplit(self.endpoints.admin_url)
        data = b"" if body is None else (body if isinstance(body, bytes) else orjson.dumps(body))
        headers = {"Host": url.netloc, **admin_headers(self.endpoints.admin_token)}
        lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        head = (
            f"{method} {url.path}{path} HTTP/1.1\r\n{lines}Content-Length: {len(data)}\r\n\r\n"
        ).encode()
        with anyio.fail_after(30):
            async with await anyio.connect_tcp(url.hostname or "", url.port or 0) as stream:
                await stream.send(head + data)
                raw = b""
                while True:
                    try:
                        raw += await stream.receive()
                    except anyio.EndOfStream:
                        break
        header, _, content = raw.partition(b"\r\n\r\n")
        return int(header.split(b" ")[1]), orjson.loads(content) if content else None


@asynccontextmanager
async def served(
    state: Path, privacy_tokens: str = "enforce", **hub_options: float
) -> AsyncIterator[Running]:
    """``run_sandbox`` on a free loopback port for the block (``hub_options`` shorten the
    hub's timers, e.g. ``ping_seconds``)."""
    async with anyio.create_task_group() as tg:
        endpoints = await tg.start(
            partial(
                run_sandbox,
                "127.0.0.1",
                0,
                state,
                hub_options=hub_options or None,
                privacy_tokens=privacy_tokens,
            )
        )
        yield Running(endpoints, tg)
        tg.cancel_scope.cancel()


@asynccontextmanager
async def attached(endpoints: Endpoints) -> AsyncIterator[Running]:
    """A sandbox running elsewhere (a ``wacli sandbox serve`` child), for the block."""
    async with anyio.create_task_group() as tg:
        yield Running(endpoints, tg)
        tg.cancel_scope.cancel()
