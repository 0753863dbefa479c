"""A corpus of real-shaped stanzas for the binary codec, generated from templates.

The shapes follow what WhatsApp Web clients and the server exchange (whatsmeow's
send.go/receipt.go/usync.go/notification.go, Baileys' Socket/*.ts): messages
with enc children, receipts, acks, IQs, usync, notifications, presence, stream
errors. Values are drawn from a seeded RNG, so every run sees the same corpus.

``canonical()`` nodes use JID objects where the protocol has JIDs and decode back
to exactly themselves; ``edge_cases()`` are text values whose JID-likeness,
packing or length sits on a boundary of the encoder's rules (checked for equal
bytes with the bridge, and for both decoders agreeing).
"""

from __future__ import annotations

import base64
import random
from collections.abc import Iterator
from typing import Any

from wacli.binary import Node
from wacli.binary.tokens import DOUBLE_BYTE_TOKENS, SINGLE_BYTE_TOKENS
from wacli.jid import (
    DEFAULT_USER_SERVER,
    HIDDEN_USER_SERVER,
    HOSTED_LID_SERVER,
    HOSTED_SERVER,
    INTEROP_SERVER,
    JID,
    MESSENGER_SERVER,
)

SERVER = JID("", DEFAULT_USER_SERVER)


class Gen:
    """Random but plausible protocol values."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def digits(self, n: int) -> str:
        return str(self.rng.randint(1, 9)) + "".join(
            self.rng.choice("0123456789") for _ in range(n - 1)
        )

    def phone(self) -> str:
        return self.digits(self.rng.randint(10, 13))

    def pn(self, device: int = 0) -> JID:
        return JID(self.phone(), DEFAULT_USER_SERVER, device)

    def lid(self, device: int = 0) -> JID:
        return JID(self.digits(15), HIDDEN_USER_SERVER, device)

    def user(self, device: int | None = None) -> JID:
        if device is None:
            device = self.rng.choice([0, 0, 1, 2, 5, 12, 33, 99])
        return self.lid(device) if self.rng.random() < 0.5 else self.pn(device)

    def group(self) -> JID:
        return JID("120363" + self.digits(12), "g.us")

    def msg_id(self) -> str:
        kind = self.rng.random()
        if kind < 0.5:  # WhatsApp Web: 3EB0 + upper hex (HEX_8)
            return "3EB0" + "".join(self.rng.choice("0123456789ABCDEF") for _ in range(16))
        if kind < 0.8:  # phones: 32 upper hex characters
            return "".join(self.rng.choice("0123456789ABCDEF") for _ in range(32))
        return "BAE5" + "".join(self.rng.choice("0123456789abcdef") for _ in range(12))

    def iq_id(self) -> str:
        r = self.rng.randint
        return f"{r(10000, 99999)}.{r(10000, 99999)}-{r(1, 300)}"

    def ts(self) -> str:
        return str(self.rng.randint(1_600_000_000, 1_800_000_000))

    def blob(self, n: int) -> bytes:
        return self.rng.randbytes(n)

    def name(self) -> str:
        return self.rng.choice(
            ["Alice", "Bob ✨", "Zoë Müller", "李雷", "J", "Dr. Who?", "👩‍💻 dev"]
        )


def enc(g: Gen, kind: str | None = None, size: int | None = None) -> Node:
    kind = kind or g.rng.choice(["pkmsg", "msg", "skmsg"])
    attrs = {"v": "2", "type": kind}
    if g.rng.random() < 0.3:
        attrs["mediatype"] = g.rng.choice(["image", "video", "audio", "document", "sticker"])
    return Node("enc", attrs, g.blob(size if size is not None else g.rng.randint(40, 900)))


def messages(g: Gen) -> Iterator[Node]:
    for i in range(40):
        group = i % 3 == 0
        sender = g.user(g.rng.choice([0, 3, 12]))
        attrs = {
            "from": g.group() if group else sender.to_non_ad(),
            "id": g.msg_id(),
            "t": g.ts(),
            "type": g.rng.choice(["text", "media", "reaction", "poll"]),
            "notify": g.name(),
        }
        if group:
            attrs["participant"] = sender
            attrs["addressing_mode"] = "lid" if sender.is_lid else "pn"
        if i % 4 == 1:
            attrs["offline"] = "1"
        if i % 5 == 2:
            attrs["recipient"] = g.user(0)
        content = [enc(g, "skmsg" if group else None)]
        if group and i % 2:
            content.insert(0, enc(g, "pkmsg"))
        yield Node("message", attrs, content)
    for i in range(25):
        # Outgoing fan-out: one <to> per device, then our device identity.
        devices = [g.user(d) for d in g.rng.sample([0, 1, 2, 3, 7, 12, 25, 99], 3)]
        participants = [Node("to", {"jid": d}, [enc(g)]) for d in devices]
        content = [Node("participants", {}, participants)]
        if i % 2:
            content.append(Node("device-identity", {}, g.blob(g.rng.randint(150, 200))))
        attrs = {"id": g.msg_id(), "type": "text", "to": g.group() if i % 3 else g.user(0)}
        if i % 4 == 0:
            attrs["edit"] = g.rng.choice(["1", "7", "8"])
        if i % 5 == 0:
            attrs["category"] = "peer"
        yield Node("message", attrs, content)


def receipts(g: Gen) -> Iterator[Node]:
    for i in range(30):
        attrs = {"id": g.msg_id(), "t": g.ts()}
        kind = g.rng.choice([None, "read", "read-self", "played", "sender", "inactive", "retry"])
        if kind:
            attrs["type"] = kind
        attrs["from" if i % 2 else "to"] = g.group() if i % 3 == 0 else g.user()
        if i % 3 == 0:
            attrs["participant"] = g.user()
        content = None
        if kind == "retry":
            content = [
                Node(
                    "retry",
                    {"count": str(g.rng.randint(1, 5)), "id": attrs["id"], "t": g.ts(), "v": "1"},
                ),
                Node("registration", {}, g.blob(4)),
            ]
        elif i % 2 == 0:
            items = [Node("item", {"id": g.msg_id()}) for _ in range(g.rng.randint(1, 30))]
            content = [Node("list", {}, items)]
        yield Node("receipt", attrs, content)


def acks(g: Gen) -> Iterator[Node]:
    for i in range(15):
        attrs = {
            "class": g.rng.choice(["receipt", "message", "notification", "call"]),
            "id": g.msg_id(),
            "to" if i % 2 else "from": g.user() if i % 3 else g.group(),
        }
        if i % 3 == 0:
            attrs["participant"] = g.user(g.rng.choice([0, 4]))
        if i % 4 == 0:
            attrs["type"] = g.rng.choice(["read", "devices", "encrypt", "w:gp2"])
        if i % 5 == 0:
            attrs["t"] = g.ts()
        yield Node("ack", attrs)


def iqs(g: Gen) -> Iterator[Node]:
    yield Node("iq", {"id": g.iq_id(), "to": SERVER, "type": "get", "xmlns": "w:p"}, [Node("ping")])
    yield Node("iq", {"id": g.iq_id(), "from": SERVER, "type": "result"})
    for _ in range(3):  # prekey upload
        keys = [
            Node("key", {}, [Node("id", {}, g.blob(3)), Node("value", {}, g.blob(32))])
            for _ in range(g.rng.choice([5, 30, 300]))
        ]
        yield Node(
            "iq",
            {"id": g.iq_id(), "xmlns": "encrypt", "type": "set", "to": SERVER},
            [
                Node("registration", {}, g.blob(4)),
                Node("type", {}, b"\x05"),
                Node("identity", {}, g.blob(32)),
                Node("list", {}, keys),
                Node(
                    "skey",
                    {},
                    [
                        Node("id", {}, g.blob(3)),
                        Node("value", {}, g.blob(32)),
                        Node("signature", {}, g.blob(64)),
                    ],
                ),
            ],
        )
    for _ in range(6):  # prekey fetch for several devices
        users = [
            Node("user", {"jid": g.user(), "reason": "identity"})
            for _ in range(g.rng.randint(1, 6))
        ]
        yield Node(
            "iq",
            {"id": g.iq_id(), "xmlns": "encrypt", "type": "get", "to": SERVER},
            [Node("key", {}, users)],
        )
    for jid in (
        g.group(),
        g.user(0),
        JID("status", "broadcast"),
        JID("120363" + g.digits(12), "newsletter"),
    ):
        yield Node(
            "iq",
            {"id": g.iq_id(), "xmlns": "w:g2", "type": "get", "to": jid},
            [Node("query", {"request": "interactive"})],
        )
    for _ in range(4):  # group metadata result
        group = g.group()
        parts = [
            Node("participant", {"jid": g.user(0), **({"type": "admin"} if k == 0 else {})})
            for k in range(g.rng.randint(2, 40))
        ]
        yield Node(
            "iq",
            {"from": group, "id": g.iq_id(), "type": "result"},
            [
                Node(
                    "group",
                    {
                        "id": group.user,
                        "subject": g.rng.choice(["Family", "Fußball 2026", "🏖️ trip", "dev"]),
                        "s_t": g.ts(),
                        "s_o": g.user(0),
                        "creation": g.ts(),
                        "creator": g.user(0),
                        "size": str(len(parts)),
                    },
                    [
                        *parts,
                        Node("description", {"id": g.msg_id()}, [Node("body", {}, b"welcome")]),
                    ],
                )
            ],
        )
    yield Node(
        "iq",
        {"id": g.iq_id(), "to": SERVER, "type": "set", "xmlns": "w:m"},
        [Node("media_conn")],
    )
    yield Node(
        "iq",
        {
            "id": g.iq_id(),
            "to": g.user(0),
            "target": g.user(0),
            "type": "get",
            "xmlns": "w:profile:picture",
        },
        [Node("picture", {"type": "image", "query": "url"})],
    )
    yield Node(
        "iq",
        {"id": g.iq_id(), "to": SERVER, "type": "set", "xmlns": "passive"},
        [Node("active")],
    )
    yield Node(
        "iq",
        {"id": g.iq_id(), "to": SERVER, "type": "set", "xmlns": "md"},
        [
            Node(
                "pair-device",
                {},
                [
                    Node("ref", {}, ("2@" + g.digits(40) + "," + g.digits(20)).encode())
                    for _ in range(6)
                ],
            )
        ],
    )
    yield Node(
        "iq",
        {"id": g.iq_id(), "to": JID("", HOSTED_SERVER), "type": "get", "xmlns": "w:sync:app:state"},
        [
            Node(
                "sync",
                {},
                [
                    Node(
                        "collection",
                        {
                            "name": n,
                            "version": str(g.rng.randint(0, 900)),
                            "return_snapshot": "false",
                        },
                    )
                    for n in ("regular", "regular_low", "critical_block")
                ],
            )
        ],
    )


def usync(g: Gen) -> Iterator[Node]:
    for i in range(10):
        users = [Node("user", {"jid": g.user(0)}) for _ in range(g.rng.randint(1, 25))]
        query = [Node("devices", {"version": "2"})]
        if i % 2:
            query.append(Node("lid"))
        if i % 3 == 0:
            query += [
                Node("contact"),
                Node("status"),
                Node("business", {}, [Node("verified_name")]),
            ]
        yield Node(
            "iq",
            {"id": g.iq_id(), "to": SERVER, "type": "get", "xmlns": "usync"},
            [
                Node(
                    "usync",
                    {
                        "sid": g.iq_id(),
                        "mode": "query",
                        "last": "true",
                        "index": "0",
                        "context": g.rng.choice(["message", "interactive", "background"]),
                    },
                    [Node("query", {}, query), Node("list", {}, users)],
                )
            ],
        )
    for size in (1, 3, 10, 60, 200):
        yield usync_result(g, size)


def usync_result(g: Gen, size: int) -> Node:
    users = []
    for _ in range(size):
        pn = g.pn()
        devices = [Node("device", {"id": "0"})] + [
            Node("device", {"id": str(d), "key-index": str(k + 1)})
            for k, d in enumerate(sorted(g.rng.sample(range(1, 40), g.rng.randint(0, 4))))
        ]
        users.append(
            Node(
                "user",
                {"jid": pn},
                [
                    Node(
                        "devices",
                        {},
                        [
                            Node("device-list", {}, devices),
                            Node("key-index-list", {"ts": g.ts()}, g.blob(g.rng.randint(60, 140))),
                        ],
                    ),
                    Node("lid", {"val": g.lid()}),
                    Node("status", {"t": g.ts()}, b"Hey there! I am using WhatsApp."),
                ],
            )
        )
    return Node(
        "iq",
        {"from": SERVER, "id": g.iq_id(), "type": "result"},
        [
            Node(
                "usync",
                {
                    "sid": g.iq_id(),
                    "mode": "query",
                    "last": "true",
                    "index": "0",
                    "context": "message",
                },
                [
                    Node("result", {}, [Node("devices"), Node("lid")]),
                    Node("list", {}, users),
                ],
            )
        ],
    )


def notifications(g: Gen) -> Iterator[Node]:
    for i in range(6):
        user = g.user(0)
        devs = [
            Node("device", {"jid": user.with_device(d), "key-index": str(k)})
            for k, d in enumerate([1, 3, 8])
        ]
        change = g.rng.choice(["add", "remove", "update"])
        yield Node(
            "notification",
            {
                "from": user,
                "id": g.iq_id(),
                "t": g.ts(),
                "type": "devices",
                **({"lid": g.lid()} if i % 2 else {}),
            },
            [
                Node(
                    change,
                    {"device_hash": "2:" + g.msg_id()[:8]},
                    [*devs, Node("key-index-list", {"ts": g.ts()}, g.blob(120))],
                )
            ],
        )
    for i in range(8):
        action = g.rng.choice(["add", "remove", "promote", "demote", "leave"])
        parts = [
            Node("participant", {"jid": g.user(0), **({"phone_number": g.pn()} if i % 2 else {})})
            for _ in range(g.rng.randint(1, 5))
        ]
        yield Node(
            "notification",
            {
                "from": g.group(),
                "id": g.iq_id(),
                "participant": g.user(0),
                "t": g.ts(),
                "type": "w:gp2",
                "notify": g.name(),
            },
            [Node(action, {"reason": "invite"} if action == "add" else {}, parts)],
        )
    for i in range(4):
        user = g.user(0)
        yield Node(
            "notification",
            {"from": user, "id": g.iq_id(), "t": g.ts(), "type": "picture"},
            [
                Node(
                    "set" if i % 2 else "delete",
                    {"jid": user, "id": g.digits(10), "author": g.user(0)},
                )
            ],
        )
    for _ in range(3):
        yield Node(
            "notification",
            {"from": SERVER, "id": g.iq_id(), "t": g.ts(), "type": "encrypt"},
            [Node("count", {"value": str(g.rng.randint(0, 20))})],
        )
    yield Node(
        "notification",
        {"from": SERVER, "id": g.iq_id(), "t": g.ts(), "type": "server_sync"},
        [
            Node("collection", {"name": n, "version": str(g.rng.randint(1, 99))})
            for n in ("regular", "critical_unblock_low")
        ],
    )
    yield Node(
        "notification",
        {"from": SERVER, "id": g.iq_id(), "t": g.ts(), "type": "account_sync"},
        [Node("privacy", {}, [Node("category", {"name": "last", "value": "contacts"})])],
    )
    yield Node(
        "notification",
        {
            "from": JID(g.digits(15), HOSTED_LID_SERVER, 99),
            "id": g.iq_id(),
            "t": g.ts(),
            "type": "encrypt",
        },
        [Node("identity")],
    )


def presence(g: Gen) -> Iterator[Node]:
    yield Node("presence", {"type": "available", "name": g.name()})
    yield Node("presence", {"type": "unavailable"})
    for i in range(6):
        attrs = {"from": g.user(0), "type": g.rng.choice(["available", "unavailable"])}
        if i % 2:
            attrs["last"] = g.rng.choice([g.ts(), "deny", "none"])
        yield Node("presence", attrs)
    yield Node("presence", {"type": "subscribe", "to": g.user(0)})
    for i in range(8):
        state = (
            [Node("composing", {"media": "audio"} if i % 4 == 0 else {})]
            if i % 2
            else [Node("paused")]
        )
        attrs = {"from": g.group(), "participant": g.user(0)} if i % 3 == 0 else {"from": g.user(0)}
        yield Node("chatstate", attrs, state)


def stream(g: Gen) -> Iterator[Node]:
    yield Node("stream:error", {"code": "515"})
    yield Node("stream:error", {"code": "503"})
    yield Node("stream:error", {}, [Node("conflict", {"type": "replaced"})])
    yield Node("stream:error", {}, [Node("ack", {"id": g.msg_id()})])
    yield Node("xmlstreamend")
    yield Node("failure", {"reason": "401", "location": "frc"})
    yield Node(
        "success",
        {
            "t": g.ts(),
            "props": "27",
            "abprops": "53",
            "location": "frc",
            "creation": g.ts(),
            "lid": g.lid(),
            "display_name": g.name(),
            "companion_enc_static": base64.b64encode(g.blob(32)).decode(),
        },
    )
    yield Node("ib", {}, [Node("dirty", {"type": "account_sync", "timestamp": g.ts()})])
    yield Node("ib", {}, [Node("offline", {"count": str(g.rng.randint(0, 500))})])
    yield Node("ib", {}, [Node("edge_routing", {}, [Node("routing_info", {}, g.blob(12))])])
    yield Node(
        "call",
        {"from": g.user(0), "id": g.msg_id(), "t": g.ts()},
        [
            Node(
                "offer",
                {"call-id": g.msg_id(), "call-creator": g.user(3)},
                [Node("audio", {"enc": "opus", "rate": "16000"}), Node("net", {"medium": "3"})],
            )
        ],
    )


def payload_sizes(g: Gen) -> Iterator[Node]:
    for size in (0, 1, 2, 127, 255, 256, 4095, 65535, 65536, (1 << 20) - 1, 1 << 20):
        yield Node("enc", {"v": "2", "type": "msg"}, g.blob(size))
    yield Node("media", {"type": "document", "length": str(3 << 20)}, g.blob((1 << 20) + 3))


def text_values(g: Gen) -> Iterator[Node]:
    """Long, packed, odd-length and non-ASCII text in attributes."""
    for n in (1, 2, 3, 7, 8, 63, 64, 126, 127, 128, 200):
        nib = "".join(g.rng.choice("0123456789-.") for _ in range(n))
        hexa = "".join(g.rng.choice("0123456789ABCDEF") for _ in range(n))
        low = "".join(g.rng.choice("0123456789abcdef") for _ in range(n))
        yield Node("item", {"nibble": nib, "hex": hexa, "lower": low, "digits": g.digits(n)})
    for n in (5, 49, 255, 256, 300, 4000, 70000):
        text = "".join(g.rng.choice("abcdefghij klmnop,QRST") for _ in range(n))
        yield Node("text", {"body": text, "len": str(n)})
    yield Node("text", {"body": "naïve café — ünïcödé ✓ 中文 🎉" * 20, "lang": "fr"})
    yield Node("text", {"subject": "x" * 255, "y": "y" * 256})


def token_nodes() -> Iterator[Node]:
    """Every token of every dictionary, as attribute values and as tags."""
    tokens = list(SINGLE_BYTE_TOKENS[1:])
    for table in DOUBLE_BYTE_TOKENS:
        tokens += table
    for start in range(0, len(tokens), 24):
        chunk = tokens[start : start + 24]
        yield Node("tokens", {f"k{i}": tok for i, tok in enumerate(chunk)})
    for start in range(0, len(tokens), 64):
        yield Node("list", {}, [Node(tok) for tok in tokens[start : start + 64]])


def jid_forms(g: Gen) -> Iterator[Node]:
    """Every JID form, as JID objects."""
    forms = [
        g.pn(),
        g.pn(1),
        g.pn(255),
        g.lid(),
        g.lid(7),
        JID(g.digits(15), HOSTED_SERVER, 99),
        JID(g.digits(15), HOSTED_LID_SERVER, 99),
        JID(g.digits(11), HOSTED_SERVER),
        g.group(),
        JID(g.phone() + "-" + g.ts(), "g.us"),
        JID("status", "broadcast"),
        JID(g.ts(), "broadcast"),
        JID("120363" + g.digits(12), "newsletter"),
        JID("867051314767696", "bot"),
        JID("13135550002", DEFAULT_USER_SERVER),
        JID(g.msg_id(), "call"),
        JID(g.phone(), "c.us"),
        JID("", DEFAULT_USER_SERVER),
        JID("", "g.us"),
        JID("", HIDDEN_USER_SERVER),
        JID("", "broadcast"),
        JID("", "call"),
    ]
    for start in range(0, len(forms), 5):
        chunk = forms[start : start + 5]
        yield Node(
            "iq",
            {"id": g.iq_id(), **{f"jid{i}": j for i, j in enumerate(chunk)}},
            [Node("user", {"jid": j}) for j in chunk],
        )


def canonical(seed: int = 2) -> list[Node]:
    g = Gen(seed)
    out: list[Node] = []
    for part in (
        messages,
        receipts,
        acks,
        iqs,
        usync,
        notifications,
        presence,
        stream,
        payload_sizes,
        text_values,
        jid_forms,
    ):
        out.extend(part(g))
    out.extend(token_nodes())
    return out


# Text values on the edges of the encoder's rules: (value, note).
EDGE_TEXTS = [
    ("5511999887766@s.whatsapp.net", "JID text"),
    ("5511999887766:0@s.whatsapp.net", "explicit device 0 -> AD_JID"),
    ("5511999887766:12@s.whatsapp.net", "device"),
    ("5511999887766:255@s.whatsapp.net", "largest AD device"),
    ("5511999887766:256@s.whatsapp.net", "device too large: user keeps the colon"),
    ("5511999887766:+7@s.whatsapp.net", "Rust u8 parse accepts '+'"),
    ("5511999887766:007@lid", "leading zeros"),
    ("foo:bar@s.whatsapp.net", "non-numeric device"),
    ("5511999887766_1@s.whatsapp.net", "agent without device is dropped"),
    ("abc_x@s.whatsapp.net", "non-numeric agent"),
    ("@s.whatsapp.net", "server-only JID (Baileys' S_WHATSAPP_NET)"),
    ("@g.us", "server-only group"),
    ("s.whatsapp.net", "a token, not a JID"),
    ("status@broadcast", "token user and server"),
    ("123456789012345:3@lid", "LID device"),
    ("123456789012345:99@hosted", "hosted device"),
    ("123456789012345@hosted", "hosted without device"),
    ("a@b", "unknown server"),
    ("a@b@c", "second '@' in the server"),
    ("@", "empty user and server"),
    ("x@" + "y" * 46, "48 bytes: still a JID"),
    ("x@" + "y" * 47, "49 bytes: raw text"),
    ("é@" + "y" * 45, "48 bytes in UTF-8, 47 characters"),
    ("é@" + "y" * 46, "49 bytes in UTF-8"),
    ("0", "single-byte token that is also a digit"),
    ("00", "token"),
    ("000", "nibble"),
    ("-", "double-byte token"),
    ("--", "nibble"),
    ("1.5", "nibble"),
    ("ABC", "hex"),
    ("abc", "lowercase: raw"),
    ("1" * 127, "longest nibble"),
    ("1" * 128, "too long to pack"),
    ("F" * 127, "longest hex"),
    ("F" * 128, "too long to pack"),
    ("line\nbreak", "control character"),
]


def edge_cases() -> list[tuple[Node, str]]:
    out = []
    for value, note in EDGE_TEXTS:
        out.append((Node("edge", {"v": value, "n": "1"}), note))
        out.append((Node(value, {"tag": "1"}), note + " (as tag)"))
    return out


# -- the bridge's view of a node (tests/interop/js/binary.mjs) ------------------------


def js_text(value: str | JID) -> str:
    """The JS attribute text the bridge turns into the same wire value."""
    if isinstance(value, str):
        return value
    if value.server in (MESSENGER_SERVER, INTEROP_SERVER) or value.agent:
        raise AssertionError(f"{value!r} has no text form the bridge encodes alike")
    return "@" + value.server if not value.user else str(value)


def to_js(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {
        "tag": node.tag,
        "attrs": {k: js_text(v) for k, v in node.attrs.items() if v is not None},
    }
    if isinstance(node.content, list):
        out["content"] = [to_js(child) for child in node.content]
    elif node.content is not None:
        out["content"] = {"b64": base64.b64encode(bytes(node.content)).decode()}
    return out
