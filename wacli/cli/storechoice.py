"""Which store a command uses: --store / WACLI_STORE and --account / WACLI_ACCOUNT.

Kept apart from ``wacli.cli.accounts`` (which reads stores) because every
command, even ``--help``, resolves these options and must not import the store.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer

from wacli.cli.exit_codes import ExitCode, fail

ACCOUNTS_DIR = "accounts"
DEFAULT_NAME = "default"
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")


def valid_name(name: str) -> bool:
    return _NAME.fullmatch(name) is not None


def account_store(base: Path, name: str) -> Path:
    """The store directory of account ``name`` (exit 2 for a name that is not allowed)."""
    if not valid_name(name):
        fail(
            f"bad account name {name!r}: use 1 to 32 of a-z 0-9 _ - (starting with a-z or 0-9)",
            ExitCode.USAGE,
        )
    if name == DEFAULT_NAME:
        return base
    return base / ACCOUNTS_DIR / name


def typed(ctx: typer.Context, parameter: str) -> bool:
    """Whether ``parameter`` was given as a command-line option (not by its variable)."""
    source = ctx.get_parameter_source(parameter)
    return getattr(source, "name", None) == "COMMANDLINE"


def choose_store(
    base: Path,
    store: Path | None,
    store_from_cli: bool,
    account: str | None,
    account_from_cli: bool,
) -> Path:
    """The store every subcommand uses, from --store / WACLI_STORE and --account / WACLI_ACCOUNT.

    ``base`` is the default store; ``*_from_cli`` say whether the value was typed as an
    option (True) or came from the environment (False).
    """
    if account is None:
        return store or base
    if store is None:
        return account_store(base, account)
    if store_from_cli == account_from_cli:
        both = "--store and --account" if store_from_cli else "WACLI_STORE and WACLI_ACCOUNT"
        fail(f"{both} choose different stores; give only one", ExitCode.USAGE)
    return store if store_from_cli else account_store(base, account)
