"""Every Event type serialises to a line that the published JSON Schema accepts."""

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import orjson
import pytest

from wacli.client import events as ev

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "events.schema.json").read_text()
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
T = datetime(2026, 11, 25, 10, 0, 0, tzinfo=UTC)
CHAT = "15551234567@s.whatsapp.net"
INFO = ev.MessageInfo("3EB0A1", CHAT, CHAT, False, False, False, T, "Alice", None)
SOURCE = ev.MessageSource(CHAT, CHAT, False, False)
LOCATION = {"latitude": 1.5, "longitude": 2.5, "name": None, "address": None, "live": False}

SAMPLES: list[ev.Event] = [
    ev.Connected(),
    ev.Disconnected("server closed"),
    ev.StreamReplaced(),
    ev.StreamError("515", None),
    ev.ConnectFailure("logged_out", 401, None),
    ev.TemporaryBan(101, 3600),
    ev.ClientOutdated(),
    ev.LoggedOut(True, "401"),
    ev.PairingQrCode("2@abc,def,ghi,jkl", 60),
    ev.PairingCode("ABCD1234", 180),
    ev.PairSuccess("15551234567:3@s.whatsapp.net", "123456789:3@lid", None, "CHROME"),
    ev.PairError(None, None, None, None, "adv signature mismatch"),
    ev.QrScannedWithoutMultidevice(),
    ev.MessageEvent(INFO, {"conversation": "hi"}, "hi"),
    ev.MessageEvent(INFO, {"location_message": {}}, None, "location", LOCATION),
    ev.PollVote(INFO, "3EB0A0", CHAT, ("Tea",)),
    ev.ChannelMessage(
        "120363000000000009@newsletter", 7, "3EB0A4", T, {"conversation": "hi"}, "hi"
    ),
    ev.StatusUpdate(
        "3EB0A3", CHAT, False, T, "Al", {"extended_text_message": {"text": "hi"}}, "hi"
    ),
    ev.Receipt(SOURCE, ("3EB0A1", "3EB0A2"), T, "read", None),
    ev.UndecryptableMessage(INFO, False, None, "show"),
    ev.Notification(ev.NodeData("notification", {"type": "x"}, [ev.NodeData("y", {}, b"\x01")])),
    ev.ChatPresence(SOURCE, "composing", "text"),
    ev.Presence(CHAT, False, None),
    ev.PictureUpdate(CHAT, CHAT, T, None),
    ev.UserAboutUpdate(CHAT, "busy", T),
    ev.PushNameUpdate(CHAT, INFO, "Al", "Alice"),
    ev.SelfPushNameUpdated(True, None, "Me"),
    ev.JoinedGroup({"id": "120363000000000001@g.us"}),
    ev.GroupInfoUpdate("120363000000000001@g.us", {"subject": "x"}),
    ev.ContactUpdate(CHAT, T, {"full_name": "Alice"}, False),
    ev.PinUpdate(CHAT, T, {"pinned": True}, False),
    ev.MuteUpdate(CHAT, T, {"muted": True}, True),
    ev.ArchiveUpdate(CHAT, T, {"archived": True}, False),
    ev.MarkChatAsReadUpdate(CHAT, T, {"read": True}, False),
    ev.StarUpdate(CHAT, T, {"starred": True}, False, "3EB0A1", True, None),
    ev.DeleteForMeUpdate(CHAT, T, {"delete_media": True}, False, "3EB0A1", False, CHAT),
    ev.HistorySync("INITIAL_BOOTSTRAP", 50, 1, 3, 120),
    ev.OfflineSyncPreview(10, 1, 5, 2, 2),
    ev.OfflineSyncCompleted(10),
    ev.DeviceListUpdate(CHAT, None, "add", (CHAT,), None, None),
    ev.MediaSaved(CHAT, "3EB0A1", "/home/me/saved/3EB0A1.jpg", "image/jpeg", 3, "ab" * 32),
    ev.IdentityChange(CHAT, T, True),
    ev.MessageRefused("3EB0A1", CHAT, 463, "no privacy token"),
    ev.BusinessStatusUpdate(CHAT, "verified_name", T, None, None, None, None, None, None),
    ev.BlocklistUpdate((ev.BlocklistChange(CHAT, "block"),), "c2FuZGJveA=="),
    ev.PrivacySettingsUpdate({"last-seen": "contacts"}),
    ev.CallOffer(CHAT, "CA11", CHAT, T, True, True, "120363000000000001@g.us"),
    ev.CallAccept(CHAT, "CA11", CHAT, T),
    ev.CallReject(CHAT, "CA11", CHAT, None),
    ev.CallTerminate(CHAT, "CA11", CHAT, T, "timeout"),
]


def test_every_event_type_has_a_sample_and_the_schema_knows_them_all() -> None:
    assert {type(s).type for s in SAMPLES} == set(ev.EVENT_TYPES)
    assert set(SCHEMA["properties"]["type"]["enum"]) == set(ev.EVENT_TYPES)


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: type(e).type)
def test_line_is_valid_ndjson_for_the_schema(event: ev.Event) -> None:
    line = event.line()
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    record = orjson.loads(line)
    errors = [e.message for e in VALIDATOR.iter_errors(record)]
    assert not errors
    assert record["ts"].endswith("Z")


def test_renamed_keys_and_bytes() -> None:
    receipt = orjson.loads(ev.Receipt(SOURCE, ("a",), T, "read", None).line())["data"]
    assert receipt["type"] == "read" and "type_" not in receipt
    presence = orjson.loads(ev.Presence(CHAT, True, T).line())["data"]
    assert presence["from"] == CHAT and presence["last_seen"] == "2026-11-25T10:00:00Z"
    node = orjson.loads(ev.Notification(ev.NodeData("n", {}, b"\xff\x00")).line())["data"]["node"]
    assert node["content"] == "/wA="


def test_missing_fields_are_null_not_absent() -> None:
    data = orjson.loads(ev.PairError(None, None, None, None, "x").line())["data"]
    assert data == {"id": None, "lid": None, "business_name": None, "platform": None, "error": "x"}
