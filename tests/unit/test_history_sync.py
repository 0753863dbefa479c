"""History sync pieces without a network: the payload codec and its bounds (wacli.protocol
.history), the on-demand request both ways, and the client hook writing chunks into the
archive (idempotent, typed refusals, only from our own phone)."""

from __future__ import annotations

import contextlib
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.accounts import made_up_account
from wacli.client import events as ev
from wacli.client.history import HistorySyncHook, backfill_request
from wacli.jid import parse_jid
from wacli.proto import e2e_pb2, history_sync_pb2
from wacli.protocol.history import (
    Blob,
    HistorySyncError,
    OnDemandRequest,
    compress_history,
    history_notification,
    inflate_history,
    notification_message,
    on_demand_message,
    on_demand_request,
)
from wacli.store import Store
from wacli.store.archive import Archive

ME = "15550000001:2@s.whatsapp.net"
CAROL = "15550000009@s.whatsapp.net"
GROUP = "120363000000000001@g.us"
SyncType = history_sync_pb2.HistorySync.HistorySyncType
pytestmark = pytest.mark.anyio


def chunk(sync_type: int = SyncType.RECENT) -> history_sync_pb2.HistorySync:
    sync = history_sync_pb2.HistorySync(sync_type=sync_type, chunk_order=3, progress=40)
    chat = sync.conversations.add(id=CAROL, name="Carol")
    for n, from_me in enumerate((False, True, False)):
        info = chat.messages.add().message
        info.key.remote_jid, info.key.from_me, info.key.id = CAROL, from_me, f"M{n}"
        info.message.conversation = f"text {n}"
        info.message_timestamp = 1_700_000_000 + n
    group = sync.conversations.add(id=GROUP)
    info = group.messages.add().message
    info.key.remote_jid, info.key.id, info.key.participant = GROUP, "G0", CAROL
    info.message.extended_text_message.text = "in the group"
    info.message_timestamp = 1_700_000_100
    bad = sync.conversations.add(id="not a jid@@")  # skipped, not fatal
    bad.messages.add().message.key.id = "X"
    sync.pushnames.add(id=CAROL, pushname="Caro")
    return sync


# -- the payload ---------------------------------------------------------------------------


def test_payload_round_trip_and_notification_fields() -> None:
    sync = chunk()
    message = notification_message(sync, inline=compress_history(sync), request_id="REQ")
    note = history_notification(message)
    assert note is not None and note.sync_type == SyncType.RECENT
    assert (note.chunk_order, note.progress, note.peer_data_request_session_id) == (3, 40, "REQ")
    assert note.oldest_msg_in_chunk_timestamp_sec == 1_700_000_000
    assert inflate_history(note.initial_hist_bootstrap_inline_payload) == sync
    blob = Blob("/v/t62/x", b"k" * 32, b"s" * 32, b"e" * 32, 99)
    note = history_notification(notification_message(sync, blob=blob))
    assert note is not None and not note.HasField("initial_hist_bootstrap_inline_payload")
    assert (note.direct_path, note.file_length) == ("/v/t62/x", 99)
    with pytest.raises(ValueError):
        notification_message(sync)
    assert history_notification(e2e_pb2.Message(conversation="hi")) is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not zlib at all",
        zlib.compress(b"\xff\xff\xff\xff")[:-3],  # truncated
        zlib.compress(b"\x0a\xff\xff\xff\xff\x0f"),  # a field that runs past the end
        zlib.compress(b"x" * 10_000) + b"trailing",
    ],
)
def test_bad_payloads_are_typed_errors(data: bytes) -> None:
    with pytest.raises(HistorySyncError):
        inflate_history(data)


def test_a_zlib_bomb_stops_at_the_bound() -> None:
    bomb = zlib.compress(b"\x00" * (4 * 1024 * 1024))
    with pytest.raises(HistorySyncError, match="beyond"):
        inflate_history(bomb, limit=1024 * 1024)


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_random_bytes_only_ever_give_history_sync_error(data: bytes) -> None:
    for payload in (data, zlib.compress(data)):
        with contextlib.suppress(HistorySyncError):
            inflate_history(payload)


def test_on_demand_request_both_ways() -> None:
    request = OnDemandRequest(CAROL, 25, "M0", True, 1_700_000_000_000)
    message = on_demand_message(request)
    op = message.protocol_message.peer_data_operation_request_message
    assert op.peer_data_operation_request_type == e2e_pb2.Message.HISTORY_SYNC_ON_DEMAND
    assert on_demand_request(e2e_pb2.Message.FromString(message.SerializeToString())) == request
    assert on_demand_request(on_demand_message(OnDemandRequest(CAROL, 5))) == OnDemandRequest(
        CAROL, 5
    )
    assert on_demand_request(e2e_pb2.Message(conversation="x")) is None


# -- the client hook -------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "me")
    store.save_account(made_up_account(ME))
    return store


def info(sender: str = "15550000001@s.whatsapp.net", from_me: bool = True) -> ev.MessageInfo:
    jid = parse_jid(sender)
    return ev.MessageInfo(
        id="3A00",
        chat=jid.to_non_ad(),
        sender=jid,
        is_from_me=from_me,
        is_group=False,
        is_bot=False,
        timestamp=datetime.now(UTC),
        push_name=None,
        category="peer",
    )


async def test_hook_archives_a_chunk_once_and_emits_counts(store: Store) -> None:
    hook = HistorySyncHook(store)
    sync = chunk()
    message = notification_message(sync, inline=compress_history(sync))
    for _ in range(2):  # delivered again: the archive does not change
        events = await hook(info(), message)
        assert events == (
            ev.HistorySync(
                sync_type="RECENT", progress=40, chunk_order=3, conversations=3, messages=4
            ),
        )
    archive = Archive(store)
    rows = archive.messages(CAROL, limit=10)
    assert [(r.id, r.text, r.from_me, r.sender) for r in rows] == [
        ("M2", "text 2", False, CAROL),
        ("M1", "text 1", True, "15550000001@s.whatsapp.net"),
        ("M0", "text 0", False, CAROL),
    ]
    (group_row,) = archive.messages(GROUP, limit=10)
    assert (group_row.sender, group_row.text) == (CAROL, "in the group")
    chat = archive.chat(CAROL)
    assert chat is not None and chat.name == "Carol"
    contact = archive.contact(CAROL)
    assert contact is not None and contact.push_name == "Caro"
    assert backfill_request(store, CAROL, 10) == OnDemandRequest(
        CAROL, 10, "M0", False, 1_700_000_000_000
    )
    assert backfill_request(store, "15550000123@s.whatsapp.net", 7) == OnDemandRequest(
        "15550000123@s.whatsapp.net", 7
    )


async def test_hook_refuses_bad_and_foreign_chunks(store: Store) -> None:
    hook = HistorySyncHook(store)
    bad = notification_message(chunk(), inline=b"\x78\x9c garbage")
    assert await hook(info(), bad) == ()
    sync = chunk()
    good = notification_message(sync, inline=compress_history(sync))
    # Not from our own phone: another account, or one of our companions (device 2).
    assert await hook(info("15550000009@s.whatsapp.net", from_me=False), good) == ()
    assert await hook(info("15550000001:2@s.whatsapp.net"), good) == ()
    no_payload = e2e_pb2.Message()
    no_payload.protocol_message.type = e2e_pb2.ProtocolMessage.HISTORY_SYNC_NOTIFICATION
    no_payload.protocol_message.history_sync_notification.sync_type = SyncType.RECENT
    assert await hook(info(), no_payload) == ()
    assert await hook(info(), e2e_pb2.Message(conversation="plain")) == ()
    assert Archive(store).messages(CAROL, limit=10) == []


async def test_hook_answers_the_waiting_backfill(store: Store) -> None:
    hook = HistorySyncHook(store)
    sync = chunk(SyncType.ON_DEMAND)
    message = notification_message(sync, inline=compress_history(sync), request_id="REQ9")
    await hook(info(), message)
    stored = await hook.wait_answer("REQ9")
    assert (stored.sync_type, stored.messages, stored.added) == ("ON_DEMAND", 4, 4)
