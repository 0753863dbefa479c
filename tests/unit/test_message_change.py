"""wacli.client.appstate_write.message_change: the index, collection, version and action of
a star, unstar or delete-for-me (whatsmeow BuildStar, Baileys chatModificationToAppPatch):
the author named only for someone else's message in a group."""

import pytest

from wacli.client.appstate_write import message_change
from wacli.jid import parse_jid
from wacli.store.archive import ArchivedMessage

GROUP = "120363000000000001@g.us"
BOB = "15550001002@s.whatsapp.net"


def row(chat: str, from_me: bool) -> ArchivedMessage:
    return ArchivedMessage(
        chat=chat, id="3EB0AA", sender=BOB, from_me=from_me, timestamp=1700000000, type="text"
    )


@pytest.mark.parametrize(
    ("chat", "from_me", "author"),
    [(BOB, False, "0"), (BOB, True, "0"), (GROUP, False, BOB), (GROUP, True, "0")],
)
def test_the_key_names_the_author_only_of_others_messages_in_groups(
    chat: str, from_me: bool, author: str
) -> None:
    change = message_change("star", parse_jid(chat), row(chat, from_me), now_ms=1)
    [mutation] = change.mutations
    assert mutation.index == ["star", chat, "3EB0AA", "1" if from_me else "0", author]
    assert (change.collection, mutation.api_version) == ("regular_high", 2)
    assert mutation.action.star_action.starred and mutation.action.timestamp == 1
    assert change.message_id == "3EB0AA"


def test_unstar_and_delete_for_me() -> None:
    unstar = message_change("unstar", parse_jid(BOB), row(BOB, False)).mutations[0]
    assert unstar.action.HasField("star_action") and not unstar.action.star_action.starred
    [deleted] = message_change("delete-for-me", parse_jid(BOB), row(BOB, False)).mutations
    assert deleted.index[0] == "deleteMessageForMe" and deleted.api_version == 3
    assert deleted.action.delete_message_for_me_action.message_timestamp == 1700000000
    with pytest.raises(ValueError, match="unknown message action"):
        message_change("pin", parse_jid(BOB), row(BOB, False))
