"""History sync from the simulated phone, over real sockets: the bootstrap a new companion
gets after its first login (INITIAL_BOOTSTRAP, PUSH_NAME, RECENT), history pushed through
the admin API (inline and as an encrypted blob on the media server), and on-demand
backfill answered by the phone with older messages of one chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.companion import Companion, Session, account, ack, connect, link, settle
from bench.local_sandbox import Running
from tests.sandbox.support import inline
from wacli.binary import Node
from wacli.client import http
from wacli.proto import e2e_pb2, history_sync_pb2
from wacli.protocol.history import (
    HISTORY_MEDIA_TYPE,
    OnDemandRequest,
    inflate_history,
    on_demand_message,
)
from wacli.protocol.media_crypto import decrypt_media

pytestmark = pytest.mark.anyio

ALICE, BOB, CAROL = "15550003001", "15550003002", "15550003009"
HSType = history_sync_pb2.HistorySync.HistorySyncType


def chat_of(n: int) -> list[dict]:
    return [
        {"id": f"CAROL{i:03d}", "text": f"c{i}", "timestamp": 1_700_000_000 + i} for i in range(n)
    ]


async def carol_history(sandbox: Running, n: int, **extra: object) -> dict:
    body = {"conversations": [{"id": CAROL, "name": "Carol", "messages": chat_of(n)}]}
    status, answer = await sandbox.admin("POST", f"/accounts/{ALICE}/history", body | extra)
    assert status == 200, answer
    return answer


async def next_history(companion: Companion, session: Session) -> tuple[Node, e2e_pb2.Message]:
    """The next message from the phone, decrypted: it must announce a history chunk."""
    node = await session.receive_tag("message")
    assert node.attr("category") == "peer" and node.attr("from") == f"{ALICE}@s.whatsapp.net"
    message = companion.decrypt(node)
    assert message.protocol_message.type == e2e_pb2.ProtocolMessage.HISTORY_SYNC_NOTIFICATION
    await ack(session, node)
    return node, message


def texts(conversation: history_sync_pb2.Conversation) -> list[str]:
    return [m.message.message.conversation for m in conversation.messages]


async def linked(sandbox: Running, companion: Companion) -> Session:
    await link(sandbox, companion, ALICE)
    session, _, _ = await connect(sandbox, companion)
    return session


async def test_bootstrap_after_first_login(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    bob = await account(sandbox, BOB, "Bob")
    for text in ("hi alice", "are you there"):
        status, _ = await sandbox.admin(
            "POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": text}
        )
        assert status == 200
    answer = await carol_history(sandbox, 60)
    assert answer == {"conversations": 1, "messages": 60, "added": 60, "sent": []}

    companion = Companion(tmp_path / "c", inline_history=True)
    session = await linked(sandbox, companion)
    _, first = await next_history(companion, session)
    boot = inline(first)
    assert boot.sync_type == HSType.INITIAL_BOOTSTRAP and boot.chunk_order == 0
    chats = {c.id: c for c in boot.conversations}
    assert set(chats) == {bob["jid"], f"{CAROL}@s.whatsapp.net"}
    assert texts(chats[bob["jid"]]) == ["are you there", "hi alice"]  # newest first
    assert not any(m.message.key.from_me for m in chats[bob["jid"]].messages)
    carol = chats[f"{CAROL}@s.whatsapp.net"]
    assert carol.name == "Carol" and texts(carol) == [f"c{i}" for i in range(59, 39, -1)]
    assert carol.messages[0].message.key.id == "CAROL059"
    assert carol.messages[0].message.message_timestamp == 1_700_000_059

    _, second = await next_history(companion, session)
    names = inline(second)
    assert names.sync_type == HSType.PUSH_NAME
    assert [(p.id, p.pushname) for p in names.pushnames] == [(bob["jid"], "Bob")]

    _, third = await next_history(companion, session)
    recent = inline(third)
    assert recent.sync_type == HSType.RECENT and recent.progress == 100
    assert [texts(c) for c in recent.conversations] == [[f"c{i}" for i in range(39, 9, -1)]]

    # Only the first login gets it: a second one has nothing new.
    await settle(session)
    await session.close()
    session, _, queued = await connect(sandbox, companion)
    await settle(session)
    assert not [n for n in session.skipped if n.tag == "message"]
    for node in queued:  # what else the phone queued at linking (its app-state keys)
        message = companion.decrypt(node)
        assert not message.protocol_message.HasField("history_sync_notification")
    await session.close()


async def test_no_bootstrap_without_inline_support(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    await carol_history(sandbox, 3)
    session = await linked(sandbox, Companion(tmp_path / "c"))  # DeviceProps without it
    await settle(session)
    assert not [n for n in session.skipped if n.tag == "message"]
    await session.close()


async def test_admin_push_inline_and_as_blob(sandbox: Running, tmp_path: Path) -> None:
    await account(sandbox, ALICE, "Alice")
    companion = Companion(tmp_path / "c", inline_history=True)
    session = await linked(sandbox, companion)
    await settle(session)  # a phone without chats sends no bootstrap
    assert not [n for n in session.skipped if n.tag == "message"]

    answer = await carol_history(sandbox, 3)
    assert answer["added"] == 3 and [s["device"] for s in answer["sent"]] == [1]
    node, pushed = await next_history(companion, session)
    assert node.attr("id") == answer["sent"][0]["id"]
    sync = inline(pushed)
    assert sync.sync_type == HSType.RECENT
    assert [texts(c) for c in sync.conversations] == [["c2", "c1", "c0"]]
    again = await carol_history(sandbox, 3)  # the phone knew them: nothing new, sent again
    assert again["added"] == 0 and len(again["sent"]) == 1
    await next_history(companion, session)

    answer = await carol_history(sandbox, 5, blob=True, sync_type="FULL", chunk_order=7)
    _, pushed = await next_history(companion, session)
    note = pushed.protocol_message.history_sync_notification
    assert not note.HasField("initial_hist_bootstrap_inline_payload")
    assert note.sync_type == HSType.FULL and note.chunk_order == 7
    blob = await download(sandbox, session, note.direct_path)
    plain = decrypt_media(
        blob, note.media_key, HISTORY_MEDIA_TYPE, note.file_enc_sha256, note.file_sha256
    )
    assert len(plain) == note.file_length
    assert [texts(c) for c in inflate_history(plain).conversations] == [
        ["c4", "c3", "c2", "c1", "c0"]
    ]
    await session.close()


async def download(sandbox: Running, session: Session, direct_path: str) -> bytes:
    """GET a blob from the media host media_conn names, over TLS checked with the sandbox CA."""
    iq = Node("iq", {"id": "mc1", "xmlns": "w:m", "type": "set", "to": "s.whatsapp.net"})
    iq.content = [Node("media_conn")]
    conn = await session.query(iq)
    host = conn.require_child("media_conn").require_child("host").require_attr("hostname")
    context = http.tls_context(sandbox.endpoints.media_ca)
    return (await http.request("GET", f"https://{host}{direct_path}", context=context)).body


async def test_on_demand_request_is_answered_with_older_messages(
    sandbox: Running, tmp_path: Path
) -> None:
    await account(sandbox, ALICE, "Alice")
    await carol_history(sandbox, 60)
    companion = Companion(tmp_path / "c", inline_history=True)
    session = await linked(sandbox, companion)
    _, boot = await next_history(companion, session)
    await next_history(companion, session)  # RECENT (no push names: Carol has no account)
    oldest = inline(boot).conversations[0].messages  # the companion's oldest so far: c40
    assert oldest[-1].message.key.id == "CAROL040"

    async def ask(request: OnDemandRequest, request_id: str) -> history_sync_pb2.HistorySync:
        enc = companion.encrypt(ALICE, 0, None, on_demand_message(request).SerializeToString())
        await session.send(
            Node(
                "message",
                {
                    "id": request_id,
                    "to": f"{ALICE}@s.whatsapp.net",
                    "type": "text",
                    "category": "peer",
                },
                [enc],
            )
        )
        _, answer = await next_history(companion, session)
        note = answer.protocol_message.history_sync_notification
        assert note.peer_data_request_session_id == request_id
        sync = inline(answer)
        assert sync.sync_type == HSType.ON_DEMAND
        return sync

    chat = f"{CAROL}@s.whatsapp.net"
    sync = await ask(OnDemandRequest(chat, 15, "CAROL040", False, 1_700_000_040_000), "REQ1")
    (conversation,) = sync.conversations
    assert texts(conversation) == [f"c{i}" for i in range(39, 24, -1)]
    more = history_sync_pb2.Conversation.COMPLETE_ON_DEMAND_SYNC_BUT_MORE_MSG_REMAIN_ON_PRIMARY
    assert conversation.end_of_history_transfer_type == more
    sync = await ask(OnDemandRequest(chat, 100, "CAROL025", False, 1_700_000_025_000), "REQ2")
    assert texts(sync.conversations[0]) == [f"c{i}" for i in range(24, -1, -1)]
    done = history_sync_pb2.Conversation.COMPLETE_AND_NO_MORE_MESSAGE_REMAIN_ON_PRIMARY
    assert sync.conversations[0].end_of_history_transfer_type == done
    sync = await ask(OnDemandRequest(chat, 10, "CAROL000", False, 1_700_000_000_000), "REQ3")
    assert texts(sync.conversations[0]) == []
    # Odd requests get an empty answer, not a failure: an unknown chat, a time far off.
    sync = await ask(OnDemandRequest("no chat", 10, "X", True, -(2**62)), "REQ4")
    assert texts(sync.conversations[0]) == []
    sync = await ask(OnDemandRequest(chat, 3, "NOPE", False, 2**62), "REQ5")
    assert texts(sync.conversations[0]) == ["c59", "c58", "c57"]  # none known: the newest
    await session.close()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"conversations": []},
        {"conversations": [{"id": "not a jid@@"}]},
        {"conversations": [{"id": CAROL, "messages": [{"text": 5}]}]},
        {"conversations": [{"id": CAROL, "messages": [{"text": "x", "timestamp": -1}]}]},
        {"conversations": [{"id": CAROL, "messages": [{"text": "x", "from_me": "yes"}]}]},
        {"conversations": [{"id": "123@g.us", "messages": [{"text": "no sender"}]}]},
        {"conversations": [{"id": CAROL}], "sync_type": "PUSH_NAME"},
        {"conversations": [{"id": CAROL}], "progress": 101},
        {"conversations": [{"id": CAROL, "messages": "x"}]},
        [1, 2],
    ],
)
async def test_admin_history_refuses_bad_input(sandbox: Running, body: object) -> None:
    await account(sandbox, ALICE, "Alice")
    status, answer = await sandbox.admin("POST", f"/accounts/{ALICE}/history", body)
    assert status == 400, answer


async def test_admin_history_unknown_account(sandbox: Running) -> None:
    body = {"conversations": [{"id": CAROL, "messages": [{"text": "x"}]}]}
    assert (await sandbox.admin("POST", f"/accounts/{ALICE}/history", body))[0] == 404
