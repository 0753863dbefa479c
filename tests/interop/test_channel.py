from bench.node import NodeProcess, b64, unb64


def test_node_channel_round_trips_bytes() -> None:
    with NodeProcess("echo.mjs") as node:
        assert unb64(node.call("reverse", data=b64(b"\x00\x01\xff"))) == b"\xff\x01\x00"
