"""The one reading of a Message (wacli.protocol.message_model) and what archiving does with
it (wacli.client.archiving): kinds, texts, quotes and mentions through every envelope,
the file of media, and edits, revokes and reactions applied to the rows they name, live
and from a history chunk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wacli.client.archiving import archive_message, archived_row
from wacli.client.history import HistorySyncHook
from wacli.proto import e2e_pb2, history_sync_pb2
from wacli.protocol.message_model import classify, unwrap
from wacli.protocol.outgoing_message import edit_attr, message_type
from wacli.store import Store
from wacli.store.archive import Archive

M = e2e_pb2.Message
BOB = "15557654321@s.whatsapp.net"
ME = "15550000000@s.whatsapp.net"
GROUP = "120363000000000001@g.us"
T0 = 1_795_600_000


def wrapped(wrapper: str, inner: e2e_pb2.Message) -> e2e_pb2.Message:
    outer = M()
    getattr(outer, wrapper).message.CopyFrom(inner)
    return outer


def reply(text: str, quoted_id: str, *mentions: str) -> e2e_pb2.Message:
    context = e2e_pb2.ContextInfo(stanza_id=quoted_id, mentioned_jid=list(mentions))
    return M(extended_text_message=e2e_pb2.ExtendedTextMessage(text=text, context_info=context))


def test_plain_text_and_a_reply_with_mentions() -> None:
    plain = classify(M(conversation="hello"))
    assert (plain.kind, plain.text, plain.reply_to, plain.mentions) == ("text", "hello", None, ())
    assert plain.media is None and plain.change is None and plain.wrappers == ()
    answer = classify(reply("see @bob", "ORIG", BOB))
    assert (answer.kind, answer.text, answer.reply_to, answer.mentions) == (
        "text",
        "see @bob",
        "ORIG",
        (BOB,),
    )
    assert classify(M()).kind == "unknown" and classify(M()).searchable is None


@pytest.mark.parametrize(
    "wrappers",
    [
        ("ephemeral_message",),
        ("view_once_message",),
        ("view_once_message_v2",),
        ("view_once_message_v2_extension",),
        ("device_sent_message",),
        ("device_sent_message", "ephemeral_message"),
    ],
)
def test_envelopes_are_looked_through(wrappers: tuple[str, ...]) -> None:
    message = reply("inside", "Q1")
    for wrapper in reversed(wrappers):
        message = wrapped(wrapper, message)
    model = classify(message)
    assert (model.kind, model.text, model.reply_to) == ("text", "inside", "Q1")
    assert model.wrappers == wrappers
    assert model.content == reply("inside", "Q1")


def test_an_empty_envelope_is_not_looked_into() -> None:
    message = M(ephemeral_message=e2e_pb2.FutureProofMessage())
    assert unwrap(message) == (message, ())


def test_media_caption_label_and_file() -> None:
    image = M(
        image_message=e2e_pb2.ImageMessage(
            caption="look",
            mimetype="image/jpeg",
            media_key=b"k" * 32,
            direct_path="/v/t62/x",
            context_info=e2e_pb2.ContextInfo(stanza_id="Q2"),
        )
    )
    model = classify(image)
    assert (model.kind, model.text, model.searchable, model.reply_to) == (
        "image",
        "look",
        "look",
        "Q2",
    )
    assert model.media is not None and model.media.kind == "image"
    assert model.media.ref is not None and model.media.ref.direct_path == "/v/t62/x"
    keyless = classify(M(video_message=e2e_pb2.VideoMessage(mimetype="video/mp4")))
    assert keyless.media is not None and keyless.media.ref is None  # nothing to download
    note = classify(M(ptv_message=e2e_pb2.VideoMessage(media_key=b"k" * 32, url="https://x")))
    assert note.kind == "video" and note.media is not None and note.media.ref is not None
    document = M(document_message=e2e_pb2.DocumentMessage(file_name="Q3.pdf", title="Q3.pdf"))
    doc = classify(document)
    assert (doc.kind, doc.text, doc.label, doc.searchable) == ("document", None, "Q3.pdf", "Q3.pdf")
    assert doc.media is not None and doc.media.file_name == "Q3.pdf"
    document.document_message.caption = "the report"
    both = classify(wrapped("document_with_caption_message", document))
    assert (both.kind, both.text, both.label) == ("document", "the report", "Q3.pdf")
    place = classify(M(location_message=e2e_pb2.LocationMessage(name="Harbour")))
    assert (place.kind, place.text, place.searchable, place.media) == (
        "location",
        None,
        "Harbour",
        None,
    )


def test_edit_revoke_and_reaction_name_their_target() -> None:
    edit = M()
    edit.protocol_message.type = e2e_pb2.ProtocolMessage.MESSAGE_EDIT
    edit.protocol_message.key.id = "E1"
    edit.protocol_message.key.from_me = True
    edit.protocol_message.edited_message.conversation = "fixed"
    edit.protocol_message.timestamp_ms = T0 * 1000
    for message in (edit, wrapped("edited_message", edit)):  # WhatsApp Web wraps it
        model = classify(message)
        assert model.kind == "protocol" and not model.is_content and model.text is None
        change = model.change
        assert change is not None and (change.action, change.message_id) == ("edit", "E1")
        assert change.from_me and change.timestamp_ms == T0 * 1000
        assert change.edited is not None and change.edited.text == "fixed"
        assert edit_attr(message) == "1"
    revoke = M()
    revoke.protocol_message.type = e2e_pb2.ProtocolMessage.REVOKE
    revoke.protocol_message.key.id = "R1"
    revoke.protocol_message.key.participant = BOB
    change = classify(revoke).change
    assert change is not None and (change.action, change.from_me, change.participant) == (
        "revoke",
        False,
        BOB,
    )
    assert edit_attr(revoke) == "7"
    react = M()
    react.reaction_message.key.id = "X1"
    react.reaction_message.text = "👍"
    model = classify(react)
    assert model.kind == "reaction" and model.change is not None
    assert (model.change.action, model.change.emoji) == ("reaction", "👍")
    assert (message_type(react), edit_attr(react)) == ("reaction", None)
    notice = M()
    notice.protocol_message.type = e2e_pb2.ProtocolMessage.HISTORY_SYNC_NOTIFICATION
    assert classify(notice).kind == "protocol" and classify(notice).change is None


def test_stanza_type_follows_the_kind() -> None:
    assert message_type(M(conversation="x")) == "text"
    assert message_type(M(audio_message=e2e_pb2.AudioMessage())) == "media"
    assert message_type(wrapped("ephemeral_message", M(image_message=e2e_pb2.ImageMessage()))) == (
        "media"
    )


# -- archiving -------------------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    store = Store(tmp_path)
    yield Archive(store)
    store.close()


def put(archive: Archive, message: e2e_pb2.Message, message_id: str, sender: str, **kw) -> bool:
    row = archived_row(
        message,
        chat=kw.pop("chat", BOB),
        message_id=message_id,
        sender=sender,
        from_me=sender == ME,
        timestamp=kw.pop("timestamp", T0),
    )
    return archive_message(archive, *row)


def change(kind: str, target: str, *, from_me: bool = True, **fields) -> e2e_pb2.Message:
    message = M()
    if kind == "reaction":
        message.reaction_message.key.id = target
        message.reaction_message.key.from_me = from_me
        message.reaction_message.text = fields["emoji"]
        return message
    protocol = message.protocol_message
    protocol.key.id = target
    protocol.key.from_me = from_me
    if "participant" in fields:
        protocol.key.participant = fields["participant"]
    if kind == "edit":
        protocol.type = e2e_pb2.ProtocolMessage.MESSAGE_EDIT
        protocol.edited_message.conversation = fields["text"]
    else:
        protocol.type = e2e_pb2.ProtocolMessage.REVOKE
    return message


def test_archiving_files_the_reading_and_applies_changes(archive: Archive) -> None:
    assert put(archive, wrapped("ephemeral_message", reply("vanishing", "Q")), "A", BOB)
    row = archive.message(BOB, "A")
    assert row is not None and (row.type, row.text, row.reply_to) == ("text", "vanishing", "Q")
    assert [m.id for m in archive.search("vanishing")] == ["A"]

    assert put(archive, change("edit", "A", text="changed"), "E", BOB, timestamp=T0 + 5)
    row = archive.message(BOB, "A")
    assert row is not None and (row.text, row.edited_at) == ("changed", T0 + 5)
    assert row.raw == M(conversation="changed").SerializeToString()
    assert not put(archive, change("edit", "A", text="changed"), "E", BOB)  # redelivered

    put(archive, change("reaction", "A", from_me=False, emoji="❤️"), "X", ME, timestamp=T0 + 6)
    assert [(r.sender, r.emoji) for r in archive.reactions(BOB, ["A"])["A"]] == [(ME, "❤️")]

    put(archive, change("revoke", "A"), "R", BOB, timestamp=T0 + 7)
    row = archive.message(BOB, "A")
    assert row is not None and (row.text, row.revoked_at) == (None, T0 + 7)
    # Only what is content is listed: the envelopes of the changes are not.
    assert [m.id for m in archive.messages(BOB)] == ["A"]


def test_only_the_author_edits_and_an_admin_revokes_only_in_groups(archive: Archive) -> None:
    put(archive, M(conversation="mine"), "MINE", ME)
    put(archive, change("edit", "MINE", text="hijacked"), "E2", BOB)  # Bob's "own" MINE: none
    put(archive, change("edit", "MINE", from_me=False, text="hijacked"), "E3", BOB)
    put(archive, change("revoke", "MINE", from_me=False, participant=ME), "R2", BOB)
    row = archive.message(BOB, "MINE")
    assert row is not None and (row.text, row.edited_at, row.revoked_at) == ("mine", None, None)

    put(archive, M(conversation="in the group"), "G1", BOB, chat=GROUP)
    put(archive, change("revoke", "G1", from_me=False, participant=BOB), "R3", ME, chat=GROUP)
    row = archive.message(GROUP, "G1")
    assert row is not None and row.revoked_at == T0


def test_a_caption_edit_keeps_the_file(archive: Archive) -> None:
    image = M(image_message=e2e_pb2.ImageMessage(caption="old", media_key=b"k" * 32, url="u"))
    put(archive, image, "IMG", BOB)
    put(archive, change("edit", "IMG", text="new caption"), "E4", BOB, timestamp=T0 + 1)
    row = archive.message(BOB, "IMG")
    assert row is not None and row.text == "new caption" and row.raw == image.SerializeToString()


def test_history_chunk_applies_changes_after_their_targets(tmp_path: Path) -> None:
    store = Store(tmp_path)
    try:
        hook = HistorySyncHook(store)
        sync = history_sync_pb2.HistorySync()
        conversation = sync.conversations.add()
        conversation.id = BOB
        entries = [  # newest first, as phones send them
            ("R", change("revoke", "GONE"), T0 + 9),
            ("E", change("edit", "KEPT", text="after the edit"), T0 + 8),
            ("GONE", M(conversation="deleted soon"), T0 + 2),
            ("KEPT", M(conversation="before the edit"), T0 + 1),
            ("VO", wrapped("view_once_message", M(conversation="seen once")), T0),
        ]
        for message_id, message, when in entries:
            info = conversation.messages.add().message
            info.key.remote_jid, info.key.id = BOB, message_id
            info.message.CopyFrom(message)
            info.message_timestamp = when
            if message_id == "KEPT":
                reaction = info.reactions.add()
                reaction.key.remote_jid = BOB
                reaction.text = "🎉"
                reaction.sender_timestamp_ms = (T0 + 3) * 1000
        hook.store_chunk(sync)
        archive = Archive(store)
        rows = {m.id: m for m in archive.messages(BOB)}
        assert set(rows) == {"GONE", "KEPT", "VO"}
        assert rows["GONE"].revoked_at == T0 + 9 and rows["GONE"].text is None
        assert (rows["KEPT"].text, rows["KEPT"].edited_at) == ("after the edit", T0 + 8)
        assert [m.id for m in archive.search("seen once")] == ["VO"]
        kept = archive.reactions(BOB, ["KEPT"])["KEPT"]
        assert [(r.sender, r.emoji, r.timestamp) for r in kept] == [(BOB, "🎉", T0 + 3)]
    finally:
        store.close()
