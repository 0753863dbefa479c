"""wacli.client.http against a real TLS socket that answers whatever a test scripts: good
answers in each framing, and every bad one ends in the module's own typed error."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

import anyio
import pytest
from anyio.abc import ByteStream
from anyio.streams.buffered import BufferedByteReceiveStream
from anyio.streams.tls import TLSStream
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wacli.client import http
from wacli.sandbox.media_tls import MediaTls, ensure_media_tls

pytestmark = pytest.mark.anyio


@pytest.fixture
def tls(tmp_path: Path) -> MediaTls:
    return ensure_media_tls(tmp_path / "tls", ["127.0.0.1", "localhost"])


@asynccontextmanager
async def answering(tls: MediaTls, reply: bytes | None) -> AsyncIterator[str]:
    """A one-shot https server on loopback sending ``reply`` (None: never answers)."""
    context = tls.server_context()
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)

    async def handle(stream: ByteStream) -> None:
        try:
            secure = await TLSStream.wrap(
                stream, server_side=True, ssl_context=context, standard_compatible=False
            )
        except (OSError, anyio.BrokenResourceError, anyio.EndOfStream):
            return
        async with secure:
            buffered = BufferedByteReceiveStream(secure)
            head = await buffered.receive_until(b"\r\n\r\n", 65536)
            length = next(
                (
                    int(v)
                    for k, _, v in (line.partition(b":") for line in head.split(b"\r\n"))
                    if k.lower() == b"content-length"
                ),
                0,
            )
            await buffered.receive_exactly(length)
            if reply is None:
                await anyio.sleep_forever()
            await secure.send(reply)

    async with listener, anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, handle)
        port = listener.extra(anyio.abc.SocketAttribute.local_port)
        yield f"https://127.0.0.1:{port}/path?q=1"
        tg.cancel_scope.cancel()


async def fetch(tls: MediaTls, reply: bytes | None, **kwargs: object) -> http.HttpResponse:
    """POST to a server answering ``reply``; its error is raised outside the task group."""
    outcome: http.HttpResponse | http.HttpError
    async with answering(tls, reply) as url:
        try:
            with anyio.fail_after(30):  # hang protection only
                outcome = await http.request(
                    "POST",
                    url,
                    body=b"x" * 100_000,
                    context=http.tls_context(str(tls.ca_path)),
                    **kwargs,  # type: ignore[arg-type]
                )
        except http.HttpError as exc:
            outcome = exc
    if isinstance(outcome, http.HttpError):
        raise outcome
    return outcome


@pytest.mark.parametrize(
    "reply",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
        b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"2\r\nhe\r\n3;x=1\r\nllo\r\n0\r\n\r\n",
        b"HTTP/1.0 200 OK\r\nX: y\r\n\r\nhello",
    ],
    ids=["length", "chunked", "until-close"],
)
async def test_answers_in_each_framing(tls: MediaTls, reply: bytes) -> None:
    response = await fetch(tls, reply)
    assert 200 <= response.status < 300 and response.body == b"hello"


async def test_a_status_error_keeps_status_and_body(tls: MediaTls) -> None:
    with pytest.raises(http.HttpStatusError) as caught:
        await fetch(tls, b'HTTP/1.1 413 Too Large\r\nContent-Length: 11\r\n\r\n{"error":1}')
    assert caught.value.status == 413 and caught.value.body == b'{"error":1}'
    assert caught.value.code == 413  # a RefusedError too, for the CLI's exit code


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (b"NOT HTTP\r\n\r\n", http.HttpError),
        (b"HTTP/1.1 2000 OK\r\n\r\n", http.HttpError),
        (b"HTTP/1.1 200 OK\r\nno colon\r\n\r\n", http.HttpError),
        (b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", http.HttpError),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 999999999999\r\n\r\n", http.HttpError),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", http.HttpError),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd", http.HttpError),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort", http.HttpConnectError),
        (b"HTTP/1.1 200 OK\r\n" + b"X: " + b"a" * 70_000, http.HttpError),
        (b"", http.HttpConnectError),
    ],
)
async def test_bad_answers_are_typed_errors(
    tls: MediaTls, reply: bytes, error: type[Exception]
) -> None:
    with pytest.raises(error):
        await fetch(tls, reply, max_response=1 << 20)


async def test_an_oversized_body_is_refused(tls: MediaTls) -> None:
    with pytest.raises(http.HttpError, match="over"):
        await fetch(tls, b"HTTP/1.1 200 OK\r\n\r\n" + b"z" * 5000, max_response=1000)


async def test_silence_is_a_timeout(tls: MediaTls) -> None:
    with pytest.raises(http.HttpTimeout):
        await fetch(tls, None, timeout=0.5)


async def test_certificates_are_verified(tls: MediaTls, tmp_path: Path) -> None:
    other = ensure_media_tls(tmp_path / "other", ["127.0.0.1"])
    async with answering(tls, b"HTTP/1.1 200 OK\r\n\r\n") as url:
        for context in (http.tls_context(str(other.ca_path)), http.tls_context()):
            with pytest.raises(http.HttpConnectError, match="certificate"):
                await http.request("GET", url, context=context)
        named = url.replace("127.0.0.1", "localhost")  # also among the certificate's names
        response = await http.request("GET", named, context=http.tls_context(str(tls.ca_path)))
        assert response.status == 200
    # The right CA, but a certificate for another name than the one connected to.
    only_localhost = ensure_media_tls(tls.ca_path.parent, ["localhost"])
    async with answering(only_localhost, b"HTTP/1.1 200 OK\r\n\r\n") as url:
        with pytest.raises(http.HttpConnectError, match="certificate"):
            await http.request("GET", url, context=http.tls_context(str(tls.ca_path)))


async def test_bad_urls_and_unreachable_hosts(tls: MediaTls, tmp_path: Path) -> None:
    with pytest.raises(http.HttpError, match="https"):
        await http.request("GET", "http://127.0.0.1/x")
    with pytest.raises(http.HttpError):
        await http.request("GET", "https://127.0.0.1:99999/x")
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    await listener.aclose()  # nothing listens there now
    with pytest.raises(http.HttpConnectError):
        await http.request("GET", f"https://127.0.0.1:{port}/x")
    with pytest.raises(http.HttpConnectError, match="CA file"):
        http.tls_context(str(tmp_path / "no-such-ca.pem"))
    assert isinstance(http.tls_context(), ssl.SSLContext)


class _Bytes(anyio.abc.ByteReceiveStream):
    def __init__(self, data: bytes) -> None:
        self._data = data

    async def receive(self, max_bytes: int = 65536) -> bytes:
        if not self._data:
            raise anyio.EndOfStream
        chunk, self._data = self._data[:max_bytes], self._data[max_bytes:]
        return chunk

    async def aclose(self) -> None:
        self._data = b""


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.builds(
            lambda head, rest: b"HTTP/1.1 200 OK\r\n" + head + b"\r\n\r\n" + rest,
            st.sampled_from(
                [b"Content-Length: 3", b"Transfer-Encoding: chunked", b"X: y", b"Content-Length: x"]
            ),
            st.binary(max_size=100),
        ),
    )
)
def test_response_parser_fuzz(data: bytes) -> None:
    """Any bytes: a response or an error that request() turns into an HttpError."""

    async def parse() -> None:
        exchange, _ = http._start("GET", "127.0.0.1", "/", {}, b"")
        with suppress(http.HttpError, anyio.EndOfStream, anyio.IncompleteRead):
            await http._read_response(_Bytes(data), exchange, 1000)

    anyio.run(parse)
