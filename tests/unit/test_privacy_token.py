"""Privacy tokens without a server: the bucket rule at its edges (the numbers of
whatsmeow's tctoken.go, Baileys' tc-token-utils and whatsapp-rust's tctoken.rs, worked by
hand), the cstoken vector of whatsapp-rust's tests, the stanza shapes, the store's
monotonic rule, and what the send path attaches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wacli.binary import Node
from wacli.client import privacy_tokens
from wacli.jid import parse_jid
from wacli.proto import history_sync_pb2, newer_fields_pb2, sync_action_pb2
from wacli.protocol import privacy_token as pt
from wacli.protocol import props as ab
from wacli.protocol.newer_fields import action_nct_salt, history_nct_salt
from wacli.store import Store
from wacli.store.rule_tables import NCT_SALT

pytestmark = pytest.mark.anyio

WEEK = 604_800
NOW = 1_700_000_000  # bucket 2810: [1699488000, 1700092800)
BOB_PN = parse_jid("15550002222@s.whatsapp.net")
BOB_LID = parse_jid("99887766@lid")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store") as opened:
        yield opened


# -- the bucket rule ------------------------------------------------------------------------


def test_buckets_start_on_thursdays_and_the_window_is_four_of_them() -> None:
    assert NOW // WEEK == 2810
    assert pt.expiry_cutoff(NOW) == 2807 * WEEK == 1_697_673_600  # 2023-10-19, a Thursday
    assert not pt.is_expired(1_697_673_600, NOW)  # first second of the oldest bucket
    assert pt.is_expired(1_697_673_599, NOW)  # last second before it
    assert not pt.is_expired(NOW, NOW)
    assert pt.is_expired(None, NOW) and pt.is_expired(0, NOW)


def test_a_token_lives_between_21_and_28_days() -> None:
    start = 2810 * WEEK  # issued at the first second of a bucket
    assert not pt.is_expired(start, start + 28 * 86400 - 1)
    assert pt.is_expired(start, start + 28 * 86400)
    end = 2811 * WEEK - 1  # issued at the last second of a bucket
    assert not pt.is_expired(end, end + 21 * 86400)
    assert pt.is_expired(end, end + 21 * 86400 + 1)


def test_our_token_is_issued_once_per_bucket() -> None:
    assert pt.issue_due(None, NOW)
    assert pt.issue_due(2810 * WEEK - 1, NOW)  # last issued in the bucket before
    assert not pt.issue_due(2810 * WEEK, NOW)  # already in this bucket
    assert not pt.issue_due(NOW + 10 * WEEK, NOW)  # the clock went back: not again
    assert pt.issue_due(2810 * WEEK, 2811 * WEEK)  # the next bucket's first second


def test_the_props_change_the_buckets_within_bounds() -> None:
    rules = pt.TokenRules.from_props(
        {ab.TCTOKEN_DURATION: "86400", ab.TCTOKEN_BUCKETS: "2", ab.TCTOKEN_SENDER_DURATION: "x"}
    )
    assert (rules.duration, rules.buckets) == (86400, 2)
    assert rules.sender_duration == WEEK  # not a number: the default
    day = NOW // 86400 * 86400
    assert not pt.is_expired(day - 86400, NOW, rules) and pt.is_expired(day - 86401, NOW, rules)
    clamped = pt.TokenRules.from_props({ab.TCTOKEN_DURATION: "0", ab.TCTOKEN_BUCKETS: "-3"})
    assert (clamped.duration, clamped.buckets) == (1, 1)


# -- shapes ---------------------------------------------------------------------------------


def test_cstoken_matches_whatsapp_rust_vector() -> None:
    mac = pt.cstoken(b"whatsapp_nct_salt_example", parse_jid("alice@lid"))
    assert mac.hex() == "7c6afc325785ac3c4f571e648a3bb822f0e2e49434812ed2809aea2e7043b576"
    # the device part never enters it
    assert pt.cstoken(b"s", parse_jid("alice:3@lid")) == pt.cstoken(b"s", parse_jid("alice@lid"))


def test_issuance_request_and_notification_tokens() -> None:
    request = pt.issue_request([parse_jid("15550002222:4@s.whatsapp.net")], NOW)
    token = request.require_child("token")
    assert (
        token.attrs
        == {
            "jid": BOB_PN,
            "t": str(NOW),
            "type": "trusted_contact",
        }
        and token.content is None
    )
    note = Node(
        "notification",
        {"type": "privacy_token", "from": BOB_PN},
        [
            Node(
                "tokens",
                {},
                [
                    Node("token", {"t": "5", "type": "trusted_contact"}, b"good"),
                    Node("token", {"t": "6", "type": "other"}, b"other type"),
                    Node("token", {"t": "0", "type": "trusted_contact"}, b"no time"),
                    Node("token", {"type": "trusted_contact"}, b"no time"),
                    Node("token", {"t": "7", "type": "trusted_contact"}, b""),
                ],
            )
        ],
    )
    assert pt.parse_tokens(note) == [pt.Token(None, 5, b"good")]


def test_props_answers() -> None:
    full = ab.parse_props(ab.props_result({10518: "1", 14303: "false"}, "h1", 3600))
    assert full == ab.PropsAnswer("h1", 3600, False, {10518: "1", 14303: "false"})
    assert ab.switch(full.props, 10518, False) and not ab.switch(full.props, 14303, True)
    assert ab.switch(full.props, 9666, True) and not ab.switch(full.props, 9666, False)
    assert ab.parse_props(ab.props_result({}, "h1", 60, delta=True)).delta


def test_newer_fields_are_read_from_unknown_fields() -> None:
    sync = history_sync_pb2.HistorySync(sync_type=0)
    raw = (
        sync.SerializeToString()
        + newer_fields_pb2.HistorySyncNewer(nct_salt=b"salt").SerializeToString()
    )
    assert history_nct_salt(history_sync_pb2.HistorySync.FromString(raw)) == b"salt"
    assert history_nct_salt(sync) is None
    value = sync_action_pb2.SyncActionValue(timestamp=1)
    newer = newer_fields_pb2.SyncActionValueNewer()
    newer.nct_salt_sync_action.salt = b"s2"
    parsed = sync_action_pb2.SyncActionValue.FromString(
        value.SerializeToString() + newer.SerializeToString()
    )
    assert action_nct_salt(parsed) == b"s2" and action_nct_salt(value) is None


# -- the store and the client -----------------------------------------------------------------


def test_a_newer_token_wins_and_our_issuance_survives(store: Store) -> None:
    store.put_lid_mapping(BOB_LID, BOB_PN, "test")
    assert store.put_privacy_token(BOB_PN, b"t1", 100)
    store.set_token_issued(BOB_LID, 150)
    assert not store.put_privacy_token(BOB_LID, b"old", 99)
    assert store.put_privacy_token(BOB_LID, b"same-t", 100)  # an equal t replaces it
    held = store.privacy_token(BOB_PN)
    assert held is not None
    assert (held.jid, held.token, held.timestamp, held.sender_timestamp) == (
        str(BOB_LID),
        b"same-t",
        100,
        150,
    )


async def test_a_notification_is_kept_under_the_senders_lid(store: Store) -> None:
    note = Node(
        "notification",
        {"type": "privacy_token", "from": BOB_PN, "sender_lid": BOB_LID, "id": "1", "t": "9"},
        [pt.tokens_node([pt.Token(parse_jid("1555:7@s.whatsapp.net"), NOW, b"tok")])],
    )
    outcome = await privacy_tokens.handle(store, note)
    assert outcome is not None and outcome.events == ()  # acked, nothing printed
    held = store.privacy_token(BOB_PN)  # found by the phone number through the mapping
    assert held is not None and held.jid == str(BOB_LID) and held.token == b"tok"
    assert await privacy_tokens.handle(store, Node("notification", {"type": "devices"})) is None


def test_what_a_message_carries(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy_tokens, "now", lambda: NOW)
    assert privacy_tokens.message_child(store, BOB_PN) is None  # nothing held, no salt
    store.set_setting(NCT_SALT, b"salt")
    assert privacy_tokens.message_child(store, BOB_PN) is None  # no LID known: no cstoken
    store.put_lid_mapping(BOB_LID, BOB_PN, "test")
    cs = privacy_tokens.message_child(store, BOB_PN)
    assert cs == Node("cstoken", {}, pt.cstoken(b"salt", BOB_LID))
    store.put_privacy_token(BOB_LID, b"expired", pt.expiry_cutoff(NOW) - 1)
    assert privacy_tokens.message_child(store, BOB_PN) == cs  # an expired token is not sent
    store.put_privacy_token(BOB_LID, b"valid", pt.expiry_cutoff(NOW))
    assert privacy_tokens.message_child(store, BOB_PN) == Node("tctoken", {}, b"valid")
    store.save_server_props({ab.TCTOKEN_ON_1ON1: "0"}, replace=True)
    assert privacy_tokens.message_child(store, BOB_PN) == cs  # the server says not to
    store.save_server_props({ab.CSTOKEN_SEND: "0", ab.TCTOKEN_ON_1ON1: "0"}, replace=True)
    assert privacy_tokens.message_child(store, BOB_PN) is None
    for other in ("0@s.whatsapp.net", "13135550001@s.whatsapp.net", "123@g.us"):
        assert privacy_tokens.message_child(store, parse_jid(other)) is None


def test_issuance_goes_to_the_form_prop_14303_names(store: Store) -> None:
    store.put_lid_mapping(BOB_LID, BOB_PN, "test")
    assert privacy_tokens.issue_target(store, BOB_LID) == BOB_PN  # default: phone number
    store.save_server_props({ab.ISSUE_TOKEN_TO_LID: "1"}, replace=True)
    assert privacy_tokens.issue_target(store, BOB_PN) == BOB_LID


class _Recorder:
    def __init__(self, answer: Node) -> None:
        self.sent: list[Node] = []
        self.answer = answer

    async def iq(self, xmlns: str, type_: str, content: list[Node], **_: object) -> Node:
        self.sent.append(Node("iq", {"xmlns": xmlns, "type": type_}, content))
        return self.answer


async def test_issue_once_per_bucket_and_keep_returned_tokens(store: Store) -> None:
    answer = Node("iq", {"type": "result"}, [pt.tokens_node([pt.Token(None, NOW, b"back")])])
    conn = _Recorder(answer)
    assert await privacy_tokens.issue(conn, store, BOB_PN, at=NOW)  # type: ignore[arg-type]
    assert not await privacy_tokens.issue(conn, store, BOB_PN, at=NOW + 60)  # type: ignore[arg-type]
    assert await privacy_tokens.issue(conn, store, BOB_PN, at=NOW + WEEK)  # type: ignore[arg-type]
    assert len(conn.sent) == 2
    assert conn.sent[0].require_child("tokens").require_child("token").attr("t") == str(NOW)
    held = store.privacy_token(BOB_PN)
    assert held is not None and held.token == b"back" and held.sender_timestamp == NOW + WEEK


def test_history_sync_brings_tokens_issuances_and_the_salt(store: Store) -> None:
    sync = history_sync_pb2.HistorySync(sync_type=0)
    chat = sync.conversations.add(id=str(BOB_LID))
    chat.tc_token, chat.tc_token_timestamp, chat.tc_token_sender_timestamp = b"h", NOW, NOW - 5
    sync.conversations.add(id="120363@g.us", tc_token=b"group?", tc_token_timestamp=NOW)
    raw = (
        sync.SerializeToString()
        + newer_fields_pb2.HistorySyncNewer(nct_salt=b"n").SerializeToString()
    )
    assert privacy_tokens.from_history(store, history_sync_pb2.HistorySync.FromString(raw)) == 1
    held = store.privacy_token(BOB_LID)
    assert held is not None and (held.token, held.timestamp, held.sender_timestamp) == (
        b"h",
        NOW,
        NOW - 5,
    )
    assert store.setting(NCT_SALT) == b"n"


def test_prune_forgets_expired_tokens_but_keeps_recent_issuances(store: Store) -> None:
    store.put_privacy_token(BOB_PN, b"old", pt.expiry_cutoff(NOW) - 1)
    store.set_token_issued(BOB_PN, NOW - 60)
    other = parse_jid("15550003333@s.whatsapp.net")
    store.put_privacy_token(other, b"old", 1)
    assert privacy_tokens.prune(store, at=NOW) == 3  # two tokens cleared, one row gone
    held = store.privacy_token(BOB_PN)
    assert held is not None and held.token is None and held.sender_timestamp == NOW - 60
    assert store.privacy_token(other) is None
