"""Regenerate the checked-in ``*_pb2.py``/``*_pb2.pyi`` modules from the ``.proto`` sources.

Run from anywhere: ``python -m wacli.proto.regenerate``. Needs grpcio-tools
(the ``proto`` extra), which bundles ``protoc``. The output is deterministic,
and tests/unit/test_proto_generated.py checks that the checked-in modules are
exactly what this command produces.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # imports read `wacli/proto/x.proto`, so the include root is the repo


def proto_sources() -> list[str]:
    """The .proto files, relative to the include root, in a stable order."""
    return sorted(p.relative_to(ROOT).as_posix() for p in HERE.glob("*.proto"))


def protoc_args(out_dir: Path | str) -> list[str]:
    """The full protoc command line writing the generated modules under ``out_dir``.

    ``out_dir`` plays the role of the repository root: the modules land in
    ``out_dir/wacli/proto/``.
    """
    from grpc_tools import protoc

    include = Path(protoc.__file__).resolve().parent / "_proto"
    return [
        "protoc",
        f"-I{ROOT}",
        f"-I{include}",
        f"--python_out={out_dir}",
        f"--pyi_out={out_dir}",
        *proto_sources(),
    ]


def run_protoc(out_dir: Path | str) -> int:
    """Run protoc (in-process) into ``out_dir``; returns its exit code."""
    from grpc_tools import protoc

    exit_code: int = protoc.main(protoc_args(out_dir))
    return exit_code


def main() -> int:
    try:
        import grpc_tools  # noqa: F401
    except ImportError:
        print("regenerate needs grpcio-tools: pip install -e '.[proto]'", file=sys.stderr)
        return 2
    code = run_protoc(ROOT)
    if code != 0:
        print(f"protoc failed with exit code {code}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
