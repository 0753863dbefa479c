"""wacli.client.appstate_write without a server: the mutations each chat action becomes
(the index, collection, action version and fields WhatsApp uses), the --for durations,
and a built patch that the protocol core's own decoder verifies back to the same records
and state (the sandbox and Baileys verify the same bytes in the end-to-end tests)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wacli.cli.chat import mute_seconds
from wacli.client.appstate_write import FOREVER, AppStateWriter, chat_change
from wacli.jid import parse_jid
from wacli.protocol.appstate_crypto import AppStateHash, Operation, expand_app_state_keys
from wacli.protocol.appstate_patch import decode_patch
from wacli.store import Store
from wacli.store.appstate_tables import AppStateKeyRecord

BOB = parse_jid("15550002222@s.whatsapp.net")
GROUP = parse_jid("120363000000000001@g.us")
NOW = 1_700_000_000_000


def test_each_action_is_the_record_whatsapp_writes() -> None:
    pin = chat_change("pin", BOB, now_ms=NOW)
    assert pin.collection == "regular_low" and len(pin.mutations) == 1
    (m,) = pin.mutations
    assert (m.operation, m.index, m.api_version) == (Operation.SET, ["pin_v1", str(BOB)], 5)
    assert m.action.timestamp == NOW and m.action.pin_action.pinned is True
    assert chat_change("unpin", GROUP, now_ms=NOW).mutations[0].action.pin_action.pinned is False

    mute = chat_change("mute", BOB, now_ms=NOW, mute_for=7 * 86400)
    (m,) = mute.mutations
    assert mute.collection == "regular_high" and (m.index, m.api_version) == (["mute", str(BOB)], 2)
    assert m.action.mute_action.muted is True
    assert m.action.mute_action.mute_end_timestamp == mute.mute_end == NOW + 7 * 86400 * 1000
    forever = chat_change("mute", BOB, now_ms=NOW, mute_for=None)
    assert forever.mutations[0].action.mute_action.mute_end_timestamp == FOREVER == -1
    unmute = chat_change("unmute", BOB, now_ms=NOW)
    action = unmute.mutations[0].action.mute_action
    assert action.muted is False and not action.HasField("mute_end_timestamp")
    assert unmute.mute_end is None

    archive = chat_change("archive", BOB, now_ms=NOW, last_message_at=1_699_999_000)
    assert archive.collection == "regular_low"
    first, unpin = archive.mutations  # archiving unpins, as the phone does
    assert (first.index, first.api_version) == (["archive", str(BOB)], 3)
    assert first.action.archive_chat_action.archived is True
    assert first.action.archive_chat_action.message_range.last_message_timestamp == 1_699_999_000
    assert unpin.index == ["pin_v1", str(BOB)] and unpin.action.pin_action.pinned is False
    assert len(chat_change("unarchive", BOB, now_ms=NOW).mutations) == 1

    for action, read in (("read", True), ("unread", False)):
        change = chat_change(action, BOB, now_ms=NOW)
        (m,) = change.mutations
        assert (m.index, m.api_version) == (["markChatAsRead", str(BOB)], 3)
        assert m.action.mark_chat_as_read_action.read is read
        # Without an archived message, the range ends now.
        assert m.action.mark_chat_as_read_action.message_range.last_message_timestamp == NOW // 1000

    with pytest.raises(ValueError, match="unknown chat action"):
        chat_change("star", BOB)


def test_an_ad_jid_becomes_its_chat() -> None:
    device = parse_jid("15550002222:3@s.whatsapp.net")
    assert chat_change("pin", device).mutations[0].index == ["pin_v1", str(BOB)]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30m", 1800), ("8h", 28800), ("2d", 172800), ("1w", 604800), ("45s", 45), ("forever", None)],
)
def test_mute_durations(text: str, seconds: int | None) -> None:
    assert mute_seconds(text) == seconds


@pytest.mark.parametrize("text", ["", "8", "0h", "-1h", "1y", "8 h", "h", "99999w", "1.5h"])
def test_bad_mute_durations(text: str) -> None:
    with pytest.raises(ValueError, match="--for"):
        mute_seconds(text)


def test_a_built_patch_verifies_back_to_what_the_writer_keeps(tmp_path: Path) -> None:
    key_id, key = os.urandom(6), os.urandom(32)
    with Store(tmp_path / "store") as store:
        with store.transaction():
            store.save_app_state_key(AppStateKeyRecord(key_id, key, NOW))
        writer = AppStateWriter(store)
        change = chat_change("archive", BOB, now_ms=NOW)
        based_on, patch, new, kept = writer.build(change)
    assert based_on == 0 and new.version == 1

    keys = expand_app_state_keys(key)
    patch.version.version = 1  # what the server stamps on it
    state, decoded = decode_patch(
        "regular_low", patch, AppStateHash(), lambda k: keys if k == key_id else None
    )
    assert (state.version, state.hash, state.value_macs) == (new.version, new.hash, new.value_macs)
    assert decoded == kept
    assert [d.index for d in decoded] == [m.index for m in change.mutations]
