"""The package layout is the architecture: imports point one way only.

wire (crypto, jid, binary, noise, proto) <- protocol (the I/O-free protocol
core: pairing, media and app-state crypto, stanza shapes) <- signal, store <-
client <- cli; the sandbox shares the wire layer, the protocol core, Signal and
the store with the client and nothing else. The root package ``wacli`` only
holds the version: anything may import it and it imports nothing.

Within and across the packages the modules form no cycle: a module that needs
another must not be needed by it, directly or through others. A function-local
import is still an import (hiding a cycle inside a function does not remove
it); only imports under ``if TYPE_CHECKING:``, which exist for annotations and
never run, are left out of the cycle check (not out of the layering check).

The checks are plain functions over a source tree, so the tests at the bottom
also run them on small synthetic packages to show they do fail.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "wacli"

WIRE = {"crypto", "jid", "binary", "noise", "proto"}
ALLOWED: dict[str, set[str]] = {
    **{name: WIRE for name in WIRE},
    "protocol": WIRE,
    "store": WIRE,
    "signal": WIRE | {"protocol", "store"},
    "client": WIRE | {"protocol", "signal", "store"},
    "sandbox": WIRE | {"protocol", "signal", "store"},
    "cli": WIRE | {"protocol", "signal", "store", "client", "sandbox"},
    "__init__": set(),
    "__main__": {"cli"},
}
# The root package itself: ``import wacli``, ``from wacli import __version__``.
ROOT_LAYER = "__init__"


# --- reading a source tree ------------------------------------------------------


def module_name(root: Path, path: Path) -> str:
    """The dotted name of a file under the package directory ``root``."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(root: Path, dotted: str) -> bool:
    parts = dotted.split(".")
    if parts[0] != root.name:
        return False
    where = root.joinpath(*parts[1:])
    return (where / "__init__.py").is_file() or where.with_suffix(".py").is_file()


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _import_nodes(tree: ast.AST, *, annotations: bool) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth; ``if TYPE_CHECKING:`` bodies only when asked."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test) and not annotations:
            for child in node.orelse:  # the else branch does run
                yield from _import_nodes(
                    ast.Module(body=[child], type_ignores=[]), annotations=False
                )
        else:
            yield from _import_nodes(node, annotations=annotations)


def imported_modules(root: Path, path: Path, *, annotations: bool = True) -> set[str]:
    """The modules of the package ``root`` that the file at ``path`` imports.

    ``import a.b.c`` names a.b.c; ``from a.b import c`` names a.b.c when c is a
    submodule and a.b otherwise (a package's re-export is an import of the
    package); relative imports are resolved against the file's own package.
    """
    tree = ast.parse(path.read_text(), filename=str(path))
    here = module_name(root, path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(tree, annotations=annotations):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        if node.level:
            base = package.split(".")
            if node.level - 1 >= len(base):
                raise ValueError(f"{path}: relative import beyond the top package")
            base = base[: len(base) - (node.level - 1)]
            source = ".".join([*base, node.module] if node.module else base)
        else:
            source = node.module or ""
        for alias in node.names:
            sub = f"{source}.{alias.name}"
            found.add(sub if _is_module(root, sub) else source)
    return {name for name in found if name.split(".")[0] == root.name and name != here}


def import_graph(root: Path, *, annotations: bool = False) -> dict[str, set[str]]:
    """Module -> the package modules it imports (annotation-only imports left out by default)."""
    return {
        module_name(root, path): imported_modules(root, path, annotations=annotations)
        for path in sorted(root.rglob("*.py"))
    }


# --- the checks -----------------------------------------------------------------


def _layer(root: Path, module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT_LAYER


def layering_violations(root: Path, allowed: Mapping[str, set[str]]) -> list[str]:
    """One line per module importing a layer it may not (annotation-only imports included)."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(root, path)
        layer = _layer(root, module)
        if layer not in allowed:
            problems.append(f"{module}: {layer} is not a known layer; add it to the layering rules")
            continue
        layers = {_layer(root, name) for name in imported_modules(root, path)}
        wrong = layers - allowed[layer] - {layer, ROOT_LAYER}
        if wrong:
            problems.append(f"{module} must not import {', '.join(sorted(wrong))}")
    return problems


def _components(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components (Tarjan, iterative), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                found.append(sorted(members))
    return found


def _shortest_path(
    graph: Mapping[str, set[str]], start: str, goal: str, within: set[str]
) -> list[str]:
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path: list[str] = []
            at: str | None = node
            while at is not None:
                path.append(at)
                at = previous[at]
            return path[::-1]
        for child in sorted(graph.get(node, ())):
            if child in within and child not in previous:
                previous[child] = node
                queue.append(child)
    raise AssertionError(f"{goal} is not reachable from {start}")  # not within one component


def import_cycles(graph: Mapping[str, set[str]]) -> list[tuple[str, ...]]:
    """Every import that takes part in a cycle, with the shortest cycle it closes.

    Each cycle is a path a -> b -> ... -> a, rotated to start at its smallest
    module so the same cycle is reported once, however it is reached.
    """
    cycles: set[tuple[str, ...]] = set()
    for members in _components(graph):
        within = set(members)
        for source in members:
            for target in graph.get(source, set()) & within:
                loop = [source, *_shortest_path(graph, target, source, within)][:-1]
                first = loop.index(min(loop))
                loop = loop[first:] + loop[:first]
                cycles.add((*loop, loop[0]))
    return sorted(cycles)


def describe(cycles: list[tuple[str, ...]]) -> str:
    return "\n".join(" -> ".join(cycle) for cycle in cycles)


# --- the package ----------------------------------------------------------------


def test_imports_point_one_way() -> None:
    problems = layering_violations(PACKAGE, ALLOWED)
    assert not problems, "\n".join(problems)


def test_no_import_cycles() -> None:
    cycles = import_cycles(import_graph(PACKAGE))
    assert not cycles, f"import cycles between wacli modules:\n{describe(cycles)}"


# --- the checks can fail ----------------------------------------------------------


def _write(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


@pytest.fixture
def fake(tmp_path: Path) -> Path:
    """A package named like ours, so the same layering rules apply to it."""
    return _write(
        tmp_path / "wacli",
        {
            "__init__.py": '__version__ = "0"\n',
            "jid.py": "",
            "store/__init__.py": "",
            "store/db.py": "from wacli import jid\n",
            "cli/__init__.py": "",
            "cli/main.py": "from wacli import __version__\nfrom wacli.store import db\n",
        },
    )


def test_a_clean_package_passes(fake: Path) -> None:
    assert layering_violations(fake, ALLOWED) == []
    assert import_cycles(import_graph(fake)) == []


@pytest.mark.parametrize(
    "source",
    [
        "from wacli import cli\n",
        "from .. import cli\n",
        "from ..cli import main\n",
        "import wacli.cli.main\n",
        "def later():\n    from wacli.cli.main import run\n",
    ],
)
def test_an_upward_import_is_reported(fake: Path, source: str) -> None:
    _write(fake, {"store/up.py": source})
    assert layering_violations(fake, ALLOWED) == ["wacli.store.up must not import cli"]


def test_an_annotation_only_upward_import_is_still_a_layering_error(fake: Path) -> None:
    guarded = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from wacli import cli\n"
    _write(fake, {"store/up.py": guarded})
    assert layering_violations(fake, ALLOWED) == ["wacli.store.up must not import cli"]


def test_a_cycle_hidden_in_a_function_is_reported(fake: Path) -> None:
    _write(
        fake,
        {
            "store/a.py": "from wacli.store.b import helper\n",
            "store/b.py": "def helper():\n    from wacli.store import a\n    return a\n",
        },
    )
    assert import_cycles(import_graph(fake)) == [
        ("wacli.store.a", "wacli.store.b", "wacli.store.a")
    ]


def test_a_relative_import_cycle_is_reported(fake: Path) -> None:
    _write(
        fake,
        {
            "store/a.py": "from . import b\n",
            "store/b.py": "from .c import thing\n",
            "store/c.py": "from .a import other\n",
        },
    )
    assert import_cycles(import_graph(fake)) == [
        ("wacli.store.a", "wacli.store.b", "wacli.store.c", "wacli.store.a")
    ]


def test_a_package_reexport_is_an_import_of_the_package(fake: Path) -> None:
    _write(
        fake,
        {
            "store/__init__.py": "from wacli.store.db import Database\n",
            "store/db.py": "from wacli.store import helpers\n",
            "store/helpers.py": "from wacli.store import Database\n",
        },
    )
    assert import_cycles(import_graph(fake)) == [
        ("wacli.store", "wacli.store.db", "wacli.store.helpers", "wacli.store")
    ]


def test_annotation_only_imports_make_no_cycle(fake: Path) -> None:
    _write(
        fake,
        {
            "store/a.py": "from wacli.store import b\n",
            "store/b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from wacli.store.a import Thing\n"
                "else:\n    pass\n"
            ),
        },
    )
    assert import_cycles(import_graph(fake)) == []
