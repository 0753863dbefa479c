"""wacli.client.chat_timers: a chat's disappearing timer is one setting whichever form
names the chat, so a contact's change seen by LID is honoured by a send to the number;
a group keeps its own; off forgets it."""

from __future__ import annotations

from pathlib import Path

from wacli.client.chat_timers import remember, timer
from wacli.store import Store

BOB_PN, BOB_LID = "15550001002@s.whatsapp.net", "80000000000002@lid"
GROUP = "120363000000000001@g.us"


def test_one_timer_per_chat_whichever_form_names_it(tmp_path: Path) -> None:
    with Store(tmp_path / "store") as store:
        with store.transaction():
            store.put_lid_mapping(BOB_LID, BOB_PN, "test")
        remember(store, BOB_LID, 86_400)
        assert timer(store, BOB_PN) == timer(store, BOB_LID) == 86_400
        remember(store, GROUP, 604_800)
        assert (timer(store, GROUP), timer(store, BOB_PN)) == (604_800, 86_400)
        remember(store, BOB_PN, 0)
        assert timer(store, BOB_LID) == 0
        assert timer(store, "80000000000009@lid") == 0  # unknown LID: its own, unset
