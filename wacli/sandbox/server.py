"""Start the sandbox: the WebSocket listener (path /ws/chat), the admin HTTP listener and
the https media listener (media.py; its CA file is ``Endpoints.media_ca``).

    async with anyio.create_task_group() as tg:
        endpoints = await tg.start(run_sandbox, "127.0.0.1", 0, None)
        ...                                 # endpoints.url, .admin_url, .noise_root_public_key
        tg.cancel_scope.cancel()            # clean shutdown

All listen on loopback unless told otherwise. State lives in ``state_dir``, or
in a temporary directory removed at shutdown.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from pathlib import Path

import anyio
from anyio.abc import Listener, SocketStream, TaskStatus
from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

from wacli.sandbox import client_version, http
from wacli.sandbox.admin import Admin
from wacli.sandbox.admin_guard import AdminGuard, new_token
from wacli.sandbox.connection import Connection
from wacli.sandbox.hub import Hub
from wacli.sandbox.media import serve_media
from wacli.sandbox.media_tls import ensure_media_tls
from wacli.sandbox.state import SandboxState

log = logging.getLogger(__name__)

WS_PATH = "/ws/chat"
MAX_WS_MESSAGE = 16 * 1024 * 1024  # a Noise frame is at most 16 MiB


@dataclass(frozen=True, slots=True)
class Endpoints:
    url: str
    admin_url: str
    noise_root_public_key: str  # hex
    media_ca: str = ""  # the CA file that signs the https media listener's certificate
    version_url: str = ""  # the WhatsApp Web version look-up (client_version.py), https
    admin_token: str | None = None  # bound beyond loopback: the admin API's bearer token

    def as_json(self) -> dict[str, str]:
        shown = {
            "url": self.url,
            "admin_url": self.admin_url,
            "noise_root_public_key": self.noise_root_public_key,
            "media_ca": self.media_ca,
            "version_url": self.version_url,
        }
        if self.admin_token is not None:
            shown["admin_token"] = self.admin_token
        return shown


@contextmanager
def open_state(state_dir: Path | None) -> Iterator[SandboxState]:
    with tempfile.TemporaryDirectory(prefix="wacli-sandbox-") as scratch:
        state = SandboxState(state_dir if state_dir is not None else Path(scratch))
        try:
            yield state
        finally:
            state.close()


def _host_for_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


ADMIN_PORT_FILE = "admin-port"


async def _admin_listener(host: str, port: int, state: SandboxState) -> Listener[SocketStream]:
    """The admin listener on ``port``; with 0, on the port this state directory's sandbox
    had last time (so that its admin_url survives a restart), else on a free one."""
    saved = state.directory / ADMIN_PORT_FILE
    if port == 0:
        try:
            listener = await http.open_listener(host, int(saved.read_text()))
        except (OSError, ValueError):  # none saved yet, or taken meanwhile
            listener = await http.open_listener(host, 0)
    else:
        listener = await http.open_listener(host, port)
    saved.write_text(f"{http.listener_port(listener)}\n")
    return listener


async def run_sandbox(
    host: str,
    port: int,
    state_dir: Path | None,
    *,
    admin_port: int = 0,
    hub_options: dict[str, float] | None = None,
    privacy_tokens: str = "enforce",
    task_status: TaskStatus[Endpoints] = anyio.TASK_STATUS_IGNORED,
) -> None:
    """Serve until cancelled; reports the endpoints once both listeners accept.
    ``privacy_tokens`` is ``enforce`` or ``off`` (wacli.sandbox.privacy)."""
    with open_state(state_dir) as state:
        hub = Hub(state, privacy_tokens=privacy_tokens, **(hub_options or {}))
        try:
            await _serve(hub, host, port, admin_port, task_status)
        finally:
            hub.close()


async def _serve(
    hub: Hub, host: str, port: int, admin_port: int, task_status: TaskStatus[Endpoints]
) -> None:
    async def on_connection(ws: ServerConnection) -> None:
        await Connection(hub, ws).run()

    def only_chat_path(ws: ServerConnection, request: Request) -> Response | None:
        if request.path.split("?", 1)[0] != WS_PATH:
            return ws.respond(HTTPStatus.NOT_FOUND, f"only {WS_PATH} is served here\n")
        return None

    admin_listener = await _admin_listener(host, admin_port, hub.state)
    admin_port = http.listener_port(admin_listener)
    guard = AdminGuard(host, admin_port, new_token(host))
    media_listener = await http.open_listener(host, 0)
    async with (
        admin_listener,
        media_listener,
        serve(
            on_connection,
            host,
            port,
            process_request=only_chat_path,
            compression=None,
            max_size=MAX_WS_MESSAGE,
            ping_interval=None,  # clients send their own keepalive IQs, as with the real server
        ) as ws_server,
        anyio.create_task_group() as tg,
    ):
        ws_port = next(iter(ws_server.sockets)).getsockname()[1]
        tg.start_soon(http.serve, admin_listener, Admin(hub).router(guard))
        shown = _host_for_url(host)
        media_host = host if host not in ("0.0.0.0", "::", "") else "127.0.0.1"
        tls = ensure_media_tls(hub.state.directory / "tls", [media_host, "127.0.0.1", "localhost"])
        hub.media.host = f"{_host_for_url(media_host)}:{http.listener_port(media_listener)}"
        more = partial(client_version.add_media_routes, hub=hub)
        tg.start_soon(serve_media, media_listener, hub.media, tls, more)
        endpoints = Endpoints(
            url=f"ws://{shown}:{ws_port}{WS_PATH}",
            admin_url=f"http://{shown}:{admin_port}/admin",
            noise_root_public_key=hub.state.root_key.public.hex(),
            media_ca=str(tls.ca_path),
            version_url=client_version.version_url(hub),
            admin_token=guard.token,
        )
        log.info("sandbox serving at %s, admin at %s", endpoints.url, endpoints.admin_url)
        task_status.started(endpoints)
        await anyio.sleep_forever()
