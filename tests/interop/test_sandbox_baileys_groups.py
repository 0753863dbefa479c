"""An unmodified Baileys 7 client in a group with two simulated phones (issue 4's headline).

The group is made through the admin API with Baileys' account and two phones; a phone's
group text reaches Baileys decrypted (its sender key distributed pairwise first), and
what Baileys sends to the group — after its own w:g2 metadata query, usync and prekey
fetches, with its sender key in pkmsgs — reaches both phones' inboxes decrypted.
"""

from __future__ import annotations

from tests.interop.baileys import Baileys, inbox_with_text, settled
from wacli.sandbox.process import SandboxProcess

ALICE, BOB, CAROL = "15550001111", "15550002222", "15550003333"


def _accounts(sandbox: SandboxProcess) -> dict[str, dict]:
    made = {}
    for phone, name in ((ALICE, "Alice"), (BOB, "Bob"), (CAROL, "Carol")):
        status, made[phone] = sandbox.admin(
            "POST", "/accounts", {"phone": phone, "push_name": name}
        )
        assert status == 201
    return made


def _linked(sandbox: SandboxProcess, baileys: Baileys) -> dict:
    # No history sync comes from the sandbox's phones: without this Baileys holds its
    # events back for 20 s after login waiting for one.
    baileys.start(sandbox, history=False)
    qr = baileys.call("wait_qr", timeout_ms=20000)["qr"]
    status, linked = sandbox.admin("POST", f"/accounts/{ALICE}/link", {"qr": qr})
    assert status == 200, linked
    baileys.call("wait_open", timeout_ms=30000)
    return linked


def test_baileys_in_a_group_with_two_phones(sandbox: SandboxProcess, baileys: Baileys) -> None:
    accounts = _accounts(sandbox)
    linked = _linked(sandbox, baileys)
    body = {"subject": "Sandbox group", "creator": BOB, "participants": [ALICE, CAROL]}
    status, created = sandbox.admin("POST", "/groups", body)
    assert status == 201, created
    group = created["jid"]

    # Baileys reads the group as the real server describes it.
    metadata = baileys.call("group_metadata", jid=group)["metadata"]
    assert metadata["id"] == group and metadata["subject"] == "Sandbox group"
    assert metadata["addressingMode"] == "lid" and metadata["size"] == 3
    assert metadata["owner"] == accounts[BOB]["lid"]
    assert metadata["ownerPn"] == accounts[BOB]["jid"]
    members = {p["id"]: (p["phoneNumber"], p["admin"]) for p in metadata["participants"]}
    assert members == {
        accounts[BOB]["lid"]: (accounts[BOB]["jid"], "superadmin"),
        accounts[ALICE]["lid"]: (accounts[ALICE]["jid"], None),
        accounts[CAROL]["lid"]: (accounts[CAROL]["jid"], None),
    }
    listed = baileys.call("group_participating")["groups"]
    assert list(listed) == [group]

    # A phone's group text: Baileys decrypts it, the group as the chat.
    status, sent = sandbox.admin("POST", f"/groups/{group}/send", {"from": BOB, "text": "hi all"})
    assert status == 200, sent
    got = baileys.call("wait_message", text="hi all", timeout_ms=20000)["message"]
    assert got["key"]["remoteJid"] == group and got["key"]["id"] == sent["id"]
    assert got["key"]["participant"] == accounts[BOB]["lid"] and not got["key"]["fromMe"]
    assert got["pushName"] == "Bob"
    # A second one needs only the sender key Baileys now holds.
    status, again = sandbox.admin("POST", f"/groups/{group}/send", {"from": CAROL, "text": "me2"})
    assert status == 200
    got = baileys.call("wait_message", text="me2", timeout_ms=20000)["message"]
    assert got["key"]["participant"] == accounts[CAROL]["lid"] and got["key"]["id"] == again["id"]

    # Baileys sends to the group: both phones (and Baileys' own phone) decrypt it.
    reply = baileys.call("send_text", to=group, text="hello group")
    sender = linked["lid"]
    for phone in (BOB, CAROL):
        inbox = inbox_with_text(sandbox, phone, "hello group")
        entry = next(e for e in inbox if e["text"] == "hello group")
        assert entry["id"] == reply["id"] and entry["chat"] == group
        assert entry["from"] == sender and not entry["from_me"]
    own = inbox_with_text(sandbox, ALICE, "hello group")
    assert [(e["chat"], e["from_me"]) for e in own if e["text"] == "hello group"] == [(group, True)]
    # The phones read Baileys' message and each other's.
    bob_inbox = inbox_with_text(sandbox, BOB, "me2")
    assert [e["text"] for e in bob_inbox] == ["me2", "hello group"]

    # The phones' delivery receipts reach Baileys; its own acks leave nothing queued.
    users = [accounts[BOB]["lid"], accounts[CAROL]["lid"]]
    receipts = baileys.call("wait_group_receipts", id=reply["id"], users=users, timeout_ms=20000)[
        "receipts"
    ]
    assert {r["remoteJid"] for r in receipts} == {group}
    assert all(r["receiptTimestamp"] > 0 for r in receipts)
    stats = settled(sandbox)
    assert stats["group_messages_in"] == 1 and "phone_decrypt_failures" not in stats
    assert stats["acks_pending"] == 0


GROUP_CREATE, GROUP_CHANGE_SUBJECT, GROUP_PARTICIPANT_ADD, GROUP_PARTICIPANT_PROMOTE = (
    20,
    21,
    27,
    29,
)


def test_baileys_manages_a_group_and_sees_the_phones_changes(
    sandbox: SandboxProcess, baileys: Baileys
) -> None:
    """Baileys' own w:g2 IQs (create, subject, add, promote) and the w:gp2 notifications
    of a phone's changes, which Baileys turns into stub messages."""
    accounts = _accounts(sandbox)
    _linked(sandbox, baileys)
    bob, carol = accounts[BOB], accounts[CAROL]
    metadata = baileys.call("group_create", subject="Made by Baileys", participants=[bob["jid"]])
    metadata = metadata["metadata"]
    group = metadata["id"]
    assert group.endswith("@g.us") and metadata["subject"] == "Made by Baileys"
    assert metadata["owner"] == accounts[ALICE]["lid"]
    assert {p["id"]: p["admin"] for p in metadata["participants"]} == {
        accounts[ALICE]["lid"]: "superadmin",
        bob["lid"]: None,
    }
    created = baileys.call("wait_stub", jid=group, stub=GROUP_CREATE, timeout_ms=20000)
    assert created["message"]["stubParams"] == ["Made by Baileys"]
    status, info = sandbox.admin("GET", f"/groups/{group}")
    assert status == 200 and [p["phone"] for p in info["participants"]] == [ALICE, BOB]

    results = baileys.call(
        "group_participants_update", jid=group, participants=[carol["jid"]], action="add"
    )["results"]
    assert [(r["jid"], r["status"]) for r in results] == [(carol["jid"], "200")]
    baileys.call(
        "group_participants_update", jid=group, participants=[bob["lid"]], action="promote"
    )
    baileys.call("wait_stub", jid=group, stub=GROUP_PARTICIPANT_PROMOTE, timeout_ms=20000)

    # Bob's phone, now an admin, renames the group and adds nobody twice.
    body = {"by": BOB, "subject": "Renamed by Bob"}
    assert sandbox.admin("POST", f"/groups/{group}/subject", body)[0] == 200
    renamed = baileys.call("wait_stub", jid=group, stub=GROUP_CHANGE_SUBJECT, timeout_ms=20000)
    assert renamed["message"]["stubParams"] == ["Renamed by Bob"]
    assert renamed["message"]["key"]["participant"] == bob["lid"]
    body = {"by": BOB, "action": "add", "participants": [CAROL]}
    status, added = sandbox.admin("POST", f"/groups/{group}/participants", body)
    assert status == 200 and added["results"] == [{"participant": CAROL, "error": 409}]
    metadata = baileys.call("group_metadata", jid=group)["metadata"]
    assert metadata["subject"] == "Renamed by Bob" and metadata["subjectOwner"] == bob["lid"]
    assert {p["id"]: p["admin"] for p in metadata["participants"]} == {
        accounts[ALICE]["lid"]: "superadmin",
        bob["lid"]: "admin",
        carol["lid"]: None,
    }
    stubs = baileys.call("wait_stub", jid=group, stub=GROUP_PARTICIPANT_ADD, timeout_ms=20000)
    assert stubs["message"]["stubParams"] and carol["lid"] in stubs["message"]["stubParams"][0]
    settled(sandbox)


def test_baileys_gets_group_messages_sent_while_it_was_offline(
    sandbox: SandboxProcess, baileys: Baileys
) -> None:
    accounts = _accounts(sandbox)
    _linked(sandbox, baileys)
    body = {"subject": "Offline", "creator": CAROL, "participants": [ALICE, BOB]}
    status, created = sandbox.admin("POST", "/groups", body)
    assert status == 201
    group = created["jid"]
    baileys.call("wait_stub", jid=group, stub=GROUP_CREATE, timeout_ms=20000)
    baileys.call("disconnect")

    status, sent = sandbox.admin("POST", f"/groups/{group}/send", {"from": CAROL, "text": "queued"})
    assert status == 200
    baileys.call("reconnect", timeout_ms=30000)
    got = baileys.call("wait_message", text="queued", timeout_ms=20000)["message"]
    assert got["key"]["remoteJid"] == group and got["key"]["id"] == sent["id"]
    assert got["key"]["participant"] == accounts[CAROL]["lid"]
    settled(sandbox)
