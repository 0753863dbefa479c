"""Start-up stays cheap: what ``wacli --version``, ``--help`` and ``whoami`` import.

An import check, not a timing: each case runs in a fresh interpreter and lists
the heavy modules it loaded. ``bench/bench_startup.py`` has the timings.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from wacli import __version__
from wacli.cli.root import SUBCOMMANDS, load

# The client and the libraries only a connection, a cipher or a protobuf needs.
HEAVY = ("wacli.client", "cryptography", "google.protobuf", "websockets")

PROBE = """
import sys
{body}
heavy = sorted(
    name for name in sys.modules
    if any(name == root or name.startswith(root + ".") for root in {heavy!r})
)
sys.__stdout__.write("\\nLOADED " + " ".join(heavy) + "\\n")
"""

RUN_CLI = """
from wacli.cli.app import main
try:
    main({argv!r})
except SystemExit:
    pass
"""


def loaded(body: str) -> list[str]:
    program = PROBE.format(body=body, heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    line = out.stdout.rsplit("LOADED", 1)[1]
    return line.split()


@pytest.mark.parametrize(
    "body",
    [
        "import wacli.cli.app",
        RUN_CLI.format(argv=["--version"]),
        RUN_CLI.format(argv=["-V"]),
        RUN_CLI.format(argv=["--store", "/nonexistent", "--version"]),
        RUN_CLI.format(argv=["--help"]),
        RUN_CLI.format(argv=[]),
    ],
    ids=["import", "--version", "-V", "--store-x--version", "--help", "no-args"],
)
def test_start_up_imports_no_client_crypto_protobuf_or_websockets(body: str) -> None:
    assert loaded(body) == []


def test_whoami_does_not_import_the_client(tmp_path) -> None:
    """whoami reads the store (and so its key types), never the client or the network."""
    body = RUN_CLI.format(argv=["--store", str(tmp_path), "whoami"])
    assert [name for name in loaded(body) if name.startswith("wacli.client")] == []


# What only listen, pairing, a file transfer or a group uses: a text to a person must not
# pay for it, and a send through listen's relay needs no WebSocket or Noise either.
NOT_FOR_A_SEND = (
    "wacli.client.events",
    "wacli.client.appstate",
    "wacli.client.history",
    "wacli.client.receive",
    "wacli.client.media",
    "wacli.client.pairing",
    "wacli.client.group_send",
    "wacli.signal.group",
    "wacli.client.listen_wiring",
    "wacli.client.relay_server",
    "wacli.client.direct_connection",
    "wacli.noise",
    "websockets",
    "h11",
    "nacl",
    "google.protobuf.json_format",
)

SEND_IMPORTS = """
import sys
import {modules}
loaded = sorted(
    name for name in sys.modules
    if any(name == root or name.startswith(root + ".") for root in {roots!r})
)
sys.__stdout__.write("\\nLOADED " + " ".join(loaded) + "\\n")
"""


def loaded_of(modules: str, roots: tuple[str, ...]) -> list[str]:
    """Which of ``roots`` importing ``modules`` (a fresh interpreter) loads."""
    program = SEND_IMPORTS.format(modules=modules, roots=roots)
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.rsplit("LOADED", 1)[1].split()


def test_send_imports_neither_listen_features_nor_the_websocket() -> None:
    """Importing the send command and the client leaves listen's features, pairing, media
    and the direct connection's WebSocket and Noise to the code paths that use them."""
    assert loaded_of("wacli.cli.send, wacli.client.client", NOT_FOR_A_SEND) == []


# What a one-off send over its own connection leaves to other paths: files (where one is,
# its AES), listen's history sync and app state (their protobuf schemas and the fields
# they read from it), and how a connection ends (read only once one does); and what
# websockets' asyncio client would bring (its proxy support's urllib.request, http.client
# and email) and its version module's importlib.metadata (wacli.client.websocket).
NOT_FOR_A_DIRECT_SEND = (
    "websockets.asyncio",
    "urllib.request",
    "http.client",
    "email",
    "importlib.metadata",
    "wacli.protocol.media_message",
    "wacli.protocol.media_crypto",
    "wacli.protocol.newer_fields",
    "wacli.proto.history_sync_pb2",
    "wacli.proto.sync_action_pb2",
    "wacli.proto.web_pb2",
    "wacli.client.failures",
    "wacli.client.failure_events",
)


def test_a_direct_send_imports_only_what_a_text_takes() -> None:
    """Everything a send over its own connection imports (the client, the direct connection,
    messaging, the curve) leaves files, history sync, app state and the connection's
    endings unloaded."""
    direct = "wacli.client.direct_connection, wacli.client.messaging, wacli.crypto.curve"
    assert loaded_of(f"wacli.cli.send, wacli.client.client, {direct}", NOT_FOR_A_DIRECT_SEND) == []


def test_version_prints_the_package_version() -> None:
    for flag in ("--version", "-V"):
        out = subprocess.run([sys.executable, "-m", "wacli", flag], capture_output=True, text=True)
        assert (out.returncode, out.stdout, out.stderr) == (0, f"wacli {__version__}\n", "")


def test_the_lazy_table_matches_the_commands() -> None:
    """The one-line help ``wacli --help`` shows without importing is the command's own."""
    for name, where in SUBCOMMANDS.items():
        command = load(name, where)
        assert command.name == name
        assert command.get_short_help_str(limit=1000) == where.help, name
