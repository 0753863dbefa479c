"""Who sees our status updates: the status privacy IQ, built and read (whatsmeow broadcast.go
GetStatusPrivacy), shared by the client and the sandbox.

``<iq xmlns="status" type="get" to="s.whatsapp.net"><privacy/></iq>`` is answered with
``<privacy><list type="contacts|blacklist|whitelist" [default="true"]><user jid/>…</list>…
</privacy>``: "contacts" shares with the whole address book, "blacklist" with the address
book less the listed users, "whitelist" with the listed users only. The list marked
default is the one that applies; a server that has none answers 404, which means
"contacts" (as whatsmeow reads it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from wacli.binary import BinaryError, Node
from wacli.jid import JID, JIDError

STATUS_XMLNS: Final = "status"
KINDS: Final = ("contacts", "blacklist", "whitelist")
MAX_LISTED: Final = 5000  # users read from one list (an address book's order of size)


@dataclass(frozen=True, slots=True)
class StatusPrivacy:
    kind: str  # one of KINDS
    users: tuple[JID, ...] = ()  # the listed users (blacklist or whitelist)

    def audience(self, contacts: list[JID]) -> list[JID]:
        """The users a status goes to, given the address book's ``contacts``."""
        if self.kind == "whitelist":
            return list(self.users)
        excluded = set(self.users) if self.kind == "blacklist" else set()
        return [jid for jid in contacts if jid not in excluded]


CONTACTS: Final = StatusPrivacy("contacts")


def privacy_request_content() -> list[Node]:
    return [Node("privacy")]


def parse_status_privacy(answer: Node) -> StatusPrivacy:
    """The default list of an answer (the first one when none is marked); CONTACTS when the
    answer has no list of a known kind."""
    holder = answer.child("privacy")
    lists = [] if holder is None else holder.children_named("list")
    known = [node for node in lists if node.attr("type") in KINDS]
    if not known:
        return CONTACTS
    chosen = next((node for node in known if node.attr("default") == "true"), known[0])
    users = []
    for user in chosen.children_named("user")[:MAX_LISTED]:
        try:
            users.append(user.attr_jid("jid").to_non_ad())
        except (BinaryError, JIDError):
            continue
    return StatusPrivacy(chosen.attr("type") or "contacts", tuple(users))


def status_privacy_answer(privacy: StatusPrivacy) -> Node:
    """The ``<privacy>`` a server answers with: ``privacy`` as the default list."""
    users = [Node("user", {"jid": jid}) for jid in privacy.users]
    return Node(
        "privacy", {}, [Node("list", {"type": privacy.kind, "default": "true"}, users or None)]
    )
