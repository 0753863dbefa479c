"""wacli and an unmodified Baileys 7 send the same stanza shapes for the same flow.

One sandbox, four accounts: A (a wacli store is its companion), B (a Baileys companion),
P (a phone that writes to both, and that both write to: they hold its privacy token) and
C (a cold phone neither holds a token of: a 1:1 send to it is refused with 463, and each
client then issues its own token to C). The sandbox's stanza recorder (POST/GET
/admin/record, wacli/sandbox/recorder.py) keeps the shape of every stanza each companion
sends, phase by phase, while the two do the same things:

- login: both were offline while P wrote to them and made a group with each; now both
  log in (Baileys reconnects, `wacli listen` starts and keeps running to the end);
- send: a 1:1 text to P (its `<tctoken>` attached, then our token issued) and one to C
  (463, then the issuance IQ);
- receive: P writes to each (the receipts and acks each sends back);
- group: each writes to its group with P, and P writes to both groups;
- presence: each subscribes to P's presence (`<tctoken>` inside).

Per phase the multisets of shapes must be equal, but for the optional children on STRIP
and the differences on ALLOW, each with the reason it is not a wacli bug. A failure
prints the per-phase table of differences.
"""

from __future__ import annotations

import re
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.client.accounts import pair
from tests.client.support import Wacli, new_account, run
from tests.interop.baileys import Baileys, running_baileys
from wacli.sandbox.process import SandboxProcess

WACLI_PHONE = "15550009001"  # A
BAILEYS_PHONE = "15550009002"  # B
PEER_PHONE = "15550009003"  # P
COLD_PHONE = "15550009004"  # C
PHASES = ("login", "send", "receive", "group", "presence")
QUIET = 1.5  # a phase has settled when nothing was recorded for this long
SETTLE_LIMIT = 45.0  # and it must settle within this
WAIT_LIMIT = 30.0  # any one condition polled for

# (phase or "*", the side that sends it alone: "baileys" or "wacli", a regex matching the
# whole shape, why it is no wacli bug). Shapes: wacli/sandbox/recorder.py. Where a shape
# carries what the real server needs (a <tctoken>, the issuance IQ), the pattern keeps it,
# so that losing it fails.
IQ = r"<iq id=id to=server type={} xmlns={}>{}</iq>"
MSG_ENC = r"(<to jid=(pn|lid)><enc type=(msg|pkmsg) v=2>bytes</enc></to>\*?)+"
# Optional children one side adds, cut out of its shapes before the comparison:
# (the side, the exact child, why). Baileys attaches a reporting token (for abuse reports)
# to a message with a messageSecret, not to every one; the server delivers without it,
# and wacli sends none yet.
STRIP: list[tuple[str, str, str]] = [
    (
        "baileys",
        "<reporting><reporting_token v=2>bytes</reporting_token></reporting>",
        "optional reporting token",
    ),
]
ALLOW: list[tuple[str, str, str, str]] = [
    # Keepalives run on each client's own clock (Baileys every 30 s) and fall in any phase.
    ("*", "baileys", IQ.format("get", "w:p", "<ping/>"), "keepalive timing"),
    ("*", "wacli", IQ.format("get", "w:p", "<ping/>"), "keepalive timing"),
    # wacli's listen announces its push name at login with an "unavailable" presence, as WA
    # Web tells the server its name (whatsmeow: SendPresence). Baileys sends its presence
    # only when it knows me.name, which a QR-linked Baileys here never learns.
    ("login", "wacli", "<presence name=text type=unavailable/>", "push name announced"),
    # wacli catches up every app-state collection at each login; Baileys only during its
    # initial sync or on a server_sync notification.
    (
        "login",
        "wacli",
        IQ.format(
            "set",
            "w:sync:app:state",
            "<sync><collection name=text return_snapshot=text version=int/></sync>",
        ),
        "app-state catch-up on login",
    ),
    # Baileys asks for the offline queue in batches, as WA Web does; the server sends the
    # queue either way, and WM and wacli do not ask.
    ("login", "baileys", r"<ib><offline_batch count=int/></ib>", "offline batch request"),
    # Baileys asks for the props and checks the prekey digest at every login; wacli when its
    # stored ones are due (the props' refresh interval, a day for the digest): its first
    # login, in setup, sent both (asserted in the test).
    ("login", "baileys", IQ.format("get", "abt", "<props hash=text protocol=1/>"), "props due"),
    ("login", "baileys", IQ.format("get", "encrypt", "<digest/>"), "digest check due daily"),
    # Baileys' init queries fetch the blocklist and privacy settings for the app's use.
    ("login", "baileys", r"<iq id=id to=server type=get xmlns=blocklist/>", "app data"),
    ("login", "baileys", IQ.format("get", "privacy", "<privacy/>"), "app data"),
    # Prekeys for new sessions: wacli asks by the address it sends to (the PN of a 1:1
    # chat), one user per query; Baileys 7 by LID, every user in one query, and in a group
    # also for its own companion device (see the group message below).
    (
        "*",
        "wacli",
        IQ.format("get", "encrypt", r"<key>(<user jid=(pn|lid) reason=identity/>\*?)+</key>"),
        "prekeys by PN",
    ),
    (
        "*",
        "baileys",
        IQ.format("get", "encrypt", r"<key>(<user jid=lid(:dev)?( reason=identity)?/>\*?)+</key>"),
        "prekeys by LID",
    ),
    # Issuing our token: prop 14303 is "1" in the sandbox, so wacli (as WM and WR) names
    # the contact's LID; Baileys names the PN, and issues to a cold contact twice (after
    # the send, and again on its 463). That both issued is asserted in the test.
    (
        "send",
        "wacli",
        IQ.format("set", "privacy", "<tokens><token jid=lid t=int type=trusted_contact/></tokens>"),
        "issuance to the LID",
    ),
    (
        "send",
        "baileys",
        IQ.format("set", "privacy", "<tokens><token jid=pn t=int type=trusted_contact/></tokens>"),
        "issuance to the PN",
    ),
    # Which devices already share a Signal session (msg) and which get a new one (pkmsg):
    # wacli reuses the session P opened when it wrote; Baileys 7 fetches P's keys again by
    # LID and starts another. The <tctoken> must be there.
    (
        "send",
        "*",
        rf"<message id=id to=pn type=text><participants>{MSG_ENC}</participants>"
        r"<device-identity>bytes</device-identity><tctoken>bytes</tctoken></message>",
        "session reuse",
    ),
    # A group message: the same sessions note; Baileys puts the skmsg before <participants>
    # and sends the sender key to its own companion device (lid:dev) too.
    (
        "group",
        "*",
        r"<message addressing_mode=text id=id to=group type=text>"
        r"(<enc type=skmsg v=2>bytes</enc>)?<participants>(<to jid=lid(:dev)?>"
        r"<enc type=(msg|pkmsg) v=2>bytes</enc></to>\*?)+</participants>"
        r"(<enc type=skmsg v=2>bytes</enc>)?<device-identity>bytes</device-identity></message>",
        "session reuse, child order, own device",
    ),
    # Presence subscribe with the token: WA Web's shape (wacli, WM, WR); Baileys adds an
    # id and the token's t (facts: Socket/chats.js presenceSubscribe).
    (
        "presence",
        "wacli",
        r"<presence to=pn type=subscribe><tctoken>bytes</tctoken></presence>",
        "WA Web shape",
    ),
    (
        "presence",
        "baileys",
        r"<presence id=id to=pn type=subscribe><tctoken t=int>bytes</tctoken></presence>",
        "Baileys' id and t",
    ),
]


def pn(phone: str) -> str:
    return f"{phone}@s.whatsapp.net"


def bare(jid: str) -> str:
    user, server = jid.split("@")
    return f"{user.split(':')[0]}@{server}"


class Census:
    """The sandbox's recorder, and bounded polls of the sandbox and of `wacli listen`."""

    def __init__(self, sandbox: SandboxProcess) -> None:
        self.sandbox = sandbox
        self.listen: Wacli | None = None

    def admin(self, method: str, path: str, body: object = None) -> dict:
        status, answer = self.sandbox.admin(method, path, body)
        assert status in (200, 201), (method, path, status, answer)
        return answer

    def phase(self, name: str | None) -> None:
        self.admin("POST", "/record", {"phase": name})

    def recorded(self) -> dict:
        return self.admin("GET", "/record")["accounts"]

    def _drain(self) -> None:
        if self.listen is not None:
            self.listen.ready()  # keep listen's stdout pipe from filling up

    def until(self, what: str, predicate: Callable[[], bool], limit: float = WAIT_LIMIT) -> None:
        deadline = time.monotonic() + limit
        while not predicate():
            self._drain()
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            time.sleep(0.2)

    def settle(self) -> None:
        """Until nothing new was recorded for QUIET seconds (at most SETTLE_LIMIT)."""
        deadline = time.monotonic() + SETTLE_LIMIT
        count, since = -1, time.monotonic()
        while True:
            self._drain()
            now = time.monotonic()
            total = sum(
                len(shapes)
                for devices in self.recorded().values()
                for phases in devices.values()
                for shapes in phases.values()
            )
            if total != count:
                count, since = total, now
            elif now - since >= QUIET:
                return
            if now > deadline:
                raise AssertionError("the clients never went quiet")
            time.sleep(0.2)

    def shapes(self, phone: str, phase: str) -> list[str]:
        devices = self.recorded().get(phone, {})
        return [s for phases in devices.values() for s in phases.get(phase, [])]

    def inbox_has(self, phone: str, text: str) -> bool:
        _, inbox = self.sandbox.admin("GET", f"/accounts/{phone}/inbox")
        return any(entry["text"] == text for entry in inbox)

    def outcome(self, phone: str, to_phone: str) -> list[str]:
        """The outcomes of the 1:1 messages ``phone``'s companions sent to ``to_phone``."""
        tokens = self.admin("GET", f"/accounts/{phone}/privacy-tokens")
        return [m["outcome"] for m in tokens["messages"] if to_phone in m["to"]]

    def issued_to(self, phone: str, to_phone: str) -> bool:
        tokens = self.admin("GET", f"/accounts/{phone}/privacy-tokens")
        return any(to_phone in entry["to"] for entry in tokens["issued"])


def stripped(side: str, shapes: list[str]) -> list[str]:
    for who, child, _ in STRIP:
        if who == side:
            shapes = [shape.replace(child, "") for shape in shapes]
    return shapes


def allowed(phase: str, side: str, shape: str) -> bool:
    return any(
        p in ("*", phase) and s in ("*", side) and re.fullmatch(pattern, shape)
        for p, s, pattern, _ in ALLOW
    )


def differences(census: Census) -> tuple[list[str], list[str]]:
    """(the table of every difference, those not on ALLOW)."""
    table, failing = [], []
    for phase in PHASES:
        wacli = Counter(stripped("wacli", census.shapes(WACLI_PHONE, phase)))
        baileys = Counter(stripped("baileys", census.shapes(BAILEYS_PHONE, phase)))
        for side, mine, theirs in (("wacli", wacli, baileys), ("baileys", baileys, wacli)):
            for shape, count in sorted((mine - theirs).items()):
                ok = allowed(phase, side, shape)
                row = f"{phase:9} {side:8} x{count} {'allowed ' if ok else 'DIFFERS '}{shape}"
                table.append(row)
                if not ok:
                    failing.append(row)
    return table, failing


@pytest.fixture
def sandbox() -> Iterator[SandboxProcess]:
    with SandboxProcess() as server:
        yield server


def test_wacli_and_baileys_send_the_same_shapes(sandbox: SandboxProcess, tmp_path: Path) -> None:
    census = Census(sandbox)
    census.phase("setup")  # the pairings and first logins: not compared, but see below
    for phone, name in ((BAILEYS_PHONE, "Bailey"), (PEER_PHONE, "Peer"), (COLD_PHONE, "Cold")):
        new_account(sandbox, phone, name)
    store = tmp_path / "wacli"
    pair(sandbox, store, WACLI_PHONE)
    # wacli's first login (the one a new companion's history bootstrap waits for), done
    # now as Baileys' is, before any chat exists.
    first = Wacli(store, sandbox.url, sandbox.root_key, "listen")
    first.event_of("connected")
    stop(first)

    with running_baileys(tmp_path / "baileys-auth") as baileys:
        baileys.start(sandbox, history=False)
        qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
        census.admin("POST", f"/accounts/{BAILEYS_PHONE}/link", {"qr": qr})
        baileys.call("wait_open", timeout_ms=30000)
        census.settle()
        baileys.call("disconnect")
        # wacli's first login asked for the props and checked the prekey digest (later
        # logins do when due), as Baileys' logins all do.
        setup = census.shapes(WACLI_PHONE, "setup")
        for needed in ("xmlns=abt><props", "xmlns=encrypt><digest/>"):
            assert any(needed in s for s in setup), (needed, setup)

        # While both are away: P writes to each (its token comes first) and makes a group
        # with each.
        for phone in (WACLI_PHONE, BAILEYS_PHONE):
            census.admin("POST", f"/accounts/{PEER_PHONE}/send", {"to": phone, "text": "hi"})
        groups = {
            phone: census.admin(
                "POST",
                "/groups",
                {"subject": f"group {phone}", "creator": PEER_PHONE, "participants": [phone]},
            )["jid"]
            for phone in (WACLI_PHONE, BAILEYS_PHONE)
        }

        census.phase("login")
        census.listen = Wacli(store, sandbox.url, sandbox.root_key, "listen")
        try:
            census.listen.event_of("connected")
            baileys.call("reconnect", timeout_ms=30000)
            census.settle()
            _flow(census, baileys, store, groups)
        finally:
            census.phase(None)
            stop(census.listen)

    table, failing = differences(census)
    report = "\n".join(["phase     sender   count  shape", *table]) if table else "(none)"
    print(report)
    assert not failing, "stanza shapes differ between wacli and Baileys:\n" + report


def _flow(census: Census, baileys: Baileys, store: Path, groups: dict[str, str]) -> None:
    sandbox = census.sandbox

    def wacli_send(to: str, text: str, *, refused: bool = False) -> None:
        code, _, err = run(store, sandbox.url, sandbox.root_key, "send", to, text)
        assert (code != 0) == refused, (code, err)  # a 463 refusal exits non-zero

    def baileys_send(to: str, text: str) -> None:
        # A refusal (463) comes later, as an ack: the send itself answers.
        baileys.call("send_text", to=to, text=text)

    census.phase("send")
    wacli_send(PEER_PHONE, "to P from wacli")
    baileys_send(pn(PEER_PHONE), "to P from Baileys")
    census.until(
        "P got both",
        lambda: all(
            census.inbox_has(PEER_PHONE, f"to P from {who}") for who in ("wacli", "Baileys")
        ),
    )
    wacli_send(COLD_PHONE, "to C from wacli", refused=True)
    baileys_send(pn(COLD_PHONE), "to C from Baileys")
    census.until(
        "both sends to C refused",
        lambda: all(
            "463" in census.outcome(phone, COLD_PHONE) for phone in (WACLI_PHONE, BAILEYS_PHONE)
        ),
    )
    census.until(
        "both issued their token to P and to C",
        lambda: all(
            census.issued_to(phone, to)
            for phone in (WACLI_PHONE, BAILEYS_PHONE)
            for to in (PEER_PHONE, COLD_PHONE)
        ),
    )
    census.settle()

    census.phase("receive")
    for phone in (WACLI_PHONE, BAILEYS_PHONE):
        census.admin("POST", f"/accounts/{PEER_PHONE}/send", {"to": phone, "text": "again"})
    census.until(
        "both sent a receipt",
        lambda: all(
            any(s.startswith("<receipt") for s in census.shapes(phone, "receive"))
            for phone in (WACLI_PHONE, BAILEYS_PHONE)
        ),
    )
    census.settle()

    census.phase("group")
    wacli_send(groups[WACLI_PHONE], "group from wacli")
    baileys_send(groups[BAILEYS_PHONE], "group from Baileys")
    census.until(
        "P got both group messages",
        lambda: all(
            census.inbox_has(PEER_PHONE, f"group from {who}") for who in ("wacli", "Baileys")
        ),
    )
    for group in groups.values():
        census.admin("POST", f"/groups/{group}/send", {"from": PEER_PHONE, "text": "in group"})
    census.until(
        "both sent a group receipt",
        lambda: all(
            sum(s.startswith("<receipt") for s in census.shapes(phone, "group")) >= 1
            for phone in (WACLI_PHONE, BAILEYS_PHONE)
        ),
    )
    census.settle()

    census.phase("presence")
    follow = Wacli(store, sandbox.url, sandbox.root_key, "presence", "subscribe", PEER_PHONE)
    try:
        baileys.call("presence_subscribe", jid=pn(PEER_PHONE))
        census.until(
            "both subscribed",
            lambda: all(
                any("type=subscribe" in s for s in census.shapes(phone, "presence"))
                for phone in (WACLI_PHONE, BAILEYS_PHONE)
            ),
        )
        census.settle()
    finally:
        stop(follow)


def stop(wacli: Wacli) -> None:
    """SIGTERM ends a running `wacli listen` or `presence subscribe`."""
    if wacli.proc.poll() is None:
        wacli.proc.send_signal(signal.SIGTERM)
    wacli.finish()
