"""Random and mutated input to every parser of wacli.noise: only NoiseError may come out."""

from __future__ import annotations

import contextlib
import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wacli.crypto import generate_key_pair
from wacli.noise import (
    CertificateError,
    ClientHandshake,
    DecryptError,
    FrameError,
    FrameReader,
    HandshakeError,
    NoiseError,
    ServerHandshake,
    Transport,
    encode_frame,
    issue_cert_chain,
    verify_cert_chain,
)

ROOT = generate_key_pair()
SERVER = generate_key_pair()
CHAIN = issue_cert_chain(ROOT, SERVER.public)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for pos, value in edits:
        if out:
            out[pos % len(out)] = value
    return bytes(out[:cut]) if cut is not None else bytes(out)


MUTATIONS = st.tuples(
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4),
    st.one_of(st.none(), st.integers(0, 400)),
)


def split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    bounds = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(bounds)]


@FUZZ
@given(st.lists(st.binary(max_size=64), max_size=8), st.booleans(), st.integers(0, 300))
def test_frame_reader_random_bytes(chunks: list[bytes], intro: bool, limit: int) -> None:
    reader = FrameReader(expect_intro=intro, max_size=limit)
    total = 0
    try:
        for chunk in chunks:
            for frame in reader.feed(chunk):
                assert len(frame) <= limit
                total += len(frame) + 3
    except FrameError:
        return
    assert reader.buffered <= sum(map(len, chunks)) - total


@FUZZ
@given(st.lists(st.binary(max_size=300), max_size=6), st.lists(st.integers(0, 5000), max_size=10))
def test_frame_reader_any_split_gives_the_same_frames(
    payloads: list[bytes], cuts: list[int]
) -> None:
    stream = b"WA\x06\x03" + b"".join(encode_frame(p) for p in payloads)
    reader = FrameReader(expect_intro=True)
    got = [frame for part in split(stream, cuts) for frame in reader.feed(part)]
    assert got == payloads and reader.buffered == 0


@FUZZ
@given(st.binary(max_size=400))
@example(b"\x0b" * 100_000)  # groups nested far beyond any parser's depth limit
@example(b"\x12\xff\xff\xff\xff\x0f")  # a length running far past the end
def test_server_handshake_random_first_message(data: bytes) -> None:
    with contextlib.suppress(HandshakeError):
        ServerHandshake(SERVER, CHAIN).receive(data)


def _client(server_static: bytes | None = None) -> ClientHandshake:
    return ClientHandshake(
        generate_key_pair(), b"payload", server_static=server_static, root_key=ROOT.public
    )


@FUZZ
@given(st.binary(max_size=400), st.booleans())
def test_client_handshake_random_server_hello(data: bytes, ik: bool) -> None:
    client = _client(SERVER.public if ik else None)
    client.start()
    try:
        client.receive(data)
    except NoiseError:
        assert not client.complete


@FUZZ
@given(MUTATIONS, st.booleans())
def test_mutated_handshake_messages(mutation: tuple, ik: bool) -> None:
    client = _client(SERVER.public if ik else None)
    server = ServerHandshake(SERVER, CHAIN)
    hello = client.start()
    try:
        reply = server.receive(mutate(hello, *mutation))
    except HandshakeError:
        return
    assert reply is not None
    try:
        finish = client.receive(mutate(reply, *mutation))
    except NoiseError:
        return
    if finish is not None and not server.complete:
        try:
            server.receive(mutate(finish, *mutation))
        except HandshakeError:
            return


@FUZZ
@given(st.binary(max_size=300))
def test_server_handshake_random_client_finish(data: bytes) -> None:
    server = ServerHandshake(SERVER, CHAIN)
    server.receive(_client().start())
    try:
        server.receive(data)
    except HandshakeError:
        assert not server.complete


@FUZZ
@given(st.one_of(st.binary(max_size=400), MUTATIONS.map(lambda m: mutate(CHAIN, *m))))
@example(b"\x13" * 50_000)
def test_cert_chain_random_and_mutated(data: bytes) -> None:
    try:
        info = verify_cert_chain(data, SERVER.public, root_key=ROOT.public)
    except CertificateError:
        return
    assert info.leaf.key == SERVER.public  # only an intact chain may pass


@FUZZ
@given(st.binary(max_size=200))
def test_transport_random_frames(data: bytes) -> None:
    try:
        Transport(bytes(32), bytes(range(32))).decrypt(data)
    except DecryptError:
        return
    raise AssertionError("random bytes authenticated")
