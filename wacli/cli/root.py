"""The root ``wacli`` command, whose subcommands are imported only when used.

Every subcommand is named here with the module that defines it and its one-line
help, so ``wacli --help`` lists them all without importing any, and ``wacli
whoami`` imports the whoami module and not the client that ``send`` needs (the
lazy group of Click's documentation, on Typer's own group class).
``tests/cli/test_startup.py`` checks that this table agrees with the commands.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
import typer.main
from typer.core import TyperGroup

from wacli import __version__
from wacli.cli.storechoice import choose_store, typed

PRODUCTION_NOISE_ROOT = "142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b"
DEFAULT_SERVER = "wss://web.whatsapp.com/ws/chat"


# A NamedTuple: a dataclass would cost several times as much to define, on every run.
class Lazy(NamedTuple):
    """Where a subcommand lives: ``attribute`` of ``module``, a function or a Typer app."""

    module: str
    attribute: str
    help: str  # the first line of its help, shown by ``wacli --help``


# In the order the commands were always listed: the plain commands, then the groups.
SUBCOMMANDS: dict[str, Lazy] = {
    "pair": Lazy(
        "wacli.cli.pair",
        "pair",
        "Link this store as a companion device (QR, or a code with --phone).",
    ),
    "send": Lazy(
        "wacli.cli.send", "send", "Send a message; exits 0 once the server acknowledged it."
    ),
    "listen": Lazy("wacli.cli.listen", "listen", "Write every event as one NDJSON line on stdout."),
    "check": Lazy(
        "wacli.cli.check",
        "check",
        "Tell which phone numbers are on WhatsApp, with their JIDs and LIDs.",
    ),
    "read": Lazy(
        "wacli.cli.read", "read", "Mark messages of a chat read (blue ticks for their sender)."
    ),
    "block": Lazy("wacli.cli.privacy", "block", "Block a contact: its messages no longer arrive."),
    "unblock": Lazy("wacli.cli.privacy", "unblock", "Unblock a contact."),
    "blocklist": Lazy("wacli.cli.privacy", "blocklist", "List the contacts we blocked."),
    "presence": Lazy(
        "wacli.cli.presence",
        "presence",
        "Set own presence, follow a contact's, or send a chat state.",
    ),
    "chats": Lazy(
        "wacli.cli.listings",
        "chats",
        "List the archived chats: pinned first, then the most recently active.",
    ),
    "contacts": Lazy(
        "wacli.cli.listings",
        "contacts",
        "List the contacts the archive has learnt (push names, address book, LIDs).",
    ),
    "whoami": Lazy(
        "wacli.cli.account",
        "whoami",
        "Show which account and device this store is linked as (no network).",
    ),
    "logout": Lazy(
        "wacli.cli.account",
        "logout",
        "Unlink this device from the phone's account and forget it (the archive stays).",
    ),
    "completion": Lazy(
        "wacli.cli.completion",
        "completion",
        "Print the shell completion script for SHELL (bash, zsh or fish).",
    ),
    "history": Lazy(
        "wacli.cli.history",
        "history_app",
        "Read the local message archive (filled by listen and history sync).",
    ),
    "chat": Lazy(
        "wacli.cli.chat",
        "chat_app",
        "Change a chat or its messages: pin, mute, archive, read, disappearing, star, delete.",
    ),
    "accounts": Lazy(
        "wacli.cli.accounts",
        "accounts_app",
        "List the default store and every named account, with who each is paired as.",
    ),
    "sandbox": Lazy(
        "wacli.cli.sandbox",
        "sandbox_app",
        "A local WhatsApp-compatible server with simulated phones, for offline tests.",
    ),
    "groups": Lazy(
        "wacli.cli.groups", "groups_app", "List the groups we are in, show and manage one."
    ),
    "media": Lazy("wacli.cli.media", "media_app", "Media files of archived messages."),
    "profile": Lazy(
        "wacli.cli.profile",
        "profile_app",
        "Pictures, about texts and business profiles; set our own.",
    ),
    "privacy": Lazy(
        "wacli.cli.privacy", "privacy_app", "Show or change the account's privacy settings."
    ),
    "call": Lazy("wacli.cli.call", "call_app", "Answer incoming call signalling."),
    "status": Lazy("wacli.cli.status", "status_app", "Post status updates (stories)."),
    "channels": Lazy(
        "wacli.cli.channels", "channels_app", "Channels (newsletters): follow, read and post."
    ),
}


def load(name: str, where: Lazy) -> Any:
    """Import one subcommand and build its Click command exactly as add_typer/command would."""
    found = getattr(importlib.import_module(where.module), where.attribute)
    holder = typer.Typer()
    holder.callback()(_nothing)
    if isinstance(found, typer.Typer):
        holder.add_typer(found, name=name)
    else:
        holder.command(name=name)(found)
    group = typer.main.get_command(holder)
    assert isinstance(group, TyperGroup)  # a Typer with a callback makes a group
    return group.commands[name]


def _nothing() -> None:
    """The placeholder callback that makes the holder a group."""


class LazyCommands(MutableMapping[str, Any]):
    """The root's subcommands: every name is known, a command is built when first read."""

    def __init__(self, built: dict[str, Any]) -> None:
        self.built = built

    def __getitem__(self, name: str) -> Any:
        if name not in self.built:
            if name not in SUBCOMMANDS:
                raise KeyError(name)
            self.built[name] = load(name, SUBCOMMANDS[name])
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]

    def __iter__(self) -> Iterator[str]:
        yield from SUBCOMMANDS
        yield from (name for name in self.built if name not in SUBCOMMANDS)

    def __len__(self) -> int:
        return len(set(SUBCOMMANDS) | set(self.built))


class LazyGroup(TyperGroup):
    """Typer's group, listing subcommands from the table and importing only the one run."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(dict(self.commands))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [(name, SUBCOMMANDS[name].help) for name in self.commands]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"wacli {__version__}")
        raise typer.Exit(0)


def default_store() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wacli"


app = typer.Typer(
    name="wacli",
    cls=LazyGroup,
    help="A command-line WhatsApp client (WhatsApp Web multi-device protocol).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,  # plain help: rich and markdown-it cost more than the command
)


@app.callback()
def root(
    ctx: typer.Context,
    store: Annotated[
        Path | None,
        typer.Option(
            envvar="WACLI_STORE", help="The store directory (keys, archive).", show_default=False
        ),
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
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Print the version and exit.",
            is_eager=True,
            callback=version_callback,
        ),
    ] = False,
) -> None:
    del version  # handled by its callback before any command runs
    verbose = verbose or os.environ.get("WACLI_LOG", "").lower() == "debug"
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    base = default_store()
    chosen = choose_store(base, store, typed(ctx, "store"), account, typed(ctx, "account"))
    ctx.obj = {"store": chosen, "default_store": base, "server": server, "noise_root": noise_root}
