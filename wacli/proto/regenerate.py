"""Regenerate the checked-in ``*_pb2.py`` modules from the ``.proto`` sources.

Run from anywhere: ``python -m wacli.proto.regenerate``. Needs grpcio-tools
(the ``proto`` extra), which bundles ``protoc``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    try:
        from grpc_tools import protoc
    except ImportError:
        print("regenerate needs grpcio-tools: pip install -e '.[proto]'", file=sys.stderr)
        return 2
    here = Path(__file__).resolve().parent
    root = here.parent.parent  # so that imports read `wacli/proto/x.proto`
    sources = sorted(str(p.relative_to(root)) for p in here.glob("*.proto"))
    include = Path(protoc.__file__).resolve().parent / "_proto"
    args = ["protoc", f"-I{root}", f"-I{include}", f"--python_out={root}", f"--pyi_out={root}"]
    code = protoc.main([*args, *sources])
    if code != 0:
        print(f"protoc failed with exit code {code}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
