"""wacli's message padding against Baileys' writeRandomPadMax16 / unpadRandomMax16."""

import os
from collections.abc import Iterator

import pytest

from bench.node import NodeProcess, b64, unb64
from wacli.protocol.padding import pad_message, unpad_message

pytestmark = pytest.mark.interop


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("protocol_padding.mjs") as proc:
        yield proc


def test_both_directions(node: NodeProcess) -> None:
    seen = set()
    for size in list(range(0, 40)) * 3:
        data = os.urandom(size)
        theirs = unb64(node.call("pad", data=b64(data)))
        seen.add(len(theirs) - size)
        assert unpad_message(theirs) == data
        assert unb64(node.call("unpad", data=b64(pad_message(data)))) == data
    assert seen <= set(range(1, 17)) and len(seen) > 8
