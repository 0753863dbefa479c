"""Several WhatsApp accounts on one machine: `--account NAME` and `wacli accounts`.

A named account is nothing but a store directory, ``<default store>/accounts/NAME``,
so every command works on it unchanged. `--store` stays the way to point anywhere
else: a command-line option beats an environment variable, and `--store` with
`--account` given the same way (both options, or both variables) is a usage error
because neither can be said to be meant. ``--account default`` is the default store
itself, the name `wacli accounts` lists it under.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from wacli.cli.exit_codes import ExitCode, fail
from wacli.cli.output import printable, rfc3339, write_lines
from wacli.cli.storechoice import (
    ACCOUNTS_DIR,
    DEFAULT_NAME,
    account_store,
    valid_name,
)
from wacli.store import DB_NAME, Store, StoreError
from wacli.store.problems import existing_database


@dataclass(frozen=True, slots=True)
class AccountState:
    name: str | None  # None: a store chosen by its path (--store / WACLI_STORE)
    store: Path
    paired: bool = False
    jid: str | None = None
    lid: str | None = None
    push_name: str | None = None
    paired_at: int | None = None
    error: str | None = None


def read_state(name: str | None, directory: Path) -> AccountState:
    """What a store holds, without creating or changing one and without the network."""
    try:
        if existing_database(directory, DB_NAME) is None:
            return AccountState(name, directory)
        try:
            store = Store(directory, read_only=True)
        except StoreError as exc:
            if exc.kind != "read_only":
                raise
            store = Store(directory)  # an older schema: migrate it, as any command would
        try:
            account = store.load_account()
        finally:
            store.close()
    except (StoreError, sqlite3.Error, OSError) as exc:
        return AccountState(name, directory, error=str(exc) or type(exc).__name__)
    if account is None:
        return AccountState(name, directory)
    return AccountState(
        name,
        directory,
        paired=True,
        jid=account.jid,
        lid=account.lid,
        push_name=account.push_name,
        paired_at=account.paired_at,
    )


def named_stores(base: Path) -> list[tuple[str, Path]]:
    """Every named account that has a store (a database file), sorted by name."""
    folder = base / ACCOUNTS_DIR
    try:
        entries = sorted(folder.iterdir())
    except OSError:  # no accounts yet (or a folder we may not read: nothing to list there)
        return []
    return [
        (entry.name, entry)
        for entry in entries
        if valid_name(entry.name) and entry.name != DEFAULT_NAME and (entry / DB_NAME).exists()
    ]


def _same(one: Path, other: Path) -> bool:
    return one.resolve() == other.resolve()


def account_row(state: AccountState, current: Path) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": state.name,
        "store": str(state.store),
        "current": _same(state.store, current),
        "paired": state.paired,
        "jid": state.jid,
        "lid": state.lid,
        "push_name": state.push_name,
        "paired_at": rfc3339(state.paired_at),
    }
    if state.error is not None:
        row["error"] = state.error
    return row


# The name `wacli accounts` shows for the store --store / WACLI_STORE chose by its path.
BY_PATH = "(--store)"


def _text(row: dict[str, Any]) -> str:
    parts = [("* " if row["current"] else "  ") + (row["name"] or BY_PATH), row["store"]]
    if "error" in row:
        parts.append(f"error: {row['error']}")
    elif not row["paired"]:
        parts.append("not paired")
    else:
        parts.append(f"paired {row['paired_at']}")
        parts.append(f"device {row['jid']}")
        if row["lid"]:
            parts.append(f"lid {row['lid']}")
        if row["push_name"]:
            parts.append(f"name {row['push_name']!r}")
    return printable("  ".join(parts)) + "\n"


accounts_app = typer.Typer(add_completion=False)  # its help is the listing's docstring


@accounts_app.callback(invoke_without_command=True)
def accounts(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List the default store and every named account, with who each is paired as.

    Nothing is created and nothing goes to the network.

    '*' (with --json: "current") marks the store the global options select; one
    chosen by its path (--store / WACLI_STORE) is listed too, named (--store)
    (with --json: "name": null).

    A store that cannot be read is listed with its error.
    """
    if ctx.invoked_subcommand is not None:
        return
    base = Path(ctx.obj["default_store"])
    current = Path(ctx.obj["store"])
    found: list[tuple[str | None, Path]] = [(DEFAULT_NAME, base), *named_stores(base)]
    if not any(_same(directory, current) for _, directory in found):
        found.append((None, current))
    rows = [account_row(read_state(name, directory), current) for name, directory in found]
    if json:
        write_lines(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE) for row in rows)
    else:
        write_lines(_text(row).encode() for row in rows)


@accounts_app.command("remove")
def remove(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="The account's name (as in --account NAME).", metavar="NAME")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Remove it even if paired (or unreadable).")
    ] = False,
) -> None:
    """Delete a named account's store directory; a paired one only with --force.

    No network: a device removed while paired stays linked on the phone (run
    'wacli --account NAME logout' first to unlink it).
    """
    if name == DEFAULT_NAME:
        fail("'accounts remove' removes named accounts only, not the default store", ExitCode.USAGE)
    base = Path(ctx.obj["default_store"])
    directory = account_store(base, name)
    if not directory.is_dir():
        fail(f"no account {name!r} (no directory {directory})", ExitCode.USAGE)
    state = read_state(name, directory)
    if not force:
        if state.error is not None:
            fail(f"account {name!r} cannot be read ({state.error}); use --force", ExitCode.USAGE)
        if state.paired:
            fail(
                f"account {name!r} is paired as {state.jid}; run 'wacli --account {name} logout' "
                "first, or use --force",
                ExitCode.USAGE,
            )
    try:
        if directory.is_symlink():  # the account is the link; where it points is not ours
            directory.unlink()
        else:
            shutil.rmtree(directory)
    except OSError as exc:
        fail(
            f"cannot remove {directory}: {exc.strerror or exc}; check its permissions and "
            "remove it by hand",
            ExitCode.STORE,
        )
    typer.echo(f"removed account {name} ({directory})", err=True)
