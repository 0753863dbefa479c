"""The client's requests and what it reads of their answers (pure functions).

An IQ is ``<iq id type xmlns to>``; the server answers with ``type="result"``
or ``type="error"`` and the same id (whatsmeow request.go, Baileys socket.ts).
Acks and answers to the server's own IQs are wacli.protocol.stanzas'.
"""

from __future__ import annotations

import itertools
import os

from wacli.binary import Node
from wacli.client.errors import IqError
from wacli.jid import JID, SERVER_JID


class IdSource:
    """Request ids: a random per-connection prefix and a counter, as whatsmeow does."""

    def __init__(self, prefix: str | None = None) -> None:
        self._prefix = prefix if prefix is not None else f"{os.urandom(2).hex()}."
        self._counter = itertools.count(1)

    def __call__(self) -> str:
        return f"{self._prefix}{next(self._counter)}"


def iq(
    xmlns: str,
    type_: str,
    content: list[Node] | bytes | None = None,
    *,
    to: JID | str = SERVER_JID,
    id: str | None = None,
) -> Node:
    """An IQ request; the connection fills in the id when it is None."""
    return Node("iq", {"id": id, "xmlns": xmlns, "type": type_, "to": to}, content)


def iq_error_reply(request_id: str, code: int, text: str) -> Node:
    return Node(
        "iq",
        {"to": SERVER_JID, "type": "error", "id": request_id},
        [Node("error", {"code": str(code), "text": text})],
    )


def iq_error(response: Node) -> IqError:
    """The typed error for an ``<iq type="error">`` answer."""
    error = response.child("error")
    code_text = error.attr("code") if error is not None else None
    code = int(code_text) if code_text is not None and code_text.isdigit() else None
    text = error.attr("text") if error is not None else None
    shown = " ".join(part for part in (code_text, text) if part) or "no details"
    return IqError(f"the server answered the request with an error ({shown})", code, text)
