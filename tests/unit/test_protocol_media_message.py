"""Media Message fields (wacli.protocol.media_message) and the client's reading of a
media_conn answer (wacli.client.media)."""

from __future__ import annotations

import pytest

from wacli.binary import Node
from wacli.client.media import MediaConnError, parse_media_conn, upload_token
from wacli.proto import e2e_pb2
from wacli.protocol.errors import MediaError
from wacli.protocol.media_crypto import decrypt_media, encrypt_media
from wacli.protocol.media_message import (
    kind_for_mimetype,
    media_message,
    media_ref,
    upload_segment,
)


@pytest.mark.parametrize(
    ("mimetype", "kind"),
    [
        ("image/jpeg", "image"),
        ("IMAGE/png", "image"),
        ("video/mp4", "video"),
        ("audio/ogg; codecs=opus", "audio"),
        ("application/pdf", "document"),
        ("text/plain", "document"),
        ("", "document"),
    ],
)
def test_kind_by_mimetype(mimetype: str, kind: str) -> None:
    assert kind_for_mimetype(mimetype) == kind


@pytest.mark.parametrize("kind", ["image", "video", "audio", "document", "sticker"])
def test_a_media_message_names_its_file(kind: str) -> None:
    encrypted = encrypt_media(b"file body " * 50, kind)
    message = media_message(
        kind, encrypted, "https://h/x", "/v/x", "a/b", caption="c", file_name="f.bin", timestamp=7
    )
    parsed = e2e_pb2.Message()
    parsed.ParseFromString(message.SerializeToString())
    ref = media_ref(parsed)
    assert ref is not None and ref.kind == kind
    assert (ref.url, ref.direct_path, ref.mimetype) == ("https://h/x", "/v/x", "a/b")
    assert ref.file_length == 500 and "media_key" not in repr(ref)
    plain = decrypt_media(
        encrypted.data, ref.media_key, ref.media_type, ref.file_enc_sha256, ref.file_sha256
    )
    assert plain == b"file body " * 50
    if kind == "document":
        assert parsed.document_message.file_name == "f.bin"
    assert upload_segment(kind) == ("image" if kind == "sticker" else kind)


def test_messages_without_a_file() -> None:
    assert media_ref(e2e_pb2.Message(conversation="hi")) is None
    keyless = e2e_pb2.Message()
    keyless.image_message.url = "https://h/x"
    assert media_ref(keyless) is None
    with pytest.raises(MediaError):
        media_message("hologram", encrypt_media(b"x", "image"), "u", "/p", "m")
    with pytest.raises(MediaError):
        upload_segment("hologram")


def test_media_conn_answers() -> None:
    good = Node(
        "iq",
        {"type": "result"},
        [
            Node(
                "media_conn",
                {"auth": "tok", "ttl": "300"},
                [
                    Node("host", {"hostname": "a:1", "maxContentLengthBytes": "99"}),
                    Node("host", {"hostname": "b"}),
                    Node("host", {}),
                ],
            )
        ],
    )
    conn = parse_media_conn(good, 10.0)
    assert [(h.hostname, h.max_bytes) for h in conn.hosts] == [("a:1", 99), ("b", None)]
    assert conn.fresh(309.0) and not conn.fresh(310.0)
    assert "tok" not in repr(conn)
    for bad in (
        Node("iq", {}, []),
        Node("iq", {}, [Node("media_conn", {"ttl": "1"}, [Node("host", {"hostname": "a"})])]),
        Node("iq", {}, [Node("media_conn", {"auth": "t"}, [])]),
    ):
        with pytest.raises(MediaConnError):
            parse_media_conn(bad, 0.0)


def test_upload_token_is_unpadded_base64url() -> None:
    assert upload_token(bytes(range(32))) == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
