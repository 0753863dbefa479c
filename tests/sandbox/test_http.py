"""The sandbox's HTTP server, over real loopback sockets."""

import anyio
import orjson
import pytest

from wacli.sandbox.http import (
    HttpError,
    Request,
    Response,
    Router,
    listener_port,
    open_listener,
    serve,
)

pytestmark = pytest.mark.anyio


async def _exchange(port: int, raw: bytes) -> tuple[int, bytes]:
    async with await anyio.connect_tcp("127.0.0.1", port) as stream:
        await stream.send(raw)
        data = b""
        while True:
            try:
                data += await stream.receive()
            except anyio.EndOfStream:
                break
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def _router() -> Router:
    router = Router()

    async def echo(request: Request) -> Response:
        return Response.json({"phone": request.params["phone"], "body": request.json()}, 201)

    async def refuse(request: Request) -> Response:
        raise HttpError(409, "already there")

    async def broken(request: Request) -> Response:
        raise RuntimeError("bug")

    router.add("POST", "/admin/accounts/{phone}/send", echo)
    router.add("GET", "/admin/conflict", refuse)
    router.add("GET", "/admin/broken", broken)
    return router


async def test_routes_json_and_errors() -> None:
    listener = await open_listener("127.0.0.1", 0)
    port = listener_port(listener)
    async with anyio.create_task_group() as tg:
        tg.start_soon(serve, listener, _router(), 1024)
        body = b'{"text":"hi"}'
        status, reply = await _exchange(
            port,
            b"POST /admin/accounts/1555/send HTTP/1.1\r\nHost: t\r\nContent-Length: %d\r\n\r\n%s"
            % (len(body), body),
        )
        assert status == 201
        assert orjson.loads(reply) == {"phone": "1555", "body": {"text": "hi"}}
        assert (await _exchange(port, b"GET /admin/nope HTTP/1.1\r\nHost: t\r\n\r\n"))[0] == 404
        wrong_method = b"GET /admin/accounts/1/send HTTP/1.1\r\nHost: t\r\n\r\n"
        assert (await _exchange(port, wrong_method))[0] == 405
        status, reply = await _exchange(port, b"GET /admin/conflict HTTP/1.1\r\nHost: t\r\n\r\n")
        assert (status, orjson.loads(reply)) == (409, {"error": "already there"})
        assert (await _exchange(port, b"GET /admin/broken HTTP/1.1\r\nHost: t\r\n\r\n"))[0] == 500
        assert (await _exchange(port, b"garbage\r\n\r\n"))[0] == 400
        # HTTP/1.1 requires Host (h11 holds the server to it)
        assert (await _exchange(port, b"GET /admin/conflict HTTP/1.1\r\n\r\n"))[0] == 400
        big = b"POST /admin/accounts/1/send HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n"
        assert (await _exchange(port, big))[0] == 413
        bad_json = b"POST /admin/accounts/1/send HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{{"
        assert (await _exchange(port, bad_json))[0] == 400
        # the server is still up after all of that
        status, _ = await _exchange(port, b"GET /admin/conflict HTTP/1.1\r\nHost: t\r\n\r\n")
        assert status == 409
        tg.cancel_scope.cancel()
