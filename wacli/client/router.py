"""The default treatment of stanzas no feature handler claimed.

- a server IQ ping (``xmlns="urn:xmpp:ping"``) is answered with a result;
- ``<ib>`` carries offline-sync progress and the "scanned without multi-device" hint;
- a notification becomes a ``notification`` event, acked after the sink (``listen``;
  the one-shot commands leave notifications unacknowledged for it: ``leave_for_listen``);
- messages, receipts and calls are left unacknowledged, so the server keeps them
  until a handler that can process them (``listen``'s) is running.

Which feature handler takes a stanza is said by the table in wacli.client.routes; these
defaults treat what no route took.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wacli.binary import Node
from wacli.client import connection_events as cev
from wacli.client.dispatcher import Outcome
from wacli.protocol.stanzas import iq_result

if TYPE_CHECKING:
    from wacli.client import events as ev


def node_data(node: Node) -> ev.NodeData:
    """A node as the ``notification`` event writes it (attributes as text)."""
    from wacli.client import events as ev  # listen's; a command's default emits none

    content = node.content
    return ev.NodeData(
        tag=node.tag,
        attrs={key: str(value) for key, value in node.attrs.items() if value is not None},
        content=[node_data(child) for child in content] if isinstance(content, list) else content,
    )


def _int(node: Node, key: str) -> int:
    value = node.attr(key)
    return int(value) if value is not None and value.isdigit() else 0


def _ib_events(node: Node) -> list[cev.Event]:
    found: list[cev.Event] = []
    for child in node.children:
        if child.tag == "downgrade_webclient":
            found.append(cev.QrScannedWithoutMultidevice())
        elif child.tag == "offline_preview":
            found.append(
                cev.OfflineSyncPreview(
                    total=_int(child, "count"),
                    app_data_changes=_int(child, "appdata"),
                    messages=_int(child, "message"),
                    notifications=_int(child, "notification"),
                    receipts=_int(child, "receipt"),
                )
            )
        elif child.tag == "offline":
            found.append(cev.OfflineSyncCompleted(count=_int(child, "count")))
    return found


async def default_handler(node: Node) -> Outcome:
    """What ``listen`` does with a stanza no feature took: ``leave_for_listen``'s, and a
    notification emitted as the generic event and acked."""
    from wacli.client import events as ev

    if node.tag == "notification":
        return Outcome(events=(ev.Notification(node=node_data(node)),))
    return await leave_for_listen(node)


async def leave_for_listen(node: Node) -> Outcome:
    """The one-shot commands' default (pair, send, presence, groups, …): pings answered and
    ``<ib>`` read (it is never acked), nothing else acknowledged, so the server keeps
    every notification, message, receipt and call for ``wacli listen``."""
    if node.tag == "iq":
        if node.attr("type") == "get" and node.attr("xmlns") == "urn:xmpp:ping":
            return Outcome(reply=iq_result(node))
        return Outcome(reply=None)
    if node.tag == "ib":
        return Outcome(events=_ib_events(node), reply=None)
    return Outcome(reply=None)
