"""App-state snapshots end to end: the phone changes settings and the sandbox compacts the
collections before a companion is linked; the real `wacli listen` on that fresh companion
asks return_snapshot, downloads the snapshot from the https media host, verifies it and
prints its settings with from_full_sync true, its stored LTHash the phone's; later changes
come as patches. A snapshot that does not verify is refused and nothing of it is stored."""

from __future__ import annotations

from pathlib import Path

from tests.client.support import Lines, Wacli, new_account, stop
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store
from wacli.store.archive import Archive

ALICE = "15550005301"
CAROL = "15550005303"
BOB = "15550005302"
BOB_JID = f"{BOB}@s.whatsapp.net"
DAN_JID = "15550005304@s.whatsapp.net"


def link(sandbox: SandboxProcess, store: Path, phone: str) -> None:
    """Link a fresh companion store to the existing account ``phone`` by pairing code."""
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--phone", f"+{phone}", "--json")
    first = wacli.event()
    assert first["type"] == "pairing_code"
    status, linked = sandbox.admin(
        "POST", f"/accounts/{phone}/link", {"code": first["data"]["code"]}
    )
    assert status == 200, linked
    exit_code, _, err = wacli.finish()
    assert exit_code == 0, err


def listen(sandbox: SandboxProcess, store: Path) -> Lines:
    ca = sandbox.endpoints["media_ca"]
    return Lines(Wacli(store, sandbox.url, sandbox.root_key, "listen", "--media-ca", ca))


def change(sandbox: SandboxProcess, phone: str, body: dict) -> int:
    status, answer = sandbox.admin("POST", f"/accounts/{phone}/app-state", body)
    assert status == 200, answer
    return answer["version"]


def compact(sandbox: SandboxProcess, phone: str, name: str, corrupt: bool = False) -> int:
    body = {"collection": name, "corrupt": corrupt}
    status, answer = sandbox.admin("POST", f"/accounts/{phone}/app-state/compact", body)
    assert status == 200, answer
    return answer["version"]


def until(lines: Lines, kinds: set[str]) -> dict[str, dict]:
    """Read lines until one of each kind has come; the first of each."""
    seen: dict[str, dict] = {}
    while not kinds <= seen.keys():
        line = lines.next()
        seen.setdefault(line["type"], line)
    return seen


def test_a_fresh_companion_starts_from_the_snapshot(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    new_account(sandbox, ALICE, "Alice")
    new_account(sandbox, BOB, "Bob")
    change(sandbox, ALICE, {"chat": BOB_JID, "pin": True, "timestamp": 1_700_000_000_000})
    change(sandbox, ALICE, {"chat": BOB_JID, "archive": False})
    change(sandbox, ALICE, {"chat": BOB_JID, "archive": True, "timestamp": 1_700_000_100_000})
    change(sandbox, ALICE, {"chat": BOB_JID, "mute_until": 2_000_000_000})
    assert compact(sandbox, ALICE, "regular_low") == 3
    assert compact(sandbox, ALICE, "regular_high") == 1
    # A change after the compaction: the companion gets it as a patch after the snapshot.
    assert change(sandbox, ALICE, {"chat": DAN_JID, "pin": True}) == 4
    status, stats = sandbox.admin("GET", "/stats")
    served_before = stats.get("app_state_snapshots_served", 0)

    store = tmp_path / "alice"
    link(sandbox, store, ALICE)
    wacli = listen(sandbox, store)
    seen = until(wacli, {"pin_update", "archive_update", "mute_update"})
    assert seen["pin_update"]["data"] == {
        "jid": BOB_JID,
        "timestamp": "2023-11-14T22:13:20Z",
        "action": {"pinned": True},
        "from_full_sync": True,
    }
    # The snapshot holds the archive record as last set (not the first, unarchived one).
    assert seen["archive_update"]["data"]["action"]["archived"] is True
    assert seen["archive_update"]["data"]["timestamp"] == "2023-11-14T22:15:00Z"
    assert seen["archive_update"]["data"]["from_full_sync"] is True
    assert seen["mute_update"]["data"]["action"] == {
        "muted": True,
        "mute_end_timestamp": "2000000000000",
    }
    assert seen["mute_update"]["data"]["from_full_sync"] is True
    status, stats = sandbox.admin("GET", "/stats")
    assert stats["app_state_snapshots_served"] >= served_before + 2  # not a patch chain

    # Later changes arrive as patches on top of the snapshot.
    change(sandbox, ALICE, {"chat": BOB_JID, "pin": False})
    later = wacli.next_of("pin_update")
    while later["data"]["jid"] != BOB_JID:  # Dan's pin (the patch after the snapshot)
        assert later["data"]["from_full_sync"] is True
        later = wacli.next_of("pin_update")
    assert later["data"]["action"] == {"pinned": False}
    assert later["data"]["from_full_sync"] is False
    stop(wacli)

    status, shown = sandbox.admin("GET", f"/accounts/{ALICE}/app-state")
    assert status == 200
    assert shown["regular_low"]["snapshot"] == 3 and shown["regular_low"]["version"] == 5
    with Store(store) as opened:
        for name in ("regular_low", "regular_high"):
            state = opened.load_collection(name)
            assert state is not None and state.version == shown[name]["version"]
            assert state.hash.hex() == shown[name]["hash"]  # our verified LTHash is the phone's
            assert len(state.value_macs) == shown[name]["records"]
        chat = Archive(opened).chat(BOB_JID)
    assert chat is not None and chat.archived and chat.pinned_at is None
    assert chat.muted_until == 2_000_000_000


def test_a_snapshot_that_does_not_verify_is_refused(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    new_account(sandbox, CAROL, "Carol")
    change(sandbox, CAROL, {"chat": BOB_JID, "mute_until": -1})
    compact(sandbox, CAROL, "regular_high", corrupt=True)
    change(sandbox, CAROL, {"chat": BOB_JID, "archive": True})  # regular_low: no snapshot

    store = tmp_path / "carol"
    link(sandbox, store, CAROL)
    wacli = listen(sandbox, store)
    # regular_low is fetched after regular_high (on connect, and when the key comes).
    archive = wacli.next_of("archive_update")
    assert archive["data"]["action"]["archived"] is True
    wacli.wacli.proc.terminate()
    rest = wacli.rest()
    assert wacli.wacli.proc.returncode == 0
    assert not [line for line in rest if line["type"] == "mute_update"]
    assert wacli.wacli.proc.stderr is not None
    err = wacli.wacli.proc.stderr.read().decode()
    assert "regular_high" in err and "snapshot MAC mismatch" in err and "Traceback" not in err
    with Store(store) as opened:
        assert opened.load_collection("regular_high") is None  # nothing of it was stored
        assert opened.load_collection("regular_low") is not None
        chat = Archive(opened).chat(BOB_JID)
    assert chat is not None and chat.muted_until is None
