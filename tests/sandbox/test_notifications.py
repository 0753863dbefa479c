"""Server notifications about an account, from the in-process sandbox over real sockets:
``devices`` add/remove/update when companions are linked and unlinked (and on a logout
fault), ``picture``, ``status`` and ``business`` after profile changes through the admin
API, the new push name in later messages' ``notify``, and the picture IQ."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

import pytest

from bench.companion import (
    Companion,
    Online,
    Session,
    account,
    ack,
    iq,
    link,
    linked_companion,
    settle,
)
from bench.local_sandbox import Running, served
from tests.sandbox.support import signed_key_indexes
from wacli.binary import Node
from wacli.client import events as ev
from wacli.client.errors import LoggedOutError

pytestmark = pytest.mark.anyio

ALICE, BOB, CAROL = "15550007001", "15550007002", "15550007003"


def list_hash(jids: list[str]) -> str:
    """whatsmeow's participant-list hash v2, written out independently for the check."""
    names = []
    for jid in jids:
        user, server = jid.split("@")
        name, _, device = user.partition(":")
        names.append(f"{name}.0:{device or 0}@{server}")
    digest = hashlib.sha256("".join(sorted(names)).encode()).digest()[:6]
    return "2:" + base64.b64encode(digest).decode().rstrip("=")


async def notification(session: Session, kind: str) -> Node:
    """The next notification of ``kind``, acked (others are acked and skipped)."""
    while True:
        node = await session.receive_tag("notification")
        await ack(session, node)
        if node.attr("type") == kind:
            return node


async def contacts(sandbox: Running, tmp_path: Path) -> tuple[dict, Online, dict, Online]:
    """Alice and Bob, one companion each, whose phones have exchanged a message."""
    alice = await account(sandbox, ALICE, "Alice")
    bob = await account(sandbox, BOB, "Bob")
    a1 = await linked_companion(sandbox, ALICE, tmp_path / "a1")
    b1 = await linked_companion(sandbox, BOB, tmp_path / "b1")
    status, _ = await sandbox.admin("POST", f"/accounts/{BOB}/send", {"to": ALICE, "text": "hi"})
    assert status == 200
    for online in (a1, b1):  # Alice's companion gets the message, Bob's its sent copy
        await ack(online.session, await online.session.receive_tag("message"))
    return alice, a1, bob, b1


async def test_devices_add_remove_update_reach_own_devices_and_contacts(
    sandbox: Running, tmp_path: Path
) -> None:
    alice, a1, _, b1 = await contacts(sandbox, tmp_path)
    await account(sandbox, CAROL, "Carol")  # a stranger: hears nothing about Alice
    c1 = await linked_companion(sandbox, CAROL, tmp_path / "c1")

    a2 = Companion()
    linked = await link(sandbox, a2, ALICE)
    assert linked["jid"] == f"{ALICE}:2@s.whatsapp.net"
    devices = [f"{ALICE}@s.whatsapp.net", f"{ALICE}:1@s.whatsapp.net", linked["jid"]]
    for online in (a1, b1):
        node = await notification(online.session, "devices")
        assert node.attr("from") == alice["jid"] and node.attr("lid") == alice["lid"]
        add = node.require_child("add")
        assert add.attr("device_hash") == list_hash(devices)
        lids = [
            d.replace(ALICE, alice["lid"].split("@")[0]).replace("s.whatsapp.net", "lid")
            for d in devices
        ]
        assert add.attr("device_lid_hash") == list_hash(lids)
        device = add.require_child("device")
        assert device.attr("jid") == linked["jid"] and device.attr("lid") == linked["lid"]
        assert device.attr("key-index") == "2"
        key_list = add.require_child("key-index-list")
        assert key_list.attr("ts", "").isdigit()
        assert a1.companion.account_key is not None
        signed = signed_key_indexes(key_list.content_bytes(), a1.companion.account_key)
        assert list(signed.valid_indexes) == [1, 2] and signed.current_index == 2

    # The phone unlinks the first companion: it is told so, the others hear of it.
    status, body = await sandbox.admin("DELETE", f"/accounts/{ALICE}/devices/1")
    assert status == 200 and body["removed"] == 1
    assert isinstance(await a1.session.closed(), LoggedOutError)
    assert a1.session.events == [ev.LoggedOut(on_connect=False, reason="device_removed")]
    node = await notification(b1.session, "devices")
    remove = node.require_child("remove")
    assert remove.require_child("device").attr("jid") == f"{ALICE}:1@s.whatsapp.net"
    assert remove.require_child("key-index-list").content is None
    assert remove.attr("device_hash") == list_hash([devices[0], devices[2]])
    assert (await sandbox.admin("DELETE", f"/accounts/{ALICE}/devices/1"))[0] == 404
    assert (await sandbox.admin("DELETE", f"/accounts/{ALICE}/devices/0"))[0] == 404

    status, body = await sandbox.admin("POST", f"/accounts/{ALICE}/devices/update")
    assert status == 200 and body["notified"] >= 1
    update = (await notification(b1.session, "devices")).require_child("update")
    assert update.attr("hash") == list_hash([devices[0], devices[2]]) == body["hash"]

    # A logout fault unlinks the rest, and contacts hear of every removal.
    assert (await sandbox.admin("POST", "/faults", {"logout": ALICE}))[1] == {"removed": 1}
    gone = (await notification(b1.session, "devices")).require_child("remove")
    assert gone.require_child("device").attr("jid") == linked["jid"]
    assert gone.attr("device_hash") == list_hash([devices[0]])

    await settle(c1.session)  # Carol's companion got nothing of all this
    assert [n for n in c1.session.skipped if n.tag == "notification"] == []
    await c1.session.close()
    await b1.session.close()


async def test_a_companion_removing_itself_is_announced(sandbox: Running, tmp_path: Path) -> None:
    alice, a1, _, b1 = await contacts(sandbox, tmp_path)
    a2 = await linked_companion(sandbox, ALICE, tmp_path / "a2")
    for online in (a1, b1):
        assert (await notification(online.session, "devices")).child("add") is not None
    assert a2.companion.jid is not None
    remove = Node("remove-companion-device", {"jid": a2.companion.jid, "reason": "user"})
    assert (await a2.session.query(iq("md", "set", remove))).attr("type") == "result"
    for online in (a1, b1):
        node = await notification(online.session, "devices")
        assert node.attr("from") == alice["jid"]
        gone = node.require_child("remove").require_child("device")
        assert gone.attr("jid") == a2.companion.jid
    await a1.session.close()
    await b1.session.close()


async def test_profile_changes_notify_and_picture_iq(sandbox: Running, tmp_path: Path) -> None:
    alice, a1, _, b1 = await contacts(sandbox, tmp_path)
    path = f"/accounts/{ALICE}/profile"

    status, body = await sandbox.admin("POST", path, {"about": "at the beach"})
    assert status == 200 and body["about"] == "at the beach" and body["notified"] == 2
    for online in (a1, b1):
        node = await notification(online.session, "status")
        assert node.attr("from") == alice["jid"] and node.attr("notify") == "Alice"
        assert node.require_child("set").content_bytes() == b"at the beach"

    # The about text as a client reads it: usync's status protocol.
    answer = await b1.session.query(usync_status([alice["jid"], "15559999999@s.whatsapp.net"]))
    users = answer.require_child("usync").require_child("list").children_named("user")
    about, unknown = (user.require_child("status") for user in users)
    assert about.content_bytes() == b"at the beach" and about.attr("t", "").isdigit()
    assert unknown.content is None

    image = os.urandom(64)
    status, body = await sandbox.admin("POST", path, {"picture": base64.b64encode(image).decode()})
    assert status == 200 and body["picture_id"] == "1"
    node = await notification(b1.session, "picture")
    assert node.attr("from") == alice["jid"] and node.attr("t", "").isdigit()
    assert texts(node.require_child("set")) == {
        "jid": alice["jid"],
        "id": "1",
        "author": alice["jid"],
    }
    answer = await b1.session.query(picture_iq(alice["jid"]))
    got = answer.require_child("picture")
    assert got.attr("id") == "1" and got.attr("type") == "image"
    assert (await b1.session.query(picture_iq(alice["jid"], known="1"))).children == []
    status, shown = await sandbox.admin("GET", path)
    assert status == 200 and base64.b64decode(shown["picture"]) == image

    status, body = await sandbox.admin("POST", path, {"picture": None})
    assert status == 200 and body["picture"] is None
    removed = (await notification(b1.session, "picture")).require_child("delete")
    assert texts(removed) == {"jid": alice["jid"], "author": alice["jid"]}
    answer = await b1.session.query(picture_iq(alice["jid"]))
    assert answer.attr("type") == "error"
    assert answer.require_child("error").attr("code") == "404"

    business = {"business": {"verified_name": "Alice's Shop"}}
    assert (await sandbox.admin("POST", path, business))[1]["verified_name"] == "Alice's Shop"
    verified = (await notification(b1.session, "business")).require_child("verified_name")
    assert verified.attr("jid") == alice["jid"] and verified.attr("name") == "Alice's Shop"
    products = {"business": {"products": ["p1", "p2"]}}
    assert (await sandbox.admin("POST", path, products))[0] == 200
    catalog = (await notification(b1.session, "business")).require_child("product_catalog")
    ids = [p.require_child("id").content_bytes() for p in catalog.children_named("product")]
    assert ids == [b"p1", b"p2"]

    # A new push name: the next message from the phone carries it in notify.
    assert (await sandbox.admin("POST", path, {"push_name": "Alicia"}))[1]["push_name"] == "Alicia"
    status, _ = await sandbox.admin("POST", f"/accounts/{ALICE}/send", {"to": BOB, "text": "yo"})
    assert status == 200
    message = await b1.session.receive_tag("message")
    assert message.attr("notify") == "Alicia"
    await b1.session.close()
    await a1.session.close()


def texts(node: Node) -> dict[str, str]:
    return {key: str(value) for key, value in node.attrs.items()}


def usync_status(jids: list[str]) -> Node:
    usync = Node(
        "usync",
        {"sid": "s1", "context": "interactive", "mode": "query", "index": "0", "last": "true"},
        [
            Node("query", {}, [Node("status")]),
            Node("list", {}, [Node("user", {"jid": jid}) for jid in jids]),
        ],
    )
    attrs = {"id": os.urandom(4).hex(), "to": "s.whatsapp.net", "xmlns": "usync", "type": "get"}
    return Node("iq", attrs, [usync])


def picture_iq(target: str, known: str | None = None) -> Node:
    attrs = {"type": "image", "query": "url", "id": known}
    return Node(
        "iq",
        {
            "id": os.urandom(4).hex(),
            "to": "s.whatsapp.net",
            "xmlns": "w:profile:picture",
            "type": "get",
            "target": target,
        },
        [Node("picture", attrs)],  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"nickname": "x"},
        {"about": 5},
        {"about": "x" * 500},
        {"push_name": None},
        {"push_name": " "},
        {"push_name": "x" * 26},
        {"picture": "not base64!"},
        {"picture": ""},
        {"picture": 7},
        {"business": {}},
        {"business": "yes"},
        {"business": {"products": []}},
        {"business": {"products": [1]}},
        {"business": {"subscriptions": [{"id": "s"}]}},
        {"business": {"subscriptions": [{"id": "s", "status": "on", "end": -1}]}},
    ],
)
async def test_bad_profile_requests_are_400(sandbox: Running, body: dict) -> None:
    await account(sandbox, ALICE, "Alice")
    status, answer = await sandbox.admin("POST", f"/accounts/{ALICE}/profile", body)
    assert status == 400 and answer["error"]
    status, shown = await sandbox.admin("GET", f"/accounts/{ALICE}/profile")
    assert shown == {
        "push_name": "Alice",
        "about": None,
        "picture_id": None,
        "picture": None,
        "business": False,
        "verified_name": None,
    }
    assert (await sandbox.admin("POST", "/accounts/15559999999/profile", {"about": "x"}))[0] == 404
    assert (await sandbox.admin("DELETE", f"/accounts/{ALICE}/devices/x"))[0] == 404


async def test_profile_survives_a_restart(tmp_path: Path) -> None:
    image = base64.b64encode(b"\xff\xd8 a picture").decode()
    changes = {"about": "kept", "picture": image, "business": {"verified_name": "Shop"}}
    async with served(tmp_path / "state", privacy_tokens="off") as running:
        await account(running, ALICE, "Alice")
        assert (await running.admin("POST", f"/accounts/{ALICE}/profile", changes))[0] == 200
        status, _ = await running.admin("POST", f"/accounts/{ALICE}/profile", {"push_name": "A."})
        assert status == 200
    async with served(tmp_path / "state", privacy_tokens="off") as running:
        status, shown = await running.admin("GET", f"/accounts/{ALICE}/profile")
    assert shown == {
        "push_name": "A.",
        "about": "kept",
        "picture_id": "1",
        "picture": image,
        "business": True,
        "verified_name": "Shop",
    }
