"""Bench clients for the sandbox: companions (bench/companion.py, wacli's client) that pair,
log in and then exchange 1:1 Signal messages with one partner, counting what happens.

Each client runs one reader task (server acks, messages to decrypt and ack) and one
sender task (encrypt, send, wait for the server's ack, repeat). Pairs are (2k, 2k+1):
the even client opens the Signal session with a prekey bundle, the odd one starts
sending once the first message reached it, so no two sessions are opened at once.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import anyio

from bench.companion import (
    Companion,
    Online,
    Session,
    ack,
    bundle_for,
    fetch_bundle,
    linked_companion,
)
from bench.local_sandbox import Running
from wacli.binary import Node
from wacli.binary.node import Attrs
from wacli.proto import e2e_pb2
from wacli.signal import PreKeyBundle

ACK_TIMEOUT = 30.0


@dataclass
class Tally:
    """What every client adds to during the exchange."""

    acked: int = 0  # messages the server acked (no error)
    delivered: int = 0  # messages a receiver decrypted
    ack_latency: list[float] = field(default_factory=list)  # send -> server ack, seconds
    e2e_latency: list[float] = field(default_factory=list)  # send -> decrypted by peer
    errors: Counter[str] = field(default_factory=Counter)

    def error(self, where: str, exc: BaseException | str) -> None:
        name = exc if isinstance(exc, str) else type(exc).__name__
        self.errors[f"{where}: {name}"] += 1


class BenchClient:
    def __init__(self, index: int, phone: str, directory: Path, tally: Tally) -> None:
        self.index = index
        self.phone = phone
        self.directory = directory
        self.tally = tally
        self.companion: Companion | None = None
        self.session: Session | None = None
        self.partner: BenchClient | None = None
        self.first_received = anyio.Event()
        self.pending: dict[str, tuple[float, anyio.Event]] = {}
        self.sent = 0
        self.bundle: PreKeyBundle | None = None

    async def connect(self, sandbox: Running) -> None:
        """Link by QR through the admin API, log in, upload prekeys (the tests' steps)."""
        online = await linked_companion(sandbox, self.phone, self.directory)
        self.companion, self.session = online.companion, online.session

    async def prepare(self) -> None:
        """The even client of a pair fetches its partner's bundle (before the reader runs:
        query() reads the stream itself)."""
        assert self.session is not None and self.companion is not None
        assert self.partner is not None and self.partner.companion is not None
        if self.index % 2 == 0:
            peer_jid = self.partner.companion.jid
            assert peer_jid is not None
            answer = await fetch_bundle(Online(self.companion, self.session, 0), peer_jid)
            self.bundle = bundle_for(answer, 1)

    async def read(self) -> None:
        """Until cancelled: settle server acks, decrypt and ack messages."""
        assert self.session is not None and self.companion is not None
        while True:
            node = await self.session.receive(timeout=3600)
            if node.tag == "ack" and node.attr("class") == "message":
                waiting = self.pending.pop(node.attr("id") or "", None)
                if waiting is None:
                    continue
                if node.attr("error"):
                    self.tally.error("server ack", f"error={node.attr('error')}")
                else:
                    self.tally.acked += 1
                    self.tally.ack_latency.append(time.perf_counter() - waiting[0])
                waiting[1].set()
            elif node.tag == "message":
                try:
                    plain = self.companion.decrypt(node)
                    sent_at = float(plain.conversation.split(" ", 1)[0])
                    self.tally.delivered += 1
                    self.tally.e2e_latency.append(time.perf_counter() - sent_at)
                except Exception as exc:  # counted, the run goes on
                    self.tally.error("decrypt", exc)
                await ack(self.session, node)
                self.first_received.set()

    async def send_loop(self, count: int, deadline: float) -> None:
        """Send ``count`` messages to the partner (or until ``deadline``), one at a time."""
        assert self.session is not None and self.companion is not None
        assert self.partner is not None and self.partner.companion is not None
        peer_jid = self.partner.companion.jid
        assert peer_jid is not None
        peer_user = peer_jid.split("@")[0].split(":")[0]
        if self.index % 2 == 1:
            with anyio.fail_after(ACK_TIMEOUT):
                await self.first_received.wait()
        while self.sent < count and time.perf_counter() < deadline:
            message_id = f"B{self.index:04d}{self.sent:06d}{os.urandom(2).hex()}".upper()
            text = f"{time.perf_counter()!r} from client {self.index}"
            data = e2e_pb2.Message(conversation=text).SerializeToString()
            enc = self.companion.encrypt(peer_user, 1, self.bundle, data)
            done = anyio.Event()
            self.pending[message_id] = (time.perf_counter(), done)
            attrs: Attrs = {"to": peer_jid, "id": message_id, "type": "text"}
            await self.session.send(Node("message", attrs, [enc]))
            self.sent += 1
            with anyio.fail_after(ACK_TIMEOUT):
                await done.wait()
