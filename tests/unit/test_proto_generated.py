"""The checked-in generated modules are exactly what the .proto sources produce.

Regenerating into a scratch directory with the same protoc command line as
``python -m wacli.proto.regenerate`` must give byte-identical files, so a
.proto edit without a regeneration (or a hand edit of a generated file) fails.
"""

from pathlib import Path

import pytest

from wacli.proto import regenerate

PROTO_DIR = Path(regenerate.__file__).resolve().parent


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("protoc")
    assert regenerate.run_protoc(out) == 0
    return out / "wacli" / "proto"


def test_every_source_has_generated_modules(fresh: Path) -> None:
    stems = {Path(s).stem for s in regenerate.proto_sources()}
    assert stems, "no .proto sources found"
    for stem in stems:
        assert (fresh / f"{stem}_pb2.py").is_file()
        assert (fresh / f"{stem}_pb2.pyi").is_file()
    generated = {p.name for p in fresh.iterdir()}
    assert generated == {f"{s}_pb2.py" for s in stems} | {f"{s}_pb2.pyi" for s in stems}


@pytest.mark.parametrize("stem", sorted(Path(s).stem for s in regenerate.proto_sources()))
def test_checked_in_module_is_byte_identical(fresh: Path, stem: str) -> None:
    for suffix in ("_pb2.py", "_pb2.pyi"):
        name = stem + suffix
        checked_in = PROTO_DIR / name
        assert checked_in.is_file(), f"{name} is missing: run python -m wacli.proto.regenerate"
        assert checked_in.read_bytes() == (fresh / name).read_bytes(), (
            f"{name} is stale: run python -m wacli.proto.regenerate"
        )


def test_no_orphan_generated_modules() -> None:
    stems = {Path(s).stem for s in regenerate.proto_sources()}
    for path in PROTO_DIR.glob("*_pb2.py*"):
        assert path.name.split("_pb2")[0] in stems, f"{path.name} has no .proto source"


def test_protoc_args_target_the_given_directory(tmp_path: Path) -> None:
    args = regenerate.protoc_args(tmp_path)
    assert f"--python_out={tmp_path}" in args and f"--pyi_out={tmp_path}" in args
    assert all(src.startswith("wacli/proto/") for src in regenerate.proto_sources())
    assert set(regenerate.proto_sources()) <= set(args)
