"""wacli.protocol.group_invites and wacli.protocol.communities: the invite code in a link or
alone, each setting's element read back as it was written, a ``<group>``'s settings, and
the group a community link or unlink names."""

import pytest

from wacli.binary import Node
from wacli.jid import parse_jid
from wacli.protocol import communities as co
from wacli.protocol import group_invites as gi

CODE = "AbCdEfGhIjKlMnOpQrStUv"


@pytest.mark.parametrize(
    "text",
    [CODE, f" {CODE}\n", f"https://chat.whatsapp.com/{CODE}", f"chat.whatsapp.com/{CODE}/?x=1"],
)
def test_the_code_of_a_link_or_a_bare_code(text: str) -> None:
    assert gi.invite_code(text) == CODE
    assert gi.invite_link(gi.invite_code(text)) == f"https://chat.whatsapp.com/{CODE}"


@pytest.mark.parametrize("text", ["", "short", "https://example.com/" + CODE, CODE + "!"])
def test_what_is_no_invite_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="invite"):
        gi.invite_code(text)


@pytest.mark.parametrize("name", ["announce", "locked", "approval"])
@pytest.mark.parametrize("on", [True, False])
def test_a_setting_reads_back_as_written(name: str, on: bool) -> None:
    assert gi.read_setting(gi.setting_node(name, on)) == (name, on)


def test_the_settings_a_group_carries() -> None:
    bare = Node("group", {"id": "1"})
    assert gi.settings_of(bare) == {"announce": False, "locked": False, "approval": False}
    full = Node("group", {"id": "1"}, gi.settings_children(True, True, True))
    assert gi.settings_of(full) == {"announce": True, "locked": True, "approval": True}
    with pytest.raises(ValueError):
        gi.setting_node("muted", True)
    assert gi.read_setting(Node("subject")) is None


def test_the_group_a_community_change_names() -> None:
    group = parse_jid("120363000000000001@g.us")
    assert co.linked_group(co.link_node(group)) == group
    assert co.linked_group(co.unlink_node(group)) == group
    assert co.linked_group(Node("links", {}, [Node("link", {"link_type": "parent_group"})])) is None
