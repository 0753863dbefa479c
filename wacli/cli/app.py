"""The ``wacli`` program: its entry point, kept light.

Importing this module imports nothing but the standard library's ``sys``:
``wacli --version`` answers from here, and everything else loads the command
tree (``wacli.cli.root``), which in turn imports only the subcommand that runs.
``app`` is still importable from here (``from wacli.cli.app import app``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from wacli import __version__

if TYPE_CHECKING:
    from wacli.cli.exit_codes import ExitCode
    from wacli.store import StoreError

VERSION_FLAGS = (["--version"], ["-V"])


def __getattr__(name: str) -> Any:
    if name == "app":
        from wacli.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def exit_code_for(exc: BaseException) -> ExitCode:
    """The documented exit code for a client failure (man/wacli.1: EXIT STATUS)."""
    from wacli.cli.exit_codes import ExitCode
    from wacli.client import errors
    from wacli.client.client import NoPushName

    table: list[tuple[type[BaseException], ExitCode]] = [
        (errors.NotPairedError, ExitCode.NOT_PAIRED),
        (NoPushName, ExitCode.NOT_PAIRED),  # the phone has not shared it yet
        (errors.ConnectError, ExitCode.CANNOT_CONNECT),
        (errors.RequestTimeout, ExitCode.TIMED_OUT),
        (errors.RefusedError, ExitCode.REFUSED),
    ]
    for kind, code in table:
        if isinstance(exc, kind):
            return code
    http = sys.modules.get("wacli.client.http")  # loaded if a transfer ran, else not this
    if http is not None and isinstance(exc, http.HttpError):
        return ExitCode.REFUSED  # an HTTP answer wacli cannot use: too large, malformed
    return ExitCode.UNEXPECTED


def store_problem(exc: BaseException) -> StoreError | None:
    """The store failure ``exc`` is, if any: a StoreError a file is at fault for, or what
    SQLite said about the open store's database (malformed, read-only, disk full...)."""
    store = sys.modules.get("wacli.store")
    if store is None:  # nothing opened a store, so it cannot be at fault
        return None
    if isinstance(exc, BaseExceptionGroup):  # raised inside a task group (listen, relay)
        found = (store_problem(inner) for inner in exc.exceptions)
        return next((problem for problem in found if problem is not None), None)
    if isinstance(exc, store.StoreError):
        return exc if exc.unusable else None
    import sqlite3  # already imported by the store

    if isinstance(exc, sqlite3.Error):
        from wacli.cli.context import store_in_use
        from wacli.store.problems import from_sqlite_error

        path = store_in_use()
        return None if path is None else from_sqlite_error(exc, path)
    return None


def _client_error(exc: BaseException) -> bool:
    """Whether ``exc`` is a ClientError, without importing the client to find out."""
    errors = sys.modules.get("wacli.client.errors")
    return errors is not None and isinstance(exc, errors.ClientError)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: usage errors and failures end as one line on stderr, never a traceback."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args in VERSION_FLAGS:  # the common case, answered before Typer is imported
        sys.stdout.write(f"wacli {__version__}\n")
        sys.exit(0)

    from wacli.cli.collector import held_off

    with held_off():  # until the command has loaded what it runs (wacli.cli.collector)
        _run(args)


def _run(args: list[str]) -> None:
    import logging

    import typer

    from wacli.cli.exit_codes import ExitCode
    from wacli.cli.root import app

    try:
        code = app(args=args, prog_name="wacli", standalone_mode=False)
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
    except Exception as exc:
        if _client_error(exc):
            typer.echo(f"wacli: {exc}", err=True)
            sys.exit(int(exit_code_for(exc)))
        problem = store_problem(exc)
        if problem is not None:
            typer.echo(f"wacli: {problem}", err=True)
            sys.exit(int(ExitCode.STORE))
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            logging.getLogger("wacli").exception("unexpected error")
        typer.echo(f"wacli: unexpected error: {exc!r} (run with -v for details)", err=True)
        sys.exit(int(ExitCode.UNEXPECTED))
    sys.exit(code if isinstance(code, int) else 0)
