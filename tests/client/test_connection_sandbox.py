"""The logged-in connection against the real sandbox: the reconnect loop after a dropped
connection, and the server's ways of ending a session (conflict, logout, 405 at login)
turned into their events and typed errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import anyio
import pytest

from tests.client.support import Wacli, new_account
from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.client import Client
from wacli.client.connection import Endpoint
from wacli.client.errors import (
    ClientError,
    ClientOutdatedError,
    LoggedOutError,
    StreamReplacedError,
    TemporaryBanError,
)
from wacli.client.payload import WA_WEB_VERSION
from wacli.sandbox.process import SandboxProcess
from wacli.store import Store

pytestmark = pytest.mark.anyio
GUARD = 60.0  # only against a hang; nothing here is timed


def pair_store(sandbox: SandboxProcess, store: Path, phone: str) -> None:
    """Pair ``store`` with a new sandbox account through the real CLI (by code)."""
    new_account(sandbox, phone)
    wacli = Wacli(store, sandbox.url, sandbox.root_key, "pair", "--phone", phone, "--json")
    code = wacli.event()["data"]["code"]
    status, body = sandbox.admin("POST", f"/accounts/{phone}/link", {"code": code})
    assert status == 200, body
    assert wacli.finish()[0] == 0


class Recorder:
    """A sink that remembers events and wakes a waiter when a type was seen N times."""

    def __init__(self) -> None:
        self.events: list[ev.Event] = []
        self._changed = anyio.Event()

    async def __call__(self, event: ev.Event) -> None:
        self.events.append(event)
        self._changed.set()
        self._changed = anyio.Event()

    async def wait_for(self, kind: type[ev.Event], count: int = 1) -> None:
        while sum(isinstance(e, kind) for e in self.events) < count:
            await self._changed.wait()


def client_for(sandbox: SandboxProcess, store: Store, sink: Recorder) -> Client:
    endpoint = Endpoint(sandbox.url, bytes.fromhex(sandbox.root_key), WA_WEB_VERSION)
    return Client(store, endpoint, sink)


async def admin(sandbox: SandboxProcess, path: str, body: object) -> object:
    # The admin call blocks until the sandbox acted; our client must keep running meanwhile.
    status, answer = await anyio.to_thread.run_sync(sandbox.admin, "POST", path, body)
    assert status == 200, answer
    return answer


async def run_until_error(client: Client, trigger: Callable[[], Awaitable[None]]) -> ClientError:
    """Run the client's reconnect loop while ``trigger`` acts; the error that ended it."""
    caught: list[ClientError] = []
    async with anyio.create_task_group() as tg:
        tg.start_soon(trigger)
        try:
            await client.run()
        except ClientError as exc:
            caught.append(exc)
            tg.cancel_scope.cancel()
    return caught[0]


async def test_run_reconnects_after_the_connection_drops(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    pair_store(sandbox, tmp_path / "s", "15550003001")
    sink = Recorder()
    with Store(tmp_path / "s") as store, anyio.fail_after(GUARD):
        client = client_for(sandbox, store, sink)
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: client.run(initial_delay=0.05, max_delay=0.1))
            await sink.wait_for(ev.Connected)
            await admin(sandbox, "/faults", {"drop": "all"})
            await sink.wait_for(ev.Connected, 2)
            tg.cancel_scope.cancel()
    kinds = [type(e) for e in sink.events if not isinstance(e, ev.OfflineSyncCompleted)]
    assert kinds == [ev.Connected, ev.Disconnected, ev.Connected]


async def test_conflict_logout_and_outdated_end_the_session(
    sandbox: SandboxProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    phone = "15550003002"
    # The look-up after the 405 goes to a port nothing listens on, not to the internet.
    monkeypatch.setenv("WACLI_VERSION_URL", "https://127.0.0.1:9/sw.js")
    pair_store(sandbox, tmp_path / "s", phone)
    sink = Recorder()
    with Store(tmp_path / "s") as store, anyio.fail_after(GUARD):
        client = client_for(sandbox, store, sink)

        async def replace_me() -> None:
            await sink.wait_for(ev.Connected)
            await admin(sandbox, "/faults", {"stream_error": "conflict", "phone": phone})

        # A replaced stream is final: run() does not reconnect.
        assert isinstance(await run_until_error(client, replace_me), StreamReplacedError)
        assert isinstance(sink.events[-1], ev.StreamReplaced)

        await admin(sandbox, "/faults", {"connect_failure": {"phone": phone, "reason": 405}})
        with pytest.raises(ClientOutdatedError, match="WACLI_WA_VERSION"):
            async with client.connected():
                pass
        assert isinstance(sink.events[-2], ev.ClientOutdated)

        async def log_me_out() -> None:
            await sink.wait_for(ev.Connected, 2)
            await admin(sandbox, "/faults", {"logout": phone})

        assert isinstance(await run_until_error(client, log_me_out), LoggedOutError)
        assert isinstance(sink.events[-1], ev.LoggedOut)
        assert store.load_account() is None  # forgotten: 'wacli pair' can start over


async def test_prekeys_are_refilled_when_the_server_says_they_run_low(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    pair_store(sandbox, tmp_path / "a", "15550003003")
    pair_store(sandbox, tmp_path / "b", "15550003004")
    with (
        Store(tmp_path / "a") as store_a,
        Store(tmp_path / "b") as store_b,
        anyio.fail_after(GUARD),
    ):
        uploaded = store_a.count_prekeys(uploaded=True)
        assert uploaded >= 5  # the first login uploaded a batch
        account_a = store_a.load_account()
        assert account_a is not None
        async with (
            client_for(sandbox, store_a, Recorder()).connected(),
            client_for(sandbox, store_b, Recorder()).connected() as conn_b,
        ):
            # B starts sessions with A's device until the server runs out of A's prekeys.
            for _ in range(uploaded):
                bundle = await conn_b.iq(
                    "encrypt",
                    "get",
                    [Node("key", {}, [Node("user", {"jid": account_a.jid, "reason": "identity"})])],
                )
                assert bundle.child("list") is not None
            while store_a.count_prekeys(uploaded=True) <= uploaded:
                await anyio.sleep(0.05)  # A uploads on the server's notification
        assert store_a.count_prekeys(uploaded=True) > uploaded


async def test_garbage_is_dropped_and_a_ban_is_final(
    sandbox: SandboxProcess, tmp_path: Path
) -> None:
    phone = "15550003005"
    pair_store(sandbox, tmp_path / "s", phone)
    sink = Recorder()
    with Store(tmp_path / "s") as store, anyio.fail_after(GUARD):
        client = client_for(sandbox, store, sink)
        async with client.connected() as conn:
            await admin(sandbox, "/faults", {"garbage": phone})  # a stanza that does not decode
            answer = await conn.iq("w:p", "get", [Node("ping")])  # the connection carries on
            assert answer.attr("type") == "result"

        async def ban() -> None:
            await sink.wait_for(ev.Connected, 2)
            await admin(sandbox, "/faults", {"ban": {"phone": phone, "code": 103, "expire": 600}})

        error = await run_until_error(client, ban)
    assert isinstance(error, TemporaryBanError) and error.code == 103
    kinds = [type(e) for e in sink.events if not isinstance(e, ev.OfflineSyncCompleted)]
    assert kinds == [
        ev.Connected,  # the session above
        ev.Connected,  # run()
        ev.Disconnected,  # the ban closed the connection; run() reconnects
        ev.TemporaryBan,  # and that login fails with 402: final
    ]
    assert sink.events[-1] == ev.TemporaryBan(code=103, expire=600.0)
