"""``<ib><unified_session id/></ib>``: the session marker WhatsApp Web sends after a login
and when it goes online (whatsmeow getUnifiedSessionID, Baileys getUnifiedSessionId,
whatsapp-rust wacore/src/ib.rs): the server's time in milliseconds, shifted by three
days, modulo one week, in decimal. Not acknowledged."""

from __future__ import annotations

from wacli.binary import Node

_DAY_MS = 86_400_000
_WEEK_MS = 7 * _DAY_MS


def unified_session_id(local_ms: int, server_offset_ms: int = 0) -> str:
    """``server_offset_ms`` is the server's clock minus ours (from ``<success t>``)."""
    return str((local_ms + server_offset_ms + 3 * _DAY_MS) % _WEEK_MS)


def unified_session(local_ms: int, server_offset_ms: int = 0) -> Node:
    return Node(
        "ib", {}, [Node("unified_session", {"id": unified_session_id(local_ms, server_offset_ms)})]
    )
