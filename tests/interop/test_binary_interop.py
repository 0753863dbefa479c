"""wacli.binary against whatsapp-rust-bridge 0.5.4's encodeNode/decodeNode.

Over a corpus of real-shaped stanzas (bench/stanza_corpus.py): wacli
writes exactly the bridge's bytes, reads the bridge's bytes back to the very
node it started from, and the bridge reads wacli's bytes as wacli does. Calls
are batched: one request encodes or decodes the whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bench.node import NodeProcess, b64, unb64
from bench.stanza_corpus import EDGE_TEXTS, canonical, edge_cases, to_js
from wacli.binary import Node, decode, encode
from wacli.jid import (
    DEFAULT_USER_SERVER,
    HIDDEN_USER_SERVER,
    HOSTED_LID_SERVER,
    HOSTED_SERVER,
    INTEROP_SERVER,
    JID,
    MESSENGER_SERVER,
)

CORPUS = canonical()


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("binary.mjs", timeout=120) as proc:
        yield proc


def rust_display(jid: JID) -> str:
    """How whatsapp-rust prints a decoded JID (its Display for JidRef)."""
    if not jid.user:
        return jid.server
    # The bridge keeps AD_JID's domain byte as the agent and prints it unless the
    # server is one the byte stands for; of those, only hosted.lid (129) shows.
    agent = 129 if jid.server == HOSTED_LID_SERVER and jid.device else jid.agent
    text = jid.user
    if agent and jid.server not in (DEFAULT_USER_SERVER, HIDDEN_USER_SERVER, HOSTED_SERVER):
        text += f".{agent}"
    if jid.device:
        text += f":{jid.device}"
    return f"{text}@{jid.server}"


def view(node: Node) -> dict[str, Any]:
    """A wacli node as the bridge's decodeNode(...).toJSON() shows it."""
    out: dict[str, Any] = {
        "tag": node.tag,
        "attrs": {
            k: rust_display(v) if isinstance(v, JID) else v
            for k, v in node.attrs.items()
            if v is not None
        },
    }
    if isinstance(node.content, list):
        out["content"] = [view(child) for child in node.content]
    elif node.content is not None:
        out["content"] = {"b64": b64(bytes(node.content))}
    return out


def normalized(decoded: dict[str, Any]) -> dict[str, Any]:
    """The bridge's decoded JSON with text content as UTF-8 bytes, as wacli holds it."""
    assert "error" not in decoded, decoded
    content = decoded.get("content")
    if isinstance(content, list):
        decoded["content"] = [normalized(child) for child in content]
    elif isinstance(content, dict) and "text" in content:
        decoded["content"] = {"b64": b64(content["text"].encode())}
    return decoded


def bridge_encode(node: NodeProcess, nodes: list[dict[str, Any]]) -> list[bytes]:
    answers = node.call("encode", nodes=nodes)
    for answer in answers:
        assert isinstance(answer, str), answer
    return [unb64(answer) for answer in answers]


def bridge_decode(node: NodeProcess, payloads: list[bytes]) -> list[dict[str, Any]]:
    return node.call("decode", payloads=[b64(p) for p in payloads])


def first_difference(a: bytes, b: bytes) -> str:
    diffs = (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    at = next(diffs, min(len(a), len(b)))
    return (
        f"lengths {len(a)}/{len(b)}, first difference at {at}: "
        f"{a[at : at + 12].hex()} vs {b[at : at + 12].hex()}"
    )


# -- tests ------------------------------------------------------------------------------


def test_corpus_covers_what_it_claims() -> None:
    assert len(CORPUS) >= 200
    tags = {n.tag for n in CORPUS}
    assert {"message", "receipt", "ack", "iq", "notification", "presence", "chatstate"} <= tags
    assert {"stream:error", "success", "failure", "call", "ib"} <= tags
    wire = b"".join(encode(n) for n in CORPUS)
    # Every tag byte class appears on the wire somewhere in the corpus.
    for marker in (0xEC, 0xED, 0xEE, 0xEF, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF):
        assert bytes((marker,)) in wire, hex(marker)


def test_wacli_writes_the_bridges_bytes(node: NodeProcess) -> None:
    ours = [encode(n) for n in CORPUS]
    theirs = bridge_encode(node, [to_js(n) for n in CORPUS])
    mismatches = [
        f"{n!r:.200}: {first_difference(a, b)}"
        for n, a, b in zip(CORPUS, ours, theirs, strict=True)
        if a != b
    ]
    assert not mismatches, "\n".join(mismatches[:10])


def test_wacli_reads_the_bridges_bytes_back_to_the_same_node(node: NodeProcess) -> None:
    theirs = bridge_encode(node, [to_js(n) for n in CORPUS])
    for original, payload in zip(CORPUS, theirs, strict=True):
        assert decode(payload) == original


def test_the_bridge_reads_wacli_bytes_as_wacli_does(node: NodeProcess) -> None:
    ours = [encode(n) for n in CORPUS]
    for original, decoded in zip(CORPUS, bridge_decode(node, ours), strict=True):
        assert normalized(decoded) == view(original)


def test_edge_texts_match_byte_for_byte_and_decode_alike(node: NodeProcess) -> None:
    cases = edge_cases()
    assert len(cases) == 2 * len(EDGE_TEXTS)
    ours = [encode(n) for n, _ in cases]
    theirs = bridge_encode(node, [to_js(n) for n, _ in cases])
    for (n, note), a, b in zip(cases, ours, theirs, strict=True):
        assert a == b, f"{note}: {n!r}: {first_difference(a, b)}"
    for (_, note), payload, decoded in zip(cases, ours, bridge_decode(node, ours), strict=True):
        assert normalized(decoded) == view(decode(payload)), note


def test_jids_the_bridge_cannot_write_are_read_by_it(node: NodeProcess) -> None:
    # FB_JID and INTEROP_JID come only from the server side; whatsmeow writes them.
    jids = [
        JID("100012345678901", MESSENGER_SERVER, 0),
        JID("100012345678901", MESSENGER_SERVER, 3),
        JID("100012345678901", MESSENGER_SERVER, 0x1234),
        JID("5511999887766", INTEROP_SERVER, 0, 0, 7),
        JID("5511999887766", INTEROP_SERVER, 2, 0, 0xFFFF),
    ]
    nodes = [Node("message", {"from": j, "id": "1"}, [Node("user", {"jid": j})]) for j in jids]
    payloads = [encode(n) for n in nodes]
    assert all(bytes((0xF6,)) in p or bytes((0xF5,)) in p for p in payloads)
    for n, payload, decoded in zip(nodes, payloads, bridge_decode(node, payloads), strict=True):
        assert decode(payload) == n
        assert normalized(decoded) == view(n)


def test_text_content_from_the_bridge_decodes_to_its_utf8_bytes(node: NodeProcess) -> None:
    texts = ["receipt", "0", "12345", "DEADBEEF", "5511999887766@s.whatsapp.net", "hi ✓", ""]
    js = [{"tag": "body", "attrs": {}, "content": {"text": s}} for s in texts]
    for text, payload in zip(texts, bridge_encode(node, js), strict=True):
        assert decode(payload) == Node("body", {}, text.encode())


def test_blank_attribute_values_travel(node: NodeProcess) -> None:
    # wacli writes "" and " " as BINARY_8 text, as whatsapp-rust's Node encoder and
    # whatsmeow do; only the bridge's JS adapter drops them before encoding.
    n = Node("iq", {"id": "1", "empty": "", "blank": " ", "skipped": None})
    payload = encode(n)
    (decoded,) = bridge_decode(node, [payload])
    assert normalized(decoded) == {"tag": "iq", "attrs": {"id": "1", "empty": "", "blank": " "}}
    assert decode(payload) == Node("iq", {"id": "1", "empty": "", "blank": " "})
