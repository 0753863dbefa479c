"""Incoming call stanzas become call events, acked like the official clients do; malformed
ones end in the module's typed error and the plain ack, never another exception."""

from datetime import UTC, datetime

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wacli.binary import BinaryError, Node
from wacli.client import events as ev
from wacli.client.calls import CallError, call_events, handle_call, reject_call
from wacli.client.dispatcher import Dispatcher
from wacli.jid import parse_jid
from wacli.protocol import ProtocolError
from wacli.protocol.stanzas import ack_for

pytestmark = pytest.mark.anyio

CALLER = parse_jid("15550001111@s.whatsapp.net")
DEVICE = parse_jid("15550001111:3@s.whatsapp.net")
GROUP = parse_jid("120363000000000001@g.us")
T = "1764064800"


def stanza(child: Node, **attrs: object) -> Node:
    return Node("call", {"from": DEVICE, "id": "C1", "t": T, **attrs}, [child])  # type: ignore[dict-item]


def signal(tag: str, **attrs: object) -> Node:
    base: dict[str, object] = {"call-id": "ABCDEF", "call-creator": CALLER}
    return Node(tag, {**base, **attrs})  # type: ignore[arg-type]


def test_audio_and_video_offers() -> None:
    offer = signal("offer")
    offer.content = [Node("audio", {"enc": "opus", "rate": "16000"}), Node("net")]
    (event,) = call_events(stanza(offer, notify="Alice"))
    assert event == ev.CallOffer(
        DEVICE, "ABCDEF", CALLER, datetime.fromtimestamp(int(T), UTC), False, False, None
    )
    video = signal("offer", **{"group-jid": GROUP})
    video.content = [Node("video", {"enc": "vp8"})]
    (event,) = call_events(stanza(video))
    assert isinstance(event, ev.CallOffer)
    assert (event.is_video, event.is_group, event.group_jid) == (True, True, GROUP)
    data = orjson.loads(event.line())["data"]
    assert data["from"] == str(DEVICE) and data["group_jid"] == str(GROUP)


def test_group_offer_notice_terminate_accept_reject() -> None:
    (notice,) = call_events(stanza(signal("offer_notice", media="video", type="group")))
    assert isinstance(notice, ev.CallOffer) and notice.is_group and notice.is_video
    (end,) = call_events(stanza(signal("terminate", reason="timeout")))
    assert end == ev.CallTerminate(
        DEVICE, "ABCDEF", CALLER, datetime.fromtimestamp(int(T), UTC), "timeout"
    )
    (accept,) = call_events(stanza(signal("accept"), t=None))
    assert accept == ev.CallAccept(DEVICE, "ABCDEF", CALLER, None)
    (reject,) = call_events(stanza(signal("reject")))
    assert isinstance(reject, ev.CallReject)
    # Signalling a script has no use for: no event, still acknowledged.
    assert call_events(stanza(Node("relaylatency", {"call-id": "ABCDEF"}))) == []
    assert call_events(stanza(Node("transport"))) == []


def test_call_ack_names_the_signalling_child() -> None:
    node = stanza(signal("offer"), participant=CALLER)
    assert ack_for(node) == Node(
        "ack", {"class": "call", "id": "C1", "to": DEVICE, "participant": CALLER, "type": "offer"}
    )
    assert ack_for(Node("call", {"id": "C2", "from": DEVICE})) == Node(
        "ack", {"class": "call", "id": "C2", "to": DEVICE}
    )


def test_reject_stanza_shape() -> None:
    own = parse_jid("15550002222:4@s.whatsapp.net")
    node = reject_call(own, CALLER, "ABCDEF", "3EB0AA")
    assert node == Node(
        "call",
        {"id": "3EB0AA", "from": parse_jid("15550002222@s.whatsapp.net"), "to": CALLER},
        [Node("reject", {"call-id": "ABCDEF", "call-creator": CALLER, "count": "0"})],
    )
    with pytest.raises(ValueError):
        reject_call(own, CALLER, "", "3EB0AB")


@pytest.mark.parametrize(
    "node",
    [
        Node("call", {"from": DEVICE, "id": "C1"}),  # no signalling child
        Node("call", {"from": DEVICE, "id": "C1"}, b"\x00"),
        stanza(signal("offer"), t="soon"),
        stanza(signal("offer"), t="9" * 40),
        stanza(signal("offer"), t="9" * 12),  # past the year 9999
        stanza(signal("offer", **{"call-id": None})),
        stanza(signal("offer", **{"call-id": "x" * 500})),
        stanza(signal("terminate", **{"call-creator": None})),
        stanza(signal("accept", **{"call-creator": "not a jid"})),
        stanza(signal("offer", **{"group-jid": "@@"})),
        Node("call", {"id": "C1", "t": T}, [signal("offer")]),  # no from
    ],
)
async def test_malformed_call_is_a_typed_error_and_still_acked(node: Node) -> None:
    with pytest.raises((CallError, BinaryError)):
        call_events(node)
    events: list[ev.Event] = []
    sent: list[Node] = []

    async def sink(event: ev.Event) -> None:
        events.append(event)

    async def send(reply: Node) -> None:
        sent.append(reply)

    await Dispatcher(handle_call, sink, send).dispatch(node)
    assert events == []
    assert sent == [ack_for(node)] and sent[0].attr("class") == "call"


async def test_only_calls_are_claimed() -> None:
    assert await handle_call(Node("message", {"id": "m"})) is None
    outcome = await handle_call(stanza(signal("terminate")))
    assert outcome is not None and [e.type for e in outcome.events] == ["call_terminate"]


_TEXT = st.one_of(
    st.none(), st.text(max_size=20), st.sampled_from(["ABCDEF", T, "9" * 12, str(CALLER)])
)
_TAGS = st.sampled_from(["offer", "offer_notice", "accept", "reject", "terminate", "x", ""])
_KEYS = st.sampled_from(["call-id", "call-creator", "group-jid", "type", "media", "reason"])


@settings(max_examples=300, deadline=None)
@given(
    tag=_TAGS,
    attrs=st.dictionaries(_KEYS, _TEXT, max_size=6),
    top=st.dictionaries(st.sampled_from(["from", "t", "id"]), _TEXT, max_size=3),
    content=st.one_of(st.none(), st.binary(max_size=4), st.just("children")),
)
def test_any_call_stanza_gives_events_or_the_typed_errors(
    tag: str, attrs: dict, top: dict, content: object
) -> None:
    inner = Node(tag, attrs, [Node("video")] if content == "children" else None)
    node = Node("call", top, content if isinstance(content, bytes) else [inner])
    try:
        found = call_events(node)
    except (ProtocolError, BinaryError):
        return
    for event in found:
        orjson.loads(event.line())  # every event it gives can be written
