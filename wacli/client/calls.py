"""Incoming call signalling as events, and the stanza that rejects a call.

wacli carries no call media: it tells a script who is calling and lets it reject.
Shapes (whatsmeow call.go, Baileys messages-recv handleCall, whatsapp-rust calls):

    <call from=DEVICE id t [notify] [platform] [version] [offline]>
      <offer call-id call-creator [group-jid] [type="group"]>[<audio/>…][<video/>]…</offer>
      | <offer_notice call-id call-creator media="audio|video" type="group"/>
      | <accept call-id call-creator/> | <reject call-id call-creator/>
      | <terminate call-id call-creator reason/>
      | <preaccept/>, <transport/>, <relaylatency/>, <enc_rekey/>, …  (no event)
    </call>

Every call stanza is acked after its event line, ``<ack class="call" id to type=<child
tag>/>`` (wacli.client.stanzas.ack_for); a malformed one raises CallError, and the
dispatcher then acks it without an event, so the server stops redelivering it.

Rejecting (whatsmeow RejectCall): ``<call id from=OWN to=CALLER><reject call-id
call-creator=CALLER count="0"/></call>``; the server answers with ``<ack class="call">``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from wacli.binary import Attrs, Node
from wacli.client import events as ev
from wacli.client.dispatcher import Outcome
from wacli.jid import JID
from wacli.protocol import ProtocolError

MAX_CALL_ID = 128  # real ids are 32 hex digits; anything far longer is not a call id


class CallError(ProtocolError):
    """A ``<call>`` stanza this client cannot read (missing or malformed attributes)."""


def _timestamp(node: Node) -> datetime | None:
    text = node.attr("t")
    if text is None:
        return None
    if not text.isdigit() or len(text) > 12:
        raise CallError(f"<call> t={text!r} is not a Unix time")
    try:
        return datetime.fromtimestamp(int(text), UTC)
    except (ValueError, OverflowError, OSError):  # past the year 9999
        raise CallError(f"<call> t={text!r} is out of range") from None


def _call_id(signal: Node) -> str:
    call_id = signal.attr("call-id")
    if not call_id or len(call_id) > MAX_CALL_ID:
        raise CallError(f"<{signal.tag}> has no usable call-id")
    return call_id


def call_events(node: Node) -> list[ev.Event]:
    """The events one ``<call>`` stanza carries (none for signalling a script needs not
    see); CallError, or the binary layer's NodeError, when it is malformed."""
    children = node.children
    if not children:
        raise CallError("<call> without a signalling child")
    signal = children[0]
    sender = node.attr_jid("from")
    when = _timestamp(node)
    if signal.tag not in ("offer", "offer_notice", "accept", "reject", "terminate"):
        return []
    head = (sender, _call_id(signal), signal.attr_jid("call-creator"), when)
    if signal.tag == "offer":
        group = signal.attr_jid("group-jid") if signal.attr("group-jid") else None
        is_group = group is not None or signal.attr("type") == "group"
        video = signal.child("video") is not None
        return [ev.CallOffer(*head, is_video=video, is_group=is_group, group_jid=group)]
    if signal.tag == "offer_notice":  # a group call ringing: no media negotiation in it
        video = signal.attr("media") == "video"
        return [ev.CallOffer(*head, is_video=video, is_group=True, group_jid=None)]
    if signal.tag == "terminate":
        return [ev.CallTerminate(*head, reason=signal.attr("reason"))]
    kind = ev.CallAccept if signal.tag == "accept" else ev.CallReject
    return [kind(*head)]


async def handle_call(node: Node) -> Outcome | None:
    """The feature handler for ``listen``: call stanzas become events, then the ack."""
    if node.tag != "call":
        return None
    return Outcome(events=call_events(node))


def reject_call(own: JID, caller: JID, call_id: str, stanza_id: str) -> Node:
    """What declines an incoming call on every device of ours (whatsmeow RejectCall)."""
    if not call_id or len(call_id) > MAX_CALL_ID:
        raise ValueError("a call id is 1 to 128 characters")
    signal = Node("reject", {"call-id": call_id, "call-creator": caller, "count": "0"})
    attrs: Attrs = {"id": stanza_id, "from": own.to_non_ad(), "to": caller}
    return Node("call", attrs, [signal])
