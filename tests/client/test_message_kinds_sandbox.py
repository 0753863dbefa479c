"""Locations, contact cards, stickers and view-once media through the real sandbox:
`wacli send` builds each as WhatsApp's apps do (what the phone decrypts), a phone's
reach `wacli listen` as typed messages with their fields (``kind``, ``details``), and
`wacli history` shows them; what the apps would not send is refused with exit 2."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.conversation import Listener, history, phone_received, phone_sends
from tests.client.support import new_account, run
from wacli.sandbox.process import SandboxProcess

ME, BOB = "15550007311", "15550007312"
BOB_JID = f"{BOB}@s.whatsapp.net"
# The smallest shape of a WebP file: RIFF, its length, WEBP, one VP8L chunk.
WEBP = (
    b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00"
    b"\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
)


@pytest.fixture(scope="module")
def store(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kinds") / "me"
    pair(sandbox, path, ME)
    new_account(sandbox, BOB, "Bob")
    return path


def send(sandbox: SandboxProcess, store: Path, *args: str) -> tuple[int, str, str]:
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    code, out, err = run(store, sandbox.url, sandbox.root_key, "send", BOB, *ca, *args)
    return code, out.decode().strip(), err


def test_we_send_each_kind(sandbox: SandboxProcess, store: Path, tmp_path: Path) -> None:
    code, place, err = send(
        sandbox, store, "--location", "52.3731,4.8922", "--name", "Dam", "--address", "Amsterdam"
    )
    assert code == 0, err
    assert phone_received(sandbox, BOB, place)["message"]["locationMessage"] == {
        "degreesLatitude": 52.3731,
        "degreesLongitude": 4.8922,
        "name": "Dam",
        "address": "Amsterdam",
    }
    code, card, err = send(sandbox, store, "--contact", "Ann Lee,+1 555 000 7399")
    assert code == 0, err
    contact = phone_received(sandbox, BOB, card)["message"]["contactMessage"]
    assert contact["displayName"] == "Ann Lee"
    assert "FN:Ann Lee" in contact["vcard"] and "waid=15550007399:+15550007399" in contact["vcard"]
    vcf = tmp_path / "zoe.vcf"
    vcf.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Zoe Roe\nTEL:+15550007398\nEND:VCARD\n")
    code, from_file, err = send(sandbox, store, "--contact-vcard", str(vcf))
    assert code == 0, err
    assert (
        phone_received(sandbox, BOB, from_file)["message"]["contactMessage"]["displayName"]
        == "Zoe Roe"
    )
    sticker = tmp_path / "wave.webp"
    sticker.write_bytes(WEBP)
    code, stuck, err = send(sandbox, store, "--sticker", str(sticker))
    assert code == 0, err
    entry = phone_received(sandbox, BOB, stuck)
    assert entry["message"]["stickerMessage"]["mimetype"] == "image/webp"
    assert (entry["media_kind"], entry["media_sha256"]) == (
        "sticker",
        hashlib.sha256(WEBP).hexdigest(),
    )
    photo = tmp_path / "once.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(4000))
    code, once, err = send(sandbox, store, "--file", str(photo), "--view-once")
    assert code == 0, err
    wrapped = phone_received(sandbox, BOB, once)["message"]["viewOnceMessageV2"]["message"]
    assert wrapped["imageMessage"]["viewOnce"] is True
    rows = {row["id"]: row for row in history(sandbox, store, BOB)}
    assert (rows[place]["type"], rows[place]["text"]) == ("location", "Dam")
    assert (rows[card]["type"], rows[card]["text"]) == ("contact", "Ann Lee")
    assert rows[stuck]["type"] == "sticker" and rows[once]["type"] == "image"


def test_phone_kinds_reach_listen(sandbox: SandboxProcess, store: Path) -> None:
    vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Max Moe\nEND:VCARD"
    sent = {
        "location": {
            "locationMessage": {"degreesLatitude": -33.8568, "degreesLongitude": 151.2153,
                                "name": "Opera House"},
        },
        "contact": {"contactMessage": {"displayName": "Max Moe", "vcard": vcard}},
        "sticker": {"stickerMessage": {"mimetype": "image/webp", "isAnimated": True}},
        "once": {
            "viewOnceMessageV2": {
                "message": {"imageMessage": {"mimetype": "image/jpeg", "viewOnce": True}}
            }
        },
    }  # fmt: skip
    listener = Listener(sandbox, store)
    try:
        ids = {name: phone_sends(sandbox, BOB, ME, message) for name, message in sent.items()}
        shown = {name: listener.message(message_id) for name, message_id in ids.items()}
    finally:
        listener.close()
    assert shown["location"]["kind"] == "location"
    assert shown["location"]["details"] == {
        "latitude": -33.8568,
        "longitude": 151.2153,
        "name": "Opera House",
        "address": None,
        "live": False,
    }
    assert shown["contact"]["kind"] == "contact"
    assert shown["contact"]["details"] == {
        "contacts": [{"display_name": "Max Moe", "vcard": vcard}]
    }
    assert shown["sticker"]["kind"] == "sticker"
    assert shown["sticker"]["details"] == {
        "mimetype": "image/webp",
        "view_once": False,
        "animated": True,
    }
    assert shown["once"]["kind"] == "image"
    assert shown["once"]["details"] == {"mimetype": "image/jpeg", "view_once": True}
    rows = {row["id"]: row for row in history(sandbox, store, BOB)}
    assert (rows[ids["location"]]["type"], rows[ids["location"]]["text"]) == (
        "location",
        "Opera House",
    )
    assert rows[ids["contact"]]["text"] == "Max Moe"


def test_refused_kinds(sandbox: SandboxProcess, store: Path, tmp_path: Path) -> None:
    """What WhatsApp's apps would not send is refused with exit 2 and nothing sent."""
    not_webp = tmp_path / "fake.webp"
    not_webp.write_bytes(b"GIF89a" + bytes(40))
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4" + bytes(40))
    cases = [
        (("--location", "91,0"), "off the globe"),
        (("--location", "north"), "LAT,LON"),
        (("--name", "Dam"), "--name is for --location"),
        (("--contact", "Ann"), "NAME,PHONE"),
        (("--contact", "Ann,12"), "phone number"),
        (("--contact", "Ann,\u0661\u0662\u0663\u0664\u0665\u0666"), "phone number"),
        (("--sticker", str(not_webp)), "no WebP"),
        (("--file", str(pdf), "--view-once"), "no photo or video"),
        (("--view-once", "hi"), "--view-once is for --file"),
        (("--location", "1,2", "--contact", "Ann,+15550007399"), "only one of"),
    ]
    for args, words in cases:
        code, _, err = send(sandbox, store, *args)
        assert code == 2 and words in err, (args, err)
