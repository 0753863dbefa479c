"""The package layout is the architecture: imports point one way only.

wire (crypto, jid, binary, noise, proto) <- protocol (the I/O-free protocol
core: pairing, media and app-state crypto, stanza shapes) <- signal, store <-
client <- cli; the sandbox shares the wire layer, the protocol core, Signal and
the store with the client and nothing else.
"""

import ast
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


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _wacli_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "wacli" and len(parts) > 1:
                found.add(parts[1])
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    layer = _layer(path)
    assert layer in ALLOWED, f"{layer} is not a known layer; add it to the layering rules"
    wrong = _wacli_imports(path) - ALLOWED[layer] - {layer}
    assert not wrong, f"wacli.{layer} must not import wacli.{', wacli.'.join(sorted(wrong))}"
