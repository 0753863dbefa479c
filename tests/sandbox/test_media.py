"""The sandbox's media server over real TLS sockets: media_conn, upload with its hash and
auth checks, download by url and by direct path, the size limit, blobs kept across a
restart, and simulated phones that send media and open what they receive."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import os
import stat
from pathlib import Path
from urllib.parse import urlsplit

import anyio
import orjson
import pytest
from google.protobuf import json_format
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.companion import Session, account, linked_companion
from bench.local_sandbox import Running, served
from wacli.binary import Node
from wacli.client import http, media
from wacli.proto import e2e_pb2
from wacli.protocol.media_crypto import decrypt_media, encrypt_media
from wacli.protocol.media_message import media_message, media_ref
from wacli.sandbox.http import HttpError, Request
from wacli.sandbox.media import MediaStore, media_router

pytestmark = pytest.mark.anyio

ALICE, BOB = "15550001111", "15550002222"


async def media_conn(sandbox: Running, tmp_path: Path) -> Node:
    await account(sandbox, ALICE, "Alice")
    online = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    request = Node(
        "iq",
        {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": "w:m", "type": "set"},
        [Node("media_conn")],
    )
    answer = await online.session.query(request)
    await online.session.close()
    assert answer.attr("type") == "result"
    return answer.require_child("media_conn")


def token(data: bytes, padded: bool = False) -> str:
    text = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode()
    return text if padded else text.rstrip("=")


async def upload(
    host: str, ca: str, data: bytes, auth: str, *, kind: str = "image", name: str | None = None
) -> dict:
    name = name or token(data)
    url = f"https://{host}/mms/{kind}/{name}?auth={auth}&token={name}"
    response = await http.request("POST", url, body=data, context=http.tls_context(ca))
    return orjson.loads(response.body)


async def test_media_conn_upload_and_download(sandbox: Running, tmp_path: Path) -> None:
    conn = await media_conn(sandbox, tmp_path)
    (host,) = conn.children_named("host")
    hostname = host.require_attr("hostname")
    assert hostname.startswith("127.0.0.1:")
    assert int(conn.require_attr("ttl")) > 0 and int(host.require_attr("maxContentLengthBytes")) > 0
    ca = sandbox.endpoints.media_ca
    assert Path(ca).is_file()

    media = encrypt_media(b"a picture" * 1000, "image")
    answer = await upload(hostname, ca, media.data, conn.require_attr("auth"))
    assert answer["url"].startswith(f"https://{hostname}/")
    assert answer["direct_path"].startswith("/v/")
    context = http.tls_context(ca)
    for url in (answer["url"], f"https://{hostname}{answer['direct_path']}"):
        got = (await http.request("GET", url, context=context)).body
        assert got == media.data
        plain = decrypt_media(got, media.media_key, "image", media.digests.file_enc_sha256)
        assert plain == b"a picture" * 1000
    # whatsmeow keeps the base64 padding in the token; accepted the same.
    padded = await upload(
        hostname, ca, media.data, conn.require_attr("auth"), name=token(media.data, True)
    )
    assert padded["direct_path"] == answer["direct_path"]


async def test_uploads_are_checked(sandbox: Running, tmp_path: Path) -> None:
    conn = await media_conn(sandbox, tmp_path)
    hostname = conn.require_child("host").require_attr("hostname")
    auth, ca = conn.require_attr("auth"), sandbox.endpoints.media_ca
    data = encrypt_media(b"document body", "document").data

    with pytest.raises(http.HttpStatusError) as wrong_hash:  # token of other bytes
        await upload(hostname, ca, data, auth, name=token(b"something else"))
    assert wrong_hash.value.status == 400 and b"SHA-256" in wrong_hash.value.body
    with pytest.raises(http.HttpStatusError) as no_auth:
        await upload(hostname, ca, data, "not-issued")
    assert no_auth.value.status == 401
    with pytest.raises(http.HttpStatusError) as bad_token:
        await upload(hostname, ca, data, auth, name="bm90LWEtaGFzaA")
    assert bad_token.value.status == 400
    with pytest.raises(http.HttpStatusError) as bad_kind:
        await upload(hostname, ca, data, auth, kind="nonsense")
    assert bad_kind.value.status == 404

    answer = await upload(hostname, ca, data, auth, kind="document")
    tampered = answer["direct_path"].replace("oh=", "oh=x")
    with pytest.raises(http.HttpStatusError) as altered:
        await http.request("GET", f"https://{hostname}{tampered}", context=http.tls_context(ca))
    assert altered.value.status == 404
    # Verification is never off: without the sandbox's CA the certificate is not trusted.
    with pytest.raises(http.HttpConnectError, match="certificate"):
        await http.request("GET", answer["url"], context=http.tls_context())


async def test_an_upload_over_the_limit_is_413(sandbox: Running, tmp_path: Path) -> None:
    conn = await media_conn(sandbox, tmp_path)
    hostname = conn.require_child("host").require_attr("hostname")
    limit = int(conn.require_child("host").require_attr("maxContentLengthBytes"))
    host, port = hostname.rsplit(":", 1)
    name = token(b"x")
    head = (
        f"POST /mms/image/{name}?auth={conn.require_attr('auth')}&token={name} HTTP/1.1\r\n"
        f"Host: {hostname}\r\nContent-Length: {limit + 1}\r\n\r\n"
    ).encode()
    context = http.tls_context(sandbox.endpoints.media_ca)
    with anyio.fail_after(30):  # hang protection only
        async with await anyio.connect_tcp(
            host, int(port), tls=True, ssl_context=context, tls_standard_compatible=False
        ) as stream:
            await stream.send(head)  # the body never comes: the header alone is refused
            raw = b""
            while True:
                try:
                    raw += await stream.receive()
                except anyio.EndOfStream:
                    break
    status_line, _, rest = raw.partition(b"\r\n")
    assert status_line.split(b" ")[1] == b"413"
    error = orjson.loads(rest.partition(b"\r\n\r\n")[2])["error"]
    assert str(limit) in error


async def test_blobs_persist_across_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state"
    media = encrypt_media(b"kept" * 500, "video")
    async with served(state, privacy_tokens="off") as sandbox:
        conn = await media_conn(sandbox, tmp_path)
        hostname = conn.require_child("host").require_attr("hostname")
        answer = await upload(
            hostname, sandbox.endpoints.media_ca, media.data, conn.require_attr("auth")
        )
        ca_before = Path(sandbox.endpoints.media_ca).read_bytes()
    blobs = list((state / "media").glob("*.enc"))
    assert len(blobs) == 1 and stat.S_IMODE(blobs[0].stat().st_mode) == 0o600
    async with served(state, privacy_tokens="off") as sandbox:
        assert Path(sandbox.endpoints.media_ca).read_bytes() == ca_before  # the same CA
        status, _ = await sandbox.admin("GET", "/stats")
        assert status == 200
        admin_host = urlsplit(sandbox.endpoints.admin_url).hostname
        # The new listener has a new port; the direct path still names the blob.
        conn2 = await media_conn_again(sandbox, tmp_path)
        new_host = conn2.require_child("host").require_attr("hostname")
        assert new_host.split(":")[0] == admin_host
        got = await http.request(
            "GET",
            f"https://{new_host}{answer['direct_path']}",
            context=http.tls_context(sandbox.endpoints.media_ca),
        )
        assert got.body == media.data


async def media_conn_again(sandbox: Running, tmp_path: Path) -> Node:
    """media_conn from a second companion (the account exists already)."""
    online = await linked_companion(sandbox, ALICE, tmp_path / "a2")
    request = Node(
        "iq",
        {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": "w:m", "type": "set"},
        [Node("media_conn")],
    )
    answer = await online.session.query(request)
    await online.session.close()
    return answer.require_child("media_conn")


async def test_phones_send_media_and_open_what_they_get(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    picture = os.urandom(3000)
    body = {
        "to": ALICE,
        "image": {
            "data": base64.b64encode(picture).decode(),
            "mimetype": "image/png",
            "caption": "look",
        },
    }
    status, sent = await sandbox.admin("POST", f"/accounts/{BOB}/send", body)
    assert status == 200, sent
    document = tmp_path / "report.pdf"
    document.write_bytes(b"%PDF-1.4 " + os.urandom(5000))
    body = {"to": ALICE, "document": {"path": str(document), "mimetype": "application/pdf"}}
    status, sent2 = await sandbox.admin("POST", f"/accounts/{BOB}/send", body)
    assert status == 200, sent2

    status, inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    assert status == 200
    image, pdf = inbox
    assert image["id"] == sent["id"] and image["media_kind"] == "image"
    assert image["media_sha256"] == hashlib.sha256(picture).hexdigest()
    assert image["media_size"] == len(picture)
    assert image["message"]["imageMessage"]["caption"] == "look"
    assert image["message"]["imageMessage"]["mimetype"] == "image/png"
    assert pdf["media_sha256"] == hashlib.sha256(document.read_bytes()).hexdigest()
    assert pdf["message"]["documentMessage"]["fileName"] == "report.pdf"

    bad = [
        {"to": ALICE, "image": {"data": "%%%"}},
        {"to": ALICE, "image": "not an object"},
        {"to": ALICE, "image": {"data": "", "mimetype": 5}},
        {"to": ALICE, "image": {"path": str(tmp_path / "missing.png")}},
        {"to": ALICE, "image": {"data": ""}, "document": {"data": ""}},
    ]
    for request in bad:
        status, error = await sandbox.admin("POST", f"/accounts/{BOB}/send", request)
        assert status == 400, (request, error)


async def test_a_media_message_whose_file_is_wrong_shows_the_error(sandbox: Running) -> None:
    """A client that announced a file it never uploaded (or another file) is caught."""
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    picture = encrypt_media(b"real", "image")
    other = encrypt_media(b"other", "image")
    # Upload ``other`` through a phone, then announce ``picture``'s keys with its path.
    body = {"to": BOB, "image": {"data": base64.b64encode(b"other").decode()}}
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/send", body)
    assert status == 200
    _, bob_inbox = await sandbox.admin("GET", f"/accounts/{BOB}/inbox")
    path = bob_inbox[0]["message"]["imageMessage"]["directPath"]
    forged = {
        "imageMessage": {
            "directPath": path,
            "url": bob_inbox[0]["message"]["imageMessage"]["url"],
            "mediaKey": base64.b64encode(picture.media_key).decode(),
            "fileSha256": base64.b64encode(picture.digests.file_sha256).decode(),
            "fileEncSha256": base64.b64encode(other.digests.file_enc_sha256).decode(),
        }
    }
    status, _ = await sandbox.admin(
        "POST", f"/accounts/{ALICE}/send", {"to": BOB, "message": forged}
    )
    assert status == 200
    _, bob_inbox = await sandbox.admin("GET", f"/accounts/{BOB}/inbox")
    assert "media_sha256" not in bob_inbox[1] and bob_inbox[1]["media_error"]


async def test_the_client_downloads_and_checks_a_file(sandbox: Running) -> None:
    """wacli.client.media.download: the phone's image comes back whole; a wrong key or an
    unknown path are typed errors."""
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    picture = os.urandom(10_000)
    body = {"to": ALICE, "image": {"data": base64.b64encode(picture).decode()}}
    assert (await sandbox.admin("POST", f"/accounts/{BOB}/send", body))[0] == 200
    _, inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    message = json_format.ParseDict(inbox[0]["message"], e2e_pb2.Message())
    ref = media_ref(message)
    assert ref is not None
    ca = sandbox.endpoints.media_ca
    assert await media.download(ref, media_ca=ca) == picture
    by_path_only = dataclasses.replace(ref, url="")
    host = urlsplit(ref.url).netloc
    assert await media.download(by_path_only, media_ca=ca, hosts=(host,)) == picture
    with pytest.raises(media.MediaIntegrityError):
        await media.download(dataclasses.replace(ref, media_key=bytes(32)), media_ca=ca)
    gone = dataclasses.replace(ref, direct_path=ref.direct_path.replace("oh=", "oh=x"), url="")
    with pytest.raises(http.HttpStatusError):
        await media.download(gone, media_ca=ca, hosts=(host,))
    with pytest.raises(media.MediaFailure):
        await media.download(dataclasses.replace(ref, url="", direct_path=""), media_ca=ca)


class CompanionIq:
    """What MediaClient needs of a connection (``iq``), over a linked companion's session;
    ``stale`` first answers carry an auth token the server never issued."""

    def __init__(self, session: Session, stale: int = 0) -> None:
        self.session = session
        self.stale = stale
        self.asked = 0

    async def iq(self, xmlns: str, type_: str, content: list[Node]) -> Node:
        self.asked += 1
        attrs = {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": xmlns, "type": type_}
        answer = await self.session.query(Node("iq", attrs, content))
        if self.stale > 0:
            self.stale -= 1
            answer.require_child("media_conn").attrs["auth"] = "expired"
        return answer


async def test_media_client_caches_media_conn_and_renews_a_refused_token(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    online = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    conn = CompanionIq(online.session, stale=1)
    client = media.MediaClient(conn, sandbox.endpoints.media_ca)  # type: ignore[arg-type]
    first = encrypt_media(b"one" * 100, "image")
    uploaded = await client.upload(first, "image")  # 401 with the stale token, then renewed
    assert conn.asked == 2
    second = encrypt_media(b"two" * 100, "document")
    again = await client.upload(second, "document")  # the cached answer is reused
    assert conn.asked == 2 and again.direct_path != uploaded.direct_path
    ref = media_ref(media_message("image", first, uploaded.url, uploaded.direct_path, "image/jpeg"))
    assert ref is not None
    assert await media.download(ref, media_ca=sandbox.endpoints.media_ca) == b"one" * 100

    # Twice refused: the second 401 is the caller's, typed.
    refused = media.MediaClient(CompanionIq(online.session, stale=2), sandbox.endpoints.media_ca)  # type: ignore[arg-type]
    with pytest.raises(http.HttpStatusError) as caught:
        await refused.upload(first, "image")
    assert caught.value.status == 401
    # Over the host's advertised limit: refused before anything is sent.
    limit = (await client.media_conn()).hosts[0].max_bytes
    assert limit is not None
    huge = dataclasses.replace(first, data=bytes(limit + 1))
    with pytest.raises(media.MediaTooLarge):
        await client.upload(huge, "image")
    await online.session.close()


async def test_a_phone_sends_media_to_a_group(sandbox: Running) -> None:
    await account(sandbox, ALICE, "Alice")
    await account(sandbox, BOB, "Bob")
    body = {"subject": "pictures", "creator": BOB, "participants": [ALICE]}
    status, group = await sandbox.admin("POST", "/groups", body)
    assert status == 201, group
    picture = os.urandom(7000)
    body = {"from": BOB, "image": {"data": base64.b64encode(picture).decode()}}
    status, sent = await sandbox.admin("POST", f"/groups/{group['jid']}/send", body)
    assert status == 200, sent
    _, inbox = await sandbox.admin("GET", f"/accounts/{ALICE}/inbox")
    (entry,) = [e for e in inbox if e["id"] == sent["id"]]
    assert entry["chat"] == group["jid"]
    assert entry["media_sha256"] == hashlib.sha256(picture).hexdigest()


@settings(max_examples=300, deadline=None)
@given(
    method=st.sampled_from(["GET", "POST"]),
    path=st.one_of(
        st.text(max_size=80).map(lambda t: "/" + t),
        st.builds(
            lambda kind, token: f"/mms/{kind}/{token}",
            st.sampled_from(["image", "document", "x"]),
            st.text(max_size=60),
        ),
        st.builds(lambda name: f"/v/t62.7118-24/{name}", st.text(max_size=80)),
    ),
    query=st.dictionaries(st.sampled_from(["auth", "token", "oh"]), st.text(max_size=50)),
    body=st.binary(max_size=200),
)
def test_media_routes_answer_bad_requests_with_4xx(
    tmp_path_factory: pytest.TempPathFactory, method: str, path: str, query: dict, body: bytes
) -> None:
    """Whatever arrives, the media handlers answer or raise HttpError (a 4xx), nothing else."""
    store = MediaStore(tmp_path_factory.mktemp("fuzz"), max_bytes=1000)
    query = {**query, "auth": store.issue_auth()} if "auth" in query else query
    router = media_router(store)

    async def dispatch() -> None:
        try:
            response = await router.dispatch(Request(method, path, query, {}, body))
        except HttpError as exc:
            assert 400 <= exc.status < 500
        else:
            assert response.status == 200

    anyio.run(dispatch)
