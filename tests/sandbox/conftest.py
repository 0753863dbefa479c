"""An in-process sandbox on loopback for the protocol tests, and an async admin client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio
import orjson
import pytest

from wacli.sandbox.server import Endpoints, run_sandbox


@dataclass
class Running:
    endpoints: Endpoints

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
        head = (
            f"{method} {url.path}{path} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(data)}\r\n\r\n"
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


async def start_sandbox(
    state: Path, privacy_tokens: str = "enforce", **hub_options: float
) -> AsyncIterator[Running]:
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
        yield Running(endpoints)
        tg.cancel_scope.cancel()


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Running]:
    async for running in start_sandbox(tmp_path / "state"):
        yield running


@pytest.fixture
async def quick_refs_sandbox(tmp_path: Path) -> AsyncIterator[Running]:
    """Pair-device refs that expire within a second, to see them run out."""
    async for running in start_sandbox(
        tmp_path / "state", first_ref_seconds=0.3, next_ref_seconds=0.1
    ):
        yield running
