"""wacli's Noise against independent implementations, bytes relayed through NDJSON.

- wacli's responder completes handshakes with Baileys' own client handler
  (makeNoiseHandler, driven exactly as Baileys' socket drives it) and with
  whatsapp-rust-bridge's NoiseSession client, then transport frames are
  checked both ways (framed and coalesced for Baileys).
- wacli's initiator completes a handshake with a responder run on the bridge's
  NoiseSession symmetric state, serving a chain issued on the Node side.
- wacli's client refuses a tampered chain, a wrong root, an expired leaf, a
  leaf key that is not the server's static key and broken serial links, all
  issued by the independent side. Baileys refuses chains whose intermediate
  names another root serial or is missing; libsignal-node's XEdDSA check
  (which Baileys calls) refuses a chain signed by the wrong root, though
  Baileys' handshake ignores that verdict (see the test below).

Neither npm package implements IK or XXfallback, so those are covered by the
in-process unit tests only.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest

from bench.node import NodeError, NodeProcess, b64, unb64
from wacli.crypto import generate_key_pair
from wacli.noise import (
    XX,
    CertificateError,
    ClientHandshake,
    FrameReader,
    FrameWriter,
    ServerHandshake,
    client_intro,
    issue_cert_chain,
)
from wacli.proto.cert_pb2 import CertChain

pytestmark = pytest.mark.interop

ROOT = generate_key_pair()
SERVER = generate_key_pair()
PAYLOAD = b"\x08\x01\x10\x02 opaque ClientPayload bytes"
_ids = itertools.count()


@pytest.fixture(scope="module")
def node() -> Iterator[NodeProcess]:
    with NodeProcess("noise.mjs") as proc:
        yield proc


class WacliServer:
    """wacli's responder behind its own frame reader and writer."""

    def __init__(self, chain: bytes) -> None:
        self.reader = FrameReader(expect_intro=True)
        self.writer = FrameWriter()
        self.chain = chain
        self.hs: ServerHandshake | None = None

    def on_hello(self, wire: bytes) -> bytes:
        [hello] = self.reader.feed(wire)
        assert self.reader.header == b"WA\x06\x03"
        self.hs = ServerHandshake(SERVER, self.chain, prologue=self.reader.header)
        reply = self.hs.receive(hello)
        assert reply is not None
        return self.writer.write(reply)

    def on_finish(self, wire: bytes) -> None:
        assert self.hs is not None
        [finish] = self.reader.feed(wire)
        assert self.hs.receive(finish) is None


@pytest.mark.parametrize("client", ["baileys", "bridge"])
def test_wacli_responder_with_independent_client(node: NodeProcess, client: str) -> None:
    sid = f"{client}-{next(_ids)}"
    server = WacliServer(issue_cert_chain(ROOT, SERVER.public))
    hello = node.call(f"{client}_client_hello", id=sid, root_key=b64(ROOT.public))
    wire = unb64(hello["wire"])
    # WebSocket messages need not align with frames: deliver the hello in pieces.
    assert server.reader.feed(wire[:2]) == [] and server.reader.feed(wire[2:9]) == []
    server_hello = server.on_hello(wire[9:])
    done = node.call(
        f"{client}_client_finish", id=sid, wire=b64(server_hello), payload=b64(PAYLOAD)
    )
    server.on_finish(unb64(done["wire"]))
    hs = server.hs
    assert hs is not None and hs.complete and hs.pattern == XX
    assert hs.payload == PAYLOAD
    assert hs.client_static == unb64(hello["noise_public"])
    if client == "bridge":  # the bridge hands back the chain it decrypted
        assert unb64(done["chain"]) == server.chain
        t = hs.transport
        for i in range(30):
            up, down = b"\x00up %d" % i, b"\x00down %d" % i
            assert t.decrypt(unb64(node.call("bridge_encrypt", id=sid, data=b64(up)))) == up
            assert unb64(node.call("bridge_decrypt", id=sid, data=b64(t.encrypt(down)))) == down
    if client == "baileys":
        _transport_with_baileys(node, sid, server)
    node.call("drop", id=sid)


def test_wacli_responder_reads_baileys_edge_routing_intro(node: NodeProcess) -> None:
    sid = f"baileys-{next(_ids)}"
    server = WacliServer(issue_cert_chain(ROOT, SERVER.public))
    routing = bytes(range(1, 40))
    hello = node.call(
        "baileys_client_hello", id=sid, root_key=b64(ROOT.public), routing_info=b64(routing)
    )
    assert unb64(hello["wire"]).startswith(b"ED\x00\x01")
    server_hello = server.on_hello(unb64(hello["wire"]))
    assert server.reader.routing_info == routing
    done = node.call("baileys_client_finish", id=sid, wire=b64(server_hello), payload=b64(PAYLOAD))
    server.on_finish(unb64(done["wire"]))
    assert server.hs is not None and server.hs.payload == PAYLOAD
    node.call("drop", id=sid)


def _transport_with_baileys(node: NodeProcess, sid: str, server: WacliServer) -> None:
    t = server.hs.transport  # type: ignore[union-attr]
    # Baileys -> wacli: raw frames, several coalesced into one WebSocket message.
    sent = [b"\x00" + bytes([i]) * i for i in range(40)]
    wire = b"".join(unb64(node.call("baileys_send", id=sid, data=b64(m))) for m in sent)
    assert [t.decrypt(f) for f in server.reader.feed(wire)] == sent
    # wacli -> Baileys: binary nodes (Baileys decodes every transport frame as one).
    nodes = [("iq", {"id": str(i), "type": "get", "xmlns": "w:p"}) for i in range(30)]
    encoded = [unb64(node.call("encode_node", tag=tag, attrs=attrs)) for tag, attrs in nodes]
    wire = b"".join(server.writer.write(t.encrypt(e)) for e in encoded)
    got = node.call("baileys_recv", id=sid, wire=b64(wire[:7]))  # a partial frame first
    got += node.call("baileys_recv", id=sid, wire=b64(wire[7:]))
    assert [(g["tag"], g["attrs"]) for g in got] == nodes
    payload_node = unb64(
        node.call("encode_node", tag="message", attrs={}, content=b64(b"\x01\x02"))
    )
    [echo] = node.call(
        "baileys_recv", id=sid, wire=b64(server.writer.write(t.encrypt(payload_node)))
    )
    assert unb64(echo["content"]) == b"\x01\x02"
    assert (t.send_counter, t.recv_counter) == (31, 40)


def _baileys_finish_with_chain(node: NodeProcess, chain: bytes) -> None:
    sid = f"baileys-{next(_ids)}"
    server = WacliServer(chain)
    hello = node.call("baileys_client_hello", id=sid, root_key=b64(ROOT.public))
    server_hello = server.on_hello(unb64(hello["wire"]))
    try:
        node.call("baileys_client_finish", id=sid, wire=b64(server_hello), payload=b64(PAYLOAD))
    finally:
        node.call("drop", id=sid)


def test_baileys_refuses_chain_naming_another_root_serial(node: NodeProcess) -> None:
    chain = issue_cert_chain(ROOT, SERVER.public, root_serial=1)
    with pytest.raises(NodeError, match="certification match failed"):
        _baileys_finish_with_chain(node, chain)


def test_baileys_refuses_chain_without_intermediate(node: NodeProcess) -> None:
    full = CertChain()
    full.ParseFromString(issue_cert_chain(ROOT, SERVER.public))
    with pytest.raises(NodeError, match="invalid noise intermediate certificate"):
        _baileys_finish_with_chain(node, CertChain(leaf=full.leaf).SerializeToString())


def test_libsignal_signature_check_refuses_wrong_root(node: NodeProcess) -> None:
    """The XEdDSA check Baileys calls says no to a chain from another root (the
    verdicts read directly; Baileys' own handshake: the next test)."""
    genuine = issue_cert_chain(ROOT, SERVER.public)
    forged = issue_cert_chain(generate_key_pair(), SERVER.public)
    verdict = node.call("libsignal_verify_chain", chain=b64(genuine), root_key=b64(ROOT.public))
    assert verdict == {"intermediate": True, "leaf": True}
    verdict = node.call("libsignal_verify_chain", chain=b64(forged), root_key=b64(ROOT.public))
    assert verdict == {"intermediate": False, "leaf": True}


@pytest.mark.xfail(
    strict=True,
    raises=pytest.fail.Exception,  # only "DID NOT RAISE" is the known bug; anything else fails
    reason=(
        "Baileys bug (7.0.0-rc14): Curve.verify only catches exceptions and ignores the "
        "boolean libsignal returns, so its handshake accepts a chain signed by another "
        "root. Once Baileys refuses it, this XPASSes and strict xfail fails the run: "
        "remove the mark."
    ),
)
def test_baileys_refuses_chain_from_another_root(node: NodeProcess) -> None:
    forged = issue_cert_chain(generate_key_pair(), SERVER.public)
    with pytest.raises(NodeError):
        _baileys_finish_with_chain(node, forged)


def _node_chain(node: NodeProcess, **overrides: object) -> bytes:
    now = int(time.time())
    spec = {
        "root_private": b64(ROOT.private),
        "root_serial": 0,
        "intermediate_serial": 1,
        "leaf_serial": 2,
        "leaf_key": b64(SERVER.public),
        "not_before": now - 3600,
        "not_after": now + 3600,
        **overrides,
    }
    return unb64(node.call("issue_chain", **spec))


def _wacli_client_against_bridge(node: NodeProcess, chain: bytes) -> ClientHandshake:
    """wacli's initiator, framed as on a socket, against the bridge-run responder."""
    sid = f"bridge-server-{next(_ids)}"
    noise_key = generate_key_pair()
    client = ClientHandshake(noise_key, PAYLOAD, root_key=ROOT.public)
    writer, reader = FrameWriter(intro=client_intro()), FrameReader()
    server_hello = node.call(
        "bridge_server_hello",
        id=sid,
        wire=b64(writer.write(client.start())),
        static_public=b64(SERVER.public),
        static_private=b64(SERVER.private),
        cert_chain=b64(chain),
    )
    [hello] = reader.feed(unb64(server_hello))
    finish = client.receive(hello)  # raises CertificateError for a bad chain
    assert finish is not None
    result = node.call("bridge_server_finish", id=sid, wire=b64(writer.write(finish)))
    assert unb64(result["payload"]) == PAYLOAD
    assert unb64(result["client_static"]) == noise_key.public
    # The bridge's post-split ciphers are initiator-oriented (encrypt with the
    # first split key), so its frames must equal what wacli's client sends.
    t = client.transport
    for i in range(25):
        plain = b"\x00frame %d" % i
        assert unb64(node.call("bridge_encrypt", id=sid, data=b64(plain))) == t.encrypt(plain)
    node.call("drop", id=sid)
    return client


def test_wacli_initiator_with_bridge_responder(node: NodeProcess) -> None:
    client = _wacli_client_against_bridge(node, _node_chain(node))
    assert client.complete and client.pattern == XX
    assert client.server_static == SERVER.public
    assert client.cert_chain is not None and client.cert_chain.leaf.serial == 2


@pytest.mark.parametrize(
    ("overrides", "match"),
    [
        ({"root_private": b64(generate_key_pair().private)}, "not signed by the root key"),
        ({"leaf_key": b64(generate_key_pair().public)}, "not the server's static key"),
        ({"not_after": int(time.time()) - 60}, "expired"),
        ({"not_before": int(time.time()) + 3600}, "not valid before"),
        ({"leaf_issuer_serial": 9}, "leaf names issuer serial 9"),
        ({"root_serial": 3}, "intermediate names issuer serial 3"),
    ],
    ids=["wrong-root", "leaf-not-static", "expired", "not-yet-valid", "serial-link", "root-serial"],
)
def test_wacli_initiator_refuses_bad_chains(node: NodeProcess, overrides: dict, match: str) -> None:
    with pytest.raises(CertificateError, match=match):
        _wacli_client_against_bridge(node, _node_chain(node, **overrides))


@pytest.mark.parametrize("which", ["intermediate", "leaf"])
@pytest.mark.parametrize("field", ["details", "signature"])
def test_wacli_initiator_refuses_tampered_chain(node: NodeProcess, which: str, field: str) -> None:
    chain = CertChain()
    chain.ParseFromString(_node_chain(node))
    cert = getattr(chain, which)
    value = bytearray(getattr(cert, field))
    value[len(value) // 2] ^= 0x01
    setattr(cert, field, bytes(value))
    with pytest.raises(CertificateError, match=f"{which} certificate is not signed"):
        _wacli_client_against_bridge(node, chain.SerializeToString())
