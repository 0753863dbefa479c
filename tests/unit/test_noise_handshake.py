"""Client and server handshakes of wacli.noise against each other, in process."""

from __future__ import annotations

import pytest

from wacli.crypto import KeyPair, generate_key_pair
from wacli.noise import (
    IK,
    XX,
    XX_FALLBACK,
    CertificateError,
    ClientHandshake,
    FrameReader,
    FrameWriter,
    HandshakeError,
    NoiseError,
    ServerHandshake,
    Transport,
    client_intro,
    issue_cert_chain,
    messages,
)
from wacli.proto.handshake_pb2 import HandshakeMessage

ROOT = generate_key_pair()
SERVER = generate_key_pair()
CHAIN = issue_cert_chain(ROOT, SERVER.public)
PAYLOAD = b"\x08\x01client payload bytes"
CLIENT = generate_key_pair()


def make_client(server_static: bytes | None = None, **kw: object) -> ClientHandshake:
    return ClientHandshake(CLIENT, PAYLOAD, server_static=server_static, root_key=ROOT.public, **kw)


def run(client: ClientHandshake, server: ServerHandshake) -> None:
    """Relay messages between the two until both have completed."""
    reply = server.receive(client.start())
    assert reply is not None
    finish = client.receive(reply)
    if finish is not None:
        assert not server.complete
        assert server.receive(finish) is None
    assert client.complete and server.complete


def exchange_many(a: Transport, b: Transport, count: int = 300) -> None:
    for i in range(count):
        up = bytes([i % 256]) * (i * 7 % 1500)
        assert b.decrypt(a.encrypt(up)) == up
        if i % 3 == 0:  # the directions are independent: uneven traffic is fine
            down = b"reply %d" % i
            assert a.decrypt(b.encrypt(down)) == down
    assert a.send_counter == b.recv_counter == count
    assert b.send_counter == a.recv_counter == (count + 2) // 3


def test_xx_handshake_completes_and_carries_keys_and_payload() -> None:
    client = make_client()
    server = ServerHandshake(SERVER, CHAIN)
    run(client, server)
    assert client.pattern == server.pattern == XX
    assert server.payload == PAYLOAD
    assert server.client_static == CLIENT.public
    assert client.server_static == SERVER.public
    assert client.cert_chain is not None
    assert client.cert_chain.leaf.key == SERVER.public
    assert client.server_payload == CHAIN
    exchange_many(client.transport, server.transport)


def test_xx_client_hello_carries_only_the_ephemeral() -> None:
    eph = generate_key_pair()
    client = ClientHandshake(generate_key_pair(), PAYLOAD, ephemeral=eph, root_key=ROOT.public)
    hello = messages.parse_client_hello(client.start())
    assert (hello.ephemeral, hello.static, hello.payload) == (eph.public, None, None)


def test_ik_resume_completes_in_one_round_trip() -> None:
    client = make_client(SERVER.public)
    server = ServerHandshake(SERVER, CHAIN)
    hello = client.start()
    parsed = messages.parse_client_hello(hello)
    assert parsed.static is not None and parsed.payload is not None
    reply = server.receive(hello)
    assert server.complete and server.pattern == IK
    assert server.payload == PAYLOAD
    assert server.client_static == CLIENT.public
    assert messages.parse_server_hello(reply).static is None
    assert client.receive(reply) is None
    assert client.complete and client.pattern == IK
    assert client.server_payload == CHAIN
    exchange_many(client.transport, server.transport)


def test_stale_server_key_falls_back_to_xx() -> None:
    rotated = generate_key_pair()
    client = make_client(SERVER.public)  # remembers the key before rotation
    server = ServerHandshake(rotated, issue_cert_chain(ROOT, rotated.public))
    run(client, server)
    assert client.pattern == server.pattern == XX_FALLBACK
    assert client.server_static == rotated.public
    assert client.cert_chain is not None and client.cert_chain.leaf.key == rotated.public
    assert server.payload == PAYLOAD
    exchange_many(client.transport, server.transport)


def test_server_that_declines_ik_answers_with_fallback() -> None:
    client = make_client(SERVER.public)
    server = ServerHandshake(SERVER, CHAIN, accept_ik=False)
    run(client, server)
    assert client.pattern == server.pattern == XX_FALLBACK


def test_fallback_still_verifies_the_new_chain() -> None:
    rotated = generate_key_pair()
    client = make_client(SERVER.public)
    server = ServerHandshake(rotated, issue_cert_chain(generate_key_pair(), rotated.public))
    with pytest.raises(CertificateError, match="root key"):
        client.receive(server.receive(client.start()))


def test_keys_differ_per_handshake_and_per_direction() -> None:
    a, b = make_client(), make_client()
    run(a, ServerHandshake(SERVER, CHAIN))
    run(b, ServerHandshake(SERVER, CHAIN))
    assert a.transport.encrypt(b"same") != b.transport.encrypt(b"same")
    c = make_client()
    server = ServerHandshake(SERVER, CHAIN)
    run(c, server)
    # What the client sends cannot be read with the client's own receive key.
    with pytest.raises(NoiseError):
        c.transport.decrypt(c.transport.encrypt(b"loop"))


def test_client_refuses_chain_from_another_root() -> None:
    client = make_client()
    server = ServerHandshake(SERVER, issue_cert_chain(generate_key_pair(), SERVER.public))
    with pytest.raises(CertificateError, match="not signed by the root key"):
        client.receive(server.receive(client.start()))
    assert not client.complete


def test_client_refuses_chain_for_another_key() -> None:
    client = make_client()
    server = ServerHandshake(SERVER, issue_cert_chain(ROOT, generate_key_pair().public))
    with pytest.raises(CertificateError, match="not the server's static key"):
        client.receive(server.receive(client.start()))


def test_client_refuses_expired_chain_by_its_clock() -> None:
    chain = issue_cert_chain(ROOT, SERVER.public, not_before=1000, not_after=2000)
    ok = make_client(now=1500)
    run(ok, ServerHandshake(SERVER, chain))
    late = make_client(now=2001)
    with pytest.raises(CertificateError, match="expired"):
        late.receive(ServerHandshake(SERVER, chain).receive(late.start()))


def test_production_root_is_the_default() -> None:
    client = ClientHandshake(generate_key_pair(), PAYLOAD)
    server = ServerHandshake(SERVER, CHAIN)
    with pytest.raises(CertificateError):
        client.receive(server.receive(client.start()))


def _tamper(message: bytes, part: str, field: str) -> bytes:
    msg = HandshakeMessage()
    msg.ParseFromString(message)
    sub = getattr(msg, part)
    value = bytearray(getattr(sub, field))
    value[len(value) // 2] ^= 0x01
    setattr(sub, field, bytes(value))
    return msg.SerializeToString()


@pytest.mark.parametrize("field", ["ephemeral", "static", "payload"])
def test_client_refuses_tampered_server_hello(field: str) -> None:
    client = make_client()
    reply = ServerHandshake(SERVER, CHAIN).receive(client.start())
    assert reply is not None
    with pytest.raises(HandshakeError):
        client.receive(_tamper(reply, "server_hello", field))
    with pytest.raises(HandshakeError, match="expected"):
        client.receive(reply)  # a failed handshake stays failed


@pytest.mark.parametrize("field", ["static", "payload"])
def test_server_refuses_tampered_client_finish(field: str) -> None:
    client = make_client()
    server = ServerHandshake(SERVER, CHAIN)
    finish = client.receive(server.receive(client.start()))
    assert finish is not None
    with pytest.raises(HandshakeError, match="fails authentication"):
        server.receive(_tamper(finish, "client_finish", field))
    assert not server.complete


def test_tampered_ik_server_hello_is_refused() -> None:
    client = make_client(SERVER.public)
    reply = ServerHandshake(SERVER, CHAIN).receive(client.start())
    assert reply is not None
    with pytest.raises(HandshakeError):
        client.receive(_tamper(reply, "server_hello", "payload"))


def test_tampered_ik_client_hello_makes_the_server_fall_back() -> None:
    client = make_client(SERVER.public)
    server = ServerHandshake(SERVER, CHAIN)
    hello = _tamper(client.start(), "client_hello", "payload")
    server.receive(hello)
    assert server.pattern == XX_FALLBACK and not server.complete


def test_prologue_is_part_of_the_transcript() -> None:
    client = make_client()
    server = ServerHandshake(SERVER, CHAIN, prologue=b"WA\x06\x02")
    with pytest.raises(HandshakeError, match="fails authentication"):
        client.receive(server.receive(client.start()))


@pytest.mark.parametrize(
    "ephemeral", [b"", b"\x01" * 31, b"\x01" * 33, bytes(32)], ids=["empty", "31", "33", "zero"]
)
def test_server_refuses_bad_client_ephemeral(ephemeral: bytes) -> None:
    server = ServerHandshake(SERVER, CHAIN)
    with pytest.raises(HandshakeError):
        server.receive(messages.client_hello(ephemeral))


def test_messages_out_of_order_are_refused() -> None:
    client = make_client()
    with pytest.raises(HandshakeError):
        client.receive(b"")  # before start()
    hello = client.start()
    with pytest.raises(NoiseError):
        client.start()
    with pytest.raises(NoiseError, match="not completed"):
        _ = client.transport
    server = ServerHandshake(SERVER, CHAIN)
    with pytest.raises(HandshakeError, match="ClientHello"):
        server.receive(messages.client_finish(b"x", b"y"))
    server = ServerHandshake(SERVER, CHAIN)
    server.receive(hello)
    with pytest.raises(HandshakeError, match="ClientFinish"):
        server.receive(hello)  # a second hello where the finish belongs


def test_server_hello_without_parts_is_refused() -> None:
    client = make_client()
    client.start()
    with pytest.raises(HandshakeError, match="lacks"):
        client.receive(messages.server_hello(generate_key_pair().public, None, b"x" * 40))


def _over_the_wire(client: ClientHandshake, server_key: KeyPair, routing: bytes | None) -> None:
    """Both sides framed as on a socket, the client's intro included."""
    c_out, c_in = FrameWriter(intro=client_intro(routing_info=routing)), FrameReader()
    s_out, s_in = FrameWriter(), FrameReader(expect_intro=True)
    wire = c_out.write(client.start())
    frames = []
    for i in range(len(wire)):  # one byte at a time
        frames += s_in.feed(wire[i : i + 1])
    assert s_in.header == b"WA\x06\x03" and s_in.routing_info == routing
    server = ServerHandshake(server_key, CHAIN, prologue=s_in.header)
    reply = server.receive(frames[0])
    assert reply is not None
    finish = client.receive(c_in.feed(s_out.write(reply))[0])
    if finish is not None:
        server.receive(s_in.feed(c_out.write(finish))[0])
    batch = b"".join(c_out.write(client.transport.encrypt(b"n%d" % i)) for i in range(5))
    assert [server.transport.decrypt(f) for f in s_in.feed(batch)] == [b"n%d" % i for i in range(5)]


@pytest.mark.parametrize("routing", [None, b"", b"\x08\x02\x10\x05"])
def test_handshake_over_frames(routing: bytes | None) -> None:
    _over_the_wire(make_client(), SERVER, routing)
    _over_the_wire(make_client(SERVER.public), SERVER, routing)
