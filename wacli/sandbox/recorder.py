"""The stanza recorder: what each logged-in device sends, phase by phase, as shapes.

A test that wants to compare two clients' wire behaviour names a phase
(``POST /admin/record {"phase": "login"}``); from then on every stanza a logged-in
device sends is kept, abstracted to its *shape*, under that phase, until the next
phase is named (``{"phase": null}`` stops recording). ``GET /admin/record`` answers
``{"phase", "accounts": {phone: {device: {phase: [shape, …]}}}}`` in arrival order;
``{"clear": true}`` in the POST drops what was kept before. Off by default: the only
cost then is one attribute test per stanza.

A shape is one line of text: ``<tag a=v b=v>child child</tag>`` (``<tag a=v/>``
without content), the attributes sorted by name. Values stay literal only for the
attributes whose value *is* the protocol (``LITERAL``); every other value becomes its
kind: ``id``, ``int``, ``text``, or for a JID ``pn``/``lid`` (``:dev`` when it names a
device), ``group``, ``server``, ``broadcast``, ``newsletter``, ``bot``. Byte content is
``bytes``; the children's shapes follow in order, and a run of equal children is
written once with ``*`` (how many devices a message fans out to is not its shape).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from wacli.binary import Node
from wacli.jid import JID, JIDError, parse_jid
from wacli.sandbox.http import HttpError, Request, Response, Router

if TYPE_CHECKING:
    from wacli.sandbox.hub import Hub

# Attributes whose value is part of the protocol, kept as sent.
LITERAL = frozenset(
    {"xmlns", "type", "class", "category", "reason", "protocol", "edit", "media", "v"}
)
# Per device and phase, a bound on what is kept (a runaway client must not eat memory).
MAX_PER_PHASE = 5000
_INT = re.compile(r"-?[0-9]+")
_SERVERS = {
    "s.whatsapp.net": "pn",
    "c.us": "pn",
    "lid": "lid",
    "g.us": "group",
    "broadcast": "broadcast",
    "newsletter": "newsletter",
    "bot": "bot",
}


def _jid_kind(jid: JID) -> str:
    if not jid.user:
        return "server"
    kind = _SERVERS.get(jid.server, jid.server)
    return f"{kind}:dev" if jid.device else kind


def value_kind(name: str, value: object) -> str:
    """The abstract kind of one attribute value (its literal text for ``LITERAL`` names)."""
    if isinstance(value, JID):
        return _jid_kind(value)
    text = str(value)
    if name in LITERAL:
        return text
    if name == "id":
        return "id"
    if _INT.fullmatch(text):
        return "int"
    if "@" in text:
        try:
            return _jid_kind(parse_jid(text))
        except JIDError:
            pass
    return "text"


def shape(node: Node) -> str:
    """One stanza's shape (see the module docstring)."""
    attrs = "".join(
        f" {name}={value_kind(name, value)}"
        for name, value in sorted(node.attrs.items())
        if value is not None
    )
    content = node.content
    if content is None:
        return f"<{node.tag}{attrs}/>"
    if isinstance(content, list):
        parts: list[str] = []
        for child in content:
            child_shape = shape(child)
            if parts and parts[-1].rstrip("*") == child_shape:
                parts[-1] = child_shape + "*"
            else:
                parts.append(child_shape)
        inner = "".join(parts)
    else:
        inner = "bytes"
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


class Recorder:
    """Shapes of the stanzas each device sent, per phase (``phase`` None: not recording)."""

    def __init__(self) -> None:
        self.phase: str | None = None
        self.kept: dict[tuple[str, int], dict[str, list[str]]] = defaultdict(dict)

    def record(self, device: tuple[str, int], node: Node) -> None:
        phase = self.phase
        if phase is None:
            return
        shapes = self.kept[device].setdefault(phase, [])
        if len(shapes) < MAX_PER_PHASE:
            shapes.append(shape(node))

    def describe(self) -> dict[str, Any]:
        accounts: dict[str, dict[str, dict[str, list[str]]]] = {}
        for (phone, device), phases in sorted(self.kept.items()):
            accounts.setdefault(phone, {})[str(device)] = {k: list(v) for k, v in phases.items()}
        return {"phase": self.phase, "accounts": accounts}


def add_routes(router: Router, hub: Hub) -> None:
    """``POST /admin/record`` (start, switch or stop a phase) and ``GET /admin/record``."""

    async def start(request: Request) -> Response:
        body = request.json()
        if not isinstance(body, dict) or not set(body) <= {"phase", "clear"}:
            raise HttpError(400, 'the body is {"phase": "name" | null, "clear"?: bool}')
        phase = body.get("phase")
        if phase is not None and (not isinstance(phase, str) or not 0 < len(phase) <= 64):
            raise HttpError(400, "'phase' is a name (1 to 64 characters) or null")
        if not isinstance(body.get("clear", False), bool):
            raise HttpError(400, "'clear' must be true or false")
        if body.get("clear"):
            hub.recorder.kept.clear()
        hub.recorder.phase = phase
        return Response.json(hub.recorder.describe())

    async def show(request: Request) -> Response:
        return Response.json(hub.recorder.describe())

    router.add("POST", "/admin/record", start)
    router.add("GET", "/admin/record", show)
