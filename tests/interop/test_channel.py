import pytest

from bench.node import NodeProcess, NodeTimeout, b64, unb64


def test_node_channel_round_trips_bytes() -> None:
    with NodeProcess("echo.mjs") as node:
        assert unb64(node.call("reverse", data=b64(b"\x00\x01\xff"))) == b"\xff\x01\x00"


def test_a_script_that_never_answers_is_killed_after_its_timeout() -> None:
    with NodeProcess("echo.mjs", timeout=0.5) as node:
        with pytest.raises(NodeTimeout, match="stall"):
            node.call("stall")
        assert node.proc.poll() is not None  # nothing left running
