"""The server's A/B props (``<iq xmlns="abt" type="get"><props protocol="1" hash/></iq>``).

The answer is ``<props protocol hash refresh [delta_update="true"]><prop config_code
config_value/>…</props>``: experiment switches the server flips per account. A client
keeps the hash and sends it back, so an unchanged set can come back empty; a
``delta_update`` answer carries only the props that changed. Values are text; a switch
is on when it reads ``1``, ``true`` or ``enabled``.

The codes below are the ones that change what goes on the wire (Baileys chats.ts,
whatsapp-rust wacore/src/iq/props.rs name them the same way).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from wacli.binary import Node
from wacli.jid import JID

# Attach the contact's privacy token (<tctoken>) to every 1:1 message.
TCTOKEN_ON_1ON1 = 10518
# Put the privacy token into profile-picture queries.
TCTOKEN_IN_PICTURE_QUERY = 9666
# Issue our privacy token to the contact's LID (else to its phone number).
ISSUE_TOKEN_TO_LID = 14303
# Bucket length (seconds) and bucket count of received tokens, and of our own issued ones.
TCTOKEN_DURATION = 865
TCTOKEN_BUCKETS = 909
TCTOKEN_SENDER_DURATION = 996
TCTOKEN_SENDER_BUCKETS = 997
# Send the <cstoken> fallback when no privacy token is held.
CSTOKEN_SEND = 24941

PROTOCOL = "1"


def props_request(hash_: str | None) -> Node:
    """The ``<props>`` child of the A/B props query (with the hash we hold, if any)."""
    attrs: dict[str, str | JID | None] = {"protocol": PROTOCOL}
    if hash_:
        attrs["hash"] = hash_
    return Node("props", attrs)


# A NamedTuple, not a dataclass: a tenth of the cost to define, at every start-up.
class PropsAnswer(NamedTuple):
    hash: str | None
    refresh: int | None  # seconds until the server wants to be asked again
    delta: bool  # only the changed props are listed
    props: dict[int, str]


def parse_props(result: Node) -> PropsAnswer:
    """The ``<props>`` of an A/B props result (the iq itself or its child); props with no
    numeric code (sampling entries, the old ``name``/``value`` form) are left out."""
    props = result if result.tag == "props" else result.require_child("props")
    found: dict[int, str] = {}
    for prop in props.children_named("prop"):
        code, value = prop.attr("config_code"), prop.attr("config_value")
        if code is not None and code.isdigit() and value is not None:
            found[int(code)] = value
    refresh = props.attr("refresh")
    return PropsAnswer(
        hash=props.attr("hash"),
        refresh=int(refresh) if refresh and refresh.isdigit() else None,
        delta=props.attr("delta_update") == "true",
        props=found,
    )


def props_result(
    props: Mapping[int, str], hash_: str, refresh: int, *, delta: bool = False
) -> Node:
    """What a server answers (the sandbox): the ``<props>`` node with its ``<prop>``s."""
    attrs: dict[str, str | JID | None] = {
        "protocol": PROTOCOL,
        "hash": hash_,
        "refresh": str(refresh),
    }
    if delta:
        attrs["delta_update"] = "true"
    children = [
        Node("prop", {"config_code": str(code), "config_value": value})
        for code, value in sorted(props.items())
    ]
    return Node("props", attrs, children)


def switch(props: Mapping[int, str], code: int, default: bool) -> bool:
    """Whether the switch ``code`` is on; ``default`` when the server did not say."""
    value = props.get(code)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "enabled")


def number(props: Mapping[int, str], code: int, default: int, low: int, high: int) -> int:
    """A numeric prop clamped to ``[low, high]``; ``default`` when absent or not a number."""
    value = props.get(code, "").strip()
    if not value.lstrip("-").isdigit():
        return default
    return max(low, min(high, int(value)))
