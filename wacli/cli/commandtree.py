"""A plain description of the command tree, read from the real Typer commands.

The shell completions and the man page are generated from it, so they can
never describe options the program does not have. (Typer carries its own
Click; this module reads only Click's public parameter attributes: ``opts``,
``is_flag``, ``envvar``, the parameter type's ``name`` and ``choices``, and an argument's
``shell_complete`` for the words it takes.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import typer
import typer.main


@dataclass(frozen=True, slots=True)
class OptionInfo:
    names: tuple[str, ...]  # every spelling: --store, -v, --no-json ...
    help: str
    takes_value: bool
    is_path: bool
    choices: tuple[str, ...]
    envvar: str | None
    metavar: str


@dataclass(frozen=True, slots=True)
class ArgumentInfo:
    name: str
    help: str
    required: bool
    choices: tuple[str, ...] = ()  # the words a shell completes it with, if it has a list


@dataclass(frozen=True, slots=True)
class CommandInfo:
    path: tuple[str, ...]  # () for the root, ("history", "backfill") for a subcommand
    help: str
    options: tuple[OptionInfo, ...]
    arguments: tuple[ArgumentInfo, ...]
    subcommands: tuple[CommandInfo, ...]

    def walk(self) -> list[CommandInfo]:
        found = [self]
        for sub in self.subcommands:
            found.extend(sub.walk())
        return found


HELP_OPTION = OptionInfo(("--help",), "Show the help and exit.", False, False, (), None, "")


def _option(param: Any) -> OptionInfo:
    kind = param.type  # a Click ParamType: its name is "path", "integer", "choice" ...
    choices = tuple(str(choice) for choice in getattr(kind, "choices", None) or ())
    is_path = kind.name == "path"
    takes_value = not param.is_flag
    if choices:
        metavar = "[" + "|".join(choices) + "]"
    elif is_path:
        metavar = "PATH"
    elif kind.name in ("integer", "integer range"):
        metavar = "N"
    else:
        metavar = "TEXT" if takes_value else ""
    return OptionInfo(
        names=tuple(param.opts) + tuple(param.secondary_opts),
        help=" ".join((param.help or "").split()),
        takes_value=takes_value,
        is_path=is_path,
        choices=choices,
        envvar=param.envvar if isinstance(param.envvar, str) else None,
        metavar=metavar,
    )


def _argument_words(param: Any, ctx: Any) -> tuple[str, ...]:
    """The fixed words an argument completes with (a Choice, or its autocompletion list);
    none for a file name or free text."""
    found = param.shell_complete(ctx, "")
    return tuple(item.value for item in found if item.type == "plain" and item.value)


def _describe(command: Any, path: tuple[str, ...]) -> CommandInfo:
    options: list[OptionInfo] = []
    arguments: list[ArgumentInfo] = []
    for param in command.params:
        if param.param_type_name == "option" and not param.hidden:
            options.append(_option(param))
        elif param.param_type_name == "argument":
            help_text = " ".join((getattr(param, "help", "") or "").split())
            words = _argument_words(param, typer.Context(command))
            arguments.append(
                ArgumentInfo(param.name.upper(), help_text, bool(param.required), words)
            )
    options.append(HELP_OPTION)
    subcommands = tuple(
        _describe(sub, (*path, name))
        for name, sub in getattr(command, "commands", {}).items()
        if not sub.hidden
    )
    help_text = (command.help or "").strip().split("\n\n")[0]
    return CommandInfo(
        path, " ".join(help_text.split()), tuple(options), tuple(arguments), subcommands
    )


def command_tree(app: typer.Typer | Any) -> CommandInfo:
    """The tree of a Typer app, or of the root Click command a running command sees."""
    command = typer.main.get_command(app) if isinstance(app, typer.Typer) else app
    return _describe(command, ())
