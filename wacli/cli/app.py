"""The ``wacli`` command tree."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from wacli.cli.account import logout as logout_command
from wacli.cli.account import whoami as whoami_command
from wacli.cli.accounts import accounts_app, choose_store, typed
from wacli.cli.call import call_app
from wacli.cli.chat import chat_app
from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.groups import groups_app
from wacli.cli.history import history_app
from wacli.cli.listen import listen as listen_command
from wacli.cli.listings import chats as chats_command
from wacli.cli.listings import contacts as contacts_command
from wacli.cli.media import media_app
from wacli.cli.pair import pair as pair_command
from wacli.cli.presence import presence as presence_command
from wacli.cli.sandbox import sandbox_app
from wacli.cli.send import send as send_command
from wacli.client.errors import ClientError

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


def exit_code_for(exc: BaseException) -> ExitCode:
    """The documented exit code for a client failure (cli.md)."""
    from wacli.client import errors

    table: list[tuple[type[BaseException], ExitCode]] = [
        (errors.NotPairedError, ExitCode.NOT_PAIRED),
        (errors.ConnectError, ExitCode.CANNOT_CONNECT),
        (errors.RequestTimeout, ExitCode.TIMED_OUT),
        (errors.RefusedError, ExitCode.REFUSED),
    ]
    for kind, code in table:
        if isinstance(exc, kind):
            return code
    return ExitCode.UNEXPECTED


@app.callback()
def root(
    ctx: typer.Context,
    store: Annotated[
        Path | None,
        typer.Option(envvar="WACLI_STORE", help="The session store directory.", show_default=False),
    ] = None,
    account: Annotated[
        str | None,
        typer.Option(
            envvar="WACLI_ACCOUNT",
            help="Use the named account's store (<default store>/accounts/NAME).",
            show_default=False,
        ),
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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logs on stderr.")] = False,
) -> None:
    verbose = verbose or os.environ.get("WACLI_LOG", "").lower() == "debug"
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    base = default_store()
    chosen = choose_store(base, store, typed(ctx, "store"), account, typed(ctx, "account"))
    ctx.obj = {"store": chosen, "default_store": base, "server": server, "noise_root": noise_root}


app.command(name="pair")(pair_command)


app.command(name="send")(send_command)


app.command(name="listen")(listen_command)


app.command(name="presence")(presence_command)
app.add_typer(history_app, name="history")
app.add_typer(chat_app, name="chat")
app.command(name="chats")(chats_command)
app.command(name="contacts")(contacts_command)
app.command(name="whoami")(whoami_command)
app.add_typer(accounts_app, name="accounts")
app.command(name="logout")(logout_command)
app.add_typer(sandbox_app, name="sandbox")
app.add_typer(groups_app, name="groups")
app.add_typer(media_app, name="media")
app.add_typer(call_app, name="call")


@app.command()
def completion(
    shell: Annotated[str, typer.Argument(help="bash, zsh or fish.")],
) -> None:
    """Print the shell completion script for SHELL (bash, zsh or fish)."""
    from wacli.cli.commandtree import command_tree
    from wacli.cli.completion import SHELLS, script

    if shell not in SHELLS:
        fail(f"unknown shell {shell!r}; choose one of {', '.join(SHELLS)}", ExitCode.USAGE)
    typer.echo(script(shell, command_tree(app)), nl=False)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: usage errors and failures end as one line on stderr, never a traceback."""
    try:
        code = app(args=argv, prog_name="wacli", standalone_mode=False)
    except typer.TyperException as exc:  # Click's usage errors (bad option, missing argument)
        ctx = getattr(exc, "ctx", None)
        where = ctx.command_path if ctx is not None else "wacli"
        message = exc.format_message()
        if message:  # empty when the help was shown because no command was given
            typer.echo(f"wacli: {message} (see '{where} --help')", err=True)
        sys.exit(getattr(exc, "exit_code", int(ExitCode.USAGE)))
    except typer.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except ClientError as exc:
        typer.echo(f"wacli: {exc}", err=True)
        sys.exit(int(exit_code_for(exc)))
    except Exception as exc:
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            logging.getLogger("wacli").exception("unexpected error")
        typer.echo(f"wacli: unexpected error: {exc!r} (run with -v for details)", err=True)
        sys.exit(int(ExitCode.UNEXPECTED))
    sys.exit(code if isinstance(code, int) else 0)
