"""Helpers the sandbox tests share (the companion itself is bench/companion.py)."""

from __future__ import annotations

import os
from pathlib import Path

from bench.companion import Online, Session, account, ack, linked_companion
from bench.local_sandbox import Running
from wacli.binary import Node
from wacli.binary.node import Attrs
from wacli.crypto import xeddsa_verify
from wacli.proto import adv_pb2, e2e_pb2, history_sync_pb2
from wacli.protocol.adv import KEY_INDEX_LIST_PREFIX
from wacli.protocol.history import inflate_history


async def with_companion(
    sandbox: Running, directory: Path, phone: str, people: dict[str, str]
) -> tuple[dict[str, dict], Online]:
    """The accounts of ``people`` (phone: push name, made in that order) and a companion
    of ``phone``'s linked in ``directory`` (bench.companion.linked_companion)."""
    made = {number: await account(sandbox, number, name) for number, name in people.items()}
    return made, await linked_companion(sandbox, phone, directory)


async def pair_device(session: Session) -> tuple[Node, list[str]]:
    """Answer the server's first stanza to a registering companion, <pair-device>;
    (it, its refs)."""
    node = await session.receive()
    assert node.tag == "iq" and node.attr("xmlns") == "md" and node.attr("type") == "set"
    refs = [ref.content_bytes().decode() for ref in node.require_child("pair-device").children]
    await session.send(
        Node("iq", {"to": "s.whatsapp.net", "type": "result", "id": node.attr("id")})
    )
    return node, refs


def g2(kind: str, to: str, child: Node) -> Node:
    """A w:g2 (groups) IQ."""
    attrs: Attrs = {"id": os.urandom(4).hex(), "to": to, "xmlns": "w:g2", "type": kind}
    return Node("iq", attrs, [child])


async def group_notification(online: Online, child: str) -> Node:
    """The next w:gp2 notification (acked), whose change is ``child`` (it may have come
    while an IQ's answer was awaited)."""
    early = [n for n in online.session.skipped if n.tag == "notification"]
    if early:
        node = early[0]
        online.session.skipped.remove(node)
    else:
        node = await online.session.receive_tag("notification")
    assert node.attr("type") == "w:gp2" and node.children[0].tag == child, node
    await ack(online.session, node)
    return node


def inline(message: e2e_pb2.Message) -> history_sync_pb2.HistorySync:
    """The history chunk a HISTORY_SYNC_NOTIFICATION carries inline."""
    note = message.protocol_message.history_sync_notification
    sync = inflate_history(note.initial_hist_bootstrap_inline_payload)
    assert int(note.sync_type) == int(sync.sync_type) and note.chunk_order == sync.chunk_order
    return sync


def signed_key_indexes(signed_list: bytes, account_identity: bytes) -> adv_pb2.ADVKeyIndexList:
    """The key index list the sandbox's phone signed, once its signature checks out under
    the account's identity key (AssertionError otherwise)."""
    signed = adv_pb2.ADVSignedKeyIndexList.FromString(signed_list)
    assert xeddsa_verify(
        account_identity, KEY_INDEX_LIST_PREFIX + signed.details, signed.account_signature
    ), "the key index list is not signed by the account"
    return adv_pb2.ADVKeyIndexList.FromString(signed.details)
