"""Reading w:g2 answers for group management: metadata (roles, creator, size), the
participating list, per-participant verdicts and the leave confirmation. Whatever the
server sends, the result is a Group/verdict or a GroupError, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.binary import Node, decode, encode
from wacli.client.errors import RefusedError
from wacli.client.groups import (
    BadGroupAnswer,
    Group,
    GroupError,
    GroupRefused,
    Member,
    group_jid,
    read_group,
    read_left,
    read_participant_results,
    read_participating,
    with_phones,
)
from wacli.jid import JIDError, parse_jid
from wacli.store import Store

GROUP = parse_jid("120363000000000001@g.us")
ALICE_LID, ALICE_PN = "90000000001@lid", "15550001111@s.whatsapp.net"
BOB_LID, BOB_PN = "90000000002@lid", "15550002222@s.whatsapp.net"


def wire(node: Node) -> Node:
    """As the client receives it: through the binary codec (JIDs as JID attributes)."""
    return decode(encode(node))


def metadata(**attrs: str) -> Node:
    base = {
        "id": GROUP.user,
        "subject": "Lunch",
        "creator": ALICE_LID,
        "creator_pn": ALICE_PN,
        "creation": "1700000000",
        "addressing_mode": "lid",
        "size": "3",
    }
    base.update(attrs)
    return Node(
        "group",
        {k: v for k, v in base.items() if v != ""},
        [
            Node("participant", {"jid": ALICE_LID, "type": "superadmin", "phone_number": ALICE_PN}),
            Node("participant", {"jid": BOB_LID, "type": "admin"}),
            Node("participant", {"jid": "@@broken"}),
            Node("participant", {"jid": "90000000003:7@lid"}),
        ],
    )


def test_metadata_read_with_roles_creator_and_size() -> None:
    group = read_group(wire(metadata()))
    assert group.jid == GROUP and group.subject == "Lunch"
    assert group.creator == parse_jid(ALICE_PN)  # the phone number when the server gives it
    assert group.created_at == 1_700_000_000 and group.addressing_mode == "lid"
    assert group.size == 3
    assert [(str(m.jid), m.role) for m in group.members] == [
        (ALICE_LID, "superadmin"),
        (BOB_LID, "admin"),
        ("90000000003@lid", "member"),
    ]
    assert group.role_of(parse_jid(BOB_LID)) == "admin"
    assert group.role_of(parse_jid("90000000003:2@lid")) == "member"
    assert group.role_of(parse_jid(BOB_PN), None) is None


def test_metadata_with_a_description() -> None:
    node = metadata()
    about = Node("description", {"id": "D1", "participant": BOB_LID, "t": "1700000001"})
    about.content = [Node("body", {}, "Tuesdays ☕".encode())]
    node.children.append(about)
    group = read_group(wire(node))
    assert group.description == "Tuesdays ☕" and group.description_id == "D1"
    assert read_group(wire(metadata())).description is None
    odd = metadata()
    odd.children.append(Node("description", {}, [Node("body", {}, [Node("x")])]))
    group = read_group(odd)  # a body of nodes is no text
    assert group.description is None and group.description_id is None


def test_metadata_without_optional_attributes() -> None:
    group = read_group(wire(metadata(creator="", creator_pn="", creation="", size="9" * 5000)))
    assert group.creator is None and group.created_at is None
    assert group.size == len(group.members) == 3
    pn = read_group(wire(metadata(addressing_mode="", creator_pn="", creator=ALICE_PN)))
    assert pn.addressing_mode == "pn" and pn.creator == parse_jid(ALICE_PN)


@pytest.mark.parametrize(
    "node",
    [
        Node("group", {"subject": "no id"}),
        Node("group", {"id": "not a group@s.whatsapp.net"}),
        Node("group", {"id": "a b"}),
        Node("groups", {"id": GROUP.user}),
        Node("group", {"id": GROUP.user, "creation": "9" * 40}),  # beyond uint64
    ],
)
def test_broken_metadata_is_a_bad_answer(node: Node) -> None:
    with pytest.raises(BadGroupAnswer):
        read_group(node)


def test_members_get_their_phone_numbers_from_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    try:
        with store.transaction():
            store.put_lid_mapping(BOB_LID, BOB_PN, "group")
        group = with_phones(store, read_group(wire(metadata())))
    finally:
        store.close()
    phones = {str(m.jid): m.phone for m in group.members}
    assert phones[BOB_LID] == parse_jid(BOB_PN)
    assert phones["90000000003@lid"] is None
    assert group.role_of(parse_jid(BOB_PN)) == "admin"  # found by phone number as well
    assert Member(parse_jid(BOB_LID), "admin", parse_jid(BOB_PN)) in group.members


def test_participating_list_skips_groups_without_an_id() -> None:
    other = Node("group", {"id": "120363000000000002", "subject": "Other"})
    answer = wire(
        Node("iq", {"type": "result"}, [Node("groups", {}, [metadata(), Node("group"), other])])
    )
    found = read_participating(answer)
    assert [(str(g.jid), g.subject, g.size) for g in found] == [
        (str(GROUP), "Lunch", 3),
        ("120363000000000002@g.us", "Other", 0),
    ]
    assert read_participating(Node("iq", {}, [Node("groups")])) == []
    with pytest.raises(BadGroupAnswer):
        read_participating(Node("iq", {"type": "result"}))


def test_participant_verdicts() -> None:
    change = Node(
        "add",
        {},
        [
            Node("participant", {"jid": ALICE_PN}),
            Node("participant", {"jid": "15559999999@s.whatsapp.net", "error": "404"}),
            Node("participant", {"jid": BOB_PN, "error": "409"}),
            # other servers mark success as 2xx (Baileys reads `error || '200'`)
            Node("participant", {"jid": "15558888888@s.whatsapp.net", "error": "200"}),
            Node("participant", {"jid": "15557777777@s.whatsapp.net", "error": "207"}),
            Node("participant", {"jid": "15556666666@s.whatsapp.net", "error": "300"}),
        ],
    )
    results = read_participant_results(wire(Node("iq", {}, [change])), "add")
    assert [(str(r.jid), r.code, r.ok) for r in results] == [
        (ALICE_PN, None, True),
        ("15559999999@s.whatsapp.net", 404, False),
        (BOB_PN, 409, False),
        ("15558888888@s.whatsapp.net", None, True),
        ("15557777777@s.whatsapp.net", None, True),
        ("15556666666@s.whatsapp.net", 300, False),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        Node("iq", {}, [Node("remove")]),  # another action's element
        Node("iq", {}, [Node("add", {}, [Node("participant")])]),  # no jid
        Node("iq", {}, [Node("add", {}, [Node("participant", {"jid": "@@"})])]),
        Node("iq", {}, [Node("add", {}, [Node("participant", {"jid": BOB_PN, "error": "x"})])]),
        Node(
            "iq", {}, [Node("add", {}, [Node("participant", {"jid": BOB_PN, "error": "9" * 99})])]
        ),
    ],
)
def test_broken_verdicts_are_a_bad_answer(answer: Node) -> None:
    with pytest.raises(BadGroupAnswer):
        read_participant_results(answer, "add")


def test_leave_confirmation() -> None:
    left = Node(
        "leave",
        {},
        [Node("group", {"id": "120363000000000009@g.us"}), Node("group", {"id": str(GROUP)})],
    )
    read_left(wire(Node("iq", {}, [left])), GROUP)
    read_left(Node("iq", {}, [Node("leave", {}, [Node("group", {"id": GROUP.user})])]), GROUP)
    with pytest.raises(GroupRefused) as refused:
        read_left(
            Node(
                "iq", {}, [Node("leave", {}, [Node("group", {"id": GROUP.user, "error": "403"})])]
            ),
            GROUP,
        )
    assert refused.value.code == 403
    with pytest.raises(GroupRefused):
        read_left(Node("iq", {}, [Node("leave")]), GROUP)  # not confirmed: not a member
    # An empty result is done, as whatsmeow and Baileys take it; so is a 2xx "error".
    read_left(Node("iq", {"type": "result"}), GROUP)
    read_left(
        Node("iq", {}, [Node("leave", {}, [Node("group", {"id": GROUP.user, "error": "200"})])]),
        GROUP,
    )


def test_errors_are_refusals_for_the_cli() -> None:
    assert issubclass(GroupError, RefusedError)
    assert issubclass(GroupRefused, GroupError) and issubclass(BadGroupAnswer, GroupError)


def test_group_jids() -> None:
    assert group_jid(GROUP.user) == GROUP == group_jid(str(GROUP))
    assert str(group_jid("15551234567-1400000000@g.us")) == "15551234567-1400000000@g.us"
    for bad in ("", "@g.us", "1555@s.whatsapp.net", "a b", "x@y@g.us"):
        with pytest.raises(JIDError):
            group_jid(bad)


# -- whatever arrives: a result or a GroupError ------------------------------------------------

_texts = st.sampled_from(
    ["", "0", "403", "x", GROUP.user, str(GROUP), ALICE_LID, BOB_PN, "@@", "9" * 30, "lid", "pn"]
) | st.text(max_size=8)
_keys = st.sampled_from(
    [
        "id",
        "jid",
        "subject",
        "creator",
        "creator_pn",
        "creation",
        "size",
        "type",
        "error",
        "addressing_mode",
        "phone_number",
    ]
)
_tags = st.sampled_from(["group", "groups", "participant", "add", "leave", "iq", "x"])
_nodes = st.recursive(
    st.builds(
        Node, _tags, st.dictionaries(_keys, _texts, max_size=4), st.none() | st.binary(max_size=4)
    ),
    lambda inner: st.builds(
        Node, _tags, st.dictionaries(_keys, _texts, max_size=4), st.lists(inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_nodes)
def test_any_answer_reads_or_fails_typed(node: Node) -> None:
    answer = Node("iq", {"type": "result"}, [node])
    outcomes = []
    for read in (
        lambda: read_group(node),
        lambda: read_participating(answer),
        lambda: read_participant_results(answer, "add"),
        lambda: read_left(answer, GROUP),
    ):
        try:
            outcomes.append(read())
        except GroupError as exc:  # anything else fails the test
            outcomes.append(exc)
    group, listing, verdicts, _ = outcomes
    if isinstance(group, Group):
        assert group.jid.is_group and all(m.jid.is_user for m in group.members)
    if isinstance(listing, list):
        assert all(isinstance(g, Group) for g in listing)
    if isinstance(verdicts, list):
        assert all(v.code is None or v.code >= 0 for v in verdicts)
