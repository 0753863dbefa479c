"""`wacli profile` end to end against the real sandbox: one account sets its about text,
picture and push name, another reads them (usync ``status``, ``w:profile:picture`` with
the picture's url on the media server, as whatsmeow's GetProfilePictureInfo and Baileys'
profilePictureUrl read it); a group admin sets the group's picture; a business account's
profile (``w:biz``) set through the admin API (docs/sandbox-admin.md) is shown."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.client.accounts import pair
from tests.client.support import Lines, Wacli, new_account, run, stop
from wacli.cli.exit_codes import ExitCode
from wacli.sandbox.process import SandboxProcess

ME = "15550009301"
FRIEND = "15550009302"
SHOP = "15550009303"  # a business: its phone alone
PICTURE = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4  # a JPEG's start, then any bytes


@pytest.fixture(scope="module")
def stores(sandbox: SandboxProcess, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("profiles")
    pair(sandbox, base / "me", ME)
    pair(sandbox, base / "friend", FRIEND)
    new_account(sandbox, SHOP)
    return base / "me", base / "friend"


def wacli(sandbox: SandboxProcess, store: Path, *args: str) -> str:
    code, out, err = run(store, sandbox.url, sandbox.root_key, *args)
    assert code == 0, err
    return out.decode()


def test_about_and_picture_reach_a_contact(
    sandbox: SandboxProcess, stores: tuple[Path, Path], tmp_path: Path
) -> None:
    me, friend = stores
    shown = orjson.loads(wacli(sandbox, friend, "profile", "show", f"+{ME}", "--json"))
    assert shown == {
        "jid": f"{ME}@s.whatsapp.net",
        "about": None,
        "about_set_at": None,
        "picture_id": None,
    }
    assert wacli(sandbox, me, "profile", "set-about", "Out fishing") == ""
    source = tmp_path / "me.jpg"
    source.write_bytes(PICTURE)
    picture_id = wacli(sandbox, me, "profile", "set-picture", str(source)).strip()
    assert picture_id.isdigit()
    shown = orjson.loads(wacli(sandbox, friend, "profile", "show", f"+{ME}", "--json"))
    assert shown["about"] == "Out fishing" and shown["about_set_at"].endswith("Z")
    assert shown["picture_id"] == picture_id
    text = wacli(sandbox, friend, "profile", "show", f"{ME}@s.whatsapp.net")
    assert f"about    Out fishing  (set {shown['about_set_at']})\n" in text
    out = tmp_path / "got.jpg"
    media_ca = sandbox.endpoints["media_ca"]
    args = ("profile", "picture", f"+{ME}", "--out", str(out), "--media-ca", media_ca)
    assert wacli(sandbox, friend, *args) == f"{out}\n"
    assert out.read_bytes() == PICTURE
    code, _, err = run(friend, sandbox.url, sandbox.root_key, *args)
    assert code == ExitCode.USAGE and "--force" in err  # never overwritten unasked
    # No picture: refused in words, nothing written.
    missing = tmp_path / "none.jpg"
    code, _, err = run(
        me, sandbox.url, sandbox.root_key, "profile", "picture", f"+{FRIEND}", "-o", str(missing)
    )
    assert code == ExitCode.REFUSED and "has no profile picture" in err
    assert not missing.exists()
    assert wacli(sandbox, me, "profile", "set-picture", "--remove") == ""
    shown = orjson.loads(wacli(sandbox, friend, "profile", "show", f"+{ME}", "--json"))
    assert shown["picture_id"] is None


def test_group_picture_by_its_admin(
    sandbox: SandboxProcess, stores: tuple[Path, Path], tmp_path: Path
) -> None:
    me, friend = stores
    status, group = sandbox.admin(
        "POST", "/groups", {"subject": "Pics", "creator": ME, "participants": [FRIEND]}
    )
    assert status == 201, group
    source = tmp_path / "group.jpg"
    source.write_bytes(PICTURE[::-1])
    code, _, err = run(
        friend,
        sandbox.url,
        sandbox.root_key,
        "profile",
        "set-picture",
        "--group",
        group["jid"],
        str(source),
    )
    assert code == ExitCode.REFUSED and "403" in err  # not an admin
    wacli(sandbox, me, "profile", "set-picture", "--group", group["jid"], str(source))
    out = tmp_path / "got.jpg"
    media_ca = sandbox.endpoints["media_ca"]
    wacli(
        sandbox, friend, "profile", "picture", group["jid"], "-o", str(out), "--media-ca", media_ca
    )
    assert out.read_bytes() == PICTURE[::-1]


def test_set_name_tells_the_server_then_our_devices(
    sandbox: SandboxProcess, stores: tuple[Path, Path]
) -> None:
    me, _ = stores
    code, out, err = run(me, sandbox.url, sandbox.root_key, "profile", "set-name", "Captain")
    assert code == 0 and out == b""
    assert "app-state key" in err  # the phone never shared it: only the server knows
    status, profile = sandbox.admin("GET", f"/accounts/{ME}/profile")
    assert status == 200 and profile["push_name"] == "Captain"
    # The phone renames itself: it makes its app-state key and shares it with listen.
    status, body = sandbox.admin("POST", f"/accounts/{ME}/app-state", {"push_name": "Skipper"})
    assert status == 200, body
    listen = Lines(Wacli(me, sandbox.url, sandbox.root_key, "listen"))
    assert listen.next_of("self_push_name_updated")["data"]["new_name"] == "Skipper"
    stop(listen)
    code, _, err = run(me, sandbox.url, sandbox.root_key, "profile", "set-name", "Captain")
    assert code == 0 and err == ""  # the setting_pushName patch went with it
    status, view = sandbox.admin("GET", f"/accounts/{ME}/app-state")
    assert status == 200 and view["critical_block"]["version"] == body["version"] + 1
    status, found = sandbox.admin("GET", "/stats")
    assert found.get("app_state_unverified", 0) == 0  # the phone read and verified our patch
    code, _, err = run(me, sandbox.url, sandbox.root_key, "profile", "set-name", "x" * 26)
    assert code == ExitCode.USAGE and "1 to 25 characters" in err
    # Bytes that are not UTF-8 (Python hands them over as lone surrogates): exit 2, one line.
    for command in ("set-name", "set-about"):
        code, _, err = run(me, sandbox.url, sandbox.root_key, "profile", command, "caf\udce9")
        assert code == ExitCode.USAGE and "byte 0xe9" in err and len(err.splitlines()) == 1


def test_business_profile(sandbox: SandboxProcess, stores: tuple[Path, Path]) -> None:
    me, _ = stores
    fields = {
        "description": "Fresh fish daily",
        "address": "1 Harbour Rd",
        "email": "shop@example.com",
        "websites": ["https://shop.example.com"],
        "categories": ["Grocery Store"],
    }
    status, body = sandbox.admin("PUT", f"/accounts/{SHOP}/business-profile", fields)
    assert status == 200, body
    shown = orjson.loads(wacli(sandbox, me, "profile", "business", f"+{SHOP}", "--json"))
    assert shown == {"jid": f"{SHOP}@s.whatsapp.net", **fields}
    text = wacli(sandbox, me, "profile", "business", f"+{SHOP}")
    assert "website  https://shop.example.com\n" in text
    code, _, err = run(me, sandbox.url, sandbox.root_key, "profile", "business", f"+{FRIEND}")
    assert code == ExitCode.REFUSED and "not a business account" in err
