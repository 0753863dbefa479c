"""Message kinds between wacli and an unmodified Baileys over the sandbox: each side
decodes what the other sends. A location, a contact card, a sticker and a view-once photo
from wacli reach Baileys as those messages (the sticker's file as Baileys downloads it),
and Baileys' own reach `wacli listen` as typed messages with their fields.

Polls: Baileys' poll reaches `wacli listen` as a typed ``poll``, and `wacli send --vote`
on it opens in Baileys' decryptPollVote / getAggregateVotesInPollMessage as our choice;
wacli's single-choice poll reaches Baileys as a pollCreationMessageV3 with its secret (a
multi-choice one as a pollCreationMessage, as Baileys sends them), and the vote
Baileys seals with Baileys' own HMAC and AES-GCM helpers reaches `wacli listen` as a
``poll_vote`` naming the option.

Disappearing messages: wacli's 1:1 timer reaches Baileys as its chat's
ephemeralExpiration and wacli's next message carries it; Baileys' own timer
(``disappearingMessagesInChat``) reaches `wacli listen` and is honoured; in a group Baileys
made, wacli's timer shows in Baileys' groupMetadata and Baileys' groupToggleEphemeral
reaches `wacli listen` as a ``group_info_update``.

wacli writes first: the sandbox, like WhatsApp, refuses a 1:1 message to an account
whose privacy token the sender lacks, and wacli's first send gives Baileys ours."""

# ruff: noqa: F811 (the tests take the fixtures imported from client_baileys_support)
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from tests.client.support import Lines, Wacli, run, stop, valid, wait_until
from tests.interop.baileys import Baileys, nothing_pending
from tests.interop.client_baileys_support import (  # noqa: F401 (fixtures)
    BAILEYS_PHONE,
    WACLI_PHONE,
    peers,
    sandbox,
)
from wacli.sandbox.process import SandboxProcess

Peers = tuple[Baileys, dict, Path, dict]
BAILEYS_JID = f"{BAILEYS_PHONE}@s.whatsapp.net"
# The smallest shape of a WebP file: RIFF, its length, WEBP, one VP8L chunk.
WEBP = (
    b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00"
    b"\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
)


@pytest.fixture(scope="module")
def acquainted(sandbox: SandboxProcess, peers: Peers) -> Peers:
    """``peers`` once each holds the other's privacy token: wacli's first send is refused
    (463) and gives Baileys our token, with which Baileys writes to us."""
    baileys, _, store, wacli_account = peers
    code, _, err = run(store, sandbox.url, sandbox.root_key, "send", BAILEYS_PHONE, "hello")
    assert code == 6 and "error 463" in err, err
    wait_until(lambda: nothing_pending(sandbox, BAILEYS_PHONE), "Baileys to take our token")
    lines = listen(sandbox, store)
    try:
        back = baileys.call("send_text", to=wacli_account["jid"], text="hello back")
        message_line(lines, back["id"])  # with it came Baileys' token
    finally:
        stop(lines)
    return peers


def listen(sandbox: SandboxProcess, store: Path) -> Lines:
    lines = Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen"))
    lines.next_of("connected")
    return lines


def message_line(lines: Lines, message_id: str) -> dict:
    while True:
        line = lines.next_of("message")
        if line["data"]["info"]["id"] == message_id:
            return valid(line)["data"]


def test_our_poll_and_baileys_vote(sandbox: SandboxProcess, acquainted: Peers) -> None:
    baileys, _, store, _ = acquainted
    lines = listen(sandbox, store)
    try:
        code, out, err = run(
            store, sandbox.url, sandbox.root_key, "send", BAILEYS_JID,
            "--poll", "Which day?", "--option", "Sat", "--option", "Sun", "--json",
        )  # fmt: skip
        assert code == 0, err
        poll_id = json.loads(out)["id"]
        got = baileys.call("wait_content", id=poll_id, timeout_ms=20000)["message"]
        created = got["pollCreationMessageV3"]
        assert created["name"] == "Which day?"
        assert [o["optionName"] for o in created["options"]] == ["Sat", "Sun"]
        assert got["messageContextInfo"]["messageSecret"]
        vote = baileys.call("vote", id=poll_id, options=["Sun"])
        line = valid(lines.next_of("poll_vote"))["data"]
        assert (line["poll_id"], line["options"]) == (poll_id, ["Sun"])
        assert line["voter"] == BAILEYS_JID and line["info"]["id"] == vote["id"]
    finally:
        stop(lines)


def test_baileys_poll_and_our_vote(sandbox: SandboxProcess, acquainted: Peers) -> None:
    baileys, _, store, wacli_account = acquainted
    lines = listen(sandbox, store)
    try:
        poll = baileys.call(
            "send_poll", to=wacli_account["jid"], name="Tea or coffee?", values=["Tea", "Coffee"],
            selectable=1,
        )  # fmt: skip
        shown = message_line(lines, poll["id"])
        assert shown["kind"] == "poll"
        assert shown["details"] == {
            "question": "Tea or coffee?",
            "options": ["Tea", "Coffee"],
            "selectable": 1,
        }
    finally:
        stop(lines)
    code, _, err = run(
        store, sandbox.url, sandbox.root_key,
        "send", BAILEYS_JID, "--vote", poll["id"], "--option", "Coffee",
    )  # fmt: skip
    assert code == 0, err
    tally = baileys.call("poll_votes", id=poll["id"], timeout_ms=20000)["options"]
    # Baileys names a voter by the key's alternate JID: our LID.
    assert {o["name"]: o["voters"] for o in tally} == {"Tea": [], "Coffee": [wacli_account["lid"]]}


def test_our_kinds_reach_baileys(
    sandbox: SandboxProcess, acquainted: Peers, tmp_path: Path
) -> None:
    baileys, _, store, _ = acquainted
    sticker, photo = tmp_path / "wave.webp", tmp_path / "once.jpg"
    sticker.write_bytes(WEBP)
    photo.write_bytes(b"\xff\xd8\xff" + bytes(3000))
    sends = {
        "location": ("--location", "48.8584,2.2945", "--name", "Eiffel Tower"),
        "contact": ("--contact", "Ann Lee,+15550007399"),
        "sticker": ("--sticker", str(sticker)),
        "once": ("--file", str(photo), "--view-once"),
    }
    ca = ("--media-ca", sandbox.endpoints["media_ca"])
    got = {}
    for name, args in sends.items():
        code, out, err = run(store, sandbox.url, sandbox.root_key, "send", BAILEYS_JID, *ca, *args)
        assert code == 0, err
        got[name] = baileys.call("wait_content", id=out.decode().strip(), timeout_ms=20000)
    place = got["location"]["message"]["locationMessage"]
    assert (place["degreesLatitude"], place["degreesLongitude"], place["name"]) == (
        48.8584,
        2.2945,
        "Eiffel Tower",
    )
    card = got["contact"]["message"]["contactMessage"]
    assert card["displayName"] == "Ann Lee" and "waid=15550007399" in card["vcard"]
    assert got["sticker"]["message"]["stickerMessage"]["mimetype"] == "image/webp"
    file = baileys.call("download_media", id=got["sticker"]["key"]["id"], timeout_ms=20000)
    assert file["sha256"] == hashlib.sha256(WEBP).hexdigest()
    once = got["once"]["message"]["viewOnceMessageV2"]["message"]["imageMessage"]
    assert once["viewOnce"] is True


def test_baileys_kinds_reach_listen(sandbox: SandboxProcess, acquainted: Peers) -> None:
    baileys, _, store, wacli_account = acquainted
    to = wacli_account["jid"]
    vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Max Moe\nTEL;waid=15550007398:+15550007398\nEND:VCARD"
    lines = listen(sandbox, store)
    try:
        place = {"degreesLatitude": 35.6586, "degreesLongitude": 139.7454, "name": "Tower"}
        ids = {
            "location": baileys.call("send_content", to=to, content={"location": place})["id"],
            "contact": baileys.call(
                "send_content",
                to=to,
                content={"contacts": {"displayName": "Max Moe", "contacts": [{"vcard": vcard}]}},
            )["id"],
        }
        data = base64.b64encode(WEBP).decode()
        ids["sticker"] = baileys.call(
            "send_media", to=to, kind="sticker", data=data, mimetype="image/webp"
        )["id"]
        jpeg = base64.b64encode(b"\xff\xd8\xff" + bytes(3000)).decode()
        ids["once"] = baileys.call(
            "send_media", to=to, kind="image", data=jpeg, mimetype="image/jpeg", view_once=True
        )["id"]
        shown = {name: message_line(lines, message_id) for name, message_id in ids.items()}
    finally:
        stop(lines)
    assert shown["location"]["kind"] == "location"
    assert shown["location"]["details"] == {
        "latitude": 35.6586,
        "longitude": 139.7454,
        "name": "Tower",
        "address": None,
        "live": False,
    }
    assert shown["contact"]["kind"] == "contact"
    assert shown["contact"]["details"]["contacts"] == [{"display_name": "Max Moe", "vcard": vcard}]
    assert shown["sticker"]["kind"] == "sticker"
    assert shown["sticker"]["details"]["mimetype"] == "image/webp"
    assert shown["once"]["kind"] == "image"
    assert shown["once"]["details"] == {"mimetype": "image/jpeg", "view_once": True}


def test_disappearing_both_ways(sandbox: SandboxProcess, acquainted: Peers) -> None:
    baileys, _, store, wacli_account = acquainted
    week, day = 604_800, 86_400
    code, out, err = run(
        store, sandbox.url, sandbox.root_key, "chat", "disappearing", BAILEYS_JID, "7d"
    )
    assert code == 0, err
    update = baileys.call(
        "wait_chat_update", jid=wacli_account["jid"], field="ephemeralExpiration", timeout_ms=20000
    )["update"]
    assert update["ephemeralExpiration"] == week
    lines = listen(sandbox, store)
    try:
        code, out, err = run(store, sandbox.url, sandbox.root_key, "send", BAILEYS_JID, "a week")
        assert code == 0, err
        got = baileys.call("wait_content", id=out.decode().strip(), timeout_ms=20000)
        assert got["message"]["extendedTextMessage"]["contextInfo"]["expiration"] == week
        change = baileys.call(
            "send_content", to=wacli_account["jid"], content={"disappearingMessagesInChat": day}
        )
        shown = message_line(lines, change["id"])
        assert shown["details"] == {"disappearing_seconds": day}
        code, out, err = run(store, sandbox.url, sandbox.root_key, "send", BAILEYS_JID, "a day")
        assert code == 0, err
        got = baileys.call("wait_content", id=out.decode().strip(), timeout_ms=20000)
        assert got["message"]["extendedTextMessage"]["contextInfo"]["expiration"] == day
        group = baileys.call(
            "group_create", subject="Fleeting", participants=[wacli_account["jid"]]
        )
        jid = group["metadata"]["id"]
        code, _, err = run(store, sandbox.url, sandbox.root_key, "chat", "disappearing", jid, "90d")
        assert code == 0, err
        metadata = baileys.call("group_metadata", jid=jid)["metadata"]
        assert metadata["ephemeralDuration"] == 7_776_000
        baileys.call("group_ephemeral", jid=jid, seconds=0)
        changes = []  # ours first, then Baileys'
        while len(changes) < 2:
            line = valid(lines.next_of("group_info_update"))["data"]
            if line["update"]["type"] in ("not_ephemeral", "ephemeral"):
                changes.append((line["jid"], line["update"]["type"]))
        assert changes == [(jid, "ephemeral"), (jid, "not_ephemeral")]
    finally:
        stop(lines)
