"""The ``wacli`` command tree."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from wacli.cli.exit_codes import ExitCode

PRODUCTION_NOISE_ROOT = "142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b"
DEFAULT_SERVER = "wss://web.whatsapp.com/ws/chat"

app = typer.Typer(
    name="wacli",
    help="A command-line WhatsApp client (WhatsApp Web multi-device protocol).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def default_store() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wacli"


def fail(message: str, code: ExitCode) -> NoReturn:
    """End the command with one line on stderr and a documented exit code."""
    typer.echo(f"wacli: {message}", err=True)
    raise typer.Exit(int(code))


def not_built(what: str) -> NoReturn:
    fail(f"{what} is not built yet in this version of wacli", ExitCode.UNEXPECTED)


@app.callback()
def root(
    ctx: typer.Context,
    store: Annotated[
        Path | None,
        typer.Option(envvar="WACLI_STORE", help="The session store directory.", show_default=False),
    ] = None,
    server: Annotated[
        str, typer.Option(envvar="WACLI_SERVER", help="WebSocket URL of the server.")
    ] = DEFAULT_SERVER,
    noise_root: Annotated[
        str,
        typer.Option(
            envvar="WACLI_NOISE_ROOT",
            help="Hex root key the server's Noise certificate chain must be signed by.",
        ),
    ] = PRODUCTION_NOISE_ROOT,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Debug logs on stderr.")
    ] = False,
) -> None:
    ctx.obj = {
        "store": store or default_store(),
        "server": server,
        "noise_root": noise_root,
        "verbose": verbose or os.environ.get("WACLI_LOG", "").lower() == "debug",
    }


@app.command()
def pair(
    phone: Annotated[
        str | None, typer.Option(help="Link with a pairing code for this phone number.")
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Pairing events as NDJSON.")] = False,
) -> None:
    """Link this store as a companion device (QR, or a code with --phone)."""
    not_built("pair")


@app.command()
def send(
    to: Annotated[str, typer.Argument(help="Phone number or JID.")],
    text: Annotated[str | None, typer.Argument(help="Text; '-' or absent reads stdin.")] = None,
) -> None:
    """Send a message; exits 0 once the server acknowledged it."""
    not_built("send")


@app.command()
def listen(
    type: Annotated[
        str | None, typer.Option("--type", help="Keep only these event types (T1,T2).")
    ] = None,
) -> None:
    """Write every event as one NDJSON line on stdout."""
    not_built("listen")


@app.command()
def presence(
    state: Annotated[
        str, typer.Argument(help="available|unavailable|subscribe|typing|recording|paused")
    ],
) -> None:
    """Set own presence, follow a contact's, or send a chat state."""
    not_built("presence")


@app.command()
def history(
    chat: Annotated[str | None, typer.Argument(help="Chat JID or phone number.")] = None,
) -> None:
    """Read the local message archive."""
    not_built("history")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
