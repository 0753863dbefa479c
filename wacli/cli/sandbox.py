"""`wacli sandbox serve`: run the local WhatsApp-compatible server (docs/sandbox-admin.md).

Exit codes (README "Exit codes"): 2 for a bad WACLI_SANDBOX_REF_SECONDS, 4 when its address
or a port cannot be listened on (in use, not this host's), 7 when --state is unusable (not
a directory, unreadable, a damaged database)."""

from __future__ import annotations

import os
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import anyio
import orjson
import typer

from wacli.cli.exit_codes import ExitCode, fail


class PrivacyTokens(StrEnum):
    ENFORCE = "enforce"
    OFF = "off"


sandbox_app = typer.Typer(
    help="A local WhatsApp-compatible server with simulated phones, for offline tests.",
    no_args_is_help=True,
)


async def _serve_until_signal(
    host: str, port: int, state: Path | None, privacy_tokens: str = "enforce", admin_port: int = 0
) -> None:
    from functools import partial

    from wacli.sandbox.server import run_sandbox

    # The handlers stay installed through shutdown, so a second signal cannot cut it short.
    with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async with anyio.create_task_group() as tg:
            serve = partial(
                run_sandbox,
                admin_port=admin_port,
                privacy_tokens=privacy_tokens,
                hub_options=_ref_seconds(),
            )
            endpoints = await tg.start(serve, host, port, state)
            # One line, flushed: whoever started us reads it to know where to connect.
            sys.stdout.write(orjson.dumps(endpoints.as_json()).decode() + "\n")
            sys.stdout.flush()
            async for _ in signals:
                break
            tg.cancel_scope.cancel()


# For tests that watch a pairing run out: "FIRST,NEXT" seconds a pair-device ref lives
# (the first, then each following one) instead of WhatsApp's 60 and 20.
REF_SECONDS_ENV = "WACLI_SANDBOX_REF_SECONDS"


def _ref_seconds() -> dict[str, float] | None:
    text = os.environ.get(REF_SECONDS_ENV, "").strip()
    if not text:
        return None
    try:
        first, following = (float(part) for part in text.split(","))
    except ValueError:
        fail(f"{REF_SECONDS_ENV} must be two numbers of seconds, FIRST,NEXT", ExitCode.USAGE)
    return {"first_ref_seconds": first, "next_ref_seconds": following}


@sandbox_app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="WebSocket port; 0 picks a free one.")] = 0,
    admin_port: Annotated[
        int,
        typer.Option(
            help="Admin API port; 0 reuses the one --state had last time, else picks a free one."
        ),
    ] = 0,
    state: Annotated[
        Path | None,
        typer.Option(help="Keep keys and accounts in this directory across restarts."),
    ] = None,
    privacy_tokens: Annotated[
        PrivacyTokens,
        typer.Option(
            help="enforce: as WhatsApp in 2026, a 1:1 message needs the recipient's privacy "
            "token (else ack error 463) and phones issue theirs when they write; off: new "
            "accounts need no token and the server issues none by itself.",
        ),
    ] = PrivacyTokens.ENFORCE,
) -> None:
    """Serve until SIGINT/SIGTERM; prints one JSON line with url, admin_url and root key
    (and admin_token, which the admin API requires when --host is not loopback)."""
    from wacli.cli.collector import started
    from wacli.store import StoreError

    started()  # a server runs for long: the collector is back on (wacli.cli.collector)
    try:
        anyio.run(_serve_until_signal, host, port, state, privacy_tokens.value, admin_port)
    except* OSError as group:
        also = f" or admin port {admin_port}" if admin_port else ""
        fail(
            f"cannot listen on {host} port {port}{also}: {group.exceptions[0]}",
            ExitCode.CANNOT_CONNECT,
        )
    except* StoreError as group:
        fail(f"cannot open the sandbox state: {group.exceptions[0]}", ExitCode.STORE)
